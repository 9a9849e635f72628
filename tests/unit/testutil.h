/* testutil.h - includes every unit test needs (cmocka 1.1.5 wants these
 * system headers before cmocka.h) and small helpers. */
#ifndef RP_TESTUTIL_H
#define RP_TESTUTIL_H

#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "reprint.h"

/* Read a file relative to the repository root into a malloc'd buffer;
 * NULL when it is not there (tests that need ../shared skip then). */
static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b) {
		b[n] = '\0';
		*len = (size_t)n;
	}
	return b;
}

/* The document of a run with this id (the test fails without one). */
static inline rp_doc_info tu_doc(rp_ctx *ctx, const char *id)
{
	rp_doc_info d;
	uint32_t i;
	memset(&d, 0, sizeof d);
	for (i = 0; i < rp_ctx_doc_count(ctx); i++) {
		assert_int_equal(rp_ctx_doc(ctx, i, &d), RP_OK);
		if (strcmp(d.id, id) == 0)
			return d;
	}
	fail_msg("no document %s", id);
	return d;
}

/* splitmix64, for reproducible random test data */
static inline uint64_t tu_rand(uint64_t *s)
{
	uint64_t x = (*s += 0x9e3779b97f4a7c15u);
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

#endif
