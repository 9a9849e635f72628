/*
 * passages.c - the passages two texts share, with their places in both.
 *
 * Each text is decoded and cut into lines as a page is signed (furniture
 * lines dropped by the built-in rules), then folded one code point at a
 * time, keeping for every folded code point the bytes of the decoded text
 * it came from. Passages are maximal runs of equal folded code points:
 * every n-gram of A is indexed, B is walked left to right, and a run that
 * starts on a shared n-gram is extended as far as both texts agree (of
 * the places in A with that n-gram, the one giving the longest run). What
 * is left between passages is what only one text has.
 *
 * Folding code point by code point misses the few foldings that need
 * their neighbours (a letter and a combining accent), which only shortens
 * a passage there; it is meant for explaining a pair, not for signing.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "furniture.h"
#include "hash.h"
#include "lines.h"
#include "signer.h"
#include "utf8.h"

#define MAX_TRIES 16 /* places in A tried for one n-gram of B */

typedef struct folded {
	char *text; /* the decoded text (UTF-8) */
	size_t len;
	uint32_t *cp;        /* folded code points */
	uint32_t *from, *to; /* bytes of text each one came from */
	size_t n, cap;
} folded;

static void folded_free(folded *f)
{
	free(f->text);
	free(f->cp);
	free(f->from);
	free(f->to);
	memset(f, 0, sizeof *f);
}

static rp_status push(folded *f, uint32_t cp, size_t from, size_t to,
		      size_t limit)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 1024;
		uint32_t *c, *fr, *t;
		if (cap > limit)
			return RP_ETOOBIG;
		c = rp__realloc_n(f->cp, cap, sizeof *c);
		if (c)
			f->cp = c;
		fr = c ? rp__realloc_n(f->from, cap, sizeof *fr) : NULL;
		if (fr)
			f->from = fr;
		t = fr ? rp__realloc_n(f->to, cap, sizeof *t) : NULL;
		if (!t)
			return RP_ENOMEM;
		f->to = t;
		f->cap = cap;
	}
	f->cp[f->n] = cp;
	f->from[f->n] = (uint32_t)from;
	f->to[f->n++] = (uint32_t)to;
	return RP_OK;
}

/* Decode, drop furniture lines, fold with the map back to the text. */
static rp_status fold_mapped(rp_signer *s, const char *bytes, size_t len,
			     folded *f)
{
	rp__decoded dec;
	rp__norm *nm = &s->page.lnorm;
	size_t i = 0, limit = s->cfg.max_doc_bytes * 12 + 64;
	rp_status st = rp__signer_decode(s, bytes, len, &dec);
	if (st != RP_OK)
		return st;
	f->text = rp__malloc_n(dec.len + 1, 1);
	if (!f->text)
		return RP_ENOMEM;
	memcpy(f->text, dec.text, dec.len);
	f->text[dec.len] = '\0';
	f->len = dec.len;
	while (i < f->len) {
		size_t next, k, end = rp__line_end(f->text, f->len, i, &next);
		if (s->cfg.furniture &&
		    rp__furniture_line(f->text + i, end - i) != RP__FURN_KEEP) {
			i = next;
			continue;
		}
		for (k = i; k < end;) {
			size_t adv, o = 0;
			(void)rp__utf8_decode((const unsigned char *)f->text +
						      k,
					      end - k, &adv);
			st = rp__norm_run(nm, f->text + k, adv);
			if (st != RP_OK)
				return st;
			while (o < nm->out_len) {
				size_t a;
				int32_t c = rp__utf8_decode(
					(const unsigned char *)nm->out + o,
					nm->out_len - o, &a);
				st = push(f, (uint32_t)c, k, k + adv, limit);
				if (st != RP_OK)
					return st;
				o += a;
			}
			k += adv;
		}
		i = next;
	}
	return RP_OK;
}

/* An index of A's n-grams: slot -> 1 + a place; places with one hash are
 * chained through next. */
typedef struct gram_index {
	size_t *slot, *next, cap;
	uint64_t *hash;
} gram_index;

static uint64_t gram_hash(const uint32_t *cp, unsigned n)
{
	return rp__hash(cp, n * sizeof *cp, 0x70617373u);
}

static rp_status index_grams(gram_index *ix, const folded *a, unsigned n)
{
	size_t grams = a->n >= n ? a->n - n + 1 : 0, i;
	ix->cap = 16;
	while (ix->cap < 2 * grams)
		ix->cap *= 2;
	ix->slot = rp__calloc_n(ix->cap, sizeof *ix->slot);
	ix->next = rp__calloc_n(grams + 1, sizeof *ix->next);
	ix->hash = rp__calloc_n(grams + 1, sizeof *ix->hash);
	if (!ix->slot || !ix->next || !ix->hash)
		return RP_ENOMEM;
	/* from the end, so that chains list places left to right */
	for (i = grams; i-- > 0;) {
		uint64_t h = gram_hash(a->cp + i, n);
		size_t s = (size_t)h & (ix->cap - 1);
		while (ix->slot[s] && ix->hash[ix->slot[s] - 1] != h)
			s = (s + 1) & (ix->cap - 1);
		ix->hash[i] = h;
		ix->next[i] = ix->slot[s];
		ix->slot[s] = i + 1;
	}
	return RP_OK;
}

