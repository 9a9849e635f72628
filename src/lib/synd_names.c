/*
 * synd_names.c - outlets and sources by name, for the syndication stage.
 *
 * In: every page's given outlet, the source it names (rp__meta: "来源：X",
 * "Source: X"), its masthead and footer lines and its date's line. Out:
 * y->own, the outlet each page is, and y->src, the outlet it names as its
 * source, as folded-name hashes (0: none), and the outlet's name as shown
 * (ctx->synd[].name).
 *
 * A page's own outlet is the one given (JSONL field, --outlet-from), else
 * the first of the names the corpus declares as sources that its masthead
 * or footer lines carry (rp__meta.site), else the source at least half of
 * its template group names (self_named_groups). A clustered page with no
 * source, or a credit that is no outlet's name, takes an outlet named on
 * its date's line (bylines). Names are compared folded (NFKC, case,
 * Traditional to Simplified, spaces and punctuation dropped), so
 * "東方晨報網", "东方晨报网" and "东方 晨报 网" are one outlet.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "radix.h"
#include "synd_stage.h"

#define MAX_NAMES      4096 /* most frequent source names searched for */
#define NAME_MAX_B     256  /* bytes of a folded name or site line */
#define MIN_NAME_B     3    /* shorter folded names are not searched for */
#define SELF_NAMED_MIN 3    /* pages naming one source to name their group */

typedef struct rp__synd_name {
	uint64_t hash;
	const char *shown; /* the spelling most pages use */
	char *folded;
	size_t len;
	uint32_t count;
} name;

void rp__synd_names_init(rp__synd *y)
{
	rp__norm_init(&y->nm, RP_NORM_TEXT, NAME_MAX_B * 12 + 64);
	y->nm.t2s = y->ctx->cfg.t2s;
}

void rp__synd_names_release(rp__synd *y)
{
	size_t k;
	rp__norm_release(&y->nm);
	for (k = 0; k < y->n_names; k++)
		free(y->names[k].folded);
	free(y->names);
}

/* Fold s[0..n) as names are compared; its hash, 0 for nothing. */
static uint64_t fold_name(rp__synd *y, const char *s, size_t n)
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

/* One name for each source a page declares, as that page spells it. */
static rp_status gather_names(rp__synd *y)
{
	rp_ctx *ctx = y->ctx;
	uint32_t i;
	for (i = 0; i < ctx->n; i++) {
		name *e;
		if (!y->src[i])
			continue;
		if (rp__grow((void **)&y->names, &y->names_cap, y->n_names + 1,
			     sizeof *y->names,
			     SIZE_MAX / sizeof *y->names) != RP_OK)
			return RP_ENOMEM;
		e = &y->names[y->n_names++];
		e->hash = y->src[i];
		e->shown = ctx->docs[i].page_source;
		e->folded = NULL;
		e->len = 0;
		e->count = 1;
	}
	return RP_OK;
}

/* One entry per folded name, counting its pages: the spelling most pages
 * use is shown (ties: the first in byte order), so a Simplified outlet
 * keeps its Simplified name when Traditional pages name it too. */
static void one_per_name(rp__synd *y)
{
	size_t k, m = 0;
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
}

/* Each name folded as it is searched for in a page's lines; too short
 * or all digits, its len is 0. */
