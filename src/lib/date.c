/*
 * date.c - reading dates from text; date.h says which forms and why.
 *
 * A small lexer turns the text at a position into tokens: numbers (ASCII,
 * full-width or Chinese numerals), ASCII words, symbols (full-width
 * punctuation read as ASCII, the dots and dashes bylines put between
 * parts as '|') and other characters. It skips the spaces between tokens,
 * so segmented text ("2023 - 03 - 29 15 : 42") reads as if written
 * together. Readers by recursive descent take a date part (Y-M-D, D/M/Y,
 * month names, 年月日, YYYYMMDD), a time of day after or before it, AM/PM
 * or 上午/下午, a zone; the relative forms apart. Every alternative runs
 * on copies of the cursor and the date (try_read) that are kept only if it
 * reads, so a date ends on the last token some reading could use
 * ("March 11, 1987, said" spans "March 11, 1987"). Labels and a zone
 * before a date are matched backwards from its start.
 */
#include <string.h>

#include "date.h"
#include "utf8.h"

/* more spaces than this between two tokens end a date */
#define MAX_SPACES 32
/* bytes before a date searched for its label */
#define LOOK_BACK 96
/* characters searched each way for the rest of a date's line */
#define LINE_LOOK 256
/* the farthest back "... ago" goes: 19 years in minutes, 100 in days */
#define AGO_MAX  10000000
#define DAYS_MAX 36600

#define N(tab) (sizeof(tab) / sizeof((tab)[0]))

/* ---- units: characters as the lexer sees them ---------------------------- */

/* ASCII as itself; U_CN + value for a Chinese numeral (十 is 10); U_OTHER
 * for any other character or an ill-formed byte. */
#define U_OTHER (-1)
#define U_CN    0x100

static const struct fold {
	int32_t cp;
	int u;
} folds[] = {
	/* spaces: NBSP, thin, narrow no-break (ICU's "3:42 PM"), ideographic */
	{0xA0, ' '},
	{0x2009, ' '},
	{0x202F, ' '},
	{0x3000, ' '},
	/* what bylines put between their parts: · • ・ – — */
	{0xB7, '|'},
	{0x2022, '|'},
	{0x30FB, '|'},
	{0x2013, '|'},
	{0x2014, '|'},
	/* 〇 ○ 零 一 二 三 四 五 六 七 八 九 十 */
	{0x3007, U_CN},
	{0x25CB, U_CN},
	{0x96F6, U_CN},
	{0x4E00, U_CN + 1},
	{0x4E8C, U_CN + 2},
	{0x4E09, U_CN + 3},
	{0x56DB, U_CN + 4},
	{0x4E94, U_CN + 5},
	{0x516D, U_CN + 6},
	{0x4E03, U_CN + 7},
	{0x516B, U_CN + 8},
	{0x4E5D, U_CN + 9},
	{0x5341, U_CN + 10},
};

/* The unit at s[i] (i < n), its bytes into *len. Full-width forms
 * (U+FF01..FF5E: ２０２３, １５：４２, （, ｜) are their ASCII. */
static int unit_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp = rp__utf8_decode((const unsigned char *)s + i, n - i, len);
	size_t k;
	if (cp == '\t' || cp == '\r')
		return ' ';
	if (cp >= 0 && cp < 0x80)
		return cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	for (k = 0; k < N(folds); k++)
		if (cp == folds[k].cp)
			return folds[k].u;
	return U_OTHER;
}

/* The unit that ends at s[i] (i > 0), its bytes into *len. */
static int prev_unit(const char *s, size_t i, size_t *len)
{
	size_t j = i - 1;
	int u;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	u = unit_at(s, i, j, len);
	if (j + *len != i) { /* a stray continuation byte */
		*len = 1;
		return U_OTHER;
	}
	return u;
}

static int is_digit(int u)
{
	return u >= '0' && u <= '9';
}

static int is_alpha(int u)
{
	return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

static int is_cn(int u)
{
	return u >= U_CN && u <= U_CN + 10;
}

static int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* ---- tokens -------------------------------------------------------------- */

enum { T_END, T_NUM, T_WORD, T_SYM, T_OTHER };

typedef struct tok {
	size_t at, end; /* its bytes, s[at..end) */
	int kind;
	int c;  /* T_SYM: the character */
	int v;  /* T_NUM: the value of its first 9 digits; -1: no numeral */
	int nd; /* T_NUM: digits (up to 99) */
	int cn; /* T_NUM: in Chinese numerals */
} tok;

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	size_t len;
	int k;
	for (k = 0; k < MAX_SPACES && i < n && unit_at(s, n, i, &len) == ' ';
	     k++)
		i += len;
	return i;
}

