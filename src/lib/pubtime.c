/*
 * pubtime.c - each document's publish time as a value.
 *
 * Times keep the clock a page printed and the zone it named, if any:
 * two pages that both name their zone compare as instants ("10:11 PT"
 * is after "17:11 GMT"); a page that names none is read as printed
 * (rp__pubtime_minute; syndicate.c decides per story).
 *
 * The date a caller gives (a JSONL field) is taken as the truth; a page
 * often prints its time of day where the caller knows the day only, so
 * the page's own date refines a given one of the same day. Else the
 * page's own date (meta.c) is taken.
 *
 * Numeric dates with day and month both 12 or less (09/04/1987) are read
 * month-first with '/' and day-first with '.' or '-' (date.c), unless the
 * source writes otherwise: a person reading a site's pages learns its
 * order from the dates that can be read one way only (29/03/2023), and so
 * does this file, per outlet (or template group): the order most of its
 * pages show on such dates.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pubtime.h"
#include "radix.h"

#define DAY (24 * 60)

static rp__pubtime of_date(const rp__date *d, int swap)
{
	rp__pubtime t = {0, 0, 0, 0, 0};
	int64_t m = rp__date_minutes(d, swap);
	if (m == RP__DATE_NONE)
		return t;
	t.zoned = d->zoned && d->h >= 0;
	t.zone = t.zoned ? rp__date_zone(d, swap) : 0;
	t.minute = m + t.zone; /* the clock as printed */
	t.has_time = d->h >= 0;
	t.known = 1;
	return t;
}

int64_t rp__pubtime_minute(const rp__pubtime *t, int utc)
{
	return utc && t->zoned ? t->minute - t->zone : t->minute;
}

rp__pubtime rp__pubtime_parse(const char *s)
{
	rp__pubtime none = {0, 0, 0, 0, 0};
	rp__date d;
	size_t at;
	if (!s || !rp__date_find(s, strlen(s), &d, &at))
		return none;
	return of_date(&d, 0);
}

static int64_t day_of(int64_t minute)
{
	return minute >= 0 ? minute / DAY : -((-minute + DAY - 1) / DAY);
}

/* The time of document d, its page's ambiguous date read the other way
 * when swap. */
static rp__pubtime time_of(const rp__docrec *d, int swap)
{
	rp__pubtime given = rp__pubtime_parse(d->date);
	rp__pubtime page = of_date(&d->page_when, swap && d->date_amb);
	if (!given.known)
		return page;
	if (!given.has_time && page.known && page.has_time &&
	    day_of(page.minute) == day_of(given.minute))
		return page;
	return given;
}

/* Should group members' ambiguous dates of kind amb be swapped, by the
 * orders counted for the group (RP__ORDER_* bits, four counters)? */
static int swaps(const uint32_t count[4], unsigned amb)
{
	/* '/': month-first unless day-first is shown more; '.' and '-':
	 * day-first unless month-first is */
	if (amb == RP__DATE_AMB_SLASH)
		return count[0] > count[1];
	if (amb == RP__DATE_AMB_DOT)
		return count[3] > count[2];
	return 0;
}

rp_status rp__pubtime_all(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i, k, e, b;
	rp__kv *idx = rp__malloc_n((size_t)n + 1, sizeof *idx);
	rp__kv *tmp = rp__malloc_n((size_t)n + 1, sizeof *tmp);
	ctx->when = rp__calloc_n((size_t)n + 1, sizeof *ctx->when);
	if (!idx || !tmp || !ctx->when) {
		free(idx);
		free(tmp);
		return RP_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		idx[i].key = ctx->docs[i].group;
		idx[i].val = i;
	}
	rp__radix_sort_kv(idx, tmp, n);
	for (k = 0; k < n; k = e) {
		uint32_t count[4] = {0, 0, 0, 0};
		for (e = k; e < n && idx[e].key == idx[k].key; e++) {
			unsigned seen = ctx->docs[idx[e].val].date_order;
			for (b = 0; b < 4; b++)
				count[b] += (seen >> b) & 1u;
		}
		for (i = k; i < e; i++) {
			const rp__docrec *d = &ctx->docs[idx[i].val];
			ctx->when[idx[i].val] =
				time_of(d, swaps(count, d->date_amb));
		}
	}
	free(idx);
	free(tmp);
	return RP_OK;
}
