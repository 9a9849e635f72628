/*
 * date_read.h - the parts of the date reader its files give each other;
 * included by those files only (date.h is the reader's interface):
 * date_lex.c (characters and tokens), date_zone.c (zones), date_clock.c
 * (times of day), date_day.c (calendar dates), date_rel.c (relative
 * dates), date_label.c (labels before a date) and date.c (where dates
 * start, rp__date_at).
 *
 * Readers by recursive descent take a cursor (cur) and the date read so
 * far; each returns 1 when it reads, moving the cursor past what it took.
 * The small steps a reader takes next (a symbol, a number, a word) are
 * inline here: every reader uses them, at every token.
 */
#ifndef RP_DATE_READ_H
#define RP_DATE_READ_H

#include <stddef.h>
#include <string.h>

#include "date.h"

#define N(tab) (sizeof(tab) / sizeof((tab)[0]))

/* characters searched each way for the rest of a date's line */
#define LINE_LOOK 256

/* ---- units: characters as the lexer sees them (date_lex.c) --------------- */

/* ASCII as itself; U_CN + value for a Chinese numeral (十 is 10); U_OTHER
 * for any other character or an ill-formed byte. */
#define U_OTHER (-1)
#define U_CN    0x100

/* The unit at s[i] (i < n), its bytes into *len. */
int rp__date_unit_at(const char *s, size_t n, size_t i, size_t *len);
/* The unit that ends at s[i] (i > 0), its bytes into *len. */
int rp__date_prev_unit(const char *s, size_t i, size_t *len);

static inline int is_digit(int u)
{
	return u >= '0' && u <= '9';
}

