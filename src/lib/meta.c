/*
 * meta.c - what a page says about itself: when it was published, which
 * outlet it names as its source, its title and its address.
 *
 * Pages come from text browsers and word segmenters, so patterns are
 * matched on a "squeezed" copy of each line: spaces next to a non-ASCII
 * character are dropped ("来 源 ： 澎湃 新闻" reads "来源：澎湃新闻"),
 * runs of spaces between ASCII words become one, and spaces around digits
 * and date separators go ("2023 - 03 - 29 15 : 42" reads
 * "2023-03-29 15:42"). Dates are read in the forms news pages use:
 * 2023-03-29 15:42, 2023/3/29, 2023年3月29日 15:42, March 11, 1987,
 * 11 March 1987, Mar 13, 2026, RFC 2822 (Wed, 11 Mar 1987 18:11:46 GMT),
 * and 19870319 after a "date" key. The first labelled date ("发布时间",
 * "publishdate", "Published", ...) wins, else the first date in the page.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "meta.h"

#define TOP_LINES    60 /* metadata is looked for in the first lines ... */
#define DATELINE_MAX 80 /* bytes of a wire dateline before its dash */
#define FOOTER_LINES 8  /* a copyright line is among the last lines */
#define MAX_LINE     1024
#define CREDIT_MAX   64  /* bytes of a "Name, Outlet" credit line */
#define CUT_MARK_MAX 96  /* bytes of a line saying the story goes on */
#define PROSE_BYTES  240 /* a longer line is prose, read for dates last */

static int is_sep(char c)
{
	return c == '-' || c == '/' || c == '.' || c == ':';
}

/* Squeeze one line into out (cap bytes): see the top comment. */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, k = 0;
	for (i = 0; i < n && k + 4 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			unsigned char prev = k ? (unsigned char)out[k - 1] : 0;
			size_t j = i;
			unsigned char next;
			while (j < n &&
			       (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			next = j < n ? (unsigned char)s[j] : 0;
			if (k == 0 || next == 0 || prev >= 0x80 ||
			    next >= 0x80 || is_sep((char)prev) ||
			    is_sep((char)next) || prev == '(' || next == ')') {
				i = j - 1;
				continue;
			}
			out[k++] = ' ';
			i = j - 1;
			continue;
		}
		out[k++] = (char)c;
	}
	out[k] = '\0';
	return k;
}

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

/* Is there a date (date.c) in s[0..n), year-less ones included? */
static int has_date(const char *s, size_t n)
{
	rp__date d;
	size_t at;
	return rp__date_find(s, n, &d, &at);
}

int rp__meta_date(const char *s, size_t n, char out[RP__META_DATE])
{
	size_t i = 0, at, span;
	rp__date d;
	while (i < n && rp__date_find(s + i, n - i, &d, &at)) {
		span = rp__date_at(s + i, n - i, at, &d);
		if (!d.relative && d.y &&
		    rp__date_format(&d, out, RP__META_DATE))
			return 1;
		i += at + (span ? span : 1);
	}
	return 0;
}

static const char *find_any(const char *s, const char *const *keys,
			    size_t nkeys, size_t *klen)
{
	size_t k;
	for (k = 0; k < nkeys; k++) {
		const char *p = strstr(s, keys[k]);
		if (p) {
			*klen = strlen(keys[k]);
			return p;
		}
	}
	return NULL;
}

static int starts(const char *v, const char *w)
{
	return strncmp(v, w, strlen(w)) == 0;
}

/* The value after a source key, up to a separator: punctuation, another
 * "label：" (its label dropped), a date, a byline word. A value of more
 * than 60 bytes or 6 words is prose, not a name, and is not taken. */
