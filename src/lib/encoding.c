/*
 * encoding.c - which charset a page is in, and its text as UTF-8; the only
 * user of uchardet.
 *
 * Order of evidence: a byte-order mark; a charset given by the caller;
 * valid UTF-8 (cheap to check, and right for almost all UTF-8 pages,
 * which detection can misjudge); detection by uchardet; and when that
 * fails, UTF-8 with replacement characters. Detected names are widened to
 * the supersets browsers use (WHATWG Encoding Standard): GB2312 and GBK
 * to GB18030, BIG5 to BIG5-HKSCS, ISO-8859-1 to WINDOWS-1252; a page
 * whose only non-ASCII bytes are Western punctuation (curly quotes,
 * dashes) is read as WINDOWS-1252 whatever the guess.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <uchardet.h>

#include "common.h"
#include "encoding.h"
#include "utf8.h"

void rp__decoder_init(rp__decoder *d, size_t limit)
{
	memset(d, 0, sizeof *d);
	rp__transcoder_init(&d->tc);
	d->limit = limit;
}

void rp__decoder_release(rp__decoder *d)
{
	if (d->ud)
		uchardet_delete((uchardet_t)d->ud);
	rp__transcoder_release(&d->tc);
	free(d->buf);
	memset(d, 0, sizeof *d);
}

const char *rp__charset_canonical(const char *name, char *buf, size_t cap)
{
	static const struct {
		const char *from, *to;
	} wider[] = {{"GB2312", "GB18030"},          {"GBK", "GB18030"},
		     {"CP936", "GB18030"},           {"BIG5", "BIG5-HKSCS"},
		     {"BIG-5", "BIG5-HKSCS"},        {"CP950", "BIG5-HKSCS"},
		     {"ISO-8859-1", "WINDOWS-1252"}, {"LATIN1", "WINDOWS-1252"},
		     {"US-ASCII", "WINDOWS-1252"},   {"CP1252", "WINDOWS-1252"},
		     {"SJIS", "SHIFT_JIS"},          {"UTF8", "UTF-8"}};
	size_t i, k;
	for (i = 0; name[i] && i + 1 < cap; i++)
		buf[i] = (char)toupper((unsigned char)name[i]);
	buf[i] = '\0';
	for (k = 0; k < sizeof wider / sizeof wider[0]; k++)
		if (strcmp(buf, wider[k].from) == 0)
			return wider[k].to;
	return buf;
}

/* A BOM: its charset and length, or NULL. */
static const char *bom(const unsigned char *s, size_t n, size_t *skip)
{
	if (n >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) {
		*skip = 4;
		return "UTF-32LE";
	}
	if (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
		*skip = 4;
		return "UTF-32BE";
	}
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*skip = 3;
		return "UTF-8";
	}
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*skip = 2;
		return "UTF-16LE";
	}
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*skip = 2;
		return "UTF-16BE";
	}
	return NULL;
}

static int is_utf8_name(const char *name)
{
	char wide[32];
	return strcmp(rp__charset_canonical(name, wide, sizeof wide),
		      "UTF-8") == 0;
}

/*
 * What detection reads: the lines that can tell charsets apart (those
 * with a byte >= 0x80, or a control byte such as the escapes of
 * ISO-2022), in order, until DETECT_BYTES of them. Plain ASCII lines
 * (menus, URLs, numbers) say nothing about a charset, and uchardet's cost
 * grows faster than the text it reads (0.7 ms for a 1.7 KB Big5 page,
 * 0.03 ms for its first 200 bytes), so a page is judged on a short sample
 * of its telling lines. On the synd-dev pages this reads 8,376 of 8,377
 * pages as the whole page does (the other: a Latin page taken for
 * Windows-1250 instead of Windows-1252, variants uchardet confuses on
 * whole pages too), and the first pass over them takes a sixth less time
 * (1.98 -> 1.66 s of thread time).
 */
#define DETECT_BYTES ((size_t)1 << 10)

static int telling(const unsigned char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] >= 0x80 ||
		    (s[i] < 0x20 && s[i] != '\t' && s[i] != '\r'))
			return 1;
	return 0;
}

