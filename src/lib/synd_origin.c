/*
 * synd_origin.c - which page of a story published it first.
 *
 * In: the members of one cluster, their times (synd_time.c), outlets and
 * named sources (synd_names.c) and shingle sets. Out: the origin's
 * document number.
 *
 * The members no other member precedes (an earlier day, or an earlier
 * minute of the same day when both give one; a page without a date
 * precedes nothing and follows nothing), but for a page without a date
 * that names another member's outlet as its source (it copied that
 * page); among them, the ones whose outlet the most other members name as
 * their source; then those not contained in another (an excerpt is
 * contained in its original); then the one most similar to the others;
 * then the lowest document number.
 */
#include <stdlib.h>
#include <string.h>

#include "radix.h"
#include "synd_stage.h"

#define CONTAINED_INNER 0.80 /* origin test: x inside y */
#define CONTAINED_SMALL 0.85 /* ... and x is this much smaller */

/* x is an excerpt of y: mostly inside it and clearly smaller. */
static int inside(const rp_ctx *ctx, uint32_t x, uint32_t y)
{
	double nx = ctx->docs[x].set_len, ny = ctx->docs[y].set_len;
	return nx > 0 && nx < CONTAINED_SMALL * ny &&
	       rp__synd_common(ctx, x, y) >= CONTAINED_INNER * nx;
}

/* Candidates for the origin, to at most RP__SYND_PAIR_CAP: the fullest
 * texts (an original holds its excerpts), then the lowest numbers. */
static int cmp_fuller(const void *pa, const void *pb, const rp_ctx *ctx)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	if (ctx->docs[a].set_len != ctx->docs[b].set_len)
		return ctx->docs[a].set_len > ctx->docs[b].set_len ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void keep_fullest(const rp_ctx *ctx, uint32_t *c, uint32_t *left)
{
	uint32_t i, j;
	/* a partial selection: RP__SYND_PAIR_CAP passes over a few thousand
	 * at most, and only for clusters this large */
	for (i = 0; i < RP__SYND_PAIR_CAP && i < *left; i++)
		for (j = i + 1; j < *left; j++)
			if (cmp_fuller(&c[j], &c[i], ctx) < 0) {
				uint32_t t = c[i];
				c[i] = c[j];
				c[j] = t;
			}
	if (*left > RP__SYND_PAIR_CAP)
		*left = RP__SYND_PAIR_CAP;
}

/* Does page x name as its source the outlet of another member of
 * mem[0..k) (not its own)? */
static int names_member(const rp__synd *y, uint32_t x, const uint32_t *mem,
			uint32_t k)
{
	uint32_t i;
	if (!y->src[x] || y->src[x] == y->own[x])
		return 0;
	for (i = 0; i < k; i++)
		if (mem[i] != x && y->own[mem[i]] == y->src[x])
			return 1;
	return 0;
}

/* The candidates c[0..left) narrowed to the j in kept, unless that
 * leaves none or there was one: their number. */
static uint32_t narrow(uint32_t *c, uint32_t left, const uint32_t *kept,
		       uint32_t j)
{
	if (left > 1 && j > 0) {
		memcpy(c, kept, j * sizeof *c);
		left = j;
	}
	return left;
}

/* The members no other member precedes, into c: their number. */
static uint32_t first_published(const rp__synd *y, const uint32_t *mem,
				uint32_t k, uint32_t *c)
{
	int64_t first_day = INT64_MAX;
	int first_minute = INT32_MAX;
	uint32_t i, left = 0;
	for (i = 0; i < k; i++)
		if (y->when[mem[i]].known && y->when[mem[i]].day < first_day)
			first_day = y->when[mem[i]].day;
	for (i = 0; i < k; i++) {
		const rp__synd_when *w = &y->when[mem[i]];
		if (w->known && w->day == first_day && w->minute >= 0 &&
		    w->minute < first_minute)
			first_minute = w->minute;
	}
	for (i = 0; i < k; i++) {
		const rp__synd_when *w = &y->when[mem[i]];
		if (!w->known || (w->day == first_day &&
				  (w->minute < 0 || w->minute == first_minute)))
			c[left++] = mem[i];
	}
	return left;
}

