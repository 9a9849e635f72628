/*
 * synd_kind.c - what a reprint changed against its origin, and so its
 * kind: a full copy, an excerpt, or edited.
 *
 * In: each reprint and its origin (rp__synd_kind_begin, from
 * synd_describe.c), their exact shingle sets and bylines (rp__page.meta).
 * Out: the shingles each reprint added and dropped, outlet habits aside,
 * and its kind (ctx->synd[].added, .dropped, .kind).
 *
 * The shingles on one side only are queued (queue_diff); once every
 * cluster is described, rp__synd_settle_kinds drops those that are an
 * outlet's habit rather than an edit and counts the rest (settle_kinds),
 * then kind_of gives each reprint its kind.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "radix.h"
#include "sketch.h"
#include "synd_stage.h"

/* Kinds against the origin, on exact shingle sets. */
#define EXCERPT_COVER  0.75 /* an excerpt holds less of the origin */
#define EXCERPT_INSIDE 0.60 /* ... and is at least this contained in it */
/* a full copy changes fewer shingles than this many n-gram widths: one
 * changed character changes n on each side */
#define CHANGED_FULL  1
#define EXCERPT_DROP  0.18       /* an excerpt dropped this much of it */
#define EXCERPT_RATIO 2          /* ... and this many times what it added */
#define MAX_EXCL      4096       /* shingles on one side only, looked at */
#define MAX_QUEUE     (1u << 20) /* ... for all reprints (24 B each) */
#define HABIT_PAGES   20         /* an outlet's habit is on this many pages */
#define BLOOM_BITS    23         /* 1 MiB of bits in front of the table */

#define KIND_PENDING 0xFF /* settled by rp__synd_settle_kinds */

double rp__synd_common(const rp_ctx *ctx, uint32_t a, uint32_t b)
{
	const rp__docrec *x = &ctx->docs[a], *z = &ctx->docs[b];
	/* identical texts (one group, see match.c) share everything */
	if (ctx->rep && ctx->rep[a] == ctx->rep[b])
		return (double)x->set_len;
	return (double)rp__set_common(x->set, x->set_len, z->set, z->set_len,
				      0);
}

double rp__synd_jaccard(const rp_ctx *ctx, uint32_t a, uint32_t b)
{
	double c = rp__synd_common(ctx, a, b);
	double u = (double)ctx->docs[a].set_len + ctx->docs[b].set_len - c;
	return u > 0 ? c / u : 0.0;
}

/* A shingle found on one side only of a reprint and its origin: keyed by
 * the outlet of the page it is on, the cluster it was found in, the
 * reprint it speaks for. */
typedef struct rp__synd_excl {
	uint64_t key; /* excl_key(outlet, shingle) */
	uint32_t doc;
	uint32_t id;  /* the key's number among the distinct keys */
	uint32_t pid; /* the pair's number among the distinct pairs */
	int dropped;  /* on the origin's side */
} excl;

/* The outlet a page's habits are learned over: its name, else its
 * template group. */
static uint64_t outlet_of(const rp__synd *y, uint32_t d)
{
	return y->own[d] ? y->own[d] : y->ctx->docs[d].group;
}

static uint64_t excl_key(uint64_t outlet, uint32_t shingle)
{
	return rp__mix64(outlet ^ rp__mix64(shingle));
}

static void push_excl(rp__synd *y, uint64_t outlet, uint32_t shingle,
		      uint32_t doc, int dropped)
{
	excl *e;
	if (rp__grow((void **)&y->q, &y->q_cap, y->n_q + 1, sizeof *y->q,
		     SIZE_MAX / sizeof *y->q) != RP_OK) {
		y->failed = 1;
		return;
	}
	e = &y->q[y->n_q++];
	e->key = excl_key(outlet, shingle);
	e->doc = doc;
	e->id = e->pid = 0;
	e->dropped = dropped;
}

static int in_set(const uint32_t *v, size_t n, uint32_t x)
{
	size_t lo = rp__lower_bound32(v, n, x);
	return lo < n && v[lo] == x;
}

/*
 * What a reprint changed. The shingles on one side only (d's not in o:
 * added; o's not in d: dropped), bylines aside (rp__page.meta: dates,
 * sources, authors), are queued; settle_kinds drops those that are an
 * outlet's habit rather than an edit (on HABIT_PAGES of the same
 * outlet's pages of other stories: a byline format, a template line, a
 * dateline credit) and counts the rest. A page with more than MAX_EXCL
 * shingles on one side only, or met once MAX_QUEUE are queued, is not
 * looked at further (the shingle sets alone decide its kind).
 */
