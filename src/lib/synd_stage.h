/*
 * synd_stage.h - the syndication stage's working state and the steps its
 * files give each other; included by those files only: syndicate.c (the
 * run), synd_names.c (outlets and sources by name), synd_time.c (story
 * times), synd_origin.c (the origin), synd_describe.c (each member
 * against the origin) and synd_kind.c (what a reprint changed).
 */
#ifndef RP_SYND_STAGE_H
#define RP_SYND_STAGE_H

#include <stdint.h>

#include "corpus.h"
#include "normalize.h"

#define RP__SYND_NONE     UINT32_MAX
#define RP__SYND_PAIR_CAP 32 /* pages compared pairwise within a cluster */

/* A publish time as a day and a minute of that day (synd_time.c). */
typedef struct rp__synd_when {
	int64_t day;
	int minute; /* -1: no time of day */
	int known;
} rp__synd_when;

typedef struct rp__synd {
	rp_ctx *ctx;
	rp__norm nm;
	uint64_t *src; /* folded-name hash of the source each page names */
	uint64_t *own; /* ... and of its own outlet (0: unknown) */
	rp__synd_when *when;
	struct rp__synd_name *names; /* declared names (synd_names.c) */
	size_t n_names, names_cap;
	/* shingles a reprint and its origin do not share, waiting to be
	 * told outlet habits (synd_kind.c) */
	struct rp__synd_excl *q;
	size_t n_q, q_cap;
	int failed;
} rp__synd;

/* synd_names.c: every page's own outlet and the source it names, as
 * folded-name hashes (y->own, y->src; shown names into ctx->synd);
 * in_cluster marks the pages of clusters of two or more. */
void rp__synd_names_init(rp__synd *y);
rp_status rp__synd_outlets(rp__synd *y, const uint8_t *in_cluster);
/* Is the source page d names one of its own names (masthead, footer)? */
int rp__synd_names_itself(rp__synd *y, uint32_t d);
void rp__synd_names_release(rp__synd *y);

/* synd_time.c: y->when of the members mem[0..k) of one story. */
void rp__synd_story_times(rp__synd *y, const uint32_t *mem, uint32_t k);

/* synd_origin.c: the origin of the members mem[0..k); c has room for 2k
 * values and srcs for k. */
uint32_t rp__synd_pick_origin(rp__synd *y, const uint32_t *mem, uint32_t k,
			      uint32_t *c, uint64_t *srcs);

/* Members in the order they may have copied each other: the origin, then
 * by publish time (pages without one last), then by number. */
typedef struct rp__synd_ranked {
	int64_t day;
	int minute;
	uint32_t doc;
} rp__synd_ranked;

/* synd_describe.c: each member's origin, lag, declared source, parent
 * and kind (or its kind pending, see synd_kind.c); r has room for k. */
void rp__synd_describe(rp__synd *y, uint32_t o, const uint32_t *mem, uint32_t k,
		       rp__synd_ranked *r);

/* synd_kind.c: shingles the texts of pages a and b share, their Jaccard
 * similarity; the kind of reprint d of o, now (plain texts) or pending
 * until rp__synd_settle_kinds has counted what the reprints changed. */
double rp__synd_common(const rp_ctx *ctx, uint32_t a, uint32_t b);
double rp__synd_jaccard(const rp_ctx *ctx, uint32_t a, uint32_t b);
void rp__synd_kind_begin(rp__synd *y, uint32_t d, uint32_t o);
void rp__synd_settle_kinds(rp__synd *y);

#endif
