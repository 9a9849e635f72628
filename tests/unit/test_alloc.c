/* test_alloc.c - allocation failures: the nth allocation of a scan fails,
 * for n = 1, 2, ... until a scan needs fewer; every failure comes back as
 * a status (no crash; leaks show in the sanitizer's report at exit), and
 * a scan right after it, with nothing failing, gives what a clean scan
 * gives: the library stays usable. */
#include "testutil.h"

#include "common.h"
#include "normalize.h"
#include "script.h"

/* The hooks exist in the test builds only (the Makefile's FAULT flags);
 * the shipped library has neither them nor their global countdown. */
#ifndef RP_FAULT_INJECTION
#error "test_alloc.c needs a library built with -DRP_FAULT_INJECTION"
#endif

#define STORY_PARAS 4

static const char *const outlets[] = {"Harbour Times", "Valley Post",
				      "东方晨报网", "港灣日報"};

/* A small corpus that takes every path of a scan: pages with furniture
 * and bylines, a story carried by four outlets (one page in Traditional
 * script, one an excerpt), other stories on the same templates, a
 * Big5-encoded page, an empty page. */
static size_t build(char texts[][4096], const char **charsets)
{
	size_t n = 0, o, k, p;
	for (o = 0; o < 4; o++)
		for (k = 0; k < 3; k++) {
			char *t = texts[n];
			size_t len = (size_t)sprintf(
				t, "%s\nHome | News | Business\n\n",
				outlets[o]);
			if (k == 0) {
				len += (size_t)sprintf(
					t + len,
					"%s\n2024-03-0%u 08:%02u 来源：%s\n\n",
					o == 3 ? "港口擴建計劃獲批准"
					       : "港口扩建计划获批准",
					(unsigned)o + 1, (unsigned)o * 7,
					outlets[0]);
				for (p = 0; p < (o == 2 ? 2u : STORY_PARAS);
				     p++)
					len += (size_t)sprintf(
						t + len,
						"%s第%"
						"zu段：市政府今天宣布港口扩建"
						"计划获得批准，工程将分三期进行"
						"，"
						"预计五年内完成。\n\n",
						o == 3 ? "據報道，" : "",
						p + 1);
			} else {
				len += (size_t)sprintf(
					t + len,
					"Story %zu of %s\n2024-02-%02zu\n\n"
					"Paragraph about topic %zu: the "
					"council "
					"met on day %zu to discuss item "
					"%zu.\n\n",
					k, outlets[o], k + 10, o * 10 + k,
					o * 3 + k, k * 7 + o);
			}
			sprintf(t + len,
				"Related\nMost read today\n(c) 2024 %s\n",
				outlets[o]);
			charsets[n] = NULL;
			n++;
		}
	/* the Traditional page again, as Big5 bytes */
	{
		/* "港口擴建" in Big5 */
		static const char big5[] = "\xb4\xe4\xa4\x66\xc2\x58\xab\xd8";
		size_t len = (size_t)sprintf(texts[n], "Big5 page\n\n");
		for (p = 0; p < 40; p++)
			len += (size_t)sprintf(texts[n] + len, "%s ", big5);
		charsets[n++] = "BIG5";
	}
	texts[n][0] = '\0';
	charsets[n++] = NULL;
	return n;
}

typedef struct result {
	rp_status st;
	char summary[2048]; /* cluster sizes and kinds, in document order */
} result;

static int count_pair(const rp_pair *p, void *user)
{
	(void)p;
	(void)user;
	return 0;
}

