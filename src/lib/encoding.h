/* encoding.h - bytes of any charset to UTF-8 text (see encoding.c). */
#ifndef RP_ENCODING_H
#define RP_ENCODING_H

#include <stddef.h>

#include "reprint.h"
#include "transcode.h"

typedef struct rp__decoder {
	void *ud; /* uchardet handle, made on first use */
	rp__transcoder tc;
	char *buf; /* converted text */
	size_t cap;
	size_t limit;
	char charset[32]; /* name of the charset of the last text */
} rp__decoder;

typedef struct rp__decoded {
	const char *text; /* UTF-8 (the input itself when it was UTF-8) */
	size_t len;
	const char *charset; /* "UTF-8", "GB18030", ... (decoder-owned) */
	size_t errors;       /* bytes that could not be decoded */
	size_t first_bad;    /* byte offset of the first of them */
	int detected;        /* 1: charset guessed by detection */
} rp__decoded;

void rp__decoder_init(rp__decoder *d, size_t limit);
void rp__decoder_release(rp__decoder *d);

/* Decode in[0..n): a BOM decides; else a given charset (forced, may be
 * NULL); else valid UTF-8 stays as it is; else the charset is detected
 * (uchardet) and converted (iconv). When nothing works the bytes are read
 * as UTF-8 with replacement characters. */
rp_status rp__decode(rp__decoder *d, const char *in, size_t n,
		     const char *forced, rp__decoded *out);

/* The charset name iconv should use for a detected or given name:
 * supersets where they are safe (GB2312/GBK -> GB18030, BIG5 ->
 * BIG5-HKSCS, ISO-8859-1 -> WINDOWS-1252, as browsers do). */
const char *rp__charset_canonical(const char *name, char *buf, size_t cap);

#endif
