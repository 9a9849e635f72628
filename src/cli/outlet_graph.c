/*
 * outlet_graph.c - which outlets feed which: every reprint is a flow from
 * the outlet of the page it copied (its parent, else the origin) to its
 * own; flows are summed per pair of outlets (stories, reprints, median
 * lag, share undeclared) and written as TSV (--outlets), Graphviz DOT
 * (--graph) and a short text summary (--report).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define UNKNOWN "(unknown outlet)"

typedef struct flow {
	const char *from, *to;
	uint32_t cluster;
	int64_t lag; /* minutes after the page copied */
	int lag_known, declared;
} flow;

struct cli_graph {
	flow *v;
	size_t n;
	cli_edge *e;
	size_t n_e;
	cli_outlet *o;
	size_t n_o;
};

static const char *name_of(const rp_doc_info *d)
{
	return *d->outlet_name ? d->outlet_name : UNKNOWN;
}

static int cmp_flow(const void *pa, const void *pb)
{
	const flow *a = pa, *b = pb;
	int c = strcmp(a->from, b->from);
	if (!c)
		c = strcmp(a->to, b->to);
	if (!c)
		c = a->cluster < b->cluster ? -1 : a->cluster > b->cluster;
	return c;
}

static int cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

/* The median of v[0..n) (sorted here); INT64_MIN when n is 0. */
static int64_t median(int64_t *v, size_t n)
{
	if (!n)
		return INT64_MIN;
	qsort(v, n, sizeof *v, cmp_i64);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* By outlet (from) alone. */
static int cmp_outlet_flow(const void *pa, const void *pb)
{
	const flow *a = pa, *b = pb;
	int c = strcmp(a->from, b->from);
	if (!c)
		c = a->cluster < b->cluster ? -1 : a->cluster > b->cluster;
	return c;
}

/* Per outlet: stories it originated, reprints it made, their lags and
 * how many were undeclared. */
static int build_outlets(cli_graph *g, rp_ctx *ctx, int64_t *lags)
{
	uint32_t n = rp_ctx_doc_count(ctx), i;
	size_t k, m = 0;
	flow *by_to = malloc((g->n + n + 1) * sizeof *by_to);
	if (!by_to)
		return -1;
	/* origins of stories with reprints count as flows to nowhere */
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		if (d.kind == RP_KIND_ORIGINAL) {
			by_to[m].from = name_of(&d);
			by_to[m].to = NULL;
			by_to[m].cluster = d.cluster;
			by_to[m].lag_known = 0;
			by_to[m++].declared = 1;
		}
	}
	for (k = 0; k < g->n; k++) {
		by_to[m] = g->v[k];
		by_to[m].from = g->v[k].to;
		by_to[m++].to = g->v[k].from; /* non-NULL: a reprint */
	}
	qsort(by_to, m, sizeof *by_to, cmp_outlet_flow);
	g->o = calloc(m + 1, sizeof *g->o);
	if (!g->o) {
		free(by_to);
		return -1;
	}
	for (k = 0; k < m;) {
		cli_outlet *o = &g->o[g->n_o++];
		size_t nl = 0;
		o->name = by_to[k].from;
		for (; k < m && !strcmp(by_to[k].from, o->name); k++) {
			if (!by_to[k].to) {
				o->originated++;
				continue;
			}
			o->reprints++;
			o->undeclared += !by_to[k].declared;
			if (by_to[k].lag_known)
				lags[nl++] = by_to[k].lag;
		}
		o->lag_known = nl;
		o->median_lag = median(lags, nl);
	}
	free(by_to);
	return 0;
}

cli_graph *cli_graph_build(rp_ctx *ctx)
{
	uint32_t n = rp_ctx_doc_count(ctx), i;
	cli_graph *g = calloc(1, sizeof *g);
	int64_t *lags = malloc(((size_t)n + 1) * sizeof *lags);
	size_t k;
	if (!g || !lags || !(g->v = malloc(((size_t)n + 1) * sizeof *g->v)))
		goto fail;
	for (i = 0; i < n; i++) {
		rp_doc_info d, p;
		flow *f;
		rp_ctx_doc(ctx, i, &d);
		if (d.kind != RP_KIND_FULL && d.kind != RP_KIND_EXCERPT &&
		    d.kind != RP_KIND_EDITED)
			continue;
		rp_ctx_doc(ctx, d.parent != UINT32_MAX ? d.parent : d.origin,
			   &p);
		f = &g->v[g->n++];
		f->from = name_of(&p);
		f->to = name_of(&d);
		f->cluster = d.cluster;
		f->declared = d.declared;
		/* lag after the page copied (both lags count from the
		 * origin), to the minute: a day-only date says too little */
		f->lag_known = d.lag_known == RP_LAG_MINUTES &&
			       (p.kind == RP_KIND_ORIGINAL ||
				p.lag_known == RP_LAG_MINUTES);
		f->lag = d.lag_minutes -
			 (p.kind == RP_KIND_ORIGINAL ? 0 : p.lag_minutes);
	}
	qsort(g->v, g->n, sizeof *g->v, cmp_flow);
	g->e = calloc(g->n + 1, sizeof *g->e);
	if (!g->e)
		goto fail;
	for (k = 0; k < g->n;) {
		cli_edge *e = &g->e[g->n_e++];
		size_t nl = 0;
		uint32_t last = 0;
		e->from = g->v[k].from;
		e->to = g->v[k].to;
		for (; k < g->n && !strcmp(g->v[k].from, e->from) &&
		       !strcmp(g->v[k].to, e->to);
		     k++) {
			e->stories += g->v[k].cluster != last;
			last = g->v[k].cluster;
			e->reprints++;
			e->undeclared += !g->v[k].declared;
			if (g->v[k].lag_known)
				lags[nl++] = g->v[k].lag;
		}
		e->median_lag = median(lags, nl);
	}
	if (build_outlets(g, ctx, lags) != 0)
		goto fail;
	free(lags);
	return g;
fail:
	free(lags);
	cli_graph_free(g);
	return NULL;
}

