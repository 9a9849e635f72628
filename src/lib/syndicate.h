/* syndicate.h - what each page of a cluster is to the others: origin,
 * reprint kind, declared source, lag, parent (see syndicate.c). */
#ifndef RP_SYNDICATE_H
#define RP_SYNDICATE_H

#include <stdint.h>

typedef struct rp__synd_doc {
	int64_t lag;      /* minutes after the origin */
	uint32_t origin;  /* document number of the cluster's origin */
	uint32_t parent;  /* the page it most likely copied, or UINT32_MAX */
	const char *name; /* its outlet as named ("" unknown) */
	uint32_t added, dropped; /* shingles against the origin's, outlet
				    habits aside (UINT32_MAX: not counted) */
	uint8_t kind;            /* RP_KIND_* */
	uint8_t declared;
	uint8_t lag_known; /* RP_LAG_* */
} rp__synd_doc;

#endif