/* ... but a page without a date that names another member's outlet as
 * its source copied that outlet's page (tmp: room for left values). */
static uint32_t not_copies(const rp__synd *y, const uint32_t *mem, uint32_t k,
			   uint32_t *c, uint32_t left, uint32_t *tmp)
{
	uint32_t i, j;
	for (i = 0, j = 0; left > 1 && i < left; i++)
		if (y->when[c[i]].known || !names_member(y, c[i], mem, k))
			tmp[j++] = c[i];
	return narrow(c, left, tmp, j);
}

/* ... those whose outlet the most other members name as their source
 * (votes: room for left values, srcs for k). */
static uint32_t most_named(const rp__synd *y, const uint32_t *mem, uint32_t k,
			   uint32_t *c, uint32_t left, uint32_t *votes,
			   uint64_t *srcs)
{
	uint32_t i, j, best = 0;
	for (i = 0; i < k; i++)
		srcs[i] = y->src[mem[i]];
	if (left > 1 && k > 1)
		qsort(srcs, k, sizeof *srcs, rp__cmp_u64);
	for (i = 0; left > 1 && i < left; i++) {
		uint64_t own = y->own[c[i]];
		size_t lo;
		votes[i] = 0;
		if (!own)
			continue;
		for (lo = rp__lower_bound64(srcs, k, own);
		     lo < k && srcs[lo] == own; lo++)
			votes[i]++;
		votes[i] -= y->src[c[i]] == own; /* its own line is no vote */
		if (votes[i] > best)
			best = votes[i];
	}
	if (!best)
		return left;
	for (i = 0, j = 0; i < left; i++)
		if (votes[i] == best)
			c[j++] = c[i];
	return j;
}

/* ... not an excerpt of another (tmp: room for left values). */
static uint32_t not_excerpts(const rp_ctx *ctx, uint32_t *c, uint32_t left,
			     uint32_t *tmp)
{
	uint32_t i, j, z;
	for (i = 0, j = 0; left > 1 && i < left; i++) {
		for (z = 0; z < left; z++)
			if (z != i && inside(ctx, c[i], c[z]))
				break;
		if (z == left)
			tmp[j++] = c[i];
	}
	return narrow(c, left, tmp, j);
}

/* ... the most similar to the members (each copy adds its own edits, so
 * the original sits in the middle; the first RP__SYND_PAIR_CAP members
 * are asked); then the lowest number. */
static uint32_t most_similar(const rp_ctx *ctx, const uint32_t *mem, uint32_t k,
			     const uint32_t *c, uint32_t left)
{
	double best_sim = -1.0;
	uint32_t i, j, pick = RP__SYND_NONE;
	for (i = 0; i < left; i++) {
		double sim = 0.0;
		for (j = 0; left > 1 && j < k && j < RP__SYND_PAIR_CAP; j++)
			if (mem[j] != c[i])
				sim += rp__synd_jaccard(ctx, c[i], mem[j]);
		if (sim > best_sim || (sim == best_sim && c[i] < pick)) {
			best_sim = sim;
			pick = c[i];
		}
	}
	return pick;
}

uint32_t rp__synd_pick_origin(rp__synd *y, const uint32_t *mem, uint32_t k,
			      uint32_t *c, uint64_t *srcs)
{
	const rp_ctx *ctx = y->ctx;
	uint32_t *tmp = c + k, left;
	left = first_published(y, mem, k, c);
	left = not_copies(y, mem, k, c, left, tmp);
	left = most_named(y, mem, k, c, left, tmp, srcs);
	if (left > RP__SYND_PAIR_CAP)
		keep_fullest(ctx, c, &left);
	left = not_excerpts(ctx, c, left, tmp);
	return most_similar(ctx, mem, k, c, left);
}
