/*
 * boilerplate.c - learning page furniture from the corpus.
 *
 * Furniture is what repeats across different stories of one outlet, not
 * what repeats across many pages: a wire story reprinted by hundreds of
 * outlets repeats too. So lines are counted per outlet, and a line is
 * boilerplate for an outlet when it is on at least min_docs of that
 * outlet's pages (and min_share of them). A story is on an outlet's pages
 * once, so its lines stay, however many outlets carry it.
 *
 * Where no outlet is given, pages are grouped by their template: the
 * first of the page's first edge_lines lines that is on at least min_docs
 * pages of the corpus (a masthead, a navigation bar) and the last such
 * line among its last edge_lines lines (a copyright or footer line).
 * Headlines sit below the masthead and stories end above the footer, so a
 * story's own lines rarely become the key even when it is reprinted
 * widely. Pages with neither line stay ungrouped and lose nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "common.h"
#include "hash.h"
#include "radix.h"
#include "page.h"

typedef struct kv {
	uint64_t key, val;
} kv;

static int cmp_kv(const void *a, const void *b)
{
	const kv *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->val < y->val ? -1 : x->val > y->val;
}

/* Distinct values of lines[0..n) into tmp; returns their number. */
static size_t distinct(const uint64_t *lines, size_t n, uint64_t *tmp)
{
	size_t i, m = 0;
	if (n == 0)
		return 0;
	memcpy(tmp, lines, n * sizeof *tmp);
	qsort(tmp, n, sizeof *tmp, rp__cmp_u64);
	for (i = 1, m = 1; i < n; i++)
		if (tmp[i] != tmp[m - 1])
			tmp[m++] = tmp[i];
	return m;
}

/* The lines that name templates: without their long numbers. */
static const uint64_t *naming(const rp__bp_doc *d)
{
	return d->masked ? d->masked : d->lines;
}

/* df of a line: binary search in the sorted (line, df) table. */
static uint64_t df_of(const kv *t, size_t n, uint64_t line)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].key < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].key == line ? t[lo].val : 0;
}

/* df of a line in this corpus, or in the saved model if more */
static uint64_t seen_on(const kv *df, size_t ndf, const rp__bp_params *p,
			uint64_t line)
{
	uint64_t c = df_of(df, ndf, line);
	size_t lo = rp__lower_bound64(p->model_lines, p->n_model, line);
	if (lo < p->n_model && p->model_lines[lo] == line &&
	    p->model_pages[lo] > c)
		c = p->model_pages[lo];
	return c;
}

static void infer_group(rp__bp_doc *d, uint32_t idx, const kv *df, size_t ndf,
			const rp__bp_params *p)
{
	/* digits aside: a footer's counter or date must not split a
	 * template into one group per value */
	const uint64_t *l = naming(d);
	uint64_t head = 0, tail = 0;
	uint32_t k, edge = p->edge_lines < d->n ? p->edge_lines : d->n;
	int found = 0;
	for (k = 0; k < edge && !found; k++)
		if (seen_on(df, ndf, p, l[k]) >= p->min_docs) {
			head = l[k];
			found = 1;
		}
	for (k = 0; k < edge; k++)
		if (seen_on(df, ndf, p, l[d->n - 1 - k]) >= p->min_docs) {
			tail = l[d->n - 1 - k];
			found |= 2;
			break;
		}
	if (found) {
		d->group = rp__mix64(rp__mix64(head ^ p->seed) + tail);
		d->inferred = 1;
		d->head = head;
		d->tail = tail;
	} else {
		/* a group of its own: nothing can be learned from it */
		d->group = rp__mix64(~(uint64_t)idx ^ p->seed);
		d->inferred = 0;
	}
}

/* The distinct values of the sorted v[0..m) into out, each with the
 * number of times it stands there; returns their number. */
static size_t count_runs(const uint64_t *v, size_t m, kv *out)
{
	size_t i, k, n = 0;
	for (i = 0; i < m; i = k) {
		for (k = i + 1; k < m && v[k] == v[i]; k++)
			;
		out[n].key = v[i];
		out[n++].val = k - i;
	}
	return n;
}

/* Corpus document frequency of every line as templates are named
 * (infer_group reads nothing else): into *df, sorted by line. */
static rp_status corpus_df(const rp__bp_doc *docs, uint32_t n, size_t total,
			   uint64_t *tmp, kv **df, size_t *ndf)
{
	uint64_t *lines = rp__malloc_n(total + 1, sizeof *lines);
	size_t m = 0;
	uint32_t d;
	if (!lines)
		return RP_ENOMEM;
	for (d = 0; d < n; d++) {
		size_t c = distinct(naming(&docs[d]), docs[d].n, tmp);
		memcpy(lines + m, tmp, c * sizeof *tmp);
		m += c;
	}
	if (m > 1)
		qsort(lines, m, sizeof *lines, rp__cmp_u64);
	*df = rp__malloc_n(m + 1, sizeof **df);
	if (*df)
		*ndf = count_runs(lines, m, *df);
	free(lines);
	return *df ? RP_OK : RP_ENOMEM;
}

/* Each page's group: the given outlet, else the template. */
static void assign_groups(rp__bp_doc *docs, uint32_t n, const kv *df,
			  size_t ndf, const rp__bp_params *p,
			  rp__bp_result *out)
{
	uint32_t d;
	for (d = 0; d < n; d++) {
		if (docs[d].outlet) {
			docs[d].group = docs[d].outlet;
			docs[d].inferred = 0;
		} else {
			infer_group(&docs[d], d, df, ndf, p);
			out->inferred_docs += docs[d].inferred != 0;
			out->ungrouped_docs += docs[d].inferred == 0;
		}
	}
}

