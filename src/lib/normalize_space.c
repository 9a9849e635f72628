/*
 * normalize_space.c - the lower-space mode (RP_NORM_LOWER_SPACE): lower
 * case, whitespace runs to one space, trimmed; nothing else changes. It is
 * the normalization the peers' tools use (Python's str.lower and
 * str.split), so their corpora and ours agree on what a shingle is.
 */
#include <utf8proc.h>

#include "normalize.h"
#include "utf8.h"

/* Python's str.isspace(), which defines the peers' whitespace runs. */
static int is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) ||
		       (cp >= 0x1C && cp <= 0x1F);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 1;
	default:
		return cp == 0x85;
	}
}

/* Lower-space on all-ASCII input: out never exceeds the input. */
static void run_lower_space_ascii(rp__norm *nm, const unsigned char *s,
				  size_t len)
{
	char *o = nm->out;
	size_t i, j = 0;
	int space = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (c == ' ' || (c >= 0x09 && c <= 0x0D) ||
		    (c >= 0x1C && c <= 0x1F)) {
			space = 1;
			continue;
		}
		if (space && j > 0)
			o[j++] = ' ';
		space = 0;
		nm->nul += c == 0;
		o[j++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	nm->out_len = nm->cps = j;
}

rp_status rp__norm_lower_space(rp__norm *nm, const unsigned char *s, size_t len)
{
	size_t i = 0, adv;
	int space = 0;
	rp_status st;
	if (nm->ascii) {
		run_lower_space_ascii(nm, s, len);
		return RP_OK;
	}
	while (i < len) {
		int32_t cp;
		if (s[i] < 0x80) {
			cp = s[i];
			adv = 1;
			nm->nul += cp == 0;
		} else {
			cp = rp__utf8_decode(s + i, len - i, &adv);
			if (cp < 0) {
				nm->invalid++;
				cp = (int32_t)RP__REPLACEMENT;
			}
		}
		i += adv;
		if (is_space(cp)) {
			space = 1;
			continue;
		}
		st = rp__norm_reserve(nm, 8);
		if (st != RP_OK)
			return st;
		if (space && nm->out_len > 0)
			rp__norm_put_cp(nm, ' ');
		space = 0;
		if (cp >= 'A' && cp <= 'Z')
			cp += 32;
		else if (cp >= 0x80)
			cp = utf8proc_tolower(cp);
		rp__norm_put_cp(nm, (uint32_t)cp);
	}
	return RP_OK;
}