static void copy_value(const char *v, char *out, size_t cap)
{
	static const char *const stops[] = {"  ",
					    "\xE3\x80\x80",
					    "作者",
					    "编辑",
					    "責任",
					    "责任",
					    "记者",
					    "記者",
					    "字号",
					    "字號",
					    "浏览",
					    "瀏覽",
					    "点击",
					    "點擊",
					    "【",
					    "】",
					    "[",
					    "“",
					    "”",
					    "\"",
					    "。",
					    "，",
					    "、",
					    "（",
					    "\xEF\xBD\x9C", /* ｜ */
					    "\xC2\xB7",     /* · */
					    "\xE2\x80\xA2", /* • */
					    "\xE2\x80\x94" /* — */};
	size_t k = 0, words = 1, i;
	rp__date w;
	/* spaces, ':' and the full-width colon (EF BC 9A) */
	while (*v == ' ' || *v == ':' || starts(v, "\xEF\xBC\x9A"))
		v += *v == ' ' || *v == ':' ? 1 : 3;
	for (; *v && *v != ';' && *v != '|' && *v != ',' && *v != '(' &&
	       *v != '.' && k + 1 < cap;
	     v++) {
		for (i = 0; i < sizeof stops / sizeof stops[0]; i++)
			if (starts(v, stops[i]))
				break;
		if (i < sizeof stops / sizeof stops[0])
			break;
		if (isdigit((unsigned char)*v) &&
		    rp__date_at(v, strlen(v), 0, &w) > 0)
			break;
		if (*v == ':' || starts(v, "\xEF\xBC\x9A")) {
			/* "北辰新闻网字号：" was cut above; any other label
			 * goes with its last two characters or its word */
			unsigned drop = 2;
			while (drop && k > 0) {
				k--;
				if (((unsigned char)out[k] & 0xC0) != 0x80)
					drop -= (unsigned char)out[k] >= 0x80 ||
						out[k] == ' ';
			}
			break;
		}
		words += *v == ' ';
		out[k++] = *v;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	for (i = 0; i < k && isdigit((unsigned char)out[i]); i++)
		;
	if (k > 60 || words > 6 || i == k)
		out[0] = '\0';
}

static const char *const source_keys[] = {
	"稿件来源：", "信息来源：", "新闻来源：", "来源：",  "來源：",
	"来源:",      "Source:",    "SOURCE:",    "source:", "from:"};

static void take_source(const char *sq, rp__meta *m)
{
	size_t klen;
	const char *p;
	if (m->source[0])
		return;
	p = find_any(sq, source_keys,
		     sizeof source_keys / sizeof source_keys[0], &klen);
	if (p) {
		copy_value(p + klen, m->source, sizeof m->source);
		return;
	}
	/* "· via Midland Tribune": a word of its own, not "Yugoslavia " */
	for (p = strstr(sq, "via "); p; p = strstr(p + 1, "via "))
		if (p == sq || !isalpha((unsigned char)p[-1])) {
			copy_value(p + 4, m->source, sizeof m->source);
			return;
		}
	/* a wire dateline: "WASHINGTON, March 13 (Reuters) -" */
	p = strstr(sq, "(Reuters)");
	if (p)
		snprintf(m->source, sizeof m->source, "Reuters");
}

/* Dates met in the lines read, in order, and the copyright year. */
#define MAX_DATES 16

typedef struct dates {
	rp__date when[MAX_DATES];
	unsigned char amb[MAX_DATES];   /* RP__DATE_AMB_* of each */
	unsigned char prose[MAX_DATES]; /* in a sentence or a link */
	size_t line_off[MAX_DATES], line_len[MAX_DATES]; /* where each is */
	size_t cur_off, cur_len; /* the line being read */
	int n, copyright_year, bottom_year;
	unsigned order; /* RP__ORDER_*: how the page orders day and month */
} dates;

static void add_date(dates *ds, const rp__date *d, unsigned amb, int prose)
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

static int has_any(const char *s, const char *const *keys, size_t nkeys)
{
	size_t klen;
	return find_any(s, keys, nkeys, &klen) != NULL;
}

static const char *const copyright_keys[] = {"\xC2\xA9", "(c)",  "(C)",
					     "opyright", "版权", "版權"};

/* The last year in a copyright line ("(c) 2001-2023" gives 2023), or in
 * a line at the bottom of the page ("Coastline News 1987 · Terms"); read
 * on the last FOOTER_LINES lines only, where footers are. */
static void take_copyright_year(const char *sq, size_t n, int bottom, dates *ds)
{
	size_t i;
	int marked = has_any(sq, copyright_keys,
			     sizeof copyright_keys / sizeof copyright_keys[0]);
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

static void take_dates(const char *s, size_t n, dates *ds)
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
static const rp__date *reference(const dates *ds)
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
static int absolute(const dates *ds, const rp__date *d, rp__date *out)
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
static int pick_date(const dates *ds, rp__date *out)
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

static void take_url(const char *s, size_t n, rp__meta *m)
{
	const char *p = NULL;
	size_t k = 0;
	if (m->url[0])
		return;
	p = strstr(s, "https://");
	if (!p)
		p = strstr(s, "http://");
	if (!p)
		return;
	while (p[k] && p[k] != ' ' && p[k] != ']' && p[k] != ')' &&
	       (size_t)(p - s) + k < n && k + 1 < sizeof m->url) {
		m->url[k] = p[k];
		k++;
	}
	m->url[k] = '\0';
}

/* Can the kept line s[0..n) be a title: a few words (a menu's caption,
 * "全部导航", is shorter), not a date or a source line, nor a short label
 * with a number ("第A47版：国际", "Page 3")? Its squeezed text goes to
 * sq. */
#define TITLE_MIN_CPS 6
static int title_like(const char *s, size_t n, char *sq, size_t cap)
{
	char d[RP__META_DATE];
	size_t k = squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq, cap);
	size_t i, cps = 0, digit = 0;
	(void)n;
	if (k >= RP__META_CAP || rp__meta_date(sq, k, d) ||
	    strstr(sq, "来源") || strstr(sq, "Source"))
		return 0;
	for (i = 0; i < k; i++) {
		cps += ((unsigned char)sq[i] & 0xC0) != 0x80;
		digit |= sq[i] >= '0' && sq[i] <= '9';
	}
	return cps >= TITLE_MIN_CPS && !(digit && cps <= 12);
}

/*
 * The title: the first kept line that can be a title (title_like) among
 * the first lines after the page's head furniture (from: what a tool
 * printed above the page, such as "Model loaded succeed", is not the
 * page; a menu's caption may remain, see take_title's caller), else from
 * the top.
 */
static void take_title(const char *kept, size_t len, size_t from, rp__meta *m)
{
	size_t i = from <= len ? from : 0, lines = 0;
	char sq[MAX_LINE];
	m->title[0] = '\0';
	while (i < len && lines < 8) {
		size_t next, end = rp__line_end(kept, len, i, &next);
		if (title_like(kept + i, end - i, sq, sizeof sq)) {
			memcpy(m->title, sq, strlen(sq) + 1);
			return;
		}
		i = next;
		lines++;
	}
	if (from)
		take_title(kept, len, 0, m);
}

/* Dates need digits; sources need a colon, "via" or "(Reuters)"; a
 * URL needs "http": other lines are not read. */
static int worth_reading(const char *s, size_t n)
{
	/* the bytes that may start what is looked for: digits, ':', '(',
	 * the full-width colon's first byte, "via", "http" */
	static const unsigned char first[256] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1,  ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1,  ['8'] = 1, ['9'] = 1,
		[':'] = 1, ['('] = 1, [0xEF] = 2, ['v'] = 3, ['h'] = 4};
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	for (i = 0; i < n; i++) {
		/* most bytes start nothing: pass over them in a tight loop */
		while (i < n && !first[u[i]])
			i++;
		if (i == n)
			break;
		switch (first[u[i]]) {
		case 1:
			return 1;
		case 2:
			if (i + 2 < n && u[i + 1] == 0xBC && u[i + 2] == 0x9A)
				return 1;
			break;
		case 3:
			if (i + 3 < n && !memcmp(s + i, "via ", 4) &&
			    (i == 0 || !isalpha(u[i - 1])))
				return 1;
			break;
		default:
			if (i + 3 < n && !memcmp(s + i, "http", 4))
				return 1;
			break;
		}
	}
	return 0;
}

