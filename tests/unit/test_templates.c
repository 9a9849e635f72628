/* test_templates.c - a wire's feed: items of one template stay apart (their
 * figures differ, or only the phrasing is shared), copies join, and a
 * story's updates join under its headline. */
#include "testutil.h"

typedef struct item {
	const char *id, *title, *date, *text;
} item;

/* A run over items[0..n), their headlines given apart when use_titles.
 * Boilerplate learning is off: in a handful of items, the lines three of
 * them share would be learned as their template's. */
static rp_ctx *run_items(const item *items, size_t n, int use_titles)
{
	rp_config cfg;
	rp_ctx *ctx;
	size_t i;
	rp_config_init(&cfg);
	cfg.threads = 1;
	cfg.boilerplate = 0;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (i = 0; i < n; i++) {
		rp_doc d;
		memset(&d, 0, sizeof d);
		d.id = items[i].id;
		d.text = items[i].text;
		d.text_len = strlen(items[i].text);
		d.date = items[i].date;
		d.title = use_titles ? items[i].title : NULL;
		assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	return ctx;
}

static uint32_t cluster_of(rp_ctx *ctx, const char *id)
{
	return tu_doc(ctx, id).cluster;
}

#define FED                                                                  \
	"The Federal Reserve entered the U.S. Government securities market " \
	"to arrange %s of customer repurchase agreements, a Fed spokesman "  \
	"said. Dealers said Federal funds were trading at %s pct when the "  \
	"Fed began its temporary and indirect supply of reserves to the "    \
	"banking system."

static void test_templates_figures(void **state)
{
	char f1[512], f2[512], f3[512];
	item items[] = {
		{"fed1", NULL, "1987-03-03", f1},
		{"fed2", NULL, "1987-03-11", f2},
		{"fed3", NULL, "1987-03-11", f3},
		{"div1", NULL, "1987-03-02",
		 "Qtly div 25 cts vs 25 cts prior\nPay April 15\nRecord "
		 "March 30\n"},
		{"div2", NULL, "1987-03-04",
		 "Qtly div 17-1/2 cts vs 17-1/2 cts prior\nPay April 15\n"
		 "Record March 30\n"},
	};
	rp_ctx *ctx;
	(void)state;
	snprintf(f1, sizeof f1, FED, "1.5 billion dlrs", "6-1/4");
	snprintf(f2, sizeof f2, FED, "two billion dlrs", "6-5/16");
	/* the same report again, a word changed: a copy */
	snprintf(f3, sizeof f3, FED, "two billion dlrs", "6-5/16");
	memcpy(strstr(f3, "spokesman"), "spokesgirl", 10);
	ctx = run_items(items, 5, 0);
	assert_int_not_equal(cluster_of(ctx, "fed1"), cluster_of(ctx, "fed2"));
	assert_int_equal(cluster_of(ctx, "fed2"), cluster_of(ctx, "fed3"));
	assert_int_not_equal(cluster_of(ctx, "div1"), cluster_of(ctx, "div2"));
	{
		rp_stats s;
		rp_ctx_stats(ctx, &s);
		assert_true(s.figure_pairs >= 1);
	}
	rp_ctx_free(ctx);
}

/* Short notices of one template (their own company, dates and ratio)
 * and a long one that holds all their phrasing: containment alone joins
 * none of them; an excerpt of a story keeps its story. */
static void test_templates_phrasing(void **state)
{
	static const char *const firms[] = {
		"Acme Tool",    "Barton Mills",  "Cole Foods",
		"Dunn Steel",   "Evans Paper",   "Fulton Glass",
		"Grant Rubber", "Hale Optics",   "Irwin Cable",
		"Jolly Farms",  "Keller Motors", "Lund Marine",
		"Moss Textile", "Nash Chemical", "Orr Lumber",
		"Pike Bancorp", "Quill Press",   "Royce Dairy",
		"Stone Cement", "Tate Pumps",    "Ulm Brewing",
		"Vance Energy", "Wolfe Drug",    "Yates Coal",
		"Zane Homes"};
	static const char *const months[] = {"April", "May", "June"};
	enum { N = sizeof firms / sizeof firms[0] };
	char text[N + 2][1200], id[N + 2][16];
	item items[N + 2];
	char story[1100];
	uint64_t seed = 42;
	size_t i, k;
	rp_ctx *ctx;
	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(id[i], sizeof id[i], "split%zu", i);
		snprintf(text[i], sizeof text[i],
			 "%s Corp said its board declared a two-for-one stock "
			 "split, payable %s %zu to holders of record %s %zu.%s",
			 firms[i], months[i % 3], 1 + i, months[(i + 1) % 3],
			 2 + i,
			 i == 0 ? " The company said the split is subject to "
				  "shareholder approval at the annual meeting "
				  "of an increase in authorized common shares "
				  "and that its dividend policy is unchanged."
				: "");
		items[i].id = id[i];
		items[i].title = NULL;
		items[i].date = "1987-03-10";
		items[i].text = text[i];
	}
	/* a story of its own words and its first half alone, a week later */
	for (i = 0, k = 0; i < 150; i++)
		k += (size_t)snprintf(story + k, sizeof story - k, "%sw%u",
				      i ? " " : "",
				      (unsigned)(tu_rand(&seed) % 90000));
	memcpy(text[N], story, k + 1);
	memcpy(text[N + 1], story, k / 2);
	text[N + 1][k / 2] = '\0';
	items[N] = (item){"story", NULL, "1987-03-01", text[N]};
	items[N + 1] = (item){"excerpt", NULL, "1987-03-08", text[N + 1]};
	ctx = run_items(items, N + 2, 0);
	for (i = 1; i < N; i++)
		assert_int_not_equal(cluster_of(ctx, "split0"),
				     cluster_of(ctx, id[i]));
	assert_int_equal(cluster_of(ctx, "story"), cluster_of(ctx, "excerpt"));
	rp_ctx_free(ctx);
}

