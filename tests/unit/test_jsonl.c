/* test_jsonl.c - picking fields out of JSONL lines. */
#include "testutil.h"

#include "jsonl.h"

typedef struct parsed {
	jsonl_parser p;
	jsonl_field f[3];
} parsed;

static int parse(parsed *x, const char *line)
{
	x->f[0] = (jsonl_field){"id", NULL, 0, 0};
	x->f[1] = (jsonl_field){"text", NULL, 0, 0};
	x->f[2] = (jsonl_field){"outlet", NULL, 0, 0};
	return jsonl_parse(&x->p, line, strlen(line), x->f, 3);
}

static void test_jsonl_fields(void **state)
{
	parsed x;
	(void)state;
	jsonl_init(&x.p);
	assert_int_equal(parse(&x, "{\"id\": \"a1\", \"meta\": {\"k\": [1, "
				   "2.5e3, true, null]}, \"text\": \"x\\ty\"}"),
			 0);
	assert_string_equal(x.f[0].val, "a1");
	assert_string_equal(x.f[1].val, "x\ty");
	assert_false(x.f[2].found);
	/* numbers as ids, null as absent, the last duplicate wins */
	assert_int_equal(parse(&x, "{\"id\":-12.5,\"outlet\":null,\"text\":"
				   "\"a\",\"text\":\"b\"}"),
			 0);
	assert_string_equal(x.f[0].val, "-12.5");
	assert_false(x.f[2].found);
	assert_string_equal(x.f[1].val, "b");
	jsonl_release(&x.p);
}

static void test_jsonl_unicode_escapes(void **state)
{
	parsed x;
	(void)state;
	jsonl_init(&x.p);
	assert_int_equal(parse(&x, "{\"text\":\"\\u4e2d\\ud83d\\ude00\\ud800x"
				   "\\u0000y\"}"),
			 0);
	/* 中, 😀, a lone surrogate as U+FFFD, then an escaped NUL */
	assert_int_equal(x.f[1].len, 3 + 4 + 3 + 1 + 1 + 1);
	assert_memory_equal(x.f[1].val,
			    "\xe4\xb8\xad\xf0\x9f\x98\x80\xef\xbf\xbdx\0y", 13);
	jsonl_release(&x.p);
}

static void test_jsonl_errors(void **state)
{
	static const char *const bad[] = {"",
					  "[1]",
					  "{",
					  "{\"a\" 1}",
					  "{\"a\":}",
					  "{\"a\":1,}",
					  "{\"a\":\"x}",
					  "{\"a\":tru}",
					  "{\"a\":01}",
					  "{\"a\":1} x",
					  "{\"a\":\"\\q\"}",
					  "{\"a\":\"\\u12\"}",
					  "{\"a\":\"\x01\"}"};
	parsed x;
	size_t k;
	(void)state;
	jsonl_init(&x.p);
	for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		assert_int_equal(parse(&x, bad[k]), -1);
		assert_non_null(strstr(x.p.err, "column"));
	}
	jsonl_release(&x.p);
}

static void test_jsonl_deep_nesting(void **state)
{
	parsed x;
	size_t depth = 100000, k;
	char *line = malloc(2 * depth + 16);
	(void)state;
	jsonl_init(&x.p);
	strcpy(line, "{\"a\":");
	for (k = 0; k < depth; k++)
		line[5 + k] = '[';
	for (k = 0; k < depth; k++)
		line[5 + depth + k] = ']';
	strcpy(line + 5 + 2 * depth, "}");
	assert_int_equal(parse(&x, line), -1);
	assert_non_null(strstr(x.p.err, "nesting"));
	free(line);
	jsonl_release(&x.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_fields),
		cmocka_unit_test(test_jsonl_unicode_escapes),
		cmocka_unit_test(test_jsonl_errors),
		cmocka_unit_test(test_jsonl_deep_nesting),
	};
	return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