static inline int is_alpha(int u)
{
	return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

static inline int is_cn(int u)
{
	return u >= U_CN && u <= U_CN + 10;
}

static inline int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* ---- tokens (date_lex.c) ------------------------------------------------- */

enum { T_END, T_NUM, T_WORD, T_SYM, T_OTHER };

typedef struct tok {
	size_t at, end; /* its bytes, s[at..end) */
	int kind;
	int c;  /* T_SYM: the character */
	int v;  /* T_NUM: the value of its first 9 digits; -1: no numeral */
	int nd; /* T_NUM: digits (up to 99) */
	int cn; /* T_NUM: in Chinese numerals */
} tok;

/* The token at s[i], after up to MAX_SPACES spaces; a line ends one. */
void rp__date_lex(const char *s, size_t n, size_t i, tok *t);

/* ---- the cursor and what it takes ---------------------------------------- */

typedef struct cur {
	const char *s;
	size_t n, pos, start; /* reading s[pos..n); the date began at start */
	int timed; /* a time of day was read (two-digit years may follow) */
	int label; /* the label before start; -1: not looked for yet */
	int bare;  /* a day word without a time: needs a label or its line */
} cur;

typedef int (*reader)(cur *, rp__date *);

typedef struct entry {
	const char *w;
	int v;
} entry;

/* Run r on copies of the cursor and the date; keep them if it reads. */
static inline int try_read(reader r, cur *c, rp__date *d)
{
	cur cc = *c;
	rp__date dd = *d;
	if (!r(&cc, &dd))
		return 0;
	*c = cc;
	*d = dd;
	return 1;
}

static inline tok peek(const cur *c)
{
	tok t;
	rp__date_lex(c->s, c->n, c->pos, &t);
	return t;
}

static inline int sym(cur *c, int ch)
{
	tok t = peek(c);
	if (t.kind != T_SYM || t.c != ch)
		return 0;
	c->pos = t.end;
	return 1;
}

/* One of the date separators '-', '/', '.': it, or 0. */
static inline int date_sep(cur *c)
{
	tok t = peek(c);
	if (t.kind != T_SYM || (t.c != '-' && t.c != '/' && t.c != '.'))
		return 0;
	c->pos = t.end;
	return t.c;
}

/* A number of lo..hi digits; in Chinese numerals only when cn. */
static inline int num(cur *c, int lo, int hi, int cn, int *v)
{
	tok t = peek(c);
	if (t.kind != T_NUM || t.nd < lo || t.nd > hi || t.v < 0 ||
	    (t.cn && !cn))
		return 0;
	*v = t.v;
	c->pos = t.end;
	return 1;
}

/* Is t the word w (lower case) in any case; capitalized if cap? */
static inline int word_is(const cur *c, const tok *t, const char *w, int cap)
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

static inline int word(cur *c, const char *w)
{
	tok t = peek(c);
	if (!word_is(c, &t, w, 0))
		return 0;
	c->pos = t.end;
	return 1;
}

/* The next word if it is in tab (capitalized if cap): its value. */
static inline int word_in(cur *c, const entry *tab, size_t k, int cap, int *v)
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
int rp__date_lit(cur *c, const char *w);

static inline int lit_in(cur *c, const entry *tab, size_t k, int *v)
{
	size_t j;
	for (j = 0; j < k; j++)
		if (rp__date_lit(c, tab[j].w)) {
			*v = tab[j].v;
			return 1;
		}
	return 0;
}

#define WORD_IN(c, tab, cap, v) word_in(c, tab, N(tab), cap, v)
#define LIT_IN(c, tab, v)       lit_in(c, tab, N(tab), v)

/* Does s[lo..j) end with w (spaces in the text passed over, ASCII in any
 * case)? Where it starts into *from. */
int rp__date_ends_with(const char *s, size_t lo, size_t j, const char *w,
		       size_t *from);
/* Does s[i] hold the first character of one of tab[0..k)'s words (CJK
 * words: three bytes)? */
int rp__date_starts_word_of(const char *s, size_t n, size_t i, const entry *tab,
			    size_t k);

/* ---- readers one file gives another -------------------------------------- */

/* date_zone.c: a zone after a time: Z, +08:00, (ET), （北京时间）. */
int rp__date_read_zone(cur *c, rp__date *d);
void rp__date_set_zone(rp__date *d, int off, int us);
/* Does s[lo..j) end with a Chinese zone name (北京时间)? Its offset into
 * *off, where it starts into *from. */
int rp__date_cn_zone_ends(const char *s, size_t lo, size_t j, size_t *from,
			  int *off);

/* date_clock.c: a time of day; what stands between a date and its time;
 * the time after a date; a bare HHMM or HHMMSS after a compact date; can
 * 上午, 下午 ... start at s[i]? */
int rp__date_read_clock(cur *c, rp__date *d);
int rp__date_read_between(cur *c, rp__date *d);
int rp__date_read_after_time(cur *c, rp__date *d);
int rp__date_read_bare_time(cur *c, rp__date *d);
int rp__date_half_may_start(const char *s, size_t n, size_t i);

/* date_day.c: a weekday's name; [weekday] date [time]; a time, then the
 * date; is the next word a month's or a weekday's name? */
int rp__date_read_weekday(cur *c);
int rp__date_read_dated(cur *c, rp__date *d);
int rp__date_read_time_first(cur *c, rp__date *d);
int rp__date_names_day(const cur *c);

/* date_rel.c: N units ago; today, 昨天 ...; just now, 刚刚; is the next
 * word one that starts a relative date; can a CJK one start at s[i]? */
int rp__date_read_ago(cur *c, rp__date *d);
int rp__date_read_day_word(cur *c, rp__date *d);
int rp__date_read_just_now(cur *c, rp__date *d);
int rp__date_names_rel(const cur *c);
int rp__date_rel_may_start(const char *s, size_t n, size_t i);

/* date_label.c: the zone (北京时间) and the label right before s[i] into
 * d; the label before the cursor's date (looked for once). */
void rp__date_look_back(const char *s, size_t i, rp__date *d);
int rp__date_label_before(cur *c);

#endif
