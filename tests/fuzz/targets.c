/*
 * targets.c - fuzz targets. Built with -DFUZZ_TARGET_<name> and
 * -fsanitize=fuzzer they are libFuzzer binaries (make fuzz); without it
 * replay.c runs them over tests/fuzz/corpus/<name>/ in make test.
 * Each target checks properties, not just the absence of crashes.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "cli.h"
#include "date.h"
#include "encoding.h"
#include "jsonl.h"
#include "meta.h"
#include "normalize.h"
#include "page.h"
#include "reprint.h"
#include "utf8.h"

int fuzz_normalize(const uint8_t *data, size_t size);
int fuzz_jsonl(const uint8_t *data, size_t size);
int fuzz_pipeline(const uint8_t *data, size_t size);
int fuzz_decode(const uint8_t *data, size_t size);
int fuzz_page(const uint8_t *data, size_t size);
int fuzz_date(const uint8_t *data, size_t size);

#define CHECK(c)                 \
	do {                     \
		if (!(c))        \
			abort(); \
	} while (0)

/* The text mode's reference: the input made valid (ill-formed sequences
 * to U+FFFD as the normalizer does), folded by utf8proc in one piece,
 * what rp__norm_keeps drops dropped. NULL when out of memory. */
static char *reference_fold(const uint8_t *data, size_t size, size_t *len)
{
	char *valid = malloc(size * 3 + 1), *out;
	utf8proc_uint8_t *folded;
	utf8proc_ssize_t n, i, adv;
	size_t v = 0, j = 0, step;
	if (!valid)
		return NULL;
	for (j = 0; j < size; j += step) {
		int32_t cp = rp__utf8_decode(data + j, size - j, &step);
		v += rp__utf8_encode(cp < 0 ? RP__REPLACEMENT : (uint32_t)cp,
				     valid + v);
	}
	n = utf8proc_map((const utf8proc_uint8_t *)valid, (utf8proc_ssize_t)v,
			 &folded,
			 UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
				 UTF8PROC_COMPOSE);
	free(valid);
	if (n < 0)
		return NULL;
	out = malloc((size_t)n + 1);
	for (i = 0, *len = 0; out && i < n; i += adv) {
		utf8proc_int32_t cp;
		adv = utf8proc_iterate(folded + i, n - i, &cp);
		CHECK(adv > 0);
		if (rp__norm_keeps(cp)) {
			memcpy(out + *len, folded + i, (size_t)adv);
			*len += (size_t)adv;
		}
	}
	free(folded);
	return out;
}

/* The reference folded again until it no longer changes (dropping a
 * character can leave a mark next to a letter it then composes with). */
static char *fixed_fold(const uint8_t *data, size_t size, size_t *len)
{
	char *ref = reference_fold(data, size, len);
	int pass;
	for (pass = 0; ref && pass < 3; pass++) {
		size_t n = 0;
		char *again = reference_fold((const uint8_t *)ref, *len, &n);
		int same = again && n == *len && memcmp(again, ref, n) == 0;
		free(ref);
		ref = again;
		*len = n;
		if (same)
			break;
	}
	return ref;
}

/* Folded text is valid UTF-8, its code point offsets are right, folding
 * it again changes nothing, and the text mode (fast paths and all) folds
 * as utf8proc folds the whole text, again until it no longer changes. */
int fuzz_normalize(const uint8_t *data, size_t size)
{
	rp_norm modes[2] = {RP_NORM_TEXT, RP_NORM_LOWER_SPACE};
	int m;
	for (m = 0; m < 2; m++) {
		rp__norm nm;
		size_t i;
		rp__norm_init(&nm, modes[m], 1 << 22);
		if (rp__norm_run(&nm, (const char *)data, size) == RP_OK) {
			CHECK(rp__utf8_invalid_count(nm.out, nm.out_len) == 0);
			if (!nm.ascii) {
				CHECK(nm.starts[nm.cps] == nm.out_len);
				for (i = 0; i < nm.cps; i++)
					CHECK(nm.starts[i] < nm.starts[i + 1]);
			} else {
				CHECK(nm.cps == nm.out_len);
			}
			/* folding twice changes nothing */
			{
				rp__norm again;
				rp__norm_init(&again, modes[m], 1 << 22);
				if (rp__norm_run(&again, nm.out, nm.out_len) ==
				    RP_OK)
					CHECK(again.out_len == nm.out_len &&
					      memcmp(again.out, nm.out,
						     nm.out_len) == 0);
				rp__norm_release(&again);
			}
			if (modes[m] == RP_NORM_TEXT) {
				size_t rl = 0;
				char *ref = fixed_fold(data, size, &rl);
				if (ref)
					CHECK(rl == nm.out_len &&
					      memcmp(ref, nm.out, rl) == 0);
				free(ref);
			}
		}
		rp__norm_release(&nm);
	}
	return 0;
}

