/* test_meta.c - publish time, declared source, title and URL of a page. */
#include "testutil.h"

#include "meta.h"
#include "page.h"

/* Metadata of a page split into lines by the page reader, the title
 * looked for in kept (the whole page when NULL). */
static rp__meta parse_kept(const char *page, const char *kept)
{
	rp__meta m;
	rp__page p;
	rp__page_init(&p, 1 << 20, 0);
	assert_int_equal(rp__page_lines(&p, page, strlen(page), 0, NULL, 0),
			 RP_OK);
	if (!kept)
		kept = page;
	rp__meta_parse(page, strlen(page), p.spans, p.n_spans, kept,
		       strlen(kept), 0, &m);
	rp__page_release(&p);
	return m;
}

static rp__meta parse(const char *page)
{
	return parse_kept(page, NULL);
}

static void expect_date(const char *page, const char *want)
{
	rp__meta m = parse(page);
	assert_string_equal(m.date, want);
}

static void test_meta_dates(void **state)
{
	(void)state;
	expect_date("x\n2023-03-29 15:42 来源：新华社\n", "2023-03-29 15:42");
	expect_date("2023 - 03 - 29 15 : 42 来 源 ： 澎湃 新闻\n",
		    "2023-03-29 15:42");
	expect_date("发布时间：2023年3月29日 08:05\n", "2023-03-29 08:05");
	expect_date("2026/3/14 09:30\n", "2026-03-14 09:30");
	expect_date("By Ann Lee | March 11, 1987\n", "1987-03-11");
	expect_date("Friday 13 March 1987. Source: Herald\n", "1987-03-13");
	expect_date("Date: Wed, 11 Mar 1987 18:11:46 GMT\n",
		    "1987-03-11 18:11Z");
	expect_date("Published March 12, 2026 at 6:30 PM\n",
		    "2026-03-12 18:30");
	expect_date("Maya Lindgren \xc2\xb7 Mar 14, 2026 \xc2\xb7 12:05 AM "
		    "\xc2\xb7 2 min read\n",
		    "2026-03-14 00:05");
	expect_date("keywords=acq; pubdate=19870319; origin=Tribune\n",
		    "1987-03-19");
	/* a labelled date wins over an earlier one in the text */
	expect_date(
		"In 1986-05-26 the court ruled.\n"
		"catalogs : 1 ; publishdate : 2023 - 03 - 29 ; from : x ;\n",
		"2023-03-29");
	expect_date("no date here, 12:30 or 2023 alone\n", "");
	expect_date("2023-13-45\n", "");
	/* a day without a time takes the time of the same day elsewhere */
	expect_date("Ann Lee \xc2\xb7 4 March 1987\nText.\n"
		    "Last updated 4 March 1987 20:16 | Section: general\n",
		    "1987-03-04 20:16");
	/* no year: from the copyright line, or the last line */
	expect_date("快 看 新闻 8 月 10 日 21 : 40\n今天（9月29日）的新闻。\n"
		    "\xc2\xa9 2023 快看新闻\n",
		    "2023-08-10 21:40");
	expect_date("Capital Markets Wire \xc2\xb7 March 23\nBody.\n"
		    "Coastline News 1987 \xc2\xb7 Terms\n",
		    "1987-03-23");
	/* prose dates without year or time do not count */
	expect_date("今天（9月29日）以军称。\n\xc2\xa9 2024 X\n", "");
	expect_date("Posted 03/19/1987 by Betty Johnson\n", "1987-03-19");
	expect_date("03-March-1987 18:39 (Capital Markets Wire)\n",
		    "1987-03-03 18:39");
	/* a byline's date, even an update's, wins over dates in prose and
	 * in links */
	expect_date("Headline of the story\nUpdated March 24, 1987\n"
		    "On June 30, 1987, the company said it would pay its "
		    "debts, according to a statement, and more text here.\n"
		    "See https://example.com/1987/03/25/story\n",
		    "1987-03-24");
	/* forms other outlets print */
	expect_date("Published 19870315 0236\n", "1987-03-15 02:36");
	expect_date("Thu, 9 Apr 1987\n", "1987-04-09");
	expect_date("9-APR-1987 14:05:01.22\n", "1987-04-09 14:05");
	expect_date("发表于 2023-3-29 15:42\n", "2023-03-29 15:42");
	expect_date("2023年3月29日 下午3:42 北京时间\n",
		    "2023-03-29 15:42+08:00");
	/* relative, against the page's own date elsewhere */
	expect_date("发布时间：3小时前\n正文。\n© 2023-03-29 18:00 本站\n",
		    "2023-03-29 15:00");
	/* "Markets" is not March */
	expect_date("Markets 5 and more\n\xc2\xa9 1987 X\n", "");
}