static void lex_digits(const char *s, size_t n, tok *t)
{
	size_t i = t->at, len;
	int u;
	t->kind = T_NUM;
	while (i < n && is_digit(u = unit_at(s, n, i, &len))) {
		if (t->nd < 9)
			t->v = t->v * 10 + (u - '0');
		if (t->nd < 99)
			t->nd++;
		i += len;
	}
	t->end = i;
}

/* Chinese numerals are written digit by digit in years (二〇二三) and
 * with 十 for tens in months and days (十二, 二十九, 三十). */
static int cn_value(const int *d, int k, int *nd)
{
	int j, v = 0, ten = -1;
	for (j = 0; j < k; j++)
		if (d[j] == 10) {
			if (ten >= 0)
				return -1;
			ten = j;
		}
	*nd = ten < 0 ? k : 2;
	if (ten < 0) {
		for (j = 0; j < k; j++)
			v = v * 10 + d[j];
		return v;
	}
	if (ten > 1 || k - ten > 2 || (ten == 1 && d[0] == 0) ||
	    (k - ten == 2 && d[ten + 1] == 0))
		return -1;
	return (ten ? d[0] : 1) * 10 + (k - ten == 2 ? d[ten + 1] : 0);
}

static void lex_cn(const char *s, size_t n, tok *t)
{
	int d[4], k = 0, u;
	size_t i = t->at, len;
	t->kind = T_NUM;
	t->cn = 1;
	while (i < n && is_cn(u = unit_at(s, n, i, &len))) {
		if (k < 4)
			d[k] = u - U_CN;
		k += k < 5;
		i += len;
	}
	t->end = i;
	t->v = k > 4 ? -1 : cn_value(d, k, &t->nd);
	if (k > 4)
		t->nd = k;
}

/* The token at s[i], after up to MAX_SPACES spaces; a line ends one. */
static void lex(const char *s, size_t n, size_t i, tok *t)
{
	size_t len = 0;
	int u;
	memset(t, 0, sizeof *t);
	i = skip_spaces(s, n, i);
	t->at = t->end = i;
	if (i >= n || (u = unit_at(s, n, i, &len)) == ' ' || u == '\n')
		return; /* T_END */
	if (is_digit(u)) {
		lex_digits(s, n, t);
	} else if (is_cn(u)) {
		lex_cn(s, n, t);
	} else if (is_alpha(u)) {
		t->kind = T_WORD;
		while (i < n && is_alpha(unit_at(s, n, i, &len)))
			i += len;
		t->end = i;
	} else {
		t->kind = u == U_OTHER ? T_OTHER : T_SYM;
		t->c = u;
		t->end = i + len;
	}
}

/* ---- the cursor and what it takes ---------------------------------------- */

typedef struct cur {
	const char *s;
	size_t n, pos, start; /* reading s[pos..n); the date began at start */
	int timed; /* a time of day was read (two-digit years may follow) */
	int label; /* the label before start; -1: not looked for yet */
	int bare;  /* a day word without a time: needs a label or its line */
} cur;

typedef int (*reader)(cur *, rp__date *);

static int label_before(cur *c);

/* Run r on copies of the cursor and the date; keep them if it reads. */
static int try_read(reader r, cur *c, rp__date *d)
{
	cur cc = *c;
	rp__date dd = *d;
	if (!r(&cc, &dd))
		return 0;
	*c = cc;
	*d = dd;
	return 1;
}

static tok peek(const cur *c)
{
	tok t;
	lex(c->s, c->n, c->pos, &t);
	return t;
}

static int sym(cur *c, int ch)
{
	tok t = peek(c);
	if (t.kind != T_SYM || t.c != ch)
		return 0;
	c->pos = t.end;
	return 1;
}

/* One of the date separators '-', '/', '.': it, or 0. */
static int date_sep(cur *c)
{
	tok t = peek(c);
	if (t.kind != T_SYM || (t.c != '-' && t.c != '/' && t.c != '.'))
		return 0;
	c->pos = t.end;
	return t.c;
}

/* A number of lo..hi digits; in Chinese numerals only when cn. */
static int num(cur *c, int lo, int hi, int cn, int *v)
{
	tok t = peek(c);
	if (t.kind != T_NUM || t.nd < lo || t.nd > hi || t.v < 0 ||
	    (t.cn && !cn))
		return 0;
	*v = t.v;
	c->pos = t.end;
	return 1;
}

typedef struct entry {
	const char *w;
	int v;
} entry;

