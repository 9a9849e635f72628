/*
 * page.c - from a decoded page to the lines that count.
 *
 * A page is cut into lines (LF, CRLF or CR). Each line is classified by
 * the built-in furniture rules (furniture.c), folded like the text it
 * belongs to (so a segmented and an unsegmented copy of a line, or a
 * Traditional and a Simplified one, are the same line) and hashed, the
 * hash marked with the line's place (head or below, see placed). Lines
 * learned as boilerplate for the page's group (boilerplate.c) are dropped
 * too, but for the last line of a wrapped paragraph. What is kept is
 * joined again, in order, for shingling. On the way, for syndication,
 * the shingles of bylines and line joins are collected (meta), with the
 * page's headline and whether it says the story goes on elsewhere.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "furniture.h"
#include "hash.h"
#include "meta.h"
#include "page.h"
#include "radix.h"

/* learned furniture after this many letters of kept text ends the story */
#define RP__PAGE_CUT_CPS 100
#define WRAPPED_MIN      50 /* bytes of a line a text browser wrapped */
#define MASK_DIGITS      3  /* a number this long names no template */
#define MASKED           0x6d61736b65642121ull /* lines without numbers */
/* a line starting in this first share of a page's bytes is in its head */
#define HEAD_NUM 1
#define HEAD_DEN 3

uint64_t rp__bp_key(uint64_t group, uint64_t line)
{
	return rp__mix64(group ^ rp__mix64(line));
}

/*
 * A line's hash says where on the page it is: in the head (a masthead,
 * a menu, the headline) or below (the story, related headlines, the
 * footer). Furniture is what repeats in the same place: a story's
 * headline is in the head of its own page but below the story on the
 * same outlet's pages that list it as related, and must not be learned
 * as furniture of its own page.
 */
static uint64_t placed(uint64_t h, size_t off, size_t len)
{
	return (uint64_t)off * HEAD_DEN < (uint64_t)len * HEAD_NUM
		       ? h
		       : rp__mix64(~h);
}

int rp__bp_has(const rp__bpset *set, uint64_t key)
{
	size_t at = set ? rp__lower_bound64(set->keys, set->n, key) : 0;
	return set && at < set->n && set->keys[at] == key;
}

void rp__page_init(rp__page *p, size_t limit, uint64_t seed)
{
	memset(p, 0, sizeof *p);
	rp__norm_init(&p->lnorm, RP_NORM_TEXT, limit);
	p->lnorm.t2s = 1;
	p->limit = limit;
	p->seed = seed;
}

void rp__page_release(rp__page *p)
{
	rp__norm_release(&p->lnorm);
	free(p->kept);
	free(p->hashes);
	free(p->masked);
	free(p->msort);
	free(p->drops);
	free(p->meta);
	free(p->figs.v);
	free(p->scratch);
	free(p->mbuf);
	free(p->dbuf);
	free(p->mstarts);
	free(p->tail);
	free(p->fout);
	free(p->fstarts);
	free(p->spans);
	memset(p, 0, sizeof *p);
}

static rp_status keep_line(rp__page *p, const char *s, size_t n, uint64_t h)
{
	rp_status st = rp__grow((void **)&p->kept, &p->kept_cap,
				p->kept_len + n + 2, 1, p->limit);
	if (st == RP_OK)
		st = rp__grow((void **)&p->hashes, &p->hashes_cap,
			      p->n_hashes + 1, sizeof *p->hashes, p->limit);
	if (st != RP_OK)
		return st;
	memcpy(p->kept + p->kept_len, s, n);
	p->kept_len += n;
	p->kept[p->kept_len++] = '\n';
	p->hashes[p->n_hashes++] = h;
	return RP_OK;
}

/* Append the line just folded (p->lnorm) to the folded kept text. */
static rp_status keep_folded(rp__page *p)
{
	const rp__norm *nm = &p->lnorm;
	size_t k, base = p->fout_len;
	rp_status st;
	if (!p->folded_ok)
		return RP_OK;
	if (nm->may_join || nm->nul || nm->invalid) {
		p->folded_ok = 0;
		return RP_OK;
	}
	st = rp__grow((void **)&p->fout, &p->fout_cap, base + nm->out_len + 1,
		      1, p->limit);
	if (st != RP_OK)
		return st;
	memcpy(p->fout + base, nm->out, nm->out_len);
	p->fout_len += nm->out_len;
	if (p->fascii && !nm->ascii) {
		/* the first line beyond ASCII: what came before is one byte
		 * per code point */
		p->fascii = 0;
		st = rp__grow((void **)&p->fstarts, &p->fstarts_cap,
			      p->fcps + nm->cps + 1, sizeof *p->fstarts,
			      p->limit + 1);
		if (st != RP_OK)
			return st;
		for (k = 0; k < p->fcps; k++)
			p->fstarts[k] = (uint32_t)k;
	} else if (!p->fascii) {
		st = rp__grow((void **)&p->fstarts, &p->fstarts_cap,
			      p->fcps + nm->cps + 1, sizeof *p->fstarts,
			      p->limit + 1);
		if (st != RP_OK)
			return st;
	}
	if (!p->fascii)
		for (k = 0; k < nm->cps; k++)
			p->fstarts[p->fcps + k] =
				(uint32_t)(base +
					   (nm->ascii ? k : nm->starts[k]));
	p->fcps += nm->cps;
	if (!p->fascii)
		p->fstarts[p->fcps] = (uint32_t)p->fout_len;
	return RP_OK;
}

