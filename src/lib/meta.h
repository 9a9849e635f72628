/* meta.h - publish time, declared source, title and URL read from a page
 * (see meta.c). */
#ifndef RP_META_H
#define RP_META_H

#include <stddef.h>

#include "date.h"
#include "lines.h"

#define RP__META_CAP 160

#define RP__META_DATE 32

/* How a source writes numeric dates (rp__meta.date_order): day or month
 * first, with '/' or with '.' or '-'; seen on unambiguous dates. */
#define RP__ORDER_DMY_SLASH 1u
#define RP__ORDER_MDY_SLASH 2u
#define RP__ORDER_DMY_DOT   4u
#define RP__ORDER_MDY_DOT   8u
/* An ambiguous date's kind (rp__meta.date_amb): read month-first with '/'
 * (09/04/1987), day-first with '.' or '-' (04.09.1987), unless its source
 * shows otherwise. */
#define RP__DATE_AMB_SLASH 1u
#define RP__DATE_AMB_DOT   2u

typedef struct rp__meta {
	/* the publish time as text: "YYYY-MM-DD", "YYYY-MM-DD HH:MM", with
	 * "Z" or "+HH:MM" when the page gave its zone */
	char date[RP__META_DATE];
	rp__date when;             /* the same as a value (y == 0: none) */
	unsigned char date_amb;    /* RP__DATE_AMB_* when ambiguous */
	unsigned char date_order;  /* RP__ORDER_* seen on the page */
	char source[RP__META_CAP]; /* the outlet the page names as source */
	char title[RP__META_CAP];
	char url[RP__META_CAP];
	/* the first and last three non-empty lines, squeezed, one per line:
	 * where a page names itself (masthead, copyright) */
	char site[400];
	/* the line the date was read from: a byline often names the source
	 * there without a label ("March 3, 1987 18:42 | Capital Markets
	 * Wire") */
	char dateline[RP__META_CAP];
} rp__meta;

/* Read metadata from a decoded page: text[0..len), split into lines by
 * its reader (page.c), and its kept lines (kept, the text without
 * furniture, for the title; its first head_from bytes came before the
 * page's head furniture). Empty strings when not found. */
void rp__meta_parse(const char *text, size_t len, const rp__span *lines,
		    size_t n_lines, const char *kept, size_t kept_len,
		    size_t head_from, rp__meta *out);
/* Whether the line s[0..n) says who or when rather than what: a date, a
 * source, an author or editor, a counter or id of five digits or more. */
int rp__meta_byline(const char *s, size_t n);
/* The same, with its reason: RP__BYLINE_DATE (a date only) or
 * RP__BYLINE_OTHER (a source, an author, a counter, a credit); 0. */
#define RP__BYLINE_DATE  1
#define RP__BYLINE_OTHER 2
int rp__meta_byline_why(const char *s, size_t n);

/* The length of a wire dateline opening the line s[0..n) ("FRANKFURT,
 * March 27 (Reuters) - ", up to and with its dash), or 0. */
size_t rp__meta_dateline(const char *s, size_t n);

/* Does the line say the story was cut short here ("……", "Continue
 * reading...", "Tap to read the full story", "（本文为节选）", "展开全文")? */
int rp__meta_cut_mark(const char *s, size_t n);

/* The first date with a year in s[0..n) into out (as rp__meta.date); 1
 * if found. */
int rp__meta_date(const char *s, size_t n, char out[RP__META_DATE]);

#endif