/* The pages of each group: into *gsize, sorted by group. */
static rp_status group_sizes(const rp__bp_doc *docs, uint32_t n, kv **gsize,
			     size_t *ngroups)
{
	uint64_t *groups = rp__malloc_n((size_t)n + 1, sizeof *groups);
	uint32_t d;
	*gsize = rp__malloc_n((size_t)n + 1, sizeof **gsize);
	if (!groups || !*gsize) {
		free(groups);
		return RP_ENOMEM;
	}
	for (d = 0; d < n; d++)
		groups[d] = docs[d].group;
	if (n > 1)
		qsort(groups, n, sizeof *groups, rp__cmp_u64);
	*ngroups = count_runs(groups, n, *gsize);
	free(groups);
	return RP_OK;
}

/* The lines that named templates, with the pages of the largest
 * template each named, for a saved model (out->tmpl, out->tmpl_pages). */
static rp_status template_lines(const rp__bp_doc *docs, uint32_t n,
				const kv *gsize, size_t ngroups,
				rp__bp_result *out)
{
	kv *t = rp__malloc_n(2 * (size_t)n + 1, sizeof *t);
	size_t nt = 0, i, k;
	uint32_t d;
	out->tmpl = rp__malloc_n(2 * (size_t)n + 1, sizeof *out->tmpl);
	out->tmpl_pages =
		rp__malloc_n(2 * (size_t)n + 1, sizeof *out->tmpl_pages);
	if (!t || !out->tmpl || !out->tmpl_pages) {
		free(t);
		return RP_ENOMEM;
	}
	for (d = 0; d < n; d++) {
		uint64_t size = df_of(gsize, ngroups, docs[d].group);
		if (!docs[d].inferred)
			continue;
		if (docs[d].head) {
			t[nt].key = docs[d].head;
			t[nt++].val = size;
		}
		if (docs[d].tail) {
			t[nt].key = docs[d].tail;
			t[nt++].val = size;
		}
	}
	if (nt > 1)
		qsort(t, nt, sizeof *t, cmp_kv);
	for (i = 0; i < nt; i = k) {
		uint64_t most = t[i].val;
		for (k = i + 1; k < nt && t[k].key == t[i].key; k++)
			if (t[k].val > most)
				most = t[k].val;
		out->tmpl[out->n_tmpl] = t[i].key;
		out->tmpl_pages[out->n_tmpl++] =
			most > UINT32_MAX ? UINT32_MAX : (uint32_t)most;
	}
	free(t);
	return RP_OK;
}

/* Per-group document frequency of every line: the (group, line) keys on
 * at least min_docs and min_share of their group's pages are furniture
 * (out->keys, out->pages). */
static rp_status group_lines(const rp__bp_doc *docs, uint32_t n, size_t total,
			     uint64_t *tmp, const kv *gsize, size_t ngroups,
			     const rp__bp_params *p, rp__bp_result *out)
{
	/* distinct lines per page, at most total */
	kv *entries = rp__malloc_n(total + 1, sizeof *entries);
	size_t i, k, m = 0;
	uint32_t d;
	out->keys = rp__malloc_n(total + 1, sizeof *out->keys);
	out->pages = rp__malloc_n(total + 1, sizeof *out->pages);
	if (!entries || !out->keys || !out->pages) {
		free(entries);
		return RP_ENOMEM;
	}
	for (d = 0; d < n; d++) {
		size_t c = distinct(docs[d].lines, docs[d].n, tmp);
		for (k = 0; k < c; k++) {
			entries[m].key = rp__bp_key(docs[d].group, tmp[k]);
			entries[m++].val = docs[d].group;
		}
	}
	if (m > 1)
		qsort(entries, m, sizeof *entries, cmp_kv);
	for (i = 0; i < m; i = k) {
		uint64_t size, need;
		for (k = i + 1; k < m && entries[k].key == entries[i].key; k++)
			;
		size = df_of(gsize, ngroups, entries[i].val);
		need = (uint64_t)(p->min_share * (double)size);
		if (need < p->min_docs)
			need = p->min_docs;
		if (k - i >= need) {
			out->pages[out->n] = (uint32_t)(k - i);
			out->keys[out->n++] = entries[i].key;
		}
	}
	free(entries);
	return RP_OK;
}

rp_status rp__bp_learn(rp__bp_doc *docs, uint32_t n, const rp__bp_params *p,
		       rp__bp_result *out)
{
	size_t total = 0, maxlen = 0, ndf = 0, ngroups = 0;
	uint64_t *tmp;
	kv *df = NULL, *gsize = NULL;
	uint32_t d;
	rp_status st;

	memset(out, 0, sizeof *out);
	for (d = 0; d < n; d++) {
		total += docs[d].n;
		if (docs[d].n > maxlen)
			maxlen = docs[d].n;
	}
	tmp = rp__malloc_n(maxlen + 1, sizeof *tmp);
	st = tmp ? corpus_df(docs, n, total, tmp, &df, &ndf) : RP_ENOMEM;
	if (st == RP_OK) {
		assign_groups(docs, n, df, ndf, p, out);
		st = group_sizes(docs, n, &gsize, &ngroups);
	}
	if (st == RP_OK) {
		out->groups = ngroups;
		st = template_lines(docs, n, gsize, ngroups, out);
	}
	if (st == RP_OK)
		st = group_lines(docs, n, total, tmp, gsize, ngroups, p, out);
	free(tmp);
	free(df);
	free(gsize);
	if (st != RP_OK) {
		free(out->keys);
		free(out->pages);
		free(out->tmpl);
		free(out->tmpl_pages);
		memset(out, 0, sizeof *out);
	}
	return st;
}
