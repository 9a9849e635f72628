/*
 * headline.c - a story's updates under its headline.
 *
 * A wire sends a story again as it grows: a correction, an update with
 * more paragraphs, a rewrite of its lead. Such an update keeps the
 * headline, while its text may share a third of the first version or
 * less. Two items under one headline (the first kept line that is no
 * byline, folded: rp__docrec.head_line), published within HL_MINUTES of
 * each other, join when the smaller one shares HL_CONTAIN of its
 * shingles with the other: the headline is evidence, not proof, so
 * some text must agree too, and their figures must not say two items
 * (figures.c).
 *
 * A headline over items of HL_DAYS different days or more names a
 * column ("U.S. CREDIT MARKET OUTLOOK", "FED ADDS RESERVES VIA CUSTOMER
 * REPURCHASES"), not a story: it is no evidence. Items without a date,
 * or a headline shared by more than HL_GROUP_MAX items, get none either.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "figures.h"
#include "headline.h"
#include "radix.h"
#include "sketch.h"
#include "pubtime.h"

#define HL_MINUTES   (24 * 60)
#define HL_CONTAIN   0.3
#define HL_DAYS      3
#define HL_GROUP_MAX 64

static int cmp_edge(const void *pa, const void *pb)
{
	const rp__edge *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static int has_edge(const rp_ctx *ctx, uint32_t a, uint32_t b)
{
	rp__edge key;
	key.a = a;
	key.b = b;
	return bsearch(&key, ctx->edges, ctx->n_edges, sizeof key, cmp_edge) !=
	       NULL;
}

/* Does a headline over the items g[0..k) name a column: items of HL_DAYS
 * different days or more? */
static int column(const rp__pubtime *w, const rp__kv *g, size_t k)
{
	int64_t days[HL_DAYS];
	size_t i, n = 0, j;
	for (i = 0; i < k; i++) {
		int64_t d = w[g[i].val].minute / (24 * 60);
		for (j = 0; j < n && days[j] != d; j++)
			;
		if (j == n) {
			if (n + 1 == HL_DAYS)
				return 1;
			days[n++] = d;
		}
	}
	return 0;
}

/* The pairs of one headline's items that join, appended to out. */
static rp_status pairs_of(const rp_ctx *ctx, const rp__pubtime *w,
			  const rp__kv *g, size_t k, rp__edge **out,
			  size_t *n_out, size_t *cap)
{
	size_t i, j;
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++) {
			uint32_t a = g[i].val, b = g[j].val, t;
			const rp__docrec *da, *db;
			int64_t lag = w[a].minute - w[b].minute;
			size_t c, small;
			if (a > b) {
				t = a;
				a = b;
				b = t;
			}
			if ((lag < 0 ? -lag : lag) > HL_MINUTES ||
			    has_edge(ctx, a, b))
				continue;
			da = &ctx->docs[a];
			db = &ctx->docs[b];
			small = da->set_len < db->set_len ? da->set_len
							  : db->set_len;
			c = rp__set_common(da->set, da->set_len, db->set,
					   db->set_len, 0);
			if ((double)c < HL_CONTAIN * (double)small ||
			    (ctx->cfg.figures && rp__figures_differ(da, db)))
				continue;
			if (rp__grow((void **)out, cap, *n_out + 1,
				     sizeof **out,
				     SIZE_MAX / sizeof **out) != RP_OK)
				return RP_ENOMEM;
			(*out)[*n_out].a = a;
			(*out)[*n_out].b = b;
			(*out)[(*n_out)++].common = (uint32_t)c;
		}
	return RP_OK;
}

rp_status rp__headline_edges(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i;
	const rp__pubtime *w = ctx->when;
	rp__kv *idx = rp__malloc_n((size_t)n + 1, sizeof *idx);
	rp__kv *tmp = rp__malloc_n((size_t)n + 1, sizeof *tmp);
	rp__edge *add = NULL, *all;
	size_t m = 0, k, e, n_add = 0, cap = 0;
	rp_status st = RP_ENOMEM;
	if (!idx || !tmp)
		goto done;
	for (i = 0; i < n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		if (ctx->rep[i] != i || !d->set_len || !d->head_line)
			continue;
		if (!w[i].known)
			continue;
		idx[m].key = d->head_line;
		idx[m++].val = i;
	}
	rp__radix_sort_kv(idx, tmp, m);
	st = RP_OK;
	for (k = 0; st == RP_OK && k < m; k = e) {
		for (e = k + 1; e < m && idx[e].key == idx[k].key; e++)
			;
		if (e - k < 2 || e - k > HL_GROUP_MAX ||
		    column(w, idx + k, e - k))
			continue;
		st = pairs_of(ctx, w, idx + k, e - k, &add, &n_add, &cap);
	}
	if (st != RP_OK || !n_add)
		goto done;
	/* merged in: the edges stay sorted by (a, b) */
	qsort(add, n_add, sizeof *add, cmp_edge);
	all = rp__malloc_n(ctx->n_edges + n_add, sizeof *all);
	if (!all) {
		st = RP_ENOMEM;
		goto done;
	}
	for (i = 0, k = 0, e = 0; k < ctx->n_edges || e < n_add; i++)
		all[i] = e == n_add || (k < ctx->n_edges &&
					cmp_edge(&ctx->edges[k], &add[e]) < 0)
				 ? ctx->edges[k++]
				 : add[e++];
	free(ctx->edges);
	ctx->edges = all;
	ctx->n_edges += n_add;
	ctx->stats.headline_pairs += n_add;
done:
	free(idx);
	free(tmp);
	free(add);
	return st;
}
