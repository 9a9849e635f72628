/*
 * page_collect.c - what a kept line of a page says beside its story: the
 * shingles of its bylines, source lines and datelines (rp__page.meta,
 * which differ from copy to copy and are no edit), its figures (figures.c)
 * and whether it is the page's headline. page.c calls it for each kept
 * line while it reads the page.
 */
#include <string.h>

#include "common.h"
#include "figures.h"
#include "hash.h"
#include "page.h"

#define META_LINE_CPS 120  /* a longer line is prose, dates or not */
#define LABEL_CPS     12   /* a line this short with a digit is a label */
#define MAX_META      4096 /* meta shingles kept per page */
#define MAX_FIGS      1024 /* figures kept per page */

/* Bytes of the first cps code points of s[0..n) (all of it when fewer). */
static size_t head_bytes(const char *s, size_t n, size_t cps)
{
	size_t k, seen = 0;
	for (k = 0; k < n; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80 && seen++ == cps)
			break;
	return k;
}

/* Where the last cps code points of s[0..n) start. */
static size_t tail_start(const char *s, size_t n, size_t cps)
{
	size_t from = n, seen = 0;
	while (from > 0 && seen < cps)
		seen += ((unsigned char)s[--from] & 0xC0) != 0x80;
	return from;
}

/* Append s[0..n) to the buffer b. */
static rp_status append(char **b, size_t *len, size_t *cap, const char *s,
			size_t n, size_t limit)
{
	rp_status st = rp__grow((void **)b, cap, *len + n + 1, 1, limit);
	if (st != RP_OK)
		return st;
	if (n)
		memcpy(*b + *len, s, n);
	*len += n;
	return RP_OK;
}

/* Hash every n-gram of buf[0..len) into p->meta. */
static rp_status hash_meta(rp__page *p, const char *buf, size_t len)
{
	size_t cps = 0, i, n, k;
	rp_status st = rp__grow((void **)&p->mstarts, &p->mstarts_cap, len + 1,
				sizeof *p->mstarts, p->limit);
	if (st != RP_OK)
		return st;
	for (i = 0; i < len; i++)
		if (((unsigned char)buf[i] & 0xC0) != 0x80)
			p->mstarts[cps++] = (uint32_t)i;
	p->mstarts[cps] = (uint32_t)len;
	n = cps >= p->ngram ? cps - p->ngram + 1 : 1;
	st = rp__grow((void **)&p->scratch, &p->scratch_cap, n,
		      sizeof *p->scratch, p->limit);
	if (st == RP_OK)
		st = rp__grow((void **)&p->meta, &p->meta_cap, p->n_meta + n,
			      sizeof *p->meta, p->limit);
	if (st != RP_OK || !cps)
		return st;
	n = rp__hash_ngrams(buf, len, p->mstarts, cps, p->ngram, p->seed,
			    p->scratch);
	for (k = 0; k < n && p->n_meta < MAX_META; k++)
		p->meta[p->n_meta++] = (uint32_t)p->scratch[k];
	return RP_OK;
}

/* Hash the pending byline text into p->meta. */
rp_status rp__page_flush_meta(rp__page *p)
{
	p->pending = 0;
	return hash_meta(p, p->mbuf, p->mbuf_len);
}

/*
 * A wire dateline opening the line just folded ("FRANKFURT, March 27
 * (Reuters) - ..."): outlets keep or drop its credit as a habit, so the
 * shingles of its first pre bytes, with those reaching into the text
 * before and after it, are bylines too. The line is folded again
 * afterwards, so p->lnorm is left as it was.
 */
static rp_status dateline_meta(rp__page *p, const char *line, size_t n,
			       size_t pre)
{
	rp__norm *nm = &p->lnorm;
	size_t edge = p->ngram > 1 ? p->ngram - 1 : 0, plen, len = 0;
	size_t full_len = nm->out_len;
	/* the tail before, the whole line folded, then the prefix alone */
	rp_status st = append(&p->dbuf, &len, &p->dbuf_cap, p->tail,
			      p->tail_len, p->limit);
	if (st == RP_OK)
		st = append(&p->dbuf, &len, &p->dbuf_cap, nm->out, nm->out_len,
			    p->limit);
	if (st == RP_OK)
		st = rp__norm_run(nm, line, pre);
	if (st != RP_OK)
		return st;
	plen = nm->out_len;
	/* the tail, the prefix and the first n - 1 code points after */
	if (plen <= full_len)
		st = hash_meta(p, p->dbuf,
			       p->tail_len + plen +
				       head_bytes(p->dbuf + p->tail_len + plen,
						  len - p->tail_len - plen,
						  edge));
	if (st == RP_OK)
		st = rp__norm_run(nm, line, n);
	return st;
}

