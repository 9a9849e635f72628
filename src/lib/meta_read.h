/* meta_read.h - what the files reading a page's metadata share (meta.c,
 * meta_dates.c, meta_byline.c); meta.h is their interface. */
#ifndef RP_META_READ_H
#define RP_META_READ_H

#include <stddef.h>

#include "date.h"
#include "meta.h"

#define TOP_LINES    60 /* metadata is looked for in the first lines ... */
#define DATELINE_MAX 80 /* bytes of a wire dateline before its dash */
#define FOOTER_LINES 8  /* a copyright line is among the last lines */
#define MAX_LINE     1024
#define CREDIT_MAX   64  /* bytes of a "Name, Outlet" credit line */
#define CUT_MARK_MAX 96  /* bytes of a line saying the story goes on */
#define PROSE_BYTES  240 /* a longer line is prose, read for dates last */

/* Dates met in the lines read, in order, and the copyright year. */
#define MAX_DATES 16

typedef struct rp__meta_dates {
	rp__date when[MAX_DATES];
	unsigned char amb[MAX_DATES];   /* RP__DATE_AMB_* of each */
	unsigned char prose[MAX_DATES]; /* in a sentence or a link */
	size_t line_off[MAX_DATES], line_len[MAX_DATES]; /* where each is */
	size_t cur_off, cur_len; /* the line being read */
	int n, copyright_year, bottom_year;
	unsigned order; /* RP__ORDER_*: how the page orders day and month */
} rp__meta_dates;

/* The labels a page names its source with ("来源：", "Source:"). */
#define RP__META_SOURCE_KEYS 10
extern const char *const rp__meta_source_keys[RP__META_SOURCE_KEYS];

/* The first of keys found in s (its length in *klen), or NULL; whether
 * any is; whether v starts with w (meta.c). */
const char *rp__meta_find_any(const char *s, const char *const *keys,
			      size_t nkeys, size_t *klen);
int rp__meta_has_any(const char *s, const char *const *keys, size_t nkeys);
int rp__meta_starts(const char *v, const char *w);

/* A line with spaces squeezed the way patterns are matched (meta.c). */
size_t rp__meta_squeeze(const char *s, size_t n, char *out, size_t cap);

/* Dates need digits; sources need a colon, "via" or "(Reuters)"; a URL
 * needs "http": other lines are not read (meta_byline.c). */
int rp__meta_worth_reading(const char *s, size_t n);

/* A source key (RP__BYLINE_OTHER) or a date, year-less ones included
 * (RP__BYLINE_DATE), in a squeezed line; 0 when neither
 * (meta_byline.c). */
int rp__meta_byline_sq(const char *sq, size_t k);

/* meta_dates.c: the dates of a line into ds; the copyright year of a
 * squeezed footer line; the publish time among those read (its index in
 * ds, or -1). */
void rp__meta_take_dates(const char *s, size_t n, rp__meta_dates *ds);
void rp__meta_take_copyright_year(const char *sq, size_t n, int bottom,
				  rp__meta_dates *ds);
int rp__meta_pick_date(const rp__meta_dates *ds, rp__date *out);

#endif