/* Append a squeezed line (up to SITE_LINE bytes, cut on a character
 * boundary) to the site text. */
#define SITE_LINES 3  /* first and last non-empty lines kept in site */
#define SITE_LINE  64 /* bytes kept of each */

/* A source key (RP__BYLINE_OTHER) or a date, year-less ones included
 * (RP__BYLINE_DATE), in a squeezed line; 0 when neither. */
static int byline_sq(const char *sq, size_t k)
{
	if (has_any(sq, source_keys,
		    sizeof source_keys / sizeof source_keys[0]))
		return RP__BYLINE_OTHER;
	return has_date(sq, k) ? RP__BYLINE_DATE : 0;
}

/* Is the character at s[i] (a lead byte of 0xE4-0xE9) the first of a
 * byline word: 作 (者), 编/編 (辑), 记/記 (者), 阅/閱 (读)? */
static int people_char(const unsigned char *s, size_t n, size_t i)
{
	if (i + 2 >= n)
		return 0;
	switch ((unsigned)s[i] << 8 | s[i + 1]) {
	case 0xE4BD:
		return s[i + 2] == 0x9C; /* 作 */
	case 0xE7BC:
		return s[i + 2] == 0x96; /* 编 */
	case 0xE7B7:
		return s[i + 2] == 0xA8; /* 編 */
	case 0xE8AE:
		return s[i + 2] == 0xB0; /* 记 */
	case 0xE8A8:
		return s[i + 2] == 0x98; /* 記 */
	case 0xE998:
		return s[i + 2] == 0x85; /* 阅 */
	case 0xE996:
		return s[i + 2] == 0xB1; /* 閱 */
	default:
		return 0;
	}
}