int fuzz_jsonl(const uint8_t *data, size_t size)
{
	jsonl_parser p;
	jsonl_field f[2] = {{"id", NULL, 0, 0}, {"text", NULL, 0, 0}};
	jsonl_init(&p);
	if (jsonl_parse(&p, (const char *)data, size, f, 2) == 0) {
		if (f[1].found)
			CHECK(f[1].val[f[1].len] == '\0');
	} else {
		CHECK(strstr(p.err, "column") != NULL);
	}
	jsonl_release(&p);
	return 0;
}

/* Any bytes decode to UTF-8 (as given, or converted); offsets in range.
 * The first byte picks a forced charset now and then. */
int fuzz_decode(const uint8_t *data, size_t size)
{
	static const char *const forced[] = {NULL,         "GB18030",
					     "BIG5-HKSCS", "UTF-16LE",
					     "SHIFT_JIS",  "UTF-8"};
	rp__decoder d;
	rp__decoded out;
	const char *cs = size ? forced[data[0] % 6] : NULL;
	rp__decoder_init(&d, 4 * size + 64);
	if (rp__decode(&d, (const char *)data, size, cs, &out) == RP_OK) {
		CHECK(out.text != NULL || out.len == 0);
		CHECK(out.errors == 0 || out.first_bad < size);
		/* converted text is valid UTF-8; text read as UTF-8 is
		 * repaired later, when it is folded */
		if (strcmp(out.charset, "UTF-8") != 0)
			CHECK(rp__utf8_invalid_count(out.text, out.len) == 0);
	}
	rp__decoder_release(&d);
	return 0;
}

/* Furniture rules and line splitting: kept text is a subset of lines of
 * the input, one hash per kept line. */
int fuzz_page(const uint8_t *data, size_t size)
{
	rp__page p;
	size_t i, lines = 0;
	rp__page_init(&p, 4 * size + 64, 0);
	if (rp__page_lines(&p, (const char *)data, size, 1, NULL, 0) == RP_OK) {
		CHECK(p.kept_len <= size + p.n_hashes);
		rp__meta m;
		for (i = 0; i < p.kept_len; i++)
			lines += p.kept[i] == '\n';
		CHECK(lines == p.n_hashes);
		/* metadata parsing on the same page: fields stay terminated */
		rp__meta_parse((const char *)data, size, p.spans, p.n_spans,
			       p.kept, p.kept_len, p.head_from, &m);
		CHECK(strlen(m.date) < sizeof m.date &&
		      strlen(m.title) < sizeof m.title);
	}
	rp__page_release(&p);
	return 0;
}

/* A date read: fields in range; one with a year is written as ISO text
 * that reads back whole to the same minute and the same text. */
static void check_date(const rp__date *d)
{
	rp__date e;
	char out[48], again[48];
	size_t n;
	CHECK(d->label <= RP__LABEL_UPDATED);
	if (d->relative != RP__DATE_ABSOLUTE) {
		CHECK(d->relative <= RP__DATE_DAYREL && d->ago >= 0 &&
		      d->days >= 0 && d->h >= -1 && d->h <= 23);
		return;
	}
	CHECK(rp__date_valid(d) && (d->h >= 0 || !d->zoned));
	n = rp__date_format(d, out, sizeof out);
	CHECK((n > 0) == (d->y != 0));
	if (!d->y)
		return;
	CHECK(rp__date_minutes(d, 0) != RP__DATE_NONE &&
	      rp__date_minutes(d, 1) != RP__DATE_NONE);
	CHECK(rp__date_at(out, n, 0, &e) == n);
	CHECK(rp__date_minutes(&e, 0) == rp__date_minutes(d, 0));
	CHECK(rp__date_format(&e, again, sizeof again) == n &&
	      memcmp(out, again, n) == 0);
}

