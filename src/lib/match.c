/*
 * match.c - from signatures to verified pairs and clusters.
 *
 * 1. Identical texts (same folded-text hash and equal shingle sets) are
 *    grouped; only one representative per group goes further, and every
 *    pair inside a group is known to have Jaccard 1 without verifying it.
 * 2. LSH bands over the representatives' MinHash values give candidates.
 * 3. Every candidate is verified exactly by merging the two sorted shingle
 *    sets (with a size filter first and an early exit in the merge): a pair
 *    is kept when its Jaccard reaches the threshold, or when containment is
 *    on and the smaller set is contained enough in the larger.
 * 4. Union-find over the kept pairs gives connected sets, which are split
 *    into star clusters around centres (see star_split).
 * Verification runs on the worker threads over fixed chunks of
 * representatives; each chunk's results go to its own slot, so the output
 * is the same for any number of threads.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "corpus.h"
#include "radix.h"
#include "sketch.h"
#include "figures.h"
#include "headline.h"
#include "template.h"

#define NONE         UINT32_MAX
#define VERIFY_CHUNK 256u

typedef struct edge_vec {
	rp__edge *v;
	size_t n, cap;
	uint64_t figures; /* pairs left apart by their figures */
} edge_vec;

typedef struct verify_job {
	rp_ctx *ctx;
	const rp__lsh *lsh;
	const uint32_t *reps;
	uint32_t n_reps;
	uint32_t n_chunks;
	edge_vec *out;       /* one per chunk */
	uint32_t **stamp;    /* one per thread */
	uint64_t *cand, *ns; /* one per thread */
	unsigned min_equal;  /* fewer equal MinHash values: not verified */
	uint16_t **count;    /* per thread, when bands count agreement */
	uint32_t **touched;  /* per thread: candidates of one document */
	atomic_uint next;
	atomic_int failed;
} verify_job;

/* rep[] and grp_next[]: groups of identical non-empty texts. */
static rp_status group_identical(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i, k, m = 0;
	rp__kv *idx = rp__malloc_n(n, sizeof *idx);
	rp__kv *tmp = rp__malloc_n(n, sizeof *tmp);
	uint32_t *tail = rp__malloc_n(n, sizeof *tail);
	rp__docrec *d = ctx->docs;
	if (!idx || !tmp || !tail) {
		free(idx);
		free(tmp);
		free(tail);
		return RP_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		ctx->rep[i] = i;
		ctx->grp_next[i] = NONE;
		tail[i] = i;
		if (d[i].set_len) {
			idx[m].key = d[i].set_len;
			idx[m++].val = i;
		}
	}
	/* by (text hash, set size, document): two stable sorts */
	rp__radix_sort_kv(idx, tmp, m);
	for (i = 0; i < m; i++)
		idx[i].key = d[idx[i].val].text_hash;
	rp__radix_sort_kv(idx, tmp, m);
	for (i = 0; i < m; i = k) {
		uint32_t r = idx[i].val;
		for (k = i + 1;
		     k < m && d[idx[k].val].text_hash == d[r].text_hash &&
		     d[idx[k].val].set_len == d[r].set_len;
		     k++) {
			uint32_t x = idx[k].val;
			/* equal hashes but different sets: a 64-bit collision,
			 * then x stays its own representative */
			if (memcmp(d[x].set, d[r].set,
				   d[r].set_len * sizeof(uint32_t)) != 0)
				continue;
			ctx->rep[x] = r;
			ctx->grp_next[tail[r]] = x;
			tail[r] = x;
			ctx->stats.exact_dup_docs++;
		}
	}
	free(idx);
	free(tmp);
	free(tail);
	return RP_OK;
}

static int edge_push(edge_vec *v, uint32_t a, uint32_t b, uint32_t common)
{
	if (rp__grow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v,
		     SIZE_MAX / sizeof *v->v) != RP_OK)
		return -1;
	v->v[v->n].a = a;
	v->v[v->n].b = b;
	v->v[v->n].common = common;
	v->n++;
	return 0;
}

