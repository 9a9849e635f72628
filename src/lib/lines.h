/* lines.h - where a line ends: the one splitter every reader of a page
 * uses (page.c, meta.c, passages.c). LF, CR or CRLF ends a line; the
 * ending is not part of it. */
#ifndef RP_LINES_H
#define RP_LINES_H

#include <stddef.h>
#include <stdint.h>

/* A line of a text: its first byte and its length, ending not counted. */
typedef struct rp__span {
	uint32_t off, len;
} rp__span;

/* The end of the line that starts at s[i] (the offset of its LF or CR,
 * or n), and in *next where the line after it starts. */
static inline size_t rp__line_end(const char *s, size_t n, size_t i,
				  size_t *next)
{
	size_t end = i, k;
	while (end < n && s[end] != '\n' && s[end] != '\r')
		end++;
	k = end;
	if (k < n && s[k] == '\r')
		k++;
	if (k < n && s[k] == '\n')
		k++;
	*next = k;
	return end;
}

#endif
