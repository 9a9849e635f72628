/* test_figures.c - the figures of a line, and two items of one template
 * told apart by them. */
#include "testutil.h"

#include "figures.h"
#include "hash.h"
#include "radix.h"

#define CAP 64

static size_t figs(const char *line, uint32_t *out)
{
	return rp__figures_of_line(line, strlen(line), 0, out, CAP);
}

static uint32_t fig(const char *digits)
{
	return (uint32_t)rp__hash(digits, strlen(digits), 0);
}

/* The figures of line, as the digit strings (or number words) want. */
static void expect_figs(const char *line, const char *const *want, size_t n)
{
	uint32_t got[CAP];
	size_t k, m = figs(line, got);
	assert_int_equal(m, n);
	for (k = 0; k < n; k++)
		assert_int_equal(got[k], fig(want[k]));
}

static void test_figures_of_lines(void **state)
{
	static const char *const a[] = {"1750", "614", "593"};
	static const char *const b[] = {"3700", "1000"};
	static const char *const c[] = {"three", "12"};
	static const char *const d[] = {"150", "758"};
	static const char *const e[] = {"150"};
	(void)state;
	/* separators inside a number are no boundary */
	expect_figs("sold 1,750 at 6-1/4 pct, up 5.93", a, 3);
	/* a word segmenter's spaces and full-width digits read alike */
	expect_figs("拥有 ３ ７ ０ ０ 多公里 超 １ ０ ０ ０ 万千瓦", b, 2);
	expect_figs("拥有3700多公里 超1000万千瓦", b, 2);
	/* numbers in words count; other words do not */
	expect_figs("Qtly div three cts vs 12 cts prior", c, 2);
	/* dates and times of day say when, not what */
	expect_figs("150 mln ECU eurobond due April 14, 1994 at 7-5/8 pct", d,
		    2);
	expect_figs("2023-03-29 15:42 来源：新华社", NULL, 0);
	expect_figs("Updated 2:05 p.m. EDT: 150 dlrs", e, 1);
	expect_figs("no figures here", NULL, 0);
}

/* A document with the figures of its lines. */
static rp__docrec doc_of(const char *const *lines, size_t n, uint32_t *buf)
{
	rp__docrec d;
	uint32_t tmp[CAP];
	size_t k, m = 0, u = 0;
	memset(&d, 0, sizeof d);
	for (k = 0; k < n; k++)
		m += figs(lines[k], buf + m);
	rp__radix_sort_u32(buf, tmp, m);
	for (k = 0; k < m; k++)
		if (!u || buf[u - 1] != buf[k])
			buf[u++] = buf[k];
	d.figs = buf;
	d.n_figs = (uint32_t)u;
	return d;
}

/* Every number word is read, in any case; words that only begin or end
 * like one are not. */
static void test_figures_number_words(void **state)
{
	static const char *const words[] = {
		"zero",    "one",     "two",       "three",    "four",
		"five",    "six",     "seven",     "eight",    "nine",
		"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
		"fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty",  "thirty",  "forty",     "fifty",    "sixty",
		"seventy", "eighty",  "ninety",    "hundred",  "thousand",
		"million", "billion", "trillion",  "half",     "quarter"};
	static const char *const not_numbers[] = {
		"the",   "then",    "tension", "onerous", "tone",  "twos",
		"often", "zeros",   "halfway", "sixths",  "tenth", "Bone",
		"a",     "fifthly", "eighth",  "nineties"};
	uint32_t got[CAP];
	char line[64];
	size_t k, i;
	(void)state;
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t n = strlen(words[k]);
		expect_figs(words[k], &words[k], 1);
		/* upper case, at the end of a sentence */
		for (i = 0; i < n; i++)
			line[i] = (char)(words[k][i] - 32);
		line[n] = '.';
		line[n + 1] = '\0';
		assert_int_equal(figs(line, got), 1);
		assert_int_equal(got[0], fig(words[k]));
	}
	for (k = 0; k < sizeof not_numbers / sizeof not_numbers[0]; k++)
		assert_int_equal(figs(not_numbers[k], got), 0);
}

static void test_figures_tell_items_apart(void **state)
{
	/* a daily report: the same words, other figures */
	static const char *const fed1[] = {
		"arrange 1.5 billion dlrs of customer repurchase agreements",
		"Federal funds were trading at 6-1/4 pct"};
	static const char *const fed2[] = {
		"arrange two billion dlrs of customer repurchase agreements",
		"Federal funds were trading at 6-3/8 pct"};
	/* a copy with a note added and a paragraph left out */
	static const char *const story[] = {
		"The company sold 1,750 units for 26 mln dlrs in 1986",
		"It plans 300 more this year, its chairman said"};
	static const char *const copy[] = {
		"The company sold 1,750 units for 26 mln dlrs in 1986",
		"Editor's note: 2 corrections were made"};
	uint32_t b1[CAP * 4], b2[CAP * 4];
	rp__docrec x, y;
	(void)state;
	x = doc_of(fed1, 2, b1);
	y = doc_of(fed2, 2, b2);
	assert_true(rp__figures_differ(&x, &y));
	x = doc_of(story, 2, b1);
	y = doc_of(copy, 2, b2);
	assert_false(rp__figures_differ(&x, &y));
	/* no figures on one side: nothing to tell */
	y = doc_of(copy, 0, b2);
	assert_false(rp__figures_differ(&x, &y));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures_of_lines),
		cmocka_unit_test(test_figures_number_words),
		cmocka_unit_test(test_figures_tell_items_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