/* Is t the word w (lower case) in any case; capitalized if cap? */
static int word_is(const cur *c, const tok *t, const char *w, int cap)
{
	size_t k, len = t->end - t->at;
	if (t->kind != T_WORD || strlen(w) != len ||
	    (cap && lower(c->s[t->at]) == c->s[t->at]))
		return 0;
	for (k = 0; k < len; k++)
		if (lower(c->s[t->at + k]) != w[k])
			return 0;
	return 1;
}

static int word(cur *c, const char *w)
{
	tok t = peek(c);
	if (!word_is(c, &t, w, 0))
		return 0;
	c->pos = t.end;
	return 1;
}

/* The next word if it is in tab (capitalized if cap): its value. */
static int word_in(cur *c, const entry *tab, size_t k, int cap, int *v)
{
	tok t = peek(c);
	size_t j;
	for (j = 0; j < k; j++)
		if (word_is(c, &t, tab[j].w, cap)) {
			*v = tab[j].v;
			c->pos = t.end;
			return 1;
		}
	return 0;
}

/* The characters of w next, spaces allowed before and between them
 * ("北京 时间"). */
static int lit(cur *c, const char *w)
{
	size_t i = c->pos, k = 0, wl = strlen(w);
	while (k < wl) {
		unsigned char b = (unsigned char)w[k];
		size_t cl = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		i = skip_spaces(c->s, c->n, i);
		if (c->n - i < cl || memcmp(c->s + i, w + k, cl) != 0)
			return 0;
		i += cl;
		k += cl;
	}
	c->pos = i;
	return 1;
}

static int lit_in(cur *c, const entry *tab, size_t k, int *v)
{
	size_t j;
	for (j = 0; j < k; j++)
		if (lit(c, tab[j].w)) {
			*v = tab[j].v;
			return 1;
		}
	return 0;
}

/* ---- tables -------------------------------------------------------------- */

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

/* 上午, 下午 ... before a time: 12 is added to hours below the value
 * (中午1点 is 13:00, 中午12点 12:00) */
static const entry halves[] = {
	{"上午", 0},  {"凌晨", 0},  {"早上", 0},  {"早晨", 0},  {"清晨", 0},
	{"中午", 11}, {"下午", 12}, {"晚上", 12}, {"傍晚", 12}, {"晚间", 12},
	{"晚間", 12}, {"夜间", 12}, {"夜間", 12}};

static const entry hour_marks[] = {{"时", 0}, {"時", 0}, {"点", 0}, {"點", 0}};

static const entry day_marks[] = {{"日", 0}, {"号", 0}, {"號", 0}};

static const entry cn_weeks[] = {
	{"星期", 0}, {"礼拜", 0}, {"禮拜", 0}, {"周", 0}, {"週", 0}};

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

/* zones by name, upper case as written; us: 1..4 for ET, CT, MT, PT */
enum { Z_PLAIN, Z_UTC, Z_CST };
static const struct zone {
	const char *w;
	short off;
	unsigned char us, kind;
} zones[] = {
	{"Z", 0, 0, 0},       {"z", 0, 0, 0},       {"UT", 0, 0, Z_UTC},
	{"UTC", 0, 0, Z_UTC}, {"GMT", 0, 0, Z_UTC}, {"EST", -300, 0, 0},
	{"EDT", -240, 0, 0},  {"ET", -300, 1, 0},   {"CST", -360, 0, Z_CST},
	{"CDT", -300, 0, 0},  {"CT", -360, 2, 0},   {"MST", -420, 0, 0},
	{"MDT", -360, 0, 0},  {"MT", -420, 3, 0},   {"PST", -480, 0, 0},
	{"PDT", -420, 0, 0},  {"PT", -480, 4, 0},   {"AKST", -540, 0, 0},
	{"AKDT", -480, 0, 0}, {"HST", -600, 0, 0},  {"BST", 60, 0, 0},
	{"IST", 330, 0, 0},   {"CET", 60, 0, 0},    {"CEST", 120, 0, 0},
	{"EET", 120, 0, 0},   {"EEST", 180, 0, 0},  {"MSK", 180, 0, 0},
	{"JST", 540, 0, 0},   {"KST", 540, 0, 0},   {"HKT", 480, 0, 0},
	{"SGT", 480, 0, 0},   {"AWST", 480, 0, 0},  {"ACST", 570, 0, 0},
	{"AEST", 600, 0, 0},  {"AEDT", 660, 0, 0},  {"NZST", 720, 0, 0},
	{"NZDT", 780, 0, 0}};

static const entry cn_zones[] = {{"北京时间", 480}, {"北京時間", 480},
				 {"香港时间", 480}, {"香港時間", 480},
				 {"台北时间", 480}, {"台北時間", 480}};

