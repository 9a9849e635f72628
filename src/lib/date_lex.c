/*
 * date_lex.c - the date reader's lexer: text at a position to tokens.
 *
 * In: any bytes s[0..n) and a position. Out: the token there (date_read.h):
 * a number (ASCII, full-width or Chinese numerals), an ASCII word, a
 * symbol (full-width punctuation read as ASCII, the dots and dashes
 * bylines put between parts as '|') or another character. The spaces
 * between tokens are skipped, so segmented text ("2023 - 03 - 29 15 :
 * 42") reads as if written together; a line ends a token. Also the
 * literal matching the readers do on the text itself: characters next
 * (lit), a word ending before a position (ends_with).
 */
#include <string.h>

#include "date_read.h"
#include "utf8.h"

/* more spaces than this between two tokens end a date */
#define MAX_SPACES 32

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

/* Full-width forms (U+FF01..FF5E: ２０２３, １５：４２, （, ｜) are their
 * ASCII. */
int rp__date_unit_at(const char *s, size_t n, size_t i, size_t *len)
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

int rp__date_prev_unit(const char *s, size_t i, size_t *len)
{
	size_t j = i - 1;
	int u;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	u = rp__date_unit_at(s, i, j, len);
	if (j + *len != i) { /* a stray continuation byte */
		*len = 1;
		return U_OTHER;
	}
	return u;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	size_t len;
	int k;
	for (k = 0;
	     k < MAX_SPACES && i < n && rp__date_unit_at(s, n, i, &len) == ' ';
	     k++)
		i += len;
	return i;
}

static void lex_digits(const char *s, size_t n, tok *t)
{
	size_t i = t->at, len;
	int u;
	t->kind = T_NUM;
	while (i < n && is_digit(u = rp__date_unit_at(s, n, i, &len))) {
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
	while (i < n && is_cn(u = rp__date_unit_at(s, n, i, &len))) {
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

void rp__date_lex(const char *s, size_t n, size_t i, tok *t)
{
	size_t len = 0;
	int u;
	memset(t, 0, sizeof *t);
	i = skip_spaces(s, n, i);
	t->at = t->end = i;
	if (i >= n || (u = rp__date_unit_at(s, n, i, &len)) == ' ' || u == '\n')
		return; /* T_END */
	if (is_digit(u)) {
		lex_digits(s, n, t);
	} else if (is_cn(u)) {
		lex_cn(s, n, t);
	} else if (is_alpha(u)) {
		t->kind = T_WORD;
		while (i < n && is_alpha(rp__date_unit_at(s, n, i, &len)))
			i += len;
		t->end = i;
	} else {
		t->kind = u == U_OTHER ? T_OTHER : T_SYM;
		t->c = u;
		t->end = i + len;
	}
}

int rp__date_lit(cur *c, const char *w)
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

int rp__date_ends_with(const char *s, size_t lo, size_t j, const char *w,
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

int rp__date_starts_word_of(const char *s, size_t n, size_t i, const entry *tab,
			    size_t k)
{
	size_t j;
	/* the words' first character: three bytes, all CJK */
	for (j = 0; n - i >= 3 && j < k; j++)
		if (memcmp(s + i, tab[j].w, 3) == 0)
			return 1;
	return 0;
}
