/*
 * hash.c - every use of xxHash: whole-buffer hashes and the hot loop that
 * hashes each character n-gram once.
 *
 * xxh3 (64-bit, seeded) is the base hash of the project. Each shingle is
 * hashed exactly once; MinHash bins, MinHash values, SimHash bits and the
 * set fingerprint are all taken from that one 64-bit value.
 */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "hash.h"

uint64_t rp__hash(const void *p, size_t n, uint64_t seed)
{
	return XXH3_64bits_withSeed(p, n, seed);
}

void rp__hash128(const void *p, size_t n, uint64_t seed, uint64_t out[2])
{
	XXH128_hash_t h = XXH3_128bits_withSeed(p, n, seed);
	out[0] = h.low64;
	out[1] = h.high64;
}

static inline void ascii_ngrams(const char *text, size_t count, unsigned n,
				uint64_t seed, uint64_t *out)
{
	size_t i;
	for (i = 0; i < count; i++)
		out[i] = XXH3_64bits_withSeed(text + i, n, seed);
}

/* flatten: xxh3 is inlined into the loop (a call per shingle costs more
 * than the short-input hash itself); the hash values do not change. */
#if defined(__GNUC__)
__attribute__((flatten))
#endif
size_t
rp__hash_ngrams(const char *text, size_t len, const uint32_t *starts,
		size_t cps, unsigned n, uint64_t seed, uint64_t *out)
{
	size_t i, count = rp__shingle_count(cps, n);
	if (cps <= n) {
		/* No longer than one n-gram: the whole text is one shingle
		 * (none when empty). */
		if (count)
			out[0] = XXH3_64bits_withSeed(text, len, seed);
		return count;
	}
	if (!starts) {
		/* One byte per code point (ASCII). The common lengths get a
		 * loop of their own, where xxh3's dispatch on the length
		 * folds away; the hash values are the same. */
		switch (n) {
		case 4:
			ascii_ngrams(text, count, 4, seed, out);
			break;
		case 5:
			ascii_ngrams(text, count, 5, seed, out);
			break;
		default:
			ascii_ngrams(text, count, n, seed, out);
			break;
		}
		return count;
	}
	for (i = 0; i < count; i++) {
		size_t k = starts[i + n] - starts[i];
		/* four three-byte characters (Chinese text, n = 4) by a fixed-length
		 * copy of the hash; the values are the same */
		if (k == 12)
			out[i] = XXH3_64bits_withSeed(text + starts[i], 12,
						      seed);
		else
			out[i] =
				XXH3_64bits_withSeed(text + starts[i], k, seed);
	}
	return count;
}

uint64_t rp__mix64(uint64_t x)
{
	/* splitmix64 finalizer (Steele, Lea, Flood 2014). */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	x ^= x >> 31;
	return x;
}
