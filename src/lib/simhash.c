/*
 * simhash.c - 64-bit SimHash (Charikar, STOC 2002; Manku, Jain, Das Sarma,
 * WWW 2007) over shingle occurrences, all weights 1.
 *
 * Bit i of the result is set when more than half of the shingle hashes have
 * bit i set. Counting is bit-sliced: a 256-entry table spreads one byte of
 * a hash into eight byte-wide counters packed in a uint64_t, so a hash
 * costs eight table loads and adds instead of a 64-step branchy loop; the
 * byte counters are flushed into 32-bit totals every 255 hashes.
 */
#include "sketch.h"

static uint64_t spread_table(unsigned b)
{
	uint64_t r = 0;
	unsigned i;
	for (i = 0; i < 8; i++)
		r |= (uint64_t)((b >> i) & 1u) << (8 * i);
	return r;
}

typedef struct spread_lut {
	uint64_t v[256];
} spread_lut;

static spread_lut make_lut(void)
{
	spread_lut l;
	unsigned b;
	for (b = 0; b < 256; b++)
		l.v[b] = spread_table(b);
	return l;
}

uint64_t rp__simhash(const uint64_t *h, size_t n)
{
	/* Built once per call: 256 entries cost less than a page of text,
	 * and no global mutable state is needed. */
	const spread_lut lut = make_lut();
	uint32_t total[64] = {0};
	uint64_t acc[8];
	size_t i = 0, j, bit;
	uint64_t r = 0;

	while (i < n) {
		size_t end = n - i > 255 ? i + 255 : n;
		for (j = 0; j < 8; j++)
			acc[j] = 0;
		for (; i < end; i++) {
			uint64_t x = h[i];
			for (j = 0; j < 8; j++)
				acc[j] += lut.v[(x >> (8 * j)) & 0xFF];
		}
		for (j = 0; j < 8; j++)
			for (bit = 0; bit < 8; bit++)
				total[8 * j + bit] +=
					(uint32_t)((acc[j] >> (8 * bit)) & 0xFF);
	}
	for (bit = 0; bit < 64; bit++)
		if ((uint64_t)total[bit] * 2 > n)
			r |= (uint64_t)1 << bit;
	return r;
}

unsigned rp__popcount64(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}
