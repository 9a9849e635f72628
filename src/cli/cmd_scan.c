/*
 * cmd_scan.c - `reprint scan`: read a corpus, find every verified pair and
 * the clusters, write the summary and the requested files.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"

static const char scan_usage[] =
	"usage: reprint scan [options] PATH...\n"
	"\n"
	"Find documents that carry the same text: every pair whose shingle\n"
	"sets reach the Jaccard threshold (or the containment, if set) is\n"
	"verified exactly, and the pairs are joined into clusters.\n"
	"\n"
	"Output:\n"
	"  --clusters FILE       doc_id<TAB>cluster_id for every document\n"
	"  --skipped FILE        input<TAB>id<TAB>reason for every input that\n"
	"                        gave no document (unreadable, over a cap,\n"
	"                        a broken JSONL line); with --clusters, every\n"
	"                        input is in one of the two\n"
	"  --origins FILE        cluster_id<TAB>origin_doc_id for every\n"
	"                        cluster: the page published first (see\n"
	"                        README, Syndication)\n"
	"  --report FILE         readable: the outlets that publish first,\n"
	"                        reprint most, fastest, most undeclared;\n"
	"                        every story with its origin and reprints\n"
	"  --outlets FILE        from_outlet<TAB>to_outlet<TAB>stories<TAB>\n"
	"                        reprints<TAB>median_lag_minutes<TAB>\n"
	"                        undeclared_share for each pair of outlets\n"
	"  --graph FILE          the same as a Graphviz DOT graph (dot -Tpng)\n"
	"  --graph-min-stories N edges of the graph carry N stories or more\n"
	"                        (2)\n"
	"  --graph-top N         each outlet's N largest sources in the\n"
	"                        graph (3; 0: every source)\n"
	"  --pairs FILE          doc_a<TAB>doc_b<TAB>jaccard<TAB>\n"
	"                        containment_a<TAB>containment_b<TAB>\n"
	"                        simhash_distance for every verified pair\n"
	"  --pair-fields all|ids the --pairs columns: all (the default), or\n"
	"                        the two ids alone (a third of the bytes)\n"
	"  --keep FILE           one id per cluster (and every singleton):\n"
	"                        the member with the most shingles, ties to\n"
	"                        the smallest id\n"
	"  --remove FILE         every other id: what deduplication drops\n"
	"  --format tsv|jsonl    format of --clusters and --pairs (tsv)\n"
	"  --show N              clusters listed in the summary (20; largest\n"
	"                        first)\n"
	"  --boilerplate-report FILE\n"
	"                        what was learned as page furniture:\n"
	"                        group<TAB>pages<TAB>line, by group, most\n"
	"                        frequent first (a group is an outlet given,\n"
	"                        or ~ and a key of an inferred template)\n"
	"  --boilerplate-model FILE\n"
	"                        read what earlier runs learned as furniture\n"
	"                        from FILE (when it exists) and save it "
	"there,\n"
	"                        with what this run learned, afterwards\n"
	"  --stats               time and throughput per stage, on stderr\n"
	"  --explain-params      print the LSH shape these options give and\n"
	"                        its S-curve (the chance that a pair of each\n"
	"                        similarity is found), then exit; no PATH\n"
	"  FILE may be - for stdout; the summary then goes to stderr.\n"
	"\n";

typedef struct scan_out {
	const char *clusters, *origins, *pairs, *keep, *remove, *bp_report;
	const char *bp_model, *report, *graph, *outlets, *skipped;
	unsigned graph_min, graph_top;
	int synd; /* origins and kinds are computed */
	int jsonl;
	long show;
	int stats;
	int explain;
	int pair_ids;
} scan_out;

