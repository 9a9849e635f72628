/*
 * radix.c - least-significant-digit radix sort of (key, payload) entries
 * and of 32-bit values.
 *
 * One pass per key byte, all the histograms counted in one
 * read of the input; a pass whose byte is the same in every key moves
 * nothing and is skipped (small numbers, shared prefixes). Linear in n and
 * stable, so ties stay in input order: the LSH buckets, the identical-text
 * groups and the canonical order of documents all sort this way, where
 * qsort's indirect compares cost ten times as much on large inputs.
 * Also the search in sorted values, and the comparison the files that
 * qsort small arrays of 64-bit values share.
 */
#include <string.h>

#include "radix.h"

/* Fewer entries than this are sorted by insertion (stable too): the
 * histograms alone cost more. */
#define SMALL_SORT 48

/* One sort per entry type: KEY(e) is the key of entry e, BYTES its size. */
#define RADIX_SORT(name, type, KEY, BYTES)                                   \
	void name(type *a, type *tmp, size_t n)                              \
	{                                                                    \
		size_t count[BYTES][256];                                    \
		type *src = a, *dst = tmp;                                   \
		size_t i;                                                    \
		unsigned byte;                                               \
		if (n < 2)                                                   \
			return;                                              \
		if (n < SMALL_SORT) {                                        \
			for (i = 1; i < n; i++) {                            \
				type e = a[i];                               \
				size_t j = i;                                \
				for (; j > 0 && KEY(a[j - 1]) > KEY(e); j--) \
					a[j] = a[j - 1];                     \
				a[j] = e;                                    \
			}                                                    \
			return;                                              \
		}                                                            \
		memset(count, 0, sizeof count);                              \
		for (i = 0; i < n; i++)                                      \
			for (byte = 0; byte < BYTES; byte++)                 \
				count[byte]                                  \
				     [(KEY(a[i]) >> (8 * byte)) & 0xFF]++;   \
		for (byte = 0; byte < BYTES; byte++) {                       \
			size_t *c = count[byte], sum = 0, b;                 \
			unsigned shift = 8 * byte;                           \
			type *t;                                             \
			/* one value of this byte: nothing moves */          \
			if (c[(KEY(a[0]) >> shift) & 0xFF] == n)             \
				continue;                                    \
			for (b = 0; b < 256; b++) {                          \
				size_t v = c[b];                             \
				c[b] = sum;                                  \
				sum += v;                                    \
			}                                                    \
			for (i = 0; i < n; i++)                              \
				dst[c[(KEY(src[i]) >> shift) & 0xFF]++] =    \
					src[i];                              \
			t = src;                                             \
			src = dst;                                           \
			dst = t;                                             \
		}                                                            \
		if (src != a)                                                \
			memcpy(a, src, n * sizeof *a);                       \
	}

#define KV_KEY(e)  ((e).key)
#define U32_KEY(e) (e)
RADIX_SORT(rp__radix_sort_kv, rp__kv, KV_KEY, 8)
RADIX_SORT(rp__radix_sort_u32, uint32_t, U32_KEY, 4)

/* One search per value type. */
#define LOWER_BOUND(name, type)                          \
	size_t name(const type *v, size_t n, type x)     \
	{                                                \
		size_t lo = 0, hi = n;                   \
		while (lo < hi) {                        \
			size_t mid = lo + (hi - lo) / 2; \
			if (v[mid] < x)                  \
				lo = mid + 1;            \
			else                             \
				hi = mid;                \
		}                                        \
		return lo;                               \
	}

LOWER_BOUND(rp__lower_bound64, uint64_t)
LOWER_BOUND(rp__lower_bound32, uint32_t)

int rp__cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}