static int same_date(const rp__date *a, const rp__date *b)
{
	return a->y == b->y && a->mo == b->mo && a->d == b->d && a->h == b->h &&
	       a->mi == b->mi && a->s == b->s && a->zone == b->zone &&
	       a->zoned == b->zoned && a->zone_us == b->zone_us &&
	       a->ambiguous == b->ambiguous && a->relative == b->relative &&
	       a->label == b->label && a->ago == b->ago && a->days == b->days;
}

/* A relative date resolved against ref lies where it says: N minutes
 * before ref's time (in ref's offset), or N days before ref's day. */
static void check_resolved(const rp__date *rel, const rp__date *ref)
{
	rp__date r;
	int64_t day;
	if (!rp__date_resolve(rel, ref, &r))
		return;
	check_date(&r);
	CHECK(r.y && r.relative == RP__DATE_ABSOLUTE);
	if (rel->relative == RP__DATE_AGO && ref->h >= 0)
		CHECK(rp__date_minutes(&r, 0) ==
		      rp__date_minutes(ref, 0) - rel->ago);
	if (rel->relative == RP__DATE_DAYREL) {
		rp__date a = r, b = *ref;
		a.h = b.h = -1;
		a.zoned = b.zoned = 0;
		day = (rp__date_minutes(&b, 0) - rp__date_minutes(&a, 0)) /
		      1440;
		CHECK(day == rel->days && r.h == rel->h);
	}
}

/* Dates read at every position of any bytes: spans within bounds,
 * rp__date_find agreeing with rp__date_at, each date checked, and every
 * relative date resolved against the first absolute one with a year. */
int fuzz_date(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	rp__date d, e, ref;
	size_t i, k, at;
	int have_ref = 0;
	for (i = 0; i < size; i++) {
		k = rp__date_at(s, size, i, &d);
		CHECK(k <= size - i);
		if (!k)
			continue;
		check_date(&d);
		if (!have_ref && d.y && d.relative == RP__DATE_ABSOLUTE) {
			ref = d;
			have_ref = 1;
		}
	}
	if (rp__date_find(s, size, &d, &at)) {
		CHECK(at < size && rp__date_at(s, size, at, &e) > 0);
		CHECK(same_date(&d, &e));
	}
	for (i = 0; have_ref && i < size; i++)
		if (rp__date_at(s, size, i, &d))
			check_resolved(&d, &ref);
	return 0;
}

static int check_pair(const rp_pair *p, void *user)
{
	uint32_t n = *(uint32_t *)user;
	CHECK(p->a < p->b && p->b < n);
	CHECK(p->jaccard >= 0.0 && p->jaccard <= 1.0);
	return 0;
}

/* The passages of the text before the first 0x1E and the rest: spans in
 * bounds and, on each side, in order and apart. */
static void check_spans(const rp_span *v, size_t n, size_t len)
{
	size_t k;
	for (k = 0; k < n; k++)
		CHECK(v[k].start < v[k].end && v[k].end <= len &&
		      (k == 0 || v[k - 1].end <= v[k].start));
}

static void check_passages(const rp_config *cfg, const uint8_t *data,
			   size_t size)
{
	const uint8_t *sep = memchr(data, 0x1E, size);
	size_t a_len = sep ? (size_t)(sep - data) : size, k;
	rp_signer *s;
	rp_passages ps;
	if (rp_signer_new(&s, cfg) != RP_OK)
		return;
	if (rp_signer_passages(s, (const char *)data, a_len,
			       sep ? (const char *)sep + 1 : "",
			       sep ? size - a_len - 1 : 0, 0, &ps) == RP_OK) {
		for (k = 0; k < ps.n; k++)
			CHECK(ps.v[k].a_start < ps.v[k].a_end &&
			      ps.v[k].a_end <= ps.a_len &&
			      ps.v[k].b_start < ps.v[k].b_end &&
			      ps.v[k].b_end <= ps.b_len &&
			      (k == 0 || ps.v[k - 1].b_end <= ps.v[k].b_start));
		check_spans(ps.only_a, ps.n_only_a, ps.a_len);
		check_spans(ps.only_b, ps.n_only_b, ps.b_len);
		rp_passages_free(&ps);
	}
	rp_signer_free(s);
}

