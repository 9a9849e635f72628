/*
 * template.c - containment on what a story says, not on how its source
 * phrases every item.
 *
 * A wire's items of one kind share their phrasing ("said its board
 * declared a two-for-one stock split, payable ... to holders of record",
 * "is issuing a ... eurobond due ... paying ... pct and priced at"): a
 * short item is contained in a longer one of the same kind as much as an
 * excerpt is in its story. What tells them apart is the rest: the
 * company, the figures, the dates. So a pair joined by containment alone
 * (its Jaccard below the threshold) must hold the distinctive part of the
 * smaller text too: its shingles that few stories share.
 *
 * A shingle's spread is the number of stories it is found in, a story
 * being a set of documents joined by Jaccard (copies and near copies of
 * one text count once, however many outlets carried it). A shingle in
 * TPL_STORIES stories or more is phrasing; the smaller side of a
 * containment pair keeps its join when it has at least TPL_RARE_MIN
 * other shingles and at least TPL_SHARE of them are in the larger side
 * (an excerpt brings distinctive lines of its own too: a new headline, a
 * byline, a note).
 * Only the shingles of the smaller sides are counted, so the table is the
 * size of the excerpts, not of the corpus.
 *
 * The constants were read off reuters-dev (a wire's feed, where
 * templated items abound) and synd-dev (excerpts across outlets): see
 * the README, "Templated items".
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "corpus.h"
#include "radix.h"
#include "template.h"

#define TPL_STORIES  20
#define TPL_RARE_MIN 10
#define TPL_SHARE    0.5

static int jaccard_edge(const rp_ctx *ctx, const rp__edge *e)
{
	double na = ctx->docs[e->a].set_len, nb = ctx->docs[e->b].set_len;
	return (double)e->common / (na + nb - (double)e->common) >=
	       ctx->cfg.threshold;
}

/* The smaller side of a containment pair (the excerpt). */
static uint32_t smaller(const rp_ctx *ctx, const rp__edge *e)
{
	return ctx->docs[e->a].set_len <= ctx->docs[e->b].set_len ? e->a : e->b;
}

typedef struct spread {
	uint32_t *key;   /* distinct shingles of the smaller sides, sorted */
	uint32_t *count; /* stories each is in */
	uint32_t *last;  /* the last story counted for each */
	size_t n;
} spread;

/* The distinct shingles of the documents marked in need. */
static rp_status collect(const rp_ctx *ctx, const uint8_t *need, spread *s)
{
	size_t total = 0, k, m = 0;
	uint32_t i, *tmp;
	for (i = 0; i < ctx->n; i++)
		if (need[i])
			total += ctx->docs[i].set_len;
	s->key = rp__malloc_n(total + 1, sizeof *s->key);
	tmp = rp__malloc_n(total + 1, sizeof *tmp);
	if (!s->key || !tmp) {
		free(tmp);
		return RP_ENOMEM;
	}
	for (i = 0; i < ctx->n; i++)
		if (need[i]) {
			memcpy(s->key + m, ctx->docs[i].set,
			       ctx->docs[i].set_len * sizeof *s->key);
			m += ctx->docs[i].set_len;
		}
	rp__radix_sort_u32(s->key, tmp, m);
	free(tmp);
	for (k = 0, s->n = 0; k < m; k++)
		if (!s->n || s->key[s->n - 1] != s->key[k])
			s->key[s->n++] = s->key[k];
	s->count = rp__calloc_n(s->n + 1, sizeof *s->count);
	s->last = rp__malloc_n(s->n + 1, sizeof *s->last);
	if (!s->count || !s->last)
		return RP_ENOMEM;
	memset(s->last, 0xFF, (s->n + 1) * sizeof *s->last);
	return RP_OK;
}

/* The first place at or after from in the sorted v[0..n) whose value
 * is not below x: an exponential search, for a walk in order. */
static size_t gallop(const uint32_t *v, size_t n, size_t from, uint32_t x)
{
	size_t step = 1, hi = from;
	while (hi < n && v[hi] < x) {
		from = hi + 1;
		hi += step;
		step *= 2;
	}
	if (hi > n)
		hi = n;
	return from + rp__lower_bound32(v + from, hi - from, x);
}

/* Count, for each collected shingle, the stories (comp) it is in: each
 * set is walked in order against the sorted keys. */
static void count_stories(const rp_ctx *ctx, uint32_t *comp, spread *s)
{
	uint32_t i, k;
	for (i = 0; i < ctx->n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		uint32_t story;
		size_t at = 0;
		if (ctx->rep[i] != i || !d->set_len)
			continue;
		story = rp__uf_find(comp, i);
		for (k = 0; k < d->set_len && at < s->n; k++) {
			at = gallop(s->key, s->n, at, d->set[k]);
			if (at < s->n && s->key[at] == d->set[k] &&
			    s->last[at] != story) {
				s->last[at] = story;
				s->count[at]++;
			}
		}
	}
}

/* Does the containment pair e hold the smaller side's distinctive
 * shingles? */
static int keeps(const rp_ctx *ctx, const rp__edge *e, const spread *s)
{
	uint32_t x = smaller(ctx, e), y = x == e->a ? e->b : e->a;
	const rp__docrec *dx = &ctx->docs[x], *dy = &ctx->docs[y];
	size_t i, j = 0, at = 0, rare = 0, shared = 0;
	for (i = 0; i < dx->set_len; i++) {
		uint32_t v = dx->set[i];
		at = gallop(s->key, s->n, at, v);
		if (at < s->n && s->key[at] == v && s->count[at] >= TPL_STORIES)
			continue;
		rare++;
		while (j < dy->set_len && dy->set[j] < v)
			j++;
		shared += j < dy->set_len && dy->set[j] == v;
	}
	return rare >= TPL_RARE_MIN &&
	       (double)shared >= TPL_SHARE * (double)rare;
}

rp_status rp__template_filter(rp_ctx *ctx)
{
	uint32_t *comp = NULL;
	uint8_t *need = NULL;
	spread s;
	size_t k, m = 0, any = 0;
	rp_status st = RP_ENOMEM;
	memset(&s, 0, sizeof s);
	for (k = 0; k < ctx->n_edges; k++)
		any += !jaccard_edge(ctx, &ctx->edges[k]);
	if (!any)
		return RP_OK;
	comp = rp__malloc_n(ctx->n, sizeof *comp);
	need = rp__calloc_n(ctx->n, 1);
	if (!comp || !need)
		goto done;
	rp__uf_init(comp, ctx->n);
	for (k = 0; k < ctx->n_edges; k++) {
		const rp__edge *e = &ctx->edges[k];
		if (jaccard_edge(ctx, e))
			rp__uf_union(comp, e->a, e->b);
		else
			need[smaller(ctx, e)] = 1;
	}
	if (collect(ctx, need, &s) != RP_OK)
		goto done;
	count_stories(ctx, comp, &s);
	for (k = 0; k < ctx->n_edges; k++) {
		const rp__edge *e = &ctx->edges[k];
		if (jaccard_edge(ctx, e) || keeps(ctx, e, &s))
			ctx->edges[m++] = *e;
	}
	ctx->stats.template_pairs += ctx->n_edges - m;
	ctx->n_edges = m;
	st = RP_OK;
done:
	free(s.key);
	free(s.count);
	free(s.last);
	free(comp);
	free(need);
	return st;
}