/*
 * Sort v[0..n) by b. The lists sorted here are a few ascending runs (one
 * per LSH bucket or per group of identical texts), so runs are merged
 * pairwise until one is left; short lists take an insertion sort. The b
 * of one list are distinct, so the order is fully determined.
 */
static rp_status sort_by_b(rp__edge *v, size_t n, edge_vec *tmp)
{
	rp__edge *src = v, *dst, *x;
	size_t i, runs;
	rp_status st;
	if (n <= 32) {
		for (i = 1; i < n; i++) {
			rp__edge e = v[i];
			size_t k = i;
			for (; k > 0 && v[k - 1].b > e.b; k--)
				v[k] = v[k - 1];
			v[k] = e;
		}
		return RP_OK;
	}
	st = rp__grow((void **)&tmp->v, &tmp->cap, n, sizeof *tmp->v,
		      SIZE_MAX / sizeof *tmp->v);
	if (st != RP_OK)
		return st;
	dst = tmp->v;
	do {
		for (runs = 0, i = 0; i < n; runs++) {
			size_t m = i + 1, e, p, q, o = i;
			while (m < n && src[m - 1].b <= src[m].b)
				m++;
			for (e = m;
			     e < n && (e == m || src[e - 1].b <= src[e].b);)
				e++;
			for (p = i, q = m; p < m && q < e;)
				dst[o++] = src[q].b < src[p].b ? src[q++]
							       : src[p++];
			while (p < m)
				dst[o++] = src[p++];
			while (q < e)
				dst[o++] = src[q++];
			i = e;
		}
		x = src;
		src = dst;
		dst = x;
	} while (runs > 1);
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	return RP_OK;
}

/* Does the pair (na, nb, common) join? Same arithmetic as the peers'
 * truth: common / (na + nb - common) >= threshold. */
static int joins(const rp_config *cfg, size_t na, size_t nb, size_t c)
{
	size_t small = na < nb ? na : nb;
	if ((double)c / (double)(na + nb - c) >= cfg->threshold)
		return 1;
	/* a few shingles are contained anywhere: containment needs a text */
	return cfg->containment > 0.0 && small >= cfg->containment_min &&
	       (double)c / (double)small >= cfg->containment;
}

static unsigned equal_values(const rp_ctx *ctx, const rp__docrec *a,
			     const rp__docrec *b)
{
	return rp__minhash_equal(ctx->mh + (size_t)a->mh_row * ctx->cfg.perms,
				 ctx->mh + (size_t)b->mh_row * ctx->cfg.perms,
				 ctx->cfg.perms);
}

/*
 * With containment on, LSH aims low (the Jaccard of a short excerpt) and
 * brings many candidates that share a value or two by chance. Before the
 * exact merge, a pair must share at least m of the K MinHash values, m the
 * largest count that a pair at the LSH target similarity misses with
 * probability at most 1 - lsh_recall (binomial tail): the filter keeps the
 * recall promised at the target and drops most chance candidates for the
 * cost of K compares, or none when bands have one row (verify_rep counts
 * the agreement while it walks the buckets).
 */
static unsigned min_equal_for(unsigned k, double target, double recall)
{
	double cdf = 0.0;
	unsigned m;
	if (target <= 0.0)
		return 0;
	if (target >= 1.0)
		return k;
	for (m = 0; m <= k; m++) {
		double lp = lgamma((double)k + 1) - lgamma((double)m + 1) -
			    lgamma((double)(k - m) + 1) +
			    (double)m * log(target) +
			    (double)(k - m) * log(1.0 - target);
		if (cdf + exp(lp) > 1.0 - recall)
			return m;
		cdf += exp(lp);
	}
	return k;
}

/* Verify the candidate pair (a, b) on the exact sets; a joining pair
 * becomes an edge. */
