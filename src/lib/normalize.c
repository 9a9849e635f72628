/*
 * normalize.c - bytes to folded text, the input of shingling.
 *
 * RP_NORM_TEXT: NFKC + case fold (utf8proc), then whitespace, punctuation,
 * control and format characters are dropped. A word-segmented page and the
 * same page without spaces, in full-width or half-width forms, fold to the
 * same string.
 *
 * RP_NORM_LOWER_SPACE: lowercase, whitespace runs to one space, trimmed;
 * punctuation kept. This is the normalization of the peers' corpus truth.
 *
 * Speed: utf8proc is only called on runs that can change. ASCII is folded
 * by a table. A BMP code point is "simple" when it folds the same alone
 * as in any context: it and what it folds to are one code point each, of
 * combining class 0, in no canonical composition and without a
 * decomposition of their own (so no neighbour composes or reorders with
 * them), and not Hangul (which composes by rule). CJK ideographs, CJK
 * and full-width punctuation, full-width digits, Greek and Cyrillic
 * letters are simple; Latin letters are not (e + U+0301 -> é). How each
 * BMP code point folds is worked out by utf8proc the first time it is met
 * and kept in a per-normalizer table (256 KiB), so Chinese text costs a
 * table lookup per character. A simple code point ends a run and is
 * written from the table; everything else goes to utf8proc in runs. An
 * ASCII character that is directly followed by non-ASCII bytes starts the
 * run, because a combining mark after it may compose with it; nothing
 * composes with a following ASCII character, so runs end at ASCII.
 *
 * With t2s on (text mode), ideographs are also folded from Traditional to
 * Simplified through a table read from OpenCC (script.c).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "common.h"
#include "normalize.h"
#include "script.h"
#include "utf8.h"

#define FOLD_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD)

void rp__norm_init(rp__norm *nm, rp_norm mode, size_t limit)
{
	memset(nm, 0, sizeof *nm);
	nm->mode = mode;
	nm->limit = limit;
}

void rp__norm_release(rp__norm *nm)
{
	free(nm->out);
	free(nm->starts);
	free(nm->ubuf);
	free(nm->bmp);
	free(nm->again);
	memset(nm, 0, sizeof *nm);
}

int rp__norm_keeps(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return 0;
	default:
		return 1;
	}
}

/* Text mode on ASCII: 0 = drop, else the folded byte (letters lowercased;
 * letters, digits and the symbols $+<=>^`|~ kept). The same answers as
 * rp__norm_keeps + case fold; a unit test checks all 128. Bytes >= 0x80
 * map to 0 and are never looked up. */
/* clang-format off */
static const unsigned char ascii_text[256] = {
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,  36,   0,   0,   0,   0,   0,   0,  43,   0,   0,   0,   0,
	 48,  49,  50,  51,  52,  53,  54,  55,  56,  57,   0,   0,  60,  61,  62,   0,
	  0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,  94,   0,
	 96,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0, 124,   0, 126,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
};
/* clang-format on */

/* Entries of nm->bmp: 0 not yet known; BMP_SLOW folded by utf8proc in
 * its run; BMP_DROP dropped; a code point that folds to three UTF-8 bytes:
 * BMP_UTF8_3 | the bytes (first in the low byte); any other: 1 + the code
 * point it folds to (all after Traditional to Simplified). The high byte
 * of DROP and UTF8_3 (4 and 3) tells simple_stretch how much to write. */
#define BMP_SLOW   0xFFFFFFFFu
#define BMP_DROP   0x04000000u
#define BMP_UTF8_3 0x03000000u

/* The code point of a table entry that is neither SLOW nor DROP. */
static uint32_t entry_cp(uint32_t e)
{
	if ((e >> 24) != (BMP_UTF8_3 >> 24))
		return e - 1;
	return (e & 0x0F) << 12 | ((e >> 8) & 0x3F) << 6 | ((e >> 16) & 0x3F);
}

/* No neighbour can compose with cp, reorder around it or change it. */
static int stands_alone(int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xAC00 && cp <= 0xD7FF))
		return 0; /* Hangul jamo and syllables compose by rule */
	return p->combining_class == 0 && p->comb_index == UINT16_MAX &&
	       p->decomp_seqindex == UINT16_MAX;
}

/* Make room for `more` bytes and code points of output. */
rp_status rp__norm_reserve(rp__norm *nm, size_t more)
{
	rp_status st;
	if (nm->out_len + more > nm->limit)
		return RP_ETOOBIG;
	st = rp__grow((void **)&nm->out, &nm->out_cap, nm->out_len + more, 1,
		      nm->limit);
	if (st == RP_OK && !nm->ascii)
		st = rp__grow((void **)&nm->starts, &nm->starts_cap,
			      nm->cps + more + 1, sizeof(uint32_t),
			      nm->limit + 1);
	return st;
}