size_t rp__meta_dateline(const char *s, size_t n)
{
	static const char *const dashes[] = {" - ", " -- ", " \xE2\x80\x93 ",
					     " \xE2\x80\x94 "};
	size_t i, k, lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	if (!n || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < lim; i++)
		for (k = 0; k < sizeof dashes / sizeof dashes[0]; k++) {
			size_t m = strlen(dashes[k]);
			if (i + m > n || memcmp(s + i, dashes[k], m))
				continue;
			/* a date before the dash: "March 27", "27 March" */
			return has_date(s, i) ? i + m : 0;
		}
	return 0;
}

/* A squeezed line names its people: "By Name" opening it, or a label
 * ("作者：", "记者:") - not the same words in a headline ("UPGRADED BY
 * MOODY'S", "举行记者会"). */
static int names_person(const char *sq)
{
	static const char *const labels[] = {"作者", "编辑", "編輯", "记者",
					     "記者", "阅读", "閱讀"};
	size_t k;
	if (starts(sq, "By ") || starts(sq, "BY "))
		return 1;
	for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		const char *p = sq;
		while ((p = strstr(p, labels[k])) != NULL) {
			p += strlen(labels[k]);
			if (*p == ':' || starts(p, "\xEF\xBC\x9A"))
				return 1;
		}
	}
	return 0;
}

/* A line that files the page: "Tags: oilseed | News", "标签：国内". */
static int filed_under(const char *s, size_t n)
{
	static const char *const keys[] = {
		"Tags:",     "Tag:",         "TAGS:",    "Topics:",
		"Keywords:", "Filed under:", "标签：",   "標籤：",
		"关键词：",  "關鍵詞：",     "关键字：", "關鍵字："};
	size_t k;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (n >= strlen(keys[k]) && starts(s, keys[k]))
			return 1;
	return 0;
}

/* A capitalized word of a person's name: "Walker", "O'Neil". */
static size_t name_word(const char *s)
{
	size_t i = 1;
	if (!isupper((unsigned char)s[0]))
		return 0;
	while (islower((unsigned char)s[i]) || s[i] == '\'' || s[i] == '-')
		i++;
	return i > 1 ? i : 0;
}

/* "Ruth Walker, Pacific Times staff": a name of two or three words, a
 * comma, then a few words of plain letters (the outlet or a desk). */
static int name_credit(const char *sq, size_t k)
{
	size_t i = 0, words = 0, w, after = 0;
	while ((w = name_word(sq + i)) != 0 && words < 3) {
		i += w;
		words++;
		if (sq[i] != ' ')
			break;
		i++;
	}
	if (words < 2 || sq[i] != ',' || sq[i + 1] != ' ')
		return 0;
	for (i += 2; i < k; i++) {
		unsigned char c = (unsigned char)sq[i];
		if (c == ' ')
			after++;
		else if (!isalpha(c) && c != '.' && c != '-' && c != '\'')
			return 0;
	}
	return after < 5 && sq[k - 1] != '.';
}

int rp__meta_byline(const char *s, size_t n)
{
	return rp__meta_byline_why(s, n) != 0;
}

