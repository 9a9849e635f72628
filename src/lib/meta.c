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

#include "meta.h"

#define TOP_LINES    60 /* metadata is looked for in the first lines ... */
#define DATELINE_MAX 80 /* bytes of a wire dateline before its dash */
#define FOOTER_LINES 8  /* a copyright line is among the last lines */
#define MAX_LINE     1024
#define CREDIT_MAX   64 /* bytes of a "Name, Outlet" credit line */
#define CUT_MARK_MAX 96 /* bytes of a line saying the story goes on */

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

static int skip_word(const char *s, size_t n, size_t *i, const char *w)
{
	size_t k = strlen(w);
	if (n - *i >= k && memcmp(s + *i, w, k) == 0) {
		*i += k;
		return 1;
	}
	return 0;
}

/* A month named in words: its full name, its first three letters or
 * "Sept" (with an optional '.'); not a word that merely starts like one
 * ("Markets" is not March). */
static int month_of(const char *s, size_t n, size_t *i)
{
	static const char *const names[] = {"january", "february", "march",
					    "april",   "may",      "june",
					    "july",    "august",   "september",
					    "october", "november", "december"};
	size_t len = 0, k;
	int m;
	while (*i + len < n && isalpha((unsigned char)s[*i + len]))
		len++;
	if (len < 3)
		return 0;
	for (m = 0; m < 12; m++) {
		const char *w = names[m];
		for (k = 0; k < len && w[k] &&
			    tolower((unsigned char)s[*i + k]) == w[k];
		     k++)
			;
		if (k == len && (len == 3 || !w[len] || (m == 8 && len == 4))) {
			*i += len;
			if (*i < n && s[*i] == '.')
				(*i)++;
			return m + 1;
		}
	}
	return 0;
}

/* An optional " HH:MM" after a date, with separators a byline puts
 * between them ("Mar 13, 2026 · 8:05 AM", "2026-03-12T14:06") and a 12-hour
 * clock's AM or PM. */
static void time_of(const char *s, size_t n, size_t i, rp__when *w)
{
	int hh, mm;
	size_t j = i;
	for (;;) {
		if (j < n &&
		    (s[j] == ' ' || s[j] == ',' || s[j] == 'T' || s[j] == '|'))
			j++;
		else if (n - j >= 2 && !memcmp(s + j, "\xC2\xB7", 2))
			j += 2; /* · */
		else
			break;
	}
	(void)skip_word(s, n, &j, "at ");
	if (digits(s, n, &j, 1, 2, &hh) && j < n && s[j] == ':') {
		j++;
		if (digits(s, n, &j, 2, 2, &mm) && hh < 24 && mm < 60) {
			size_t k = j;
			while (k < n && s[k] == ' ')
				k++;
			if (hh >= 1 && hh <= 12 && n - k >= 2 &&
			    (s[k + 1] == 'M' || s[k + 1] == 'm') &&
			    (k + 2 == n || !isalpha((unsigned char)s[k + 2]))) {
				int pm = s[k] == 'P' || s[k] == 'p';
				int am = s[k] == 'A' || s[k] == 'a';
				if (pm && hh < 12)
					hh += 12;
				else if (am && hh == 12)
					hh = 0;
			}
			w->h = hh;
			w->mi = mm;
		}
	}
}

static int valid(const rp__when *w)
{
	return (w->y == 0 || (w->y >= 1900 && w->y <= 2199)) && w->mo >= 1 &&
	       w->mo <= 12 && w->d >= 1 && w->d <= 31;
}

/* A year after a day and a month named in words (", 1987", "-1987"),
 * then an optional time; without a year, y stays 0. */
static int year_and_time(const char *s, size_t n, size_t j, rp__when *w)
{
	size_t k = j;
	while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '-'))
		k++;
	if (digits(s, n, &k, 4, 4, &w->y))
		j = k;
	else
		w->y = 0;
	time_of(s, n, j, w);
	return valid(w);
}

/* Can c start a month's name? */
static int month_letter(char c)
{
	switch (c | 0x20) {
	case 'j':
	case 'f':
	case 'm':
	case 'a':
	case 's':
	case 'o':
	case 'n':
	case 'd':
		return 1;
	default:
		return 0;
	}
}

/* Can a date start at s[i]: a digit or a month's first letter, not in
 * the middle of a number or a word? */
static int may_start_date(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	unsigned char p = i ? (unsigned char)s[i - 1] : ' ';
	if (c >= '0' && c <= '9')
		return !(p >= '0' && p <= '9');
	return month_letter((char)c) && !isalpha(p);
}

