/*
 * synd_out.c - the syndication outputs of scan: origins, the reprint
 * fields of --format jsonl, and the readable story report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_kind_name(int kind)
{
	switch (kind) {
	case RP_KIND_ORIGINAL:
		return "original";
	case RP_KIND_FULL:
		return "full";
	case RP_KIND_EXCERPT:
		return "excerpt";
	case RP_KIND_EDITED:
		return "edited";
	default:
		return "single";
	}
}

/* The id of document i. */
static const char *id_of(rp_ctx *ctx, uint32_t i)
{
	rp_doc_info d;
	if (i == UINT32_MAX || rp_ctx_doc(ctx, i, &d) != RP_OK)
		return NULL;
	return d.id;
}

void cli_json_synd(FILE *f, rp_ctx *ctx, const rp_doc_info *d)
{
	const char *parent = id_of(ctx, d->parent);
	if (*d->outlet_name) {
		fputs(",\"outlet_name\":", f);
		cli_json_str(f, d->outlet_name);
	}
	fprintf(f, ",\"kind\":\"%s\"", cli_kind_name(d->kind));
	if (d->kind == RP_KIND_SINGLE)
		return;
	fputs(",\"origin\":", f);
	cli_json_str(f, id_of(ctx, d->origin));
	if (parent) {
		fputs(",\"parent\":", f);
		cli_json_str(f, parent);
	}
	fprintf(f, ",\"declared\":%s", d->declared ? "true" : "false");
	if (d->kind != RP_KIND_ORIGINAL && d->added_shingles != UINT32_MAX)
		fprintf(f, ",\"added_shingles\":%u,\"dropped_shingles\":%u",
			d->added_shingles, d->dropped_shingles);
	if (d->kind != RP_KIND_ORIGINAL && d->lag_known != RP_LAG_UNKNOWN)
		fprintf(f, ",\"lag_minutes\":%lld,\"lag_precision\":\"%s\"",
			(long long)d->lag_minutes,
			d->lag_known == RP_LAG_MINUTES ? "minute" : "day");
}

/* Open path for writing, with count elements of size bytes allocated in
 * *buf for the writer; NULL (after a message) when either fails. */
static FILE *open_with(const char *path, size_t count, size_t size, void **buf)
{
	FILE *f = cli_open_out(path);
	*buf = f ? malloc((count + 1) * size) : NULL;
	if (f && !*buf) {
		cli_error("out of memory writing '%s'", path);
		cli_close_out(f, path);
		return NULL;
	}
	return f;
}

int cli_write_origins(rp_ctx *ctx, const char *path)
{
	uint32_t n = rp_ctx_doc_count(ctx), nc = rp_ctx_cluster_count(ctx), i;
	uint32_t *origin;
	FILE *f = open_with(path, nc, sizeof *origin, (void **)&origin);
	if (!f)
		return -1;
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		origin[d.cluster] = d.origin;
	}
	for (i = 1; i <= nc; i++) {
		fprintf(f, "%u\t", i);
		cli_tsv_str(f, id_of(ctx, origin[i]));
		putc('\n', f);
	}
	free(origin);
	return cli_close_out(f, path);
}

typedef struct member {
	uint32_t cluster, size, doc;
	int rank; /* the origin first, then by lag */
	int64_t lag;
} member;

static int cmp_member(const void *pa, const void *pb)
{
	const member *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->lag != b->lag)
		return a->lag < b->lag ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

/* The outlets ranked by one measure: the first `top` printed. */
typedef int (*outlet_cmp)(const void *, const void *);

