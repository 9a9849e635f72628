/*
 * date_label.c - what stands right before a date: its label and a zone.
 *
 * In: the text before where a date starts. Out: the label that ends
 * there, the longest that matches (rp__date.label: 发布时间, Published,
 * pubdate=, Updated, 更新时间 ...), and a Chinese zone named before the
 * date (北京时间), matched backwards from the date's start over what
 * stands between ("发布时间：", "pubdate=\"", "Date: (").
 */
#include <string.h>

#include "date_read.h"

/* bytes before a date searched for its label */
#define LOOK_BACK 96

/* labels, lower case without spaces */
static const char *const published[] = {
	"发布时间",    "發佈時間",     "發布時間",      "发布日期",
	"發佈日期",    "發布日期",     "发布于",        "發佈於",
	"发表于",      "發表於",       "发表时间",      "發表時間",
	"published",   "publishedon",  "publishedat",   "posted",
	"postedon",    "postedat",     "pubdate",       "pub_date",
	"publishdate", "publish_date", "datepublished", "timestamp"};

static const char *const updated[] = {
	"updated",      "updatedon", "updatedat",    "lastupdated",
	"lastmodified", "modified",  "datemodified", "更新时间",
	"更新時間",     "更新日期",  "更新于",       "更新於",
	"修改时间",     "修改時間",  "最后更新",     "最後更新"};

/* in prose these are words: labels only with ':' or '=' after them */
static const char *const published_colon[] = {"时间", "時間", "日期", "date"};

static const struct label_set {
	const char *const *w;
	size_t n;
	unsigned char kind, colon;
} label_sets[] = {
	{published, N(published), RP__LABEL_PUBLISHED, 0},
	{updated, N(updated), RP__LABEL_UPDATED, 0},
	{published_colon, N(published_colon), RP__LABEL_PUBLISHED, 1}};

/* Back over what stands between a label and its date: spaces, ':', '=',
 * quotes and brackets (full-width too); *colon: a ':' or '=' was one. */
static size_t skip_back(const char *s, size_t lo, size_t j, int *colon)
{
	size_t len;
	int u;
	*colon = 0;
	for (; j > lo; j -= len) {
		u = rp__date_prev_unit(s, j, &len);
		if (u == ':' || u == '=')
			*colon = 1;
		else if (u != ' ' && u != '"' && u != '\'' && u != '(' &&
			 u != ')')
			break;
	}
	return j;
}

/* Does one of set's labels end at s[j], the longest so far (*best)? An
 * English label must start a word. */
static int label_at(const char *s, size_t lo, size_t j, int colon,
		    const struct label_set *set, size_t *best)
{
	size_t k, from, len;
	int found = 0;
	for (k = 0; k < set->n && (colon || !set->colon); k++) {
		len = strlen(set->w[k]);
		if (len > *best &&
		    rp__date_ends_with(s, lo, j, set->w[k], &from) &&
		    !(is_alpha(set->w[k][0]) && from > 0 &&
		      is_alpha((unsigned char)s[from - 1]))) {
			*best = len;
			found = 1;
		}
	}
	return found;
}

void rp__date_look_back(const char *s, size_t i, rp__date *d)
{
	size_t lo = i > LOOK_BACK ? i - LOOK_BACK : 0, j, from, best = 0, k;
	int colon, off;
	j = skip_back(s, lo, i, &colon);
	if (rp__date_cn_zone_ends(s, lo, j, &from, &off)) {
		rp__date_set_zone(d, off, 0);
		j = skip_back(s, lo, from, &colon);
	}
	for (k = 0; k < N(label_sets); k++)
		if (label_at(s, lo, j, colon, &label_sets[k], &best))
			d->label = label_sets[k].kind;
}

int rp__date_label_before(cur *c)
{
	rp__date lb;
	if (c->label < 0) {
		memset(&lb, 0, sizeof lb);
		rp__date_look_back(c->s, c->start, &lb);
		c->label = lb.label;
	}
	return c->label;
}
