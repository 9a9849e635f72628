/* signer.h - internals of rp_signer shared with the corpus code. */
#ifndef RP_SIGNER_H
#define RP_SIGNER_H

#include "common.h"
#include "normalize.h"
#include "sketch.h"

struct rp_signer {
	rp_config cfg;
	rp__norm norm;
	uint64_t *hashes; /* shingle hashes of the last text */
	size_t hashes_cap;
	uint32_t *set; /* sorted distinct fingerprints */
	size_t set_cap;
	uint32_t count[RP__SET_COUNT]; /* counting-sort scratch */
	uint32_t minhash[RP_MAX_PERMS];
	char err[RP__ERRMSG_CAP];
};

/* Initialise an embedded signer (no allocation until first use). */
void rp__signer_init(rp_signer *s, const rp_config *cfg);
void rp__signer_release(rp_signer *s);

#endif
