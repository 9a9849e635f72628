/*
 * dupmap.c - a lock-free set of the folded texts already signed: a 128-bit
 * hash of the folded text to the first document that had it.
 *
 * Crawls and syndication corpora carry many documents whose folded text is
 * identical (60% of the peers' corpus L); such a document takes its
 * signature and shingle set from the first one instead of hashing every
 * shingle again. The key is xxh3-128 of the folded text: two different
 * texts share it with probability about 2^-128 per pair.
 *
 * Open addressing with linear probing; a slot is claimed by a
 * compare-and-swap on its first key word, then filled, then published by
 * a release store of its document, which a finder reads with acquire
 * before trusting the rest. Slots are never removed. The map grows only
 * between batches, when no thread signs.
 */
#include <stdlib.h>

#include "common.h"
#include "dupmap.h"

/* 0 marks an empty slot: such a key is stored as 1 (a lookup of it can
 * then only meet keys whose second word matches as well) */
static uint64_t key_lo(uint64_t lo)
{
	return lo ? lo : 1;
}

static void put(rp__dupslot *slot, size_t cap, uint64_t lo, uint64_t hi,
		uint32_t doc)
{
	size_t i = (size_t)lo & (cap - 1), probes;
	for (probes = 0; probes < cap; probes++, i = (i + 1) & (cap - 1)) {
		rp__dupslot *s = &slot[i];
		uint64_t cur =
			atomic_load_explicit(&s->lo, memory_order_acquire);
		if (cur == 0) {
			uint64_t empty = 0;
			if (atomic_compare_exchange_strong(&s->lo, &empty,
							   lo)) {
				s->hi = hi;
				atomic_store_explicit(&s->doc, doc,
						      memory_order_release);
				return;
			}
			cur = empty;
		}
		if (cur == lo) {
			uint32_t d = atomic_load_explicit(&s->doc,
							  memory_order_acquire);
			if (d != RP__DUP_NONE && s->hi == hi)
				return; /* already known */
		}
	}
}

rp_status rp__dupmap_reserve(rp__dupmap *m, size_t entries)
{
	size_t cap = m->cap ? m->cap : 1024, i;
	rp__dupslot *slot;
	while (cap < 2 * entries) {
		if (cap > SIZE_MAX / 4 / sizeof *slot)
			return RP_ENOMEM;
		cap *= 2;
	}
	if (cap == m->cap)
		return RP_OK;
	slot = rp__malloc_n(cap, sizeof *slot);
	if (!slot)
		return RP_ENOMEM;
	for (i = 0; i < cap; i++) {
		atomic_init(&slot[i].lo, 0);
		slot[i].hi = 0;
		atomic_init(&slot[i].doc, RP__DUP_NONE);
	}
	for (i = 0; i < m->cap; i++) {
		uint64_t lo = atomic_load(&m->slot[i].lo);
		uint32_t d = atomic_load(&m->slot[i].doc);
		if (lo && d != RP__DUP_NONE)
			put(slot, cap, lo, m->slot[i].hi, d);
	}
	free(m->slot);
	m->slot = slot;
	m->cap = cap;
	return RP_OK;
}

void rp__dupmap_release(rp__dupmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = 0;
}

uint32_t rp__dupmap_find(const rp__dupmap *m, uint64_t lo, uint64_t hi)
{
	size_t i, probes;
	if (!m->cap)
		return RP__DUP_NONE;
	lo = key_lo(lo);
	i = (size_t)lo & (m->cap - 1);
	for (probes = 0; probes < m->cap;
	     probes++, i = (i + 1) & (m->cap - 1)) {
		rp__dupslot *s = &m->slot[i];
		uint64_t cur =
			atomic_load_explicit(&s->lo, memory_order_acquire);
		uint32_t d;
		if (cur == 0)
			return RP__DUP_NONE;
		if (cur != lo)
			continue;
		d = atomic_load_explicit(&s->doc, memory_order_acquire);
		if (d != RP__DUP_NONE && s->hi == hi)
			return d;
	}
	return RP__DUP_NONE;
}

void rp__dupmap_insert(rp__dupmap *m, uint64_t lo, uint64_t hi, uint32_t doc)
{
	if (m->cap)
		put(m->slot, m->cap, key_lo(lo), hi, doc);
}
