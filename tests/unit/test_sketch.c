/* test_sketch.c - MinHash, SimHash, shingle sets and their overlap. */
#include "testutil.h"

#include "hash.h"
#include "sketch.h"

static uint64_t naive_simhash(const uint64_t *h, size_t n)
{
	uint64_t r = 0;
	unsigned bit;
	for (bit = 0; bit < 64; bit++) {
		size_t ones = 0, i;
		for (i = 0; i < n; i++)
			ones += (h[i] >> bit) & 1;
		if (ones * 2 > n)
			r |= (uint64_t)1 << bit;
	}
	return r;
}

static void test_simhash_matches_definition(void **state)
{
	static uint64_t h[10000];
	size_t sizes[] = {0,   1,    2,    7,    8,    9,    15,   16,   17,
			  255, 4087, 4088, 4089, 8175, 8176, 8177, 8191, 9999};
	uint64_t seed = 7;
	size_t k, i;
	(void)state;
	for (i = 0; i < 10000; i++)
		h[i] = tu_rand(&seed);
	/* skew a few bits so majorities are not all coin flips */
	for (i = 0; i < 10000; i += 3)
		h[i] |= 0xF0F0u;
	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
		assert_true(rp__simhash(h, sizes[k]) ==
			    naive_simhash(h, sizes[k]));
}

static void test_minhash_empty_and_single(void **state)
{
	uint32_t mh[128];
	uint64_t one = 0x123456789abcdef0u;
	unsigned j;
	(void)state;
	rp__minhash(NULL, 0, 128, 0, mh);
	for (j = 0; j < 128; j++)
		assert_true(mh[j] == UINT32_MAX);
	/* one shingle fills one bin; densification copies it everywhere */
	rp__minhash(&one, 1, 128, 0, mh);
	for (j = 0; j < 128; j++)
		assert_true(mh[j] == (uint32_t)one);
}

/* The share of equal values estimates Jaccard (unbiased, variance about
 * J(1-J)/K): sets with J = 0.5 and 0.8, several seeds. */
static void test_minhash_estimates_jaccard(void **state)
{
	static uint64_t a[3000], b[3000];
	uint32_t ma[256], mb[256];
	double targets[] = {0.5, 0.8};
	size_t t;
	(void)state;
	for (t = 0; t < 2; t++) {
		double sum = 0;
		uint64_t s;
		for (s = 1; s <= 20; s++) {
			uint64_t seed = s * 1000 + t;
			/* |A|=|B|=n, shared c: J = c / (2n - c) */
			size_t n = 1000,
			       c = (size_t)(2.0 * n * targets[t] /
						    (1 + targets[t]) +
					    0.5),
			       i;
			unsigned j, eq = 0;
			for (i = 0; i < n; i++) {
				a[i] = tu_rand(&seed);
				b[i] = i < c ? a[i] : tu_rand(&seed);
			}
			rp__minhash(a, n, 256, s, ma);
			rp__minhash(b, n, 256, s, mb);
			for (j = 0; j < 256; j++)
				eq += ma[j] == mb[j];
			sum += eq / 256.0;
		}
		assert_true(sum / 20 > targets[t] - 0.03);
		assert_true(sum / 20 < targets[t] + 0.03);
	}
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static void test_set_build_sorted_distinct(void **state)
{
	static uint64_t h[20000];
	static uint32_t out[20000], ref[20000], count[RP__SET_COUNT];
	size_t sizes[] = {0, 1, 5, 63, 64, 65, 1000, 20000};
	uint64_t seed = 99;
	size_t k;
	(void)state;
	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = sizes[k], i, m, r = 0;
		for (i = 0; i < n; i++)
			h[i] = i % 7 == 3 && i ? h[i - 1] : tu_rand(&seed);
		for (i = 0; i < n; i++)
			ref[i] = (uint32_t)h[i];
		qsort(ref, n, sizeof *ref, cmp_u32);
		for (i = 0; i < n; i++)
			if (r == 0 || ref[i] != ref[r - 1])
				ref[r++] = ref[i];
		m = rp__set_build(h, n, count, out);
		assert_int_equal(m, r);
		if (m)
			assert_memory_equal(out, ref, m * sizeof *out);
	}
}

static void test_set_common(void **state)
{
	uint32_t a[] = {1, 3, 5, 7, 9, 11}, b[] = {2, 3, 4, 5, 11, 12, 13};
	static uint32_t x[5000], y[5000];
	size_t i;
	(void)state;
	assert_int_equal(rp__set_common(a, 6, b, 7, 0), 3);
	assert_int_equal(rp__set_common(a, 0, b, 7, 0), 0);
	/* disjoint big sets: the early exit gives up below need */
	for (i = 0; i < 5000; i++) {
		x[i] = (uint32_t)(2 * i);
		y[i] = (uint32_t)(2 * i + 1);
	}
	assert_true(rp__set_common(x, 5000, y, 5000, 4000) < 4000);
	for (i = 0; i < 5000; i++)
		y[i] = x[i];
	assert_int_equal(rp__set_common(x, 5000, y, 5000, 4000), 5000);
}

/* The block merge counts what a plain merge counts, for every size and
 * overlap (values drawn from a small range so that matches are many). */
static void test_set_common_blocks_match_plain_merge(void **state)
{
	static uint32_t x[600], y[600];
	uint64_t seed = 11;
	unsigned round;
	(void)state;
	for (round = 0; round < 2000; round++) {
		size_t nx = tu_rand(&seed) % 600, ny = tu_rand(&seed) % 600;
		uint32_t range = 1 + (uint32_t)(tu_rand(&seed) % 2000);
		size_t i, j, k, want = 0;
		uint32_t v;
		for (i = 0, v = 0; i < nx; i++)
			x[i] = v += 1 + (uint32_t)(tu_rand(&seed) % range);
		for (i = 0, v = 0; i < ny; i++)
			y[i] = v += 1 + (uint32_t)(tu_rand(&seed) % range);
		for (i = j = 0; i < nx && j < ny;) {
			if (x[i] == y[j])
				want++;
			k = x[i] <= y[j];
			j += y[j] <= x[i];
			i += k;
		}
		assert_int_equal(rp__set_common(x, nx, y, ny, 0), want);
		assert_int_equal(rp__set_common(y, ny, x, nx, 0), want);
	}
}

static void test_hash_ngrams_counts(void **state)
{
	uint64_t out[16];
	uint32_t starts[] = {0, 3, 6, 9};
	(void)state;
	assert_int_equal(rp__hash_ngrams("", 0, NULL, 0, 4, 0, out), 0);
	/* shorter than n: the whole text is one shingle */
	assert_int_equal(rp__hash_ngrams("abc", 3, NULL, 3, 4, 0, out), 1);
	assert_true(out[0] == rp__hash("abc", 3, 0));
	assert_int_equal(rp__hash_ngrams("abcdef", 6, NULL, 6, 4, 0, out), 3);
	assert_true(out[2] == rp__hash("cdef", 4, 0));
	assert_int_equal(rp__hash_ngrams("中文字", 9, starts, 3, 2, 0, out), 2);
	assert_true(out[1] == rp__hash("文字", 6, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simhash_matches_definition),
		cmocka_unit_test(test_minhash_empty_and_single),
		cmocka_unit_test(test_minhash_estimates_jaccard),
		cmocka_unit_test(test_set_build_sorted_distinct),
		cmocka_unit_test(test_set_common),
		cmocka_unit_test(test_set_common_blocks_match_plain_merge),
		cmocka_unit_test(test_hash_ngrams_counts),
	};
	return cmocka_run_group_tests_name("sketch", tests, NULL, NULL);
}
