/*
 * figures.c - two items of one template tell by their figures.
 *
 * A wire's dividend notices, its daily money-market report, the issues
 * of one bond desk read alike, word for word, but for their figures; a
 * copy of an item keeps them. So a pair whose texts match is two items
 * when each side has figures the other lacks (a figure replaced, not one
 * added with a note or dropped with a paragraph), for at least
 * FIG_REPLACED of the smaller side's figures. The figures are the numbers
 * a story states, in digits or in words; dates and times are left out
 * (they also say when a page was printed, and differ from copy to copy),
 * as are the lines that are bylines for another reason (a source, an
 * author, a counter: page.c).
 */
#include <string.h>

#include "date.h"
#include "figures.h"
#include "hash.h"
#include "sketch.h"

#define FIG_REPLACED 0.5
#define FIG_DIGITS   24 /* digits kept of one figure */

/* The ASCII digit at s[i] (full-width ones too: EF BC 90-99), its byte
 * length in *len; -1 when none. */
static int digit_at(const char *s, size_t n, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s + i;
	if (u[0] >= '0' && u[0] <= '9') {
		*len = 1;
		return u[0] - '0';
	}
	if (n - i >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 &&
	    u[2] <= 0x99) {
		*len = 3;
		return u[2] - 0x90;
	}
	return -1;
}

/* Bytes of a separator inside a number at s[j] ("," "." "/" "-", or the
 * spaces a word segmenter puts between digits and around separators:
 * "３ ７ ０ ０", "1 , 750") when a digit follows it; 0 when none. */
static size_t joiner(const char *s, size_t n, size_t j)
{
	size_t k = j, len;
	while (k < n && s[k] == ' ')
		k++;
	if (k < n && strchr(".,/-", s[k])) {
		k++;
		while (k < n && s[k] == ' ')
			k++;
	}
	return k > j && k < n && digit_at(s, n, k, &len) >= 0 ? k - j : 0;
}

/* A number in digits starting at s[i]: its digits (separators between
 * digits joined: "1,750", "5.93", "6-1/4") into dig, the bytes it spans
 * returned. A time of day ("15:42") spans with no digits kept. */
static size_t figure_at(const char *s, size_t n, size_t i, char *dig,
			size_t *nd)
{
	size_t j = i, len, sep;
	int v;
	*nd = 0;
	while (j < n && (v = digit_at(s, n, j, &len)) >= 0) {
		if (*nd < FIG_DIGITS)
			dig[(*nd)++] = (char)('0' + v);
		j += len;
		if ((sep = joiner(s, n, j)) != 0)
			j += sep;
		else if (j + 2 < n && s[j] == ':' &&
			 digit_at(s, n, j + 1, &len) >= 0 && len == 1 &&
			 digit_at(s, n, j + 2, &len) >= 0 && len == 1 &&
			 *nd <= 2) {
			*nd = 0; /* hh:mm: when, not what */
			return j + 3 - i;
		}
	}
	return j - i;
}

/* The number words, sorted; words_from[c] is where those that begin
 * with letter c start (the next letter's entry ends them). */
static const struct {
	const char *w;
	size_t n;
} words[] = {
	{"billion", 7},   {"eight", 5},   {"eighteen", 8}, {"eighty", 6},
	{"eleven", 6},    {"fifteen", 7}, {"fifty", 5},    {"five", 4},
	{"forty", 5},     {"four", 4},    {"fourteen", 8}, {"half", 4},
	{"hundred", 7},   {"million", 7}, {"nine", 4},     {"nineteen", 8},
	{"ninety", 6},    {"one", 3},     {"quarter", 7},  {"seven", 5},
	{"seventeen", 9}, {"seventy", 7}, {"six", 3},      {"sixteen", 7},
	{"sixty", 5},     {"ten", 3},     {"thirteen", 8}, {"thirty", 6},
	{"thousand", 8},  {"three", 5},   {"trillion", 8}, {"twelve", 6},
	{"twenty", 6},    {"two", 3},     {"zero", 4},
};
static const unsigned char words_from[27] = {
	/* a */ 0,  /* b */ 0,   /* c */ 1,  /* d */ 1,  /* e */ 1,
	/* f */ 5,  /* g */ 11,  /* h */ 11, /* i */ 13, /* j */ 13,
	/* k */ 13, /* l */ 13,  /* m */ 13, /* n */ 14, /* o */ 17,
	/* p */ 18, /* q */ 18,  /* r */ 19, /* s */ 19, /* t */ 25,
	/* u */ 34, /* v */ 34,  /* w */ 34, /* x */ 34, /* y */ 34,
	/* z */ 34, /* end */ 35};

