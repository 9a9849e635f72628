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
 * "publishdate", "Published", ...) wins, else the first date in the page
 * (meta_dates.c); bylines and cut marks are told in meta_byline.c. This
 * file reads the page's lines (split once by page.c) and takes the source,
 * the URL, the title and the site lines.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "meta.h"
#include "meta_read.h"

/* The first and last non-empty lines of a page, squeezed: where a page
 * names itself (masthead, copyright). */
#define SITE_LINES 3  /* first and last non-empty lines kept in site */
#define SITE_LINE  64 /* bytes kept of each */

static int is_sep(char c)
{
	return c == '-' || c == '/' || c == '.' || c == ':';
}

/* Squeeze one line into out (cap bytes): see the top comment. */
size_t rp__meta_squeeze(const char *s, size_t n, char *out, size_t cap)
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

const char *rp__meta_find_any(const char *s, const char *const *keys,
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

int rp__meta_has_any(const char *s, const char *const *keys, size_t nkeys)
{
	size_t klen;
	return rp__meta_find_any(s, keys, nkeys, &klen) != NULL;
}

int rp__meta_starts(const char *v, const char *w)
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
	while (*v == ' ' || *v == ':' || rp__meta_starts(v, "\xEF\xBC\x9A"))
		v += *v == ' ' || *v == ':' ? 1 : 3;
	for (; *v && *v != ';' && *v != '|' && *v != ',' && *v != '(' &&
	       *v != '.' && k + 1 < cap;
	     v++) {
		for (i = 0; i < sizeof stops / sizeof stops[0]; i++)
			if (rp__meta_starts(v, stops[i]))
				break;
		if (i < sizeof stops / sizeof stops[0])
			break;
		if (isdigit((unsigned char)*v) &&
		    rp__date_at(v, strlen(v), 0, &w) > 0)
			break;
		if (*v == ':' || rp__meta_starts(v, "\xEF\xBC\x9A")) {
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

const char *const rp__meta_source_keys[RP__META_SOURCE_KEYS] = {
	"稿件来源：", "信息来源：", "新闻来源：", "来源：",  "來源：",
	"来源:",      "Source:",    "SOURCE:",    "source:", "from:"};

static void take_source(const char *sq, rp__meta *m)
{
	size_t klen;
	const char *p;
	if (m->source[0])
		return;
	p = rp__meta_find_any(sq, rp__meta_source_keys, RP__META_SOURCE_KEYS,
			      &klen);
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
	size_t k = rp__meta_squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
				    cap);
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

/* A byline (a date, or a source named) says who the page copied, not who
 * it is: it is not a site line. 1 when the line was taken. */
static int add_site_line(rp__meta *m, const char *line, size_t n)
{
	char sq[MAX_LINE];
	size_t k = rp__meta_squeeze(line, n < MAX_LINE - 8 ? n : MAX_LINE - 8,
				    sq, sizeof sq),
	       have = strlen(m->site);
	/* a byline is short: its date is within its first bytes */
	if (rp__meta_byline_sq(sq, k < 2 * SITE_LINE ? k : 2 * SITE_LINE))
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
	rp__meta_dates ds;
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
	    rp__meta_worth_reading(s, n)) {
		q = rp__meta_squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
				     sizeof sq);
		take_source(sq, out);
		r->ds.cur_off = l->off;
		r->ds.cur_len = n;
		/* prose is read for dates only when no shorter line gave one
		 * (see below) */
		if (n <= PROSE_BYTES)
			rp__meta_take_dates(s, n, &r->ds);
		else if (r->n_long < MAX_DATES)
			r->longs[r->n_long++] = l;
		if (k + FOOTER_LINES > r->total)
			rp__meta_take_copyright_year(sq, q, k + 2 > r->total,
						     &r->ds);
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
		rp__meta_take_dates(text + r->ds.cur_off,
				    r->ds.cur_len < MAX_LINE ? r->ds.cur_len
							     : MAX_LINE,
				    &r->ds);
	}
	picked = rp__meta_pick_date(&r->ds, &out->when);
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
	n = rp__meta_squeeze(text + r->ds.line_off[picked],
			     n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			     sizeof sq);
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
