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

/* Is the ASCII word s[0..n) a number ("three", "Twenty", "half")? Its
 * lower case into w (10 bytes). */
static int number_word(const char *s, size_t n, char *w)
{
	/* sorted, for a binary search */
	static const char *const words[] = {
		"billion",   "eight",    "eighteen", "eighty",   "eleven",
		"fifteen",   "fifty",    "five",     "forty",    "four",
		"fourteen",  "half",     "hundred",  "million",  "nine",
		"nineteen",  "ninety",   "one",      "quarter",  "seven",
		"seventeen", "seventy",  "six",      "sixteen",  "sixty",
		"ten",       "thirteen", "thirty",   "thousand", "three",
		"trillion",  "twelve",   "twenty",   "two",      "zero"};
	size_t lo = 0, hi = sizeof words / sizeof words[0], k;
	if (n < 3 || n > 9 || !strchr("befhmnoqstz", s[0] | 0x20))
		return 0;
	for (k = 0; k < n; k++)
		w[k] = (char)(s[k] | 0x20);
	w[n] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(words[mid], w);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

size_t rp__figures_of_line(const char *s, size_t n, uint64_t seed,
			   uint32_t *out, size_t cap)
{
	size_t i = 0, m = 0, span, nd, k, dl;
	char dig[FIG_DIGITS], w[10];
	int digits = 0;
	rp__date d;
	/* a date or a time has digits: without any, only words count */
	for (k = 0; k < n && !digits; k++)
		digits = (s[k] >= '0' && s[k] <= '9') ||
			 ((unsigned char)s[k] == 0xEF &&
			  digit_at(s, n, k, &dl) >= 0);
	while (i < n && m < cap) {
		int word = letter(s[i]) && (i == 0 || !letter(s[i - 1]));
		if (!word && (unsigned char)s[i] < 0x80 &&
		    !(s[i] >= '0' && s[i] <= '9')) {
			i++; /* a space, a sign: nothing starts here */
			continue;
		}
		if (digits && (word || digit_at(s, n, i, &dl) >= 0) &&
		    (span = rp__date_at(s, n, i, &d)) > 0) {
			i += span; /* a date says when, not what */
			continue;
		}
		if (digit_at(s, n, i, &dl) >= 0) {
			i += figure_at(s, n, i, dig, &nd);
			if (nd)
				out[m++] = (uint32_t)rp__hash(dig, nd, seed);
			continue;
		}
		if (word) {
			for (k = i; k < n && letter(s[k]); k++)
				;
			if (number_word(s + i, k - i, w))
				out[m++] = (uint32_t)rp__hash(w, k - i, seed);
			i = k;
			continue;
		}
		i++;
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
