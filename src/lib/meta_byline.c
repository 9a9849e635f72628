/*
 * meta_byline.c - lines that say who or when rather than what: bylines,
 * source and credit lines, wire datelines, and the marks of a story cut
 * short ("Continue reading...", "展开全文").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "meta.h"
#include "meta_read.h"

/* Is there a date (date.c) in s[0..n), year-less ones included? */
static int has_date(const char *s, size_t n)
{
	rp__date d;
	size_t at;
	return rp__date_find(s, n, &d, &at);
}

/* Dates need digits; sources need a colon, "via" or "(Reuters)"; a
 * URL needs "http": other lines are not read. */
int rp__meta_worth_reading(const char *s, size_t n)
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
		/* most bytes start nothing: pass over them in a tight loop */
		while (i < n && !first[u[i]])
			i++;
		if (i == n)
			break;
		switch (first[u[i]]) {
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

/* A source key (RP__BYLINE_OTHER) or a date, year-less ones included
 * (RP__BYLINE_DATE), in a squeezed line; 0 when neither. */
int rp__meta_byline_sq(const char *sq, size_t k)
{
	if (rp__meta_has_any(sq, rp__meta_source_keys, RP__META_SOURCE_KEYS))
		return RP__BYLINE_OTHER;
	return has_date(sq, k) ? RP__BYLINE_DATE : 0;
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
	size_t i, k, lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	if (!n || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < lim; i++)
		for (k = 0; k < sizeof dashes / sizeof dashes[0]; k++) {
			size_t m = strlen(dashes[k]);
			if (i + m > n || memcmp(s + i, dashes[k], m))
				continue;
			/* a date before the dash: "March 27", "27 March" */
			return has_date(s, i) ? i + m : 0;
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
	if (rp__meta_starts(sq, "By ") || rp__meta_starts(sq, "BY "))
		return 1;
	for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		const char *p = sq;
		while ((p = strstr(p, labels[k])) != NULL) {
			p += strlen(labels[k]);
			if (*p == ':' || rp__meta_starts(p, "\xEF\xBC\x9A"))
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
		if (n >= strlen(keys[k]) && rp__meta_starts(s, keys[k]))
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
	return rp__meta_byline_why(s, n) != 0;
}

int rp__meta_byline_why(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char sq[MAX_LINE];
	size_t k, i, run = 0;
	int digits_or_colon = rp__meta_worth_reading(s, n), person = 0;
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
		return RP__BYLINE_OTHER;
	if (!digits_or_colon && !person) {
		if (n > CREDIT_MAX || !isupper((unsigned char)s[0]) ||
		    !memchr(s, ',', n))
			return 0;
		k = rp__meta_squeeze(s, n, sq, sizeof sq);
		return name_credit(sq, k) ? RP__BYLINE_OTHER : 0;
	}
	k = rp__meta_squeeze(s, n < MAX_LINE - 8 ? n : MAX_LINE - 8, sq,
			     sizeof sq);
	if (person && names_person(sq))
		return RP__BYLINE_OTHER;
	/* an id or a counter: "Article 3591209", "阅读量31108" */
	for (i = 0; i < k; i++) {
		run = isdigit((unsigned char)sq[i]) ? run + 1 : 0;
		if (run >= 5)
			return RP__BYLINE_OTHER;
	}
	return digits_or_colon ? rp__meta_byline_sq(sq, k) : 0;
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
	k = rp__meta_squeeze(s, n, sq, sizeof sq);
	for (i = 0; i <= k; i++)
		low[i] = (char)tolower((unsigned char)sq[i]);
	return rp__meta_find_any(low, keys, sizeof keys / sizeof keys[0], &i) !=
	       NULL;
}
