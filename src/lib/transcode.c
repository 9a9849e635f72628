/*
 * transcode.c - conversion to UTF-8 with iconv, the only user of iconv.
 *
 * A small per-thread cache keeps iconv descriptors open across documents
 * (opening one costs far more than converting a page). An invalid or
 * truncated sequence does not stop the conversion: it is replaced by
 * U+FFFD, its offset is kept, and conversion resumes one byte later.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "common.h"
#include "transcode.h"

void rp__transcoder_init(rp__transcoder *t)
{
	memset(t, 0, sizeof *t);
}

void rp__transcoder_release(rp__transcoder *t)
{
	unsigned k;
	for (k = 0; k < RP__ICONV_CACHE; k++)
		if (t->cache[k].cd)
			iconv_close((iconv_t)t->cache[k].cd);
	memset(t, 0, sizeof *t);
}

static iconv_t open_cd(rp__transcoder *t, const char *charset)
{
	unsigned k;
	iconv_t cd;
	for (k = 0; k < RP__ICONV_CACHE; k++)
		if (t->cache[k].cd && strcmp(t->cache[k].name, charset) == 0) {
			cd = (iconv_t)t->cache[k].cd;
			iconv(cd, NULL, NULL, NULL, NULL); /* reset state */
			return cd;
		}
	if (strlen(charset) >= sizeof t->cache[0].name)
		return (iconv_t)-1;
	cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return cd;
	k = t->next++ % RP__ICONV_CACHE;
	if (t->cache[k].cd)
		iconv_close((iconv_t)t->cache[k].cd);
	t->cache[k].cd = cd;
	strcpy(t->cache[k].name, charset);
	return cd;
}

rp_status rp__transcode(rp__transcoder *t, const char *charset, const char *in,
			size_t n, char **out, size_t *cap, size_t limit,
			rp__transcoded *res)
{
	iconv_t cd = open_cd(t, charset);
	char *src = (char *)(uintptr_t)in;
	size_t left = n, used = 0;
	rp_status st;
	memset(res, 0, sizeof *res);
	if (cd == (iconv_t)-1)
		return RP_EINVAL;
	/* UTF-8 of CJK text is about 1.5x its 2-byte encodings; start at
	 * 2x + 16 and grow when iconv says so. */
	st = rp__grow((void **)out, cap, 2 * n + 16, 1, limit);
	if (st != RP_OK)
		return st;
	for (;;) {
		char *dst = *out + used;
		size_t room = *cap - used, r;
		r = iconv(cd, left ? &src : NULL, left ? &left : NULL, &dst,
			  &room);
		used = (size_t)(dst - *out);
		if (r != (size_t)-1) {
			if (left == 0)
				break;
			continue;
		}
		if (errno == E2BIG) {
			st = rp__grow((void **)out, cap, *cap + n + 16, 1,
				      limit);
			if (st != RP_OK)
				return st;
			continue;
		}
		/* EILSEQ or EINVAL (truncated at the end): replace a byte */
		if (res->errors++ == 0)
			res->first_bad = n - left;
		if (*cap - used < 3) {
			st = rp__grow((void **)out, cap, used + 3 + n, 1,
				      limit);
			if (st != RP_OK)
				return st;
		}
		memcpy(*out + used, "\xEF\xBF\xBD", 3);
		used += 3;
		src++;
		left--;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (left == 0)
			break;
	}
	res->len = used;
	return RP_OK;
}