static void flag_names(FILE *f, uint32_t flags)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {{RP_DOC_EMPTY, "empty"},
		     {RP_DOC_SHORT, "short"},
		     {RP_DOC_INVALID_UTF8, "invalid_utf8"},
		     {RP_DOC_DUP_ID, "duplicate_id"},
		     {RP_DOC_NUL, "nul"},
		     {RP_DOC_FAILED, "failed"},
		     {RP_DOC_DECODE_ERRORS, "decode_errors"},
		     {RP_DOC_UNDECODABLE, "undecodable"}};
	size_t k;
	int first = 1;
	putc('[', f);
	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (flags & names[k].bit) {
			fprintf(f, "%s\"%s\"", first ? "" : ",", names[k].name);
			first = 0;
		}
	putc(']', f);
}

/* ,"name":"value" when value is set */
static void json_member(FILE *f, const char *name, const char *value)
{
	if (!value)
		return;
	fprintf(f, ",\"%s\":", name);
	cli_json_str(f, value);
}

static int write_clusters(rp_ctx *ctx, const char *path, int jsonl, int synd)
{
	FILE *f = cli_open_out(path);
	uint32_t i, n = rp_ctx_doc_count(ctx);
	if (!f)
		return -1;
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		if (jsonl) {
			fputs("{\"id\":", f);
			cli_json_str(f, d.id);
			fprintf(f, ",\"cluster\":%u,\"size\":%u", d.cluster,
				d.cluster_size);
			json_member(f, "outlet", d.outlet);
			json_member(f, "date", d.date);
			json_member(f, "url", d.url);
			json_member(f, "encoding", d.charset);
			json_member(f, "page_date",
				    *d.page_date ? d.page_date : NULL);
			json_member(f, "page_source",
				    *d.page_source ? d.page_source : NULL);
			json_member(f, "page_title",
				    *d.page_title ? d.page_title : NULL);
			json_member(f, "page_url",
				    *d.page_url ? d.page_url : NULL);
			json_member(f, "group", d.group);
			fprintf(f,
				",\"furniture_lines\":%zu,\"boilerplate_"
				"lines\":"
				"%zu,\"shingles\":%zu,\"flags\":",
				d.furniture_lines, d.boilerplate_lines,
				d.set_len);
			flag_names(f, d.flags);
			if (synd)
				cli_json_synd(f, ctx, &d);
			fputs("}\n", f);
		} else {
			cli_tsv_str(f, d.id);
			fprintf(f, "\t%u\n", d.cluster);
		}
	}
	return cli_close_out(f, path);
}

static int cmp_bp(const void *pa, const void *pb)
{
	const rp_boilerplate_line *a = pa, *b = pb;
	int c = strcmp(a->group, b->group);
	if (c)
		return c;
	if (a->pages != b->pages)
		return a->pages > b->pages ? -1 : 1;
	return strcmp(a->text, b->text);
}

static int write_bp_report(rp_ctx *ctx, const char *path)
{
	size_t n = rp_ctx_boilerplate_count(ctx), k;
	rp_boilerplate_line *v = calloc(n + 1, sizeof *v);
	FILE *f;
	if (!v) {
		cli_error("out of memory");
		return -1;
	}
	for (k = 0; k < n; k++)
		rp_ctx_boilerplate(ctx, k, &v[k]);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_bp);
	f = cli_open_out(path);
	if (!f) {
		free(v);
		return -1;
	}
	for (k = 0; k < n; k++) {
		cli_tsv_str(f, v[k].group);
		fprintf(f, "\t%u\t", v[k].pages);
		cli_tsv_str(f, v[k].text);
		putc('\n', f);
	}
	free(v);
	return cli_close_out(f, path);
}

