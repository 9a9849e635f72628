/*
 * date_clock.c - times of day, as the date reader reads them.
 *
 * In: the cursor where a time of day may stand: after a date, with what
 * bylines put between ("," "|" "at" "@" a weekday), or before one
 * (date_day.c). Out: the hour, minute and second on the date, and its
 * zone (date_zone.c) when one follows. Read: "15:42", "15:42:07.22",
 * "3:42 PM", "3 p.m.", "noon" after 12; "下午3:42", "15时42分", "3点半";
 * ISO 8601 basic "T1405", "1405Z" and, after a compact date, "1405".
 */
#include "date_read.h"

/* 上午, 下午 ... before a time: 12 is added to hours below the value
 * (中午1点 is 13:00, 中午12点 12:00) */
static const entry halves[] = {
	{"上午", 0},  {"凌晨", 0},  {"早上", 0},  {"早晨", 0},  {"清晨", 0},
	{"中午", 11}, {"下午", 12}, {"晚上", 12}, {"傍晚", 12}, {"晚间", 12},
	{"晚間", 12}, {"夜间", 12}, {"夜間", 12}};

static const entry hour_marks[] = {{"时", 0}, {"時", 0}, {"点", 0}, {"點", 0}};

static const entry cn_weeks[] = {
	{"星期", 0}, {"礼拜", 0}, {"禮拜", 0}, {"周", 0}, {"週", 0}};

int rp__date_half_may_start(const char *s, size_t n, size_t i)
{
	return rp__date_starts_word_of(s, n, i, halves, N(halves));
}

/* AM or PM after a time ("AM", "pm", "p.m."): 1 am, 2 pm, 0 neither. */
static int am_pm(cur *c)
{
	tok t = peek(c);
	cur c0 = *c;
	int k = t.kind == T_WORD && lower(c->s[t.at]) == 'a' ? 1 : 2;
	if (word_is(c, &t, "am", 0) || word_is(c, &t, "pm", 0)) {
		c->pos = t.end;
		return k;
	}
	if (!word_is(c, &t, "a", 0) && !word_is(c, &t, "p", 0))
		return 0;
	c->pos = t.end;
	if (sym(c, '.') && word(c, "m")) {
		(void)sym(c, '.');
		return k;
	}
	*c = c0;
	return 0;
}

/* :SS after HH:MM, and a fraction right after it (":01.22", ":07.123"). */
static int seconds(cur *c, rp__date *d)
{
	tok t, f;
	if (!sym(c, ':') || !num(c, 2, 2, 0, &d->s))
		return 0;
	t = peek(c);
	if (t.kind == T_SYM && t.c == '.' && t.at == c->pos) {
		rp__date_lex(c->s, c->n, t.end, &f);
		if (f.kind == T_NUM && !f.cn && f.at == t.end)
			c->pos = f.end;
	}
	return 1;
}

static int cn_seconds(cur *c, rp__date *d)
{
	return num(c, 1, 2, 1, &d->s) && rp__date_lit(c, "秒");
}

/* After 时 or 点: 42分 (07秒), or 半 (half past). */
static int cn_minutes(cur *c, rp__date *d)
{
	if (rp__date_lit(c, "半")) {
		d->mi = 30;
		return 1;
	}
	if (!num(c, 1, 2, 1, &d->mi) || !rp__date_lit(c, "分"))
		return 0;
	(void)try_read(cn_seconds, c, d);
	return 1;
}

/* The clock after the hour: ":MM[:SS] [AM|PM]", "时[MM分]", "AM|PM" or
 * "noon" (a bare hour only for those); AM/PM into *ap. */
static int after_hour(cur *c, rp__date *d, const tok *hour, int half, int *ap)
{
	int k;
	if (!hour->cn && sym(c, ':')) {
		if (!num(c, 2, 2, 0, &d->mi))
			return 0;
		(void)try_read(seconds, c, d);
		*ap = am_pm(c);
		return 1;
	}
	if (LIT_IN(c, hour_marks, &k)) {
		(void)try_read(cn_minutes, c, d);
		return 1;
	}
	if (hour->cn || half >= 0)
		return 0;
	if (word(c, "noon"))
		return hour->v == 12;
	*ap = am_pm(c);
	return *ap && hour->v >= 1 && hour->v <= 12;
}

