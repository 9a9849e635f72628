/*
 * syndicate.c - who published a story first and how the others copied it.
 *
 * Runs after clustering (cfg.syndicate), on clusters of two or more pages.
 *
 * Names. A page names an outlet as its source ("来源：X", "Source: X", or
 * an outlet on the line of its date); its own outlet is the one given
 * (JSONL field, --outlet-from), else the first of the names the corpus
 * declares as sources that its masthead or footer lines carry
 * (rp__meta.site), else the source at least half of its template group
 * names (self_named_groups). Names are compared folded (NFKC, case,
 * Traditional to Simplified, spaces and punctuation dropped), so
 * "東方晨報網", "东方晨报网" and "东方 晨报 网" are one outlet.
 *
 * Origin (pick_origin). The members no other member precedes (an earlier
 * day, or an earlier minute of the same day when both give one; a page
 * without a date precedes nothing and follows nothing), but for a page
 * without a date that names another member's outlet as its source (it
 * copied that page); among them, the
 * ones whose outlet the most other members name as their source; then
 * those not contained in another (an excerpt is contained in its
 * original); then the one most similar to the others; then the lowest
 * document number.
 *
 * Each other member (describe): its lag after the origin; declared when
 * it names an outlet that is neither its own (its masthead names) nor the
 * origin's own credit line (a wire the origin itself names); its parent,
 * among the members before it (the origin first, then by publish time),
 * the one whose outlet it names, else the most similar one; its kind,
 * from the shingles it added and dropped against the origin, bylines and
 * its outlet's habits aside (queue_diff, settle_kinds, kind_of).
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "corpus.h"
#include "hash.h"
#include "radix.h"
#include "normalize.h"
#include "pubtime.h"
#include "sketch.h"

#define NONE           UINT32_MAX
#define MAX_NAMES      4096 /* most frequent source names searched for */
#define PAIR_CAP       32   /* pages compared pairwise within a cluster */
#define NAME_MAX_B     256  /* bytes of a folded name or site line */
#define MIN_NAME_B     3    /* shorter folded names are not searched for */
#define SELF_NAMED_MIN 3    /* pages naming one source to name their group */

/* Kinds against the origin, on exact shingle sets. */
#define EXCERPT_COVER  0.75 /* an excerpt holds less of the origin */
#define EXCERPT_INSIDE 0.60 /* ... and is at least this contained in it */
/* a full copy changes fewer shingles than this many n-gram widths: one
 * changed character changes n on each side */
#define CHANGED_FULL    1
#define EXCERPT_DROP    0.18       /* an excerpt dropped this much of it */
#define EXCERPT_RATIO   2          /* ... and this many times what it added */
#define MAX_EXCL        4096       /* shingles on one side only, looked at */
#define MAX_QUEUE       (1u << 20) /* ... for all reprints (24 B each) */
#define HABIT_PAGES     20         /* an outlet's habit is on this many pages */
#define BLOOM_BITS      23         /* 1 MiB of bits in front of the table */
#define CONTAINED_INNER 0.80       /* origin test: x inside y */
#define CONTAINED_SMALL 0.85       /* ... and x is this much smaller */

typedef struct when {
	int64_t day;
	int minute; /* -1: no time of day */
	int known;
} when;

/* A publish time (pubtime.c) as a day and a minute of that day, in UTC
 * when utc, else on the clock the page printed. */
static when when_of(const rp__pubtime *t, int utc)
{
	when w = {0, -1, 0};
	int64_t m = rp__pubtime_minute(t, utc);
	if (!t->known)
		return w;
	w.day = m >= 0 ? m / (24 * 60) : -((-m + 24 * 60 - 1) / (24 * 60));
	w.minute = t->has_time ? (int)(m - w.day * 24 * 60) : -1;
	w.known = 1;
	return w;
}

typedef struct name {
	uint64_t hash;
	const char *shown; /* the spelling most pages use */
	char *folded;
	size_t len;
	uint32_t count;
} name;

