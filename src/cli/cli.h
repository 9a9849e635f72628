/* cli.h - what the reprint commands share: option parsing, output files,
 * escaping, messages. The commands use only the public reprint.h. */
#ifndef RP_CLI_H
#define RP_CLI_H

#include <stdio.h>

#include "input.h"
#include "reprint.h"

/* Exit codes (documented in the README and in --help). */
#define EXIT_OK      0
#define EXIT_RUNTIME 1
#define EXIT_USAGE   2

/* Long-option codes shared by the commands (outside the char range). */
enum {
	OPT_NORM = 256,
	OPT_NGRAM,
	OPT_PERMS,
	OPT_THRESHOLD,
	OPT_CONTAINMENT,
	OPT_EXCERPT_RATIO,
	OPT_BANDS,
	OPT_ROWS,
	OPT_BUCKET_CAP,
	OPT_SEED,
	OPT_MAX_DOC,
	OPT_MAX_MEMORY,
	OPT_MAX_LINE,
	OPT_JSONL,
	OPT_ID_FIELD,
	OPT_TEXT_FIELD,
	OPT_OUTLET_FIELD,
	OPT_DATE_FIELD,
	OPT_URL_FIELD,
	OPT_TITLE_FIELD,
	OPT_ID_FROM,
	OPT_FORMAT,
	OPT_PAIR_FIELDS,
	OPT_EXPLAIN,
	OPT_CLUSTERS,
	OPT_ORIGINS,
	OPT_SKIPPED,
	OPT_REPORT,
	OPT_GRAPH,
	OPT_GRAPH_MIN,
	OPT_GRAPH_TOP,
	OPT_OUTLETS,
	OPT_PAIRS,
	OPT_KEEP,
	OPT_REMOVE,
	OPT_SHOW,
	OPT_STATS,
	OPT_FOLDED,
	OPT_MIN_PASSAGE,
	OPT_BP_REPORT,
	OPT_BP_MODEL,
	OPT_ENCODING,
	OPT_ENCODING_FIELD,
	OPT_NO_T2S,
	OPT_NO_FURNITURE,
	OPT_NO_BOILERPLATE,
	OPT_SYNDICATE,
	OPT_NO_SYNDICATE,
	OPT_NO_FIGURES,
	OPT_NO_HEADLINES,
	OPT_FURNITURE,
	OPT_BOILERPLATE,
	OPT_BP_MIN_DOCS,
	OPT_BP_MIN_SHARE,
	OPT_OUTLET_FROM,
	OPT_HELP
};

/* getopt_long entries for the shared options, ending the command's own
 * table: CLI_COMMON_OPTIONS, {0, 0, 0, 0}. */
/* clang-format off */
#define CLI_COMMON_OPTIONS                                        \
	{"norm", 1, 0, OPT_NORM},                                 \
	{"ngram", 1, 0, OPT_NGRAM},                               \
	{"perms", 1, 0, OPT_PERMS},                               \
	{"threshold", 1, 0, OPT_THRESHOLD},                       \
	{"containment", 1, 0, OPT_CONTAINMENT},                   \
	{"excerpt-ratio", 1, 0, OPT_EXCERPT_RATIO},               \
	{"bands", 1, 0, OPT_BANDS},                               \
	{"rows", 1, 0, OPT_ROWS},                                 \
	{"bucket-cap", 1, 0, OPT_BUCKET_CAP},                     \
	{"seed", 1, 0, OPT_SEED},                                 \
	{"max-doc-bytes", 1, 0, OPT_MAX_DOC},                     \
	{"max-memory", 1, 0, OPT_MAX_MEMORY},                     \
	{"max-line-bytes", 1, 0, OPT_MAX_LINE},                   \
	{"jsonl", 0, 0, OPT_JSONL},                               \
	{"id-field", 1, 0, OPT_ID_FIELD},                         \
	{"text-field", 1, 0, OPT_TEXT_FIELD},                     \
	{"outlet-field", 1, 0, OPT_OUTLET_FIELD},                 \
	{"date-field", 1, 0, OPT_DATE_FIELD},                     \
	{"url-field", 1, 0, OPT_URL_FIELD},                       \
	{"title-field", 1, 0, OPT_TITLE_FIELD},                   \
	{"id-from", 1, 0, OPT_ID_FROM},                           \
	{"outlet-from", 1, 0, OPT_OUTLET_FROM},                   \
	{"encoding", 1, 0, OPT_ENCODING},                         \
	{"encoding-field", 1, 0, OPT_ENCODING_FIELD},             \
	{"no-t2s", 0, 0, OPT_NO_T2S},                             \
	{"no-furniture", 0, 0, OPT_NO_FURNITURE},                 \
	{"no-boilerplate", 0, 0, OPT_NO_BOILERPLATE},             \
	{"syndicate", 0, 0, OPT_SYNDICATE},                       \
	{"no-syndicate", 0, 0, OPT_NO_SYNDICATE},                 \
	{"no-figures", 0, 0, OPT_NO_FIGURES},                     \
	{"no-headlines", 0, 0, OPT_NO_HEADLINES},                 \
	{"furniture", 0, 0, OPT_FURNITURE},                       \
	{"boilerplate", 0, 0, OPT_BOILERPLATE},                   \
	{"boilerplate-min-docs", 1, 0, OPT_BP_MIN_DOCS},          \
	{"boilerplate-min-share", 1, 0, OPT_BP_MIN_SHARE},        \
	{"threads", 1, 0, 'j'},                                   \
	{"quiet", 0, 0, 'q'},                                     \
	{"help", 0, 0, OPT_HELP}
