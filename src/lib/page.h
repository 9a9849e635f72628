/* page.h - a decoded page to the lines that count (see page.c). */
#ifndef RP_PAGE_H
#define RP_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "lines.h"
#include "normalize.h"
#include "reprint.h"

/* Lines learned as boilerplate: sorted keys rp__bp_key(group, line). */
typedef struct rp__bpset {
	const uint64_t *keys;
	size_t n;
} rp__bpset;

uint64_t rp__bp_key(uint64_t group, uint64_t line);
int rp__bp_has(const rp__bpset *set, uint64_t key);

typedef struct rp__figs {
	uint32_t *v;
	size_t n, cap;
} rp__figs;

typedef struct rp__page_drop {
	uint64_t key;    /* rp__bp_key(group, line) */
	size_t off, len; /* the line in the decoded text */
} rp__page_drop;

typedef struct rp__page {
	rp__norm lnorm; /* folds one line at a time */
	char *kept;     /* the kept lines, joined by '\n' */
	size_t kept_len, kept_cap;
	uint64_t *hashes; /* hash of each kept line's folded text */
	size_t n_hashes, hashes_cap;
	/* for learning (no rules, nothing learned): the same hashes with
	 * the digits left out (footers carry counters and dates) */
	uint64_t *masked;
	size_t masked_cap;
	size_t dropped_rule, dropped_learned;
	rp__page_drop *drops; /* the learned lines dropped from the last page */
	size_t drops_cap;
	/* the shingles of the kept lines that say who and when rather than
	 * what (bylines, source lines, short lines with long numbers), as
	 * the exact set keeps them (low 32 bits), sorted, distinct: they
	 * differ from copy to copy and are no edit (see syndicate.c) */
	uint32_t *meta;
	size_t n_meta, meta_cap;
	uint64_t *scratch; /* their 64-bit hashes while a line is read */
	size_t scratch_cap;
	uint32_t *msort; /* room to sort meta */
	size_t msort_cap;
	char *mbuf; /* folded bylines waiting for the next line's start */
	size_t mbuf_len, mbuf_cap;
	uint32_t *mstarts; /* code point starts in mbuf */
	size_t mstarts_cap;
	char *dbuf; /* a dateline being hashed (see dateline_meta) */
	size_t dbuf_cap;
	char *tail; /* the last n - 1 folded code points kept so far */
	size_t tail_len, tail_cap;
	/* the figures of the kept lines (figures.c: numbers in digits or
	 * words, dates aside; hashed, sorted, distinct), bylines and labels
	 * left out. A copy keeps a story's figures; another item of one
	 * template (a dividend notice, a daily market report) changes them. */
	rp__figs figs;
	/* the kept lines as folded one by one, joined: what folding the
	 * kept text whole gives (line ends and spaces fold away), unless a
	 * line held a mark that may join its neighbour, a NUL or ill-formed
	 * UTF-8 (folded_ok 0: fold the kept text whole instead) */
	char *fout;
	size_t fout_len, fout_cap;
	uint32_t *fstarts; /* byte offset of each code point (when !fascii) */
	size_t fstarts_cap, fcps;
	int fascii, folded_ok;
	rp__span *spans; /* every line of the page as read, in order */
	size_t n_spans, spans_cap;
	uint64_t head_line; /* hash of the first kept line that is no
			       byline or label, folded (0: none) */
	int cut_mark;       /* a line says the story goes on elsewhere */
	size_t head_from;   /* kept bytes before the first furniture line of
			       the page's head (what a tool printed above the
			       page), else 0 */
	int pending;        /* mbuf holds bylines */
	unsigned ngram;     /* shingle width (0: meta is not collected) */
	int figures;        /* collect the figures (cfg.figures) */
	size_t limit;
	uint64_t seed;
} rp__page;

void rp__page_init(rp__page *p, size_t limit, uint64_t seed);
void rp__page_release(rp__page *p);

/* Split text into lines; drop the empty ones, those the built-in rules
 * call furniture (when rules), and those whose folded text is in learned
 * for this group (when learned is not NULL). Fills kept, hashes and
 * meta. */
rp_status rp__page_lines(rp__page *p, const char *text, size_t len, int rules,
			 const rp__bpset *learned, uint64_t group);

/* page_collect.c: what the kept line s[0..n) (folded in p->lnorm, its
 * hash raw) says beside its story, into p->meta, p->figs, p->head_line;
 * the bylines still pending, hashed at the end of a page. */
rp_status rp__page_collect(rp__page *p, const char *line, size_t n,
			   uint64_t raw);
rp_status rp__page_flush_meta(rp__page *p);

#endif
