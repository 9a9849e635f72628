/* arena.h - chunked bump allocator with stable addresses (see arena.c). */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stddef.h>

typedef struct rp__arena_block rp__arena_block;

typedef struct rp__arena {
	rp__arena_block *head;
	size_t block_size;
	size_t total; /* bytes handed out */
} rp__arena;

void rp__arena_init(rp__arena *a, size_t block_size);
void rp__arena_release(rp__arena *a);
/* size bytes aligned to 8; NULL when out of memory. */
void *rp__arena_alloc(rp__arena *a, size_t size);
/* Copy of s[0..n) with a terminating NUL. */
char *rp__arena_strndup(rp__arena *a, const char *s, size_t n);

#endif