/* Is every byte >= 0x80 of s one of the punctuation marks and symbols
 * that Windows-1252 and Windows-1250 share (curly quotes, dashes, the
 * ellipsis, the euro, no-break space, degree, ...)? Such a page is
 * Western text with typography, whatever uchardet guesses from a handful
 * of bytes (Mac Central European or Greek turn its quotes into letters). */
static int western_punctuation(const unsigned char *s, size_t n)
{
	static const unsigned char ok[32] = {/* 0x80-0x9F */
					     1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0,
					     1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
					     1, 1, 0, 1, 0, 1, 0, 0, 0, 0};
	size_t i, high = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		high++;
		if (s[i] < 0xA0
			    ? !ok[s[i] - 0x80]
			    : s[i] != 0xA0 && s[i] != 0xA9 && s[i] != 0xAE &&
				      s[i] != 0xB0 && s[i] != 0xB7)
			return 0;
	}
	return high > 0;
}

static const char *detect(rp__decoder *d, const char *in, size_t n)
{
	const unsigned char *s = (const unsigned char *)in;
	const char *cs;
	size_t i = 0, fed = 0;
	if (!d->ud && !(d->ud = uchardet_new()))
		return NULL;
	uchardet_reset((uchardet_t)d->ud);
	while (i < n && fed < DETECT_BYTES) {
		const unsigned char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : n, k = end - i;
		if (telling(s + i, nl ? k - 1 : k)) {
			if (k > DETECT_BYTES - fed)
				k = DETECT_BYTES - fed;
			if (uchardet_handle_data((uchardet_t)d->ud, in + i,
						 k) != 0)
				return NULL;
			fed += k;
		}
		i = end;
	}
	uchardet_data_end((uchardet_t)d->ud);
	cs = uchardet_get_charset((uchardet_t)d->ud);
	if (western_punctuation(s, n))
		return "WINDOWS-1252";
	return cs && *cs ? cs : NULL;
}

static void set_charset(rp__decoder *d, const char *name)
{
	size_t k = strlen(name);
	if (k >= sizeof d->charset)
		k = sizeof d->charset - 1;
	memcpy(d->charset, name, k);
	d->charset[k] = '\0';
}

/* Convert with iconv; 1 when the charset was usable. */
static int convert(rp__decoder *d, const char *cs, const char *in, size_t n,
		   rp__decoded *out, rp_status *st)
{
	char wide[32];
	const char *name = rp__charset_canonical(cs, wide, sizeof wide);
	rp__transcoded r;
	*st = rp__transcode(&d->tc, name, in, n, &d->buf, &d->cap, d->limit,
			    &r);
	if (*st == RP_EINVAL) {
		*st = RP_OK;
		return 0;
	}
	set_charset(d, name);
	out->text = d->buf;
	out->len = r.len;
	out->errors = r.errors;
	out->first_bad = r.first_bad;
	out->charset = d->charset;
	return 1;
}

rp_status rp__decode(rp__decoder *d, const char *in, size_t n,
		     const char *forced, rp__decoded *out)
{
	const char *cs;
	size_t skip = 0;
	rp_status st = RP_OK;
	memset(out, 0, sizeof *out);
	cs = bom((const unsigned char *)in, n, &skip);
	if (cs && strcmp(cs, "UTF-8") != 0 &&
	    convert(d, cs, in + skip, n - skip, out, &st)) {
		out->first_bad += skip;
		return st;
	}
	if (st != RP_OK)
		return st;
	in += skip;
	n -= skip;
	if (forced && is_utf8_name(forced))
		cs = "UTF-8"; /* as given: ill-formed bytes are replaced */
	if (!cs && forced && *forced && convert(d, forced, in, n, out, &st))
		return st;
	if (st != RP_OK)
		return st;
	out->text = in;
	out->len = n;
	out->charset = "UTF-8";
	if (cs || rp__utf8_invalid_count(in, n) == 0)
		return RP_OK;
	cs = detect(d, in, n);
	if (cs && strcmp(cs, "UTF-8") != 0 && strcmp(cs, "ASCII") != 0 &&
	    convert(d, cs, in, n, out, &st)) {
		out->detected = 1;
		return st;
	}
	/* Not UTF-8 and nothing better known: the caller folds it as UTF-8,
	 * replacing what is ill-formed (and counting it). */
	return st;
}