/* labels, lower case without spaces */
static const char *const published[] = {
	"发布时间",    "發佈時間",     "發布時間",      "发布日期",
	"發佈日期",    "發布日期",     "发布于",        "發佈於",
	"发表于",      "發表於",       "发表时间",      "發表時間",
	"published",   "publishedon",  "publishedat",   "posted",
	"postedon",    "postedat",     "pubdate",       "pub_date",
	"publishdate", "publish_date", "datepublished", "timestamp"};

static const char *const updated[] = {
	"updated",      "updatedon", "updatedat",    "lastupdated",
	"lastmodified", "modified",  "datemodified", "更新时间",
	"更新時間",     "更新日期",  "更新于",       "更新於",
	"修改时间",     "修改時間",  "最后更新",     "最後更新"};

/* in prose these are words: labels only with ':' or '=' after them */
static const char *const published_colon[] = {"时间", "時間", "日期", "date"};

static const struct label_set {
	const char *const *w;
	size_t n;
	unsigned char kind, colon;
} label_sets[] = {
	{published, N(published), RP__LABEL_PUBLISHED, 0},
	{updated, N(updated), RP__LABEL_UPDATED, 0},
	{published_colon, N(published_colon), RP__LABEL_PUBLISHED, 1}};

#define WORD_IN(c, tab, cap, v) word_in(c, tab, N(tab), cap, v)
#define LIT_IN(c, tab, v)       lit_in(c, tab, N(tab), v)

/* ---- zones --------------------------------------------------------------- */

/* Does the line around s[i] hold a CJK character? Lead bytes E3..E9 are
 * U+3000..U+9FFF, CJK punctuation to ideographs. */
static int line_is_cjk(const char *s, size_t n, size_t i)
{
	size_t k, steps;
	for (k = i, steps = 0; k > 0 && s[k - 1] != '\n' && steps < LINE_LOOK;
	     k--, steps++)
		if ((unsigned char)s[k - 1] >= 0xE3 &&
		    (unsigned char)s[k - 1] <= 0xE9)
			return 1;
	for (k = i, steps = 0; k < n && s[k] != '\n' && steps < LINE_LOOK;
	     k++, steps++)
		if ((unsigned char)s[k] >= 0xE3 && (unsigned char)s[k] <= 0xE9)
			return 1;
	return 0;
}

static void set_zone(rp__date *d, int off, int us)
{
	d->zoned = 1;
	d->zone = off;
	d->zone_us = (unsigned char)us;
}

/* +0800, +08:00, -05:00, the sign against the digits ("- 1200 attend"
 * is none); after UTC or GMT also +8, -5:30; +08 right after a time
 * (ISO 8601). */
static int offset(cur *c, rp__date *d, int after_utc)
{
	tok t = peek(c);
	int sign = t.c == '+' ? 1 : -1, tight = t.at == c->pos, hh, mm = 0;
	if (t.kind != T_SYM || (t.c != '+' && t.c != '-'))
		return 0;
	c->pos = t.end;
	t = peek(c);
	if (!after_utc && t.at != c->pos)
		return 0;
	if (t.kind == T_NUM && !t.cn && t.nd == 4) {
		hh = t.v / 100;
		mm = t.v % 100;
		c->pos = t.end;
	} else if (!num(c, 1, 2, 0, &hh)) {
		return 0;
	} else if (sym(c, ':')) {
		if (!num(c, 2, 2, 0, &mm))
			return 0;
	} else if (!after_utc && !(tight && t.nd == 2)) {
		return 0;
	}
	if (mm > 59 || hh * 60 + mm > RP__DATE_ZONE_MAX)
		return 0;
	set_zone(d, sign * (hh * 60 + mm), 0);
	return 1;
}

static int offset_utc(cur *c, rp__date *d)
{
	return offset(c, d, 1);
}

/* A zone's name: Z, UTC, GMT+8, EDT, ET, IST ...; CST is China's in a
 * line of Chinese, the US Central zone's elsewhere. */
static int zone_word(cur *c, rp__date *d)
{
	tok t = peek(c);
	size_t k, len = t.end - t.at;
	if (t.kind != T_WORD)
		return 0;
	for (k = 0; k < N(zones); k++)
		if (strlen(zones[k].w) == len &&
		    memcmp(c->s + t.at, zones[k].w, len) == 0)
			break;
	if (k == N(zones))
		return 0;
	c->pos = t.end;
	set_zone(d, zones[k].off, zones[k].us);
	if (zones[k].kind == Z_CST && line_is_cjk(c->s, c->n, c->start))
		d->zone = 480;
	if (zones[k].kind == Z_UTC)
		(void)try_read(offset_utc, c, d);
	return 1;
}