/*
 * The line just folded (p->lnorm) is kept; is_meta when it says who and
 * when (a byline). A byline's shingles go to p->meta, with those that
 * reach into its neighbours (the last n - 1 code points of the kept line
 * before it and the first n - 1 of the one after): the folded page is
 * its kept lines end to end, so those shingles change with the byline
 * too.
 */
static rp_status track_meta(rp__page *p, int is_meta)
{
	const rp__norm *nm = &p->lnorm;
	size_t edge = p->ngram > 1 ? p->ngram - 1 : 0;
	rp_status st = RP_OK;
	if (!is_meta && !p->pending && p->tail_len) {
		/* the n-grams across the join with the line before: they
		 * change with whatever lines were dropped between the two */
		size_t len = 0;
		st = append(&p->dbuf, &len, &p->dbuf_cap, p->tail, p->tail_len,
			    p->limit);
		if (st == RP_OK)
			st = append(&p->dbuf, &len, &p->dbuf_cap, nm->out,
				    head_bytes(nm->out, nm->out_len, edge),
				    p->limit);
		if (st == RP_OK)
			st = hash_meta(p, p->dbuf, len);
		if (st != RP_OK)
			return st;
	}
	if (p->pending && !is_meta) {
		st = append(&p->mbuf, &p->mbuf_len, &p->mbuf_cap, nm->out,
			    head_bytes(nm->out, nm->out_len, edge), p->limit);
		if (st == RP_OK)
			st = rp__page_flush_meta(p);
	} else if (is_meta) {
		if (!p->pending) {
			p->mbuf_len = 0;
			st = append(&p->mbuf, &p->mbuf_len, &p->mbuf_cap,
				    p->tail, p->tail_len, p->limit);
			p->pending = 1;
		}
		if (st == RP_OK)
			st = append(&p->mbuf, &p->mbuf_len, &p->mbuf_cap,
				    nm->out, nm->out_len, p->limit);
	}
	/* the last n - 1 code points of the folded text so far */
	if (st == RP_OK)
		st = append(&p->tail, &p->tail_len, &p->tail_cap, nm->out,
			    nm->out_len, p->limit);
	if (st == RP_OK) {
		size_t from = tail_start(p->tail, p->tail_len, edge);
		memmove(p->tail, p->tail + from, p->tail_len - from);
		p->tail_len -= from;
	}
	return st;
}

/* Does the kept line just folded say who, when or where on the paper
 * rather than what: a byline (rp__meta_byline_why: its reasons), or a
 * short label with a number ("第A52版：国内", "Page 3")? 0 when not. */
static int meta_line(const rp__page *p, const char *line, size_t n)
{
	size_t k;
	if (p->lnorm.cps > META_LINE_CPS)
		return 0;
	if (p->lnorm.cps <= LABEL_CPS)
		for (k = 0; k < p->lnorm.out_len; k++)
			if (p->lnorm.out[k] >= '0' && p->lnorm.out[k] <= '9')
				return RP__BYLINE_OTHER;
	return rp__meta_byline_why(line, n);
}

/* The figures of a kept line (figures.c), unless it is a byline for
 * another reason than its date (a source, an author, a counter) or a
 * short label with a number: those differ from copy to copy. */
static rp_status take_figures(rp__page *p, const char *s, size_t n)
{
	size_t room = n + 1;
	rp_status st;
	if (p->figs.n >= MAX_FIGS)
		return RP_OK;
	if (room > MAX_FIGS - p->figs.n)
		room = MAX_FIGS - p->figs.n;
	st = rp__grow((void **)&p->figs.v, &p->figs.cap, p->figs.n + room,
		      sizeof *p->figs.v, p->limit);
	if (st == RP_OK)
		p->figs.n += rp__figures_of_line(s, n, p->seed,
						 p->figs.v + p->figs.n, room);
	return st;
}

/* What a kept line says beside its text: a byline or a dateline, its
 * figures, the page's headline. */
rp_status rp__page_collect(rp__page *p, const char *line, size_t n,
			   uint64_t raw)
{
	rp_status st = RP_OK;
	int why = meta_line(p, line, n);
	int is_meta = why != 0;
	size_t pre = is_meta ? 0 : rp__meta_dateline(line, n);
	if (!is_meta && !p->head_line)
		p->head_line = raw ? raw : 1;
	if (p->figures && !(why & ~RP__BYLINE_DATE))
		st = take_figures(p, line, n);
	if (st == RP_OK && pre)
		st = dateline_meta(p, line, n, pre);
	if (st == RP_OK)
		st = track_meta(p, is_meta);
	return st;
}
