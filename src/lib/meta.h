/* meta.h - publish time, declared source, title and URL read from a page
 * (see meta.c). */
#ifndef RP_META_H
#define RP_META_H

#include <stddef.h>

#define RP__META_CAP 160

typedef struct rp__meta {
	char date[24];             /* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
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

/* A date as read; y = 0 when the text gave no year, h = -1 when it gave
 * no time. */
typedef struct rp__when {
	int y, mo, d, h, mi;
} rp__when;

/* Read metadata from a decoded page (text) and its kept lines (kept, the
 * text without furniture, for the title). Empty strings when not found. */
void rp__meta_parse(const char *text, size_t len, const char *kept,
		    size_t kept_len, rp__meta *out);

/* Whether the line s[0..n) says who or when rather than what: a date, a
 * source, an author or editor, a counter or id of five digits or more. */
int rp__meta_byline(const char *s, size_t n);

/* The length of a wire dateline opening the line s[0..n) ("FRANKFURT,
 * March 27 (Reuters) - ", up to and with its dash), or 0. */
size_t rp__meta_dateline(const char *s, size_t n);

/* Does the line say the story was cut short here ("……", "Continue
 * reading...", "Tap to read the full story", "（本文为节选）", "展开全文")? */
int rp__meta_cut_mark(const char *s, size_t n);

/* The first date in s[0..n) into out ("YYYY-MM-DD[ HH:MM]"); 1 if found.
 * Segmented dates ("2023 - 03 - 29") must be squeezed first, as
 * rp__meta_parse does with every line. */
int rp__meta_date(const char *s, size_t n, char out[24]);

#endif
