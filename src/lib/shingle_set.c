/*
 * shingle_set.c - the exact shingle set of a document and set overlap.
 *
 * A set is the sorted distinct low 32 bits of the shingle hashes, sorted
 * by a bucket sort that is linear for hash values (see bucket_sort). Exact verification merges
 * two sorted sets; with 32-bit fingerprints two distinct shingles of two
 * documents of 1000 shingles collide with probability about 2e-4, which
 * moves a Jaccard by at most 1/1000.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sketch.h"

/* Sort a[0..n), which is nearly sorted, and drop repeated values in the
 * same pass; returns the number kept. Each value is usually above the
 * last one kept (appended) or equal to it (dropped); only values that
 * shared a bucket with a larger one walk back. */
static size_t insertion_sort_unique(uint32_t *a, size_t n)
{
	size_t i, m = 1;
	for (i = 1; i < n; i++) {
		uint32_t v = a[i];
		size_t j = m;
		if (v > a[m - 1]) {
			a[m++] = v;
			continue;
		}
		while (j > 0 && a[j - 1] > v)
			j--;
		if (j > 0 && a[j - 1] == v)
			continue;
		memmove(a + j + 1, a + j, (m - j) * sizeof *a);
		a[j] = v;
		m++;
	}
	return m;
}

/* Values are uniform 32-bit hashes, so a counting sort on their top bits,
 * with about half a value per bucket (2n buckets measured best on the
 * peers' L corpus), leaves only tiny runs out of order; an insertion pass
 * finishes them and drops repeats in near-linear time. The counting sort
 * reads the hashes and writes the set directly. */
size_t rp__set_build(const uint64_t *h, size_t n, uint32_t *count,
		     uint32_t *out)
{
	unsigned bits = 4, shift;
	size_t i, b, nb;
	if (n == 0)
		return 0;
	while (bits < RP__SET_SORT_BITS && ((size_t)1 << bits) < 2 * n)
		bits++;
	shift = 32 - bits;
	nb = (size_t)1 << bits;
	memset(count, 0, (nb + 1) * sizeof *count);
	for (i = 0; i < n; i++)
		count[((uint32_t)h[i] >> shift) + 1]++;
	for (b = 0; b < nb; b++)
		count[b + 1] += count[b];
	for (i = 0; i < n; i++) {
		uint32_t v = (uint32_t)h[i];
		out[count[v >> shift]++] = v;
	}
	return insertion_sort_unique(out, n);
}

/*
 * |A & B| by merging. With SSE2 (x86-64 always has it) four values of each
 * side are compared at once, all 16 pairs by rotating one side three times
 * (Lemire, Boytsov, Kurz, "SIMD compression and the intersection of sorted
 * integers", 2016): a set holds each value once, so each match is counted
 * once, and the side whose block ends lower moves on. The rest is merged
 * one value at a time. Gives up once need is out of reach.
 */
size_t rp__set_common(const uint32_t *a, size_t na, const uint32_t *b,
		      size_t nb, size_t need)
{
	size_t i = 0, j = 0, c = 0, steps = 0;
#if defined(__SSE2__)
	/* set bits of a 4-bit mask (x86-64 has no popcount instruction by
	 * default: __builtin_popcount would be a library call) */
	static const unsigned char pop4[16] = {0, 1, 1, 2, 1, 2, 2, 3,
					       1, 2, 2, 3, 2, 3, 3, 4};
	while (i + 4 <= na && j + 4 <= nb) {
		__m128i va =
			_mm_loadu_si128((const __m128i *)(const void *)(a + i));
		__m128i vb =
			_mm_loadu_si128((const __m128i *)(const void *)(b + j));
		__m128i m0 = _mm_cmpeq_epi32(va, vb);
		__m128i m1 = _mm_cmpeq_epi32(
			va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(0, 3, 2, 1)));
		__m128i m2 = _mm_cmpeq_epi32(
			va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(1, 0, 3, 2)));
		__m128i m3 = _mm_cmpeq_epi32(
			va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(2, 1, 0, 3)));
		__m128i m = _mm_or_si128(_mm_or_si128(m0, m1),
					 _mm_or_si128(m2, m3));
		uint32_t amax = a[i + 3], bmax = b[j + 3];
		c += pop4[_mm_movemask_ps(_mm_castsi128_ps(m))];
		i += (size_t)(amax <= bmax) * 4;
		j += (size_t)(bmax <= amax) * 4;
		if ((++steps & 15) == 0) {
			size_t left_a = na - i, left_b = nb - j;
			if (c + (left_a < left_b ? left_a : left_b) < need)
				return c;
		}
	}
#endif
	while (i < na && j < nb) {
		uint32_t x = a[i], y = b[j];
		c += x == y;
		i += x <= y;
		j += y <= x;
		/* Early exit, checked every 64 steps to keep the loop tight. */
		if ((++steps & 63) == 0) {
			size_t left_a = na - i, left_b = nb - j;
			if (c + (left_a < left_b ? left_a : left_b) < need)
				return c;
		}
	}
	return c;
}
