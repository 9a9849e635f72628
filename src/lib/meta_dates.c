/*
 * meta_dates.c - the dates a page's lines give, and the one that is its
 * publish time: labelled dates first ("Published", "发布时间"), then
 * bylines, then dates in prose or links; the copyright year as a last
 * hint; the order of day and month a page shows.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "meta.h"
#include "meta_read.h"

static int digits(const char *s, size_t n, size_t *i, int min, int max,
		  int *val)
{
	int c = 0, v = 0;
	while (*i < n && isdigit((unsigned char)s[*i]) && c < max) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		c++;
	}
	*val = v;
	return c >= min && !(*i < n && isdigit((unsigned char)s[*i]));
}

static void add_date(rp__meta_dates *ds, const rp__date *d, unsigned amb,
		     int prose)
{
	if (ds->n < MAX_DATES) {
		ds->line_off[ds->n] = ds->cur_off;
		ds->line_len[ds->n] = ds->cur_len;
		ds->when[ds->n] = *d;
		ds->prose[ds->n] = (unsigned char)prose;
		ds->amb[ds->n++] = (unsigned char)amb;
	}
}

/* Is the date at s[at..at+span) of the line s[0..n) in prose ("On June
 * 30, 1987, the company said ...": more than PROSE_LETTERS letters
 * around it) or in a link (.../1987/03/25/...)? A byline holds a date and
 * a few words. */
#define PROSE_LETTERS 40
static int in_prose(const char *s, size_t n, size_t at, size_t span)
{
	size_t i, letters = 0;
	if (at > 0 && s[at - 1] == '/')
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i == at) {
			i += span - 1;
			continue;
		}
		/* a letter, or the lead byte of a CJK character */
		letters += isalpha(c) || c >= 0xE3;
	}
	return letters > PROSE_LETTERS;
}

static const char *const copyright_keys[] = {"\xC2\xA9", "(c)",  "(C)",
					     "opyright", "版权", "版權"};

/* The last year in a copyright line ("(c) 2001-2023" gives 2023), or in
 * a line at the bottom of the page ("Coastline News 1987 · Terms"); read
 * on the last FOOTER_LINES lines only, where footers are. */
void rp__meta_take_copyright_year(const char *sq, size_t n, int bottom,
				  rp__meta_dates *ds)
{
	size_t i;
	int marked = rp__meta_has_any(sq, copyright_keys,
				      sizeof copyright_keys /
					      sizeof copyright_keys[0]);
	if (!bottom && !marked)
		return;
	for (i = 0; i < n; i++) {
		size_t j = i;
		int y;
		if ((i == 0 || !isdigit((unsigned char)sq[i - 1])) &&
		    digits(sq, n, &j, 4, 4, &y) && y >= 1900 && y <= 2199)
			*(marked ? &ds->copyright_year : &ds->bottom_year) = y;
	}
}

/*
 * A numeric date's order (d read from s[0..span)): the separator after
 * its first number ('/' or else '.' and '-') and whether that number is
 * the day or the month. An unambiguous one (29/03/2023) is evidence of
 * how its source writes dates (RP__ORDER_*); an ambiguous one (09/04/1987)
 * is read by that evidence later (its RP__DATE_AMB_* in *amb).
 */
static unsigned order_of(const char *s, size_t span, const rp__date *d,
			 unsigned *amb)
{
	size_t i = 0;
	int a, slash;
	*amb = 0;
	while (i < span && s[i] == ' ')
		i++;
	if (!digits(s, span, &i, 1, 2, &a))
		return 0;
	while (i < span && s[i] == ' ')
		i++;
	if (i >= span || (s[i] != '/' && s[i] != '.' && s[i] != '-'))
		return 0;
	slash = s[i] == '/';
	if (d->ambiguous) {
		*amb = slash ? RP__DATE_AMB_SLASH : RP__DATE_AMB_DOT;
		return 0;
	}
	if (a == d->d && a != d->mo)
		return slash ? RP__ORDER_DMY_SLASH : RP__ORDER_DMY_DOT;
	if (a == d->mo && a != d->d)
		return slash ? RP__ORDER_MDY_SLASH : RP__ORDER_MDY_DOT;
	return 0;
}

/* Every date of a line (date.c reads labels, zones and word-segmented
 * text). A date without year or time counts only on a short line of
 * Latin script (a byline: "Wire · March 23"), not in prose ("今天（9月29
 * 日）"): Chinese bylines carry a year or a time. */
