/*
 * reprint.h - the one public header of libreprint.
 *
 * libreprint finds the same story published more than once: documents are
 * normalized, shingled into character n-grams, signed with MinHash and
 * SimHash (xxh3 as the base hash), bucketed with LSH, verified exactly on
 * their shingle sets and clustered.
 *
 * Conventions: every fallible call returns an rp_status (0 = RP_OK; the
 * numbers never change); the detailed message is on the handle
 * (rp_ctx_errmsg, rp_signer_errmsg). The library never prints, exits or
 * aborts. Inputs are borrowed and copied when kept; results are views owned
 * by the handle that produced them. A handle is used by one thread at a time.
 */
#ifndef REPRINT_H
#define REPRINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* RP_API marks what libreprint exports; everything else in the library is
 * built with hidden visibility and stays internal. */
#if defined(__GNUC__) && __GNUC__ >= 4
#define RP_API __attribute__((visibility("default")))
#else
#define RP_API
#endif

#define RP_VERSION_MAJOR  0
#define RP_VERSION_MINOR  2
#define RP_VERSION_PATCH  0
#define RP_VERSION_STRING "0.2.0"

/* Version of the library actually linked. */
RP_API const char *rp_version(void);

/* Status codes: X(name, number, message). Numbers are fixed forever. */
#define RP_STATUS_TABLE(X)                                                \
	X(RP_OK, 0, "success")                                            \
	X(RP_ENOMEM, 1, "out of memory")                                  \
	X(RP_EINVAL, 2, "invalid argument")                               \
	X(RP_ETOOBIG, 3, "input exceeds a configured limit")              \
	X(RP_ESTATE, 4, "call not allowed in the handle's current state") \
	X(RP_ETHREAD, 5, "cannot start a worker thread")                  \
	X(RP_EINPUT, 6, "malformed input")

typedef enum rp_status {
#define RP__STATUS_ENUM(name, num, msg) name = num,
	RP_STATUS_TABLE(RP__STATUS_ENUM)
#undef RP__STATUS_ENUM
} rp_status;

/* Short fixed description of a status code ("out of memory"). */
RP_API const char *rp_status_str(rp_status st);

/* How text is folded before shingling. */
typedef enum rp_norm {
	/* NFKC + case fold; all whitespace, punctuation and control
	 * characters removed, so word-segmented and unsegmented copies of one
	 * text give identical shingles. */
	RP_NORM_TEXT = 0,
	/* Lowercase, whitespace runs to one space, trimmed; punctuation kept. */
	RP_NORM_LOWER_SPACE = 1
} rp_norm;

#define RP_MAX_PERMS 1024u
#define RP_MAX_NGRAM 64u

typedef struct rp_config {
	rp_norm norm;             /* RP_NORM_TEXT */
	unsigned ngram;           /* shingle width in code points (4) */
	unsigned perms;           /* MinHash values per document (128) */
	double threshold;         /* Jaccard that joins a pair (0.8) */
	double containment;       /* join when the smaller side is at least this
	                           contained in the larger; 0 = off;
	                           RP_CONTAINMENT_AUTO = 0.6 with RP_NORM_TEXT
	                           (news pages: excerpts), 0 with
	                           RP_NORM_LOWER_SPACE (Jaccard dedup) (auto) */
	unsigned containment_min; /* containment joins only when the smaller
	                             side has this many shingles (40) */
	double excerpt_ratio;     /* with containment: smallest size ratio of an
	                          excerpt to its original that LSH must still
	                          catch (0.5) */
	double lsh_recall;        /* probability that a pair at the LSH target
	                          similarity becomes a candidate (0.99) */
	unsigned bands, rows;     /* LSH shape; 0 = derived from the above */
	unsigned threads;         /* worker threads; 0 = all online cores */
	uint32_t bucket_cap;      /* largest LSH bucket enumerated (5000) */
	size_t max_doc_bytes;     /* largest document accepted (64 MiB) */
	size_t max_memory;        /* memory budget of a run, bytes: a document
	                          that would take the run past it is refused
	                          (RP_ETOOBIG), as is a run whose LSH index
	                          would; 0 = three quarters of the physical
	                          memory (0), SIZE_MAX = none */
	size_t batch_bytes;       /* text buffered before signing (8 MiB) */
	uint64_t seed;            /* seed of every hash (0) */
	const char *encoding;     /* charset of every input; NULL = detect
	                         (BOM, UTF-8, uchardet) (NULL) */
	int t2s;                  /* fold Traditional Chinese to Simplified in
	                         the text mode (1) */
	int furniture;            /* drop page furniture by the built-in rules
	                         (image placeholders, menus, share lines);
	                         RP_AUTO: on with RP_NORM_TEXT (auto) */
	int boilerplate;          /* learn furniture from the corpus: lines on
	                         many pages of one outlet; RP_AUTO: on with
	                         RP_NORM_TEXT (auto) */
	int syndicate;            /* after clustering, each cluster's origin and
	                         how every reprint relates to it (see
	                         rp_ctx_run); RP_AUTO: on with RP_NORM_TEXT */
	unsigned bp_min_docs;   /* a line on at least this many pages ... (3) */
	double bp_min_share;    /* ... and this share of them (0) */
	unsigned bp_edge_lines; /* lines at each end of a page that name its
	                           template when no outlet is given (5) */
	int figures;            /* a pair whose figures differ in place (each
	                           side has numbers the other lacks, for at
	                           least half of the smaller side's figures)
	                           is two items of one template, not a copy;
	                           read on the page lines (furniture or
	                           boilerplate on); RP_AUTO: on with
	                           RP_NORM_TEXT */
	int headlines;          /* items under one headline, published within
	                           a day of each other, join when the smaller
	                           shares 30% of its shingles with the other
	                           (a wire's updates); a headline over items of
	                           three days or more names a column and counts
	                           for nothing; RP_AUTO: on with RP_NORM_TEXT */
} rp_config;