static result scan(unsigned threads)
{
	static char texts[16][4096];
	static const char *charsets[16];
	size_t n = build(texts, charsets), i;
	result r;
	rp_config cfg;
	rp_ctx *ctx = NULL;
	memset(&r, 0, sizeof r);
	rp_config_init(&cfg);
	cfg.threads = threads;
	r.st = rp_ctx_new(&ctx, &cfg);
	for (i = 0; r.st == RP_OK && i < n; i++) {
		rp_doc d;
		char id[32];
		memset(&d, 0, sizeof d);
		snprintf(id, sizeof id, "d%zu", i);
		d.id = id;
		d.text = texts[i];
		d.text_len = strlen(texts[i]);
		d.encoding = charsets[i];
		r.st = rp_ctx_add(ctx, &d);
	}
	if (r.st == RP_OK)
		r.st = rp_ctx_run(ctx);
	if (r.st == RP_OK) {
		size_t len = 0;
		assert_int_equal(rp_ctx_doc_count(ctx), n);
		for (i = 0; i < n; i++) {
			rp_doc_info di;
			assert_int_equal(rp_ctx_doc(ctx, (uint32_t)i, &di),
					 RP_OK);
			assert_true(di.cluster >= 1);
			len += (size_t)snprintf(r.summary + len,
						sizeof r.summary - len,
						"%u:%u:%d ", di.cluster,
						di.cluster_size, di.kind);
		}
	} else if (ctx) {
		/* a failure says what failed */
		assert_true(strlen(rp_ctx_errmsg(ctx)) > 0);
	}
	/* the other outputs: pairs, a saved model, its import, passages */
	if (r.st == RP_OK)
		r.st = rp_ctx_pairs(ctx, count_pair, NULL);
	if (r.st == RP_OK) {
		char *model = NULL;
		size_t len = 0;
		rp_ctx *again = NULL;
		r.st = rp_ctx_boilerplate_export(ctx, &model, &len);
		if (r.st == RP_OK)
			r.st = rp_ctx_new(&again, &cfg);
		if (r.st == RP_OK)
			r.st = rp_ctx_boilerplate_import(again, model, len);
		rp_ctx_free(again);
		rp_free(model);
	}
	if (r.st == RP_OK) {
		rp_signer *sg = NULL;
		rp_passages ps;
		r.st = rp_signer_new(&sg, &cfg);
		if (r.st == RP_OK)
			r.st = rp_signer_passages(sg, texts[0],
						  strlen(texts[0]), texts[3],
						  strlen(texts[3]), 0, &ps);
		if (r.st == RP_OK)
			rp_passages_free(&ps);
		rp_signer_free(sg);
	}
	rp_ctx_free(ctx);
	return r;
}

static void failing_scans(unsigned threads)
{
	result clean = scan(threads), r, again;
	long n;
	unsigned long failed = 0, ok = 0;
	assert_int_equal(clean.st, RP_OK);
	for (n = 1;; n++) {
		int reached;
		rp__alloc_fail_after(n);
		r = scan(threads);
		reached = !rp__alloc_fail_pending();
		rp__alloc_fail_after(0);
		if (!reached)
			break; /* the scan needed fewer: nothing failed */
		assert_true(r.st == RP_OK || r.st == RP_ENOMEM);
		failed += r.st != RP_OK;
		ok += r.st == RP_OK;
		if (r.st == RP_OK && strcmp(r.summary, clean.summary))
			print_message("n=%ld differs:\n%s\n%s\n", n, r.summary,
				      clean.summary);
		/* usable afterwards: a clean scan gives the clean result */
		again = scan(threads);
		assert_int_equal(again.st, RP_OK);
		assert_string_equal(again.summary, clean.summary);
	}
	/* most failures are reported, a few are absorbed (optional
	 * buffers); the loop went through the whole scan */
	assert_true(n > 100);
	assert_true(failed > 0);
	print_message("threads %u: %ld allocations, %lu failures reported, "
		      "%lu absorbed\n",
		      threads, n - 1, failed, ok);
}

static void test_alloc_fail_one_thread(void **state)
{
	(void)state;
	failing_scans(1);
}

static void test_alloc_fail_two_threads(void **state)
{
	(void)state;
	failing_scans(2);
}

/* The Traditional-to-Simplified table is built on the first ideograph:
 * when that fails, the fold says so, and the next one builds it. */
static void test_alloc_fail_t2s_table(void **state)
{
	static const char trad[] = "體育館";
	rp__norm nm;
	long n;
	int failed = 0;
	(void)state;
	for (n = 1;; n++) {
		int reached;
		rp_status st;
		rp__t2s_table_drop();
		rp__norm_init(&nm, RP_NORM_TEXT, 1 << 20);
		nm.t2s = 1;
		rp__alloc_fail_after(n);
		st = rp__norm_run(&nm, trad, sizeof trad - 1);
		reached = !rp__alloc_fail_pending();
		rp__alloc_fail_after(0);
		if (!reached) {
			assert_int_equal(st, RP_OK);
			rp__norm_release(&nm);
			break;
		}
		assert_true(st == RP_OK || st == RP_ENOMEM);
		failed += st == RP_ENOMEM;
		/* usable afterwards */
		assert_int_equal(rp__norm_run(&nm, trad, sizeof trad - 1),
				 RP_OK);
		assert_int_equal(nm.out_len, strlen("体育馆"));
		assert_memory_equal(nm.out, "体育馆", nm.out_len);
		rp__norm_release(&nm);
	}
	assert_true(failed > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_fail_one_thread),
		cmocka_unit_test(test_alloc_fail_two_threads),
		cmocka_unit_test(test_alloc_fail_t2s_table),
	};
	return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
