/*
 * utf8.c - validation of whole buffers (see utf8.h for the decoder).
 */
#include <string.h>

#include "utf8.h"

size_t rp__utf8_invalid_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, bad = 0, adv;
	while (i < n) {
		if (p[i] < 0x80) {
			uint64_t w;
			/* eight ASCII bytes at a time */
			while (i + 8 <= n) {
				memcpy(&w, p + i, 8);
				if (w & 0x8080808080808080u)
					break;
				i += 8;
			}
			if (i < n && p[i] < 0x80)
				i++;
			continue;
		}
		/* three-byte characters without special ranges (most of CJK) */
		if (i + 2 < n && p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (rp__utf8_decode(p + i, n - i, &adv) < 0)
			bad++;
		i += adv;
	}
	return bad;
}
