/* test_ctx.c - a corpus end to end: identical groups, near copies,
 * excerpts, flags, errors, and output that does not depend on input
 * order or thread count. */
#include "testutil.h"

#include "common.h"

#define MAXDOC 64

typedef struct corpus {
	char *id[MAXDOC];
	char *text[MAXDOC];
	size_t n;
} corpus;

static const char *const words[] = {
	"river",    "bridge",  "council", "minister", "market",   "ferry",
	"storm",    "harbor",  "budget",  "school",   "energy",   "battery",
	"railway",  "court",   "station", "village",  "factory",  "report",
	"farmers",  "weather", "museum",  "airport",  "hospital", "election",
	"contract", "library"};

static char *random_text(uint64_t *seed, size_t nwords)
{
	char *t = malloc(nwords * 12 + 1);
	size_t i, n = 0;
	for (i = 0; i < nwords; i++) {
		const char *w =
			words[tu_rand(seed) % (sizeof words / sizeof words[0])];
		n += (size_t)sprintf(t + n, "%s%s", i ? " " : "", w);
	}
	return t;
}

static void add(corpus *c, const char *id, char *text)
{
	c->id[c->n] = strdup(id);
	c->text[c->n++] = text;
}

static void corpus_free(corpus *c)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		free(c->id[i]);
		free(c->text[i]);
	}
}

/* base stories, copies, a near copy, an excerpt, singletons, an empty
 * and a short document */
static void make_corpus(corpus *c)
{
	uint64_t seed = 2026;
	char *base = random_text(&seed, 400), *t;
	size_t len = strlen(base);
	memset(c, 0, sizeof *c);
	add(c, "story-a", strdup(base));
	add(c, "copy-a1", strdup(base));
	add(c, "copy-a2", strdup(base));
	t = strdup(base);
	memcpy(t + len / 2, "XYZQ", 4); /* a small edit */
	add(c, "near-a", t);
	t = strndup(base, len * 2 / 5); /* the first 40% */
	add(c, "excerpt-a", t);
	free(base);
	add(c, "story-b", random_text(&seed, 300));
	add(c, "story-c", random_text(&seed, 300));
	add(c, "empty", strdup(" ，。 "));
	add(c, "short", strdup("ab"));
	add(c, "story-d", random_text(&seed, 250));
}

typedef struct dump {
	char buf[8192];
	size_t n;
	uint64_t count;
} dump;

static int dump_pair(const rp_pair *p, void *user)
{
	dump *d = user;
	d->n += (size_t)snprintf(d->buf + d->n, sizeof d->buf - d->n,
				 "%u-%u:%.4f;", p->a, p->b, p->jaccard);
	d->count++;
	return 0;
}

/* Run the corpus in the given order with the given threads; the pairs and
 * clusters are written to out as text. */
static rp_ctx *run(const corpus *c, const size_t *order, unsigned threads,
		   double containment, dump *out)
{
	rp_config cfg;
	rp_ctx *ctx;
	size_t k;
	uint32_t i;
	rp_config_init(&cfg);
	cfg.threads = threads;
	cfg.containment = containment; /* 0 = off, not auto */
	cfg.batch_bytes = 4096;        /* several batches */
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < c->n; k++) {
		rp_doc d = {0};
		size_t j = order ? order[k] : k;
		d.id = c->id[j];
		d.text = c->text[j];
		d.text_len = strlen(c->text[j]);
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	memset(out, 0, sizeof *out);
	assert_int_equal(rp_ctx_pairs(ctx, dump_pair, out), RP_OK);
	for (i = 0; i < rp_ctx_doc_count(ctx); i++) {
		rp_doc_info di;
		assert_int_equal(rp_ctx_doc(ctx, i, &di), RP_OK);
		out->n += (size_t)snprintf(out->buf + out->n,
					   sizeof out->buf - out->n, "%s=%u;",
					   di.id, di.cluster);
	}
	return ctx;
}