static void test_meta_sources(void **state)
{
	(void)state;
	assert_string_equal(parse("2023 - 03 - 29 来 源 ： 澎湃 新闻\n").source,
			    "澎湃新闻");
	assert_string_equal(parse("稿件来源：财经内参网 作者：张三\n").source,
			    "财经内参网");
	assert_string_equal(
		parse("Friday. Source: Harbor City Herald\n").source,
		"Harbor City Herald");
	assert_string_equal(
		parse("Source: Meridian Wire \xc2\xb7 Mar 13, 2026\n").source,
		"Meridian Wire");
	assert_string_equal(
		parse("WASHINGTON, March 13 (Reuters) - The group said\n")
			.source,
		"Reuters");
	assert_string_equal(parse("nothing declared\n").source, "");
	/* "via" as a word names a source; inside a word it does not */
	assert_string_equal(
		parse("Ann Lee \xc2\xb7 21 March 1987 \xc2\xb7 via Midland "
		      "Tribune\n")
			.source,
		"Midland Tribune");
	assert_string_equal(parse("Bolivia to Propose Andean Summit\n").source,
			    "");
	/* the value stops at the next label, a date or punctuation */
	assert_string_equal(
		parse("2024 - 10 - 06 14 : 47 来源 ： 北辰 新闻网 字号 ： T\n")
			.source,
		"北辰新闻网");
	assert_string_equal(parse("来源：北辰新闻网2024-04-18 23:03\n").source,
			    "北辰新闻网");
	assert_string_equal(parse("转自“来源：长江观察网”。\n").source,
			    "长江观察网");
	/* a CMS id or a sentence is not a name */
	assert_string_equal(parse("author : x ; source : 18 ;\n").source, "");
	assert_string_equal(parse("proceeds from: an offering of convertible "
				  "subordinated debentures due 2012\n")
				    .source,
			    "");
}

static void test_meta_wire_dateline(void **state)
{
	const char *a = "FRANKFURT, March 27 (Reuters) - West German banks";
	const char *b = "NEW YORK, March 4 (Reuters) \xe2\x80\x93 The former";
	const char *c = "TOKYO, March 25 - The Bank of Japan will sell";
	(void)state;
	assert_int_equal(rp__meta_dateline(a, strlen(a)),
			 strlen("FRANKFURT, March 27 (Reuters) - "));
	assert_int_equal(rp__meta_dateline(b, strlen(b)),
			 strlen("NEW YORK, March 4 (Reuters) \xe2\x80\x93 "));
	assert_int_equal(rp__meta_dateline(c, strlen(c)),
			 strlen("TOKYO, March 25 - "));
	/* no date before the dash, or prose */
	assert_int_equal(rp__meta_dateline("Markets - a view", 16), 0);
	assert_int_equal(rp__meta_dateline("the rate - it said", 18), 0);
}

static int byline(const char *s)
{
	return rp__meta_byline(s, strlen(s));
}

static void test_meta_bylines(void **state)
{
	(void)state;
	assert_true(byline("By Kevin King | Source: Commodity Report"));
	assert_true(byline("BY STAFF WRITER"));
	assert_true(byline("【作者：段轩怡】【编辑：肖志子】"));
	assert_true(byline("责任 编辑 ： 唐佳"));
	assert_true(
		byline("Disclaimer: not investment advice. Article 5467051."));
	assert_true(byline("2024-03-12 20:48:02 字号：T|T"));
	assert_true(byline("Ruth Walker, Pacific Times staff"));
	assert_true(byline("Tags: oilseed | News, Business"));
	/* the same words in a headline or a note name nobody */
	assert_false(byline("Reagan, Gorbachev Agree to Meet in Geneva"));
	assert_false(byline("Sales Rose, the Company Said."));
	assert_false(byline("PNC FINANCIAL <PNCF> UNIT UPGRADED BY MOODY'S"));
	assert_false(byline("十四届全国人大二次会议举行记者会"));
	assert_false(byline("Additional reporting by Karen Walker."));
	assert_false(byline("记者会上，发言人介绍了情况"));
}

static int cut(const char *s)
{
	return rp__meta_cut_mark(s, strlen(s));
}