static void check_pair(verify_job *j, uint32_t a, uint32_t b, edge_vec *out)
{
	const rp_ctx *ctx = j->ctx;
	const rp_config *cfg = &ctx->cfg;
	const rp__docrec *da = &ctx->docs[a], *db = &ctx->docs[b];
	size_t na = da->set_len, nb = db->set_len, c;
	size_t small = na < nb ? na : nb, big = na ^ nb ^ small;
	double need;
	/* Jaccard <= small / big: the size filter */
	if (cfg->containment <= 0.0 &&
	    (double)small < cfg->threshold * (double)big)
		return;
	need = cfg->threshold * (double)(na + nb) / (1.0 + cfg->threshold);
	if (cfg->containment > 0.0 && cfg->containment * (double)small < need)
		need = cfg->containment * (double)small;
	/* a little below, so rounding never loses a pair */
	need = need * (1.0 - 1e-9) - 1.0;
	c = rp__set_common(da->set, na, db->set, nb,
			   need > 0 ? (size_t)need : 0);
	if (!joins(cfg, na, nb, c))
		return;
	/* alike but for their figures: two items of one template */
	if (cfg->figures && rp__figures_differ(da, db)) {
		out->figures++;
		return;
	}
	if (edge_push(out, a, b, (uint32_t)c) != 0)
		atomic_store(&j->failed, 1);
}

/*
 * The candidates of representative a: the documents after it in any of
 * its buckets, each once (stamp). With the agreement filter on and one
 * row per band, the number of bands a candidate shares with a is counted
 * while the buckets are walked: that is its number of equal MinHash
 * values (or more, when two values share their 32-bit bucket key), so
 * the filter costs nothing more. Buckets left out for their size would
 * make the count fall short, so then the values are compared instead.
 */
static void verify_rep(verify_job *j, uint32_t a, uint32_t t, edge_vec *out,
		       edge_vec *tmp)
{
	const rp__lsh *l = j->lsh;
	uint32_t *stamp = j->stamp[t];
	uint64_t *cand = &j->cand[t];
	unsigned band;
	size_t k, touched = 0, first = out->n;
	for (band = 0; band < l->bands; band++) {
		const rp__band_entry *e = l->entries + (size_t)band * l->m;
		uint32_t p = l->slot[(size_t)band * l->n + a], q;
		if (p == RP__LSH_NONE)
			continue;
		for (q = p + 1; q < e[p].aux; q++) {
			uint32_t b = e[q].val;
			if (j->count) {
				if (stamp[b] != a) {
					stamp[b] = a;
					j->count[t][b] = 1;
					j->touched[t][touched++] = b;
				} else {
					j->count[t][b]++;
				}
				continue;
			}
			if (stamp[b] == a)
				continue;
			stamp[b] = a;
			(*cand)++;
			if (j->min_equal &&
			    equal_values(j->ctx, &j->ctx->docs[a],
					 &j->ctx->docs[b]) < j->min_equal)
				continue;
			check_pair(j, a, b, out);
		}
	}
	for (k = 0; k < touched; k++) {
		uint32_t b = j->touched[t][k];
		(*cand)++;
		if (j->count[t][b] >= j->min_equal)
			check_pair(j, a, b, out);
	}
	/* reps ascend and every b > a: sorting each a's edges by b sorts the
	 * chunk by (a, b) */
	if (out->n > first &&
	    sort_by_b(out->v + first, out->n - first, tmp) != RP_OK)
		atomic_store(&j->failed, 1);
}

static void verify_worker(void *arg, unsigned t)
{
	verify_job *j = arg;
	edge_vec tmp = {NULL, 0, 0, 0};
	uint64_t t0 = rp__now_ns();
	for (;;) {
		uint32_t c = atomic_fetch_add(&j->next, 1), i, end;
		if (c >= j->n_chunks || atomic_load(&j->failed))
			break;
		end = (c + 1) * VERIFY_CHUNK;
		if (end > j->n_reps)
			end = j->n_reps;
		for (i = c * VERIFY_CHUNK; i < end; i++)
			verify_rep(j, j->reps[i], t, &j->out[c], &tmp);
	}
	free(tmp.v);
	j->ns[t] = rp__now_ns() - t0;
}