/* A date starting at s[i]. */
static int date_at(const char *s, size_t n, size_t i, rp__when *w)
{
	size_t j = i;
	int a, b;
	memset(w, 0, sizeof *w);
	w->h = -1;
	if (isdigit((unsigned char)s[i]) &&
	    (i == 0 || !isdigit((unsigned char)s[i - 1]))) {
		/* 2023-03-29, 2023/3/29, 2023.3.29, 2023年3月29日 */
		if (digits(s, n, &j, 4, 4, &w->y)) {
			if ((j < n &&
			     (s[j] == '-' || s[j] == '/' || s[j] == '.') &&
			     (j++, 1)) ||
			    skip_word(s, n, &j, "年")) {
				if (digits(s, n, &j, 1, 2, &w->mo) &&
				    ((j < n &&
				      (s[j] == '-' || s[j] == '/' ||
				       s[j] == '.') &&
				      (j++, 1)) ||
				     skip_word(s, n, &j, "月")) &&
				    digits(s, n, &j, 1, 2, &w->d)) {
					if (!skip_word(s, n, &j, "日"))
						skip_word(s, n, &j, "号");
					time_of(s, n, j, w);
					return valid(w);
				}
			}
			return 0;
		}
		j = i;
		w->y = 0;
		if (!digits(s, n, &j, 1, 2, &a))
			return 0;
		/* 8月10日 21:40: the year comes from elsewhere in the page */
		if (skip_word(s, n, &j, "月")) {
			w->mo = a;
			if (!digits(s, n, &j, 1, 2, &w->d) ||
			    !(skip_word(s, n, &j, "日") ||
			      skip_word(s, n, &j, "号")))
				return 0;
			time_of(s, n, j, w);
			return valid(w);
		}
		/* 03/19/1987 (month first, unless the first number cannot
		 * be a month) */
		if (j < n && s[j] == '/') {
			j++;
			if (!digits(s, n, &j, 1, 2, &b) || j >= n ||
			    s[j] != '/')
				return 0;
			j++;
			if (!digits(s, n, &j, 4, 4, &w->y))
				return 0;
			w->mo = a > 12 ? b : a;
			w->d = a > 12 ? a : b;
			time_of(s, n, j, w);
			return valid(w);
		}
		/* 11 March 1987, 13 Mar 2026, 03-March-1987 */
		w->d = a;
		while (j < n && (s[j] == ' ' || s[j] == '-'))
			j++;
		if ((w->mo = month_of(s, n, &j)) != 0)
			return year_and_time(s, n, j, w);
		return 0;
	}
	/* March 11, 1987 and Mar 13, 2026 */
	if (month_letter(s[i]) &&
	    (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
	    (w->mo = month_of(s, n, &j)) != 0) {
		while (j < n && s[j] == ' ')
			j++;
		if (digits(s, n, &j, 1, 2, &w->d))
			return year_and_time(s, n, j, w);
	}
	return 0;
}

static int emit(const rp__when *w, char out[24])
{
	if (w->y == 0 || !valid(w))
		return 0;
	/* every field is range-checked: the text fits in 17 bytes */
	if (w->h >= 0)
		snprintf(out, 24, "%04d-%02d-%02d %02d:%02d", w->y % 10000,
			 w->mo % 100, w->d % 100, w->h % 100, w->mi % 100);
	else
		snprintf(out, 24, "%04d-%02d-%02d", w->y % 10000, w->mo % 100,
			 w->d % 100);
	return 1;
}

/* The first date in s[0..n) with its year; year-less ones are skipped. */
int rp__meta_date(const char *s, size_t n, char out[24])
{
	size_t i;
	rp__when w;
	/* every form has digits */
	for (i = 0; i < n && !(s[i] >= '0' && s[i] <= '9'); i++)
		;
	if (i == n)
		return 0;
	for (i = 0; i < n; i++)
		if (may_start_date(s, i) && date_at(s, n, i, &w) &&
		    emit(&w, out))
			return 1;
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
	rp__when w;
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
		if (isdigit((unsigned char)*v) && date_at(v, strlen(v), 0, &w))
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
	rp__when when[MAX_DATES];
	unsigned char labelled[MAX_DATES];
	size_t line_off[MAX_DATES], line_len[MAX_DATES]; /* where each is */
	size_t cur_off, cur_len; /* the line being read */
	int n, copyright_year, bottom_year;
} dates;

static void add_date(dates *ds, const rp__when *w, int labelled)
{
	if (ds->n < MAX_DATES) {
		ds->line_off[ds->n] = ds->cur_off;
		ds->line_len[ds->n] = ds->cur_len;
		ds->when[ds->n] = *w;
		ds->labelled[ds->n++] = (unsigned char)labelled;
	}
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

/* Every date of a squeezed line; a labelled one ("发布时间",
 * "publishdate", ...) is marked. A date without year or time counts only
 * on a short line of Latin script (a byline: "Wire · March 23"), not in
 * prose ("今天（9月29日）"): Chinese bylines carry a year or a time. */
static void take_dates(const char *sq, size_t n, int footer, int bottom,
		       dates *ds)
{
	static const char *const keys[] = {
		"发布时间",  "發佈時間", "发布日期",  "publishdate",
		"timestamp", "pubdate",  "Published", "Updated",
		"Posted",    "时间：",   "日期："};
	size_t klen, i;
	const char *p = find_any(sq, keys, sizeof keys / sizeof keys[0], &klen);
	rp__when w;
	int latin; /* no character of three bytes or more: no CJK */
	if (p) {
		const char *v = p + klen;
		size_t rest;
		while (*v == ' ' || *v == ':' || *v == '=' ||
		       ((unsigned char)*v == 0xEF && v[1] && v[2]))
			v += (unsigned char)*v == 0xEF ? 3 : 1;
		rest = n - (size_t)(v - sq);
		memset(&w, 0, sizeof w);
		w.h = -1;
		/* 19870319 */
		i = 0;
		if (digits(v, rest, &i, 8, 8, &w.y)) {
			w.d = w.y % 100;
			w.mo = w.y / 100 % 100;
			w.y /= 10000;
			if (valid(&w))
				add_date(ds, &w, 1);
		} else {
			for (i = 0; i < rest; i++)
				if (date_at(v, rest, i, &w)) {
					add_date(ds, &w, 1);
					break;
				}
		}
	}
	for (i = 0; i < n && (unsigned char)sq[i] < 0xE0; i++)
		;
	latin = i == n;
	for (i = 0; i < n; i++)
		if (may_start_date(sq, i) && date_at(sq, n, i, &w) &&
		    (w.y || w.h >= 0 || (n <= 60 && latin)))
			add_date(ds, &w, 0);
	if (footer)
		take_copyright_year(sq, n, bottom, ds);
}

/* The publish time: the first labelled date with a year, else the first
 * date with a year, else the first without (its year taken from the
 * copyright line, else from another date). A date without a time takes
 * the time of another date of the same day ("4 March 1987" in the byline,
 * "Last updated 4 March 1987 20:16" at the bottom). */
static int pick_date(const dates *ds, char out[24])
{
	int k, best = -1;
	rp__when w;
	for (k = 0; k < ds->n && best < 0; k++)
		if (ds->labelled[k] && ds->when[k].y)
			best = k;
	for (k = 0; k < ds->n && best < 0; k++)
		if (ds->when[k].y)
			best = k;
	if (best < 0 && ds->n)
		best = 0;
	if (best < 0)
		return -1;
	w = ds->when[best];
	if (!w.y)
		w.y = ds->copyright_year ? ds->copyright_year : ds->bottom_year;
	for (k = 0; k < ds->n && !w.y; k++)
		w.y = ds->when[k].y;
	for (k = 0; k < ds->n && w.h < 0; k++)
		if (ds->when[k].h >= 0 && ds->when[k].mo == w.mo &&
		    ds->when[k].d == w.d &&
		    (!ds->when[k].y || ds->when[k].y == w.y)) {
			w.h = ds->when[k].h;
			w.mi = ds->when[k].mi;
		}
	return emit(&w, out) ? best : -1;
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

/* A title: the first kept line of a few words that is not a date or
 * source line. */
static void take_title(const char *kept, size_t len, rp__meta *m)
{
	size_t i = 0, lines = 0;
	char sq[MAX_LINE], d[24];
	while (i < len && lines < 8) {
		const char *e = memchr(kept + i, '\n', len - i);
		size_t n = e ? (size_t)(e - (kept + i)) : len - i, k;
		k = squeeze(kept + i, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			    sizeof sq);
		i += n + 1;
		lines++;
		if (k < 6 || k >= sizeof m->title || rp__meta_date(sq, k, d) ||
		    strstr(sq, "来源") || strstr(sq, "Source"))
			continue;
		memcpy(m->title, sq, k + 1);
		return;
	}
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
		switch (first[u[i]]) {
		case 0:
			break;
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

/* A date (year-less ones included) or a source key in a squeezed line. */
static int byline_sq(const char *sq, size_t k)
{
	size_t i;
	rp__when w;
	if (has_any(sq, source_keys,
		    sizeof source_keys / sizeof source_keys[0]))
		return 1;
	for (i = 0; i < k; i++)
		if (may_start_date(sq, i) && date_at(sq, k, i, &w))
			return 1;
	return 0;
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
	size_t i, j, k, lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	char sq[MAX_LINE];
	if (!n || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < lim; i++)
		for (k = 0; k < sizeof dashes / sizeof dashes[0]; k++) {
			size_t m = strlen(dashes[k]), q;
			rp__when w;
			if (i + m > n || memcmp(s + i, dashes[k], m))
				continue;
			/* a date before the dash: "March 27", "27 March" */
			q = squeeze(s, i, sq, sizeof sq);
			for (j = 0; j < q; j++)
				if (may_start_date(sq, j) &&
				    date_at(sq, q, j, &w))
					return i + m;
			return 0;
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
		return 1;
	if (!digits_or_colon && !person) {
		if (n > CREDIT_MAX || !isupper((unsigned char)s[0]) ||
		    !memchr(s, ',', n))
			return 0;
		k = squeeze(s, n, sq, sizeof sq);
		return name_credit(sq, k);
	}
	k = squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq, sizeof sq);
	if (person && names_person(sq))
		return 1;
	/* an id or a counter: "Article 3591209", "阅读量31108" */
	for (i = 0; i < k; i++) {
		run = isdigit((unsigned char)sq[i]) ? run + 1 : 0;
		if (run >= 5)
			return 1;
	}
	return digits_or_colon && byline_sq(sq, k);
}

/* A byline (a date, or a source named) says who the page copied, not who
 * it is: it is not a site line. 1 when the line was taken. */
static int add_site_line(rp__meta *m, const char *line, size_t n)
{
	char sq[MAX_LINE];
	size_t k = squeeze(line, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			   sizeof sq),
	       have = strlen(m->site);
	if (byline_sq(sq, k))
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

void rp__meta_parse(const char *text, size_t len, const char *kept,
		    size_t kept_len, rp__meta *out)
{
	size_t i, lines = 0, total = 0, filled = 0;
	size_t tail[SITE_LINES][2], n_tail = 0;
	int picked;
	dates ds;
	char sq[MAX_LINE];
	memset(out, 0, sizeof *out);
	memset(&ds, 0, sizeof ds);
	for (i = 0; i < len; i++)
		total += text[i] == '\n';
	for (i = 0; i < len; lines++) {
		const char *e = memchr(text + i, '\n', len - i);
		size_t n = e ? (size_t)(e - (text + i)) : len - i, k;
		/* the top and the bottom of the page, and metadata lines
		 * anywhere; a line without a digit or a colon holds neither
		 * date nor source */
		if ((lines < TOP_LINES || lines + 8 > total ||
		     memchr(text + i, ';', n)) &&
		    worth_reading(text + i, n)) {
			k = squeeze(text + i,
				    n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
				    sizeof sq);
			take_source(sq, out);
			ds.cur_off = i;
			ds.cur_len = n;
			take_dates(sq, k, lines + FOOTER_LINES > total,
				   lines + 2 > total, &ds);
			take_url(sq, k, out);
		}
		/* the masthead and the footer, where a page names itself */
		if (!blank(text + i, n)) {
			if (filled < SITE_LINES) {
				filled +=
					(size_t)add_site_line(out, text + i, n);
			} else {
				if (n_tail == SITE_LINES) {
					memmove(tail[0], tail[1],
						sizeof tail[0] *
							(SITE_LINES - 1));
					n_tail--;
				}
				tail[n_tail][0] = i;
				tail[n_tail++][1] = n;
			}
		}
		i += n + 1;
	}
	for (i = 0; i < n_tail; i++)
		(void)add_site_line(out, text + tail[i][0], tail[i][1]);
	picked = pick_date(&ds, out->date);
	if (picked >= 0) {
		size_t n = ds.line_len[picked];
		n = squeeze(text + ds.line_off[picked],
			    n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq, sizeof sq);
		if (n >= sizeof out->dateline) {
			n = sizeof out->dateline - 1;
			while (n > 0 && ((unsigned char)sq[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(out->dateline, sq, n);
		out->dateline[n] = '\0';
	}
	take_title(kept, kept_len, out);
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
