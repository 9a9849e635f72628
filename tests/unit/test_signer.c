/* test_signer.c - the public signer: golden vectors pin every signature,
 * so a change of hash, folding or sketch fails here and must be explained
 * in its commit. */
#include "testutil.h"

#include "common.h"

typedef struct golden {
	int mode, text;
	uint64_t simhash, text_hash;
	size_t set_len;
	uint32_t mh[4]; /* minhash[0], [1], [2], [127] */
} golden;

static const char *const texts[] = {
	"The quick brown fox jumps over the lazy dog.",
	"马斯克 等 千 名 科技 人士 发 公开信 ： "
	"暂停 训练 比 GPT - 4 更 强大 的 AI系统",
	"abc", ""};

/* mode 0: --norm text --ngram 4; mode 1: --norm lower-space --ngram 5 */
/* clang-format off */
static const golden vectors[] = {
	{0, 0, 0x132167164ab71624u, 0xfade1a702ed46adfu, 32, {0x3b82f63eu, 0x080c5631u, 0x1a818c34u, 0x5a629067u}},
	{0, 1, 0xd05dec216517a4d1u, 0xfdffacdfd51bf14du, 28, {0x254c0439u, 0x9c52622au, 0xe43ac6d0u, 0x24d2d3ddu}},
	{0, 2, 0x78af5f94892f3950u, 0x78af5f94892f3950u, 1, {0x892f3950u, 0x892f3950u, 0x892f3950u, 0x892f3950u}},
	{0, 3, 0x0000000000000000u, 0x2d06800538d394c2u, 0, {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}},
	{1, 0, 0x0f231859eb18ce61u, 0xbebfb979847eb870u, 40, {0x5d8c8e10u, 0x48488b85u, 0xfe926a79u, 0x6b568c0bu}},
	{1, 1, 0xd388ef73504f2ee2u, 0xca6363aac2aa0a07u, 47, {0xa3ddea4au, 0x44e3b470u, 0xeba860a2u, 0x42a64e7au}},
	{1, 2, 0x78af5f94892f3950u, 0x78af5f94892f3950u, 1, {0x892f3950u, 0x892f3950u, 0x892f3950u, 0x892f3950u}},
	{1, 3, 0x0000000000000000u, 0x2d06800538d394c2u, 0, {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}},
};
/* clang-format on */

static void test_signer_golden_vectors(void **state)
{
	size_t k;
	(void)state;
	for (k = 0; k < sizeof vectors / sizeof vectors[0]; k++) {
		const golden *g = &vectors[k];
		rp_config cfg;
		rp_signer *s;
		rp_signature sig;
		rp_config_init(&cfg);
		cfg.norm = g->mode ? RP_NORM_LOWER_SPACE : RP_NORM_TEXT;
		cfg.ngram = g->mode ? 5 : 4;
		assert_int_equal(rp_signer_new(&s, &cfg), RP_OK);
		assert_int_equal(rp_signer_sign(s, texts[g->text],
						strlen(texts[g->text]), 1,
						&sig),
				 RP_OK);
		assert_true(sig.simhash == g->simhash);
		assert_true(sig.text_hash == g->text_hash);
		assert_int_equal(sig.set_len, g->set_len);
		assert_true(sig.minhash[0] == g->mh[0]);
		assert_true(sig.minhash[1] == g->mh[1]);
		assert_true(sig.minhash[2] == g->mh[2]);
		assert_true(sig.minhash[127] == g->mh[3]);
		rp_signer_free(s);
	}
}

/* xxh3 itself: the published 64-bit value of "abc" with seed 0. */
static void test_signer_base_hash_is_xxh3(void **state)
{
	(void)state;
	assert_true(vectors[2].text_hash == 0x78af5f94892f3950u);
}

static void sign_pair(const char *a, const char *b, rp_similarity *sim)
{
	rp_config cfg;
	rp_signer *s1, *s2;
	rp_signature x, y;
	rp_config_init(&cfg);
	assert_int_equal(rp_signer_new(&s1, &cfg), RP_OK);
	assert_int_equal(rp_signer_new(&s2, &cfg), RP_OK);
	assert_int_equal(rp_signer_sign(s1, a, strlen(a), 1, &x), RP_OK);
	assert_int_equal(rp_signer_sign(s2, b, strlen(b), 1, &y), RP_OK);
	assert_int_equal(rp_similarity_of(&x, &y, sim), RP_OK);
	rp_signer_free(s1);
	rp_signer_free(s2);
}