static rp_status fold_names(rp__synd *y)
{
	size_t k;
	for (k = 0; k < y->n_names; k++) {
		name *e = &y->names[k];
		if (!fold_name(y, e->shown, strlen(e->shown))) {
			e->len = 0; /* dropped by the caller */
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
	return RP_OK;
}

/* The distinct source names the pages declare, most frequent MAX_NAMES
 * of them, longest first. */
static rp_status collect_names(rp__synd *y)
{
	rp_status st = gather_names(y);
	if (st != RP_OK)
		return st;
	one_per_name(y);
	if (y->n_names > 1)
		qsort(y->names, y->n_names, sizeof *y->names, cmp_count);
	if (y->n_names > MAX_NAMES)
		y->n_names = MAX_NAMES;
	st = fold_names(y);
	if (st != RP_OK)
		return st;
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
int rp__synd_names_itself(rp__synd *y, uint32_t d)
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
static const name *first_name_in(rp__synd *y, const char *lines, uint64_t skip)
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

/* The source most pages of the group v[k..e) name, those pages into
 * *best_n, the spelling of one of them into *shown; 0 for none. */
static uint64_t most_named(const rp_ctx *ctx, const group_src *v, size_t k,
			   size_t e, size_t *best_n, const char **shown)
{
	uint64_t best = 0;
	size_t r, q;
	*best_n = 0;
	*shown = NULL;
	for (r = k; r < e; r = q) {
		for (q = r; q < e && v[q].src == v[r].src; q++)
			;
		if (v[r].src && q - r > *best_n) {
			*best_n = q - r;
			best = v[r].src;
			*shown = ctx->docs[v[r].doc].page_source;
		}
	}
	return best;
}

/*
 * Some outlets carry their name nowhere but in their own source line (an
 * app page: "来源：东方晨报网" on its own stories). A page whose outlet is
 * still unknown takes the source that at least half of its template
 * group's pages (and at least SELF_NAMED_MIN) name: an outlet names many
 * sources, but names itself on everything it publishes.
 */
static rp_status self_named_groups(rp__synd *y)
{
	rp_ctx *ctx = y->ctx;
	group_src *v = rp__malloc_n(ctx->n ? ctx->n : 1, sizeof *v);
	uint32_t i;
	size_t k, e, r, best_n, n_best;
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
		const char *shown;
		uint64_t best;
		for (e = k; e < ctx->n && v[e].group == v[k].group; e++)
			;
		best = most_named(ctx, v, k, e, &best_n, &shown);
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

/* Clustered pages with no source, or with a credit that is no outlet's
 * name, take the outlet named on their date's line (see the call). */
static rp_status bylines(rp__synd *y, const uint8_t *in_cluster)
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
		qsort(owns, m, sizeof *owns, rp__cmp_u64);
	for (i = 0; i < ctx->n; i++) {
		const name *e;
		if (!in_cluster[i] ||
		    (y->src[i] && m &&
		     bsearch(&y->src[i], owns, m, sizeof *owns, rp__cmp_u64)))
			continue;
		e = first_name_in(y, ctx->docs[i].page_dateline, y->own[i]);
		if (e)
			y->src[i] = e->hash;
	}
	free(owns);
	return RP_OK;
}

/* Every page's outlet as given and the source it names, folded: the
 * habits of an outlet are learned from its pages of other stories too. */
static void fold_given(rp__synd *y)
{
	const rp_ctx *ctx = y->ctx;
	uint32_t i;
	for (i = 0; i < ctx->n; i++) {
		const rp__docrec *d = &ctx->docs[i];
		if (d->outlet)
			y->own[i] = fold_name(y, d->outlet, strlen(d->outlet));
		if (d->page_source && *d->page_source)
			y->src[i] = fold_name(y, d->page_source,
					      strlen(d->page_source));
	}
}

/* Pages of no given outlet: the first declared name in their masthead or
 * footer lines. */
static void mastheads(rp__synd *y)
{
	rp_ctx *ctx = y->ctx;
	uint32_t i;
	for (i = 0; i < ctx->n; i++) {
		const name *e;
		if (ctx->docs[i].outlet || !ctx->docs[i].page_site)
			continue;
		e = first_name_in(y, ctx->docs[i].page_site, 0);
		if (e) {
			y->own[i] = e->hash;
			ctx->synd[i].name = e->shown;
		}
	}
}

rp_status rp__synd_outlets(rp__synd *y, const uint8_t *in_cluster)
{
	rp_status st;
	fold_given(y);
	st = collect_names(y);
	if (st != RP_OK)
		return st;
	mastheads(y);
	st = self_named_groups(y);
	if (st != RP_OK)
		return st;
	/* a byline names the source without a label ("March 3, 1987 18:42 |
	 * Capital Markets Wire"): an outlet named on the date's line, other
	 * than the page's own, wins over no source or over a credit that is
	 * no outlet's name ("(Reuters)" in the dateline) */
	return bylines(y, in_cluster);
}