typedef struct synd {
	rp_ctx *ctx;
	rp__norm nm;
	uint64_t *src; /* folded-name hash of the source each page names */
	uint64_t *own; /* ... and of its own outlet (0: unknown) */
	when *when;
	name *names;
	size_t n_names, names_cap;
	/* shingles a reprint and its origin do not share, waiting to be
	 * told outlet habits (see queue_diff) */
	struct excl *q;
	size_t n_q, q_cap;
	int failed;
} synd;

/* The times of a story's pages: as instants when every page that gives
 * a time of day names its zone, else all as printed (a page without a
 * zone is taken to share the others' clock). */
static void story_times(synd *y, const uint32_t *mem, uint32_t k)
{
	const rp__pubtime *t = y->ctx->when;
	uint32_t i;
	int utc = 1;
	for (i = 0; i < k && utc; i++)
		utc = !t[mem[i]].known || !t[mem[i]].has_time ||
		      t[mem[i]].zoned;
	for (i = 0; i < k; i++)
		y->when[mem[i]] = when_of(&t[mem[i]], utc);
}

/* A shingle found on one side only of a reprint and its origin: keyed by
 * the outlet of the page it is on, the cluster it was found in, the
 * reprint it speaks for. */
typedef struct excl {
	uint64_t key; /* excl_key(outlet, shingle) */
	uint32_t doc;
	uint32_t id;  /* the key's number among the distinct keys */
	uint32_t pid; /* the pair's number among the distinct pairs */
	int dropped;  /* on the origin's side */
} excl;

/* Fold s[0..n) as names are compared; its hash, 0 for nothing. */
static uint64_t fold_name(synd *y, const char *s, size_t n)
{
	if (!s || !n || n > NAME_MAX_B || rp__norm_run(&y->nm, s, n) != RP_OK ||
	    !y->nm.out_len)
		return 0;
	return rp__hash(y->nm.out, y->nm.out_len, 0x6e616d65u) | 1;
}