/* clang-format on */

/* Help text of the shared options. */
extern const char cli_common_help[];

/* Handle a shared option; 0 = handled, 1 = not a shared option,
 * -1 = bad value (message printed). */
int cli_common_opt(int code, const char *arg, rp_config *cfg, input_opts *io);

/* rp_config_check with the message printed; 0 when valid. */
int cli_check_config(const rp_config *cfg);

void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Output file: "-" is stdout. NULL (message printed) on failure. */
FILE *cli_open_out(const char *path);
/* Close (not stdout), 0 or -1 with a message naming path. */
int cli_close_out(FILE *f, const char *path);

/* Write s as a JSON string literal (with quotes). */
void cli_json_str(FILE *f, const char *s);
/* s[0..n) escaped as cli_tsv_str (json 0) or inside cli_json_str's quotes
 * (json 1) into dst, which has room for 6 n bytes; returns its length. */
size_t cli_escape(char *dst, const char *s, size_t n, int json);
/* v as "%.6f" into 32 bytes and as "%llu" into 24, without printf on the
 * common path; they return the length written */
size_t cli_fmt_fixed6(char *dst, double v);
size_t cli_fmt_uint(char *dst, unsigned long long v);

/* Write every verified pair of ctx to path ("-": stdout) as --pairs does:
 * TSV or JSONL, all columns or the ids alone. Pairs are formatted on
 * `threads` threads while a writer thread writes the previous round; the
 * bytes are the same as one thread would write. Returns 0, or -1 after a
 * message. */
int cli_write_pairs(rp_ctx *ctx, const char *path, int jsonl, int ids_only,
		    unsigned threads);
/* synd_out.c: "original", "full", ... for an RP_KIND_*; the reprint
 * members of a --format jsonl cluster line; --origins
 * (cluster_id<TAB>origin_id for every cluster). */
const char *cli_kind_name(int kind);
void cli_json_synd(FILE *f, rp_ctx *ctx, const rp_doc_info *d);
int cli_write_origins(rp_ctx *ctx, const char *path);

/* outlet_graph.c: flows of stories between outlets (see the file). */
typedef struct cli_edge {
	const char *from, *to; /* outlet copied, outlet copying */
	uint32_t stories, reprints, undeclared;
	int64_t median_lag; /* minutes after the page copied; INT64_MIN
			       when no lag is known */
} cli_edge;

typedef struct cli_outlet {
	const char *name;
	uint32_t originated, reprints, undeclared;
	size_t lag_known;   /* reprints with a known lag */
	int64_t median_lag; /* of those; INT64_MIN when none */
} cli_outlet;

typedef struct cli_graph cli_graph;
cli_graph *cli_graph_build(rp_ctx *ctx); /* NULL: out of memory */
void cli_graph_free(cli_graph *g);
const cli_edge *cli_graph_edges(const cli_graph *g, size_t *n);
const cli_outlet *cli_graph_outlets(const cli_graph *g, size_t *n);
int cli_write_outlets(const cli_graph *g, const char *path);
/* The graph in DOT: each outlet's `top` largest sources (0: all) that
 * carry min_stories or more. */
int cli_write_graph(const cli_graph *g, const char *path, unsigned min_stories,
		    unsigned top);
/* A lag in minutes as "2d 3h", "5h 20m" or "45m" ("-": INT64_MIN). */
void cli_fmt_lag(FILE *f, int64_t minutes);
/* synd_out.c, --report: the outlet summary of g and every story with
 * its pages. */
int cli_write_report(rp_ctx *ctx, const cli_graph *g, const char *path);

/* Write s for a TSV field: tab, newline, CR and backslash escaped. */
void cli_tsv_str(FILE *f, const char *s);

/* Read all documents of paths into ctx, printing skip warnings. Returns
 * EXIT_OK or EXIT_RUNTIME. */
typedef struct cli_reader {
	rp_ctx *ctx;
	input_stats in;
	uint64_t rejected; /* refused by the library (e.g. over a cap) */
	FILE *skipped;     /* the --skipped list, or NULL */
	int failed;        /* a hard library error stopped reading */
	int quiet;
} cli_reader;
/* Read every path into r->ctx; with skipped_path, every input that
 * gives no document is listed there (input_skipped_row). */
int cli_read_all(cli_reader *r, char **paths, int npaths, const input_opts *io,
		 const char *skipped_path);

#endif