/* Traditional to Simplified, for the text mode. */
static inline uint32_t t2s(rp__norm *nm, uint32_t cp)
{
	if (!nm->t2s || cp < RP__T2S_FIRST || cp > RP__T2S_LAST)
		return cp;
	if (!nm->t2s_table) {
		nm->t2s_table = rp__t2s_table();
		if (!nm->t2s_table) {
			nm->no_table = 1; /* the run fails: out of memory */
			return cp;
		}
	}
	return rp__t2s(nm->t2s_table, cp);
}

/* How the BMP code point cp folds alone, if it is simple (see top). */
static uint32_t classify(rp__norm *nm, int32_t cp)
{
	int32_t buf[8];
	utf8proc_ssize_t got;
	int last = 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return BMP_SLOW;
	got = utf8proc_decompose_char(cp, buf, 8,
				      FOLD_OPTS | UTF8PROC_DECOMPOSE, &last);
	if (got < 0 || got > 8)
		return BMP_SLOW;
	got = utf8proc_normalize_utf32(buf, got, FOLD_OPTS | UTF8PROC_COMPOSE);
	if (got != 1 || buf[0] >= 0x10000 || !stands_alone(buf[0]))
		return BMP_SLOW;
	/* cp itself may decompose (a compatibility form); then it is the
	 * single code point it folds to that meets its neighbours */
	if (!stands_alone(cp) &&
	    utf8proc_get_property(cp)->decomp_seqindex == UINT16_MAX)
		return BMP_SLOW;
	if (!rp__norm_keeps(buf[0]))
		return BMP_DROP;
	cp = (int32_t)t2s(nm, (uint32_t)buf[0]);
	if (cp < 0x800 || cp > 0xFFFF)
		return 1 + (uint32_t)cp;
	return BMP_UTF8_3 | (0xE0u | (uint32_t)cp >> 12) |
	       (0x80u | ((uint32_t)cp >> 6 & 0x3F)) << 8 |
	       (0x80u | ((uint32_t)cp & 0x3F)) << 16;
}

/*
 * Can cp compose or reorder with the code point before it? Marks (a
 * nonzero combining class) and the few starters that are the second of a
 * composition (Hangul vowel and final jamo, some Indic and other vowel
 * signs: NFC_Quick_Check=Maybe with class 0). When such a code point
 * comes out after something was dropped, folding the output again could
 * join it to a new neighbour: the text is folded again (rp__norm_run).
 */
static int joins_previous(int32_t cp)
{
	if (cp < 0x300)
		return 0;
	/* from U+11A7: utf8proc composes an LV syllable with U+11A7 too
	 * (into the syllable alone), a T index of 0 that Unicode leaves out */
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A7 && cp <= 0x11C2))
		return 1;
	switch (cp) {
	case 0x0B3E:
	case 0x0B56:
	case 0x0B57:
	case 0x0BBE:
	case 0x0BD7:
	case 0x0CC2:
	case 0x0CD5:
	case 0x0CD6:
	case 0x0D3E:
	case 0x0D57:
	case 0x0DCF:
	case 0x0DDF:
	case 0x102E:
	case 0x1B35:
	case 0x11127:
	case 0x1133E:
	case 0x11357:
	case 0x114B0:
	case 0x114BA:
	case 0x114BD:
	case 0x115AF:
	case 0x11930:
		return 1;
	default:
		return utf8proc_get_property(cp)->combining_class != 0;
	}
}

/* Fold the valid UTF-8 run s[0..n) with utf8proc and append what is kept. */
static rp_status fold_run(rp__norm *nm, const char *s, size_t n)
{
	utf8proc_ssize_t got, k;
	rp_status st;
	if (n == 0)
		return RP_OK;
	for (;;) {
		got = utf8proc_decompose((const utf8proc_uint8_t *)s,
					 (utf8proc_ssize_t)n, nm->ubuf,
					 (utf8proc_ssize_t)nm->ubuf_cap,
					 FOLD_OPTS | UTF8PROC_DECOMPOSE);
		if (got < 0)
			return RP_EINPUT;
		if ((size_t)got <= nm->ubuf_cap)
			break;
		st = rp__grow((void **)&nm->ubuf, &nm->ubuf_cap, (size_t)got,
			      sizeof(int32_t), nm->limit);
		if (st != RP_OK)
			return st;
	}
	got = utf8proc_normalize_utf32(nm->ubuf, got,
				       FOLD_OPTS | UTF8PROC_COMPOSE);
	if (got < 0)
		return RP_EINPUT;
	st = rp__norm_reserve(nm, (size_t)got * 4);
	if (st != RP_OK)
		return st;
	for (k = 0; k < got; k++)
		if (rp__norm_keeps(nm->ubuf[k])) {
			nm->refold |= joins_previous(nm->ubuf[k]);
			rp__norm_put_cp(nm, t2s(nm, (uint32_t)nm->ubuf[k]));
		}
	return RP_OK;
}