#define RP_CONTAINMENT_AUTO (-1.0)
#define RP_AUTO             (-1) /* for the int switches: on with RP_NORM_TEXT */

/* Fill *cfg with the defaults shown above. */
RP_API void rp_config_init(rp_config *cfg);

/* Replace "auto" values by what they mean for this configuration (done
 * by every handle on its own copy; for callers that want to show them). */
RP_API void rp_config_resolve(rp_config *cfg);

/* Check a configuration; on failure a message naming the bad value is
 * written to msg (cap bytes, NUL-terminated) when msg is not NULL. */
RP_API rp_status rp_config_check(const rp_config *cfg, char *msg, size_t cap);

/* ---------------------------------------------------------------------
 * Signing one text (no corpus): rp_signer
 * ------------------------------------------------------------------- */

typedef struct rp_signer rp_signer;

typedef struct rp_signature {
	const char *normalized; /* folded text, UTF-8, not terminated */
	size_t normalized_len;  /* bytes */
	size_t codepoints;      /* code points in the folded text */
	size_t invalid_utf8;    /* ill-formed sequences replaced by U+FFFD */
	size_t shingles;        /* shingle occurrences hashed */
	const uint32_t *set;    /* distinct shingle fingerprints, sorted */
	size_t set_len;
	const uint32_t *minhash; /* perms values */
	unsigned perms;
	uint64_t simhash;       /* 64-bit SimHash (Charikar) */
	uint64_t text_hash;     /* xxh3 of the folded text */
	const char *charset;    /* charset the bytes were read as */
	size_t decode_errors;   /* input bytes that could not be decoded */
	size_t first_bad;       /* byte offset of the first of them */
	size_t furniture_lines; /* lines dropped by the built-in rules */
	/* what the page says of itself ("" when it does not say) */
	const char *page_date;   /* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
	const char *page_source; /* the outlet it names as its source */
	const char *page_title;
	const char *page_url;
} rp_signature;

/* Make a signer for cfg (copied). As SQLite's open, a failure still
 * gives a handle whenever one can be allocated: with a configuration
 * error, *out is a signer whose rp_signer_errmsg says what is wrong (the
 * text rp_config_check writes) and the status is RP_EINVAL; such a
 * signer refuses every call with that status, its message unchanged.
 * Free it with rp_signer_free whatever the status. *out is NULL only when
 * the signer itself cannot be allocated (RP_ENOMEM) or out is NULL
 * (RP_EINVAL). */
RP_API rp_status rp_signer_new(rp_signer **out, const rp_config *cfg);
RP_API void rp_signer_free(rp_signer *s);
/* The message of the last failure on s ("" before any); for a NULL
 * signer, the one failure that leaves none: "out of memory". */
RP_API const char *rp_signer_errmsg(const rp_signer *s);

/* Decode and fold only; *out and *out_len stay valid until the next
 * call. */
RP_API rp_status rp_signer_normalize(rp_signer *s, const char *text, size_t len,
				     const char **out, size_t *out_len);

/* Decode, fold, shingle and sign. The views in *sig stay valid until the
 * next call on the same signer. With want_set = 0 the sorted set is not
 * built (sig->set is NULL), which is all the MinHash/SimHash path needs.
 * rp_signer_sign_as reads the bytes in the given charset (NULL: as
 * configured). */