/* A time of day, 上午/下午 ... before it, a zone after it. */
int rp__date_read_clock(cur *c, rp__date *d)
{
	tok t;
	int half, h, ap = 0;
	if (!LIT_IN(c, halves, &half))
		half = -1;
	t = peek(c);
	d->mi = d->s = 0;
	if (!num(c, 1, 2, 1, &h) || !after_hour(c, d, &t, half, &ap))
		return 0;
	if (h > 23 || d->mi > 59 || d->s > 60)
		return 0;
	if (ap == 2 && h >= 1 && h < 12)
		h += 12;
	else if (ap == 1 && h == 12)
		h = 0;
	if (half >= 0 && h < half)
		h += 12;
	else if (half == 0 && h == 12)
		h = 0; /* 上午12:33, 凌晨12点: past midnight */
	d->h = h;
	c->timed = 1;
	(void)try_read(rp__date_read_zone, c, d);
	return 1;
}

/* HHMM or HHMMSS as a time of day: 1 read, 0 a number of four or six
 * digits that is no time, -1 no such number. */
static int hhmmss(cur *c, rp__date *d)
{
	tok t = peek(c);
	int v;
	if (t.kind != T_NUM || t.cn || (t.nd != 4 && t.nd != 6))
		return -1;
	v = t.nd == 4 ? t.v * 100 : t.v;
	if (v / 10000 > 23 || v / 100 % 100 > 59 || v % 100 > 60)
		return 0;
	d->h = v / 10000;
	d->mi = v / 100 % 100;
	d->s = v % 100;
	c->pos = t.end;
	c->timed = 1;
	return 1;
}

/* ISO 8601 basic format: T1405, T154200, T15:42; without the T only
 * with a zone (1405Z, 154200+0800), else it is just a number. */
static int compact_time(cur *c, rp__date *d)
{
	int t_sep = word(c, "t"), r = hhmmss(c, d);
	if (r < 0)
		return t_sep && rp__date_read_clock(c, d);
	return r && (try_read(rp__date_read_zone, c, d) || t_sep);
}

/* HHMM or HHMMSS right after a compact date (19870409 1405): there a
 * bare number of four or six digits is its time. */
int rp__date_read_bare_time(cur *c, rp__date *d)
{
	if (hhmmss(c, d) <= 0)
		return 0;
	(void)try_read(rp__date_read_zone, c, d);
	return 1;
}

/* 星期三, 周三, 礼拜天, （星期三） after a date. */
static int cn_weekday(cur *c, rp__date *d)
{
	int open = sym(c, '('), k;
	(void)d;
	if (!LIT_IN(c, cn_weeks, &k))
		return 0;
	if (!(num(c, 1, 1, 1, &k) && k >= 1 && k <= 6) &&
	    !rp__date_lit(c, "日") && !rp__date_lit(c, "天"))
		return 0;
	return !open || sym(c, ')');
}

/* What bylines put between a date and its time: ",", "|", "·", "at",
 * "-", "@", a weekday (Wed, 星期三). */
int rp__date_read_between(cur *c, rp__date *d)
{
	tok t = peek(c);
	if (t.kind == T_SYM &&
	    (t.c == ',' || t.c == '|' || t.c == '-' || t.c == '@')) {
		c->pos = t.end;
		return 1;
	}
	return word(c, "at") || rp__date_read_weekday(c) ||
	       try_read(cn_weekday, c, d);
}

int rp__date_read_after_time(cur *c, rp__date *d)
{
	int k;
	for (k = 0; k < 4 && rp__date_read_between(c, d); k++)
		;
	return try_read(rp__date_read_clock, c, d) ||
	       try_read(compact_time, c, d);
}