static size_t first_place(const gram_index *ix, uint64_t h)
{
	size_t s = (size_t)h & (ix->cap - 1);
	while (ix->slot[s] && ix->hash[ix->slot[s] - 1] != h)
		s = (s + 1) & (ix->cap - 1);
	return ix->slot[s];
}

static size_t run_length(const folded *a, size_t i, const folded *b, size_t j)
{
	size_t k = 0;
	while (i + k < a->n && j + k < b->n && a->cp[i + k] == b->cp[j + k])
		k++;
	return k;
}

/* Runs of f's folded code points that no passage covers (covered[i]
 * set), as byte ranges of its text. */
static rp_status gaps(const folded *f, const unsigned char *covered,
		      rp_span **out, size_t *count)
{
	size_t i = 0, cap = 0;
	*out = NULL;
	*count = 0;
	while (i < f->n) {
		size_t e;
		rp_status st;
		if (covered[i]) {
			i++;
			continue;
		}
		for (e = i; e < f->n && !covered[e]; e++)
			;
		st = rp__grow((void **)out, &cap, *count + 1, sizeof **out,
			      SIZE_MAX / sizeof **out);
		if (st != RP_OK)
			return st;
		(*out)[*count].start = f->from[i];
		(*out)[(*count)++].end = f->to[e - 1];
		i = e;
	}
	return RP_OK;
}

static rp_status find_passages(const folded *a, const folded *b, unsigned n,
			       size_t min_cps, rp_passages *out)
{
	gram_index ix = {NULL, NULL, 0, NULL};
	size_t j = 0, cap = 0;
	unsigned char *in_a = rp__calloc_n(a->n + 1, 1),
		      *in_b = rp__calloc_n(b->n + 1, 1);
	rp_status st = in_a && in_b ? RP_OK : RP_ENOMEM;
	if (st == RP_OK && a->n >= n && b->n >= n)
		st = index_grams(&ix, a, n);
	while (st == RP_OK && ix.slot && j + n <= b->n) {
		size_t p = first_place(&ix, gram_hash(b->cp + j, n));
		size_t best = 0, at = 0, tries = 0;
		rp_passage *v;
		for (; p && tries < MAX_TRIES; p = ix.next[p - 1], tries++) {
			size_t len = run_length(a, p - 1, b, j);
			if (len > best) {
				best = len;
				at = p - 1;
			}
		}
		if (best < min_cps || best < n) {
			j++;
			continue;
		}
		st = rp__grow((void **)&out->v, &cap, out->n + 1,
			      sizeof *out->v, SIZE_MAX / sizeof *out->v);
		if (st != RP_OK)
			break;
		v = &out->v[out->n++];
		v->a_start = a->from[at];
		v->a_end = a->to[at + best - 1];
		v->b_start = b->from[j];
		v->b_end = b->to[j + best - 1];
		v->codepoints = best;
		memset(in_a + at, 1, best);
		memset(in_b + j, 1, best);
		j += best;
	}
	if (st == RP_OK)
		st = gaps(a, in_a, &out->only_a, &out->n_only_a);
	if (st == RP_OK)
		st = gaps(b, in_b, &out->only_b, &out->n_only_b);
	free(ix.slot);
	free(ix.next);
	free(ix.hash);
	free(in_a);
	free(in_b);
	return st;
}

void rp_passages_free(rp_passages *p)
{
	if (!p)
		return;
	free(p->v);
	free(p->only_a);
	free(p->only_b);
	free(p->a_text);
	free(p->b_text);
	memset(p, 0, sizeof *p);
}

rp_status rp_signer_passages(rp_signer *s, const char *a, size_t a_len,
			     const char *b, size_t b_len, size_t min_cps,
			     rp_passages *out)
{
	folded fa, fb;
	rp_status st;
	if (s && s->failed)
		return s->failed;
	if (!s || !out || (!a && a_len) || (!b && b_len))
		return RP_EINVAL;
	memset(out, 0, sizeof *out);
	memset(&fa, 0, sizeof fa);
	memset(&fb, 0, sizeof fb);
	st = fold_mapped(s, a, a_len, &fa);
	if (st == RP_OK)
		st = fold_mapped(s, b, b_len, &fb);
	if (st == RP_OK)
		st = find_passages(&fa, &fb, s->cfg.ngram,
				   min_cps ? min_cps : s->cfg.ngram, out);
	if (st != RP_OK)
		rp_passages_free(out);
	if (st == RP_OK) {
		out->a_text = fa.text;
		out->a_len = fa.len;
		out->b_text = fb.text;
		out->b_len = fb.len;
		fa.text = fb.text = NULL;
	} else if (st == RP_ENOMEM || st == RP_ETOOBIG) {
		rp__errf(s->err, st, "cannot compare passages: %s",
			 rp_status_str(st));
	}
	folded_free(&fa);
	folded_free(&fb);
	return st;
}
