/*
 * synd_time.c - the publish times of one story's pages, as the
 * syndication stage compares them.
 *
 * In: the members of a cluster and their publish times (ctx->when, see
 * pubtime.c). Out: each member's day and minute of that day (y->when):
 * as instants when every page that gives a time of day names its zone,
 * else all as printed (a page without a zone is taken to share the
 * others' clock).
 */
#include "pubtime.h"
#include "synd_stage.h"

/* A publish time (pubtime.c) as a day and a minute of that day, in UTC
 * when utc, else on the clock the page printed. */
static rp__synd_when when_of(const rp__pubtime *t, int utc)
{
	rp__synd_when w = {0, -1, 0};
	int64_t m = rp__pubtime_minute(t, utc);
	if (!t->known)
		return w;
	w.day = m >= 0 ? m / (24 * 60) : -((-m + 24 * 60 - 1) / (24 * 60));
	w.minute = t->has_time ? (int)(m - w.day * 24 * 60) : -1;
	w.known = 1;
	return w;
}

void rp__synd_story_times(rp__synd *y, const uint32_t *mem, uint32_t k)
{
	const rp__pubtime *t = y->ctx->when;
	uint32_t i;
	int utc = 1;
	for (i = 0; i < k && utc; i++)
		utc = !t[mem[i]].known || !t[mem[i]].has_time ||
		      t[mem[i]].zoned;
	for (i = 0; i < k; i++)
		y->when[mem[i]] = when_of(&t[mem[i]], utc);
}
