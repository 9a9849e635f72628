/*
 * radix.c - least-significant-digit radix sort of (key, payload) entries.
 *
 * Eight passes of one key byte each, all eight histograms counted in one
 * read of the input; a pass whose byte is the same in every key moves
 * nothing and is skipped (small numbers, shared prefixes). Linear in n and
 * stable, so ties stay in input order: the LSH buckets, the identical-text
 * groups and the canonical order of documents all sort this way, where
 * qsort's indirect compares cost ten times as much on large inputs.
 */
#include <string.h>

#include "radix.h"

void rp__radix_sort_kv(rp__kv *a, rp__kv *tmp, size_t n)
{
	size_t count[8][256];
	rp__kv *src = a, *dst = tmp;
	size_t i;
	unsigned byte;
	if (n < 2)
		return;
	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++) {
		uint64_t k = a[i].key;
		for (byte = 0; byte < 8; byte++)
			count[byte][(k >> (8 * byte)) & 0xFF]++;
	}
	for (byte = 0; byte < 8; byte++) {
		size_t *c = count[byte], sum = 0, b;
		unsigned shift = 8 * byte;
		if (c[(a[0].key >> shift) & 0xFF] == n)
			continue; /* one value of this byte: nothing moves */
		for (b = 0; b < 256; b++) {
			size_t t = c[b];
			c[b] = sum;
			sum += t;
		}
		for (i = 0; i < n; i++)
			dst[c[(src[i].key >> shift) & 0xFF]++] = src[i];
		{
			rp__kv *t = src;
			src = dst;
			dst = t;
		}
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
}

size_t rp__lower_bound64(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
