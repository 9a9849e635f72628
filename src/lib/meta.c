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

#define TOP_LINES 60 /* metadata is looked for in the first lines ... */
#define MAX_LINE  1024

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

static int month_of(const char *s, size_t n, size_t *i)
{
	static const char *const names[] = {"jan", "feb", "mar", "apr",
					    "may", "jun", "jul", "aug",
					    "sep", "oct", "nov", "dec"};
	int m;
	if (n - *i < 3)
		return 0;
	for (m = 0; m < 12; m++)
		if (tolower((unsigned char)s[*i]) == names[m][0] &&
		    tolower((unsigned char)s[*i + 1]) == names[m][1] &&
		    tolower((unsigned char)s[*i + 2]) == names[m][2]) {
			*i += 3;
			while (*i < n && isalpha((unsigned char)s[*i]))
				(*i)++;
			if (*i < n && s[*i] == '.')
				(*i)++;
			return m + 1;
		}
	return 0;
}

/* An optional " HH:MM" after a date. */
static void time_of(const char *s, size_t n, size_t i, int *h, int *mi)
{
	int hh, mm;
	size_t j = i;
	while (j < n && (s[j] == ' ' || s[j] == ',' || s[j] == 'T'))
		j++;
	(void)skip_word(s, n, &j, "at ");
	if (digits(s, n, &j, 1, 2, &hh) && j < n && s[j] == ':') {
		j++;
		if (digits(s, n, &j, 2, 2, &mm) && hh < 24 && mm < 60) {
			*h = hh;
			*mi = mm;
		}
	}
}

static int emit(int y, int mo, int d, int h, int mi, char out[24])
{
	if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	/* every field is range-checked: the text fits in 17 bytes */
	if (h >= 0)
		snprintf(out, 24, "%04d-%02d-%02d %02d:%02d", y % 10000,
			 mo % 100, d % 100, h % 100, mi % 100);
	else
		snprintf(out, 24, "%04d-%02d-%02d", y % 10000, mo % 100,
			 d % 100);
	return 1;
}

/* ", 1987 18:11" after a day and a month named in words. */
static int year_and_time(const char *s, size_t n, size_t j, int mo, int d,
			 char out[24])
{
	int y, h = -1, mi = 0;
	while (j < n && (s[j] == ' ' || s[j] == ','))
		j++;
	if (!digits(s, n, &j, 4, 4, &y))
		return 0;
	time_of(s, n, j, &h, &mi);
	return emit(y, mo, d, h, mi, out);
}