/* Fold the pending run s[0..n) (a lone ASCII starter by the table) and
 * make room for one more code point; left: input bytes still to come. */
static rp_status flush_run(rp__norm *nm, const unsigned char *s, size_t n,
			   size_t left)
{
	rp_status st;
	if (n == 1 && s[0] < 0x80) {
		unsigned char f = ascii_text[s[0]];
		if (f) {
			nm->starts[nm->cps++] = (uint32_t)nm->out_len;
			nm->out[nm->out_len++] = (char)f;
		}
	} else if (n) {
		st = fold_run(nm, (const char *)s, n);
		if (st != RP_OK)
			return st;
	}
	/* a simple code point writes at most 3 bytes for 2 or more read:
	 * reserve for the rest of the input at once, not per character */
	if (nm->out_len + 4 > nm->out_cap || nm->cps + 2 > nm->starts_cap)
		return rp__norm_reserve(nm, left * 2 + 4);
	return RP_OK;
}

static int all_ascii(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint64_t acc = 0, w;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
		/* stop at the first non-ASCII byte, looked for every 64 */
		if ((i & 56) == 56 && (acc & 0x8080808080808080u))
			return 0;
	}
	for (; i < n; i++)
		acc |= s[i];
	return (acc & 0x8080808080808080u) == 0;
}

/* All-ASCII input: a table lookup and a conditional advance per byte. */
static void run_text_ascii(rp__norm *nm, const unsigned char *s, size_t len)
{
	char *o = nm->out;
	size_t i, j = 0;
	for (i = 0; i < len; i++) {
		unsigned char f = ascii_text[s[i]];
		o[j] = (char)f;
		j += f != 0;
	}
	nm->out_len = nm->cps = j;
	/* NUL bytes are rare: counted only when memchr finds one */
	if (memchr(s, 0, len))
		for (i = 0; i < len; i++)
			nm->nul += s[i] == 0;
}

static inline uint32_t load_le32(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t w;
	memcpy(&w, p, 4);
	return w;
#else
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
#endif
}

static inline void store_le32(unsigned char *p, uint32_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &w, 4);
#else
	p[0] = (unsigned char)w;
	p[1] = (unsigned char)(w >> 8);
	p[2] = (unsigned char)(w >> 16);
	p[3] = (unsigned char)(w >> 24);
#endif
}

/*
 * The hot loop of Chinese text: three-byte characters that are simple and
 * already in the table, written while there is room, with the output
 * state in locals (stores through nm->out would make the compiler reload
 * it for every character). Returns where it stopped: at anything else,
 * which the caller handles.
 */
static size_t simple_stretch(rp__norm *nm, const unsigned char *s, size_t i,
			     size_t len)
{
	unsigned char *o = (unsigned char *)nm->out;
	uint32_t *starts = nm->starts;
	const uint32_t *bmp = nm->bmp;
	size_t olen = nm->out_len, cps = nm->cps, left, nul = 0;
	/* characters that fit: each writes 3 bytes and one offset, and one
	 * offset stays free for the end */
	if (olen + 4 > nm->out_cap)
		return i;
	left = (nm->out_cap - olen - 1) / 3;
	if (left > nm->starts_cap - 1 - cps)
		left = nm->starts_cap - 1 - cps;
	while (i + 3 < len) {
		uint32_t w = load_le32(s + i), e, kind, out;
		if (!(w & 0x80)) {
			/* ASCII that folds away (line ends, spaces,
			 * punctuation) composes with nothing after it */
			if (ascii_text[w & 0x7F])
				break;
			nul += (w & 0x7F) == 0;
			i++;
			continue;
		}
		/* a lead byte E0-EF, two continuation bytes, not overlong */
		if ((w & 0xC0C0F0) != 0x8080E0 || !(w & 0x200F))
			break;
		e = bmp[(w & 0x0F) << 12 | (w & 0x3F00) >> 2 |
			(w & 0x3F0000) >> 16];
		kind = e >> 24;
		if (kind - 3 > 1 || !left--)
			break; /* not met yet, slow, shorter, or no room */
		/* three bytes out (kind 3) or none (4, dropped) without a
		 * branch; the 4th byte written is overwritten later */
		out = (4 - kind) * 3;
		starts[cps] = (uint32_t)olen;
		store_le32(o + olen, e);
		olen += out;
		cps += out != 0;
		i += 3;
	}
	nm->out_len = olen;
	nm->cps = cps;
	nm->nul += nul;
	return i;
}