static int cmp_name(const void *pa, const void *pb)
{
	const name *a = pa, *b = pb;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

static int cmp_spelling(const void *pa, const void *pb)
{
	const name *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return strcmp(a->shown, b->shown);
}

static int cmp_count(const void *pa, const void *pb)
{
	const name *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* The distinct source names the pages declare, most frequent MAX_NAMES
 * of them, longest first. */
static rp_status collect_names(synd *y)
{
	rp_ctx *ctx = y->ctx;
	size_t k, m = 0;
	uint32_t i;
	for (i = 0; i < ctx->n; i++) {
		const char *s = ctx->docs[i].page_source;
		name *e;
		if (!y->src[i])
			continue;
		if (rp__grow((void **)&y->names, &y->names_cap, y->n_names + 1,
			     sizeof *y->names,
			     SIZE_MAX / sizeof *y->names) != RP_OK)
			return RP_ENOMEM;
		e = &y->names[y->n_names++];
		e->hash = y->src[i];
		e->shown = s;
		e->folded = NULL;
		e->len = 0;
		e->count = 1;
	}
	/* the spelling most pages use is shown (ties: the first in byte
	 * order), so a Simplified outlet keeps its Simplified name when
	 * Traditional pages name it too */
	if (y->n_names > 1)
		qsort(y->names, y->n_names, sizeof *y->names, cmp_spelling);
	for (k = 0; k < y->n_names;) {
		size_t run_start = k, best = k, best_run = 0, r = k, total;
		while (r < y->n_names && y->names[r].hash == y->names[k].hash) {
			size_t e = r;
			while (e < y->n_names &&
			       y->names[e].hash == y->names[r].hash &&
			       !strcmp(y->names[e].shown, y->names[r].shown))
				e++;
			if (e - r > best_run) {
				best_run = e - r;
				best = r;
			}
			r = e;
		}
		total = r - run_start;
		y->names[m] = y->names[best];
		y->names[m++].count = (uint32_t)total;
		k = r;
	}
	y->n_names = m;
	if (m > 1)
		qsort(y->names, m, sizeof *y->names, cmp_count);
	if (y->n_names > MAX_NAMES)
		y->n_names = MAX_NAMES;
	for (k = 0; k < y->n_names; k++) {
		name *e = &y->names[k];
		if (!fold_name(y, e->shown, strlen(e->shown))) {
			e->len = 0; /* dropped below */
			continue;
		}
		e->folded = rp__malloc_n(y->nm.out_len + 1, 1);
		if (!e->folded)
			return RP_ENOMEM;
		memcpy(e->folded, y->nm.out, y->nm.out_len);
		e->folded[y->nm.out_len] = '\0';
		e->len = y->nm.out_len;
		/* "AP" or "48" would be found inside any masthead */
		if (e->len < MIN_NAME_B ||
		    strspn(e->folded, "0123456789") == e->len)
			e->len = 0;
	}
	if (y->n_names > 1)
		qsort(y->names, y->n_names, sizeof *y->names, cmp_name);
	while (y->n_names && !y->names[y->n_names - 1].len)
		free(y->names[--y->n_names].folded);
	return RP_OK;
}

/* The offset of w[0..m) in h[0..n), or SIZE_MAX. */
static size_t find_in(const char *h, size_t n, const char *w, size_t m)
{
	const char *p = h, *end = h + n;
	while (m && (size_t)(end - p) >= m &&
	       (p = memchr(p, w[0], (size_t)(end - p) - m + 1)) != NULL) {
		if (memcmp(p, w, m) == 0)
			return (size_t)(p - h);
		p++;
	}
	return SIZE_MAX;
}

/* Is the source page d names one of its own names, in its masthead or
 * footer ("澜州日报 · 澜州新闻网" naming 澜州新闻网)? */
static int names_itself(synd *y, uint32_t d)
{
	const rp__docrec *x = &y->ctx->docs[d];
	const char *lines = x->page_site;
	char src[NAME_MAX_B];
	size_t len;
	if (!x->page_source ||
	    !fold_name(y, x->page_source, strlen(x->page_source)) ||
	    y->nm.out_len > sizeof src)
		return 0;
	len = y->nm.out_len;
	memcpy(src, y->nm.out, len);
	while (lines && *lines) {
		const char *e = strchr(lines, '\n');
		size_t n = e ? (size_t)(e - lines) : strlen(lines);
		if (fold_name(y, lines, n) &&
		    find_in(y->nm.out, y->nm.out_len, src, len) != SIZE_MAX)
			return 1;
		lines = e ? e + 1 : NULL;
	}
	return 0;
}

/* The declared name other than `skip` that comes first in the lines of
 * text: the first line holding one, the earliest in it, the longest of
 * those ("澜州日报 · 澜州新闻网" is 澜州日报; "Capital Markets Wire" is
 * not "Markets Wire"). */
static const name *first_name_in(synd *y, const char *lines, uint64_t skip)
{
	while (lines && *lines) {
		const char *e = strchr(lines, '\n');
		size_t n = e ? (size_t)(e - lines) : strlen(lines), k;
		const name *best = NULL;
		size_t at = SIZE_MAX;
		if (fold_name(y, lines, n))
			for (k = 0; k < y->n_names; k++) {
				const name *c = &y->names[k];
				size_t p = c->hash == skip
						   ? SIZE_MAX
						   : find_in(y->nm.out,
							     y->nm.out_len,
							     c->folded, c->len);
				/* names are longest first: on a tie of
				 * offsets the longer one is met first */
				if (p < at) {
					at = p;
					best = c;
				}
			}
		if (best)
			return best;
		lines = e ? e + 1 : NULL;
	}
	return NULL;
}

typedef struct group_src {
	uint64_t group, src;
	uint32_t doc;
} group_src;

static int cmp_group_src(const void *pa, const void *pb)
{
	const group_src *a = pa, *b = pb;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

/*
 * Some outlets carry their name nowhere but in their own source line (an
 * app page: "来源：东方晨报网" on its own stories). A page whose outlet is
 * still unknown takes the source that at least half of its template
 * group's pages (and at least SELF_NAMED_MIN) name: an outlet names many
 * sources, but names itself on everything it publishes.
 */
static rp_status self_named_groups(synd *y)
{
	rp_ctx *ctx = y->ctx;
	group_src *v = rp__malloc_n(ctx->n ? ctx->n : 1, sizeof *v);
	uint32_t i;
	size_t k, e, r;
	if (!v)
		return RP_ENOMEM;
	for (i = 0; i < ctx->n; i++) {
		v[i].group = ctx->docs[i].group;
		v[i].src = y->src[i];
		v[i].doc = i;
	}
	if (ctx->n > 1)
		qsort(v, ctx->n, sizeof *v, cmp_group_src);
	for (k = 0; k < ctx->n; k = e) {
		uint64_t best = 0;
		size_t best_n = 0, n_best;
		const char *shown = NULL;
		for (e = k; e < ctx->n && v[e].group == v[k].group; e++)
			;
		for (r = k; r < e;) {
			size_t q = r;
			while (q < e && v[q].src == v[r].src)
				q++;
			if (v[r].src && q - r > best_n) {
				best_n = q - r;
				best = v[r].src;
				shown = ctx->docs[v[r].doc].page_source;
			}
			r = q;
		}
		/* group 0: pages of no outlet and no template */
		if (!v[k].group || !best || best_n < SELF_NAMED_MIN ||
		    2 * best_n < e - k)
			continue;
		for (n_best = 0; n_best < y->n_names; n_best++)
			if (y->names[n_best].hash == best) {
				shown = y->names[n_best].shown;
				break;
			}
		for (r = k; r < e; r++)
			if (!y->own[v[r].doc]) {
				y->own[v[r].doc] = best;
				ctx->synd[v[r].doc].name = shown;
			}
	}
	free(v);
	return RP_OK;
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

/* Clustered pages with no source, or with a credit that is no outlet's
 * name, take the outlet named on their date's line (see the call). */
static rp_status bylines(synd *y, const uint8_t *in_cluster)
{
	rp_ctx *ctx = y->ctx;
	uint64_t *owns = rp__malloc_n(ctx->n ? ctx->n : 1, sizeof *owns);
	size_t m = 0;
	uint32_t i;
	if (!owns)
		return RP_ENOMEM;
	for (i = 0; i < ctx->n; i++)
		if (y->own[i])
			owns[m++] = y->own[i];
	if (m > 1)
		qsort(owns, m, sizeof *owns, cmp_u64);
	for (i = 0; i < ctx->n; i++) {
		const name *e;
		if (!in_cluster[i] ||
		    (y->src[i] && m &&
		     bsearch(&y->src[i], owns, m, sizeof *owns, cmp_u64)))
			continue;
		e = first_name_in(y, ctx->docs[i].page_dateline, y->own[i]);
		if (e)
			y->src[i] = e->hash;
	}
	free(owns);
	return RP_OK;
}

static double common_of(const rp_ctx *ctx, uint32_t a, uint32_t b)
{
	const rp__docrec *x = &ctx->docs[a], *z = &ctx->docs[b];
	/* identical texts (one group, see match.c) share everything */
	if (ctx->rep && ctx->rep[a] == ctx->rep[b])
		return (double)x->set_len;
	return (double)rp__set_common(x->set, x->set_len, z->set, z->set_len,
				      0);
}

static double jaccard(const rp_ctx *ctx, uint32_t a, uint32_t b)
{
	double c = common_of(ctx, a, b);
	double u = (double)ctx->docs[a].set_len + ctx->docs[b].set_len - c;
	return u > 0 ? c / u : 0.0;
}

#define KIND_PENDING 0xFF /* settled by settle_kinds */

/* The outlet a page's habits are learned over: its name, else its
 * template group. */
static uint64_t outlet_of(const synd *y, uint32_t d)
{
	return y->own[d] ? y->own[d] : y->ctx->docs[d].group;
}

static uint64_t excl_key(uint64_t outlet, uint32_t shingle)
{
	return rp__mix64(outlet ^ rp__mix64(shingle));
}

static void push_excl(synd *y, uint64_t outlet, uint32_t shingle, uint32_t doc,
		      int dropped)
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
static int queue_diff(synd *y, uint32_t d, uint32_t o)
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
static uint8_t kind_of(const synd *y, uint32_t d, uint32_t o)
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
	c = common_of(ctx, d, o);
	return c < EXCERPT_COVER * no && c >= EXCERPT_INSIDE * nd
		       ? RP_KIND_EXCERPT
		       : RP_KIND_EDITED;
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

/*
 * Count what each reprint added and dropped (see queue_diff), then give
 * every reprint its kind. Each distinct (outlet, shingle) key is counted
 * over all pages (a table, with a cache-sized bit filter in front: most
 * shingles of a page are not queued), and separately over the pages of
 * each cluster it was queued for, which are taken off: an outlet's habit
 * is on its pages of other stories.
 */
static void settle_kinds(synd *y)
{
	rp_ctx *ctx = y->ctx;
	key_table keys = {NULL, 16}, pairs = {NULL, 16};
	size_t k, n_keys = 0, n_pairs = 0;
	uint32_t i, *pages = NULL, *in_own = NULL;
	uint64_t *bloom = NULL;
	while (keys.cap < 2 * y->n_q)
		keys.cap *= 2;
	pairs.cap = keys.cap;
	if (y->n_q) {
		keys.slot = rp__calloc_n(keys.cap, sizeof *keys.slot);
		pairs.slot = rp__calloc_n(pairs.cap, sizeof *pairs.slot);
		bloom = rp__calloc_n((size_t)1 << (BLOOM_BITS - 6),
				     sizeof *bloom);
		pages = rp__calloc_n(y->n_q, sizeof *pages);
		in_own = rp__calloc_n(y->n_q, sizeof *in_own);
		if (!keys.slot || !pairs.slot || !bloom || !pages || !in_own) {
			y->failed = 1;
			goto done;
		}
	}
	for (k = 0; k < y->n_q; k++) {
		excl *e = &y->q[k];
		e->key = nonzero(e->key);
		e->id = number_of(&keys, e->key, &n_keys);
		bloom[e->key >> (70 - BLOOM_BITS)] |=
			(uint64_t)1 << (e->key >> (64 - BLOOM_BITS) & 63);
		e->pid = number_of(
			&pairs, nonzero(pair_key(e->id, ctx->cluster[e->doc])),
			&n_pairs);
	}
	for (i = 0; y->n_q && i < ctx->n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		uint64_t g = outlet_of(y, i);
		for (k = 0; k < d->set_len; k++) {
			uint64_t key = nonzero(excl_key(g, d->set[k]));
			const key_slot *ks, *ps;
			if (!(bloom[key >> (70 - BLOOM_BITS)] >>
				      (key >> (64 - BLOOM_BITS) & 63) &
			      1))
				continue;
			ks = probe(&keys, key);
			if (!ks->key)
				continue;
			pages[ks->id]++;
			ps = probe(&pairs,
				   nonzero(pair_key(ks->id, ctx->cluster[i])));
			if (ps->key)
				in_own[ps->id]++;
		}
	}
	for (k = 0; k < y->n_q; k++) {
		const excl *e = &y->q[k];
		rp__synd_doc *s = &ctx->synd[e->doc];
		if (pages[e->id] - in_own[e->pid] < HABIT_PAGES)
			*(e->dropped ? &s->dropped : &s->added) += 1;
	}
	for (i = 0; i < ctx->n; i++)
		if (ctx->synd[i].kind == KIND_PENDING)
			ctx->synd[i].kind = kind_of(y, i, ctx->synd[i].origin);
done:
	free(keys.slot);
	free(pairs.slot);
	free(bloom);
	free(pages);
	free(in_own);
}

/* x is an excerpt of y: mostly inside it and clearly smaller. */
static int inside(const rp_ctx *ctx, uint32_t x, uint32_t y)
{
	double nx = ctx->docs[x].set_len, ny = ctx->docs[y].set_len;
	return nx > 0 && nx < CONTAINED_SMALL * ny &&
	       common_of(ctx, x, y) >= CONTAINED_INNER * nx;
}

static int cmp_u64(const void *pa, const void *pb);

/* Candidates for the origin, to at most PAIR_CAP: the fullest texts
 * (an original holds its excerpts), then the lowest numbers. */
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
	/* a partial selection: PAIR_CAP passes over a few thousand at most,
	 * and only for clusters this large */
	for (i = 0; i < PAIR_CAP && i < *left; i++)
		for (j = i + 1; j < *left; j++)
			if (cmp_fuller(&c[j], &c[i], ctx) < 0) {
				uint32_t t = c[i];
				c[i] = c[j];
				c[j] = t;
			}
	if (*left > PAIR_CAP)
		*left = PAIR_CAP;
}

/* The origin of the members mem[0..k); c has room for 2k values and
 * srcs for k. */
/* Does page x name as its source the outlet of another member of
 * mem[0..k) (not its own)? */
static int names_member(const synd *y, uint32_t x, const uint32_t *mem,
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

static uint32_t pick_origin(synd *y, const uint32_t *mem, uint32_t k,
			    uint32_t *c, uint64_t *srcs)
{
	const rp_ctx *ctx = y->ctx;
	uint32_t *votes = c + k, i, j, left = 0, best = 0, pick = NONE;
	int64_t first_day = INT64_MAX;
	int first_minute = INT32_MAX;
	/* members no other member precedes: an earlier day, or an earlier
	 * minute of the same day when both give one (a page without a date
	 * precedes nothing and follows nothing) */
	for (i = 0; i < k; i++)
		if (y->when[mem[i]].known && y->when[mem[i]].day < first_day)
			first_day = y->when[mem[i]].day;
	for (i = 0; i < k; i++) {
		const when *w = &y->when[mem[i]];
		if (w->known && w->day == first_day && w->minute >= 0 &&
		    w->minute < first_minute)
			first_minute = w->minute;
	}
	for (i = 0; i < k; i++) {
		const when *w = &y->when[mem[i]];
		if (!w->known || (w->day == first_day &&
				  (w->minute < 0 || w->minute == first_minute)))
			c[left++] = mem[i];
	}
	/* ... but a page without a date that names another member's outlet
	 * as its source copied that outlet's page */
	for (i = 0, j = 0; left > 1 && i < left; i++)
		if (y->when[c[i]].known || !names_member(y, c[i], mem, k))
			votes[j++] = c[i];
	if (left > 1 && j > 0) {
		memcpy(c, votes, j * sizeof *c);
		left = j;
	}
	/* ... whose outlet the most others name */
	for (i = 0; i < k; i++)
		srcs[i] = y->src[mem[i]];
	if (left > 1 && k > 1)
		qsort(srcs, k, sizeof *srcs, cmp_u64);
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
	if (best) {
		for (i = 0, j = 0; i < left; i++)
			if (votes[i] == best)
				c[j++] = c[i];
		left = j;
	}
	if (left > PAIR_CAP)
		keep_fullest(ctx, c, &left);
	/* ... not an excerpt of another */
	for (i = 0, j = 0; left > 1 && i < left; i++) {
		uint32_t z;
		for (z = 0; z < left; z++)
			if (z != i && inside(ctx, c[i], c[z]))
				break;
		if (z == left)
			votes[j++] = c[i];
	}
	if (left > 1 && j > 0) {
		memcpy(c, votes, j * sizeof *c);
		left = j;
	}
	/* ... the most similar to the members (each copy adds its own
	 * edits, so the original sits in the middle; the first PAIR_CAP
	 * members are asked); then the lowest number */
	{
		double best_sim = -1.0;
		for (i = 0; i < left; i++) {
			double sim = 0.0;
			for (j = 0; left > 1 && j < k && j < PAIR_CAP; j++)
				if (mem[j] != c[i])
					sim += jaccard(ctx, c[i], mem[j]);
			if (sim > best_sim ||
			    (sim == best_sim && c[i] < pick)) {
				best_sim = sim;
				pick = c[i];
			}
		}
	}
	return pick;
}

/* Members in the order they may have copied each other: the origin, then
 * by publish time (pages without one last), then by number. */
typedef struct ranked {
	int64_t day;
	int minute;
	uint32_t doc;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static void describe(synd *y, uint32_t o, const uint32_t *mem, uint32_t k,
		     ranked *r)
{
	rp_ctx *ctx = y->ctx;
	const when *wo = &y->when[o];
	uint64_t credit = y->src[o] != y->own[o] ? y->src[o] : 0;
	uint32_t i, j;
	for (i = 0; i < k; i++) {
		const when *w = &y->when[mem[i]];
		r[i].doc = mem[i];
		r[i].day = mem[i] == o ? INT64_MIN
			   : w->known  ? w->day
				       : INT64_MAX;
		r[i].minute = w->minute < 0 ? 24 * 60 : w->minute;
	}
	qsort(r, k, sizeof *r, cmp_ranked);
	for (i = 0; i < k; i++) {
		uint32_t d = r[i].doc, p = NONE;
		rp__synd_doc *s = &ctx->synd[d];
		const when *w = &y->when[d];
		double best = -1.0;
		int named = 0;
		s->origin = o;
		if (d == o) {
			s->kind = RP_KIND_ORIGINAL;
			s->declared = y->src[d] != 0;
			continue;
		}
		if (w->known && wo->known) {
			s->lag = (w->day - wo->day) * 24 * 60;
			s->lag_known = RP_LAG_DAYS;
			if (w->minute >= 0 && wo->minute >= 0) {
				s->lag += w->minute - wo->minute;
				s->lag_known = RP_LAG_MINUTES;
			}
		}
		if (!ctx->cfg.furniture) {
			/* plain texts: no bylines, no outlet habits */
			double c = common_of(ctx, d, o);
			s->added = (uint32_t)(ctx->docs[d].set_len - c);
			s->dropped = (uint32_t)(ctx->docs[o].set_len - c);
			s->kind = kind_of(y, d, o);
		} else {
			s->kind = KIND_PENDING;
			if (!queue_diff(y, d, o))
				s->added = s->dropped = UINT32_MAX;
		}
		s->declared = y->src[d] && y->src[d] != y->own[d] &&
			      y->src[d] != credit && !names_itself(y, d);
		/* the parent: among the members before it, the one whose
		 * outlet it names, else the most similar */
		for (j = 0; j < i; j++) {
			uint32_t q = r[j].doc;
			/* the origin, and the PAIR_CAP - 1 pages just before */
			if (j > 0 && i - j >= PAIR_CAP)
				continue;
			int names_q = y->src[d] && y->src[d] == y->own[q];
			double sim;
			if (named && !names_q)
				continue;
			sim = jaccard(ctx, d, q);
			if ((names_q && !named) || sim > best) {
				best = sim;
				p = q;
				named |= names_q;
			}
		}
		s->parent = p;
	}
}

static void release(synd *y)
{
	size_t k;
	rp__norm_release(&y->nm);
	for (k = 0; k < y->n_names; k++)
		free(y->names[k].folded);
	free(y->names);
	free(y->src);
	free(y->own);
	free(y->when);
	free(y->q);
}

rp_status rp__syndicate_run(rp_ctx *ctx)
{
	synd y;
	uint32_t n = ctx->n, i, c, k, big = 0;
	uint32_t *start = NULL, *mem = NULL, *scratch = NULL;
	uint64_t *srcs = NULL;
	uint8_t *in_cluster = NULL;
	ranked *rk = NULL;
	rp_status st = RP_OK;

	memset(&y, 0, sizeof y);
	y.ctx = ctx;
	rp__norm_init(&y.nm, RP_NORM_TEXT, NAME_MAX_B * 12 + 64);
	y.nm.t2s = ctx->cfg.t2s;
	ctx->synd = rp__calloc_n(n ? n : 1, sizeof *ctx->synd);
	y.src = rp__calloc_n(n ? n : 1, sizeof *y.src);
	y.own = rp__calloc_n(n ? n : 1, sizeof *y.own);
	y.when = rp__calloc_n(n ? n : 1, sizeof *y.when);
	in_cluster = rp__calloc_n(n ? n : 1, 1);
	start = rp__calloc_n((size_t)ctx->n_clusters + 2, sizeof *start);
	mem = rp__malloc_n(n ? n : 1, sizeof *mem);
	if (!ctx->synd || !y.src || !y.own || !y.when || !in_cluster ||
	    !start || !mem) {
		st = RP_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		rp__synd_doc *s = &ctx->synd[i];
		s->origin = i;
		s->parent = NONE;
		s->name = d->outlet ? d->outlet : "";
		in_cluster[i] = ctx->csize[ctx->cluster[i] - 1] > 1;
		/* every page's outlet: the habits of an outlet are learned
		 * from its pages of other stories too */
		if (d->outlet)
			y.own[i] = fold_name(&y, d->outlet, strlen(d->outlet));
		if (d->page_source && *d->page_source)
			y.src[i] = fold_name(&y, d->page_source,
					     strlen(d->page_source));
		if (!in_cluster[i])
			continue;
	}
	st = collect_names(&y);
	for (i = 0; st == RP_OK && i < n; i++) {
		const name *e;
		if (ctx->docs[i].outlet || !ctx->docs[i].page_site)
			continue;
		e = first_name_in(&y, ctx->docs[i].page_site, 0);
		if (e) {
			y.own[i] = e->hash;
			ctx->synd[i].name = e->shown;
		}
	}
	if (st == RP_OK)
		st = self_named_groups(&y);
	if (st != RP_OK)
		goto done;
	/* a byline names the source without a label ("March 3, 1987 18:42 |
	 * Capital Markets Wire"): an outlet named on the date's line, other
	 * than the page's own, wins over no source or over a credit that is
	 * no outlet's name ("(Reuters)" in the dateline) */
	st = bylines(&y, in_cluster);
	if (st != RP_OK)
		goto done;
	/* members of each cluster, in document order */
	for (i = 0; i < n; i++)
		start[ctx->cluster[i] + 1]++;
	for (c = 0; c <= ctx->n_clusters; c++)
		start[c + 1] += start[c];
	for (i = 0; i < n; i++)
		mem[start[ctx->cluster[i]]++] = i;
	for (c = ctx->n_clusters; c > 0; c--)
		start[c] = start[c - 1];
	start[0] = 0;
	for (c = 1; c <= ctx->n_clusters; c++)
		if (start[c + 1] - start[c] > big)
			big = start[c + 1] - start[c];
	scratch = rp__malloc_n(2 * (size_t)big + 2, sizeof *scratch);
	srcs = rp__malloc_n((size_t)big + 1, sizeof *srcs);
	rk = rp__malloc_n((size_t)big + 1, sizeof *rk);
	if (!scratch || !srcs || !rk) {
		st = RP_ENOMEM;
		goto done;
	}
	for (c = 1; c <= ctx->n_clusters; c++) {
		k = start[c + 1] - start[c];
		if (k > 1)
			story_times(&y, mem + start[c], k);
		if (k > 1)
			describe(&y,
				 pick_origin(&y, mem + start[c], k, scratch,
					     srcs),
				 mem + start[c], k, rk);
	}
	if (!y.failed)
		settle_kinds(&y);
	if (y.failed)
		st = RP_ENOMEM;
done:
	release(&y);
	free(in_cluster);
	free(start);
	free(mem);
	free(scratch);
	free(srcs);
	free(rk);
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