/* A date starting at s[i]. */
static int date_at(const char *s, size_t n, size_t i, char out[24])
{
	int y, mo, d, h = -1, mi = 0;
	size_t j = i;
	if (isdigit((unsigned char)s[i]) &&
	    (i == 0 || !isdigit((unsigned char)s[i - 1]))) {
		/* 2023-03-29, 2023/3/29, 2023.3.29, 2023年3月29日 */
		if (digits(s, n, &j, 4, 4, &y)) {
			if ((j < n &&
			     (s[j] == '-' || s[j] == '/' || s[j] == '.') &&
			     (j++, 1)) ||
			    skip_word(s, n, &j, "年")) {
				if (digits(s, n, &j, 1, 2, &mo) &&
				    ((j < n &&
				      (s[j] == '-' || s[j] == '/' ||
				       s[j] == '.') &&
				      (j++, 1)) ||
				     skip_word(s, n, &j, "月")) &&
				    digits(s, n, &j, 1, 2, &d)) {
					if (!skip_word(s, n, &j, "日"))
						skip_word(s, n, &j, "号");
					time_of(s, n, j, &h, &mi);
					return emit(y, mo, d, h, mi, out);
				}
			}
			return 0;
		}
		j = i;
		/* 19870319 (after a date key) is handled by the caller;
		 * 11 March 1987, 13 Mar 2026 */
		if (digits(s, n, &j, 1, 2, &d)) {
			while (j < n && s[j] == ' ')
				j++;
			if ((mo = month_of(s, n, &j)) != 0)
				return year_and_time(s, n, j, mo, d, out);
		}
		return 0;
	}
	/* March 11, 1987 and Mar 13, 2026 */
	if (isalpha((unsigned char)s[i]) &&
	    (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
	    (mo = month_of(s, n, &j)) != 0) {
		while (j < n && s[j] == ' ')
			j++;
		if (digits(s, n, &j, 1, 2, &d))
			return year_and_time(s, n, j, mo, d, out);
	}
	return 0;
}

int rp__meta_date(const char *s, size_t n, char out[24])
{
	size_t i;
	/* every form has digits */
	for (i = 0; i < n && !(s[i] >= '0' && s[i] <= '9'); i++)
		;
	if (i == n)
		return 0;
	for (i = 0; i < n; i++)
		if (date_at(s, n, i, out))
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

/* The value after a source key, up to a separator. */
static void copy_value(const char *v, char *out, size_t cap)
{
	size_t k = 0;
	/* spaces, ':' and the full-width colon (EF BC 9A) */
	while (*v == ' ' || *v == ':' ||
	       ((unsigned char)*v == 0xEF && v[1] && v[2]))
		v += (unsigned char)*v == 0xEF ? 3 : 1;
	while (*v && *v != ';' && *v != '|' && *v != ',' && k + 1 < cap &&
	       strncmp(v, "  ", 2) != 0 && strncmp(v, "\xE3\x80\x80", 3) != 0 &&
	       strncmp(v, "作者", 6) != 0 && strncmp(v, "编辑", 6) != 0 &&
	       strncmp(v, "责任", 6) != 0 && strncmp(v, "记者", 6) != 0 &&
	       strncmp(v, "\xEF\xBC\x88", 3) != 0 && *v != '(' &&
	       strncmp(v, "\xC2\xB7", 2) != 0 &&   /* · */
	       strncmp(v, "\xE2\x80\xA2", 3) != 0) /* • */
		out[k++] = *v++;
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

static void take_source(const char *sq, rp__meta *m)
{
	static const char *const keys[] = {
		"稿件来源：", "信息来源：", "新闻来源：", "来源：",  "來源：",
		"来源:",      "Source:",    "SOURCE:",    "source:", "from:"};
	size_t klen;
	const char *p;
	if (m->source[0])
		return;
	p = find_any(sq, keys, sizeof keys / sizeof keys[0], &klen);
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

static void take_date(const char *sq, size_t n, rp__meta *m, int *labelled)
{
	static const char *const keys[] = {
		"发布时间",  "發佈時間", "发布日期",  "publishdate",
		"timestamp", "pubdate",  "Published", "Updated",
		"Posted",    "时间：",   "日期："};
	size_t klen;
	const char *p = find_any(sq, keys, sizeof keys / sizeof keys[0], &klen);
	char d[24];
	if (p && !*labelled) {
		const char *v = p + klen;
		size_t rest = n - (size_t)(v - sq), i;
		while (*v == ' ' || *v == ':' || *v == '=' ||
		       ((unsigned char)*v == 0xEF && v[1] && v[2]))
			v += (unsigned char)*v == 0xEF ? 3 : 1;
		rest = n - (size_t)(v - sq);
		if (rest >= 8) {
			int ok = 1;
			for (i = 0; i < 8; i++)
				ok &= isdigit((unsigned char)v[i]) != 0;
			if (ok &&
			    (rest == 8 || !isdigit((unsigned char)v[8]))) {
				int y = (v[0] - '0') * 1000 +
					(v[1] - '0') * 100 + (v[2] - '0') * 10 +
					(v[3] - '0');
				int mo = (v[4] - '0') * 10 + (v[5] - '0');
				int dd = (v[6] - '0') * 10 + (v[7] - '0');
				if (emit(y, mo, dd, -1, 0, d)) {
					memcpy(m->date, d, sizeof d);
					*labelled = 1;
					return;
				}
			}
		}
		if (rp__meta_date(v, rest, d)) {
			memcpy(m->date, d, sizeof d);
			*labelled = 1;
			return;
		}
	}
	if (!m->date[0] && rp__meta_date(sq, n, d))
		memcpy(m->date, d, sizeof d);
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
	size_t i;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if ((c >= '0' && c <= '9') || c == ':' || c == '(' ||
		    (i + 2 < n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0) ||
		    (i + 3 < n &&
		     (memcmp(s + i, "via ", 4) == 0 ||
		      memcmp(s + i, "http", 4) == 0) &&
		     (s[i] == 'h' || i == 0 ||
		      !isalpha((unsigned char)s[i - 1]))))
			return 1;
	}
	return 0;
}

void rp__meta_parse(const char *text, size_t len, const char *kept,
		    size_t kept_len, rp__meta *out)
{
	size_t i = 0, lines = 0;
	int labelled = 0;
	char sq[MAX_LINE];
	memset(out, 0, sizeof *out);
	while (i < len) {
		const char *e = memchr(text + i, '\n', len - i);
		size_t n = e ? (size_t)(e - (text + i)) : len - i, k;
		/* the top of the page, and metadata lines anywhere; a line
		 * without a digit or a colon holds neither date nor source */
		if ((lines < TOP_LINES || memchr(text + i, ';', n)) &&
		    worth_reading(text + i, n)) {
			k = squeeze(text + i,
				    n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
				    sizeof sq);
			take_source(sq, out);
			take_date(sq, k, out, &labelled);
			take_url(sq, k, out);
		}
		i += n + 1;
		lines++;
	}
	take_title(kept, kept_len, out);
}