/* Read a saved model into ctx when the file exists. */
static int load_model(rp_ctx *ctx, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	if (!f)
		return 0; /* the first run makes it */
	for (;;) {
		size_t got;
		if (n == cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);
			if (!nb) {
				rc = -1;
				break;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		rc = -1;
	fclose(f);
	if (rc == 0 && rp_ctx_boilerplate_import(ctx, buf, n) != RP_OK) {
		cli_error("cannot read '%s': %s", path, rp_ctx_errmsg(ctx));
		rc = -1;
	} else if (rc != 0) {
		cli_error("cannot read '%s'", path);
	}
	free(buf);
	return rc;
}

/* Write the model next to path, then rename it over path. */
static int save_model(rp_ctx *ctx, const char *path)
{
	char *model, tmp[4096];
	size_t len;
	FILE *f;
	int rc = 0;
	if (rp_ctx_boilerplate_export(ctx, &model, &len) != RP_OK) {
		cli_error("cannot save the boilerplate model: out of memory");
		return -1;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	f = cli_open_out(tmp);
	if (!f) {
		rp_free(model);
		return -1;
	}
	if (fwrite(model, 1, len, f) != len)
		rc = -1;
	if (cli_close_out(f, tmp) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0) {
		cli_error("cannot rename '%s' to '%s'", tmp, path);
		rc = -1;
	}
	rp_free(model);
	return rc;
}

/* keep[c] = the document kept for cluster c (see the usage text). */
static uint32_t *kept_docs(rp_ctx *ctx)
{
	uint32_t i, n = rp_ctx_doc_count(ctx), nc = rp_ctx_cluster_count(ctx);
	uint32_t *keep = malloc(((size_t)nc + 1) * sizeof *keep);
	size_t *best = calloc((size_t)nc + 1, sizeof *best);
	if (!keep || !best) {
		free(keep);
		free(best);
		return NULL;
	}
	for (i = 0; i <= nc; i++)
		keep[i] = UINT32_MAX;
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		/* documents come in id order: the first of equal size wins */
		if (keep[d.cluster] == UINT32_MAX ||
		    d.set_len > best[d.cluster]) {
			keep[d.cluster] = i;
			best[d.cluster] = d.set_len;
		}
	}
	free(best);
	return keep;
}

static int write_keep_remove(rp_ctx *ctx, const scan_out *o)
{
	uint32_t *keep = kept_docs(ctx), i, n = rp_ctx_doc_count(ctx);
	FILE *fk = NULL, *fr = NULL;
	int rc = 0;
	if (!keep) {
		cli_error("out of memory");
		return -1;
	}
	if (o->keep && !(fk = cli_open_out(o->keep)))
		rc = -1;
	if (o->remove && !(fr = cli_open_out(o->remove)))
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		rp_doc_info d;
		FILE *f;
		rp_ctx_doc(ctx, i, &d);
		f = keep[d.cluster] == i ? fk : fr;
		if (f) {
			cli_tsv_str(f, d.id);
			putc('\n', f);
		}
	}
	if (fk && cli_close_out(fk, o->keep))
		rc = -1;
	if (fr && cli_close_out(fr, o->remove))
		rc = -1;
	free(keep);
	return rc;
}

/* members listed per cluster in the summary */
#define SHOW_MEMBERS 10

typedef struct cl_rank {
	uint32_t cluster, size, first;
} cl_rank;

static int cmp_rank(const void *pa, const void *pb)
{
	const cl_rank *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return a->cluster < b->cluster ? -1 : a->cluster > b->cluster;
}

static void print_member(FILE *f, const rp_doc_info *d)
{
	/* with syndication: the origin first-marked, each reprint's kind */
	if (d->kind != RP_KIND_SINGLE)
		fprintf(f, "  %-8s", cli_kind_name(d->kind));
	fputs("  ", f);
	cli_tsv_str(f, d->id);
	if (d->outlet || d->date) {
		fputs("  (", f);
		if (d->outlet)
			cli_tsv_str(f, d->outlet);
		if (d->outlet && d->date)
			fputs(", ", f);
		if (d->date)
			cli_tsv_str(f, d->date);
		putc(')', f);
	}
	putc('\n', f);
}

static void print_clusters(FILE *f, rp_ctx *ctx, long show)
{
	uint32_t n = rp_ctx_doc_count(ctx), nc = rp_ctx_cluster_count(ctx);
	uint32_t i, k, multi = 0;
	cl_rank *r = calloc((size_t)nc + 1, sizeof *r);
	if (!r)
		return;
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		if (r[d.cluster - 1].size++ == 0) {
			r[d.cluster - 1].cluster = d.cluster;
			r[d.cluster - 1].first = i;
		}
	}
	for (k = 0; k < nc; k++)
		if (r[k].size > 1)
			r[multi++] = r[k];
	qsort(r, multi, sizeof *r, cmp_rank);
	for (k = 0; k < multi && (long)k < show; k++) {
		uint32_t shown = 0;
		fprintf(f, "\ncluster %u: %u documents\n", r[k].cluster,
			r[k].size);
		for (i = r[k].first; i < n && shown < SHOW_MEMBERS; i++) {
			rp_doc_info d;
			rp_ctx_doc(ctx, i, &d);
			if (d.cluster == r[k].cluster) {
				print_member(f, &d);
				shown++;
			}
		}
		if (r[k].size > shown)
			fprintf(f, "  ... and %u more\n", r[k].size - shown);
	}
	if (multi > (uint32_t)(show < 0 ? 0 : show))
		fprintf(f,
			"\n(%u more clusters; --show N lists more, "
			"--clusters FILE writes all)\n",
			multi - (uint32_t)show);
	free(r);
}

