/* lsh.h - banded LSH over MinHash signatures (see lsh.c). */
#ifndef RP_LSH_H
#define RP_LSH_H

#include <stdint.h>

#include "radix.h"
#include "reprint.h"

/* key: the band's hash; val: the document; aux: one past the last entry
 * of its bucket */
typedef rp__kv rp__band_entry;

typedef struct rp__lsh {
	unsigned bands, rows;
	uint32_t n;              /* documents numbered 0..n-1 */
	uint32_t m;              /* documents indexed (entries per band) */
	rp__band_entry *entries; /* bands x m, sorted by (key, doc) per band */
	uint32_t *slot;          /* bands x n: entry of doc, or NONE */
	uint64_t buckets, capped, capped_members;
	uint32_t capped_largest, capped_doc; /* the largest capped bucket:
						its size, its first document */
} rp__lsh;

#define RP__LSH_NONE UINT32_MAX

/* Index documents docs[0..m) (increasing), whose MinHash values are
 * minhash(doc) = sig + (size_t)row_of[doc] * perms. Buckets larger than
 * cap are left out and counted. */
rp_status rp__lsh_build(rp__lsh *l, unsigned bands, unsigned rows,
			unsigned perms, const uint32_t *sig,
			const uint32_t *row_of, const uint32_t *docs,
			uint32_t m, uint32_t n, uint32_t cap, uint64_t seed,
			unsigned threads);
void rp__lsh_release(rp__lsh *l);

#endif