/* Does a line end a sentence (or a heading, a label)? Trailing spaces
 * aside: . ! ? : and their full-width forms, closing quotes. */
static int ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = {"\xE3\x80\x82", "\xEF\xBC\x81",
					   "\xEF\xBC\x9F", "\xEF\xBC\x9A",
					   "\xE2\x80\x9D", "\xE3\x80\x8D"};
	size_t k;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return 1;
	if (strchr(".!?:\")", s[n - 1]))
		return 1;
	for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
		if (n >= 3 && memcmp(s + n - 3, ends[k], 3) == 0)
			return 1;
	return 0;
}

static size_t digit_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	return k;
}

/* The hash of the line just folded without its numbers of MASK_DIGITS
 * digits or more (a counter, a date, a licence number; "Channel 7"
 * keeps its 7), placed like h; h itself when it has none. */
static rp_status masked_hash(rp__page *p, uint64_t h, size_t off, size_t len,
			     uint64_t *out)
{
	const rp__norm *nm = &p->lnorm;
	size_t k, m = 0, run;
	int cut = 0;
	rp_status st = rp__grow((void **)&p->dbuf, &p->dbuf_cap,
				nm->out_len + 1, 1, p->limit);
	if (st != RP_OK)
		return st;
	for (k = 0; k < nm->out_len; k += run ? run : 1) {
		run = digit_run(nm->out + k, nm->out_len - k);
		if (run >= MASK_DIGITS) {
			cut = 1;
			continue;
		}
		memcpy(p->dbuf + m, nm->out + k, run ? run : 1);
		m += run ? run : 1;
	}
	*out = cut ? placed(rp__mix64(rp__hash(p->dbuf, m, p->seed) ^ MASKED),
			    off, len)
		   : h;
	return RP_OK;
}

/* Sort v[0..*n) and drop repeats (tmp: room for *n). */
static void sort_unique(uint32_t *v, size_t *n, uint32_t *tmp)
{
	size_t k, m = 0;
	rp__radix_sort_u32(v, tmp, *n);
	for (k = 0; k < *n; k++)
		if (!m || v[m - 1] != v[k])
			v[m++] = v[k];
	*n = m;
}

static rp_status lines(rp__page *p, const char *text, size_t len, int rules,
		       const rp__bpset *learned, uint64_t group);

/* A furniture line at off: the first one, when it is in the page's head
 * (its first HEAD_LINES lines and first third), ends what a tool printed
 * above the page ("Model loaded succeed"). */
#define HEAD_LINES 20
static void head_furniture(rp__page *p, int *furnished, size_t line_no,
			   size_t off, size_t len)
{
	if (*furnished)
		return;
	*furnished = 1;
	if (line_no <= HEAD_LINES &&
	    (uint64_t)off * HEAD_DEN < (uint64_t)len * HEAD_NUM)
		p->head_from = p->kept_len;
}

rp_status rp__page_lines(rp__page *p, const char *text, size_t len, int rules,
			 const rp__bpset *learned, uint64_t group)
{
	rp_status st;
	p->n_meta = 0;
	p->figs.n = 0;
	p->pending = 0;
	p->tail_len = 0;
	p->head_line = 0;
	p->cut_mark = 0;
	p->head_from = 0;
	st = lines(p, text, len, rules, learned, group);
	if (st == RP_OK && p->pending)
		st = rp__page_flush_meta(p);
	if (st == RP_OK)
		st = rp__grow((void **)&p->msort, &p->msort_cap,
			      (p->n_meta > p->figs.n ? p->n_meta : p->figs.n) +
				      1,
			      sizeof *p->msort, p->limit);
	if (st != RP_OK) {
		p->n_meta = p->figs.n = 0;
		return st;
	}
	sort_unique(p->meta, &p->n_meta, p->msort);
	sort_unique(p->figs.v, &p->figs.n, p->msort);
	return RP_OK;
}

/* One page being read: where the reader is and what it has met. */
typedef struct reader {
	const char *text;
	size_t len;
	int rules;                /* apply the built-in furniture rules */
	const rp__bpset *learned; /* lines learned as furniture, or NULL */
	uint64_t group;           /* whose learned lines */
	size_t kept_cps, line_no;
	int wrapped;   /* the line before is a wrapped paragraph's, open */
	int furnished; /* a furniture line was met */
	int collect;   /* bylines and figures wanted (signing) */
	int done;      /* the story is over: lines are only listed */
} reader;