/* Free an array of per-thread buffers (either level may be NULL). */
#define FREE_PER_THREAD(v, nt)                       \
	do {                                         \
		unsigned t_;                         \
		for (t_ = 0; (v) && t_ < (nt); t_++) \
			free((v)[t_]);               \
		free(v);                             \
	} while (0)

/* Candidates and verification over the representatives. */
static rp_status find_edges(rp_ctx *ctx, const rp__lsh *lsh,
			    const uint32_t *reps, uint32_t n_reps)
{
	verify_job j;
	unsigned t, nt = ctx->threads;
	uint32_t c;
	size_t total = 0;
	rp_status st = RP_OK;

	memset(&j, 0, sizeof j);
	j.ctx = ctx;
	j.lsh = lsh;
	j.reps = reps;
	j.n_reps = n_reps;
	j.n_chunks = (n_reps + VERIFY_CHUNK - 1) / VERIFY_CHUNK;
	if (ctx->cfg.containment > 0.0)
		j.min_equal = min_equal_for(ctx->cfg.perms, ctx->lsh.target,
					    ctx->cfg.lsh_recall);
	j.out = rp__calloc_n(j.n_chunks, sizeof *j.out);
	j.stamp = rp__calloc_n(nt, sizeof *j.stamp);
	j.cand = rp__calloc_n(nt, sizeof *j.cand);
	j.ns = rp__calloc_n(nt, sizeof *j.ns);
	atomic_init(&j.next, 0);
	atomic_init(&j.failed, 0);
	if (!j.out || !j.stamp || !j.cand || !j.ns)
		st = RP_ENOMEM;
	for (t = 0; st == RP_OK && t < nt; t++) {
		j.stamp[t] = rp__malloc_n(ctx->n, sizeof(uint32_t));
		if (!j.stamp[t])
			st = RP_ENOMEM;
		else
			memset(j.stamp[t], 0xFF, ctx->n * sizeof(uint32_t));
	}
	/* agreement counted while walking the buckets (see verify_rep) */
	if (st == RP_OK && j.min_equal && lsh->rows == 1 && !lsh->capped &&
	    ctx->cfg.perms <= UINT16_MAX) {
		j.count = rp__calloc_n(nt, sizeof *j.count);
		j.touched = rp__calloc_n(nt, sizeof *j.touched);
		for (t = 0; j.count && j.touched && t < nt; t++) {
			j.count[t] = rp__malloc_n(ctx->n, sizeof(uint16_t));
			j.touched[t] = rp__malloc_n(ctx->n, sizeof(uint32_t));
			if (!j.count[t] || !j.touched[t])
				break;
		}
		if (!j.count || !j.touched || t < nt) {
			/* no room: compare the values instead */
			FREE_PER_THREAD(j.count, nt);
			FREE_PER_THREAD(j.touched, nt);
			j.count = NULL;
			j.touched = NULL;
		}
	}
	if (st == RP_OK) {
		rp__parallel(nt, verify_worker, &j);
		if (atomic_load(&j.failed))
			st = RP_ENOMEM;
	}
	for (t = 0; st == RP_OK && t < nt; t++) {
		ctx->stats.candidates += j.cand[t];
		ctx->stats.ns_verify += j.ns[t];
	}
	for (c = 0; st == RP_OK && c < j.n_chunks; c++) {
		total += j.out[c].n;
		ctx->stats.figure_pairs += j.out[c].figures;
	}
	if (st == RP_OK) {
		ctx->edges = rp__malloc_n(total, sizeof *ctx->edges);
		if (!ctx->edges)
			st = RP_ENOMEM;
	}
	for (c = 0; st == RP_OK && c < j.n_chunks; c++) {
		if (j.out[c].n)
			memcpy(ctx->edges + ctx->n_edges, j.out[c].v,
			       j.out[c].n * sizeof *ctx->edges);
		ctx->n_edges += j.out[c].n;
	}
	for (c = 0; j.out && c < j.n_chunks; c++)
		free(j.out[c].v);
	FREE_PER_THREAD(j.stamp, nt);
	FREE_PER_THREAD(j.count, nt);
	FREE_PER_THREAD(j.touched, nt);
	free(j.out);
	free(j.cand);
	free(j.ns);
	return st;
}