static int by_originated(const void *pa, const void *pb)
{
	const cli_outlet *a = pa, *b = pb;
	if (a->originated != b->originated)
		return a->originated > b->originated ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_reprints(const void *pa, const void *pb)
{
	const cli_outlet *a = pa, *b = pb;
	if (a->reprints != b->reprints)
		return a->reprints > b->reprints ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_lag(const void *pa, const void *pb)
{
	const cli_outlet *a = pa, *b = pb;
	if (a->median_lag != b->median_lag)
		return a->median_lag < b->median_lag ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_undeclared(const void *pa, const void *pb)
{
	const cli_outlet *a = pa, *b = pb;
	double x = (double)a->undeclared / a->reprints;
	double y = (double)b->undeclared / b->reprints;
	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(a->name, b->name);
}

#define TOP         5
#define MIN_REPRINT 5 /* outlets ranked by lag or share need this many */

static void rank_outlets(FILE *f, const cli_graph *g, const char *title,
			 outlet_cmp cmp, int which)
{
	size_t n, k, shown = 0, m = 0;
	const cli_outlet *all = cli_graph_outlets(g, &n);
	cli_outlet *v = malloc((n + 1) * sizeof *v);
	if (!v)
		return;
	for (k = 0; k < n; k++)
		if ((which == 0 && all[k].originated) ||
		    (which == 1 && all[k].reprints) ||
		    (which == 2 && all[k].lag_known >= MIN_REPRINT) ||
		    (which == 3 && all[k].reprints >= MIN_REPRINT))
			v[m++] = all[k];
	qsort(v, m, sizeof *v, cmp);
	fprintf(f, "  %s\n", title);
	for (k = 0; k < m && shown < TOP; k++, shown++) {
		fputs("    ", f);
		fputs(v[k].name, f);
		if (which == 0)
			fprintf(f, ": %u stories\n", v[k].originated);
		else if (which == 1)
			fprintf(f, ": %u reprints\n", v[k].reprints);
		else if (which == 2) {
			fputs(": ", f);
			cli_fmt_lag(f, v[k].median_lag);
			fprintf(f, " (%zu reprints)\n", v[k].lag_known);
		} else
			fprintf(f, ": %.0f%% of %u reprints\n",
				100.0 * v[k].undeclared / v[k].reprints,
				v[k].reprints);
	}
	if (!m)
		fputs("    (none)\n", f);
	free(v);
}

int cli_write_report(rp_ctx *ctx, const cli_graph *g, const char *path)
{
	uint32_t n = rp_ctx_doc_count(ctx), i, stories = 0, pages = 0;
	member *v;
	size_t m = 0, k;
	FILE *f = open_with(path, n, sizeof *v, (void **)&v);
	if (!f)
		return -1;
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		if (d.kind == RP_KIND_SINGLE)
			continue;
		v[m].cluster = d.cluster;
		v[m].size = d.cluster_size;
		v[m].doc = i;
		v[m].rank = d.kind != RP_KIND_ORIGINAL;
		v[m++].lag = d.lag_known ? d.lag_minutes : INT64_MAX;
		stories += d.kind == RP_KIND_ORIGINAL;
	}
	pages = (uint32_t)m;
	qsort(v, m, sizeof *v, cmp_member);
	fprintf(f,
		"reprint report: %u stories published more than once, %u "
		"pages of %u\n\nOutlets\n",
		stories, pages, n);
	rank_outlets(f, g, "first to publish (stories others reprinted):",
		     by_originated, 0);
	rank_outlets(f, g, "most reprints:", by_reprints, 1);
	rank_outlets(f, g,
		     "fastest (median lag after the page copied, both timed "
		     "to the minute, at least 5 reprints):",
		     by_lag, 2);
	rank_outlets(f, g,
		     "most undeclared (reprints naming no source they copied, "
		     "at least 5 reprints):",
		     by_undeclared, 3);
	fputs("\nStories, largest first: kind, page, outlet, date, lag after "
	      "the origin (+1d: whole days, when a date has no time),\n"
	      "declared or not, and the page copied when it is not the "
	      "origin\n",
	      f);
	for (k = 0; k < m; k++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, v[k].doc, &d);
		if (d.kind == RP_KIND_ORIGINAL) {
			fprintf(f, "\nstory %u: %u pages", d.cluster,
				d.cluster_size);
			if (*d.page_title) {
				fputs(" - ", f);
				cli_tsv_str(f, d.page_title);
			}
			putc('\n', f);
		}
		fprintf(f, "  %-8s ", cli_kind_name(d.kind));
		cli_tsv_str(f, d.id);
		fputs("  ", f);
		cli_tsv_str(f, *d.outlet_name ? d.outlet_name : "?");
		fprintf(f, "  %s",
			*d.page_date ? d.page_date
			: d.date     ? d.date
				     : "(no date)");
		if (d.kind != RP_KIND_ORIGINAL) {
			fputs("  +", f);
			if (d.lag_known == RP_LAG_UNKNOWN)
				fputs("?", f);
			else if (d.lag_known == RP_LAG_DAYS)
				fprintf(f, "%lldd",
					(long long)(d.lag_minutes / 1440));
			else
				cli_fmt_lag(f, d.lag_minutes);
			fputs(d.declared ? "  declared" : "  undeclared", f);
			if (d.parent != UINT32_MAX && d.parent != d.origin) {
				fputs("  from ", f);
				cli_tsv_str(f, id_of(ctx, d.parent));
			}
		}
		putc('\n', f);
	}
	free(v);
	return cli_close_out(f, path);
}