/* Is the ASCII word s[0..n) a number ("three", "Twenty", "half")? Its
 * lower case into w (10 bytes). */
static int number_word(const char *s, size_t n, char *w)
{
	size_t k, c;
	if (n < 3 || n > 9)
		return 0;
	c = (size_t)((s[0] | 0x20) - 'a');
	if (c >= 26 || words_from[c] == words_from[c + 1])
		return 0;
	for (k = 0; k < n; k++)
		w[k] = (char)(s[k] | 0x20);
	w[n] = '\0';
	for (k = words_from[c]; k < words_from[c + 1]; k++)
		if (words[k].n == n && !memcmp(words[k].w, w, n))
			return 1;
	return 0;
}

/* What a byte can start: nothing (ASCII but for letters and digits), a
 * word, a number, or a UTF-8 character (a full-width digit, maybe). */
enum { B_NONE, B_LETTER, B_DIGIT, B_UTF8 };

static int letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static unsigned class_of(unsigned char b)
{
	if (b >= 0x80)
		return B_UTF8;
	if (letter((char)b))
		return B_LETTER;
	return b >= '0' && b <= '9' ? B_DIGIT : B_NONE;
}

/* Does s[0..n) hold a digit (full-width ones too)? A date or a time has
 * one: without any, only number words count. */
static int has_digit(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	size_t k = 0, dl;
	/* eight bytes at a time while none is a digit or 0xEF (a byte below
	 * 10 once '0' is taken away; a zero byte once 0xEF is) */
	for (; k + 8 <= n; k += 8) {
		uint64_t w, d, e;
		memcpy(&w, u + k, 8);
		d = w ^ (ones * '0');
		e = w ^ (ones * 0xEF);
		if ((((d - ones * 10) & ~d) | ((e - ones) & ~e)) & highs)
			break;
	}
	for (; k < n; k++)
		if ((unsigned)(u[k] - '0') < 10u ||
		    (u[k] == 0xEF && digit_at(s, n, k, &dl) >= 0))
			return 1;
	return 0;
}

size_t rp__figures_of_line(const char *s, size_t n, uint64_t seed,
			   uint32_t *out, size_t cap)
{
	size_t i = 0, m = 0, span, nd, k, dl;
	char dig[FIG_DIGITS], w[10];
	int digits = has_digit(s, n);
	rp__date d;
	while (i < n && m < cap) {
		unsigned c = class_of((unsigned char)s[i]);
		if (c == B_NONE) {
			i++; /* a space, a sign: nothing starts here */
			continue;
		}
		if (c == B_LETTER) {
			for (k = i + 1; k < n && letter(s[k]); k++)
				;
			/* inside a word (after a date that ended in one):
			 * nothing starts before its end */
			if (i > 0 && letter(s[i - 1])) {
				i = k;
				continue;
			}
			if (digits && (span = rp__date_at(s, n, i, &d)) > 0) {
				i += span; /* a date says when, not what */
				continue;
			}
			if (number_word(s + i, k - i, w))
				out[m++] = (uint32_t)rp__hash(w, k - i, seed);
			i = k;
			continue;
		}
		if (digit_at(s, n, i, &dl) < 0) {
			i++; /* a byte of a character that is no digit */
			continue;
		}
		if (digits && (span = rp__date_at(s, n, i, &d)) > 0) {
			i += span;
			continue;
		}
		i += figure_at(s, n, i, dig, &nd);
		if (nd)
			out[m++] = (uint32_t)rp__hash(dig, nd, seed);
	}
	return m;
}

int rp__figures_differ(const rp__docrec *a, const rp__docrec *b)
{
	size_t na = a->n_figs, nb = b->n_figs, s, replaced;
	if (!na || !nb)
		return 0;
	s = rp__set_common(a->figs, na, b->figs, nb, 0);
	replaced = na - s < nb - s ? na - s : nb - s;
	return replaced > 0 &&
	       (double)replaced >= FIG_REPLACED * (double)(na < nb ? na : nb);
}