RP_API rp_status rp_signer_sign(rp_signer *s, const char *text, size_t len,
				int want_set, rp_signature *sig);
RP_API rp_status rp_signer_sign_as(rp_signer *s, const char *text, size_t len,
				   const char *charset, int want_set,
				   rp_signature *sig);

/* Passages two texts share (rp_signer_passages). Offsets are bytes of
 * each text as the signer read it (a_text, b_text: UTF-8, the input
 * itself when it was UTF-8); an end is one past the last byte. */
typedef struct rp_passage {
	size_t a_start, a_end, b_start, b_end;
	size_t codepoints; /* folded code points the passage holds */
} rp_passage;

typedef struct rp_span {
	size_t start, end;
} rp_span;

typedef struct rp_passages {
	rp_passage *v; /* shared passages, in the order of B */
	size_t n;
	rp_span *only_a; /* text of A in no passage (furniture aside) */
	size_t n_only_a;
	rp_span *only_b;
	size_t n_only_b;
	char *a_text, *b_text; /* the texts the offsets refer to */
	size_t a_len, b_len;
} rp_passages;

/* Find the passages of at least min_cps folded code points (0: the
 * n-gram width) that A and B share: each text decoded and stripped of
 * furniture lines as for signing, folded, and matched as maximal runs.
 * Free *out with rp_passages_free. */
RP_API rp_status rp_signer_passages(rp_signer *s, const char *a, size_t a_len,
				    const char *b, size_t b_len, size_t min_cps,
				    rp_passages *out);
RP_API void rp_passages_free(rp_passages *p);

typedef struct rp_similarity {
	double jaccard;        /* exact, on the shingle sets */
	double contain_a;      /* |A & B| / |A| */
	double contain_b;      /* |A & B| / |B| */
	double minhash_est;    /* share of equal MinHash values */
	unsigned simhash_dist; /* Hamming distance of the SimHashes */
	size_t common;         /* |A & B| */
} rp_similarity;

/* Compare two signatures that were made with sets (want_set = 1) and the
 * same configuration. */
RP_API rp_status rp_similarity_of(const rp_signature *a, const rp_signature *b,
				  rp_similarity *out);

/* LSH shape for a configuration, and the S-curve 1-(1-s^r)^b. */
typedef struct rp_lsh_params {
	unsigned bands, rows;
	double target;   /* similarity the shape was chosen for */
	double p_target; /* probability a pair at target is a candidate */
} rp_lsh_params;

RP_API rp_status rp_lsh_params_for(const rp_config *cfg, rp_lsh_params *out);
RP_API double rp_lsh_probability(unsigned bands, unsigned rows, double s);

/* ---------------------------------------------------------------------
 * A corpus: rp_ctx
 * ------------------------------------------------------------------- */

typedef struct rp_ctx rp_ctx;

/* One input document. Every string is borrowed for the duration of the
 * call; id and text are required (text may be empty), the rest may be
 * NULL. Strings other than text are NUL-terminated. */
typedef struct rp_doc {
	const char *id;
	const char *text;
	size_t text_len;
	const char *outlet;
	const char *date;
	const char *url;
	const char *encoding; /* charset of this text; NULL = as configured */
	/* its headline when it travels apart from the text (a JSONL field);
	 * read as the text's first line. NULL = none: a page's headline is
	 * in its text */
	const char *title;
} rp_doc;

/* Document flags (rp_doc_info.flags). */
#define RP_DOC_EMPTY         0x1u  /* nothing left after folding */
#define RP_DOC_SHORT         0x2u  /* shorter than one n-gram: one shingle */
#define RP_DOC_INVALID_UTF8  0x4u  /* ill-formed UTF-8 was replaced */
#define RP_DOC_DUP_ID        0x8u  /* another document has the same id */
#define RP_DOC_NUL           0x10u /* holds NUL bytes */
#define RP_DOC_FAILED        0x20u /* could not be folded; kept as empty */
#define RP_DOC_DECODE_ERRORS 0x40u /* some bytes could not be decoded */
#define RP_DOC_UNDECODABLE \
	0x80u /* most bytes could not be decoded: in
                                     the outputs, left out of matching */

/* How a page relates to its cluster's origin (rp_doc_info.kind). */
#define RP_KIND_SINGLE   0 /* alone in its cluster */
#define RP_KIND_ORIGINAL 1 /* the cluster's origin */
#define RP_KIND_FULL     2 /* the origin's text, unchanged */
#define RP_KIND_EXCERPT  3 /* a part of the origin, much shorter */
#define RP_KIND_EDITED   4 /* headline, notes or wording changed */