void cli_graph_free(cli_graph *g)
{
	if (!g)
		return;
	free(g->v);
	free(g->e);
	free(g->o);
	free(g);
}

const cli_edge *cli_graph_edges(const cli_graph *g, size_t *n)
{
	*n = g->n_e;
	return g->e;
}

const cli_outlet *cli_graph_outlets(const cli_graph *g, size_t *n)
{
	*n = g->n_o;
	return g->o;
}

/* "2d 3h", "5h 20m", "45m" */
void cli_fmt_lag(FILE *f, int64_t minutes)
{
	int64_t m = minutes < 0 ? -minutes : minutes;
	const char *sign = minutes < 0 ? "-" : "";
	if (minutes == INT64_MIN)
		fputs("-", f);
	else if (m >= 24 * 60)
		fprintf(f, "%s%lldd %lldh", sign, (long long)(m / 1440),
			(long long)(m % 1440 / 60));
	else if (m >= 60)
		fprintf(f, "%s%lldh %lldm", sign, (long long)(m / 60),
			(long long)(m % 60));
	else
		fprintf(f, "%s%lldm", sign, (long long)m);
}

int cli_write_outlets(const cli_graph *g, const char *path)
{
	FILE *f = cli_open_out(path);
	size_t k;
	if (!f)
		return -1;
	fputs("from_outlet\tto_outlet\tstories\treprints\tmedian_lag_minutes"
	      "\tundeclared_share\n",
	      f);
	for (k = 0; k < g->n_e; k++) {
		const cli_edge *e = &g->e[k];
		cli_tsv_str(f, e->from);
		putc('\t', f);
		cli_tsv_str(f, e->to);
		fprintf(f, "\t%u\t%u\t", e->stories, e->reprints);
		if (e->median_lag == INT64_MIN)
			putc('-', f);
		else
			fprintf(f, "%lld", (long long)e->median_lag);
		fprintf(f, "\t%.4f\n", (double)e->undeclared / e->reprints);
	}
	return cli_close_out(f, path);
}

/* s inside a DOT string literal. */
static void dot_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		if (*s != '\n' && *s != '\r')
			putc(*s, f);
	}
}

static void dot_str(FILE *f, const char *s)
{
	putc('"', f);
	dot_escaped(f, s);
	putc('"', f);
}

/* Whether edge k is among the `top` largest (by stories, then reprints)
 * that lead into its outlet. */
static int among_top(const cli_graph *g, size_t k, unsigned top)
{
	const cli_edge *e = &g->e[k];
	size_t j;
	unsigned larger = 0;
	for (j = 0; j < g->n_e && larger < top; j++) {
		const cli_edge *x = &g->e[j];
		if (j == k || strcmp(x->to, e->to))
			continue;
		larger += x->stories > e->stories ||
			  (x->stories == e->stories &&
			   (x->reprints > e->reprints ||
			    (x->reprints == e->reprints && j < k)));
	}
	return larger < top;
}

int cli_write_graph(const cli_graph *g, const char *path, unsigned min_stories,
		    unsigned top)
{
	FILE *f = cli_open_out(path);
	size_t k;
	if (!f)
		return -1;
	fprintf(f,
		"// reprint: which outlets feed which; an edge A -> B is "
		"B copying A.\n// Each outlet's %u largest sources with at "
		"least %u stories; edge label:\n// stories, median lag "
		"(timed to the minute), share undeclared.\n",
		top, min_stories);
	fputs("digraph outlets {\n\trankdir=LR;\n\tnode [shape=box, "
	      "style=rounded, fontname=\"Noto Sans CJK SC,sans-serif\"];\n"
	      "\tedge [fontname=\"sans-serif\", fontsize=9, "
	      "color=\"#555555\"];\n",
	      f);
	for (k = 0; k < g->n_o; k++) {
		const cli_outlet *o = &g->o[k];
		fputs("\t", f);
		dot_str(f, o->name);
		fputs(" [label=\"", f);
		dot_escaped(f, o->name);
		fprintf(f, "\\n%u originated, %u reprinted\"%s];\n",
			o->originated, o->reprints,
			o->originated > o->reprints ? ", penwidth=2" : "");
	}
	for (k = 0; k < g->n_e; k++) {
		const cli_edge *e = &g->e[k];
		double w = 0.5;
		unsigned s;
		if (e->stories < min_stories || (top && !among_top(g, k, top)))
			continue;
		for (s = e->stories; s > 1; s /= 2)
			w += 0.5;
		fputs("\t", f);
		dot_str(f, e->from);
		fputs(" -> ", f);
		dot_str(f, e->to);
		fprintf(f, " [penwidth=%.1f, label=\"%u, ", w, e->stories);
		cli_fmt_lag(f, e->median_lag);
		fprintf(f, ", %.0f%%\"];\n",
			100.0 * e->undeclared / e->reprints);
	}
	fputs("}\n", f);
	return cli_close_out(f, path);
}