static uint32_t cluster_of(rp_ctx *ctx, const char *id)
{
	return tu_doc(ctx, id).cluster;
}

static uint32_t flags_of(rp_ctx *ctx, const char *id)
{
	return tu_doc(ctx, id).flags;
}

static void test_ctx_clusters(void **state)
{
	corpus c;
	dump d;
	rp_ctx *ctx;
	rp_stats st;
	(void)state;
	make_corpus(&c);
	ctx = run(&c, NULL, 2, 0.0, &d);
	assert_int_equal(cluster_of(ctx, "story-a"),
			 cluster_of(ctx, "copy-a1"));
	assert_int_equal(cluster_of(ctx, "story-a"),
			 cluster_of(ctx, "copy-a2"));
	assert_int_equal(cluster_of(ctx, "story-a"), cluster_of(ctx, "near-a"));
	assert_int_not_equal(cluster_of(ctx, "story-a"),
			     cluster_of(ctx, "excerpt-a"));
	assert_int_not_equal(cluster_of(ctx, "story-b"),
			     cluster_of(ctx, "story-c"));
	/* 4 documents in one cluster: 6 pairs, 3 of them between copies */
	assert_int_equal(rp_ctx_pair_count(ctx), 6);
	assert_int_equal(d.count, 6);
	rp_ctx_stats(ctx, &st);
	assert_int_equal(st.exact_dup_docs, 2);
	assert_int_equal(st.docs, 10);
	assert_int_equal(st.clusters, 7);
	assert_true(flags_of(ctx, "empty") & RP_DOC_EMPTY);
	assert_true(flags_of(ctx, "short") & RP_DOC_SHORT);
	rp_ctx_free(ctx);
	corpus_free(&c);
}

static void test_ctx_containment_joins_excerpt(void **state)
{
	corpus c;
	dump d;
	rp_ctx *ctx;
	(void)state;
	make_corpus(&c);
	ctx = run(&c, NULL, 1, 0.9, &d);
	assert_int_equal(cluster_of(ctx, "story-a"),
			 cluster_of(ctx, "excerpt-a"));
	assert_int_equal(rp_ctx_pair_count(ctx), 10);
	rp_ctx_free(ctx);
	corpus_free(&c);
}

static void test_ctx_deterministic(void **state)
{
	corpus c;
	dump a, b;
	size_t order[MAXDOC], k;
	unsigned threads[] = {1, 3, 8};
	rp_ctx *ctx;
	(void)state;
	make_corpus(&c);
	ctx = run(&c, NULL, 1, 0.0, &a);
	rp_ctx_free(ctx);
	for (k = 0; k < c.n; k++)
		order[k] = c.n - 1 - k;
	for (k = 0; k < 3; k++) {
		ctx = run(&c, order, threads[k], 0.0, &b);
		assert_string_equal(a.buf, b.buf);
		rp_ctx_free(ctx);
	}
	corpus_free(&c);
}

/* Walking the pairs range by range gives the pairs of the whole walk, in
 * the same order, wherever the ranges are cut. */
static void test_ctx_pairs_range(void **state)
{
	corpus c;
	static dump whole, parts;
	rp_ctx *ctx;
	uint32_t n, cut[5], k;
	(void)state;
	make_corpus(&c);
	ctx = run(&c, NULL, 2, 0.0, &whole);
	memset(&whole, 0, sizeof whole);
	assert_int_equal(rp_ctx_pairs(ctx, dump_pair, &whole), RP_OK);
	assert_true(whole.count > 0);
	n = rp_ctx_doc_count(ctx);
	cut[0] = 0;
	cut[1] = 1;
	cut[2] = n / 2;
	cut[3] = n - 1;
	cut[4] = n;
	for (k = 0; k < 5; k++) {
		memset(&parts, 0, sizeof parts);
		assert_int_equal(
			rp_ctx_pairs_range(ctx, 0, cut[k], dump_pair, &parts),
			RP_OK);
		assert_int_equal(rp_ctx_pairs_range(ctx, cut[k], n + 10,
						    dump_pair, &parts),
				 RP_OK);
		assert_string_equal(parts.buf, whole.buf);
	}
	assert_int_equal(rp_ctx_pairs_range(ctx, 3, 2, dump_pair, &parts),
			 RP_EINVAL);
	rp_ctx_free(ctx);
	corpus_free(&c);
}

