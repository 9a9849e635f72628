/* pubtime.h - each document's publish time as a value (see pubtime.c). */
#ifndef RP_PUBTIME_H
#define RP_PUBTIME_H

#include <stdint.h>

#include "corpus.h"

typedef struct rp__pubtime {
	int64_t minute; /* since 1970-01-01 00:00 of the clock as printed */
	int zone;       /* minutes east of UTC, when zoned */
	unsigned char zoned;    /* the page named its zone */
	unsigned char has_time; /* 0: the day only (minute is its start) */
	unsigned char known;
} rp__pubtime;

/* The minute of t to compare by: UTC when utc (and t is zoned), else the
 * clock as printed. */
int64_t rp__pubtime_minute(const rp__pubtime *t, int utc);

/* The first date in the text s (any form date.c reads). */
rp__pubtime rp__pubtime_parse(const char *s);

/* ctx->when: every document's publish time (see pubtime.c). */
rp_status rp__pubtime_all(rp_ctx *ctx);

#endif
