/* sketch.h - MinHash, SimHash and shingle sets (minhash.c, simhash.c,
 * shingle_set.c). */
#ifndef RP_SKETCH_H
#define RP_SKETCH_H

#include <stddef.h>
#include <stdint.h>

#include "reprint.h"

/* K MinHash values from n shingle hashes (one-permutation hashing with
 * optimal densification). All values UINT32_MAX when n == 0. */
void rp__minhash(const uint64_t *h, size_t n, unsigned k, uint64_t seed,
		 uint32_t *out);

/* How many of the k MinHash values of x and y are equal. */
unsigned rp__minhash_equal(const uint32_t *x, const uint32_t *y, unsigned k);

/* 64-bit SimHash of n shingle hashes. */
uint64_t rp__simhash(const uint64_t *h, size_t n);
unsigned rp__popcount64(uint64_t x);

/* Sorted distinct low 32 bits of n hashes into out (n entries), using
 * count (RP__SET_COUNT entries) as scratch; returns the number of
 * distinct values. */
#define RP__SET_SORT_BITS 16
#define RP__SET_COUNT     ((1u << RP__SET_SORT_BITS) + 1)
size_t rp__set_build(const uint64_t *h, size_t n, uint32_t *count,
		     uint32_t *out);

/* |A & B| of two sorted sets; gives up early and returns a value below
 * need as soon as need can no longer be reached. */
size_t rp__set_common(const uint32_t *a, size_t na, const uint32_t *b,
		      size_t nb, size_t need);

#endif
