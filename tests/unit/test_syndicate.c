/* test_syndicate.c - origins and reprint descriptions on small stories:
 * the earliest page is the origin, a tie goes to the outlet the others
 * name, kinds, declared sources, lags and parents. */
#include "testutil.h"

#define MAXPAGE 8

static const char *const words[] = {
	"river",  "bridge",  "council", "minister", "market",  "ferry",
	"storm",  "harbor",  "budget",  "school",   "energy",  "battery",
	"court",  "station", "village", "factory",  "farmers", "weather",
	"museum", "airport", "library", "contract", "railway", "election"};

/* A paragraph of n pseudo-random words. */
static void para(char *out, uint64_t seed, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++)
		k += (size_t)sprintf(out + k, "%s%s", i ? " " : "",
				     words[tu_rand(&seed) %
					   (sizeof words / sizeof words[0])]);
}

typedef struct page {
	const char *id, *outlet, *byline; /* byline: date and source */
	int paras;                        /* paragraphs of the story kept */
	const char *note;                 /* an added paragraph, or NULL */
	const char *title;                /* a headline under the masthead */
	const char *related; /* a headline listed below the story, and
				below its outlet's other stories */
} page;

/* masthead, byline, the story's first `paras` paragraphs, footer */
static char *page_text(const page *p)
{
	char *t = malloc(16384), buf[4096];
	int k;
	size_t n = (size_t)sprintf(t, "%s\n\n", p->outlet);
	if (p->title)
		n += (size_t)sprintf(t + n, "%s\n\n", p->title);
	n += (size_t)sprintf(t + n, "%s\n\n", p->byline);
	for (k = 0; k < p->paras; k++) {
		para(buf, 1000 + (uint64_t)k, 60);
		n += (size_t)sprintf(t + n, "%s\n\n", buf);
	}
	if (p->note)
		n += (size_t)sprintf(t + n, "%s\n\n", p->note);
	if (p->related)
		n += (size_t)sprintf(t + n, "Related\n%s\n\n", p->related);
	sprintf(t + n, "(c) 2024 %s. All rights reserved.\n", p->outlet);
	return t;
}

/* A run over pages[0..n) and, for each outlet among them, FILLER pages of
 * other stories on its template (so its furniture is learned). */
#define FILLER 5

static void add_page(rp_ctx *ctx, const page *pg)
{
	rp_doc d;
	char *t = page_text(pg);
	memset(&d, 0, sizeof d);
	d.id = pg->id;
	d.text = t;
	d.text_len = strlen(t);
	assert_int_equal(rp_ctx_add(ctx, &d), RP_OK);
	free(t);
}

static rp_ctx *run(const page *pages, size_t n)
{
	rp_config cfg;
	rp_ctx *ctx;
	size_t i, k, j;
	rp_config_init(&cfg);
	cfg.threads = 1;
	assert_int_equal(rp_ctx_new(&ctx, &cfg), RP_OK);
	for (i = 0; i < n; i++) {
		add_page(ctx, &pages[i]);
		for (j = 0; j < i && strcmp(pages[j].outlet, pages[i].outlet);
		     j++)
			;
		for (k = 0; j == i && k < FILLER; k++) {
			char id[64], note[600];
			/* they list what the page lists under its story */
			page f = {id,
				  pages[i].outlet,
				  "2024-02-01 Source: wire",
				  0,
				  note,
				  NULL,
				  pages[i].related};
			uint64_t seed = 7000 + i * 100 + k;
			size_t w, len = 0;
			snprintf(id, sizeof id, "filler-%zu-%zu", i, k);
			/* words of its own: nothing like the story */
			for (w = 0; w < 40; w++)
				len += (size_t)snprintf(
					note + len, sizeof note - len, "%sq%u",
					w ? " " : "",
					(unsigned)(tu_rand(&seed) % 100000));
			add_page(ctx, &f);
		}
	}
	assert_int_equal(rp_ctx_run(ctx), RP_OK);
	return ctx;
}

static const char *id_of(rp_ctx *ctx, uint32_t i)
{
	rp_doc_info d;
	if (i == UINT32_MAX)
		return "";
	assert_int_equal(rp_ctx_doc(ctx, i, &d), RP_OK);
	return d.id;
}