/* CSR adjacency of the representative edges, both directions, sorted. */
static rp_status build_adjacency(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i;
	size_t k;
	uint32_t *fill;
	ctx->adj_off = rp__calloc_n((size_t)n + 1, sizeof *ctx->adj_off);
	ctx->adj = rp__malloc_n(2 * ctx->n_edges, sizeof *ctx->adj);
	ctx->adj_common = rp__malloc_n(2 * ctx->n_edges, sizeof *ctx->adj);
	fill = rp__malloc_n((size_t)n + 1, sizeof *fill);
	if (!ctx->adj_off || !ctx->adj || !ctx->adj_common || !fill) {
		free(fill);
		return RP_ENOMEM;
	}
	for (k = 0; k < ctx->n_edges; k++) {
		ctx->adj_off[ctx->edges[k].a + 1]++;
		ctx->adj_off[ctx->edges[k].b + 1]++;
	}
	for (i = 0; i < n; i++)
		ctx->adj_off[i + 1] += ctx->adj_off[i];
	memcpy(fill, ctx->adj_off, ((size_t)n + 1) * sizeof *fill);
	/* edges are sorted by (a, b): the lists come out sorted too, lower
	 * neighbours (as b) before higher ones (as a) */
	for (k = 0; k < ctx->n_edges; k++) {
		const rp__edge *e = &ctx->edges[k];
		ctx->adj[fill[e->b]] = e->a;
		ctx->adj_common[fill[e->b]++] = e->common;
	}
	for (k = 0; k < ctx->n_edges; k++) {
		const rp__edge *e = &ctx->edges[k];
		ctx->adj[fill[e->a]] = e->b;
		ctx->adj_common[fill[e->a]++] = e->common;
	}
	free(fill);
	return RP_OK;
}

/*
 * Star clusters, the guard against chaining. Union-find joins everything
 * connected by verified pairs, so two stories that share one passage, or a
 * story and its follow-up, become one cluster through a single pair. Inside
 * each connected set of representatives, the member with the most pairs
 * (then the larger group, the larger set, the smaller number) is a centre;
 * it and the members paired with it form a cluster; the rest is split the
 * same way. Every member of a cluster is then verified-similar to its
 * centre. Sets larger than STAR_MAX keep union-find's answer.
 */
#define STAR_MAX 4096u

static int better_centre(const rp_ctx *ctx, const uint32_t *deg,
			 const uint32_t *gsize, uint32_t x, uint32_t y)
{
	if (deg[x] != deg[y])
		return deg[x] > deg[y];
	if (gsize[x] != gsize[y])
		return gsize[x] > gsize[y];
	if (ctx->docs[x].set_len != ctx->docs[y].set_len)
		return ctx->docs[x].set_len > ctx->docs[y].set_len;
	return x < y;
}

static void star_split(rp_ctx *ctx, const uint32_t *members, uint32_t m,
		       uint32_t *deg, uint8_t *alive, const uint32_t *gsize,
		       uint32_t *parent)
{
	uint32_t left = m, i;
	size_t k, k2;
	for (i = 0; i < m; i++) {
		uint32_t x = members[i];
		alive[x] = 1;
		deg[x] = ctx->adj_off[x + 1] - ctx->adj_off[x];
	}
	while (left > 0) {
		uint32_t c = UINT32_MAX, biggest = 0;
		/* centres are full texts: an excerpt contained in many pages
		 * would pull in every story that shares its passage */
		for (i = 0; i < m; i++)
			if (alive[members[i]] &&
			    ctx->docs[members[i]].set_len > biggest)
				biggest = ctx->docs[members[i]].set_len;
		for (i = 0; i < m; i++)
			if (alive[members[i]] &&
			    2 * (uint64_t)ctx->docs[members[i]].set_len >=
				    biggest &&
			    (c == UINT32_MAX ||
			     better_centre(ctx, deg, gsize, members[i], c)))
				c = members[i];
		/* the centre and its partners leave together */
		alive[c] = 0;
		left--;
		for (k = ctx->adj_off[c]; k < ctx->adj_off[c + 1]; k++) {
			uint32_t y = ctx->adj[k];
			if (!alive[y])
				continue;
			rp__uf_union(parent, c, y);
			alive[y] = 0;
			left--;
			for (k2 = ctx->adj_off[y]; k2 < ctx->adj_off[y + 1];
			     k2++)
				deg[ctx->adj[k2]]--;
		}
		for (k = ctx->adj_off[c]; k < ctx->adj_off[c + 1]; k++)
			deg[ctx->adj[k]]--;
	}
}

