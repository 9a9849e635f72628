/*
 * cli_common.c - option values, messages, output files and escaping shared
 * by the reprint commands.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cli_common_help[] =
	"Input:\n"
	"  PATH                  a file (one document), a directory (walked\n"
	"                        recursively, names starting with '.' "
	"skipped),\n"
	"                        a .jsonl file, or - for stdin\n"
	"  --jsonl               read every file (and stdin) as JSONL\n"
	"  --id-field F          JSONL field of the document id (id)\n"
	"  --text-field F        JSONL field of the text (text)\n"
	"  --outlet-field F, --date-field F, --url-field F\n"
	"                        JSONL fields of the metadata (none)\n"
	"  --title-field F       JSONL field of the headline, read as the\n"
	"                        text's first line (none)\n"
	"  --id-from path|basename\n"
	"                        file ids: path relative to the directory "
	"given\n"
	"                        (path), or file name without extension\n"
	"  --max-doc-bytes N     largest document (64M); larger ones are "
	"skipped\n"
	"  --max-line-bytes N    longest JSONL line (256M)\n"
	"  --max-memory N|none   memory budget of the run (3/4 of the\n"
	"                        physical memory); documents that would\n"
	"                        pass it are skipped\n"
	"  --encoding NAME       charset of every input (iconv name); "
	"default:\n"
	"                        a BOM, else UTF-8 if valid, else detected\n"
	"  --encoding-field F    JSONL field naming each text's charset\n"
	"Similarity:\n"
	"  --norm text|lower-space\n"
	"                        text: NFKC + case fold, whitespace and\n"
	"                        punctuation dropped (default); lower-space:\n"
	"                        lowercase, whitespace runs to one space\n"
	"  --no-t2s              keep Traditional Chinese as it is (default:\n"
	"                        folded to Simplified in the text mode)\n"
	"  --no-furniture        keep what the built-in furniture rules drop\n"
	"                        (image placeholders, menus, share lines)\n"
	"  --no-boilerplate      do not learn furniture from the corpus\n"
	"                        (both are on with --norm text, off with\n"
	"                        lower-space; --furniture, --boilerplate turn\n"
	"                        them on there)\n"
	"  --no-syndicate        skip origins and reprint kinds (on with\n"
	"                        --norm text, or with --origins, --report,\n"
	"                        --outlets, --graph; --syndicate turns them\n"
	"                        on with lower-space)\n"
	"  --no-figures          join texts alike but for their figures (by\n"
	"                        default two items of one template: a\n"
	"                        dividend notice, a daily report)\n"
	"  --no-headlines        no headline evidence (by default items under\n"
	"                        one headline within a day join when the\n"
	"                        smaller shares 30% of its shingles)\n"
	"  --boilerplate-min-docs N\n"
	"                        a line on N pages of one outlet is furniture "
	"(3)\n"
	"  --boilerplate-min-share F\n"
	"                        ... and on this share of its pages (0)\n"
	"  --ngram N             shingle width in code points (4)\n"
	"  --perms K             MinHash values, 1..1024 (128)\n"
	"  --threshold T         Jaccard that joins a pair (0.8)\n"
	"  --containment C       also join a pair whose smaller side is at\n"
	"                        least C contained in the larger (0.6 with\n"
	"                        --norm text, off with lower-space; 0 = off)\n"

	"  --excerpt-ratio Q     with --containment: smallest "
	"excerpt/original\n"
	"                        size ratio LSH must catch (0.5)\n"
	"  --bands B --rows R    LSH shape (derived: a pair at the threshold "
	"is\n"
	"                        a candidate with probability >= 0.99)\n"
	"  --bucket-cap N        largest LSH bucket enumerated (5000)\n"
	"  --seed S              hash seed (0)\n"
	"  -j, --threads N       worker threads (all cores)\n"
	"  -q, --quiet           no summary or warnings\n";

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("reprint: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_check_config(const rp_config *cfg)
{
	char msg[256];
	if (rp_config_check(cfg, msg, sizeof msg) == RP_OK)
		return 0;
	cli_error("%s", msg);
	return -1;
}

static int parse_u64(const char *name, const char *s, uint64_t max,
		     uint64_t *out)
{
	char *end;
	unsigned long long v;
	uint64_t mul = 1;
	errno = 0;
	if (!s || !*s || *s == '-')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		goto bad;
	if (*end == 'K' || *end == 'k')
		mul = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		mul = 1024 * 1024, end++;
	else if (*end == 'G' || *end == 'g')
		mul = 1024 * 1024 * 1024, end++;
	if (*end || (v && mul > UINT64_MAX / v) || v * mul > max)
		goto bad;
	*out = v * mul;
	return 0;
bad:
	cli_error("invalid value '%s' for --%s (expected a whole number up "
		  "to %llu)",
		  s ? s : "", name, (unsigned long long)max);
	return -1;
}

static int parse_unit(const char *name, const char *s, double *out)
{
	char *end;
	double v;
	errno = 0;
	v = s ? strtod(s, &end) : NAN;
	if (!s || errno || end == s || *end || !(v >= 0.0 && v <= 1.0)) {
		cli_error("invalid value '%s' for --%s (expected a number from "
			  "0 to 1)",
			  s ? s : "", name);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_common_opt(int code, const char *arg, rp_config *cfg, input_opts *io)
{
	uint64_t v;
	switch (code) {
	case OPT_NORM:
		if (strcmp(arg, "text") == 0)
			cfg->norm = RP_NORM_TEXT;
		else if (strcmp(arg, "lower-space") == 0)
			cfg->norm = RP_NORM_LOWER_SPACE;
		else {
			cli_error("invalid value '%s' for --norm (expected "
				  "text or lower-space)",
				  arg);
			return -1;
		}
		return 0;
	case OPT_NGRAM:
		if (parse_u64("ngram", arg, RP_MAX_NGRAM, &v) || v == 0)
			return v == 0 ? (cli_error(
						 "--ngram must be at least 1"),
					 -1)
				      : -1;
		cfg->ngram = (unsigned)v;
		return 0;
	case OPT_PERMS:
		if (parse_u64("perms", arg, RP_MAX_PERMS, &v))
			return -1;
		cfg->perms = (unsigned)v;
		return 0;
	case OPT_THRESHOLD:
		return parse_unit("threshold", arg, &cfg->threshold);
	case OPT_CONTAINMENT:
		return parse_unit("containment", arg, &cfg->containment);
	case OPT_EXCERPT_RATIO:
		return parse_unit("excerpt-ratio", arg, &cfg->excerpt_ratio);
	case OPT_BANDS:
		if (parse_u64("bands", arg, RP_MAX_PERMS, &v))
			return -1;
		cfg->bands = (unsigned)v;
		return 0;
	case OPT_ROWS:
		if (parse_u64("rows", arg, RP_MAX_PERMS, &v))
			return -1;
		cfg->rows = (unsigned)v;
		return 0;
	case OPT_BUCKET_CAP:
		if (parse_u64("bucket-cap", arg, UINT32_MAX, &v))
			return -1;
		cfg->bucket_cap = (uint32_t)v;
		return 0;
	case OPT_SEED:
		return parse_u64("seed", arg, UINT64_MAX, &cfg->seed);
	case OPT_MAX_DOC:
		if (parse_u64("max-doc-bytes", arg, (uint64_t)256 << 20, &v))
			return -1;
		cfg->max_doc_bytes = io->max_doc_bytes = (size_t)v;
		return 0;
	case OPT_MAX_MEMORY:
		if (strcmp(arg, "none") == 0) {
			cfg->max_memory = SIZE_MAX;
			return 0;
		}
		if (parse_u64("max-memory", arg, SIZE_MAX, &v))
			return -1;
		cfg->max_memory = v ? (size_t)v : SIZE_MAX;
		return 0;
	case OPT_MAX_LINE:
		if (parse_u64("max-line-bytes", arg, (uint64_t)1 << 32, &v))
			return -1;
		io->max_line_bytes = (size_t)v;
		return 0;
	case OPT_JSONL:
		io->jsonl = 1;
		return 0;
	case OPT_ENCODING:
		cfg->encoding = arg;
		return 0;
	case OPT_ENCODING_FIELD:
		io->encoding_field = arg;
		return 0;
	case OPT_NO_T2S:
		cfg->t2s = 0;
		return 0;
	case OPT_NO_FURNITURE:
		cfg->furniture = 0;
		return 0;
	case OPT_NO_BOILERPLATE:
		cfg->boilerplate = 0;
		return 0;
	case OPT_FURNITURE:
		cfg->furniture = 1;
		return 0;
	case OPT_BOILERPLATE:
		cfg->boilerplate = 1;
		return 0;
	case OPT_SYNDICATE:
		cfg->syndicate = 1;
		return 0;
	case OPT_NO_SYNDICATE:
		cfg->syndicate = 0;
		return 0;
	case OPT_NO_FIGURES:
		cfg->figures = 0;
		return 0;
	case OPT_NO_HEADLINES:
		cfg->headlines = 0;
		return 0;
	case OPT_BP_MIN_DOCS:
		if (parse_u64("boilerplate-min-docs", arg, UINT32_MAX, &v))
			return -1;
		cfg->bp_min_docs = (unsigned)v;
		return 0;
	case OPT_BP_MIN_SHARE:
		return parse_unit("boilerplate-min-share", arg,
				  &cfg->bp_min_share);
	case OPT_OUTLET_FROM:
		if (strcmp(arg, "dir") != 0) {
			cli_error("invalid value '%s' for --outlet-from "
				  "(expected dir)",
				  arg);
			return -1;
		}
		io->outlet_from_dir = 1;
		return 0;
	case OPT_ID_FIELD:
		io->id_field = arg;
		return 0;
	case OPT_TEXT_FIELD:
		io->text_field = arg;
		return 0;
	case OPT_OUTLET_FIELD:
		io->outlet_field = arg;
		return 0;
	case OPT_DATE_FIELD:
		io->date_field = arg;
		return 0;
	case OPT_URL_FIELD:
		io->url_field = arg;
		return 0;
	case OPT_TITLE_FIELD:
		io->title_field = arg;
		return 0;
	case OPT_ID_FROM:
		if (strcmp(arg, "basename") == 0)
			io->id_basename = 1;
		else if (strcmp(arg, "path") == 0)
			io->id_basename = 0;
		else {
			cli_error("invalid value '%s' for --id-from (expected "
				  "path or basename)",
				  arg);
			return -1;
		}
		return 0;
	case 'j':
		if (parse_u64("threads", arg, 256, &v) || v == 0)
			return v == 0 ? (cli_error(
						 "--threads must be 1 to 256"),
					 -1)
				      : -1;
		cfg->threads = (unsigned)v;
		return 0;
	case 'q':
		io->quiet = 1;
		return 0;
	default:
		return 1;
	}
}

FILE *cli_open_out(const char *path)
{
	FILE *f;
	if (strcmp(path, "-") == 0)
		return stdout;
	f = fopen(path, "w");
	if (!f)
		cli_error("cannot open '%s' for writing: %s", path,
			  strerror(errno));
	else
		/* pair files run to hundreds of MB: fewer, larger writes */
		setvbuf(f, NULL, _IOFBF, (size_t)1 << 20);
	return f;
}