/* Every reported pair is a true pair, and no more than a few true pairs
 * are missed, against all pairs checked exactly. */
enum { NALL = 60 };

static int mark_pair(const rp_pair *p, void *user)
{
	unsigned char(*seen)[NALL] = user;
	seen[p->a][p->b]++;
	return 0;
}

static void test_ctx_against_all_pairs(void **state)
{
	static unsigned char seen[NALL][NALL];
	char *texts[NALL];
	uint32_t *sets[NALL];
	rp_signature sig[NALL];
	rp_config cfg;
	rp_ctx *ctx;
	rp_signer *s;
	size_t i, j, truth = 0, found = 0;
	uint64_t seed = 5;
	(void)state;
	rp_config_init(&cfg);
	cfg.containment = 0.0; /* the truth here is Jaccard alone */
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	assert_int_equal(rp_signer_new(&s, &cfg), RP_OK);
	for (i = 0; i < NALL; i++) {
		char id[16];
		rp_doc doc = {0};
		if (i % 3) {
			/* edit a few letters of the previous text */
			size_t len = strlen(texts[i - 1]), e,
			       edits = (size_t)(tu_rand(&seed) % 12);
			texts[i] = strdup(texts[i - 1]);
			for (e = 0; e < edits; e++)
				texts[i][tu_rand(&seed) % len] = 'q';
		} else {
			texts[i] = random_text(&seed, 200);
		}
		/* ids d00..d59 sort in insertion order */
		snprintf(id, sizeof id, "d%02zu", i);
		doc.id = id;
		doc.text = texts[i];
		doc.text_len = strlen(texts[i]);
		assert_int_equal(rp_ctx_add(ctx, &doc), RP_OK);
		assert_int_equal(
			rp_signer_sign(s, texts[i], doc.text_len, 1, &sig[i]),
			RP_OK);
		sets[i] = malloc(sig[i].set_len * sizeof(uint32_t) + 1);
		memcpy(sets[i], sig[i].set, sig[i].set_len * sizeof(uint32_t));
		sig[i].set = sets[i];
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	memset(seen, 0, sizeof seen);
	assert_int_equal(rp_ctx_pairs(ctx, mark_pair, seen), RP_OK);
	for (i = 0; i < NALL; i++)
		for (j = i + 1; j < NALL; j++) {
			rp_similarity sim;
			rp_similarity_of(&sig[i], &sig[j], &sim);
			truth += sim.jaccard >= 0.8;
			if (seen[i][j]) {
				found++;
				assert_int_equal(seen[i][j], 1);
				assert_true(sim.jaccard >= 0.8);
			}
		}
	assert_int_equal(found, rp_ctx_pair_count(ctx));
	assert_true(truth > 10);
	assert_true((double)found >= 0.95 * (double)truth);
	for (i = 0; i < NALL; i++) {
		free(texts[i]);
		free(sets[i]);
	}
	rp_signer_free(s);
	rp_ctx_free(ctx);
}

static void test_ctx_errors_and_flags(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	rp_doc d = {0};
	rp_doc_info di;
	(void)state;
	rp_config_init(&cfg);
	cfg.max_doc_bytes = 100;
	cfg.encoding = "utf-8"; /* read as UTF-8: ill-formed bytes replaced */
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	d.id = "big";
	d.text = "x";
	d.text_len = 101;
	assert_int_equal(rp_ctx_add(ctx, &d), RP_ETOOBIG);
	assert_non_null(strstr(rp_ctx_errmsg(ctx), "'big'"));
	d.id = NULL;
	assert_int_equal(rp_ctx_add(ctx, &d), RP_EINVAL);
	d.id = "same";
	d.text = "first text here";
	d.text_len = strlen(d.text);
	assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	d.text = "bad \xff utf8 and a \0 nul";
	d.text_len = 22;
	assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	assert_int_equal(rp_ctx_pairs(ctx, dump_pair, NULL), RP_ESTATE);
	assert_int_equal(rp_ctx_pairs_range(ctx, 0, 1, dump_pair, NULL),
			 RP_ESTATE);
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	assert_int_equal(rp_ctx_add(ctx, &d), RP_ESTATE);
	assert_int_equal(rp_ctx_run(ctx), RP_ESTATE);
	assert_int_equal(rp_ctx_doc_count(ctx), 2);
	assert_int_equal(rp_ctx_doc(ctx, 2, &di), RP_EINVAL);
	assert_int_equal(rp_ctx_doc(ctx, 0, &di), RP_OK);
	assert_true(di.flags & RP_DOC_DUP_ID);
	assert_int_equal(rp_ctx_doc(ctx, 1, &di), RP_OK);
	assert_true(di.flags & RP_DOC_DUP_ID);
	{
		uint32_t k, bad = 0, nul = 0;
		for (k = 0; k < 2; k++) {
			rp_ctx_doc(ctx, k, &di);
			bad += (di.flags & RP_DOC_INVALID_UTF8) != 0;
			nul += (di.flags & RP_DOC_NUL) != 0;
		}
		assert_int_equal(bad, 1);
		assert_int_equal(nul, 1);
	}
	rp_ctx_free(ctx);
	assert_int_equal(rp_ctx_new(NULL, &cfg), RP_EINVAL);
	rp_ctx_free(NULL);
}

/* A context rp_ctx_new refused: every call gives the status it was
 * refused with, the counts are 0, and its message stays msg. */
static void refuses_all(rp_ctx *ctx, rp_status st, const char *msg)
{
	rp_doc d = {0};
	rp_doc_info di;
	rp_boilerplate_line bl;
	rp_stats stats;
	const uint32_t *set = NULL;
	size_t len = 0;
	char *model = NULL;
	d.id = "a";
	d.text = "some text";
	d.text_len = strlen(d.text);
	assert_int_equal(rp_ctx_add(ctx, &d), st);
	assert_int_equal(rp_ctx_run(ctx), st);
	assert_int_equal(rp_ctx_doc(ctx, 0, &di), st);
	assert_int_equal(rp_ctx_doc_set(ctx, 0, &set, &len), st);
	assert_int_equal(rp_ctx_pairs(ctx, dump_pair, NULL), st);
	assert_int_equal(rp_ctx_pairs_range(ctx, 0, 1, dump_pair, NULL), st);
	assert_int_equal(rp_ctx_boilerplate(ctx, 0, &bl), st);
	assert_int_equal(rp_ctx_boilerplate_import(ctx, "x\n", 2), st);
	assert_int_equal(rp_ctx_boilerplate_export(ctx, &model, &len), st);
	assert_null(model);
	assert_int_equal(rp_ctx_doc_count(ctx), 0);
	assert_int_equal(rp_ctx_cluster_count(ctx), 0);
	assert_int_equal(rp_ctx_pair_count(ctx), 0);
	assert_int_equal(rp_ctx_boilerplate_count(ctx), 0);
	rp_ctx_stats(ctx, &stats);
	assert_int_equal(stats.docs, 0);
	assert_string_equal(rp_ctx_errmsg(ctx), msg);
}

/* As SQLite's open: a bad configuration still gives a context, which
 * says exactly what rp_config_check says, refuses every call, and is
 * freed by the caller (the sanitizer's leak check sees the rest). */
static void test_ctx_new_keeps_config_message(void **state)
{
	rp_config cfg;
	int k;
	(void)state;
	for (k = 0; k < 5; k++) {
		char want[RP__ERRMSG_CAP];
		rp_ctx *ctx = NULL;
		const rp_config *c = &cfg;
		rp_status st;
		rp_config_init(&cfg);
		if (k == 0)
			cfg.ngram = 0;
		else if (k == 1)
			cfg.perms = RP_MAX_PERMS + 1;
		else if (k == 2)
			cfg.threshold = 1.5;
		else if (k == 3)
			cfg.bands = 4; /* without rows */
		else
			c = NULL;
		st = rp_config_check(c, want, sizeof want);
		assert_int_equal(st, RP_EINVAL);
		assert_true(strlen(want) > 0);
		assert_int_equal(rp_ctx_new(&ctx, c), st);
		assert_non_null(ctx);
		assert_string_equal(rp_ctx_errmsg(ctx), want);
		refuses_all(ctx, st, want);
		rp_ctx_free(ctx);
	}
}

/* Out of memory in rp_ctx_new: for the context itself, no handle and
 * rp_ctx_errmsg(NULL) says so; for its workers, a handle that says so
 * and refuses every call. */
static void test_ctx_new_out_of_memory(void **state)
{
	rp_config cfg;
	rp_ctx *ctx = (rp_ctx *)&cfg; /* not NULL, to see it set */
	(void)state;
	rp_config_init(&cfg);
	cfg.threads = 2;
	rp__alloc_fail_after(1);
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_ENOMEM);
	assert_false(rp__alloc_fail_pending());
	rp__alloc_fail_after(0);
	assert_null(ctx);
	assert_string_equal(rp_ctx_errmsg(ctx), "out of memory");
	rp_ctx_free(ctx);

	rp__alloc_fail_after(2);
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_ENOMEM);
	assert_false(rp__alloc_fail_pending());
	rp__alloc_fail_after(0);
	assert_non_null(ctx);
	assert_string_equal(rp_ctx_errmsg(ctx),
			    "no memory for 2 worker threads");
	refuses_all(ctx, RP_ENOMEM, "no memory for 2 worker threads");
	rp_ctx_free(ctx);
}

