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
		if (rp__utf8_decode(p + i, n - i, &adv) < 0)
			bad++;
		i += adv;
	}
	return bad;
}