/* Precision of rp_doc_info.lag_minutes. */
#define RP_LAG_UNKNOWN 0 /* a publish time is missing */
#define RP_LAG_DAYS    1 /* whole days: a page gave no time of day */
#define RP_LAG_MINUTES 2

typedef struct rp_doc_info {
	const char *id;
	const char *outlet, *date, *url; /* NULL when not given */
	const char *charset;             /* charset the bytes were read as */
	size_t decode_errors;            /* bytes that could not be decoded */
	size_t first_bad;                /* byte offset of the first of them */
	size_t furniture_lines;          /* dropped by the built-in rules */
	size_t boilerplate_lines;        /* dropped as learned boilerplate */
	const char *group;       /* outlet given, or "~" + template key */
	const char *page_date;   /* read from the page ("" when absent) */
	const char *page_source; /* the outlet the page names as source */
	const char *page_title;
	const char *page_url;
	size_t bytes;        /* input text bytes */
	size_t set_len;      /* distinct shingles */
	size_t invalid_utf8; /* replaced sequences */
	uint64_t simhash;
	uint32_t cluster; /* 1-based cluster number */
	uint32_t cluster_size;
	uint32_t flags; /* RP_DOC_* */
	/* syndication (see rp_ctx_run): the outlet as named (given, or the
	 * name the page carries in its masthead or footer; "" unknown) */
	const char *outlet_name;
	uint32_t origin;     /* document number of its cluster's origin */
	uint32_t parent;     /* the page it most likely copied, or UINT32_MAX */
	int kind;            /* RP_KIND_* */
	int declared;        /* names the outlet it copied or the origin's */
	int lag_known;       /* RP_LAG_* */
	int64_t lag_minutes; /* publish time after the origin's */
	/* what a reprint changed against its origin, in shingles: added
	 * (in it, not in the origin) and dropped (the other way), bylines
	 * and its outlet's habits aside (lines its outlet carries on pages
	 * of other stories); UINT32_MAX when not counted (too different),
	 * 0 for an origin or a single page */
	uint32_t added_shingles, dropped_shingles;
} rp_doc_info;

typedef struct rp_pair {
	uint32_t a, b; /* document numbers, a < b */
	double jaccard;
	double contain_a, contain_b;
	unsigned simhash_dist;
} rp_pair;

/* Nanoseconds spent and work done per stage, summed over threads for the
 * parallel stages (sign, set, verify) and wall time otherwise. */
typedef struct rp_stats {
	uint64_t docs, bytes, codepoints, shingles;
	uint64_t empty_docs, short_docs, invalid_utf8_docs, invalid_utf8_seqs;
	uint64_t nul_docs, dup_id_docs;
	uint64_t converted_docs; /* read in a charset other than UTF-8 */
	uint64_t decode_error_docs, undecodable_docs;
	uint64_t furniture_lines, boilerplate_lines, boilerplate_keys;
	uint64_t template_groups, inferred_docs, ungrouped_docs;
	uint64_t exact_dup_docs; /* documents folded into an identical one */
	uint64_t buckets, buckets_capped, capped_members;
	/* the largest bucket over bucket_cap: its size and its first
	 * document (a document number, see rp_ctx_doc) */
	uint32_t capped_largest, capped_doc;
	uint64_t candidates, verified_pairs, pairs, clusters, clustered_docs;
	unsigned bands, rows, threads;
	uint64_t ns_sign, ns_set, ns_dedup, ns_lsh, ns_verify, ns_cluster;
	uint64_t ns_synd; /* origins, kinds, parents (rp_ctx_run) */
	uint64_t ns_total_wall;
	uint64_t ns_fold;  /* of ns_sign: decoding, page rules, folding (ns_set:
			      building the exact sets) */
	uint64_t ns_learn; /* learning boilerplate, pass 1: decoding and
			      hashing every page's lines */
	/* pairs left apart: two items of one template (their figures
	 * differ), or joined by containment on the phrasing alone */
	uint64_t figure_pairs, template_pairs;
	uint64_t headline_pairs; /* joined as updates under one headline */
} rp_stats;

