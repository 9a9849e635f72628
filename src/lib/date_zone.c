/*
 * date_zone.c - the zone a date's time of day is in, as the date reader
 * reads it.
 *
 * In: the cursor after a time of day (date_clock.c), or the text before a
 * date (date_label.c). Out: the zone's offset on the date (rp__date.zone,
 * .zoned, .zone_us): a numeric offset (+0800, +08:00, GMT+8), a zone's
 * name (Z, UTC, EDT, ET, IST ...) or a Chinese one (北京时间). "CST" is
 * China Standard Time when the line holds a CJK character, US Central
 * otherwise (date.h).
 */
#include <string.h>

#include "date_read.h"

/* zones by name, upper case as written; us: 1..4 for ET, CT, MT, PT */
enum { Z_PLAIN, Z_UTC, Z_CST };
static const struct zone {
	const char *w;
	short off;
	unsigned char us, kind;
} zones[] = {
	{"Z", 0, 0, 0},       {"z", 0, 0, 0},       {"UT", 0, 0, Z_UTC},
	{"UTC", 0, 0, Z_UTC}, {"GMT", 0, 0, Z_UTC}, {"EST", -300, 0, 0},
	{"EDT", -240, 0, 0},  {"ET", -300, 1, 0},   {"CST", -360, 0, Z_CST},
	{"CDT", -300, 0, 0},  {"CT", -360, 2, 0},   {"MST", -420, 0, 0},
	{"MDT", -360, 0, 0},  {"MT", -420, 3, 0},   {"PST", -480, 0, 0},
	{"PDT", -420, 0, 0},  {"PT", -480, 4, 0},   {"AKST", -540, 0, 0},
	{"AKDT", -480, 0, 0}, {"HST", -600, 0, 0},  {"BST", 60, 0, 0},
	{"IST", 330, 0, 0},   {"CET", 60, 0, 0},    {"CEST", 120, 0, 0},
	{"EET", 120, 0, 0},   {"EEST", 180, 0, 0},  {"MSK", 180, 0, 0},
	{"JST", 540, 0, 0},   {"KST", 540, 0, 0},   {"HKT", 480, 0, 0},
	{"SGT", 480, 0, 0},   {"AWST", 480, 0, 0},  {"ACST", 570, 0, 0},
	{"AEST", 600, 0, 0},  {"AEDT", 660, 0, 0},  {"NZST", 720, 0, 0},
	{"NZDT", 780, 0, 0}};

static const entry cn_zones[] = {{"北京时间", 480}, {"北京時間", 480},
				 {"香港时间", 480}, {"香港時間", 480},
				 {"台北时间", 480}, {"台北時間", 480}};

/* Does the line around s[i] hold a CJK character? Lead bytes E3..E9 are
 * U+3000..U+9FFF, CJK punctuation to ideographs. */
static int line_is_cjk(const char *s, size_t n, size_t i)
{
	size_t k, steps;
	for (k = i, steps = 0; k > 0 && s[k - 1] != '\n' && steps < LINE_LOOK;
	     k--, steps++)
		if ((unsigned char)s[k - 1] >= 0xE3 &&
		    (unsigned char)s[k - 1] <= 0xE9)
			return 1;
	for (k = i, steps = 0; k < n && s[k] != '\n' && steps < LINE_LOOK;
	     k++, steps++)
		if ((unsigned char)s[k] >= 0xE3 && (unsigned char)s[k] <= 0xE9)
			return 1;
	return 0;
}

void rp__date_set_zone(rp__date *d, int off, int us)
{
	d->zoned = 1;
	d->zone = off;
	d->zone_us = (unsigned char)us;
}

/* +0800, +08:00, -05:00, the sign against the digits ("- 1200 attend"
 * is none); after UTC or GMT also +8, -5:30; +08 right after a time
 * (ISO 8601). */
static int offset(cur *c, rp__date *d, int after_utc)
{
	tok t = peek(c);
	int sign = t.c == '+' ? 1 : -1, tight = t.at == c->pos, hh, mm = 0;
	if (t.kind != T_SYM || (t.c != '+' && t.c != '-'))
		return 0;
	c->pos = t.end;
	t = peek(c);
	if (!after_utc && t.at != c->pos)
		return 0;
	if (t.kind == T_NUM && !t.cn && t.nd == 4) {
		hh = t.v / 100;
		mm = t.v % 100;
		c->pos = t.end;
	} else if (!num(c, 1, 2, 0, &hh)) {
		return 0;
	} else if (sym(c, ':')) {
		if (!num(c, 2, 2, 0, &mm))
			return 0;
	} else if (!after_utc && !(tight && t.nd == 2)) {
		return 0;
	}
	if (mm > 59 || hh * 60 + mm > RP__DATE_ZONE_MAX)
		return 0;
	rp__date_set_zone(d, sign * (hh * 60 + mm), 0);
	return 1;
}

static int offset_utc(cur *c, rp__date *d)
{
	return offset(c, d, 1);
}

/* A zone's name: Z, UTC, GMT+8, EDT, ET, IST ...; CST is China's in a
 * line of Chinese, the US Central zone's elsewhere. */
static int zone_word(cur *c, rp__date *d)
{
	tok t = peek(c);
	size_t k, len = t.end - t.at;
	if (t.kind != T_WORD)
		return 0;
	for (k = 0; k < N(zones); k++)
		if (strlen(zones[k].w) == len &&
		    memcmp(c->s + t.at, zones[k].w, len) == 0)
			break;
	if (k == N(zones))
		return 0;
	c->pos = t.end;
	rp__date_set_zone(d, zones[k].off, zones[k].us);
	if (zones[k].kind == Z_CST && line_is_cjk(c->s, c->n, c->start))
		d->zone = 480;
	if (zones[k].kind == Z_UTC)
		(void)try_read(offset_utc, c, d);
	return 1;
}

static int zone_cn(cur *c, rp__date *d)
{
	int off;
	if (!LIT_IN(c, cn_zones, &off))
		return 0;
	rp__date_set_zone(d, off, 0);
	return 1;
}

int rp__date_read_zone(cur *c, rp__date *d)
{
	int open = sym(c, '(');
	if (!zone_word(c, d) && !zone_cn(c, d) && !offset(c, d, 0))
		return 0;
	return !open || sym(c, ')');
}

int rp__date_cn_zone_ends(const char *s, size_t lo, size_t j, size_t *from,
			  int *off)
{
	size_t k;
	for (k = 0; k < N(cn_zones); k++)
		if (rp__date_ends_with(s, lo, j, cn_zones[k].w, from)) {
			*off = cn_zones[k].v;
			return 1;
		}
	return 0;
}
