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

int cli_write_origins(rp_ctx *ctx, const char *path)
{
	FILE *f = cli_open_out(path);
	uint32_t n = rp_ctx_doc_count(ctx), nc = rp_ctx_cluster_count(ctx), i;
	uint32_t *origin = malloc(((size_t)nc + 1) * sizeof *origin);
	if (!f || !origin) {
		free(origin);
		if (f)
			cli_close_out(f, path);
		if (!origin)
			cli_error("out of memory writing '%s'", path);
		return -1;
	}
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
