/* hash.h - xxh3 wrappers and the n-gram hashing loop (see hash.c). */
#ifndef RP_HASH_H
#define RP_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t rp__hash(const void *p, size_t n, uint64_t seed);
/* Shingles of a text of cps code points at width n: every n-gram, or
 * the whole text as one when it is shorter. */
static inline size_t rp__shingle_count(size_t cps, unsigned n)
{
	return cps == 0 ? 0 : cps <= n ? 1 : cps - n + 1;
}

/* xxh3-128 of p[0..n): low and high halves. */
void rp__hash128(const void *p, size_t n, uint64_t seed, uint64_t out[2]);

/* Hash every n-gram of code points of text (len bytes, cps code points).
 * starts[i] is the byte offset of code point i (cps + 1 entries), or NULL
 * when every code point is one byte. Writes max(cps - n + 1, 1) hashes
 * (0 when cps == 0) to out and returns their number. */
size_t rp__hash_ngrams(const char *text, size_t len, const uint32_t *starts,
		       size_t cps, unsigned n, uint64_t seed, uint64_t *out);

uint64_t rp__mix64(uint64_t x);

#endif
