/* transcode.h - any charset to UTF-8 with iconv (see transcode.c). */
#ifndef RP_TRANSCODE_H
#define RP_TRANSCODE_H

#include <stddef.h>

#include "reprint.h"

#define RP__ICONV_CACHE 6

typedef struct rp__transcoder {
	struct {
		char name[32];
		void *cd; /* iconv_t */
	} cache[RP__ICONV_CACHE];
	unsigned next; /* round-robin slot to replace */
} rp__transcoder;

typedef struct rp__transcoded {
	size_t len;       /* UTF-8 bytes written */
	size_t errors;    /* input bytes that could not be converted */
	size_t first_bad; /* offset of the first one (if errors) */
} rp__transcoded;

void rp__transcoder_init(rp__transcoder *t);
void rp__transcoder_release(rp__transcoder *t);

/* Convert in[0..n) from charset to UTF-8 into *out (grown as needed up
 * to limit bytes). Bytes that cannot be converted become U+FFFD, one per
 * byte, and are counted. RP_EINVAL when iconv does not know the charset. */
rp_status rp__transcode(rp__transcoder *t, const char *charset, const char *in,
			size_t n, char **out, size_t *cap, size_t limit,
			rp__transcoded *res);

#endif
