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
 * are flushed into 32-bit totals every FLUSH_EVERY hashes per lane, before
 * one can overflow; most documents flush once.
 *
 * With GCC or Clang the same adder runs on vectors of LANES words (GCC
 * vector extensions, SSE2 on x86-64: two words), each lane summing its own
 * share of the hashes, so one operation serves LANES hashes; the lanes'
 * totals are added at the end. Other compilers, and the tail of fewer than
 * 8 x LANES hashes, use one lane.
 */
#include <string.h>

#include "sketch.h"

#define PLANES      12
#define FLUSH_EVERY 4088 /* a multiple of 8 below 2^PLANES */

#define CSA(h, l, a, b, c)                               \
	do {                                             \
		(h) = ((a) & (b)) | (((a) ^ (b)) & (c)); \
		(l) = (a) ^ (b) ^ (c);                   \
	} while (0)

/*
 * planes += the number of set bits, per position, among x0..x7 (words of
 * type T, lane by lane): a carry-save tree to a 4-bit sliced sum, then a
 * ripple-carry add into the PLANES planes.
 */
#define ADD8(T, plane, x0, x1, x2, x3, x4, x5, x6, x7)                   \
	do {                                                             \
		T o1_, o2_, o3_, t1a_, t1b_, t1c_, t2a_, q_, t1d_, t2b_; \
		T s_[4], carry_ = (x0) ^ (x0);                           \
		unsigned k_;                                             \
		CSA(t1a_, o1_, x0, x1, x2);                              \
		CSA(t1b_, o2_, o1_, x3, x4);                             \
		CSA(t1c_, o3_, o2_, x5, x6);                             \
		s_[0] = o3_ ^ (x7);                                      \
		t1d_ = o3_ & (x7);                                       \
		CSA(t2a_, q_, t1a_, t1b_, t1c_);                         \
		t2b_ = q_ & t1d_;                                        \
		s_[1] = q_ ^ t1d_;                                       \
		s_[2] = t2a_ ^ t2b_;                                     \
		s_[3] = t2a_ & t2b_;                                     \
		for (k_ = 0; k_ < PLANES; k_++) {                        \
			T a_ = (plane)[k_];                              \
			T b_ = k_ < 4 ? s_[k_] : carry_ ^ carry_;        \
			T x_ = a_ ^ b_;                                  \
			(plane)[k_] = x_ ^ carry_;                       \
			carry_ = (a_ & b_) | (carry_ & x_);              \
		}                                                        \
	} while (0)

/* Transpose the 8 x 8 bit matrix whose row i is byte i of x: bit j of
 * byte i moves to bit i of byte j (three rounds of swaps of 1-, 2- and
 * 4-bit blocks). */
static uint64_t transpose8(uint64_t x)
{
	uint64_t t;
	t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAu;
	x ^= t ^ (t << 7);
	t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCu;
	x ^= t ^ (t << 14);
	t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0u;
	x ^= t ^ (t << 28);
	return x;
}

/* Add the counters held in np (8 < np <= 16) bit planes w[k] to total:
 * for each byte of the 64 positions, the planes' bits are transposed so
 * that each position's count comes out whole (planes 0-7, then the rest). */
static void add_lane(const uint64_t *w, unsigned np, uint32_t total[64])
{
	unsigned g, j, k;
	uint64_t hi_mask = ((uint64_t)1 << (np - 8)) - 1;
	for (g = 0; g < 8; g++) {
		uint64_t lo = 0, hi = 0;
		for (k = 0; k < 8; k++)
			lo |= ((w[k] >> (8 * g)) & 0xFF) << (8 * k);
		for (k = 8; k < np; k++)
			hi |= ((w[k] >> (8 * g)) & 0xFF) << (8 * (k - 8));
		lo = transpose8(lo);
		hi = transpose8(hi);
		for (j = 0; j < 8; j++)
			total[8 * g + j] +=
				(uint32_t)((lo >> (8 * j)) & 0xFF) |
				(uint32_t)((hi >> (8 * j)) & hi_mask) << 8;
	}
}

#if defined(__GNUC__)
#define LANES 2
typedef uint64_t vec __attribute__((vector_size(8 * LANES)));

static void flush_vec(vec plane[PLANES], uint32_t total[64])
{
	/* the lanes' counters summed as sliced numbers first (one more
	 * plane), so that one transposition serves them all */
	uint64_t w[PLANES + LANES];
	unsigned k, l, np = PLANES;
	for (k = 0; k < PLANES; k++)
		w[k] = plane[k][0];
	for (l = 1; l < LANES; l++) {
		uint64_t carry = 0;
		for (k = 0; k < np; k++) {
			uint64_t a = w[k], b = k < PLANES ? plane[k][l] : 0;
			w[k] = a ^ b ^ carry;
			carry = (a & b) | (carry & (a ^ b));
		}
		w[np++] = carry;
	}
	for (k = 0; k < PLANES; k++)
		plane[k] ^= plane[k];
	add_lane(w, np, total);
}

/* The hashes h[0..) in blocks of 8 x LANES; returns how many it took. */
static size_t add_vec(const uint64_t *h, size_t n, uint32_t total[64])
{
	vec plane[PLANES], x[8];
	size_t i = 0, since = 0;
	unsigned k;
	if (n < 8 * LANES)
		return 0;
	memset(plane, 0, sizeof plane);
	for (; i + 8 * LANES <= n; i += 8 * LANES) {
		for (k = 0; k < 8; k++)
			memcpy(&x[k], h + i + (size_t)k * LANES, sizeof x[k]);
		ADD8(vec, plane, x[0], x[1], x[2], x[3], x[4], x[5], x[6],
		     x[7]);
		if ((since += 8) == FLUSH_EVERY) {
			flush_vec(plane, total);
			since = 0;
		}
	}
	flush_vec(plane, total);
	return i;
}
#else
static size_t add_vec(const uint64_t *h, size_t n, uint32_t total[64])
{
	(void)h;
	(void)n;
	(void)total;
	return 0;
}
#endif

static void flush(uint64_t plane[PLANES], uint32_t total[64])
{
	add_lane(plane, PLANES, total);
	memset(plane, 0, PLANES * sizeof *plane);
}

uint64_t rp__simhash(const uint64_t *h, size_t n)
{
	uint64_t plane[PLANES] = {0}, zero = 0;
	uint32_t total[64] = {0};
	size_t i = add_vec(h, n, total), since = 0;
	unsigned bit;
	uint64_t r = 0;

	for (; i + 8 <= n; i += 8) {
		ADD8(uint64_t, plane, h[i], h[i + 1], h[i + 2], h[i + 3],
		     h[i + 4], h[i + 5], h[i + 6], h[i + 7]);
		if ((since += 8) == FLUSH_EVERY) {
			flush(plane, total);
			since = 0;
		}
	}
	for (; i < n; i++)
		ADD8(uint64_t, plane, h[i], zero, zero, zero, zero, zero, zero,
		     zero);
	flush(plane, total);
	for (bit = 0; bit < 64; bit++)
		if ((uint64_t)total[bit] * 2 > n)
			r |= (uint64_t)1 << bit;
	return r;
}

unsigned rp__popcount64(uint64_t x)
{
	/* SWAR count (Hacker's Delight 5-1): without -mpopcnt the builtin is
	 * a library call */
	x = x - ((x >> 1) & 0x5555555555555555u);
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (unsigned)((x * 0x0101010101010101u) >> 56);
}
