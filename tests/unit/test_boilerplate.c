/* test_boilerplate.c - furniture learned per outlet: a story carried by
 * 50 outlets clusters whole, while different stories of one outlet, whose
 * pages are mostly that outlet's template, stay apart. */
#include "testutil.h"

#define OUTLETS    50
#define PER_OUTLET 4 /* the wire story and three of the outlet's own */

static const char *const words[] = {
	"harbour", "council",  "ferry",   "budget",   "storm",   "railway",
	"museum",  "minister", "bridge",  "election", "farmers", "hospital",
	"factory", "contract", "village", "airport",  "library", "energy",
	"court",   "weather",  "station", "report",   "market",  "school"};

/* Words from a small vocabulary, each with a random suffix, so that two
 * stories share no n-grams by chance. */
static void sentence(uint64_t *seed, char *out, size_t cap, size_t nwords)
{
	size_t i, n = 0;
	for (i = 0; i < nwords && n + 24 < cap; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s%s%u", i ? " " : "",
				      words[tu_rand(seed) % 24],
				      (unsigned)(tu_rand(seed) % 1000));
}

/* A page: the outlet's template around a story. */
static char *page(unsigned outlet, const char *title, const char *body)
{
	char *p = malloc(8192);
	uint64_t seed = 1000 + outlet;
	char most[3][200];
	unsigned k;
	for (k = 0; k < 3; k++)
		sentence(&seed, most[k], sizeof most[k], 9);
	snprintf(p, 8192,
		 "THE DAILY OUTLET NUMBER %u\n"
		 "Home | World | Business | Sport | Weather\n"
		 "Subscribe to the Outlet %u morning briefing today\n\n"
		 "%s\n\n%s\n\n"
		 "MOST READ ON OUTLET %u\n%s\n%s\n%s\n"
		 "Copyright 2026 Outlet %u Media Group. All rights reserved "
		 "and no reproduction without permission.\n",
		 outlet, outlet, title, body, outlet, most[0], most[1], most[2],
		 outlet);
	return p;
}

typedef struct result {
	uint32_t wire_clusters; /* distinct clusters of the wire pages */
	uint32_t wire_size;     /* size of the wire story's cluster */
	uint32_t own_joined;    /* own stories in a cluster of 2 or more */
} result;

static result run(int give_outlet, int boilerplate)
{
	rp_config cfg;
	rp_ctx *ctx;
	uint64_t seed = 77;
	char wire_title[200], wire_body[600];
	unsigned o, k;
	uint32_t i, seen[OUTLETS * PER_OUTLET], nseen = 0;
	result r = {0, 0, 0};
	rp_config_init(&cfg);
	cfg.boilerplate = boilerplate;
	sentence(&seed, wire_title, sizeof wire_title, 8);
	sentence(&seed, wire_body, sizeof wire_body, 40);
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (o = 0; o < OUTLETS; o++)
		for (k = 0; k < PER_OUTLET; k++) {
			char id[32], outlet[32], title[200], body[600];
			rp_doc d = {0};
			char *text;
			if (k == 0) {
				snprintf(title, sizeof title, "%s", wire_title);
				snprintf(body, sizeof body, "%s", wire_body);
			} else {
				/* a short story: the page is mostly template */
				sentence(&seed, title, sizeof title, 6);
				sentence(&seed, body, sizeof body, 12);
			}
			text = page(o, title, body);
			snprintf(id, sizeof id, "%s-%02u-%u",
				 k ? "own" : "wire", o, k);
			snprintf(outlet, sizeof outlet, "outlet-%u", o);
			d.id = id;
			d.text = text;
			d.text_len = strlen(text);
			d.outlet = give_outlet ? outlet : NULL;
			assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
			free(text);
		}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	for (i = 0; i < rp_ctx_doc_count(ctx); i++) {
		rp_doc_info d;
		uint32_t j;
		rp_ctx_doc(ctx, i, &d);
		if (strncmp(d.id, "wire", 4) == 0) {
			for (j = 0; j < nseen && seen[j] != d.cluster; j++)
				;
			if (j == nseen) {
				seen[nseen++] = d.cluster;
				r.wire_clusters++;
			}
			r.wire_size = d.cluster_size;
		} else if (d.cluster_size > 1) {
			r.own_joined++;
		}
	}
	rp_ctx_free(ctx);
	return r;
}

