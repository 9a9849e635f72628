/*
 * simhash.c - 64-bit SimHash (Charikar, STOC 2002; Manku, Jain, Das Sarma,
 * WWW 2007) over shingle occurrences, all weights 1.
 *
 * Bit i of the result is set when more than half of the shingle hashes have
 * bit i set. The 64 per-bit counts are kept bit-sliced: plane k holds bit k
 * of all 64 counters. Eight hashes at a time are first summed per
 * bit position by a carry-save adder tree (as in the Harley-Seal population
 * count) into a 4-bit sliced number, which is then added to the planes with
 * one branch-free ripple-carry add: about twelve word operations per hash,
 * instead of a 64-step loop per shingle. The counters have PLANES bits and
 * are flushed into 32-bit totals every FLUSH_EVERY hashes, before one can
 * overflow; most documents flush once.
 */
#include "sketch.h"

#define PLANES      12
#define FLUSH_EVERY 4088 /* a multiple of 8 below 2^PLANES */

#define CSA(h, l, a, b, c)                      \
	do {                                    \
		uint64_t u_ = (a) ^ (b);        \
		(h) = ((a) & (b)) | (u_ & (c)); \
		(l) = u_ ^ (c);                 \
	} while (0)

static void flush(uint64_t plane[PLANES], uint32_t total[64])
{
	unsigned bit, k;
	for (bit = 0; bit < 64; bit++) {
		uint32_t c = 0;
		for (k = 0; k < PLANES; k++)
			c |= (uint32_t)((plane[k] >> bit) & 1u) << k;
		total[bit] += c;
	}
	for (k = 0; k < PLANES; k++)
		plane[k] = 0;
}

/* planes += the 4-bit sliced number s[0..3] */
static void add4(uint64_t plane[PLANES], const uint64_t s[4])
{
	uint64_t carry = 0;
	unsigned k;
	for (k = 0; k < PLANES; k++) {
		uint64_t a = plane[k], b = k < 4 ? s[k] : 0;
		uint64_t x = a ^ b;
		plane[k] = x ^ carry;
		carry = (a & b) | (carry & x);
	}
}

uint64_t rp__simhash(const uint64_t *h, size_t n)
{
	uint64_t plane[PLANES] = {0};
	uint32_t total[64] = {0};
	size_t i = 0, since = 0;
	unsigned bit;
	uint64_t r = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t o1, o2, o3, t1a, t1b, t1c, t2a, q, s[4];
		CSA(t1a, o1, h[i], h[i + 1], h[i + 2]);
		CSA(t1b, o2, o1, h[i + 3], h[i + 4]);
		CSA(t1c, o3, o2, h[i + 5], h[i + 6]);
		s[0] = o3 ^ h[i + 7];
		CSA(t2a, q, t1a, t1b, t1c);
		/* weight 2: q plus the carry of the last half add */
		{
			uint64_t t1d = o3 & h[i + 7];
			uint64_t t2b = q & t1d;
			s[1] = q ^ t1d;
			s[2] = t2a ^ t2b;
			s[3] = t2a & t2b;
		}
		add4(plane, s);
		if ((since += 8) == FLUSH_EVERY) {
			flush(plane, total);
			since = 0;
		}
	}
	for (; i < n; i++) {
		uint64_t s[4] = {h[i], 0, 0, 0};
		add4(plane, s);
	}
	flush(plane, total);
	for (bit = 0; bit < 64; bit++)
		if ((uint64_t)total[bit] * 2 > n)
			r |= (uint64_t)1 << bit;
	return r;
}

unsigned rp__popcount64(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}