int rp__meta_byline_why(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char sq[MAX_LINE];
	size_t k, i, run = 0;
	int digits_or_colon = worth_reading(s, n), person = 0;
	/* most lines hold none of the keys: no squeezing for them */
	for (i = 0; !person && i < n; i++) {
		if (u[i] == 'B')
			person = i + 2 < n &&
				 (u[i + 1] == 'y' || u[i + 1] == 'Y') &&
				 u[i + 2] == ' ';
		else if (u[i] >= 0xE4 && u[i] <= 0xE9)
			person = people_char(u, n, i);
		if (u[i] >= 0xE0)
			i += 2; /* a three-byte character */
	}
	if (digits_or_colon && filed_under(s, n))
		return RP__BYLINE_OTHER;
	if (!digits_or_colon && !person) {
		if (n > CREDIT_MAX || !isupper((unsigned char)s[0]) ||
		    !memchr(s, ',', n))
			return 0;
		k = squeeze(s, n, sq, sizeof sq);
		return name_credit(sq, k) ? RP__BYLINE_OTHER : 0;
	}
	k = squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq, sizeof sq);
	if (person && names_person(sq))
		return RP__BYLINE_OTHER;
	/* an id or a counter: "Article 3591209", "阅读量31108" */
	for (i = 0; i < k; i++) {
		run = isdigit((unsigned char)sq[i]) ? run + 1 : 0;
		if (run >= 5)
			return RP__BYLINE_OTHER;
	}
	return digits_or_colon ? byline_sq(sq, k) : 0;
}

/* A byline (a date, or a source named) says who the page copied, not who
 * it is: it is not a site line. 1 when the line was taken. */
static int add_site_line(rp__meta *m, const char *line, size_t n)
{
	char sq[MAX_LINE];
	size_t k = squeeze(line, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			   sizeof sq),
	       have = strlen(m->site);
	/* a byline is short: its date is within its first bytes */
	if (byline_sq(sq, k < 2 * SITE_LINE ? k : 2 * SITE_LINE))
		return 0;
	if (k > SITE_LINE) {
		k = SITE_LINE;
		while (k > 0 && ((unsigned char)sq[k] & 0xC0) == 0x80)
			k--;
	}
	if (!k || have + k + 2 > sizeof m->site)
		return 0;
	if (have)
		m->site[have++] = '\n';
	memcpy(m->site + have, sq, k);
	m->site[have + k] = '\0';
	return 1;
}

static int blank(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* What reading a page's lines for metadata gathers on the way. */
typedef struct page_read {
	dates ds;
	size_t total;                     /* line ends in the page */
	size_t filled;                    /* site lines taken from the top */
	const rp__span *tail[SITE_LINES]; /* the last non-empty lines */
	size_t n_tail;
	const rp__span *longs[MAX_DATES]; /* prose lines with a digit */
	size_t n_long;
} page_read;

/* Read line l (the k-th) of the page for dates, a source, a URL, and as
 * a site line. */
static void meta_line_read(page_read *r, const char *text, const rp__span *l,
			   size_t k, rp__meta *out)
{
	const char *s = text + l->off;
	size_t n = l->len, q;
	char sq[MAX_LINE];
	/* the top and the bottom of the page, and metadata lines anywhere;
	 * a line without a digit or a colon holds neither date nor source */
	if ((k < TOP_LINES || k + 8 > r->total || memchr(s, ';', n)) &&
	    worth_reading(s, n)) {
		q = squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			    sizeof sq);
		take_source(sq, out);
		r->ds.cur_off = l->off;
		r->ds.cur_len = n;
		/* prose is read for dates only when no shorter line gave one
		 * (see below) */
		if (n <= PROSE_BYTES)
			take_dates(s, n, &r->ds);
		else if (r->n_long < MAX_DATES)
			r->longs[r->n_long++] = l;
		if (k + FOOTER_LINES > r->total)
			take_copyright_year(sq, q, k + 2 > r->total, &r->ds);
		take_url(sq, q, out);
	}
	/* the masthead and the footer, where a page names itself */
	if (blank(s, n))
		return;
	if (r->filled < SITE_LINES) {
		r->filled += (size_t)add_site_line(out, s, n);
		return;
	}
	if (r->n_tail == SITE_LINES) {
		memmove(r->tail, r->tail + 1,
			sizeof r->tail[0] * (SITE_LINES - 1));
		r->n_tail--;
	}
	r->tail[r->n_tail++] = l;
}

