/*
 * script.c - Traditional to Simplified folding, the only user of OpenCC.
 *
 * Reprints of one story come in both scripts, so the folded text of both
 * must be the same. OpenCC converts whole texts with phrase dictionaries at
 * about 8 MB/s here, too slow to run on every page; for matching, the
 * character mapping is what counts. So the mapping of every CJK ideograph
 * (U+3400-U+9FFF) is read once from OpenCC's own dictionaries (the
 * configurations t2s, then hk2s and tw2s for regional variants) into a
 * table, and folding looks characters up in it. The table is built once
 * per process (a failed build is tried again on the next call) and
 * never changes afterwards.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "common.h"
#include "script.h"
#include "utf8.h"

#define SPAN (RP__T2S_LAST - RP__T2S_FIRST + 1)

static const uint32_t *_Atomic table;
static pthread_mutex_t building = PTHREAD_MUTEX_INITIALIZER;

/* The single code point of s, or 0 when s is not exactly one. */
static uint32_t single(const char *s)
{
	size_t adv, n = strlen(s);
	int32_t cp;
	if (n == 0)
		return 0;
	cp = rp__utf8_decode((const unsigned char *)s, n, &adv);
	return cp > 0 && adv == n ? (uint32_t)cp : 0;
}

static void fill(uint32_t *t, const char *config)
{
	opencc_t oc = opencc_open(config);
	uint32_t cp;
	if (oc == (opencc_t)-1)
		return;
	for (cp = RP__T2S_FIRST; cp <= RP__T2S_LAST; cp++) {
		char in[4];
		size_t n;
		char *out;
		uint32_t s;
		if (t[cp - RP__T2S_FIRST])
			continue;
		n = rp__utf8_encode(cp, in);
		out = opencc_convert_utf8(oc, in, n);
		if (!out)
			continue;
		s = single(out);
		if (s && s != cp)
			t[cp - RP__T2S_FIRST] = s;
		opencc_convert_utf8_free(out);
	}
	opencc_close(oc);
}

/* The configurations disagree on a few characters: t2s takes 麼 to 么,
 * hk2s takes 么 to 幺. Folding must give the same result when run twice
 * (and 什麼 and 什么 must meet), so each entry follows its chain to the
 * end. */
static void resolve_chains(uint32_t *t)
{
	uint32_t cp;
	for (cp = RP__T2S_FIRST; cp <= RP__T2S_LAST; cp++) {
		uint32_t s = t[cp - RP__T2S_FIRST];
		unsigned steps = 0;
		while (s >= RP__T2S_FIRST && s <= RP__T2S_LAST &&
		       t[s - RP__T2S_FIRST] && t[s - RP__T2S_FIRST] != cp &&
		       steps++ < 8)
			s = t[s - RP__T2S_FIRST];
		if (s)
			t[cp - RP__T2S_FIRST] = s;
	}
}

static uint32_t *build(void)
{
	uint32_t *t = rp__calloc_n(SPAN, sizeof *t);
	if (!t)
		return NULL;
	fill(t, "t2s.json");
	fill(t, "hk2s.json");
	fill(t, "tw2s.json");
	resolve_chains(t);
	return t;
}

const uint32_t *rp__t2s_table(void)
{
	const uint32_t *t = atomic_load_explicit(&table, memory_order_acquire);
	if (t)
		return t;
	/* built once; a failed build (out of memory) is tried again */
	pthread_mutex_lock(&building);
	t = atomic_load_explicit(&table, memory_order_relaxed);
	if (!t) {
		t = build();
		atomic_store_explicit(&table, t, memory_order_release);
	}
	pthread_mutex_unlock(&building);
	return t;
}

#ifdef RP_FAULT_INJECTION
void rp__t2s_table_drop(void)
{
	pthread_mutex_lock(&building);
	free((void *)(uintptr_t)atomic_exchange(&table, NULL));
	pthread_mutex_unlock(&building);
}
#endif
