/* signer.h - internals of rp_signer shared with the corpus code. */
#ifndef RP_SIGNER_H
#define RP_SIGNER_H

#include "common.h"
#include "encoding.h"
#include "normalize.h"
#include "meta.h"
#include "page.h"
#include "sketch.h"

struct rp_signer {
	rp_config cfg;
	rp__decoder dec;
	rp__norm norm;
	rp__page page;
	rp__meta meta; /* what the last page says of itself */
	/* decoded text of the last page (page offsets point into it) */
	const char *last_text;
	uint64_t *hashes; /* shingle hashes of the last text */
	size_t hashes_cap;
	uint32_t *set; /* sorted distinct fingerprints */
	size_t set_cap;
	uint32_t count[RP__SET_COUNT]; /* counting-sort scratch */
	uint32_t minhash[RP_MAX_PERMS];
	uint64_t ns_set; /* time spent building sets, for the statistics */
	/* why rp_signer_new failed (RP_OK: it did not); such a signer
	 * refuses every call with this status */
	rp_status failed;
	char err[RP__ERRMSG_CAP];
};

/* Decode text as the signer reads it (BOM, UTF-8, detection, the
 * configured charset); dec->text stays valid until the next call. */
rp_status rp__signer_decode(rp_signer *s, const char *text, size_t len,
			    rp__decoded *dec);

/* Initialise an embedded signer (no allocation until first use). */
void rp__signer_init(rp_signer *s, const rp_config *cfg);
void rp__signer_release(rp_signer *s);

/* A page folded and not yet signed: how its bytes were decoded and how
 * many lines the rules and the learned boilerplate dropped; the folded
 * text is in the signer's norm. */
typedef struct rp__folded {
	rp__decoded dec;
	size_t rule_lines, learned_lines;
} rp__folded;

/* rp__signer_sign_page in two steps, so that a caller can look at the
 * folded text before paying for its signature. */
rp_status rp__signer_fold_page(rp_signer *s, const char *text, size_t len,
			       const char *charset, const rp__bpset *learned,
			       uint64_t group, rp__folded *f);
rp_status rp__signer_sign_folded(rp_signer *s, const rp__folded *f,
				 int want_set, rp_signature *sig);

/* Sign a page, dropping furniture by the rules (cfg.furniture) and the
 * lines of learned (when not NULL) for group. dec receives how the bytes
 * were decoded; sig->furniture_lines counts the rule drops and
 * *learned_lines the learned ones. */
rp_status rp__signer_sign_page(rp_signer *s, const char *text, size_t len,
			       const char *charset, const rp__bpset *learned,
			       uint64_t group, int want_set, rp_signature *sig,
			       size_t *learned_lines);

/* The folded-line hashes of a page, every line, for learning, and the
 * same without digits (masked); the views stay valid until the next
 * call. */
rp_status rp__signer_page_lines(rp_signer *s, const char *text, size_t len,
				const char *charset, const uint64_t **lines,
				const uint64_t **masked, size_t *n,
				rp__decoded *dec);

#endif