static int zone_cn(cur *c, rp__date *d)
{
	int off;
	if (!LIT_IN(c, cn_zones, &off))
		return 0;
	set_zone(d, off, 0);
	return 1;
}

/* A zone after a time, in brackets or not: Z, +08:00, (ET), （北京时间）. */
static int zone(cur *c, rp__date *d)
{
	int open = sym(c, '(');
	if (!zone_word(c, d) && !zone_cn(c, d) && !offset(c, d, 0))
		return 0;
	return !open || sym(c, ')');
}

/* ---- times of day -------------------------------------------------------- */

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
		lex(c->s, c->n, t.end, &f);
		if (f.kind == T_NUM && !f.cn && f.at == t.end)
			c->pos = f.end;
	}
	return 1;
}

static int cn_seconds(cur *c, rp__date *d)
{
	return num(c, 1, 2, 1, &d->s) && lit(c, "秒");
}

/* After 时 or 点: 42分 (07秒), or 半 (half past). */
static int cn_minutes(cur *c, rp__date *d)
{
	if (lit(c, "半")) {
		d->mi = 30;
		return 1;
	}
	if (!num(c, 1, 2, 1, &d->mi) || !lit(c, "分"))
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
static int clock(cur *c, rp__date *d)
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
	(void)try_read(zone, c, d);
	return 1;
}

/* ISO 8601 basic format: T1405, T154200, T15:42; without the T only
 * with a zone (1405Z, 154200+0800), else it is just a number. */
static int compact_time(cur *c, rp__date *d)
{
	int t_sep = word(c, "t"), v;
	tok t = peek(c);
	if (t.kind != T_NUM || t.cn || (t.nd != 4 && t.nd != 6))
		return t_sep && clock(c, d);
	v = t.nd == 4 ? t.v * 100 : t.v;
	d->h = v / 10000;
	d->mi = v / 100 % 100;
	d->s = v % 100;
	if (d->h > 23 || d->mi > 59 || d->s > 60)
		return 0;
	c->pos = t.end;
	c->timed = 1;
	return try_read(zone, c, d) || t_sep;
}

/* 星期三, 周三, 礼拜天, （星期三） after a date. */
static int cn_weekday(cur *c, rp__date *d)
{
	int open = sym(c, '('), k;
	(void)d;
	if (!LIT_IN(c, cn_weeks, &k))
		return 0;
	if (!(num(c, 1, 1, 1, &k) && k >= 1 && k <= 6) && !lit(c, "日") &&
	    !lit(c, "天"))
		return 0;
	return !open || sym(c, ')');
}

/* What bylines put between a date and its time: ",", "|", "·", "at",
 * "-", "@", a weekday (Wed, 星期三). */
static int between(cur *c, rp__date *d)
{
	tok t = peek(c);
	int k;
	if (t.kind == T_SYM &&
	    (t.c == ',' || t.c == '|' || t.c == '-' || t.c == '@')) {
		c->pos = t.end;
		return 1;
	}
	return word(c, "at") || WORD_IN(c, weekdays, 1, &k) ||
	       try_read(cn_weekday, c, d);
}

static int after_time(cur *c, rp__date *d)
{
	int k;
	for (k = 0; k < 4 && between(c, d); k++)
		;
	return try_read(clock, c, d) || try_read(compact_time, c, d);
}

/* ---- dates --------------------------------------------------------------- */

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
	return t.nd == 2 && (c->timed || try_read(after_time, c, d));
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
	    (!num(c, 4, 4, 1, &y) || !lit(c, "年") || y < 1900))
		return 0;
	return num(c, 1, 2, 1, &mo) && lit(c, "月") && num(c, 1, 2, 1, &dd) &&
	       LIT_IN(c, day_marks, &k) && set_ymd(d, y, mo, dd);
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

/* HHMM or HHMMSS right after a compact date (19870409 1405): there a
 * bare number of four or six digits is its time. */
static int bare_time(cur *c, rp__date *d)
{
	tok t = peek(c);
	int v;
	if (t.kind != T_NUM || t.cn || (t.nd != 4 && t.nd != 6))
		return 0;
	v = t.nd == 4 ? t.v * 100 : t.v;
	if (v / 10000 > 23 || v / 100 % 100 > 59 || v % 100 > 60)
		return 0;
	d->h = v / 10000;
	d->mi = v / 100 % 100;
	d->s = v % 100;
	c->pos = t.end;
	c->timed = 1;
	(void)try_read(zone, c, d);
	return 1;
}

