/* figures.h - two items of one template tell by their figures (see
 * figures.c). */
#ifndef RP_FIGURES_H
#define RP_FIGURES_H

#include "corpus.h"

/* The figures of the line s[0..n), hashed with seed, into out[0..cap):
 * each number in digits (full-width too; the digits of "1,750", "5.93",
 * "6-1/4" make one) and each number word ("three", "twenty"); dates and
 * times of day left out. Returns how many. */
size_t rp__figures_of_line(const char *s, size_t n, uint64_t seed,
			   uint32_t *out, size_t cap);

/* Do a and b, alike in their text, differ in their figures as two items
 * of one template do? */
int rp__figures_differ(const rp__docrec *a, const rp__docrec *b);

#endif