static rp_status add_span(rp__page *p, size_t off, size_t len)
{
	rp_status st = rp__grow((void **)&p->spans, &p->spans_cap,
				p->n_spans + 1, sizeof *p->spans, p->limit);
	if (st != RP_OK)
		return st;
	p->spans[p->n_spans].off = (uint32_t)off;
	p->spans[p->n_spans++].len = (uint32_t)len;
	return RP_OK;
}

/* A line the built-in rules call furniture (or an empty one): 1. */
static int drop_by_rule(rp__page *p, reader *r, size_t i, size_t end)
{
	int c = rp__furniture_line(r->text + i, end - i);
	if (c == RP__FURN_KEEP)
		return 0;
	p->dropped_rule += c != RP__FURN_EMPTY;
	if (c != RP__FURN_EMPTY)
		head_furniture(p, &r->furnished, r->line_no, i, r->len);
	r->wrapped = 0;
	return 1;
}

/* A line learned as the group's furniture: listed in drops; after the
 * story, what follows is the outlet's, not the story's (related blocks),
 * and reading ends. */
static rp_status drop_learned(rp__page *p, reader *r, uint64_t key, size_t i,
			      size_t end)
{
	rp_status st =
		rp__grow((void **)&p->drops, &p->drops_cap,
			 p->dropped_learned + 1, sizeof *p->drops, p->limit);
	if (st != RP_OK)
		return st;
	p->drops[p->dropped_learned].key = key;
	p->drops[p->dropped_learned].off = i;
	p->drops[p->dropped_learned].len = end - i;
	p->dropped_learned++;
	head_furniture(p, &r->furnished, r->line_no, i, r->len);
	if (r->kept_cps >= RP__PAGE_CUT_CPS)
		r->done = 1;
	return RP_OK;
}

/* Keep the line s[i..end), folded in p->lnorm, with its hash h. */
static rp_status keep(rp__page *p, reader *r, size_t i, size_t end, uint64_t h,
		      uint64_t raw)
{
	const char *line = r->text + i;
	rp_status st;
	r->kept_cps += p->lnorm.cps;
	st = keep_line(p, line, end - i, h);
	if (st == RP_OK)
		st = keep_folded(p);
	if (st == RP_OK && !r->rules && !r->learned) {
		st = rp__grow((void **)&p->masked, &p->masked_cap, p->n_hashes,
			      sizeof *p->masked, p->limit);
		if (st == RP_OK)
			st = masked_hash(p, h, i, r->len,
					 &p->masked[p->n_hashes - 1]);
	}
	if (st == RP_OK && r->collect)
		st = rp__page_collect(p, line, end - i, raw);
	return st;
}

/* Read the line s[i..end): dropped, or kept. */
static rp_status read_line(rp__page *p, reader *r, size_t i, size_t end)
{
	const char *line = r->text + i;
	uint64_t h, raw;
	int cont;
	rp_status st;
	if (r->collect && !p->cut_mark && r->kept_cps >= RP__PAGE_CUT_CPS &&
	    rp__meta_cut_mark(line, end - i))
		p->cut_mark = 1;
	r->line_no++;
	if (r->rules && drop_by_rule(p, r, i, end))
		return RP_OK;
	st = rp__norm_run(&p->lnorm, line, end - i);
	if (st != RP_OK)
		return st;
	if (p->lnorm.out_len == 0) {
		r->wrapped = 0;
		return RP_OK;
	}
	raw = rp__hash(p->lnorm.out, p->lnorm.out_len, p->seed);
	h = placed(raw, i, r->len);
	cont = r->wrapped;
	r->wrapped = end - i >= WRAPPED_MIN && !ends_sentence(line, end - i);
	/* the end of a wrapped paragraph ("said.") is no furniture */
	if (r->learned && !cont &&
	    rp__bp_has(r->learned, rp__bp_key(r->group, h)))
		return drop_learned(p, r, rp__bp_key(r->group, h), i, end);
	return keep(p, r, i, end, h, raw);
}

static rp_status lines(rp__page *p, const char *text, size_t len, int rules,
		       const rp__bpset *learned, uint64_t group)
{
	reader r;
	size_t i = 0;
	rp_status st;
	memset(&r, 0, sizeof r);
	r.text = text;
	r.len = len;
	r.rules = rules;
	r.learned = learned;
	r.group = group;
	/* bylines are for signing; the boilerplate pass (no rules, nothing
	 * learned yet) only wants the line hashes */
	r.collect = p->ngram && (rules || learned);
	p->kept_len = p->n_hashes = 0;
	p->dropped_rule = p->dropped_learned = 0;
	p->fout_len = p->fcps = p->n_spans = 0;
	p->fascii = 1;
	p->folded_ok = 1;
	st = rp__grow((void **)&p->fout, &p->fout_cap, 16, 1, p->limit);
	if (st == RP_OK)
		st = rp__grow((void **)&p->kept, &p->kept_cap, 16, 1, p->limit);
	while (st == RP_OK && i < len) {
		size_t next, end = rp__line_end(text, len, i, &next);
		st = add_span(p, i, end - i);
		if (st == RP_OK && !r.done)
			st = read_line(p, &r, i, end);
		i = next;
	}
	return st;
}