/* YYYYMMDD with a time (19870409T1405, 19870409 1405Z, 19870409 1405)
 * or a label (pubdate=19870319): alone it is more often an id. */
static int compact(cur *c, rp__date *d)
{
	int v;
	if (!num(c, 8, 8, 0, &v) ||
	    !set_ymd(d, v / 10000, v / 100 % 100, v % 100))
		return 0;
	return c->timed || try_read(after_time, c, d) ||
	       try_read(bare_time, c, d) || label_before(c);
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
	return c->timed || try_read(after_time, c, d);
}

static const reader date_parts[] = {ymd,       cn_date,   compact, dmy,
				    day_month, month_day, md_time};

/* [weekday] date [time] */
static int dated(cur *c, rp__date *d)
{
	size_t k;
	int w;
	if (WORD_IN(c, weekdays, 1, &w))
		(void)(sym(c, ',') || sym(c, '.'));
	for (k = 0; k < N(date_parts); k++)
		if (try_read(date_parts[k], c, d))
			break;
	if (k == N(date_parts))
		return 0;
	if (d->h < 0 && !c->timed)
		(void)try_read(after_time, c, d);
	return 1;
}

/* 15:42 29/03/2023, 3:42 PM · Mar 29, 2023: the time, then the date */
static int time_first(cur *c, rp__date *d)
{
	int k;
	if (!clock(c, d))
		return 0;
	for (k = 0; k < 3 && (between(c, d) || word(c, "on")); k++)
		;
	return dated(c, d);
}

/* ---- relative dates ------------------------------------------------------ */

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
static int ago(cur *c, rp__date *d)
{
	int n = 1, unit, half = 0;
	if (!word(c, "a") && !word(c, "an") && !(half = lit(c, "半")) &&
	    !num(c, 1, 9, 1, &n))
		return 0;
	if (WORD_IN(c, en_units, 0, &unit)) {
		if (half || !word(c, "ago"))
			return 0;
	} else if (LIT_IN(c, cn_units, &unit)) {
		(void)(lit(c, "之") || lit(c, "以"));
		if (!lit(c, "前"))
			return 0;
	} else {
		return 0;
	}
	if (half && unit != 3600)
		return 0;
	return set_ago(d, n, half ? 1800 : unit);
}

/* today, yesterday, 今天, 昨天, 前天, with a time of day or bare */
static int day_word(cur *c, rp__date *d)
{
	int k;
	if (!WORD_IN(c, day_words, 0, &k) && !LIT_IN(c, cn_day_words, &k))
		return 0;
	d->relative = RP__DATE_DAYREL;
	d->days = k;
	c->bare = !try_read(after_time, c, d);
	return 1;
}

/* just now, 刚刚: 0 minutes ago */
static int just_now(cur *c, rp__date *d)
{
	cur c0 = *c;
	if (!(word(c, "just") && word(c, "now"))) {
		*c = c0;
		if (!lit(c, "刚刚") && !lit(c, "剛剛"))
			return 0;
	}
	d->relative = RP__DATE_AGO;
	d->ago = 0;
	c->bare = 1;
	return 1;
}

static const reader forms[] = {time_first, dated, ago, day_word, just_now};

/* Is the first token one a date can begin with? A number, a month,
 * weekday or relative word (CJK ones were looked at by may_start): other
 * words are passed over without trying every form on them. */
static int may_begin(const cur *c)
{
	cur t = *c;
	tok k = peek(c);
	int v;
	if (k.kind == T_NUM || k.kind == T_OTHER)
		return 1;
	return k.kind == T_WORD &&
	       (WORD_IN(&t, months, 0, &v) || WORD_IN(&t, weekdays, 1, &v) ||
		WORD_IN(&t, day_words, 0, &v) || word(&t, "a") ||
		word(&t, "an") || word(&t, "just"));
}

/* Does s[i] hold the first character of one of tab's words? */
static int starts_word_of(const char *s, size_t n, size_t i, const entry *tab,
			  size_t k)
{
	size_t j;
	/* the words' first character: three bytes, all CJK */
	for (j = 0; n - i >= 3 && j < k; j++)
		if (memcmp(s + i, tab[j].w, 3) == 0)
			return 1;
	return 0;
}

/* Can a CJK date start at s[i]: 昨天, 刚刚, 半小时前, 上午 ...? Most
 * characters of Chinese text start none, and are passed over on their
 * bytes. */
static int cjk_may_start(const char *s, size_t n, size_t i)
{
	return starts_word_of(s, n, i, cn_day_words, N(cn_day_words)) ||
	       starts_word_of(s, n, i, halves, N(halves)) ||
	       starts_word_of(s, n, i, cn_starts, N(cn_starts));
}

