/*
 * date.c - reading dates from text; date.h says which forms and why.
 *
 * In: any bytes and a position (rp__date_at) or a whole text
 * (rp__date_find). Out: the date that starts there as a value (rp__date)
 * and the bytes it spans.
 *
 * A small lexer (date_lex.c) turns the text at a position into tokens,
 * skipping the spaces between them. Readers by recursive descent take a
 * date part (date_day.c: Y-M-D, D/M/Y, month names, 年月日, YYYYMMDD), a
 * time of day after or before it (date_clock.c: AM/PM or 上午/下午), a
 * zone (date_zone.c); the relative forms apart (date_rel.c). Every
 * alternative runs on copies of the cursor and the date (try_read) that
 * are kept only if it reads, so a date ends on the last token some
 * reading could use ("March 11, 1987, said" spans "March 11, 1987").
 * Labels and a zone before a date are matched backwards from its start
 * (date_label.c). This file says where a date may start, cheaply, before
 * any reader is tried: most positions of a text start none.
 */
#include <string.h>

#include "date_read.h"

static const reader forms[] = {rp__date_read_time_first, rp__date_read_dated,
			       rp__date_read_ago, rp__date_read_day_word,
			       rp__date_read_just_now};

/* Is the first token one a date can begin with? A number, a month,
 * weekday or relative word (CJK ones were looked at by may_start): other
 * words are passed over without trying every form on them. */
static int may_begin(const cur *c)
{
	tok k = peek(c);
	if (k.kind == T_NUM || k.kind == T_OTHER)
		return 1;
	return k.kind == T_WORD &&
	       (rp__date_names_day(c) || rp__date_names_rel(c));
}

/* Can a CJK date start at s[i]: 昨天, 刚刚, 半小时前, 上午 ...? Most
 * characters of Chinese text start none, and are passed over on their
 * bytes. */
static int cjk_may_start(const char *s, size_t n, size_t i)
{
	return rp__date_rel_may_start(s, n, i) ||
	       rp__date_half_may_start(s, n, i);
}

/* Can a date start at s[i]: not inside a number, a word, a run of
 * Chinese numerals or a numeric date ("2023-03-29" has none at "03")? */
static int may_start(const char *s, size_t n, size_t i)
{
	size_t len, plen;
	int u = rp__date_unit_at(s, n, i, &len), p;
	if (u == U_OTHER)
		return cjk_may_start(s, n, i);
	if (!is_digit(u) && !is_alpha(u) && !is_cn(u))
		return 0;
	if (i == 0)
		return 1;
	p = rp__date_prev_unit(s, i, &plen);
	if ((is_digit(u) && is_digit(p)) || (is_alpha(u) && is_alpha(p)) ||
	    (is_cn(u) && is_cn(p)))
		return 0;
	if (!is_digit(u) || (p != '-' && p != '/' && p != '.' && p != ':') ||
	    plen >= i)
		return 1;
	return !is_digit(rp__date_prev_unit(s, i - plen, &len));
}

/* Is s[at..end) alone on its line, but for spaces and byline bars? */
static int alone(const char *s, size_t n, size_t at, size_t end)
{
	size_t k, len, steps;
	int u;
	for (k = at, steps = 0; k > 0 && steps < LINE_LOOK; k -= len, steps++)
		if ((u = rp__date_prev_unit(s, k, &len)) == '\n')
			break;
		else if (u != ' ' && u != '|')
			return 0;
	for (k = end, steps = 0; k < n && steps < LINE_LOOK; k += len, steps++)
		if ((u = rp__date_unit_at(s, n, k, &len)) == '\n')
			break;
		else if (u != ' ' && u != '|')
			return 0;
	return 1;
}

/* Does a relative date's word start at s[i] (yesterday, today, just)? */
static int wordy_start(const char *s, size_t n, size_t i)
{
	static const char *const wordy[] = {"today", "yesterday", "just"};
	size_t w, m;
	for (w = 0; w < N(wordy); w++) {
		for (m = 0; wordy[w][m] && i + m < n &&
			    lower((unsigned char)s[i + m]) == wordy[w][m];
		     m++)
			;
		if (!wordy[w][m])
			return 1;
	}
	return 0;
}

/* A number that ends a line or is followed by ',' ';' ')' '%' ("1,750
 * dlrs", "(26)", "5%") starts no date, but for a compact one
 * (pubdate=19870319). */
static int number_may_hold(const char *s, size_t n, size_t i)
{
	size_t k = i;
	while (k < n && is_digit((unsigned char)s[k]))
		k++;
	if (k - i == 8)
		return 1;
	while (k < n && s[k] == ' ')
		k++;
	return k < n && !strchr(",;)%!?\n\r", s[k]);
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
	size_t k, len;
	int u = rp__date_unit_at(s, n, i, &len), c = lower(u);
	if (u == U_OTHER || wordy_start(s, n, i))
		return 1;
	if (is_digit(u))
		return number_may_hold(s, n, i);
	for (k = i; k < n && k - i < DIGIT_REACH; k += len) {
		u = rp__date_unit_at(s, n, k, &len);
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
	rp__date_look_back(s, i, &lb);
	d.label = lb.label;
	if (c.bare && !d.label && !alone(s, n, i, c.pos))
		return 0;
	if (lb.zoned && !d.zoned) /* 北京时间 before the date */
		rp__date_set_zone(&d, lb.zone, 0);
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