static void test_synd_story(void **state)
{
	static const page pages[] = {
		{"a", "Alpha News", "2024-03-01 08:00 Source: Alpha News", 6,
		 NULL, NULL, NULL},
		{"b", "Beta Daily", "2024-03-01 10:30 Source: Alpha News", 6,
		 NULL, NULL, NULL},
		{"c", "Gamma Post", "2024-03-02 Source: Beta Daily", 6,
		 "Editor's note: this story was first published by another "
		 "outlet and has been shortened for length by our desk today, "
		 "with a new introduction and a different closing paragraph "
		 "from the features editor in the capital",
		 NULL, NULL},
		{"d", "Delta Wire", "March 3, 2024 09:15", 3, NULL, NULL, NULL},
		/* a different story on one outlet's template */
		{"e", "Alpha News", "2024-03-05 08:00 Source: Alpha News", 0,
		 "A different story entirely: the council approved the new "
		 "library budget after a long debate about the ferry timetable "
		 "and the future of the old railway station near the harbor",
		 NULL, NULL}};
	rp_ctx *ctx = run(pages, 5);
	rp_doc_info a = tu_doc(ctx, "a"), b = tu_doc(ctx, "b"),
		    c = tu_doc(ctx, "c"), d = tu_doc(ctx, "d"),
		    e = tu_doc(ctx, "e");
	(void)state;
	assert_int_equal(a.cluster, b.cluster);
	assert_int_equal(a.cluster, c.cluster);
	assert_int_equal(a.cluster, d.cluster);
	assert_int_not_equal(a.cluster, e.cluster);
	/* the earliest page is the origin of every member */
	assert_string_equal(id_of(ctx, a.origin), "a");
	assert_string_equal(id_of(ctx, d.origin), "a");
	assert_int_equal(a.kind, RP_KIND_ORIGINAL);
	assert_int_equal(e.kind, RP_KIND_SINGLE);
	/* b: the same text 150 minutes later, naming the origin's outlet */
	assert_int_equal(b.kind, RP_KIND_FULL);
	assert_true(b.declared);
	assert_int_equal(b.lag_known, RP_LAG_MINUTES);
	assert_int_equal(b.lag_minutes, 150);
	assert_string_equal(id_of(ctx, b.parent), "a");
	assert_string_equal(b.outlet_name, "Beta Daily");
	assert_true(b.added_shingles + b.dropped_shingles <= 12);
	/* c: a note added, a day later (no time), copied from b's outlet */
	assert_int_equal(c.kind, RP_KIND_EDITED);
	assert_true(c.declared);
	assert_int_equal(c.lag_known, RP_LAG_DAYS);
	assert_int_equal(c.lag_minutes, 24 * 60);
	assert_string_equal(id_of(ctx, c.parent), "b");
	assert_true(c.added_shingles > 100);
	assert_true(c.dropped_shingles <= 12);
	/* d: half the story, naming nobody */
	assert_int_equal(d.kind, RP_KIND_EXCERPT);
	assert_true(d.dropped_shingles > 5 * d.added_shingles);
	assert_false(d.declared);
	assert_int_equal(d.lag_known, RP_LAG_MINUTES);
	rp_ctx_free(ctx);
}

static void test_synd_tie_goes_to_the_named_outlet(void **state)
{
	/* same day, no times: the page the others name is the origin, even
	 * with the higher document number */
	static const page pages[] = {
		{"p1", "Beta Daily", "2024-03-01 Source: Zeta Times", 6, NULL,
		 NULL, NULL},
		{"p2", "Gamma Post", "2024-03-01 Source: Zeta Times", 6, NULL,
		 NULL, NULL},
		{"p3", "Zeta Times", "2024-03-01 Source: Zeta Times", 6, NULL,
		 NULL, NULL}};
	rp_ctx *ctx = run(pages, 3);
	rp_doc_info p1 = tu_doc(ctx, "p1"), p3 = tu_doc(ctx, "p3");
	(void)state;
	assert_string_equal(id_of(ctx, p1.origin), "p3");
	assert_int_equal(p3.kind, RP_KIND_ORIGINAL);
	assert_true(p1.declared);
	assert_int_equal(p1.lag_known, RP_LAG_DAYS);
	assert_int_equal(p1.lag_minutes, 0);
	rp_ctx_free(ctx);
}

static void test_synd_excerpt_is_not_the_origin(void **state)
{
	/* no dates, no sources: the page that contains the other wins */
	static const page pages[] = {
		{"x1", "Beta Daily", "by staff", 2, NULL, NULL, NULL},
		{"x2", "Gamma Post", "by staff", 6, NULL, NULL, NULL}};
	rp_ctx *ctx = run(pages, 2);
	rp_doc_info x1 = tu_doc(ctx, "x1");
	(void)state;
	assert_string_equal(id_of(ctx, x1.origin), "x2");
	assert_int_equal(x1.kind, RP_KIND_EXCERPT);
	assert_int_equal(x1.lag_known, RP_LAG_UNKNOWN);
	rp_ctx_free(ctx);
}