static void test_boilerplate_outlets_given(void **state)
{
	result r = run(1, 1);
	(void)state;
	assert_int_equal(r.wire_clusters, 1);
	assert_int_equal(r.wire_size, OUTLETS);
	assert_int_equal(r.own_joined, 0);
}

static void test_boilerplate_outlets_inferred(void **state)
{
	result r = run(0, 1);
	(void)state;
	assert_int_equal(r.wire_clusters, 1);
	assert_int_equal(r.wire_size, OUTLETS);
	assert_int_equal(r.own_joined, 0);
}

/* Without learning the same corpus goes wrong both ways, so the two tests
 * above measure the learning, not an easy corpus. */
static void test_boilerplate_needed(void **state)
{
	result r = run(0, 0);
	(void)state;
	assert_true(r.wire_clusters > 1 || r.own_joined > 0);
}

/* A text browser wraps paragraphs: "said." alone on a line is on many
 * pages of one outlet, but it ends a paragraph, it is no furniture (and
 * must not end the story as furniture below it would). */
static void test_boilerplate_wrapped_paragraph(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	uint64_t seed = 5;
	unsigned k;
	(void)state;
	rp_config_init(&cfg);
	cfg.boilerplate = 1;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < 5; k++) {
		char id[16], lead[200], rest[600], body[1024], *text;
		rp_doc d = {0};
		sentence(&seed, lead, sizeof lead, 16);
		sentence(&seed, rest, sizeof rest, 40);
		snprintf(body, sizeof body, "%s a spokesman\nsaid.\n%s", lead,
			 rest);
		text = page(7, "A headline of the day", body);
		snprintf(id, sizeof id, "w%u", k);
		d.id = id;
		d.text = text;
		d.text_len = strlen(text);
		d.outlet = "outlet-7";
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
		free(text);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	for (k = 0; k < 5; k++) {
		rp_doc_info d;
		assert_int_equal(rp_ctx_doc(ctx, k, &d), RP_OK);
		/* the 40 words after "said." are kept: some 300 shingles */
		assert_true(d.set_len > 250);
		assert_true(d.boilerplate_lines >= 3);
	}
	rp_ctx_free(ctx);
}

/* A footer with a counter ("visitor 104233") names the template with
 * its number left out; else the outlet's pages split by the related
 * headlines above it, one group per day. */
static void test_boilerplate_footer_counter(void **state)
{
	rp_config cfg;
	rp_ctx *ctx;
	uint64_t seed = 9;
	unsigned k;
	char related[2][3][200];
	const char *group = NULL;
	(void)state;
	for (k = 0; k < 6; k++)
		sentence(&seed, related[k / 3][k % 3], 200, 7);
	rp_config_init(&cfg);
	cfg.boilerplate = 1;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (k = 0; k < 6; k++) {
		char id[16], title[200], body[600], text[2048];
		const unsigned day = k / 3;
		rp_doc d = {0};
		sentence(&seed, title, sizeof title, 6);
		sentence(&seed, body, sizeof body, 30);
		snprintf(text, sizeof text,
			 "THE EVENING LANTERN\nNews | Sport\n\n%s\n\n%s\n\n"
			 "Related\n%s\n%s\n%s\n"
			 "The Evening Lantern, visitor %06u\n",
			 title, body, related[day][0], related[day][1],
			 related[day][2], 104233 + 7919 * k);
		snprintf(id, sizeof id, "p%u", k);
		d.id = id;
		d.text = text;
		d.text_len = strlen(text);
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	for (k = 0; k < 6; k++) {
		rp_doc_info d;
		assert_int_equal(rp_ctx_doc(ctx, k, &d), RP_OK);
		assert_non_null(d.group);
		if (!group)
			group = d.group;
		assert_string_equal(d.group, group);
	}
	rp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate_outlets_given),
		cmocka_unit_test(test_boilerplate_outlets_inferred),
		cmocka_unit_test(test_boilerplate_needed),
		cmocka_unit_test(test_boilerplate_wrapped_paragraph),
		cmocka_unit_test(test_boilerplate_footer_counter),
	};
	return cmocka_run_group_tests_name("boilerplate", tests, NULL, NULL);
}