static int queue_diff(rp__synd *y, uint32_t d, uint32_t o)
{
	const rp__docrec *x = &y->ctx->docs[d], *z = &y->ctx->docs[o];
	uint64_t gx = outlet_of(y, d), gz = outlet_of(y, o);
	size_t i = 0, j = 0, first = y->n_q;
	while (i < x->set_len || j < z->set_len) {
		uint32_t a = i < x->set_len ? x->set[i] : UINT32_MAX;
		uint32_t b = j < z->set_len ? z->set[j] : UINT32_MAX;
		if (i < x->set_len && j < z->set_len && a == b) {
			i++;
			j++;
		} else if (j == z->set_len || (i < x->set_len && a < b)) {
			if (!in_set(x->meta, x->n_meta, a))
				push_excl(y, gx, a, d, 0);
			i++;
		} else {
			if (!in_set(z->meta, z->n_meta, b))
				push_excl(y, gz, b, d, 1);
			j++;
		}
		if (y->n_q - first > MAX_EXCL || y->n_q > MAX_QUEUE) {
			y->n_q = first;
			return 0;
		}
	}
	return 1;
}

/*
 * The kind of a reprint d of o from what it added and dropped (counted
 * by settle_kinds): an excerpt dropped more than it added and says the
 * story goes on elsewhere (rp__meta_cut_mark) where the origin does not,
 * or dropped at least EXCERPT_DROP of the
 * origin and more than EXCERPT_RATIO times what it added (a new headline
 * on a shortened copy is still an excerpt); a full copy changed fewer
 * shingles than one changed character would (n on each side) and kept
 * the origin's headline (its first kept line that is no byline: a
 * "Breaking:" before it changes fewer shingles than a typo); anything
 * else is edited. Without the counts (too many
 * shingles on one side only), the sets decide: an excerpt covers little
 * of the origin and sits mostly inside it.
 */
static uint8_t kind_of(const rp__synd *y, uint32_t d, uint32_t o)
{
	const rp_ctx *ctx = y->ctx;
	const rp__synd_doc *s = &ctx->synd[d];
	double no = ctx->docs[o].set_len, nd = ctx->docs[d].set_len, c;
	if (s->added != UINT32_MAX) {
		if (s->dropped > s->added && ctx->docs[d].cut_mark &&
		    !ctx->docs[o].cut_mark)
			return RP_KIND_EXCERPT;
		if (s->dropped >= EXCERPT_DROP * no &&
		    s->dropped > EXCERPT_RATIO * (double)s->added)
			return RP_KIND_EXCERPT;
		return s->added + s->dropped < CHANGED_FULL * ctx->cfg.ngram &&
				       ctx->docs[d].head_line ==
					       ctx->docs[o].head_line
			       ? RP_KIND_FULL
			       : RP_KIND_EDITED;
	}
	c = rp__synd_common(ctx, d, o);
	return c < EXCERPT_COVER * no && c >= EXCERPT_INSIDE * nd
		       ? RP_KIND_EXCERPT
		       : RP_KIND_EDITED;
}

void rp__synd_kind_begin(rp__synd *y, uint32_t d, uint32_t o)
{
	const rp_ctx *ctx = y->ctx;
	rp__synd_doc *s = &ctx->synd[d];
	if (!ctx->cfg.furniture) {
		/* plain texts: no bylines, no outlet habits */
		double c = rp__synd_common(ctx, d, o);
		s->added = (uint32_t)(ctx->docs[d].set_len - c);
		s->dropped = (uint32_t)(ctx->docs[o].set_len - c);
		s->kind = kind_of(y, d, o);
	} else {
		s->kind = KIND_PENDING;
		if (!queue_diff(y, d, o))
			s->added = s->dropped = UINT32_MAX;
	}
}

/* An open-addressing table of 64-bit keys, each with its number (the
 * key 0 is never queued: excl_key and pair_key mix in a nonzero value,
 * and a 0 that turns up is stored as 1). */
typedef struct key_slot {
	uint64_t key; /* 0: empty */
	uint32_t id;
} key_slot;

typedef struct key_table {
	key_slot *slot;
	size_t cap;
} key_table;

static uint64_t nonzero(uint64_t key)
{
	return key ? key : 1;
}

/* The slot of key: where it is, or the empty one where it would go. */
static key_slot *probe(const key_table *t, uint64_t key)
{
	size_t h = (size_t)key & (t->cap - 1);
	while (t->slot[h].key && t->slot[h].key != key)
		h = (h + 1) & (t->cap - 1);
	return &t->slot[h];
}

/* The number of key, a new one (*n) when it is not there yet. */
static uint32_t number_of(key_table *t, uint64_t key, size_t *n)
{
	key_slot *s = probe(t, key);
	if (!s->key) {
		s->key = key;
		s->id = (uint32_t)(*n)++;
	}
	return s->id;
}

