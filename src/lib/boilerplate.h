/* boilerplate.h - learning what repeats across the pages of one outlet
 * (see boilerplate.c). */
#ifndef RP_BOILERPLATE_H
#define RP_BOILERPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "reprint.h"

typedef struct rp__bp_doc {
	const uint64_t *lines;  /* folded-line hashes, in page order */
	const uint64_t *masked; /* the same without digits: name templates */
	uint32_t n;
	uint64_t outlet;     /* hash of the given outlet, or 0 */
	uint64_t group;      /* out: the group the page was put in */
	int inferred;        /* out: 1 when the group was inferred */
	uint64_t head, tail; /* out: the lines that named the template */
} rp__bp_doc;

typedef struct rp__bp_params {
	uint32_t min_docs;   /* a line in at least this many pages ... */
	double min_share;    /* ... and this share of its group's pages */
	uint32_t edge_lines; /* lines at each end that name a template */
	uint64_t seed;
	/* lines known from a saved model to name templates, sorted by line,
	 * with the pages they were on: they count as if seen that often */
	const uint64_t *model_lines;
	const uint32_t *model_pages;
	size_t n_model;
} rp__bp_params;

typedef struct rp__bp_result {
	uint64_t *keys;       /* sorted rp__bp_key(group, line) */
	uint32_t *pages;      /* pages of its group each line is on */
	uint64_t *tmpl;       /* lines that named a template (head, tail) */
	uint32_t *tmpl_pages; /* pages of the template they named */
	size_t n_tmpl;
	size_t n;
	uint64_t groups, inferred_docs, ungrouped_docs;
} rp__bp_result;

rp_status rp__bp_learn(rp__bp_doc *docs, uint32_t n, const rp__bp_params *p,
		       rp__bp_result *out);

#endif