static rp_status star_clusters(rp_ctx *ctx, uint32_t *parent,
			       const uint32_t *gsize)
{
	uint32_t n = ctx->n, i, *comp = rp__malloc_n(n, sizeof *comp);
	uint32_t *next = rp__malloc_n(n, sizeof *next);
	uint32_t *head = rp__malloc_n(n, sizeof *head);
	uint32_t *tail = rp__malloc_n(n, sizeof *tail);
	uint32_t *members = rp__malloc_n(n, sizeof *members);
	uint32_t *deg = rp__calloc_n(n, sizeof *deg);
	uint8_t *alive = rp__calloc_n(n, 1);
	size_t k;
	rp_status st = RP_ENOMEM;
	if (!comp || !next || !head || !tail || !members || !deg || !alive)
		goto done;
	/* connected sets of representatives */
	rp__uf_init(comp, n);
	for (k = 0; k < ctx->n_edges; k++)
		rp__uf_union(comp, ctx->edges[k].a, ctx->edges[k].b);
	for (i = 0; i < n; i++)
		head[i] = UINT32_MAX;
	for (i = 0; i < n; i++) {
		uint32_t r;
		if (ctx->rep[i] != i)
			continue;
		r = rp__uf_find(comp, i);
		next[i] = UINT32_MAX;
		if (head[r] == UINT32_MAX)
			head[r] = i;
		else
			next[tail[r]] = i;
		tail[r] = i;
	}
	for (i = 0; i < n; i++) {
		uint32_t m = 0, x;
		if (head[i] == UINT32_MAX)
			continue;
		for (x = head[i]; x != UINT32_MAX; x = next[x])
			members[m++] = x;
		if (m < 3 || m > STAR_MAX) {
			for (x = 1; x < m; x++)
				rp__uf_union(parent, members[0], members[x]);
			continue;
		}
		star_split(ctx, members, m, deg, alive, gsize, parent);
	}
	st = RP_OK;
done:
	free(comp);
	free(next);
	free(head);
	free(tail);
	free(members);
	free(deg);
	free(alive);
	return st;
}

static rp_status cluster_all(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i;
	size_t k;
	uint32_t *parent = rp__malloc_n(n, sizeof *parent);
	uint32_t *gsize = rp__calloc_n(n, sizeof *gsize);
	ctx->cluster = rp__malloc_n(n, sizeof *ctx->cluster);
	ctx->csize = rp__malloc_n(n, sizeof *ctx->csize);
	if (!parent || !gsize || !ctx->cluster || !ctx->csize) {
		free(parent);
		free(gsize);
		return RP_ENOMEM;
	}
	for (i = 0; i < n; i++)
		if (ctx->docs[i].set_len)
			gsize[ctx->rep[i]]++;
	rp__uf_init(parent, n);
	for (i = 0; i < n; i++)
		if (ctx->rep[i] != i)
			rp__uf_union(parent, i, ctx->rep[i]);
	if (star_clusters(ctx, parent, gsize) != RP_OK) {
		free(parent);
		free(gsize);
		return RP_ENOMEM;
	}
	ctx->n_clusters = rp__uf_number(parent, n, ctx->cluster, ctx->csize);
	for (i = 0; i < n; i++)
		if (ctx->csize[ctx->cluster[i] - 1] > 1)
			ctx->stats.clustered_docs++;
	/* pairs: inside groups of identical texts, and group x group */
	ctx->n_pairs = 0;
	for (i = 0; i < n; i++)
		ctx->n_pairs +=
			(uint64_t)gsize[i] * (gsize[i] - (gsize[i] > 0)) / 2;
	for (k = 0; k < ctx->n_edges; k++)
		ctx->n_pairs += (uint64_t)gsize[ctx->edges[k].a] *
				gsize[ctx->edges[k].b];
	free(parent);
	free(gsize);
	return RP_OK;
}