static void test_synd_headlines(void **state)
{
	/* h2's outlet lists the story's headline under five other stories:
	 * that is furniture there, not on h2, where it is the headline */
	static const page pages[] = {
		{"h1", "Alpha News", "2024-03-01 08:00", 6, NULL,
		 "Council Approves Ferry Budget", NULL},
		{"h2", "Beta Daily", "2024-03-01 09:00 Source: Alpha News", 6,
		 NULL, "Council Approves Ferry Budget",
		 "Council Approves Ferry Budget"},
		{"h3", "Gamma Post", "2024-03-01 10:00 Source: Alpha News", 6,
		 NULL, "BREAKING: Council approves ferry budget", NULL}};
	rp_ctx *ctx = run(pages, 3);
	rp_doc_info h2 = tu_doc(ctx, "h2"), h3 = tu_doc(ctx, "h3");
	(void)state;
	assert_string_equal(id_of(ctx, h2.origin), "h1");
	assert_int_equal(h2.kind, RP_KIND_FULL);
	assert_true(h2.added_shingles + h2.dropped_shingles < 4);
	/* a word before the same headline is an edit, if a small one */
	assert_int_equal(h3.kind, RP_KIND_EDITED);
	assert_true(h3.added_shingles + h3.dropped_shingles < 12);
	rp_ctx_free(ctx);
}

static void test_synd_cut_mark(void **state)
{
	/* one paragraph of six left out: an excerpt when the page says the
	 * story goes on, an edit when it does not */
	static const page pages[] = {
		{"m1", "Alpha News", "2024-03-01 08:00", 6, NULL, NULL, NULL},
		{"m2", "Beta Daily", "2024-03-01 09:00", 5,
		 "Continue reading...", NULL, NULL},
		{"m3", "Gamma Post", "2024-03-01 10:00", 5, NULL, NULL, NULL}};
	rp_ctx *ctx = run(pages, 3);
	rp_doc_info m2 = tu_doc(ctx, "m2"), m3 = tu_doc(ctx, "m3");
	(void)state;
	assert_string_equal(id_of(ctx, m2.origin), "m1");
	assert_int_equal(m2.kind, RP_KIND_EXCERPT);
	assert_int_equal(m3.kind, RP_KIND_EDITED);
	rp_ctx_free(ctx);
}

static void test_synd_undated_copy_names_its_source(void **state)
{
	/* no dates: Beta names Zeta as its source, Gamma and Delta name
	 * Beta; Beta copied Zeta, which is the origin */
	static const page pages[] = {
		{"u1", "Beta Daily", "Source: Zeta Times", 6, NULL, NULL, NULL},
		{"u2", "Zeta Times", "by staff", 6, NULL, NULL, NULL},
		{"u3", "Gamma Post", "Source: Beta Daily", 6, NULL, NULL, NULL},
		{"u4", "Delta Wire", "Source: Beta Daily", 6, NULL, NULL,
		 NULL}};
	rp_ctx *ctx = run(pages, 4);
	rp_doc_info u1 = tu_doc(ctx, "u1");
	(void)state;
	assert_string_equal(id_of(ctx, u1.origin), "u2");
	rp_ctx_free(ctx);
}

static void test_synd_day_month_order_of_a_source(void **state)
{
	/* Alpha prints day first (29/03/2024 on another of its pages), so
	 * its 03/04/2024 is April 3, after Beta's March 20 */
	static const page pages[] = {
		{"o1", "Alpha News", "03/04/2024 08:00", 6, NULL, NULL, NULL},
		{"o2", "Beta Daily", "2024-03-20 09:00", 6, NULL, NULL, NULL},
		{"o3", "Alpha News", "29/03/2024 10:00", 0,
		 "A different story entirely: the council approved the new "
		 "library budget after a long debate about the ferry timetable "
		 "and the future of the old railway station near the harbor",
		 NULL, NULL}};
	rp_ctx *ctx = run(pages, 3);
	rp_doc_info o1 = tu_doc(ctx, "o1");
	(void)state;
	assert_string_equal(id_of(ctx, o1.origin), "o2");
	assert_int_equal(o1.lag_known, RP_LAG_MINUTES);
	assert_int_equal(o1.lag_minutes, 14 * 24 * 60 - 60);
	rp_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_synd_story),
		cmocka_unit_test(test_synd_tie_goes_to_the_named_outlet),
		cmocka_unit_test(test_synd_excerpt_is_not_the_origin),
		cmocka_unit_test(test_synd_headlines),
		cmocka_unit_test(test_synd_cut_mark),
		cmocka_unit_test(test_synd_undated_copy_names_its_source),
		cmocka_unit_test(test_synd_day_month_order_of_a_source),
	};
	return cmocka_run_group_tests_name("syndicate", tests, NULL, NULL);
}
