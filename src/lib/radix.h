/* radix.h - stable sort of 64-bit keys with a 32-bit payload, search in
 * sorted keys, qsort's order of 64-bit values (radix.c). */
#ifndef RP_RADIX_H
#define RP_RADIX_H

#include <stddef.h>
#include <stdint.h>

typedef struct rp__kv {
	uint64_t key;
	uint32_t val;
	uint32_t aux; /* free for the caller; moves with the entry */
} rp__kv;

/* Sort a[0..n) by key, keeping the input order of equal keys; tmp has
 * room for n entries. */
void rp__radix_sort_kv(rp__kv *a, rp__kv *tmp, size_t n);
/* Sort a[0..n) ascending; tmp has room for n values. */
void rp__radix_sort_u32(uint32_t *a, uint32_t *tmp, size_t n);

/* The first place in the sorted v[0..n) whose value is not below x (n
 * when there is none). */
size_t rp__lower_bound64(const uint64_t *v, size_t n, uint64_t x);
size_t rp__lower_bound32(const uint32_t *v, size_t n, uint32_t x);

/* qsort and bsearch order of uint64_t values: ascending. */
int rp__cmp_u64(const void *pa, const void *pb);

#endif
