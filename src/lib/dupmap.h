/* dupmap.h - folded texts already signed, shared by the signing threads
 * (dupmap.c). */
#ifndef RP_DUPMAP_H
#define RP_DUPMAP_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "reprint.h"

typedef struct rp__dupslot {
	_Atomic uint64_t lo; /* 0: empty */
	uint64_t hi;
	_Atomic uint32_t doc; /* RP__DUP_NONE until published */
} rp__dupslot;

typedef struct rp__dupmap {
	rp__dupslot *slot;
	size_t cap; /* a power of two, or 0 */
} rp__dupmap;

#define RP__DUP_NONE UINT32_MAX

/* Room for at least `entries` keys at half load. Not concurrent with
 * anything else; on failure the map keeps what it had (lookups then find
 * less, nothing breaks). */
rp_status rp__dupmap_reserve(rp__dupmap *m, size_t entries);
void rp__dupmap_release(rp__dupmap *m);

/* The document published under the 128-bit key (lo, hi), or
 * RP__DUP_NONE. Safe from several threads, and with inserts. */
uint32_t rp__dupmap_find(const rp__dupmap *m, uint64_t lo, uint64_t hi);

/* Publish doc under (lo, hi) after everything the finders will read of
 * it is written. Safe from several threads; a key already there, or a
 * full map, leaves it out. */
void rp__dupmap_insert(rp__dupmap *m, uint64_t lo, uint64_t hi, uint32_t doc);

#endif
