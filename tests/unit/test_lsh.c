/* test_lsh.c - LSH shape from the threshold and the S-curve. */
#include "testutil.h"

#include <math.h>

static void test_lsh_default_shape(void **state)
{
	rp_config cfg;
	rp_lsh_params p;
	(void)state;
	rp_config_init(&cfg);
	cfg.containment = 0.0;
	assert_int_equal(rp_lsh_params_for(&cfg, &p), RP_OK);
	/* largest r with floor(128/r) bands catching J=0.8 at >= 0.99 */
	assert_int_equal(p.rows, 6);
	assert_int_equal(p.bands, 21);
	assert_true(p.p_target >= 0.99);
	assert_true(rp_lsh_probability(128 / 7, 7, 0.8) < 0.99);
	/* the peers' 9 x 13 catches J = 0.8 only about 40% of the time */
	assert_true(fabs(rp_lsh_probability(9, 13, 0.8) - 0.40) < 0.02);
}

static void test_lsh_probability_edges(void **state)
{
	(void)state;
	assert_true(rp_lsh_probability(21, 6, 1.0) == 1.0);
	assert_true(rp_lsh_probability(21, 6, 0.0) == 0.0);
	assert_true(fabs(rp_lsh_probability(1, 1, 0.3) - 0.3) < 1e-12);
	assert_true(rp_lsh_probability(0, 6, 0.5) == 0.0);
}

static void test_lsh_shapes_reach_target(void **state)
{
	double t[] = {0.5, 0.7, 0.8, 0.9, 0.95};
	unsigned perms[] = {64, 128, 256, 1024};
	size_t i, k;
	(void)state;
	for (i = 0; i < 5; i++)
		for (k = 0; k < 4; k++) {
			rp_config cfg;
			rp_lsh_params p;
			rp_config_init(&cfg);
			cfg.containment = 0.0;
			cfg.threshold = t[i];
			cfg.perms = perms[k];
			assert_int_equal(rp_lsh_params_for(&cfg, &p), RP_OK);
			assert_true(p.bands * p.rows <= perms[k]);
			assert_true(p.p_target >= 0.99);
		}
}

static void test_lsh_containment_lowers_target(void **state)
{
	rp_config cfg;
	rp_lsh_params p;
	(void)state;
	rp_config_init(&cfg);
	cfg.containment = 0.9;
	cfg.excerpt_ratio = 0.5;
	assert_int_equal(rp_lsh_params_for(&cfg, &p), RP_OK);
	/* 0.9 * 0.5 / (1 + 0.5 - 0.45) */
	assert_true(fabs(p.target - 0.45 / 1.05) < 1e-12);
	assert_true(p.p_target >= 0.99);
}

static void test_lsh_explicit_and_invalid(void **state)
{
	rp_config cfg;
	rp_lsh_params p;
	char msg[128];
	(void)state;
	rp_config_init(&cfg);
	cfg.containment = 0.0;
	cfg.bands = 16;
	cfg.rows = 8;
	assert_int_equal(rp_lsh_params_for(&cfg, &p), RP_OK);
	assert_int_equal(p.bands, 16);
	cfg.bands = 20;
	assert_int_equal(rp_config_check(&cfg, msg, sizeof msg), RP_EINVAL);
	assert_non_null(strstr(msg, "perms"));
	rp_config_init(&cfg);
	cfg.threshold = 1.5;
	assert_int_equal(rp_config_check(&cfg, msg, sizeof msg), RP_EINVAL);
	assert_non_null(strstr(msg, "threshold"));
}

/* containment "auto": on for news text, off for lower-space dedup */
static void test_lsh_containment_auto(void **state)
{
	rp_config cfg;
	(void)state;
	rp_config_init(&cfg);
	rp_config_resolve(&cfg);
	assert_true(cfg.containment == 0.6);
	rp_config_init(&cfg);
	cfg.norm = RP_NORM_LOWER_SPACE;
	rp_config_resolve(&cfg);
	assert_true(cfg.containment == 0.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lsh_default_shape),
		cmocka_unit_test(test_lsh_probability_edges),
		cmocka_unit_test(test_lsh_shapes_reach_target),
		cmocka_unit_test(test_lsh_containment_lowers_target),
		cmocka_unit_test(test_lsh_explicit_and_invalid),
		cmocka_unit_test(test_lsh_containment_auto),
	};
	return cmocka_run_group_tests_name("lsh", tests, NULL, NULL);
}