int cli_close_out(FILE *f, const char *path)
{
	int bad = ferror(f);
	if (f == stdout)
		bad |= fflush(f) != 0;
	else
		bad |= fclose(f) != 0;
	if (bad) {
		cli_error("cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* s[0..n) escaped into dst (room for 6 n bytes): backslash, tab, newline
 * and CR as \\, \t, \n, \r; for JSON also quotes and the other control
 * characters. Returns the bytes written. */
size_t cli_escape(char *dst, const char *s, size_t n, int json)
{
	static const char hex[] = "0123456789abcdef";
	char *o = dst;
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char e = 0;
		switch (c) {
		case '\\':
			e = '\\';
			break;
		case '\n':
			e = 'n';
			break;
		case '\r':
			e = 'r';
			break;
		case '\t':
			e = 't';
			break;
		case '"':
			e = json ? '"' : 0;
			break;
		default:
			break;
		}
		if (e) {
			*o++ = '\\';
			*o++ = e;
		} else if (json && c < 0x20) {
			memcpy(o, "\\u00", 4);
			o[4] = hex[c >> 4];
			o[5] = hex[c & 15];
			o += 6;
		} else {
			*o++ = (char)c;
		}
	}
	return (size_t)(o - dst);
}

static void escape(FILE *f, const char *s, int json)
{
	char buf[6 * 256];
	size_t len = strlen(s), off, k;
	for (off = 0; off < len; off += k) {
		k = len - off < 256 ? len - off : 256;
		fwrite(buf, 1, cli_escape(buf, s + off, k, json), f);
	}
}

/* v as printf's "%.6f" would write it, into dst (32 bytes), without
 * printf's arbitrary precision arithmetic for the common case of
 * 0 <= v < 2^31 away from a rounding tie; anything else goes to snprintf.
 * Returns the length. */
size_t cli_fmt_fixed6(char *dst, double v)
{
	char buf[32], *e = buf + sizeof buf, *q = e;
	double x = v * 1e6, fl = floor(x);
	uint64_t n;
	int k;
	if (!(v >= 0.0 && v < 2147483648.0) || fabs(x - fl - 0.5) < 1e-4) {
		k = snprintf(dst, 32, "%.6f", v);
		return k < 0 ? 0 : k > 31 ? 31 : (size_t)k;
	}
	n = (uint64_t)fl + (x - fl > 0.5);
	for (k = 0; k < 6; k++) {
		*--q = (char)('0' + n % 10);
		n /= 10;
	}
	*--q = '.';
	do {
		*--q = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	memcpy(dst, q, (size_t)(e - q));
	return (size_t)(e - q);
}

/* v in decimal into dst (24 bytes); returns the length. */
size_t cli_fmt_uint(char *dst, unsigned long long v)
{
	char buf[24], *e = buf + sizeof buf, *q = e;
	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(dst, q, (size_t)(e - q));
	return (size_t)(e - q);
}

void cli_json_str(FILE *f, const char *s)
{
	putc('"', f);
	escape(f, s, 1);
	putc('"', f);
}

void cli_tsv_str(FILE *f, const char *s)
{
	escape(f, s, 0);
}

static int add_doc(void *user, const rp_doc *doc)
{
	cli_reader *r = user;
	rp_status st = rp_ctx_add(r->ctx, doc);
	if (st == RP_OK)
		return 0;
	if (st == RP_ETOOBIG || st == RP_EINVAL) {
		r->rejected++;
		if (!r->quiet)
			fprintf(stderr, "reprint: warning: skipping: %s\n",
				rp_ctx_errmsg(r->ctx));
		if (r->skipped)
			input_skipped_row(r->skipped, doc->id, doc->id,
					  rp_ctx_errmsg(r->ctx));
		return 0;
	}
	cli_error("%s", rp_ctx_errmsg(r->ctx));
	r->failed = 1;
	return 1;
}

int cli_read_all(cli_reader *r, char **paths, int npaths, const input_opts *io,
		 const char *skipped_path)
{
	input_opts o = *io;
	int i, rc = EXIT_OK;
	if (skipped_path && !(r->skipped = cli_open_out(skipped_path)))
		return EXIT_RUNTIME;
	o.skipped = r->skipped;
	for (i = 0; i < npaths && rc == EXIT_OK; i++)
		if (input_walk(paths[i], &o, add_doc, r, &r->in) != 0) {
			if (!r->failed)
				cli_error("out of memory while reading '%s'",
					  paths[i]);
			rc = EXIT_RUNTIME;
		}
	if (r->skipped && cli_close_out(r->skipped, skipped_path) != 0)
		rc = EXIT_RUNTIME;
	r->skipped = NULL;
	return rc;
}
