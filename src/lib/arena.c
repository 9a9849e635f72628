/*
 * arena.c - a chunked bump allocator for data that lives as long as its
 * owner (document ids, metadata, shingle sets): one malloc per block
 * instead of one per document, and addresses never move, so several
 * threads can each fill their own arena while others read finished data.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "arena.h"

struct rp__arena_block {
	rp__arena_block *next;
	size_t used, cap;
	/* data follows, 8-aligned */
};

#define HDR ((sizeof(rp__arena_block) + 7) & ~(size_t)7)

void rp__arena_init(rp__arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size;
	a->total = 0;
}

void rp__arena_release(rp__arena *a)
{
	rp__arena_block *b = a->head;
	while (b) {
		rp__arena_block *n = b->next;
		free(b);
		b = n;
	}
	a->head = NULL;
	a->total = 0;
}

void *rp__arena_alloc(rp__arena *a, size_t size)
{
	rp__arena_block *b = a->head;
	size_t need = (size + 7) & ~(size_t)7;
	if (size > SIZE_MAX - 8 - HDR)
		return NULL;
	if (!b || b->cap - b->used < need) {
		size_t cap = need > a->block_size ? need : a->block_size;
		b = rp__malloc_n(HDR + cap, 1);
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		b->next = a->head;
		a->head = b;
	}
	b->used += need;
	a->total += need;
	return (char *)b + HDR + b->used - need;
}

char *rp__arena_strndup(rp__arena *a, const char *s, size_t n)
{
	char *p = rp__arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