rp_status rp__match_run(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i, n_reps = 0;
	uint32_t *reps = NULL, *row_of = NULL;
	rp__lsh lsh;
	rp_status st;
	uint64_t t0;

	memset(&lsh, 0, sizeof lsh);
	ctx->rep = rp__malloc_n(n, sizeof *ctx->rep);
	ctx->grp_next = rp__malloc_n(n, sizeof *ctx->grp_next);
	reps = rp__malloc_n(n, sizeof *reps);
	row_of = rp__malloc_n(n, sizeof *row_of);
	if (!ctx->rep || !ctx->grp_next || !reps || !row_of) {
		st = RP_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		row_of[i] = d->mh_row;
		ctx->stats.empty_docs += (d->flags & RP_DOC_EMPTY) != 0;
		ctx->stats.short_docs += (d->flags & RP_DOC_SHORT) != 0;
		ctx->stats.invalid_utf8_docs += d->invalid != 0;
		ctx->stats.invalid_utf8_seqs += d->invalid;
		ctx->stats.nul_docs += (d->flags & RP_DOC_NUL) != 0;
		ctx->stats.dup_id_docs += (d->flags & RP_DOC_DUP_ID) != 0;
		ctx->stats.converted_docs +=
			d->charset && strcmp(d->charset, "UTF-8") != 0;
		ctx->stats.decode_error_docs +=
			(d->flags & RP_DOC_DECODE_ERRORS) != 0;
		ctx->stats.undecodable_docs +=
			(d->flags & RP_DOC_UNDECODABLE) != 0;
		ctx->stats.furniture_lines += d->furniture_lines;
		ctx->stats.boilerplate_lines += d->boilerplate_lines;
	}
	t0 = rp__now_ns();
	st = group_identical(ctx);
	ctx->stats.ns_dedup = rp__now_ns() - t0;
	if (st != RP_OK)
		goto done;
	for (i = 0; i < n; i++)
		if (ctx->rep[i] == i && ctx->docs[i].set_len)
			reps[n_reps++] = i;
	/* the index's room was counted against the memory budget as the
	 * documents came (rp_ctx_add) */
	t0 = rp__now_ns();
	st = rp__lsh_build(&lsh, ctx->lsh.bands, ctx->lsh.rows, ctx->cfg.perms,
			   ctx->mh, row_of, reps, n_reps, n,
			   ctx->cfg.bucket_cap, ctx->cfg.seed, ctx->threads);
	ctx->stats.ns_lsh = rp__now_ns() - t0;
	if (st != RP_OK)
		goto done;
	ctx->stats.buckets = lsh.buckets;
	ctx->stats.buckets_capped = lsh.capped;
	ctx->stats.capped_members = lsh.capped_members;
	ctx->stats.capped_largest = lsh.capped_largest;
	ctx->stats.capped_doc = lsh.capped_doc;
	st = find_edges(ctx, &lsh, reps, n_reps);
	rp__lsh_release(&lsh);
	if (st == RP_OK && ctx->cfg.containment > 0.0)
		st = rp__template_filter(ctx);
	if (st == RP_OK && ctx->cfg.headlines)
		st = rp__headline_edges(ctx);
	if (st != RP_OK)
		goto done;
	ctx->stats.verified_pairs = ctx->n_edges;
	t0 = rp__now_ns();
	st = build_adjacency(ctx);
	if (st == RP_OK)
		st = cluster_all(ctx);
	ctx->stats.ns_cluster = rp__now_ns() - t0;
	ctx->stats.pairs = ctx->n_pairs;
	ctx->stats.clusters = ctx->n_clusters;
done:
	rp__lsh_release(&lsh);
	free(reps);
	free(row_of);
	if (st != RP_OK && st != RP_ETOOBIG) /* that one says what */
		rp__errf(ctx->err, st, "matching failed: %s",
			 rp_status_str(st));
	return st;
}