static void test_ctx_empty_corpus(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	dump d;
	(void)state;
	rp_config_init(&cfg);
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	assert_int_equal(rp_ctx_doc_count(ctx), 0);
	assert_int_equal(rp_ctx_cluster_count(ctx), 0);
	memset(&d, 0, sizeof d);
	assert_int_equal(rp_ctx_pairs(ctx, dump_pair, &d), RP_OK);
	assert_int_equal(d.count, 0);
	rp_ctx_free(ctx);
}

/* Two stories that share one passage, and a short page that is only that
 * passage (contained in both): union-find would make one cluster of all;
 * star clusters keep the stories apart, each with its own copies. */
static void test_ctx_no_chaining(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	uint64_t seed = 31;
	char *passage = random_text(&seed, 60), *ra = random_text(&seed, 300),
	     *rb = random_text(&seed, 300);
	char *texts[5];
	const char *ids[5] = {"a1", "a2", "b1", "b2", "hub"};
	size_t k;
	(void)state;
	texts[0] = malloc(strlen(passage) + strlen(ra) + 2);
	sprintf(texts[0], "%s %s", passage, ra);
	texts[1] = strdup(texts[0]);
	texts[1][strlen(texts[1]) - 3] = 'Q'; /* an edited copy */
	texts[2] = malloc(strlen(passage) + strlen(rb) + 2);
	sprintf(texts[2], "%s %s", passage, rb);
	texts[3] = strdup(texts[2]);
	texts[3][strlen(texts[3]) - 3] = 'Q';
	texts[4] = strdup(passage);
	rp_config_init(&cfg);
	cfg.containment = 0.9;
	cfg.boilerplate = 0;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < 5; k++) {
		rp_doc d = {0};
		d.id = ids[k];
		d.text = texts[k];
		d.text_len = strlen(texts[k]);
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	/* the hub is verified-similar to all four */
	assert_true(rp_ctx_pair_count(ctx) >= 6);
	assert_int_equal(cluster_of(ctx, "a1"), cluster_of(ctx, "a2"));
	assert_int_equal(cluster_of(ctx, "b1"), cluster_of(ctx, "b2"));
	assert_int_not_equal(cluster_of(ctx, "a1"), cluster_of(ctx, "b1"));
	assert_true(cluster_of(ctx, "hub") == cluster_of(ctx, "a1") ||
		    cluster_of(ctx, "hub") == cluster_of(ctx, "b1"));
	rp_ctx_free(ctx);
	for (k = 0; k < 5; k++)
		free(texts[k]);
	free(passage);
	free(ra);
	free(rb);
}