/* ---- where dates start, labels before them ------------------------------- */

/* Can a date start at s[i]: not inside a number, a word, a run of
 * Chinese numerals or a numeric date ("2023-03-29" has none at "03")? */
static int may_start(const char *s, size_t n, size_t i)
{
	size_t len, plen;
	int u = unit_at(s, n, i, &len), p;
	if (u == U_OTHER)
		return cjk_may_start(s, n, i);
	if (!is_digit(u) && !is_alpha(u) && !is_cn(u))
		return 0;
	if (i == 0)
		return 1;
	p = prev_unit(s, i, &plen);
	if ((is_digit(u) && is_digit(p)) || (is_alpha(u) && is_alpha(p)) ||
	    (is_cn(u) && is_cn(p)))
		return 0;
	if (!is_digit(u) || (p != '-' && p != '/' && p != '.' && p != ':') ||
	    plen >= i)
		return 1;
	return !is_digit(prev_unit(s, i - plen, &len));
}

/* Is s[at..end) alone on its line, but for spaces and byline bars? */
static int alone(const char *s, size_t n, size_t at, size_t end)
{
	size_t k, len, steps;
	int u;
	for (k = at, steps = 0; k > 0 && steps < LINE_LOOK; k -= len, steps++)
		if ((u = prev_unit(s, k, &len)) == '\n')
			break;
		else if (u != ' ' && u != '|')
			return 0;
	for (k = end, steps = 0; k < n && steps < LINE_LOOK; k += len, steps++)
		if ((u = unit_at(s, n, k, &len)) == '\n')
			break;
		else if (u != ' ' && u != '|')
			return 0;
	return 1;
}

/* Back over what stands between a label and its date: spaces, ':', '=',
 * quotes and brackets (full-width too); *colon: a ':' or '=' was one. */
static size_t skip_back(const char *s, size_t lo, size_t j, int *colon)
{
	size_t len;
	int u;
	*colon = 0;
	for (; j > lo; j -= len) {
		u = prev_unit(s, j, &len);
		if (u == ':' || u == '=')
			*colon = 1;
		else if (u != ' ' && u != '"' && u != '\'' && u != '(' &&
			 u != ')')
			break;
	}
	return j;
}

/* Does s[lo..j) end with w (spaces in the text passed over, ASCII in any
 * case)? Where it starts into *from. */
