/* test_dupmap.c - the map of folded texts already signed, and its use:
 * a repeated text takes its signature from the first. */
#include "testutil.h"

#include "dupmap.h"

static void test_dupmap_find_insert_grow(void **state)
{
	rp__dupmap m = {NULL, 0};
	uint32_t i;
	(void)state;
	assert_int_equal(rp__dupmap_find(&m, 1, 2), RP__DUP_NONE);
	rp__dupmap_insert(&m, 1, 2, 7); /* no room yet: left out */
	assert_int_equal(rp__dupmap_find(&m, 1, 2), RP__DUP_NONE);
	assert_int_equal(rp__dupmap_reserve(&m, 10), RP_OK);
	/* same low word, different high word: two keys; a zero low word */
	rp__dupmap_insert(&m, 5, 1, 10);
	rp__dupmap_insert(&m, 5, 2, 11);
	rp__dupmap_insert(&m, 0, 3, 12);
	rp__dupmap_insert(&m, 5, 1, 99); /* already there: kept as it was */
	assert_int_equal(rp__dupmap_find(&m, 5, 1), 10);
	assert_int_equal(rp__dupmap_find(&m, 5, 2), 11);
	assert_int_equal(rp__dupmap_find(&m, 0, 3), 12);
	assert_int_equal(rp__dupmap_find(&m, 5, 3), RP__DUP_NONE);
	/* growing keeps every key */
	for (i = 0; i < 5000; i++) {
		assert_int_equal(rp__dupmap_reserve(&m, i + 4), RP_OK);
		rp__dupmap_insert(&m, (uint64_t)i * 0x9E3779B97F4A7C15u, i,
				  i + 100);
	}
	for (i = 0; i < 5000; i++)
		assert_int_equal(
			rp__dupmap_find(&m, (uint64_t)i * 0x9E3779B97F4A7C15u,
					i),
			i + 100);
	assert_int_equal(rp__dupmap_find(&m, 5, 2), 11);
	rp__dupmap_release(&m);
}

/* Texts that fold alike (case, spacing, punctuation) share one set;
 * a different text gets its own; signatures and pairs are as if each were
 * signed alone. */
static void test_repeated_text_shares_its_signature(void **state)
{
	static const char *texts[] = {
		"The council approved the harbour bridge budget on Tuesday.",
		"THE COUNCIL approved the harbour bridge budget, on Tuesday!",
		"An entirely different story about the railway timetable.",
		"The council approved the harbour bridge budget on Tuesday.",
		"Not UTF-8 \xff bytes and a NUL \0, in a repeated text here",
		"Not UTF-8 \xff bytes and a NUL \0, in a repeated text here"};
	static const size_t lens[] = {0, 0, 0, 0, 54, 54};
	rp_config cfg;
	rp_ctx *ctx;
	const uint32_t *set[6];
	size_t len[6];
	rp_doc_info info[6];
	uint32_t i;
	(void)state;
	rp_config_init(&cfg);
	cfg.threads = 2;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (i = 0; i < 6; i++) {
		char id[8];
		rp_doc d = {0};
		snprintf(id, sizeof id, "d%u", i);
		d.id = id;
		d.text = texts[i];
		d.text_len = lens[i] ? lens[i] : strlen(texts[i]);
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	for (i = 0; i < 6; i++) {
		assert_int_equal(rp_ctx_doc_set(ctx, i, &set[i], &len[i]),
				 RP_OK);
		assert_int_equal(rp_ctx_doc(ctx, i, &info[i]), RP_OK);
	}
	/* a repeat carries what its bytes gave the first: flags, counts */
	assert_true(info[4].flags & RP_DOC_NUL);
	assert_string_equal(info[5].charset, info[4].charset);
	assert_true(strcmp(info[4].charset, "UTF-8") != 0); /* detected */
	assert_int_equal(info[5].flags, info[4].flags);
	assert_int_equal(info[5].invalid_utf8, info[4].invalid_utf8);
	assert_int_equal(len[5], len[4]);
	assert_true(len[0] > 20 && len[0] == len[1] && len[0] == len[3]);
	assert_memory_equal(set[0], set[1], len[0] * sizeof(uint32_t));
	assert_memory_equal(set[0], set[3], len[0] * sizeof(uint32_t));
	assert_true(set[2] != set[0]);
	assert_int_equal(rp_ctx_pair_count(ctx), 4);
	rp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dupmap_find_insert_grow),
		cmocka_unit_test(test_repeated_text_shares_its_signature),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