/* The pairs as --pairs writes them in JSONL parse back, one object per
 * line with both ids. */
static void check_written_pairs(rp_ctx *ctx, uint32_t n)
{
	char path[] = "/tmp/reprint-fuzz-XXXXXX", *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int fd = mkstemp(path);
	FILE *f;
	jsonl_parser p;
	(void)n;
	if (fd < 0)
		return;
	close(fd);
	CHECK(cli_write_pairs(ctx, path, 1, 0, 1) == 0);
	f = fopen(path, "rb");
	CHECK(f != NULL);
	jsonl_init(&p);
	while ((len = getline(&line, &cap, f)) > 0) {
		jsonl_field fl[2] = {{"a", NULL, 0, 0}, {"b", NULL, 0, 0}};
		CHECK(line[len - 1] == '\n');
		CHECK(jsonl_parse(&p, line, (size_t)len - 1, fl, 2) == 0);
		CHECK(fl[0].found && fl[1].found);
	}
	jsonl_release(&p);
	free(line);
	fclose(f);
	unlink(path);
}

/* Documents separated by 0x1E; the whole pipeline, with invariants. */
int fuzz_pipeline(const uint8_t *data, size_t size)
{
	rp_config cfg;
	rp_ctx *ctx;
	size_t start = 0, i;
	uint32_t n = 0, k, nc;
	rp_config_init(&cfg);
	cfg.threads = 2;
	cfg.ngram = 3;
	cfg.containment = 0.7;
	cfg.batch_bytes = 256;
	if (rp_ctx_new(&ctx, &cfg) != RP_OK)
		return 0;
	for (i = 0; i <= size; i++)
		if (i == size || data[i] == 0x1E) {
			char id[24];
			rp_doc d;
			memset(&d, 0, sizeof d);
			id[0] = (char)('a' + (n % 3)); /* duplicate ids too */
			id[1] = '\0';
			d.id = id;
			d.text = (const char *)data + start;
			d.text_len = i - start;
			CHECK(rp_ctx_add(ctx, &d) == RP_OK);
			n++;
			start = i + 1;
		}
	CHECK(rp_ctx_run(ctx) == RP_OK);
	CHECK(rp_ctx_doc_count(ctx) == n);
	nc = rp_ctx_cluster_count(ctx);
	for (k = 0; k < n; k++) {
		rp_doc_info di, o;
		CHECK(rp_ctx_doc(ctx, k, &di) == RP_OK);
		CHECK(di.cluster >= 1 && di.cluster <= nc);
		/* syndication: the origin and the parent are of its cluster */
		CHECK(rp_ctx_doc(ctx, di.origin, &o) == RP_OK);
		CHECK(o.cluster == di.cluster &&
		      (o.kind != RP_KIND_SINGLE) == (di.cluster_size > 1));
		CHECK((di.kind == RP_KIND_SINGLE) == (di.cluster_size == 1));
		CHECK((di.kind == RP_KIND_ORIGINAL) ==
		      (di.cluster_size > 1 && di.origin == k));
		if (di.parent != UINT32_MAX) {
			CHECK(rp_ctx_doc(ctx, di.parent, &o) == RP_OK);
			CHECK(o.cluster == di.cluster && di.parent != k);
		}
	}
	CHECK(rp_ctx_pairs(ctx, check_pair, &n) == RP_OK);
	check_written_pairs(ctx, n);
	rp_ctx_free(ctx);
	check_passages(&cfg, data, size);
	return 0;
}

/* With -DFUZZ_TARGET_<name>, the libFuzzer entry point of that target. */
#if defined(FUZZ_TARGET_normalize)
#define FUZZ_FN fuzz_normalize
#elif defined(FUZZ_TARGET_jsonl)
#define FUZZ_FN fuzz_jsonl
#elif defined(FUZZ_TARGET_decode)
#define FUZZ_FN fuzz_decode
#elif defined(FUZZ_TARGET_page)
#define FUZZ_FN fuzz_page
#elif defined(FUZZ_TARGET_pipeline)
#define FUZZ_FN fuzz_pipeline
#elif defined(FUZZ_TARGET_date)
#define FUZZ_FN fuzz_date
#endif
#ifdef FUZZ_FN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return FUZZ_FN(data, size);
}
#endif