/* Make a context for cfg (copied). As rp_signer_new, a failure still
 * gives a handle whenever one can be allocated: a configuration error
 * (RP_EINVAL, the text of rp_config_check) or no memory for the worker
 * threads' state (RP_ENOMEM) leaves in *out a context that says so in
 * rp_ctx_errmsg and refuses every call with that status, its message
 * unchanged (rp_ctx_doc_count and the other counts give 0). Free it
 * with rp_ctx_free whatever the status. *out is NULL only when the
 * context itself cannot be allocated (RP_ENOMEM) or out is NULL
 * (RP_EINVAL). */
RP_API rp_status rp_ctx_new(rp_ctx **out, const rp_config *cfg);
RP_API void rp_ctx_free(rp_ctx *ctx);
/* The message of the last failure on ctx ("" before any); for a NULL
 * context, the one failure that leaves none: "out of memory". */
RP_API const char *rp_ctx_errmsg(const rp_ctx *ctx);

/* Add a document. Signing happens in batches on the worker threads, so
 * adding is cheap until a batch fills. */
RP_API rp_status rp_ctx_add(rp_ctx *ctx, const rp_doc *doc);

/* Sign what is left, find candidates, verify and cluster. After this the
 * documents are numbered 0..n-1 in a canonical order (by id, then by
 * content), whatever the order they were added in.
 *
 * Then (cfg.syndicate) each cluster of two or more pages gets its
 * origin: the page published first (page_date, else the date given);
 * where times tie or are missing, the page whose outlet the others name
 * as their source; then a page not contained in another (an excerpt is
 * contained in its original); then the page most similar to the others;
 * then the lowest document number. Every other member is described
 * against it: lag, kind, declared, and the page it most likely copied
 * (the earlier member whose outlet it names, else the earlier member
 * most similar to it). */
RP_API rp_status rp_ctx_run(rp_ctx *ctx);

RP_API uint32_t rp_ctx_doc_count(const rp_ctx *ctx);
RP_API rp_status rp_ctx_doc(const rp_ctx *ctx, uint32_t i, rp_doc_info *out);
/* Distinct shingle fingerprints of document i, sorted (after run). */
RP_API rp_status rp_ctx_doc_set(const rp_ctx *ctx, uint32_t i,
				const uint32_t **set, size_t *len);
/* Verified pairs: every pair of documents whose Jaccard reaches the
 * threshold, or whose containment reaches cfg.containment, including every
 * pair inside a group of identical texts. */
RP_API uint64_t rp_ctx_pair_count(const rp_ctx *ctx);
/* Call fn once per verified pair, in order of (a, b); a nonzero return from
 * fn stops the walk, and rp_ctx_pairs returns RP_EINVAL with that noted in
 * the message. */
typedef int (*rp_pair_fn)(const rp_pair *pair, void *user);
RP_API rp_status rp_ctx_pairs(rp_ctx *ctx, rp_pair_fn fn, void *user);
/* The same for the pairs (a, b) with first <= a < last only. It reads the
 * context and nothing else, so several threads may walk different ranges
 * at once (writing pairs in parallel); it leaves no message on the
 * context: RP_ENOMEM, RP_EINVAL (fn stopped it) or RP_ESTATE (no run)
 * say what went wrong. */
RP_API rp_status rp_ctx_pairs_range(const rp_ctx *ctx, uint32_t first,
				    uint32_t last, rp_pair_fn fn, void *user);
RP_API uint32_t rp_ctx_cluster_count(const rp_ctx *ctx);

/* What was learned as boilerplate (after a run with cfg.boilerplate):
 * each line dropped for a group (an outlet given, or "~" and a template
 * key), with the number of that group's pages it is on. In a fixed order
 * (by the line's key), one entry per line and group. */
typedef struct rp_boilerplate_line {
	const char *group;
	const char *text;
	uint32_t pages;
} rp_boilerplate_line;

RP_API size_t rp_ctx_boilerplate_count(const rp_ctx *ctx);

/* Save what a run learned as boilerplate (after the run; *model is text,
 * freed with rp_free), and read a saved model into a context before its
 * run: its pages then find their outlets' templates and lose their
 * furniture as if the old pages were there, and what the run learns is
 * merged in. The seed and t2s must be those the model was made with. */
RP_API rp_status rp_ctx_boilerplate_export(const rp_ctx *ctx, char **model,
					   size_t *len);
RP_API rp_status rp_ctx_boilerplate_import(rp_ctx *ctx, const char *model,
					   size_t len);
RP_API void rp_free(void *p);
RP_API rp_status rp_ctx_boilerplate(const rp_ctx *ctx, size_t k,
				    rp_boilerplate_line *out);
RP_API void rp_ctx_stats(const rp_ctx *ctx, rp_stats *out);

#ifdef __cplusplus
}
#endif
#endif /* REPRINT_H */
