/*
 * syndicate.c - who published a story first and how the others copied
 * it: the syndication stage's run.
 *
 * Runs after clustering (cfg.syndicate), on clusters of two or more
 * pages. In: the clusters (ctx->cluster, ctx->csize), each page's outlet,
 * named source, masthead and date lines (rp__docrec), publish time
 * (ctx->when) and shingle set. Out: ctx->synd, per page its origin,
 * reprint kind, declared source, lag and parent (syndicate.h).
 *
 * The steps, each in its file (synd_stage.h): every page's own outlet and
 * the source it names (synd_names.c); then per cluster the story's times
 * (synd_time.c), its origin (synd_origin.c) and what each other member is
 * to it (synd_describe.c); last the kinds, once the changes of every
 * reprint are counted against its outlet's habits (synd_kind.c).
 */
#include <stdlib.h>
#include <string.h>

#include "synd_stage.h"

/* The members of each cluster, in document order: mem[start[c] ..
 * start[c + 1]) for cluster c (1..n_clusters); big, the largest. */
typedef struct members {
	uint32_t *start, *mem;
	uint32_t big;
} members;

/* Every page its own origin, of no parent, named as given; in_cluster:
 * the pages of clusters of two or more. */
static void start_pages(rp_ctx *ctx, uint8_t *in_cluster)
{
	uint32_t i;
	for (i = 0; i < ctx->n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		rp__synd_doc *s = &ctx->synd[i];
		s->origin = i;
		s->parent = RP__SYND_NONE;
		s->name = d->outlet ? d->outlet : "";
		in_cluster[i] = ctx->csize[ctx->cluster[i] - 1] > 1;
	}
}

static rp_status group_members(const rp_ctx *ctx, members *m)
{
	uint32_t n = ctx->n, i, c;
	m->start = rp__calloc_n((size_t)ctx->n_clusters + 2, sizeof *m->start);
	m->mem = rp__malloc_n(n ? n : 1, sizeof *m->mem);
	if (!m->start || !m->mem)
		return RP_ENOMEM;
	for (i = 0; i < n; i++)
		m->start[ctx->cluster[i] + 1]++;
	for (c = 0; c <= ctx->n_clusters; c++)
		m->start[c + 1] += m->start[c];
	for (i = 0; i < n; i++)
		m->mem[m->start[ctx->cluster[i]]++] = i;
	for (c = ctx->n_clusters; c > 0; c--)
		m->start[c] = m->start[c - 1];
	m->start[0] = 0;
	m->big = 0;
	for (c = 1; c <= ctx->n_clusters; c++)
		if (m->start[c + 1] - m->start[c] > m->big)
			m->big = m->start[c + 1] - m->start[c];
	return RP_OK;
}

/* Each story of two or more pages: its times, its origin, its members
 * described against it. */
static rp_status each_story(rp__synd *y, const members *m)
{
	const rp_ctx *ctx = y->ctx;
	uint32_t c, k;
	uint32_t *scratch =
		rp__malloc_n(2 * (size_t)m->big + 2, sizeof *scratch);
	uint64_t *srcs = rp__malloc_n((size_t)m->big + 1, sizeof *srcs);
	rp__synd_ranked *rk = rp__malloc_n((size_t)m->big + 1, sizeof *rk);
	rp_status st = RP_ENOMEM;
	if (!scratch || !srcs || !rk)
		goto done;
	for (c = 1; c <= ctx->n_clusters; c++) {
		const uint32_t *mem = m->mem + m->start[c];
		k = m->start[c + 1] - m->start[c];
		if (k < 2)
			continue;
		rp__synd_story_times(y, mem, k);
		rp__synd_describe(
			y, rp__synd_pick_origin(y, mem, k, scratch, srcs), mem,
			k, rk);
	}
	st = RP_OK;
done:
	free(scratch);
	free(srcs);
	free(rk);
	return st;
}

static rp_status run(rp__synd *y, uint8_t *in_cluster)
{
	rp_ctx *ctx = y->ctx;
	members m = {NULL, NULL, 0};
	rp_status st;
	start_pages(ctx, in_cluster);
	st = rp__synd_outlets(y, in_cluster);
	if (st == RP_OK)
		st = group_members(ctx, &m);
	if (st == RP_OK)
		st = each_story(y, &m);
	if (st == RP_OK && !y->failed)
		rp__synd_settle_kinds(y);
	if (st == RP_OK && y->failed)
		st = RP_ENOMEM;
	free(m.start);
	free(m.mem);
	return st;
}

rp_status rp__syndicate_run(rp_ctx *ctx)
{
	rp__synd y;
	uint32_t n = ctx->n;
	uint8_t *in_cluster = NULL;
	rp_status st = RP_ENOMEM;

	memset(&y, 0, sizeof y);
	y.ctx = ctx;
	rp__synd_names_init(&y);
	ctx->synd = rp__calloc_n(n ? n : 1, sizeof *ctx->synd);
	y.src = rp__calloc_n(n ? n : 1, sizeof *y.src);
	y.own = rp__calloc_n(n ? n : 1, sizeof *y.own);
	y.when = rp__calloc_n(n ? n : 1, sizeof *y.when);
	in_cluster = rp__calloc_n(n ? n : 1, 1);
	if (ctx->synd && y.src && y.own && y.when && in_cluster)
		st = run(&y, in_cluster);
	rp__synd_names_release(&y);
	free(y.src);
	free(y.own);
	free(y.when);
	free(y.q);
	free(in_cluster);
	if (st != RP_OK) {
		rp__syndicate_release(ctx);
		return rp__errf(ctx->err, st, "cannot describe reprints: %s",
				rp_status_str(st));
	}
	return RP_OK;
}

void rp__syndicate_release(rp_ctx *ctx)
{
	free(ctx->synd);
	ctx->synd = NULL;
}