static void print_summary(FILE *f, rp_ctx *ctx, const cli_reader *rd, long show)
{
	rp_stats s;
	uint32_t nc = rp_ctx_cluster_count(ctx);
	uint64_t skipped = rd->in.skipped + rd->rejected;
	rp_ctx_stats(ctx, &s);
	fprintf(f, "reprint scan: %llu documents", (unsigned long long)s.docs);
	if (skipped)
		fprintf(f, ", %llu inputs skipped (see the warnings)",
			(unsigned long long)skipped);
	fprintf(f,
		"\n  clusters: %llu with 2 or more documents "
		"(%llu documents), %llu singletons\n",
		(unsigned long long)(nc - (s.docs - s.clustered_docs)),
		(unsigned long long)s.clustered_docs,
		(unsigned long long)(s.docs - s.clustered_docs));
	fprintf(f,
		"  pairs: %llu verified (%llu candidates checked, "
		"%llu documents identical to another)\n",
		(unsigned long long)s.pairs, (unsigned long long)s.candidates,
		(unsigned long long)s.exact_dup_docs);
	fprintf(f, "  LSH: %u bands x %u rows\n", s.bands, s.rows);
	if (s.buckets_capped) {
		rp_doc_info d;
		fprintf(f,
			"  note: %llu LSH buckets over --bucket-cap were "
			"not enumerated (%llu entries)",
			(unsigned long long)s.buckets_capped,
			(unsigned long long)s.capped_members);
		if (rp_ctx_doc(ctx, s.capped_doc, &d) == RP_OK)
			fprintf(f,
				"; the largest holds %u documents, among them "
				"'%s': pairs found only in such a bucket are "
				"missed",
				s.capped_largest, d.id);
		fputc('\n', f);
	}
	if (s.furniture_lines || s.boilerplate_keys)
		fprintf(f,
			"  furniture: %llu lines dropped by rule, %llu as "
			"boilerplate (%llu lines learned in %llu groups)\n",
			(unsigned long long)s.furniture_lines,
			(unsigned long long)s.boilerplate_lines,
			(unsigned long long)s.boilerplate_keys,
			(unsigned long long)s.template_groups);
	if (s.figure_pairs || s.template_pairs || s.headline_pairs)
		fprintf(f,
			"  templates: %llu pairs apart by their figures, %llu "
			"contained on phrasing alone; %llu joined as updates "
			"under one headline\n",
			(unsigned long long)s.figure_pairs,
			(unsigned long long)s.template_pairs,
			(unsigned long long)s.headline_pairs);
	if (s.empty_docs || s.short_docs)
		fprintf(f,
			"  note: %llu empty documents, %llu shorter than "
			"one n-gram\n",
			(unsigned long long)s.empty_docs,
			(unsigned long long)s.short_docs);
	if (s.invalid_utf8_docs)
		fprintf(f,
			"  note: %llu documents with invalid UTF-8 "
			"(%llu sequences replaced)\n",
			(unsigned long long)s.invalid_utf8_docs,
			(unsigned long long)s.invalid_utf8_seqs);
	if (s.converted_docs)
		fprintf(f,
			"  note: %llu documents read in a charset other than "
			"UTF-8\n",
			(unsigned long long)s.converted_docs);
	if (s.decode_error_docs)
		fprintf(f,
			"  note: %llu documents with bytes that could not be "
			"decoded, %llu of them mostly (kept apart)\n",
			(unsigned long long)s.decode_error_docs,
			(unsigned long long)s.undecodable_docs);
	if (s.nul_docs)
		fprintf(f, "  note: %llu documents hold NUL bytes\n",
			(unsigned long long)s.nul_docs);
	if (s.dup_id_docs)
		fprintf(f, "  note: %llu documents share an id with another\n",
			(unsigned long long)s.dup_id_docs);
	if (rd->in.bad_lines || rd->in.no_text)
		fprintf(f,
			"  note: %llu broken JSONL lines, %llu without "
			"text\n",
			(unsigned long long)rd->in.bad_lines,
			(unsigned long long)rd->in.no_text);
	print_clusters(f, ctx, show);
}

