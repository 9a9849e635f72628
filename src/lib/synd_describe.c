/*
 * synd_describe.c - what each member of a story is to its origin.
 *
 * In: the members of one cluster, its origin (synd_origin.c), their
 * times, outlets and named sources. Out: per member (ctx->synd[]) its
 * origin, its lag after the origin; declared when it names an outlet that
 * is neither its own (its masthead names) nor the origin's own credit line
 * (a wire the origin itself names); its parent, among the members before
 * it (the origin first, then by publish time), the one whose outlet it
 * names, else the most similar one; and its kind (synd_kind.c).
 */
#include <stdlib.h>

#include "synd_stage.h"

static int cmp_ranked(const void *pa, const void *pb)
{
	const rp__synd_ranked *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

/* mem[0..k) into r in the order they may have copied each other. */
static void rank_members(const rp__synd *y, uint32_t o, const uint32_t *mem,
			 uint32_t k, rp__synd_ranked *r)
{
	uint32_t i;
	for (i = 0; i < k; i++) {
		const rp__synd_when *w = &y->when[mem[i]];
		r[i].doc = mem[i];
		r[i].day = mem[i] == o ? INT64_MIN
			   : w->known  ? w->day
				       : INT64_MAX;
		r[i].minute = w->minute < 0 ? 24 * 60 : w->minute;
	}
	qsort(r, k, sizeof *r, cmp_ranked);
}

/* The minutes from the origin's time wo to w, to the day or the minute
 * as both give them. */
static void set_lag(rp__synd_doc *s, const rp__synd_when *w,
		    const rp__synd_when *wo)
{
	if (!w->known || !wo->known)
		return;
	s->lag = (w->day - wo->day) * 24 * 60;
	s->lag_known = RP_LAG_DAYS;
	if (w->minute >= 0 && wo->minute >= 0) {
		s->lag += w->minute - wo->minute;
		s->lag_known = RP_LAG_MINUTES;
	}
}

/* The parent of r[i]: among the members before it, the one whose outlet
 * it names, else the most similar (the origin, and the
 * RP__SYND_PAIR_CAP - 1 pages just before it, are asked). */
static uint32_t parent_of(const rp__synd *y, const rp__synd_ranked *r,
			  uint32_t i)
{
	uint32_t d = r[i].doc, p = RP__SYND_NONE, j;
	double best = -1.0;
	int named = 0;
	for (j = 0; j < i; j++) {
		uint32_t q = r[j].doc;
		int names_q;
		double sim;
		if (j > 0 && i - j >= RP__SYND_PAIR_CAP)
			continue;
		names_q = y->src[d] && y->src[d] == y->own[q];
		if (named && !names_q)
			continue;
		sim = rp__synd_jaccard(y->ctx, d, q);
		if ((names_q && !named) || sim > best) {
			best = sim;
			p = q;
			named |= names_q;
		}
	}
	return p;
}

void rp__synd_describe(rp__synd *y, uint32_t o, const uint32_t *mem, uint32_t k,
		       rp__synd_ranked *r)
{
	rp_ctx *ctx = y->ctx;
	uint64_t credit = y->src[o] != y->own[o] ? y->src[o] : 0;
	uint32_t i;
	rank_members(y, o, mem, k, r);
	for (i = 0; i < k; i++) {
		uint32_t d = r[i].doc;
		rp__synd_doc *s = &ctx->synd[d];
		s->origin = o;
		if (d == o) {
			s->kind = RP_KIND_ORIGINAL;
			s->declared = y->src[d] != 0;
			continue;
		}
		set_lag(s, &y->when[d], &y->when[o]);
		rp__synd_kind_begin(y, d, o);
		s->declared = y->src[d] && y->src[d] != y->own[d] &&
			      y->src[d] != credit &&
			      !rp__synd_names_itself(y, d);
		s->parent = parent_of(y, r, i);
	}
}