static void test_meta_cut_marks(void **state)
{
	(void)state;
	assert_true(cut("……"));
	assert_true(cut("… …"));
	assert_true(cut("..."));
	assert_true(cut("Continue reading..."));
	assert_true(cut("Tap to read the full story"));
	assert_true(cut("打开 APP 阅读 全文"));
	assert_true(cut("（本文为节选）"));
	assert_true(cut("展开全文 ▼"));
	assert_false(cut("The company said sales rose."));
	assert_false(cut("阅读剩余全文（）")); /* a template's, not a cut */
	assert_false(cut(".."));
}

static void test_meta_site_and_dateline(void **state)
{
	rp__meta m = parse("[ logo.png ] Beta Daily\n\n"
			   "March 3, 1987 18:42 | Capital Markets Wire\n"
			   "Source: Capital Markets Wire\n"
			   "First paragraph.\nSecond.\nThird.\n"
			   "(c) 1987 Beta Daily Inc.\n");
	(void)state;
	/* bylines are left out of the site lines: they name others */
	assert_string_equal(m.site, "[ logo.png ] Beta Daily\n"
				    "First paragraph.\nSecond.\nThird.\n"
				    "(c) 1987 Beta Daily Inc.");
	assert_string_equal(m.dateline,
			    "March 3, 1987 18:42 | Capital Markets Wire");
}

static void test_meta_title_url(void **state)
{
	const char *kept =
		"  \n2026-03-14 09:30\n澜江三桥主跨合龙\n正文第一段。\n";
	rp__meta m;
	(void)state;
	m = parse_kept("see https://example.com/a?b=1 for more", kept);
	assert_string_equal(m.title, "澜江三桥主跨合龙");
	assert_string_equal(m.url, "https://example.com/a?b=1");
}

/* A page read as the signer reads it: furniture rules, then metadata. */
static void page_title(const char *page, const char *want)
{
	rp__page p;
	rp__meta m;
	rp__page_init(&p, 1 << 20, 0);
	p.ngram = 4;
	assert_int_equal(rp__page_lines(&p, page, strlen(page), 1, NULL, 0),
			 RP_OK);
	rp__meta_parse(page, strlen(page), p.spans, p.n_spans, p.kept,
		       p.kept_len, p.head_from, &m);
	assert_string_equal(m.title, want);
	rp__page_release(&p);
}

static void test_meta_title_after_head_furniture(void **state)
{
	(void)state;
	/* a tool's line above the page, a menu's caption, a page label:
	 * none is the headline */
	page_title("Loading finished ok\n[ logo . png ]\n* 国内\n"
		   "全部 导航\n* 国际\n"
		   "大桥 今天 通车 两岸 居民 出行 更 方便\n"
		   "2023 - 03 - 29 15 : 42 来 源 ： 新华社\n"
		   "正文 第一 段 ， 讲述 了 大桥 的 建设 过程 。\n",
		   "大桥今天通车两岸居民出行更方便");
	page_title("第A47版：国际\n俄称击落两架直升机\n正文。\n",
		   "俄称击落两架直升机");
	/* no furniture: the first line that can be a title */
	page_title("TREASURY BALANCES AT FED ROSE ON MARCH 12\n"
		   "Balances in tax and loan note accounts fell.\n",
		   "TREASURY BALANCES AT FED ROSE ON MARCH 12");
}

static void test_meta_title_seed_page(void **state)
{
	size_t len;
	char *page =
		tu_read_file("../shared/seeds/portal-reprint-zh.txt", &len);
	rp__page p;
	rp__meta m;
	(void)state;
	if (!page) {
		skip();
		return;
	}
	rp__page_init(&p, 1 << 24, 0);
	p.ngram = 4;
	assert_int_equal(rp__page_lines(&p, page, len, 1, NULL, 0), RP_OK);
	rp__meta_parse(page, len, p.spans, p.n_spans, p.kept, p.kept_len,
		       p.head_from, &m);
	assert_string_equal(m.title, "马斯克等千名科技人士发公开信：暂停训练比"
				     "GPT-4更强大的AI系统");
	rp__page_release(&p);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_dates),
		cmocka_unit_test(test_meta_sources),
		cmocka_unit_test(test_meta_title_url),
		cmocka_unit_test(test_meta_title_after_head_furniture),
		cmocka_unit_test(test_meta_title_seed_page),
		cmocka_unit_test(test_meta_site_and_dateline),
		cmocka_unit_test(test_meta_wire_dateline),
		cmocka_unit_test(test_meta_bylines),
		cmocka_unit_test(test_meta_cut_marks),
	};
	return cmocka_run_group_tests_name("meta", tests, NULL, NULL);
}
