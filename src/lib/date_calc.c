/*
 * date_calc.c - the calendar behind rp__date: civil dates to days and
 * back (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * proleptic Gregorian), the US daylight-saving rules for ET/CT/MT/PT,
 * minutes since the epoch, relative dates resolved against a reference,
 * and dates written as ISO text. Reading them is date.c and its parts.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month mo (1..12) of year y; y == 0 (unknown) allows Feb 29. */
static int mdays(int y, int mo)
{
	static const unsigned char n[12] = {31, 28, 31, 30, 31, 30,
					    31, 31, 30, 31, 30, 31};
	return mo == 2 && (y == 0 || leap(y)) ? 29 : n[mo - 1];
}

/* Days since 1970-01-01 of y-m-d, y >= 0 (days_from_civil). */
static int64_t days_from_civil(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = yy / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The civil date of day z since 1970-01-01 (civil_from_days). */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* 0 for Sunday .. 6 for Saturday (1970-01-01 was a Thursday). */
static int weekday(int y, int mo, int d)
{
	int64_t z = days_from_civil(y, mo, d) + 4;
	return (int)(z - 7 * floor_div(z, 7));
}

/* The day of the month of its nth Sunday (nth 0: the last one). */
static int sunday(int y, int mo, int nth)
{
	int last = mdays(y, mo);
	if (nth == 0)
		return last - weekday(y, mo, last);
	return 1 + (7 - weekday(y, mo, 1)) % 7 + 7 * (nth - 1);
}

/* US daylight time by the rules of the year (Uniform Time Act 1966 as
 * amended 1986 and by the Energy Policy Act 2005): from the nth Sunday
 * of one month to the nth of another, 02:00 local time; nth 0 is the
 * last. Before 1987 the 1967 rule stands for all years. */
static const struct us_rule {
	int from, m0, n0, m1, n1;
} us_rules[] = {{2007, 3, 2, 11, 1}, {1987, 4, 1, 10, 0}, {0, 4, 0, 10, 0}};

static int us_daylight(int y, int mo, int d, int h)
{
	const struct us_rule *r = us_rules;
	int t, a, b;
	while (y < r->from)
		r++;
	/* compared as MMDDHH, local time; a day alone counts at noon */
	t = (mo * 100 + d) * 100 + (h < 0 ? 12 : h);
	a = (r->m0 * 100 + sunday(y, r->m0, r->n0)) * 100 + 2;
	b = (r->m1 * 100 + sunday(y, r->m1, r->n1)) * 100 + 2;
	return t >= a && t < b;
}

/* d as read, or with day and month swapped (swap and ambiguous). */
static void read_as(const rp__date *d, int swap, rp__date *e)
{
	*e = *d;
	if (swap && d->ambiguous) {
		e->mo = d->d;
		e->d = d->mo;
	}
}

int rp__date_valid(const rp__date *d)
{
	return (d->y == 0 || (d->y >= 1900 && d->y <= 2199)) && d->mo >= 1 &&
	       d->mo <= 12 && d->d >= 1 && d->d <= mdays(d->y, d->mo) &&
	       d->h >= -1 && d->h <= 23 && d->mi >= 0 && d->mi <= 59 &&
	       d->s >= 0 && d->s <= 60 &&
	       (!d->zoned || (d->zone >= -RP__DATE_ZONE_MAX &&
			      d->zone <= RP__DATE_ZONE_MAX));
}

int rp__date_zone(const rp__date *d, int swap)
{
	rp__date e;
	read_as(d, swap, &e);
	if (d->zone_us < 1 || d->zone_us > 4 || !e.y || !rp__date_valid(&e))
		return d->zone;
	/* ET, CT, MT, PT: UTC-5 .. UTC-8 standard */
	return -(240 + 60 * d->zone_us) + 60 * us_daylight(e.y, e.mo, e.d, e.h);
}

/* An absolute date with a year and fields in range, as read or swapped. */
static int placed(const rp__date *d, int swap, rp__date *e)
{
	read_as(d, swap, e);
	return e->y && e->relative == RP__DATE_ABSOLUTE && rp__date_valid(e);
}

int64_t rp__date_minutes(const rp__date *d, int swap)
{
	rp__date e;
	int64_t m;
	if (!placed(d, swap, &e))
		return RP__DATE_NONE;
	m = days_from_civil(e.y, e.mo, e.d) * 1440;
	if (e.h >= 0)
		m += e.h * 60 + e.mi;
	return e.zoned ? m - rp__date_zone(d, swap) : m;
}

/* Set r's date to day z since the epoch; 0 if out of range. */
static int set_day(rp__date *r, int64_t z)
{
	if (z < days_from_civil(1900, 1, 1) ||
	    z > days_from_civil(2199, 12, 31))
		return 0;
	civil_from_days(z, &r->y, &r->mo, &r->d);
	return 1;
}

/* The zone of r's time of day, from z: recomputed on r's date for a US
 * zone when keep_us, else z's offset fixed; a day alone keeps none. */
static void take_zone(rp__date *r, const rp__date *z, int keep_us)
{
	r->zoned = (unsigned char)(r->h >= 0 && z->zoned);
	r->zone_us = (unsigned char)(r->zoned && keep_us ? z->zone_us : 0);
	r->zone = r->zoned ? rp__date_zone(z, 0) : 0;
	if (r->zone_us)
		r->zone = rp__date_zone(r, 0);
}

/* N minutes before ref's time, in ref's offset (so the minutes differ by
 * exactly N); before a day alone, that day less whole days. */
static int resolve_ago(const rp__date *rel, const rp__date *ref, int64_t day,
		       rp__date *r)
{
	int64_t m;
	if (rel->ago < 0)
		return 0;
	if (ref->h < 0) {
		r->h = -1;
		return set_day(r, day - rel->ago / 1440);
	}
	m = day * 1440 + ref->h * 60 + ref->mi - rel->ago;
	day = floor_div(m, 1440);
	r->h = (int)((m - day * 1440) / 60);
	r->mi = (int)((m - day * 1440) % 60);
	if (!set_day(r, day))
		return 0;
	take_zone(r, ref, 0);
	return 1;
}

/* N days before ref's day, at rel's time of day if it gave one, in the
 * zone rel named, else in ref's (the page's clock). */
static int resolve_days(const rp__date *rel, const rp__date *ref, int64_t day,
			rp__date *r)
{
	if (rel->days < 0 || rel->days > 366000)
		return 0;
	r->h = rel->h;
	r->mi = rel->h >= 0 ? rel->mi : 0;
	r->s = rel->h >= 0 ? rel->s : 0;
	if (!set_day(r, day - rel->days))
		return 0;
	take_zone(r, rel->zoned ? rel : ref, 1);
	return 1;
}

/* An absolute date; without a year, the latest that puts it at most a
 * day after ref. */
static int resolve_absolute(const rp__date *rel, const rp__date *ref,
			    int64_t day, rp__date *r)
{
	int k;
	*r = *rel;
	if (rel->y)
		return rp__date_valid(r);
	for (k = 0; k < 2; k++) {
		r->y = ref->y - k;
		if (rp__date_valid(r) &&
		    days_from_civil(r->y, r->mo, r->d) <= day + 1) {
			r->zone = rp__date_zone(r, 0);
			return 1;
		}
	}
	return 0;
}

int rp__date_resolve(const rp__date *rel, const rp__date *ref, rp__date *out)
{
	rp__date r;
	int64_t day;
	int ok;
	if (!placed(ref, 0, &r))
		return 0;
	day = days_from_civil(ref->y, ref->mo, ref->d);
	memset(&r, 0, sizeof r);
	r.label = rel->label;
	switch (rel->relative) {
	case RP__DATE_ABSOLUTE:
		ok = resolve_absolute(rel, ref, day, &r);
		break;
	case RP__DATE_AGO:
		ok = resolve_ago(rel, ref, day, &r);
		break;
	case RP__DATE_DAYREL:
		ok = resolve_days(rel, ref, day, &r);
		break;
	default:
		ok = 0;
	}
	if (!ok || !rp__date_valid(&r))
		return 0;
	*out = r;
	return 1;
}

size_t rp__date_format(const rp__date *d, char *out, size_t cap)
{
	char b[48];
	int k, z;
	if (cap)
		out[0] = '\0';
	if (!d->y || d->relative || !rp__date_valid(d))
		return 0;
	k = snprintf(b, sizeof b, "%04d-%02d-%02d", d->y, d->mo, d->d);
	if (d->h >= 0) {
		k += snprintf(b + k, sizeof b - (size_t)k, " %02d:%02d", d->h,
			      d->mi);
		z = rp__date_zone(d, 0);
		if (d->zoned && z == 0)
			k += snprintf(b + k, sizeof b - (size_t)k, "Z");
		else if (d->zoned)
			k += snprintf(b + k, sizeof b - (size_t)k,
				      "%c%02d:%02d", z < 0 ? '-' : '+',
				      (z < 0 ? -z : z) / 60,
				      (z < 0 ? -z : z) % 60);
	}
	if ((size_t)k >= cap)
		return 0;
	memcpy(out, b, (size_t)k + 1);
	return (size_t)k;
}