/* Can s[0..n) hold a date: a digit (full-width too), 年 (二〇二三年), or
 * a word of the relative dates that have none (刚刚, 昨天, today, ago)? */
static int date_hint(const char *s, size_t n)
{
	static const char *const words[] = {
		"刚刚", "剛剛", "昨天", "今天",     "前天",
		"年",   "oday", "ago",  "esterday", "just now"};
	size_t i, k;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= '0' && c <= '9') ||
		    (c == 0xEF && i + 2 < n &&
		     (unsigned char)s[i + 1] == 0xBC &&
		     (unsigned char)s[i + 2] >= 0x90 &&
		     (unsigned char)s[i + 2] <= 0x99))
			return 1;
	}
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t m = strlen(words[k]);
		for (i = 0; i + m <= n; i++)
			if (memcmp(s + i, words[k], m) == 0)
				return 1;
	}
	return 0;
}

void rp__meta_take_dates(const char *s, size_t n, rp__meta_dates *ds)
{
	size_t i = 0, at, span;
	int latin; /* no character of three bytes or more: no CJK */
	rp__date d;
	unsigned amb;
	if (!date_hint(s, n))
		return;
	for (span = 0; span < n && (unsigned char)s[span] < 0xE0; span++)
		;
	latin = span == n;
	while (i < n && rp__date_find(s + i, n - i, &d, &at)) {
		span = rp__date_at(s + i, n - i, at, &d);
		if (!span)
			break;
		ds->order |= order_of(s + i + at, span, &d, &amb);
		if (d.relative || d.y || d.h >= 0 || (n <= 60 && latin))
			add_date(ds, &d, amb, in_prose(s, n, i + at, span));
		i += at + span;
	}
}

/*
 * How likely a date is the publish time, best first: a date labelled as
 * published ("发布时间", "Published"), absolute then relative ("3小时前",
 * read against the page's own date elsewhere); an unlabelled one in a
 * byline, absolute then relative; an update's; one in prose or in a
 * link (the date of an event, of another page); one without a year.
 */
#define RANKS 8
static int rank_of(const rp__date *d, int prose)
{
	int label = d->label == RP__LABEL_PUBLISHED ? 0
		    : d->label == RP__LABEL_UPDATED ? 4
		    : prose                         ? 6
						    : 2;
	if (!d->y && !d->relative)
		return 7;
	return label + (d->relative != 0);
}

/* The first absolute date with a year, one with a time of day first:
 * what relative and year-less dates are read against. */
static const rp__date *reference(const rp__meta_dates *ds)
{
	const rp__date *ref = NULL;
	int k;
	for (k = 0; k < ds->n; k++) {
		const rp__date *d = &ds->when[k];
		if (d->relative || !d->y)
			continue;
		if (!ref || (ref->h < 0 && d->h >= 0))
			ref = d;
	}
	return ref;
}

/* d made absolute with a year, into *out; 0 when it cannot be. */
static int absolute(const rp__meta_dates *ds, const rp__date *d, rp__date *out)
{
	const rp__date *ref = reference(ds);
	*out = *d;
	if (d->relative)
		return ref && rp__date_resolve(d, ref, out);
	if (d->y)
		return 1;
	out->y = ds->copyright_year ? ds->copyright_year : ds->bottom_year;
	if (!out->y && ref)
		out->y = ref->y;
	return out->y != 0 && rp__date_valid(out);
}

/* The publish time (see rank_of), into *out; its index, or -1. A date
 * without a time takes the time of another date of the same day ("4 March
 * 1987" in the byline, "Last updated 4 March 1987 20:16" at the bottom). */
int rp__meta_pick_date(const rp__meta_dates *ds, rp__date *out)
{
	int rank, k, best = -1;
	for (rank = 0; rank < RANKS && best < 0; rank++)
		for (k = 0; k < ds->n && best < 0; k++)
			if (rank_of(&ds->when[k], ds->prose[k]) == rank &&
			    absolute(ds, &ds->when[k], out))
				best = k;
	for (k = 0; best >= 0 && k < ds->n && out->h < 0; k++) {
		const rp__date *o = &ds->when[k];
		if (!o->relative && o->h >= 0 && o->mo == out->mo &&
		    o->d == out->d && (!o->y || o->y == out->y)) {
			out->h = o->h;
			out->mi = o->mi;
			out->zone = o->zone;
			out->zoned = o->zoned;
			out->zone_us = o->zone_us;
		}
	}
	return best;
}
