/*
 * date_rel.c - relative dates, as the date reader reads them.
 *
 * In: the cursor where a date may start. Out: a date relative to when the
 * page was read (rp__date.relative): RP__DATE_AGO in minutes ("3 hours
 * ago", "an hour ago", "3小时前", "半小时前", "just now", "刚刚") or
 * RP__DATE_DAYREL in days, at a time of day if one follows ("2 days
 * ago", "2天前", "yesterday 15:42", "昨天 15:42"). rp__date_resolve
 * (date_calc.c) places them against a reference date.
 */
#include "date_read.h"

/* the farthest back "... ago" goes: 19 years in minutes, 100 in days */
#define AGO_MAX  10000000
#define DAYS_MAX 36600

/* units of "N ... ago": seconds each; -days for days and weeks */
static const entry en_units[] = {
	{"s", 1},       {"sec", 1},      {"secs", 1},     {"second", 1},
	{"seconds", 1}, {"m", 60},       {"min", 60},     {"mins", 60},
	{"minute", 60}, {"minutes", 60}, {"h", 3600},     {"hr", 3600},
	{"hrs", 3600},  {"hour", 3600},  {"hours", 3600}, {"d", -1},
	{"day", -1},    {"days", -1},    {"w", -7},       {"wk", -7},
	{"wks", -7},    {"week", -7},    {"weeks", -7}};

static const entry cn_units[] = {
	{"秒钟", 1},    {"秒鐘", 1},    {"秒", 1},        {"分钟", 60},
	{"分鐘", 60},   {"分", 60},     {"个小时", 3600}, {"個小時", 3600},
	{"小时", 3600}, {"小時", 3600}, {"钟头", 3600},   {"鐘頭", 3600},
	{"天", -1},     {"日", -1},     {"个星期", -7},   {"個星期", -7},
	{"星期", -7},   {"周", -7},     {"週", -7}};

static const entry day_words[] = {{"today", 0}, {"yesterday", 1}};

/* 刚刚 (just now), 半 (小时前: half an hour ago) */
static const entry cn_starts[] = {{"刚刚", 0}, {"剛剛", 0}, {"半", 0}};

static const entry cn_day_words[] = {
	{"今天", 0}, {"昨天", 1}, {"前天", 2}, {"今日", 0}, {"昨日", 1}};

/* The next word starts a relative date: today, yesterday, a, an, just. */
int rp__date_names_rel(const cur *c)
{
	cur t = *c;
	int v;
	return WORD_IN(&t, day_words, 0, &v) || word(&t, "a") ||
	       word(&t, "an") || word(&t, "just");
}

/* Can 昨天, 刚刚, 半小时前 ... start at s[i]? */
int rp__date_rel_may_start(const char *s, size_t n, size_t i)
{
	return rp__date_starts_word_of(s, n, i, cn_day_words,
				       N(cn_day_words)) ||
	       rp__date_starts_word_of(s, n, i, cn_starts, N(cn_starts));
}

/* n units (seconds each; -days for days and weeks) ago. */
static int set_ago(rp__date *d, int64_t n, int unit)
{
	if (unit < 0) {
		if (n * -unit > DAYS_MAX)
			return 0;
		d->relative = RP__DATE_DAYREL;
		d->days = (int)(n * -unit);
		return 1;
	}
	if (n * unit / 60 > AGO_MAX)
		return 0;
	d->relative = RP__DATE_AGO;
	d->ago = (int)(n * unit / 60);
	return 1;
}

/* 3 hours ago, an hour ago, 5 mins ago, 2 days ago; 3小时前, 半小时前 */
int rp__date_read_ago(cur *c, rp__date *d)
{
	int n = 1, unit, half = 0;
	if (!word(c, "a") && !word(c, "an") &&
	    !(half = rp__date_lit(c, "半")) && !num(c, 1, 9, 1, &n))
		return 0;
	if (WORD_IN(c, en_units, 0, &unit)) {
		if (half || !word(c, "ago"))
			return 0;
	} else if (LIT_IN(c, cn_units, &unit)) {
		(void)(rp__date_lit(c, "之") || rp__date_lit(c, "以"));
		if (!rp__date_lit(c, "前"))
			return 0;
	} else {
		return 0;
	}
	if (half && unit != 3600)
		return 0;
	return set_ago(d, n, half ? 1800 : unit);
}

/* today, yesterday, 今天, 昨天, 前天, with a time of day or bare */
int rp__date_read_day_word(cur *c, rp__date *d)
{
	int k;
	if (!WORD_IN(c, day_words, 0, &k) && !LIT_IN(c, cn_day_words, &k))
		return 0;
	d->relative = RP__DATE_DAYREL;
	d->days = k;
	c->bare = !try_read(rp__date_read_after_time, c, d);
	return 1;
}

/* just now, 刚刚: 0 minutes ago */
int rp__date_read_just_now(cur *c, rp__date *d)
{
	cur c0 = *c;
	if (!(word(c, "just") && word(c, "now"))) {
		*c = c0;
		if (!rp__date_lit(c, "刚刚") && !rp__date_lit(c, "剛剛"))
			return 0;
	}
	d->relative = RP__DATE_AGO;
	d->ago = 0;
	c->bare = 1;
	return 1;
}
