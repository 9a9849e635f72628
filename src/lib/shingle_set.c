/*
 * shingle_set.c - the exact shingle set of a document and set overlap.
 *
 * A set is the sorted distinct low 32 bits of the shingle hashes. Sorting
 * is an LSD radix sort (4 passes of 8 bits, passes whose byte is constant
 * skipped), linear in the number of shingles. Exact verification merges
 * two sorted sets; with 32-bit fingerprints two distinct shingles of two
 * documents of 1000 shingles collide with probability about 2e-4, which
 * moves a Jaccard by at most 1/1000.
 */
#include <string.h>

#include "sketch.h"

static void radix_sort(uint32_t *a, uint32_t *tmp, size_t n)
{
	size_t count[256];
	unsigned pass;
	uint32_t *src = a, *dst = tmp;
	for (pass = 0; pass < 4; pass++) {
		unsigned shift = 8 * pass;
		size_t i, sum = 0;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 0xFF]++;
		if (count[(src[0] >> shift) & 0xFF] == n)
			continue;
		for (i = 0; i < 256; i++) {
			size_t c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
		{
			uint32_t *t = src;
			src = dst;
			dst = t;
		}
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
}

static void insertion_sort(uint32_t *a, size_t n)
{
	size_t i, j;
	for (i = 1; i < n; i++) {
		uint32_t v = a[i];
		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

size_t rp__set_build(const uint64_t *h, size_t n, uint32_t *tmp,
		     uint32_t *out)
{
	size_t i, m;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		out[i] = (uint32_t)h[i];
	if (n < 64)
		insertion_sort(out, n);
	else
		radix_sort(out, tmp, n);
	for (i = 1, m = 1; i < n; i++)
		if (out[i] != out[m - 1])
			out[m++] = out[i];
	return m;
}

size_t rp__set_common(const uint32_t *a, size_t na, const uint32_t *b,
		      size_t nb, size_t need)
{
	size_t i = 0, j = 0, c = 0, steps = 0;
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
