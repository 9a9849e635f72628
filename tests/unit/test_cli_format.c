/* test_cli_format.c - the CLI's own number and string writers agree with
 * printf and with the escaping rules. */
#include "testutil.h"

#include "cli.h"

static void expect_like_printf(double v)
{
	char want[64], got[33];
	got[cli_fmt_fixed6(got, v)] = '\0';
	snprintf(want, sizeof want, "%.6f", v);
	if (strcmp(got, want) != 0)
		fail_msg("%.17g: got %s, printf %s", v, got, want);
}

/* Every ratio a pair file can hold for sets of up to 400 shingles,
 * exact ties of the sixth decimal, and values outside [0, 1]. */
static void test_fixed6_matches_printf(void **state)
{
	unsigned a, b;
	(void)state;
	for (b = 1; b <= 400; b++)
		for (a = 0; a <= b; a++)
			expect_like_printf((double)a / (double)b);
	expect_like_printf(0.0000005);
	expect_like_printf(0.0000015);
	expect_like_printf(0.0078125);
	expect_like_printf(0.9999995);
	expect_like_printf(1.0);
	expect_like_printf(12345.678901);
	expect_like_printf(-0.5);
	expect_like_printf(3e12);
}

static void test_uint_and_escape(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	(void)state;
	assert_non_null(f);
	char num[24];
	fwrite(num, 1, cli_fmt_uint(num, 0), f);
	putc(' ', f);
	fwrite(num, 1, cli_fmt_uint(num, 18446744073709551615ull), f);
	putc(' ', f);
	cli_tsv_str(f, "a\tb\\c\nd\re\"f");
	putc(' ', f);
	cli_json_str(f, "a\tb\\c\nd\"e\x01");
	fclose(f);
	assert_string_equal(buf, "0 18446744073709551615 a\\tb\\\\c\\nd\\re\"f "
				 "\"a\\tb\\\\c\\nd\\\"e\\u0001\"");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed6_matches_printf),
		cmocka_unit_test(test_uint_and_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