/* A bucket over the cap is not enumerated, and that is counted. */
static void test_ctx_bucket_cap(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	rp_stats st;
	uint64_t seed = 11;
	char *base = random_text(&seed, 300);
	size_t k, len = strlen(base);
	(void)state;
	rp_config_init(&cfg);
	cfg.bucket_cap = 3;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < 6; k++) {
		char id[8];
		char *t = strdup(base);
		rp_doc d = {0};
		t[len - 1 - k] = 'Z'; /* distinct texts, one band in common */
		snprintf(id, sizeof id, "v%zu", k);
		d.id = id;
		d.text = t;
		d.text_len = len;
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
		free(t);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	rp_ctx_stats(ctx, &st);
	assert_true(st.buckets_capped > 0);
	assert_true(st.capped_members >= 4);
	/* the largest capped bucket is named by its first document */
	assert_true(st.capped_largest >= 4 && st.capped_largest <= 6);
	assert_true(st.capped_doc < 6);
	free(base);
	rp_ctx_free(ctx);
}

/* A memory budget: documents that would pass it are refused with a
 * message naming them; those before run within it. */
static void test_ctx_memory_budget(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	uint64_t seed = 5;
	size_t k, taken = 0, refused = 0;
	(void)state;
	rp_config_init(&cfg);
	cfg.threads = 1;
	cfg.max_memory = (size_t)2 << 20;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < 400; k++) {
		char id[16], *t = random_text(&seed, 300);
		rp_doc d = {0};
		rp_status st;
		snprintf(id, sizeof id, "m%zu", k);
		d.id = id;
		d.text = t;
		d.text_len = strlen(t);
		st = rp_ctx_add(ctx, &d);
		if (st == RP_OK) {
			taken++;
		} else {
			assert_int_equal(st, RP_ETOOBIG);
			assert_non_null(strstr(rp_ctx_errmsg(ctx), id));
			assert_non_null(
				strstr(rp_ctx_errmsg(ctx), "memory budget"));
			refused++;
		}
		free(t);
	}
	assert_true(taken > 10 && refused > 10);
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	assert_int_equal(rp_ctx_doc_count(ctx), taken);
	rp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ctx_clusters),
		cmocka_unit_test(test_ctx_containment_joins_excerpt),
		cmocka_unit_test(test_ctx_deterministic),
		cmocka_unit_test(test_ctx_pairs_range),
		cmocka_unit_test(test_ctx_against_all_pairs),
		cmocka_unit_test(test_ctx_errors_and_flags),
		cmocka_unit_test(test_ctx_new_keeps_config_message),
		cmocka_unit_test(test_ctx_new_out_of_memory),
		cmocka_unit_test(test_ctx_empty_corpus),
		cmocka_unit_test(test_ctx_bucket_cap),
		cmocka_unit_test(test_ctx_memory_budget),
		cmocka_unit_test(test_ctx_no_chaining),
	};
	return cmocka_run_group_tests_name("ctx", tests, NULL, NULL);
}
