/* test_normalize.c - folding text before shingling. */
#include "testutil.h"

#include <utf8proc.h>

#include "normalize.h"
#include "script.h"

static char *fold(rp_norm mode, const char *in, size_t len, size_t *out_len,
		  rp__norm *keep)
{
	rp__norm nm;
	char *r;
	rp__norm_init(&nm, mode, 1 << 20);
	assert_int_equal(rp__norm_run(&nm, in, len), RP_OK);
	r = malloc(nm.out_len + 1);
	memcpy(r, nm.out, nm.out_len);
	r[nm.out_len] = '\0';
	*out_len = nm.out_len;
	if (keep)
		*keep = nm;
	else
		rp__norm_release(&nm);
	return r;
}

static void expect_text(const char *in, const char *want)
{
	size_t n;
	char *got = fold(RP_NORM_TEXT, in, strlen(in), &n, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void expect_lower_space(const char *in, const char *want)
{
	size_t n;
	char *got = fold(RP_NORM_LOWER_SPACE, in, strlen(in), &n, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void test_normalize_ascii_table_matches_unicode(void **state)
{
	int c;
	(void)state;
	for (c = 1; c < 128; c++) {
		char in[2] = {(char)c, 0}, want[2] = {0, 0};
		size_t n;
		char *got;
		if (rp__norm_keeps(c))
			want[0] = (char)utf8proc_tolower(c);
		got = fold(RP_NORM_TEXT, in, 1, &n, NULL);
		assert_string_equal(got, want);
		free(got);
	}
}

/* Every BMP code point, met several times in contexts where neighbours
 * could compose or reorder with it, folds exactly as utf8proc folds the
 * whole string: the per-code-point table never changes a result. */
static void test_normalize_every_bmp_code_point_in_context(void **state)
{
	rp__norm nm;
	int32_t c;
	(void)state;
	rp__norm_init(&nm, RP_NORM_TEXT, 1 << 20);
	for (c = 1; c < 0x10000; c++) {
		char in[64], want[256], enc[4];
		size_t n = 0, w = 0, k;
		int pass;
		utf8proc_uint8_t *ref;
		utf8proc_ssize_t rl, i, adv;
		size_t el;
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		el = (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)enc);
		/* a C U+0301 U+4E00 C C U+0323 b C */
		in[n++] = 'a';
		memcpy(in + n, enc, el), n += el;
		memcpy(in + n, "\xcc\x81\xe4\xb8\x80", 5), n += 5;
		for (k = 0; k < 2; k++)
			memcpy(in + n, enc, el), n += el;
		memcpy(in + n,
		       "\xcc\xa3"
		       "b",
		       3),
			n += 3;
		memcpy(in + n, enc, el), n += el;
		/* utf8proc on the whole text, what the text mode drops
		 * dropped, and again until nothing changes (a dropped
		 * character can leave a mark next to a new letter) */
		memcpy(want, in, n);
		w = n;
		for (pass = 0; pass < 3; pass++) {
			size_t before = w;
			char prev[256];
			memcpy(prev, want, w);
			rl = utf8proc_map((const utf8proc_uint8_t *)prev,
					  (utf8proc_ssize_t)w, &ref,
					  UTF8PROC_STABLE | UTF8PROC_COMPAT |
						  UTF8PROC_CASEFOLD |
						  UTF8PROC_COMPOSE);
			assert_true(rl >= 0);
			for (w = 0, i = 0; i < rl; i += adv) {
				utf8proc_int32_t cp;
				adv = utf8proc_iterate(ref + i, rl - i, &cp);
				assert_true(adv > 0);
				if (rp__norm_keeps(cp)) {
					memcpy(want + w, ref + i, (size_t)adv);
					w += (size_t)adv;
				}
			}
			free(ref);
			if (w == before && memcmp(want, prev, w) == 0)
				break;
		}
		assert_int_equal(rp__norm_run(&nm, in, n), RP_OK);
		if (nm.out_len != w || memcmp(nm.out, want, w) != 0)
			fail_msg("U+%04X folds differently in context", c);
	}
	rp__norm_release(&nm);
}

static void test_normalize_drops_space_and_punctuation(void **state)
{
	(void)state;
	expect_text("Hello, World!  It's 2026.", "helloworldits2026");
	expect_text("马斯克 等 千 名 科技 人士 ： 暂停",
		    "马斯克等千名科技人士暂停");
	expect_text("“人工智能 教父” —— 辛顿（Hinton）。",
		    "人工智能教父辛顿hinton");
	expect_text("$5 + 3 = 8", "$5+3=8");
}

/* What is dropped can leave a mark or a jamo next to a new neighbour;
 * the fold joins them, so that folding the output again changes
 * nothing. */
static void test_normalize_twice_changes_nothing(void **state)
{
	static const char *const in[] = {
		"e \xcc\x81 cafe",                  /* e, space, U+0301 */
		"\xe1\x84\x80\x01\x01\xe1\x85\xa1", /* jamo L, controls, V */
		"a\xcc\x81-\xcc\xa3 x",             /* marks around a dash */
		"\xe0\xae\x95 \xe0\xaf\x8d", /* Tamil letter, space, virama */
		"\xe1\x84\x90\xe1\x85\xa1-\xe1\x86\xa7", /* L V, dash, U+11A7 */
		"Cafe\xce\x81 \xef\xb7\xba \xe1\x84\x80\x00\x00"
		"\xe1\x85\xa1\xff World!"};
	size_t k;
	(void)state;
	for (k = 0; k < sizeof in / sizeof in[0]; k++) {
		size_t n1, n2;
		char *once =
			fold(RP_NORM_TEXT, in[k], strlen(in[k]), &n1, NULL);
		char *twice = fold(RP_NORM_TEXT, once, n1, &n2, NULL);
		assert_int_equal(n1, n2);
		assert_memory_equal(once, twice, n1);
		free(once);
		free(twice);
	}
	expect_text("e \xcc\x81", "\xc3\xa9");                    /* é */
	expect_text("\xe1\x84\x80 \xe1\x85\xa1", "\xea\xb0\x80"); /* 가 */
}

static void test_normalize_width_and_case_fold(void **state)
{
	(void)state;
	expect_text("６月１２日 ＧＰＴ－４", "6月12日gpt4");
	expect_text("Straße ǅ", "strassedž");
	expect_text("ﬁne", "fine");
	/* e + combining acute composes to the same as precomposed é */
	expect_text("Cafe\xcc\x81 caf\xc3\xa9", "cafécafé");
}

/* Folding is idempotent across the scripts: no ideograph's Simplified
 * form folds further (t2s takes 麼 to 么 and hk2s 么 to 幺; both must
 * end on one character), so 什麼 and 什么 fold alike. */
static void test_normalize_t2s_idempotent(void **state)
{
	const uint32_t *t = rp__t2s_table();
	uint32_t cp;
	char *x, *y;
	(void)state;
	if (!t)
		skip();
	for (cp = RP__T2S_FIRST; cp <= RP__T2S_LAST; cp++)
		assert_int_equal(rp__t2s(t, rp__t2s(t, cp)), rp__t2s(t, cp));
	{
		rp__norm nm;
		rp__norm_init(&nm, RP_NORM_TEXT, 1 << 20);
		nm.t2s = 1;
		assert_int_equal(rp__norm_run(&nm, "什麼", strlen("什麼")),
				 RP_OK);
		x = strndup(nm.out, nm.out_len);
		assert_int_equal(rp__norm_run(&nm, "什么", strlen("什么")),
				 RP_OK);
		y = strndup(nm.out, nm.out_len);
		rp__norm_release(&nm);
	}
	assert_string_equal(x, y);
	free(x);
	free(y);
}

static void test_normalize_segmented_equals_unsegmented(void **state)
{
	const char *seg =
		"2023 - 03 - 29 15 : 42 来 源 ： 澎湃 新闻 未 来 生命";
	const char *flat = "2023-03-29 15:42来源：澎湃新闻未来生命";
	size_t a, b;
	char *x = fold(RP_NORM_TEXT, seg, strlen(seg), &a, NULL);
	char *y = fold(RP_NORM_TEXT, flat, strlen(flat), &b, NULL);
	(void)state;
	assert_string_equal(x, y);
	free(x);
	free(y);
}

/* The real seed page and the same page with every whitespace removed
 * fold to the same text (skipped without ../shared). */
static void test_normalize_seed_page_desegmented(void **state)
{
	size_t len, i, k = 0, a, b;
	char *page =
		tu_read_file("../shared/seeds/portal-reprint-zh.txt", &len);
	char *flat, *x, *y;
	(void)state;
	if (!page) {
		skip();
		return;
	}
	flat = malloc(len + 1);
	for (i = 0; i < len; i++)
		if (page[i] != ' ' && page[i] != '\n' && page[i] != '\t' &&
		    page[i] != '\r')
			flat[k++] = page[i];
	x = fold(RP_NORM_TEXT, page, len, &a, NULL);
	y = fold(RP_NORM_TEXT, flat, k, &b, NULL);
	assert_true(a > 1000);
	assert_int_equal(a, b);
	assert_memory_equal(x, y, a);
	free(page);
	free(flat);
	free(x);
	free(y);
}

static void test_normalize_invalid_utf8_replaced(void **state)
{
	rp__norm nm;
	size_t n;
	/* a lone continuation byte, an overlong encoding, a surrogate, and a
	 * character cut short at the end */
	const char in[] = "a\x80"
			  "b\xc0\xaf"
			  "c\xed\xa0\x80"
			  "d\xe4\xb8";
	char *got = fold(RP_NORM_TEXT, in, sizeof in - 1, &n, &nm);
	(void)state;
	assert_int_equal(nm.invalid, 1 + 2 + 3 + 1);
	assert_string_equal(got, "a\xef\xbf\xbd"
				 "b\xef\xbf\xbd\xef\xbf\xbd"
				 "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
				 "d\xef\xbf\xbd");
	rp__norm_release(&nm);
	free(got);
}

static void test_normalize_nul_bytes_counted(void **state)
{
	rp__norm nm;
	size_t n;
	const char in[] = "ab\0cd\0";
	char *got = fold(RP_NORM_TEXT, in, sizeof in - 1, &n, &nm);
	(void)state;
	assert_int_equal(nm.nul, 2);
	assert_string_equal(got, "abcd");
	rp__norm_release(&nm);
	free(got);
}

static void test_normalize_code_point_offsets(void **state)
{
	rp__norm nm;
	size_t n;
	char *got = fold(RP_NORM_TEXT, "a中b文", strlen("a中b文"), &n, &nm);
	(void)state;
	assert_int_equal(nm.ascii, 0);
	assert_int_equal(nm.cps, 4);
	assert_int_equal(nm.starts[0], 0);
	assert_int_equal(nm.starts[1], 1);
	assert_int_equal(nm.starts[2], 4);
	assert_int_equal(nm.starts[3], 5);
	assert_int_equal(nm.starts[4], 8);
	rp__norm_release(&nm);
	free(got);
}

static void test_normalize_lower_space(void **state)
{
	(void)state;
	expect_lower_space("  Hello,\n\tWORLD!  ", "hello, world!");
	expect_lower_space("A\xc2\xa0"
			   "B\xe3\x80\x80"
			   "C",
			   "a b c");
	expect_lower_space("", "");
	expect_lower_space(" \n ", "");
	expect_lower_space("ÀB", "àb");
}

static void test_normalize_limit(void **state)
{
	rp__norm nm;
	(void)state;
	rp__norm_init(&nm, RP_NORM_TEXT, 4);
	assert_int_equal(rp__norm_run(&nm, "abcdefgh", 8), RP_ETOOBIG);
	rp__norm_release(&nm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_ascii_table_matches_unicode),
		cmocka_unit_test(
			test_normalize_every_bmp_code_point_in_context),
		cmocka_unit_test(test_normalize_drops_space_and_punctuation),
		cmocka_unit_test(test_normalize_width_and_case_fold),
		cmocka_unit_test(test_normalize_twice_changes_nothing),
		cmocka_unit_test(test_normalize_segmented_equals_unsegmented),
		cmocka_unit_test(test_normalize_t2s_idempotent),
		cmocka_unit_test(test_normalize_seed_page_desegmented),
		cmocka_unit_test(test_normalize_invalid_utf8_replaced),
		cmocka_unit_test(test_normalize_nul_bytes_counted),
		cmocka_unit_test(test_normalize_code_point_offsets),
		cmocka_unit_test(test_normalize_lower_space),
		cmocka_unit_test(test_normalize_limit),
	};
	return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
