/*
 * date_day.c - calendar dates, as the date reader reads them.
 *
 * In: the cursor where a date may start. Out: year, month and day on the
 * date (year 0 when the text gives none), with the time of day before or
 * after it (date_clock.c). Read: 2023-03-29, 2023/3/29, 2023年3月29日,
 * 二〇二三年三月二十九日, 19870409T1405, 09/04/1987, 04.09.1987,
 * "11 March 1987", "March 11, 1987", "4th of July", "03-29 15:42", a
 * weekday before any ("Wed, 11 Mar 87 18:11:46 GMT"). Which order an
 * ambiguous day and month are read in, and which two-digit years are
 * read, date.h says.
 */
#include "date_read.h"

static const entry months[] = {
	{"january", 1},   {"jan", 1},    {"february", 2},  {"feb", 2},
	{"march", 3},     {"mar", 3},    {"april", 4},     {"apr", 4},
	{"may", 5},       {"june", 6},   {"jun", 6},       {"july", 7},
	{"jul", 7},       {"august", 8}, {"aug", 8},       {"september", 9},
	{"sept", 9},      {"sep", 9},    {"october", 10},  {"oct", 10},
	{"november", 11}, {"nov", 11},   {"december", 12}, {"dec", 12}};

static const entry weekdays[] = {
	{"monday", 1}, {"mon", 1},       {"tuesday", 2}, {"tue", 2},
	{"tues", 2},   {"wednesday", 3}, {"wed", 3},     {"thursday", 4},
	{"thu", 4},    {"thur", 4},      {"thurs", 4},   {"friday", 5},
	{"fri", 5},    {"saturday", 6},  {"sat", 6},     {"sunday", 7},
	{"sun", 7}};

static const entry ordinals[] = {{"st", 1}, {"nd", 2}, {"rd", 3}, {"th", 4}};

static const entry day_marks[] = {{"日", 0}, {"号", 0}, {"號", 0}};

/* A weekday's name, capitalized: Wed, Wednesday. */
int rp__date_read_weekday(cur *c)
{
	int k;
	return WORD_IN(c, weekdays, 1, &k);
}

int rp__date_names_day(const cur *c)
{
	cur t = *c;
	int v;
	return WORD_IN(&t, months, 0, &v) || WORD_IN(&t, weekdays, 1, &v);
}

static int set_ymd(rp__date *d, int y, int mo, int dd)
{
	d->y = y;
	d->mo = mo;
	d->d = dd;
	d->ambiguous = 0;
	return rp__date_valid(d);
}

/* Day and month as a and b in either order: month first if asked and a
 * can be a month, else day first unless b cannot be a month. */
static int set_dm(rp__date *d, int y, int a, int b, int month_first)
{
	int mf = month_first ? a <= 12 : b > 12;
	if (!set_ymd(d, y, mf ? a : b, mf ? b : a))
		return 0;
	d->ambiguous = (unsigned char)(a <= 12 && b <= 12 && a != b);
	return 1;
}

/* A year after day and month: four digits, or two in a timestamp (a
 * time of day before it, or right after it: then read too). */
static int year(cur *c, rp__date *d, int *y)
{
	tok t = peek(c);
	if (t.kind != T_NUM || t.cn)
		return 0;
	c->pos = t.end;
	if (t.nd == 4 && t.v >= 1900 && t.v <= 2199) {
		*y = t.v;
		return 1;
	}
	*y = t.v < 70 ? 2000 + t.v : 1900 + t.v;
	return t.nd == 2 &&
	       (c->timed || try_read(rp__date_read_after_time, c, d));
}

/* ", 1987", "-1987", " 1987" or nothing (y stays 0). */
static void opt_year(cur *c, rp__date *d, int *y)
{
	cur c0 = *c;
	rp__date d0 = *d;
	if (!sym(c, ','))
		(void)sym(c, '-');
	if (year(c, d, y))
		return;
	*c = c0;
	*d = d0;
	*y = 0;
}

/* A month's name: full, three letters or Sept, an abbreviation with its
 * '.'; a word that starts like one is none, and "may" is the verb
 * ("you may 5 times") unless capitalized. */
static int month(cur *c, int *mo)
{
	tok t = peek(c);
	if (!WORD_IN(c, months, 0, mo) || (*mo == 5 && c->s[t.at] == 'm'))
		return 0;
	if (t.end - t.at <= 4)
		(void)sym(c, '.');
	return 1;
}

