/*
 * utf8.h - decoding and encoding UTF-8, replacing what is ill-formed.
 *
 * Decoding follows the Unicode "maximal subpart" practice (Unicode 15,
 * section 3.9, U+FFFD substitution): an ill-formed sequence is replaced by
 * one U+FFFD per maximal subpart, so a truncated character costs one
 * replacement and the next character is never swallowed.
 */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define RP__REPLACEMENT 0xFFFDu

/* Decode one code point at s (n > 0 bytes left). Returns the code point
 * and sets *adv to the bytes consumed; returns -1 (with *adv >= 1) for an
 * ill-formed sequence. */
static inline int32_t rp__utf8_decode(const unsigned char *s, size_t n,
				      size_t *adv)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t need, k;
	uint32_t cp;

	if (c < 0x80) {
		*adv = 1;
		return (int32_t)c;
	}
	/* three bytes led by E1-EF but ED (no bounds of its own to check):
	 * most of CJK, first */
	if (n >= 3 && c >= 0xE1 && c != 0xED && c <= 0xEF &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*adv = 3;
		return (int32_t)((uint32_t)(c & 0x0F) << 12 |
				 (uint32_t)(s[1] & 0x3F) << 6 |
				 (uint32_t)(s[2] & 0x3F));
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*adv = 1;
		return -1;
	}
	for (k = 1; k <= need; k++) {
		unsigned b;
		if (k >= n) {
			*adv = k;
			return -1;
		}
		b = s[k];
		if (b < lo || b > hi) {
			*adv = k;
			return -1;
		}
		lo = 0x80;
		hi = 0xBF;
		cp = (cp << 6) | (b & 0x3F);
	}
	*adv = need + 1;
	return (int32_t)cp;
}

/* Encode cp (a valid scalar value) at out; returns bytes written (1-4). */
static inline size_t rp__utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Number of ill-formed sequences in s (0 = valid UTF-8). */
size_t rp__utf8_invalid_count(const char *s, size_t n);

#endif