static uint64_t pair_key(uint32_t id, uint32_t cluster)
{
	return rp__mix64((uint64_t)id << 32 | cluster);
}

/* The counts of settle_kinds: the distinct (outlet, shingle) keys and
 * (key, cluster) pairs queued, numbered; a bit filter of the keys; the
 * pages each key is on, and the pages of each pair's cluster. */
typedef struct tally {
	key_table keys, pairs;
	size_t n_keys, n_pairs;
	uint64_t *bloom;
	uint32_t *pages, *in_own;
} tally;

static int tally_init(tally *t, size_t n_q)
{
	memset(t, 0, sizeof *t);
	t->keys.cap = 16;
	while (t->keys.cap < 2 * n_q)
		t->keys.cap *= 2;
	t->pairs.cap = t->keys.cap;
	if (!n_q)
		return 1;
	t->keys.slot = rp__calloc_n(t->keys.cap, sizeof *t->keys.slot);
	t->pairs.slot = rp__calloc_n(t->pairs.cap, sizeof *t->pairs.slot);
	t->bloom =
		rp__calloc_n((size_t)1 << (BLOOM_BITS - 6), sizeof *t->bloom);
	t->pages = rp__calloc_n(n_q, sizeof *t->pages);
	t->in_own = rp__calloc_n(n_q, sizeof *t->in_own);
	return t->keys.slot && t->pairs.slot && t->bloom && t->pages &&
	       t->in_own;
}

static void tally_release(tally *t)
{
	free(t->keys.slot);
	free(t->pairs.slot);
	free(t->bloom);
	free(t->pages);
	free(t->in_own);
}

static void bloom_add(uint64_t *bloom, uint64_t key)
{
	bloom[key >> (70 - BLOOM_BITS)] |= (uint64_t)1
					   << (key >> (64 - BLOOM_BITS) & 63);
}

static int bloom_has(const uint64_t *bloom, uint64_t key)
{
	return bloom[key >> (70 - BLOOM_BITS)] >>
		       (key >> (64 - BLOOM_BITS) & 63) &
	       1;
}

/* Number the queued keys and their (key, cluster) pairs. */
static void number_queue(rp__synd *y, tally *t)
{
	size_t k;
	for (k = 0; k < y->n_q; k++) {
		excl *e = &y->q[k];
		e->key = nonzero(e->key);
		e->id = number_of(&t->keys, e->key, &t->n_keys);
		bloom_add(t->bloom, e->key);
		e->pid = number_of(
			&t->pairs,
			nonzero(pair_key(e->id, y->ctx->cluster[e->doc])),
			&t->n_pairs);
	}
}

/* The pages each queued key is on, over the whole corpus, and those of
 * them in the cluster it was queued for. */
static void count_pages(const rp__synd *y, tally *t)
{
	const rp_ctx *ctx = y->ctx;
	uint32_t i;
	size_t k;
	for (i = 0; y->n_q && i < ctx->n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		uint64_t g = outlet_of(y, i);
		for (k = 0; k < d->set_len; k++) {
			uint64_t key = nonzero(excl_key(g, d->set[k]));
			const key_slot *ks, *ps;
			if (!bloom_has(t->bloom, key))
				continue;
			ks = probe(&t->keys, key);
			if (!ks->key)
				continue;
			t->pages[ks->id]++;
			ps = probe(&t->pairs,
				   nonzero(pair_key(ks->id, ctx->cluster[i])));
			if (ps->key)
				t->in_own[ps->id]++;
		}
	}
}

/*
 * Count what each reprint added and dropped (see queue_diff), then give
 * every reprint its kind. Each distinct (outlet, shingle) key is counted
 * over all pages (a table, with a cache-sized bit filter in front: most
 * shingles of a page are not queued), and separately over the pages of
 * each cluster it was queued for, which are taken off: an outlet's habit
 * is on its pages of other stories.
 */
void rp__synd_settle_kinds(rp__synd *y)
{
	rp_ctx *ctx = y->ctx;
	tally t;
	uint32_t i;
	size_t k;
	if (!tally_init(&t, y->n_q)) {
		y->failed = 1;
		tally_release(&t);
		return;
	}
	number_queue(y, &t);
	count_pages(y, &t);
	for (k = 0; k < y->n_q; k++) {
		const excl *e = &y->q[k];
		rp__synd_doc *s = &ctx->synd[e->doc];
		if (t.pages[e->id] - t.in_own[e->pid] < HABIT_PAGES)
			*(e->dropped ? &s->dropped : &s->added) += 1;
	}
	for (i = 0; i < ctx->n; i++)
		if (ctx->synd[i].kind == KIND_PENDING)
			ctx->synd[i].kind = kind_of(y, i, ctx->synd[i].origin);
	tally_release(&t);
}