/* The text mode on text with non-ASCII bytes. */
static rp_status run_text_utf8(rp__norm *nm, const unsigned char *s, size_t len)
{
	size_t i = 0, run, adv;
	rp_status st;
	while (i < len) {
		/* ASCII stretch, one byte in, at most one byte out. */
		while (i < len && s[i] < 0x80) {
			unsigned char f;
			if (i + 1 < len && s[i + 1] >= 0x80)
				break;
			f = ascii_text[s[i]];
			nm->nul += s[i] == 0;
			if (f) {
				if (!nm->ascii)
					nm->starts[nm->cps] =
						(uint32_t)nm->out_len;
				nm->out[nm->out_len++] = (char)f;
				nm->cps++;
			}
			i++;
		}
		if (i >= len)
			break;
		/* Non-ASCII stretch, with the ASCII starter before it. */
		run = i;
		if (s[i] < 0x80)
			nm->nul += s[i++] == 0;
		while (i < len && s[i] >= 0x80) {
			int32_t cp;
			uint32_t f = BMP_SLOW;
			if (run == i) {
				run = i = simple_stretch(nm, s, i, len);
				if (i >= len || s[i] < 0x80)
					break;
			}
			cp = rp__utf8_decode(s + i, len - i, &adv);
			if (cp >= 0 && cp < 0x10000) {
				f = nm->bmp[cp];
				if (!f)
					f = nm->bmp[cp] = classify(nm, cp);
			} else if (cp < 0) {
				nm->invalid++;
				f = 1 + RP__REPLACEMENT;
			}
			if (f == BMP_SLOW) {
				i += adv;
				continue;
			}
			st = flush_run(nm, s + run, i - run, len - i);
			if (st != RP_OK)
				return st;
			if (f != BMP_DROP)
				rp__norm_put_cp(nm, entry_cp(f));
			i += adv;
			run = i;
		}
		st = fold_run(nm, (const char *)s + run, i - run);
		if (st != RP_OK)
			return st;
		st = rp__norm_reserve(nm, len - i);
		if (st != RP_OK)
			return st;
	}
	return RP_OK;
}

static rp_status run_text(rp__norm *nm, const unsigned char *s, size_t len)
{
	if (nm->ascii) {
		run_text_ascii(nm, s, len);
		return RP_OK;
	}
	return run_text_utf8(nm, s, len);
}

/* Fold the text mode's output again while a mark or jamo in it may join
 * a new neighbour (joins_previous), so that folding twice changes
 * nothing; twice at most (a third pass finds nothing to join). */
static rp_status refold(rp__norm *nm)
{
	int pass;
	rp_status st = RP_OK;
	for (pass = 0; pass < 2 && nm->refold && st == RP_OK; pass++) {
		size_t n = nm->out_len, invalid = nm->invalid, nul = nm->nul;
		st = rp__grow((void **)&nm->again, &nm->again_cap, n + 1, 1,
			      nm->limit + 1);
		if (st != RP_OK)
			return st;
		memcpy(nm->again, nm->out, n);
		nm->out_len = nm->cps = 0;
		nm->refold = 0;
		st = rp__norm_reserve(nm, n);
		if (st == RP_OK)
			st = run_text_utf8(nm, (const unsigned char *)nm->again,
					   n);
		nm->invalid = invalid;
		nm->nul = nul;
		if (st == RP_OK && nm->out_len == n &&
		    memcmp(nm->out, nm->again, n) == 0)
			break;
	}
	return st;
}

rp_status rp__norm_run(rp__norm *nm, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	rp_status st;
	nm->out_len = nm->cps = nm->invalid = nm->nul = 0;
	nm->no_table = 0;
	nm->ascii = all_ascii(s, len);
	if (!nm->ascii && nm->mode == RP_NORM_TEXT && !nm->bmp) {
		nm->bmp = rp__calloc_n(0x10000, sizeof *nm->bmp);
		if (!nm->bmp)
			return RP_ENOMEM;
	}
	/* Room for the ASCII stretches (the slow paths reserve their own),
	 * and never a NULL buffer, even for empty text. */
	if (len > nm->limit)
		return RP_ETOOBIG;
	st = rp__grow((void **)&nm->out, &nm->out_cap, 16, 1, 16);
	if (st == RP_OK)
		st = rp__norm_reserve(nm, len);
	if (st != RP_OK)
		return st;
	nm->refold = 0;
	if (nm->mode == RP_NORM_LOWER_SPACE)
		st = rp__norm_lower_space(nm, s, len);
	else
		st = run_text(nm, s, len);
	nm->may_join = nm->refold;
	if (st == RP_OK)
		st = refold(nm);
	if (st == RP_OK && !nm->ascii)
		nm->starts[nm->cps] = (uint32_t)nm->out_len;
	if (nm->no_table) {
		/* what the cache learned without the table is wrong */
		free(nm->bmp);
		nm->bmp = NULL;
		return RP_ENOMEM;
	}
	return st;
}