/* The date picked among those read (prose last), and its line. */
static void meta_date_pick(page_read *r, const char *text, rp__meta *out)
{
	char sq[MAX_LINE];
	size_t i, n;
	int picked;
	for (i = 0; !r->ds.n && i < r->n_long; i++) {
		r->ds.cur_off = r->longs[i]->off;
		r->ds.cur_len = r->longs[i]->len;
		take_dates(text + r->ds.cur_off,
			   r->ds.cur_len < MAX_LINE ? r->ds.cur_len : MAX_LINE,
			   &r->ds);
	}
	picked = pick_date(&r->ds, &out->when);
	out->date_order = (unsigned char)r->ds.order;
	if (picked >= 0 &&
	    !rp__date_format(&out->when, out->date, sizeof out->date))
		picked = -1;
	if (picked < 0) {
		memset(&out->when, 0, sizeof out->when);
		return;
	}
	out->date_amb = r->ds.amb[picked];
	n = r->ds.line_len[picked];
	n = squeeze(text + r->ds.line_off[picked],
		    n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq, sizeof sq);
	if (n >= sizeof out->dateline) {
		n = sizeof out->dateline - 1;
		while (n > 0 && ((unsigned char)sq[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out->dateline, sq, n);
	out->dateline[n] = '\0';
}

void rp__meta_parse(const char *text, size_t len, const rp__span *lines,
		    size_t n_lines, const char *kept, size_t kept_len,
		    size_t head_from, rp__meta *out)
{
	page_read r;
	size_t k;
	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	/* the last line may have no line end */
	r.total = n_lines;
	if (n_lines && lines[n_lines - 1].off + lines[n_lines - 1].len >= len)
		r.total--;
	for (k = 0; k < n_lines; k++)
		meta_line_read(&r, text, &lines[k], k, out);
	for (k = 0; k < r.n_tail; k++)
		(void)add_site_line(out, text + r.tail[k]->off, r.tail[k]->len);
	meta_date_pick(&r, text, out);
	take_title(kept, kept_len, head_from, out);
}

/* Whether s[0..n) holds what every key of rp__meta_cut_mark holds:
 * "ead" or "tory" in any case, 全文, 节选 or 節選; one pass, so most
 * lines are passed over cheaply. */
static int cut_hint(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	for (i = 0; i + 3 <= n; i++) {
		unsigned c = u[i] | 0x20u;
		if (c == 'e' && (u[i + 1] | 0x20u) == 'a' &&
		    (u[i + 2] | 0x20u) == 'd')
			return 1;
		if (c == 't' && i + 4 <= n && (u[i + 1] | 0x20u) == 'o' &&
		    (u[i + 2] | 0x20u) == 'r' && (u[i + 3] | 0x20u) == 'y')
			return 1;
		if (u[i] >= 0xE5 && u[i] <= 0xE8 && i + 6 <= n &&
		    (memcmp(s + i, "全文", 6) == 0 ||
		     memcmp(s + i, "节选", 6) == 0 ||
		     memcmp(s + i, "節選", 6) == 0))
			return 1;
	}
	return 0;
}

int rp__meta_cut_mark(const char *s, size_t n)
{
	static const char *const keys[] = {
		"continue reading", "read more",  "read the full",
		"read the rest",    "full story", "story continues",
		"阅读全文",         "閱讀全文",   "展开全文",
		"展開全文",         "节选",       "節選",
		"全文完",           "查看全文"};
	char sq[MAX_LINE], low[MAX_LINE];
	size_t k, i, dots = 0, other = 0;
	if (n == 0 || n > CUT_MARK_MAX)
		return 0;
	/* nothing but an ellipsis: "……", "...", "… …" */
	for (i = 0; i < n && !other; i++) {
		if (s[i] == '.')
			dots++;
		else if (i + 2 < n && memcmp(s + i, "\xE2\x80\xA6", 3) == 0) {
			dots += 3;
			i += 2;
		} else if (s[i] != ' ' && s[i] != '\t')
			other++;
	}
	if (!other && dots >= 3)
		return 1;
	if (!cut_hint(s, n))
		return 0;
	k = squeeze(s, n, sq, sizeof sq);
	for (i = 0; i <= k; i++)
		low[i] = (char)tolower((unsigned char)sq[i]);
	return find_any(low, keys, sizeof keys / sizeof keys[0], &i) != NULL;
}
