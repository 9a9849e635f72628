/* template.h - containment on what a story says (see template.c). */
#ifndef RP_TEMPLATE_H
#define RP_TEMPLATE_H

#include "corpus.h"

/* Drop from ctx->edges the pairs joined by containment alone whose
 * smaller side shares only its source's phrasing with the larger one. */
rp_status rp__template_filter(rp_ctx *ctx);

#endif
