/*
 * minhash.c - MinHash in O(n + K): one-permutation hashing with optimal
 * densification.
 *
 * One-permutation hashing (Li, Owen, Zhang, NIPS 2012): each shingle hash
 * h picks one of K bins from its high 32 bits (multiply-shift range
 * reduction, Lemire 2019) and competes for that bin's minimum with its low
 * 32 bits, so each shingle costs one multiply and one compare instead of K
 * hash evaluations. Bins left empty (short texts) are filled by optimal
 * densification (Shrivastava, ICML 2017): empty bin j probes bins
 * g(j, 1), g(j, 2), ... from a fixed hash sequence until one that was
 * filled by a shingle, and copies its value. Two documents then agree on a
 * bin with probability equal to their Jaccard similarity, with variance
 * close to that of K independent permutations.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hash.h"
#include "sketch.h"

#define EMPTY UINT32_MAX

/* Each hash h competes in bin (high 32 bits of h) * k >> 32 with its low
 * 32 bits; inlined with a constant k, the multiply becomes a shift. */
static inline void bin_minima(const uint64_t *h, size_t n, unsigned k,
			      uint32_t *out)
{
	size_t i;
	for (i = 0; i < n; i++) {
		uint32_t bin = (uint32_t)(((h[i] >> 32) * k) >> 32);
		uint32_t v = (uint32_t)h[i], cur = out[bin];
		/* branch-free: the comparison is a coin flip early on */
		out[bin] = v < cur ? v : cur;
	}
}

void rp__minhash(const uint64_t *h, size_t n, unsigned k, uint64_t seed,
		 uint32_t *out)
{
	unsigned j, filled = 0;
	for (j = 0; j < k; j++)
		out[j] = EMPTY;
	if (k == 128)
		bin_minima(h, n, 128,
			   out); /* the default: a shift, no multiply */
	else
		bin_minima(h, n, k, out);
	for (j = 0; j < k; j++)
		filled += out[j] != EMPTY;
	if (filled == 0 || filled == k)
		return;
	/* A value equal to EMPTY in a filled bin (chance 2^-32) is treated
	 * as empty; the result is still a deterministic function of the set. */
	{
		uint32_t src[RP_MAX_PERMS];
		memcpy(src, out, k * sizeof *out);
		for (j = 0; j < k; j++) {
			uint64_t attempt;
			unsigned b2;
			if (src[j] != EMPTY)
				continue;
			for (attempt = 1; attempt <= 64u * k; attempt++) {
				uint64_t g = rp__mix64(
					seed ^ ((uint64_t)j << 32) ^ attempt);
				uint32_t b = (uint32_t)(((g >> 32) * k) >> 32);
				if (src[b] != EMPTY) {
					out[j] = src[b];
					break;
				}
			}
			/* Bounded probing; past it (odds below e^-64 with one
			 * filled bin) the next filled bin in order. */
			for (b2 = (j + 1) % k; out[j] == EMPTY;
			     b2 = (b2 + 1) % k)
				out[j] = src[b2];
		}
	}
}

unsigned rp__minhash_equal(const uint32_t *x, const uint32_t *y, unsigned k)
{
	unsigned j = 0, eq = 0;
#if defined(__SSE2__)
	/* four values per compare: the filter of every LSH candidate */
	/* an equal lane compares to -1: subtracting counts it */
	__m128i acc = _mm_setzero_si128();
	uint32_t lane[4];
	for (; j + 4 <= k; j += 4)
		acc = _mm_sub_epi32(
			acc,
			_mm_cmpeq_epi32(
				_mm_loadu_si128(
					(const __m128i *)(const void *)(x + j)),
				_mm_loadu_si128(
					(const __m128i *)(const void *)(y +
									j))));
	_mm_storeu_si128((__m128i *)(void *)lane, acc);
	eq = lane[0] + lane[1] + lane[2] + lane[3];
#endif
	for (; j < k; j++)
		eq += x[j] == y[j];
	return eq;
}