static void test_signer_similarity(void **state)
{
	rp_similarity sim;
	(void)state;
	sign_pair("Ｔｈｅ ＳＡＭＥ text， in full width!",
		  "the same text, in full width", &sim);
	assert_true(sim.jaccard == 1.0);
	assert_int_equal(sim.simhash_dist, 0);
	assert_true(sim.minhash_est == 1.0);
	/* an excerpt is contained in its original */
	sign_pair("the first sentence of the story",
		  "the first sentence of the story and then a second one that "
		  "goes on for a while longer",
		  &sim);
	assert_true(sim.contain_a == 1.0);
	assert_true(sim.jaccard < 0.5);
	assert_true(sim.contain_b < 0.5);
}

static void test_signer_errors(void **state)
{
	rp_config cfg;
	rp_signer *s;
	rp_signature sig;
	(void)state;
	rp_config_init(&cfg);
	cfg.max_doc_bytes = 8;
	assert_int_equal(rp_signer_new(&s, &cfg), RP_OK);
	assert_int_equal(rp_signer_sign(s, "0123456789", 10, 1, &sig),
			 RP_ETOOBIG);
	assert_non_null(strstr(rp_signer_errmsg(s), "limit"));
	/* still usable after an error */
	assert_int_equal(rp_signer_sign(s, "01234", 5, 1, &sig), RP_OK);
	assert_int_equal(rp_signer_sign(s, NULL, 3, 1, &sig), RP_EINVAL);
	rp_signer_free(s);
	assert_int_equal(rp_signer_new(NULL, &cfg), RP_EINVAL);
	assert_string_equal(rp_status_str(RP_ENOMEM), "out of memory");
	assert_string_equal(rp_version(), RP_VERSION_STRING);
}

/* As SQLite's open: a bad configuration still gives a signer, which says
 * exactly what rp_config_check says, refuses every call with the same
 * status and message, and is freed by the caller. */
static void test_signer_new_keeps_config_message(void **state)
{
	rp_config cfg;
	int k;
	(void)state;
	for (k = 0; k < 4; k++) {
		char want[RP__ERRMSG_CAP];
		rp_signer *s = NULL;
		const rp_config *c = &cfg;
		rp_signature sig;
		rp_passages ps;
		const char *out;
		size_t out_len;
		rp_status st;
		rp_config_init(&cfg);
		if (k == 0)
			cfg.perms = 0;
		else if (k == 1)
			cfg.ngram = RP_MAX_NGRAM + 1;
		else if (k == 2)
			cfg.max_doc_bytes = 0;
		else
			c = NULL;
		st = rp_config_check(c, want, sizeof want);
		assert_int_equal(st, RP_EINVAL);
		assert_true(strlen(want) > 0);
		assert_int_equal(rp_signer_new(&s, c), st);
		assert_non_null(s);
		assert_string_equal(rp_signer_errmsg(s), want);
		assert_int_equal(rp_signer_sign(s, "some text", 9, 1, &sig),
				 st);
		assert_int_equal(
			rp_signer_sign_as(s, "some text", 9, "UTF-8", 0, &sig),
			st);
		assert_int_equal(
			rp_signer_normalize(s, "some text", 9, &out, &out_len),
			st);
		assert_int_equal(
			rp_signer_passages(s, "a b c", 5, "a b c", 5, 0, &ps),
			st);
		assert_string_equal(rp_signer_errmsg(s), want);
		rp_signer_free(s);
	}
}

/* Out of memory for the signer itself: no signer, and the message of a
 * NULL signer says why. */
static void test_signer_new_out_of_memory(void **state)
{
	rp_config cfg;
	rp_signer *s = (rp_signer *)&cfg; /* not NULL, to see it set */
	(void)state;
	rp_config_init(&cfg);
	rp__alloc_fail_after(1);
	assert_int_equal(rp_signer_new(&s, &cfg), RP_ENOMEM);
	assert_false(rp__alloc_fail_pending());
	rp__alloc_fail_after(0);
	assert_null(s);
	assert_string_equal(rp_signer_errmsg(s), "out of memory");
	rp_signer_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signer_golden_vectors),
		cmocka_unit_test(test_signer_base_hash_is_xxh3),
		cmocka_unit_test(test_signer_similarity),
		cmocka_unit_test(test_signer_errors),
		cmocka_unit_test(test_signer_new_keeps_config_message),
		cmocka_unit_test(test_signer_new_out_of_memory),
	};
	return cmocka_run_group_tests_name("signer", tests, NULL, NULL);
}
