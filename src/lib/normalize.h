/* normalize.h - folding text before shingling (see normalize.c). */
#ifndef RP_NORMALIZE_H
#define RP_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "reprint.h"
#include "utf8.h"

typedef struct rp__norm {
	rp_norm mode;
	size_t limit; /* largest folded output, bytes */
	char *out;    /* folded UTF-8 */
	size_t out_cap;
	uint32_t *starts; /* byte offset of each code point, cps + 1 */
	size_t starts_cap;
	int32_t *ubuf; /* utf8proc scratch */
	size_t ubuf_cap;
	/* results of the last run */
	size_t out_len, cps, invalid, nul;
	int ascii; /* 1: one byte per code point, starts unused */
	int t2s;   /* fold Traditional to Simplified */
	const uint32_t *t2s_table; /* fetched on the first ideograph */
	int no_table;              /* it could not be built (out of memory) */
	int refold;   /* the output holds marks that may join a neighbour */
	int may_join; /* the last run's output held one: folded beside other
			 text, it may fold differently */
	char *again;  /* the output, folded again from here (refold) */
	size_t again_cap;
	uint32_t *bmp; /* text mode: how each BMP code point folds alone
			  (normalize.c), filled as code points are met */
} rp__norm;

void rp__norm_init(rp__norm *nm, rp_norm mode, size_t limit);
void rp__norm_release(rp__norm *nm);
rp_status rp__norm_run(rp__norm *nm, const char *text, size_t len);

/* Make room for `more` bytes and code points of output. */
rp_status rp__norm_reserve(rp__norm *nm, size_t more);

/* Append code point cp to the output (room reserved). */
static inline void rp__norm_put_cp(rp__norm *nm, uint32_t cp)
{
	if (!nm->ascii)
		nm->starts[nm->cps] = (uint32_t)nm->out_len;
	nm->out_len += rp__utf8_encode(cp, nm->out + nm->out_len);
	nm->cps++;
}

/* The lower-space mode's run (normalize_space.c). */
rp_status rp__norm_lower_space(rp__norm *nm, const unsigned char *s,
			       size_t len);

/* Whether the text mode keeps code point cp (letters, marks, digits,
 * symbols) or drops it (whitespace, punctuation, controls, format). */
int rp__norm_keeps(int32_t cp);

#endif