static int ends_with(const char *s, size_t lo, size_t j, const char *w,
		     size_t *from)
{
	size_t k = strlen(w);
	while (k > 0) {
		while (j > lo && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			j--;
		if (j == lo ||
		    lower((unsigned char)s[j - 1]) != (unsigned char)w[k - 1])
			return 0;
		j--;
		k--;
	}
	*from = j;
	return 1;
}

/* Does one of set's labels end at s[j], the longest so far (*best)? An
 * English label must start a word. */
static int label_at(const char *s, size_t lo, size_t j, int colon,
		    const struct label_set *set, size_t *best)
{
	size_t k, from, len;
	int found = 0;
	for (k = 0; k < set->n && (colon || !set->colon); k++) {
		len = strlen(set->w[k]);
		if (len > *best && ends_with(s, lo, j, set->w[k], &from) &&
		    !(is_alpha(set->w[k][0]) && from > 0 &&
		      is_alpha((unsigned char)s[from - 1]))) {
			*best = len;
			found = 1;
		}
	}
	return found;
}

/* The zone (北京时间) and the label (the longest that matches) right
 * before s[i]. */
static void look_back(const char *s, size_t i, rp__date *d)
{
	size_t lo = i > LOOK_BACK ? i - LOOK_BACK : 0, j, from, best = 0, k;
	int colon;
	j = skip_back(s, lo, i, &colon);
	for (k = 0; k < N(cn_zones); k++)
		if (ends_with(s, lo, j, cn_zones[k].w, &from)) {
			set_zone(d, cn_zones[k].v, 0);
			j = skip_back(s, lo, from, &colon);
			break;
		}
	for (k = 0; k < N(label_sets); k++)
		if (label_at(s, lo, j, colon, &label_sets[k], &best))
			d->label = label_sets[k].kind;
}

static int label_before(cur *c)
{
	rp__date lb;
	if (c->label < 0) {
		memset(&lb, 0, sizeof lb);
		look_back(c->s, c->start, &lb);
		c->label = lb.label;
	}
	return c->label;
}

/*
 * A cheap test before the readers: every date has a digit (or a Chinese
 * numeral) within DIGIT_REACH bytes of its start ("Wednesday, September
 * 30" is the farthest), but the words of relative dates: yesterday,
 * today, just now, an hour ago, 刚刚, 昨天 (a CJK start passed may_start
 * on its words already). Most words of prose start no date.
 */
#define DIGIT_REACH 28
static int may_hold_date(const char *s, size_t n, size_t i)
{
	static const char *const wordy[] = {"today", "yesterday", "just"};
	size_t k = i, len, w, m;
	int u = unit_at(s, n, i, &len), c = lower(u);
	if (u == U_OTHER)
		return 1;
	for (w = 0; w < N(wordy); w++) {
		for (m = 0; wordy[w][m] && i + m < n &&
			    lower((unsigned char)s[i + m]) == wordy[w][m];
		     m++)
			;
		if (!wordy[w][m])
			return 1;
	}
	if (is_digit(u)) {
		/* a number that ends a line or is followed by ',' ';' ')' '%'
		 * ("1,750 dlrs", "(26)", "5%") starts no date, but for a
		 * compact one (pubdate=19870319) */
		while (k < n && is_digit((unsigned char)s[k]))
			k++;
		if (k - i == 8)
			return 1;
		while (k < n && s[k] == ' ')
			k++;
		return k < n && !strchr(",;)%!?\n\r", s[k]);
	}
	for (; k < n && k - i < DIGIT_REACH; k += len) {
		u = unit_at(s, n, k, &len);
		if (is_digit(u) || is_cn(u) || u == '\n')
			return u != '\n';
	}
	/* "an hour ago", "a minute ago": "a" or "an", then "ago" */
	if (c != 'a' ||
	    !(i + 1 < n && (s[i + 1] == ' ' || ((s[i + 1] | 0x20) == 'n' &&
						i + 2 < n && s[i + 2] == ' '))))
		return 0;
	for (k = i; k + 3 <= n && k - i < DIGIT_REACH; k++)
		if ((s[k] | 0x20) == 'a' && (s[k + 1] | 0x20) == 'g' &&
		    (s[k + 2] | 0x20) == 'o')
			return 1;
	return 0;
}

size_t rp__date_at(const char *s, size_t n, size_t i, rp__date *out)
{
	cur c;
	rp__date d, lb;
	size_t k;
	if (!s || !out || i >= n || !may_start(s, n, i) ||
	    !may_hold_date(s, n, i))
		return 0;
	memset(&c, 0, sizeof c);
	memset(&d, 0, sizeof d);
	memset(&lb, 0, sizeof lb);
	c.s = s;
	c.n = n;
	c.pos = c.start = i;
	c.label = -1;
	d.h = -1;
	if (!may_begin(&c))
		return 0;
	for (k = 0; k < N(forms); k++)
		if (try_read(forms[k], &c, &d))
			break;
	if (k == N(forms))
		return 0;
	look_back(s, i, &lb);
	d.label = lb.label;
	if (c.bare && !d.label && !alone(s, n, i, c.pos))
		return 0;
	if (lb.zoned && !d.zoned) /* 北京时间 before the date */
		set_zone(&d, lb.zone, 0);
	if (d.h < 0) { /* a day alone is no instant: no zone */
		d.zoned = d.zone_us = 0;
		d.zone = 0;
	} else if (d.zone_us && d.y)
		d.zone = rp__date_zone(&d, 0);
	*out = d;
	return c.pos - i;
}

/* Can s[0..n) hold a date at all? One without a digit and without a
 * character beyond ASCII holds one only with a word that needs no number
 * ("today", "yesterday", "just now", "an hour ago"): most lines of prose
 * are passed over in one pass. */
static int may_hold_any(const char *s, size_t n)
{
	static const char *const wordy[] = {"today", "yesterday", "just",
					    "ago"};
	size_t i, w, m;
	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x80 || is_digit(b))
			return 1;
		b = (unsigned char)lower(b);
		if (b != 't' && b != 'y' && b != 'j' && b != 'a')
			continue;
		for (w = 0; w < N(wordy); w++) {
			for (m = 0;
			     wordy[w][m] && i + m < n &&
			     lower((unsigned char)s[i + m]) == wordy[w][m];
			     m++)
				;
			if (!wordy[w][m])
				return 1;
		}
	}
	return 0;
}

int rp__date_find(const char *s, size_t n, rp__date *out, size_t *at)
{
	size_t i;
	if (!s || !may_hold_any(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		/* dates start on a digit, a letter or a non-ASCII character */
		if ((b & 0xC0) == 0x80 ||
		    (b < 0x80 && !is_digit(b) && !is_alpha(b)))
			continue;
		if (rp__date_at(s, n, i, out)) {
			if (at)
				*at = i;
			return 1;
		}
	}
	return 0;
}
