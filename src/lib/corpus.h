/* corpus.h - the rp_ctx internals shared by corpus.c (adding and signing)
 * and match.c (candidates, verification, clusters, pairs). */
#ifndef RP_CORPUS_H
#define RP_CORPUS_H

#include <pthread.h>
#include <stdatomic.h>

#include "arena.h"
#include "dupmap.h"
#include "common.h"
#include "lsh.h"
#include "page.h"
#include "signer.h"
#include "syndicate.h"

typedef struct rp__docrec {
	const char *id, *outlet, *date, *url;
	const char *encoding; /* charset asked for, or NULL */
	const char *charset;  /* charset read as */
	size_t decode_errors, first_bad;
	/* folded-line hashes (boilerplate pass), then n_lines more of the
	 * same lines without digits */
	const uint64_t *lines;
	uint32_t n_lines;
	uint32_t furniture_lines, boilerplate_lines;
	uint64_t group; /* outlet or template group */
	const char *group_name;
	const char *page_date, *page_source, *page_title, *page_url;
	const char *page_site; /* masthead and footer lines (rp__meta.site) */
	const char *page_dateline; /* the line its date is on */
	rp__date page_when;        /* the page's date as a value (meta.c) */
	unsigned char date_amb;    /* RP__DATE_AMB_* when that is ambiguous */
	unsigned char date_order;  /* RP__ORDER_* the page shows */
	size_t bytes;
	size_t text_off; /* offset in the batch while unsigned */
	const uint32_t *set;
	uint32_t set_len;
	uint64_t head_line;   /* hash of its first kept line, folded: its
				 headline, mostly (0: none) */
	int cut_mark;         /* says the story goes on elsewhere */
	const uint32_t *meta; /* shingles of its bylines (rp__page.meta) */
	uint32_t n_meta;
	const uint32_t *figs; /* its figures (rp__page.figs) */
	uint32_t n_figs;
	uint32_t invalid;
	uint32_t flags;
	uint32_t add_index; /* its order of arrival, and its row in mh */
	uint32_t mh_row;    /* the row with its MinHash values: its own, or
			       the first document's with the same text */
	uint32_t cps;       /* code points after folding */
	uint64_t simhash, text_hash;
} rp__docrec;

typedef struct rp__edge {
	uint32_t a, b, common; /* representatives, a < b */
} rp__edge;

typedef struct rp__bp_seen {
	uint64_t key;      /* rp__bp_key(group, line) */
	const char *group; /* the page's group name */
	const char *text;  /* the line as first met */
} rp__bp_seen;

typedef struct rp__worker {
	rp_signer signer;
	rp__arena sets; /* shingle sets signed by this thread */
	uint64_t ns, ns_fold, ns_learn, cps, shingles;
	rp_status st; /* first hard error met */
	uint32_t err_doc;
	rp__bp_seen *seen; /* learned lines met while signing */
	size_t n_seen, seen_cap;
	char err[RP__ERRMSG_CAP];
} rp__worker;

/* A range of documents signed by the worker threads; text_off of each is
 * an offset into text. */
typedef struct rp__sign_job {
	rp_ctx *ctx;
	const char *text;
	uint32_t first, last;
	atomic_uint next;
} rp__sign_job;

struct rp_ctx {
	rp_config cfg;
	rp_lsh_params lsh;
	unsigned threads;
	int ran;
	/* why rp_ctx_new failed (RP_OK: it did not); such a handle holds
	 * nothing but itself and refuses every call with this status */
	rp_status failed;
	char err[RP__ERRMSG_CAP];
	rp__arena strings;   /* ids and metadata */
	rp__worker *workers; /* one per thread */
	rp__docrec *docs;
	size_t docs_cap;
	uint32_t n;
	uint32_t *mh; /* perms values per document, by add_index */
	size_t mh_cap;
	char *batch; /* texts waiting to be signed */
	size_t batch_len, batch_cap;
	uint32_t batch_first;
	/* the batch signed in the background while the next one fills */
	char *signing;
	size_t signing_cap;
	size_t budget;   /* memory budget of the run (cfg.max_memory) */
	size_t sets_est; /* room the documents added will take once signed */
	rp__sign_job bg;
	pthread_t bg_thread;
	int bg_on;
	rp__dupmap dup; /* folded texts signed so far (while signing) */
	/* after run */
	uint32_t *rep;      /* identical-text representative of each doc */
	uint32_t *grp_next; /* next member of the same group, or NONE */
	rp__edge *edges;    /* verified pairs of representatives */
	size_t n_edges;
	uint32_t *adj_off; /* CSR adjacency of edges, per representative */
	uint32_t *adj;     /* neighbour representative */
	uint32_t *adj_common;
	uint32_t *cluster, *csize;
	uint32_t n_clusters;
	uint64_t n_pairs;
	rp__bpset learned; /* boilerplate learned from the corpus */
	uint64_t *learned_keys;
	uint32_t *learned_pages; /* pages of its group each key is on */
	uint64_t *model_keys;    /* imported: learned keys, sorted */
	uint32_t *model_key_pages;
	size_t n_model_keys;
	uint64_t *model_lines; /* imported: template lines, sorted */
	uint32_t *model_line_pages;
	size_t n_model_lines;
	uint64_t *tmpl; /* template lines of this run and the model */
	uint32_t *tmpl_pages;
	size_t n_tmpl;
	rp__bp_seen *bp_lines; /* the report: one per learned line met */
	size_t n_bp_lines;
	rp__synd_doc *synd; /* per document: origin, kind, ... (syndicate.c) */
	struct rp__pubtime *when; /* per document: its publish time */
	rp_stats stats;
};

/* syndicate.c: origins and reprints, after clustering. */
rp_status rp__syndicate_run(rp_ctx *ctx);
void rp__syndicate_release(rp_ctx *ctx);

/* match.c: everything after signing. */
rp_status rp__match_run(rp_ctx *ctx);
void rp__match_release(rp_ctx *ctx);

/* Bytes a run holds, with what its documents will take once signed
 * (the memory budget, cfg.max_memory). */
size_t rp__ctx_held(const rp_ctx *ctx);

#endif