void rp__match_release(rp_ctx *ctx)
{
	free(ctx->rep);
	free(ctx->grp_next);
	free(ctx->edges);
	free(ctx->adj_off);
	free(ctx->adj);
	free(ctx->adj_common);
	free(ctx->cluster);
	free(ctx->csize);
}

/* Every pair (a, b) with a in [first, last), in order; RP_EINVAL when fn
 * stopped the walk. Reads ctx only. Each document's partners are gathered
 * as edges (b, common), sorted by b, and only then made into rp_pair. */
static rp_status walk_pairs(const rp_ctx *ctx, uint32_t first, uint32_t last,
			    rp_pair_fn fn, void *user)
{
	edge_vec pb = {NULL, 0, 0, 0}, tmp = {NULL, 0, 0, 0};
	rp_status st = RP_OK;
	uint32_t a;
	for (a = first; st == RP_OK && a < last; a++) {
		const rp__docrec *da = &ctx->docs[a];
		uint32_t ra = ctx->rep[a], x, k, y;
		size_t i;
		pb.n = 0;
		if (!da->set_len)
			continue;
		/* identical texts after a in its group */
		for (x = ctx->grp_next[a]; st == RP_OK && x != NONE;
		     x = ctx->grp_next[x])
			if (edge_push(&pb, a, x, da->set_len) != 0)
				st = RP_ENOMEM;
		for (k = ctx->adj_off[ra];
		     st == RP_OK && k < ctx->adj_off[ra + 1]; k++)
			for (y = ctx->adj[k]; st == RP_OK && y != NONE;
			     y = ctx->grp_next[y])
				if (y > a && edge_push(&pb, a, y,
						       ctx->adj_common[k]) != 0)
					st = RP_ENOMEM;
		if (st == RP_OK && pb.n)
			st = sort_by_b(pb.v, pb.n, &tmp);
		for (i = 0; st == RP_OK && i < pb.n; i++) {
			const rp__docrec *db = &ctx->docs[pb.v[i].b];
			double c = (double)pb.v[i].common;
			rp_pair p;
			p.a = a;
			p.b = pb.v[i].b;
			p.jaccard = c / ((double)da->set_len +
					 (double)db->set_len - c);
			p.contain_a = c / (double)da->set_len;
			p.contain_b = c / (double)db->set_len;
			p.simhash_dist =
				rp__popcount64(da->simhash ^ db->simhash);
			if (fn(&p, user) != 0)
				st = RP_EINVAL;
		}
	}
	free(pb.v);
	free(tmp.v);
	return st;
}

rp_status rp_ctx_pairs(rp_ctx *ctx, rp_pair_fn fn, void *user)
{
	rp_status st;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !fn)
		return RP_EINVAL;
	if (!ctx->ran || !ctx->cluster)
		return rp__errf(ctx->err, RP_ESTATE,
				"pairs are known only after a run");
	st = walk_pairs(ctx, 0, ctx->n, fn, user);
	if (st == RP_ENOMEM)
		return rp__errf(ctx->err, st, "no memory to list pairs");
	if (st != RP_OK)
		return rp__errf(ctx->err, st, "the pair walk was stopped");
	return RP_OK;
}

rp_status rp_ctx_pairs_range(const rp_ctx *ctx, uint32_t first, uint32_t last,
			     rp_pair_fn fn, void *user)
{
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !fn || first > last)
		return RP_EINVAL;
	if (!ctx->ran || !ctx->cluster)
		return RP_ESTATE;
	return walk_pairs(ctx, first, last < ctx->n ? last : ctx->n, fn, user);
}
