/* headline.h - a story's updates under its headline (see headline.c). */
#ifndef RP_HEADLINE_H
#define RP_HEADLINE_H

#include "corpus.h"

/* Add to ctx->edges the pairs of items under one headline, close in
 * time, that share enough text (kept sorted by (a, b)). */
rp_status rp__headline_edges(rp_ctx *ctx);

#endif