/* One warning per document whose bytes did not all decode. */
static void warn_decoding(rp_ctx *ctx)
{
	uint32_t i, n = rp_ctx_doc_count(ctx);
	for (i = 0; i < n; i++) {
		rp_doc_info d;
		rp_ctx_doc(ctx, i, &d);
		if (!(d.flags & RP_DOC_DECODE_ERRORS))
			continue;
		fprintf(stderr,
			"reprint: warning: document '%s': %zu bytes could not "
			"be decoded as %s (the first at byte %zu)%s\n",
			d.id, d.decode_errors, d.charset, d.first_bad,
			d.flags & RP_DOC_UNDECODABLE
				? "; too many to match it, it is listed alone"
				: "");
	}
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_stats(rp_ctx *ctx, double t_read, double t_write)
{
	rp_stats s;
	double mb;
	rp_ctx_stats(ctx, &s);
	mb = (double)s.bytes / 1e6;
#define RATE(ns) ((ns) ? mb / ((double)(ns) / 1e9) : 0.0)
	fprintf(stderr,
		"stats: %.1f MB, %llu docs, %u threads\n"
		"  read + add (wall, signing of full batches included)  "
		"%8.3f s %9.1f MB/s\n"
		"  learn boilerplate, pass 1 (thread time)             "
		"%8.3f s %9.1f MB/s\n"
		"  sign (fold+shingle+minhash+simhash+set, thread time) "
		"%8.3f s %9.1f MB/s\n"
		"    of which fold (decode, page rules, normalize)      "
		"%8.3f s %9.1f MB/s\n"
		"    of which exact shingle sets                        "
		"%8.3f s\n"
		"  identical-text groups                               "
		"%8.3f s\n"
		"  LSH index                                           "
		"%8.3f s\n"
		"  candidates + verify (thread time)                   "
		"%8.3f s\n"
		"  cluster                                             "
		"%8.3f s\n"
		"  origins and reprints                                "
		"%8.3f s\n"
		"  run total (wall)                                    "
		"%8.3f s %9.1f MB/s\n"
		"  write outputs (wall)                                "
		"%8.3f s\n",
		mb, (unsigned long long)s.docs, s.threads, t_read,
		t_read > 0 ? mb / t_read : 0.0, (double)s.ns_learn / 1e9,
		RATE(s.ns_learn), (double)s.ns_sign / 1e9, RATE(s.ns_sign),
		(double)s.ns_fold / 1e9, RATE(s.ns_fold),
		(double)s.ns_set / 1e9, (double)s.ns_dedup / 1e9,
		(double)s.ns_lsh / 1e9, (double)s.ns_verify / 1e9,
		(double)s.ns_cluster / 1e9, (double)s.ns_synd / 1e9,
		(double)s.ns_total_wall / 1e9, RATE(s.ns_total_wall), t_write);
#undef RATE
}

/* --explain-params: the LSH shape this configuration gets and its
 * S-curve, next to the shape MinHash-LSH libraries pick for J >= 0.8 at
 * 128 values (9 bands of 13 rows). */
static int explain_params(const rp_config *given)
{
	rp_config cfg = *given;
	rp_lsh_params lp;
	double j;
	if (rp_lsh_params_for(&cfg, &lp) != RP_OK) {
		cli_error("no LSH shape for these options");
		return EXIT_USAGE;
	}
	rp_config_resolve(&cfg);
	printf("similarity: Jaccard >= %.2f of character %u-grams (%s)",
	       cfg.threshold, cfg.ngram,
	       cfg.norm == RP_NORM_TEXT ? "--norm text" : "--norm lower-space");
	if (cfg.containment > 0.0)
		printf(",\n  or the smaller text contained at >= %.2f in the "
		       "other (at least %u shingles)",
		       cfg.containment, cfg.containment_min);
	printf("\nMinHash: %u values; LSH: %u bands x %u rows%s\n", cfg.perms,
	       lp.bands, lp.rows, cfg.bands ? " (as given)" : "");
	printf("LSH target: J = %.3f%s; a pair there becomes a candidate with "
	       "probability %.4f (asked: %.2f)\n",
	       lp.target,
	       lp.target < cfg.threshold ? " (an excerpt at the containment)"
					 : "",
	       lp.p_target, cfg.lsh_recall);
	printf("every candidate is verified on the exact shingle sets, so "
	       "precision does not\ndepend on the shape; recall is the curve "
	       "below.\n\n");
	printf("   J    P(candidate)  9 x 13\n");
	for (j = 0.1; j < 1.0001; j += 0.05)
		printf("  %.2f  %.6f      %.6f%s\n", j,
		       rp_lsh_probability(lp.bands, lp.rows, j),
		       rp_lsh_probability(9, 13, j),
		       fabs(j - lp.target) < 0.025 ||
				       fabs(j - cfg.threshold) < 0.025
			       ? "  <"
			       : "");
	return EXIT_OK;
}

/* --report, --outlets and --graph: one outlet graph for the three. */
static int write_syndication(rp_ctx *ctx, const scan_out *o)
{
	cli_graph *g = cli_graph_build(ctx);
	int rc = 0;
	if (!g) {
		cli_error("out of memory building the outlet graph");
		return -1;
	}
	if (o->outlets && cli_write_outlets(g, o->outlets))
		rc = -1;
	if (!rc && o->graph &&
	    cli_write_graph(g, o->graph, o->graph_min, o->graph_top))
		rc = -1;
	if (!rc && o->report && cli_write_report(ctx, g, o->report))
		rc = -1;
	cli_graph_free(g);
	return rc;
}

int cmd_scan(int argc, char **argv)
{
	static const struct option opts[] = {
		{"clusters", 1, 0, OPT_CLUSTERS},
		{"origins", 1, 0, OPT_ORIGINS},
		{"skipped", 1, 0, OPT_SKIPPED},
		{"report", 1, 0, OPT_REPORT},
		{"graph", 1, 0, OPT_GRAPH},
		{"graph-min-stories", 1, 0, OPT_GRAPH_MIN},
		{"graph-top", 1, 0, OPT_GRAPH_TOP},
		{"outlets", 1, 0, OPT_OUTLETS},
		{"pairs", 1, 0, OPT_PAIRS},
		{"keep", 1, 0, OPT_KEEP},
		{"remove", 1, 0, OPT_REMOVE},
		{"format", 1, 0, OPT_FORMAT},
		{"pair-fields", 1, 0, OPT_PAIR_FIELDS},
		{"show", 1, 0, OPT_SHOW},
		{"stats", 0, 0, OPT_STATS},
		{"explain-params", 0, 0, OPT_EXPLAIN},
		{"boilerplate-report", 1, 0, OPT_BP_REPORT},
		{"boilerplate-model", 1, 0, OPT_BP_MODEL},
		CLI_COMMON_OPTIONS,
		{0, 0, 0, 0}};
	rp_config cfg;
	input_opts io;
	scan_out o;
	cli_reader rd;
	rp_status st;
	int c, rc = EXIT_OK;
	double t0, t_read, t_write;
	FILE *sum;

	rp_config_init(&cfg);
	input_opts_init(&io);
	memset(&o, 0, sizeof o);
	memset(&rd, 0, sizeof rd);
	o.show = 20;
	o.graph_min = 2;
	o.graph_top = 3;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:q", opts, NULL)) != -1) {
		int r = cli_common_opt(c, optarg, &cfg, &io);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			continue;
		switch (c) {
		case OPT_CLUSTERS:
			o.clusters = optarg;
			break;
		case OPT_ORIGINS:
			o.origins = optarg;
			break;
		case OPT_SKIPPED:
			o.skipped = optarg;
			break;
		case OPT_REPORT:
			o.report = optarg;
			break;
		case OPT_GRAPH:
			o.graph = optarg;
			break;
		case OPT_OUTLETS:
			o.outlets = optarg;
			break;
		case OPT_GRAPH_MIN:
		case OPT_GRAPH_TOP: {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*optarg == '-' || *end || end == optarg ||
			    v > 1000000) {
				cli_error("--%s: expected a count, got '%s'",
					  c == OPT_GRAPH_MIN
						  ? "graph-min-stories"
						  : "graph-top",
					  optarg);
				return EXIT_USAGE;
			}
			*(c == OPT_GRAPH_MIN ? &o.graph_min : &o.graph_top) =
				(unsigned)v;
			break;
		}
		case OPT_PAIRS:
			o.pairs = optarg;
			break;
		case OPT_KEEP:
			o.keep = optarg;
			break;
		case OPT_REMOVE:
			o.remove = optarg;
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		case OPT_EXPLAIN:
			o.explain = 1;
			break;
		case OPT_BP_REPORT:
			o.bp_report = optarg;
			break;
		case OPT_BP_MODEL:
			o.bp_model = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "jsonl") && strcmp(optarg, "tsv")) {
				cli_error("invalid value '%s' for --format "
					  "(expected tsv or jsonl)",
					  optarg);
				return EXIT_USAGE;
			}
			o.jsonl = strcmp(optarg, "jsonl") == 0;
			break;
		case OPT_PAIR_FIELDS:
			if (strcmp(optarg, "all") && strcmp(optarg, "ids")) {
				cli_error(
					"invalid value '%s' for --pair-fields "
					"(expected all or ids)",
					optarg);
				return EXIT_USAGE;
			}
			o.pair_ids = strcmp(optarg, "ids") == 0;
			break;
		case OPT_SHOW: {
			char *end;
			o.show = strtol(optarg, &end, 10);
			if (*end || o.show < 0) {
				cli_error("invalid value '%s' for --show",
					  optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case OPT_HELP:
			fputs(scan_usage, stdout);
			fputs(cli_common_help, stdout);
			return EXIT_OK;
		default:
			fputs("Try 'reprint scan --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (o.explain) {
		if (cli_check_config(&cfg) != 0)
			return EXIT_USAGE;
		return explain_params(&cfg);
	}
	if (optind >= argc) {
		cli_error("scan needs at least one PATH");
		fputs("Try 'reprint scan --help'.\n", stderr);
		return EXIT_USAGE;
	}
	/* the syndication outputs need it whatever the mode */
	if (o.origins || o.report || o.graph || o.outlets)
		cfg.syndicate = 1;
	if (cli_check_config(&cfg) != 0)
		return EXIT_USAGE;
	{
		rp_config resolved = cfg;
		rp_config_resolve(&resolved);
		o.synd = resolved.syndicate;
	}
	st = rp_ctx_new(&rd.ctx, &cfg);
	if (st != RP_OK) {
		cli_error("cannot start: %s", rp_ctx_errmsg(rd.ctx));
		rp_ctx_free(rd.ctx);
		return EXIT_RUNTIME;
	}
	rd.quiet = io.quiet;
	if (o.bp_model && load_model(rd.ctx, o.bp_model) != 0) {
		rp_ctx_free(rd.ctx);
		return EXIT_RUNTIME;
	}
	t0 = now_s();
	rc = cli_read_all(&rd, argv + optind, argc - optind, &io, o.skipped);
	t_read = now_s() - t0;
	if (rc == EXIT_OK && (st = rp_ctx_run(rd.ctx)) != RP_OK) {
		cli_error("%s", rp_ctx_errmsg(rd.ctx));
		rc = EXIT_RUNTIME;
	}
	if (rc == EXIT_OK && !io.quiet)
		warn_decoding(rd.ctx);
	t0 = now_s();
	if (rc == EXIT_OK && o.clusters &&
	    write_clusters(rd.ctx, o.clusters, o.jsonl, o.synd))
		rc = EXIT_RUNTIME;
	if (rc == EXIT_OK && o.origins && cli_write_origins(rd.ctx, o.origins))
		rc = EXIT_RUNTIME;
	if (rc == EXIT_OK && (o.report || o.graph || o.outlets) &&
	    write_syndication(rd.ctx, &o))
		rc = EXIT_RUNTIME;
	if (rc == EXIT_OK && o.pairs) {
		rp_stats ps;
		rp_ctx_stats(rd.ctx, &ps);
		if (cli_write_pairs(rd.ctx, o.pairs, o.jsonl, o.pair_ids,
				    ps.threads) != 0)
			rc = EXIT_RUNTIME;
	}
	if (rc == EXIT_OK && o.bp_model && save_model(rd.ctx, o.bp_model))
		rc = EXIT_RUNTIME;
	if (rc == EXIT_OK && o.bp_report &&
	    write_bp_report(rd.ctx, o.bp_report))
		rc = EXIT_RUNTIME;
	if (rc == EXIT_OK && (o.keep || o.remove) &&
	    write_keep_remove(rd.ctx, &o))
		rc = EXIT_RUNTIME;
	sum = (o.clusters && !strcmp(o.clusters, "-")) ||
			      (o.origins && !strcmp(o.origins, "-")) ||
			      (o.report && !strcmp(o.report, "-")) ||
			      (o.graph && !strcmp(o.graph, "-")) ||
			      (o.outlets && !strcmp(o.outlets, "-")) ||
			      (o.pairs && !strcmp(o.pairs, "-")) ||
			      (o.keep && !strcmp(o.keep, "-")) ||
			      (o.remove && !strcmp(o.remove, "-"))
		      ? stderr
		      : stdout;
	if (rc == EXIT_OK && !io.quiet)
		print_summary(sum, rd.ctx, &rd, o.show);
	t_write = now_s() - t0;
	if (rc == EXIT_OK && o.stats)
		print_stats(rd.ctx, t_read, t_write);
	rp_ctx_free(rd.ctx);
	return rc;
}