#define LEAD                                                               \
	"Brazil's finance minister said the government would suspend "     \
	"interest payments on its medium and long term foreign debt, and " \
	"that talks with the commercial banks would resume in New York. "  \
	"The central bank will keep the money in the country until an "    \
	"agreement is reached. "
#define MORE                                                                   \
	"Bankers in London said the move had been expected for weeks but "     \
	"that it would harden attitudes among creditors, who met today to "    \
	"weigh a response. Shares of money centre banks fell on the news, "    \
	"dealers said, and the cruzado weakened against the dollar. Officials" \
	" in Washington declined to comment on the talks or on the size of "   \
	"any new loans the country might seek from its creditor banks."

#define FIRST                                                                  \
	"Earlier, officials in Brasilia said the cabinet had met through the " \
	"night with the president, who was said to favour a firm line with "   \
	"the banks; the decree was to be published in the official gazette "   \
	"on Friday, a spokesman for the planning ministry told reporters. "    \
	"Opposition leaders called for an emergency session of congress. "

static void test_templates_updates_under_a_headline(void **state)
{
	/* an update: the lead again and more news, hours later under the
	 * same headline (half of the first text is in it: too little for
	 * containment alone); a copy of the update three days on */
	static const item items[] = {
		{"u1", "BRAZIL SUSPENDS DEBT INTEREST", "1987-02-20T10:00",
		 LEAD FIRST},
		{"u2", "BRAZIL SUSPENDS DEBT INTEREST", "1987-02-20T15:30",
		 LEAD MORE MORE},
		{"u3", "BRAZIL SUSPENDS DEBT INTEREST", "1987-02-23T15:30",
		 LEAD MORE MORE},
	};
	rp_ctx *ctx = run_items(items, 3, 1);
	(void)state;
	assert_int_equal(cluster_of(ctx, "u1"), cluster_of(ctx, "u2"));
	{
		rp_stats s;
		rp_ctx_stats(ctx, &s);
		assert_true(s.headline_pairs >= 1);
	}
	rp_ctx_free(ctx);
	/* without the headline, the same texts do not join */
	ctx = run_items(items, 3, 0);
	assert_int_not_equal(cluster_of(ctx, "u1"), cluster_of(ctx, "u2"));
	rp_ctx_free(ctx);
}

static void test_templates_column_headline(void **state)
{
	/* one headline over items of three days: a column's name, no
	 * evidence; the items share their first sentence only */
	static const item items[] = {
		{"c1", "U.S. CREDIT MARKET OUTLOOK", "1987-03-02T09:00",
		 LEAD FIRST},
		{"c2", "U.S. CREDIT MARKET OUTLOOK", "1987-03-02T18:00",
		 LEAD MORE MORE},
		{"c3", "U.S. CREDIT MARKET OUTLOOK", "1987-03-03T09:00",
		 "Treasury bill rates rose in early trading as dealers "
		 "awaited the weekly auction and the money supply figures."},
		{"c4", "U.S. CREDIT MARKET OUTLOOK", "1987-03-04T09:00",
		 "Bond prices were little changed after a quiet overnight "
		 "session in Tokyo and London, traders said."},
	};
	rp_ctx *ctx = run_items(items, 4, 1);
	(void)state;
	assert_int_not_equal(cluster_of(ctx, "c1"), cluster_of(ctx, "c2"));
	rp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_figures),
		cmocka_unit_test(test_templates_phrasing),
		cmocka_unit_test(test_templates_updates_under_a_headline),
		cmocka_unit_test(test_templates_column_headline),
	};
	return cmocka_run_group_tests_name("templates", tests, NULL, NULL);
}