/* 2023-03-29, 2023/3/29, 2023.03.29 */
static int ymd(cur *c, rp__date *d)
{
	int y, mo, dd, sep;
	return num(c, 4, 4, 0, &y) && (sep = date_sep(c)) != 0 &&
	       num(c, 1, 2, 0, &mo) && sym(c, sep) && num(c, 1, 2, 0, &dd) &&
	       set_ymd(d, y, mo, dd);
}

/* 2023年3月29日, 二〇二三年三月二十九日; without the year 3月29日 */
static int cn_date(cur *c, rp__date *d)
{
	int y = 0, mo, dd, k;
	tok t = peek(c);
	if (t.kind == T_NUM && t.nd == 4 &&
	    (!num(c, 4, 4, 1, &y) || !rp__date_lit(c, "年") || y < 1900))
		return 0;
	return num(c, 1, 2, 1, &mo) && rp__date_lit(c, "月") &&
	       num(c, 1, 2, 1, &dd) && LIT_IN(c, day_marks, &k) &&
	       set_ymd(d, y, mo, dd);
}

/* 09/04/1987 (month first), 04.09.1987 and 29-03-2023 (day first) */
static int dmy(cur *c, rp__date *d)
{
	int a, b, y, sep;
	return num(c, 1, 2, 0, &a) && (sep = date_sep(c)) != 0 &&
	       num(c, 1, 2, 0, &b) && sym(c, sep) && year(c, d, &y) &&
	       set_dm(d, y, a, b, sep == '/');
}

/* 11 March 1987, 11 Mar 1987, 03-March-1987, 9-APR-1987, 4th of July */
static int day_month(cur *c, rp__date *d)
{
	int dd, mo, y, k;
	if (!num(c, 1, 2, 0, &dd))
		return 0;
	(void)WORD_IN(c, ordinals, 0, &k);
	(void)(sym(c, '-') || word(c, "of"));
	if (!month(c, &mo))
		return 0;
	opt_year(c, d, &y);
	return set_ymd(d, y, mo, dd);
}

/* March 11, 1987, Mar. 11, 1987, Sept. 4, 1987, March 23 */
static int month_day(cur *c, rp__date *d)
{
	int dd, mo, y, k;
	if (!month(c, &mo))
		return 0;
	(void)sym(c, '-');
	if (!num(c, 1, 2, 0, &dd))
		return 0;
	(void)WORD_IN(c, ordinals, 0, &k);
	opt_year(c, d, &y);
	return set_ymd(d, y, mo, dd);
}

/* YYYYMMDD with a time (19870409T1405, 19870409 1405Z, 19870409 1405)
 * or a label (pubdate=19870319): alone it is more often an id. */
static int compact(cur *c, rp__date *d)
{
	int v;
	if (!num(c, 8, 8, 0, &v) ||
	    !set_ymd(d, v / 10000, v / 100 % 100, v % 100))
		return 0;
	return c->timed || try_read(rp__date_read_after_time, c, d) ||
	       try_read(rp__date_read_bare_time, c, d) ||
	       rp__date_label_before(c);
}

/* 03-29 15:42, 3/29 15:42: month and day without a year, only with a
 * time of day. */
static int md_time(cur *c, rp__date *d)
{
	tok a = peek(c), b;
	int x, y, sep;
	if (!num(c, 1, 2, 0, &x) || ((sep = date_sep(c)) != '-' && sep != '/'))
		return 0;
	b = peek(c);
	if (!num(c, 1, 2, 0, &y) || (sep == '-' && (a.nd != 2 || b.nd != 2)) ||
	    !set_dm(d, 0, x, y, 1))
		return 0;
	if (sep == '-') /* ISO order with the year dropped */
		d->ambiguous = 0;
	return c->timed || try_read(rp__date_read_after_time, c, d);
}

static const reader date_parts[] = {ymd,       cn_date,   compact, dmy,
				    day_month, month_day, md_time};

/* [weekday] date [time] */
int rp__date_read_dated(cur *c, rp__date *d)
{
	size_t k;
	if (rp__date_read_weekday(c))
		(void)(sym(c, ',') || sym(c, '.'));
	for (k = 0; k < N(date_parts); k++)
		if (try_read(date_parts[k], c, d))
			break;
	if (k == N(date_parts))
		return 0;
	if (d->h < 0 && !c->timed)
		(void)try_read(rp__date_read_after_time, c, d);
	return 1;
}

/* 15:42 29/03/2023, 3:42 PM · Mar 29, 2023: the time, then the date */
int rp__date_read_time_first(cur *c, rp__date *d)
{
	int k;
	if (!rp__date_read_clock(c, d))
		return 0;
	for (k = 0; k < 3 && (rp__date_read_between(c, d) || word(c, "on"));
	     k++)
		;
	return rp__date_read_dated(c, d);
}
