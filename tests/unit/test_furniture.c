/* test_furniture.c - built-in furniture rules, and the seed page: its
 * article survives, its furniture does not. */
#include "testutil.h"

#include "furniture.h"
#include "page.h"

static int rule(const char *line)
{
	return rp__furniture_line(line, strlen(line));
}

static void test_furniture_rules(void **state)
{
	(void)state;
	assert_int_equal(rule("   "), RP__FURN_EMPTY);
	assert_int_equal(rule("[ logo . png ]"), RP__FURN_IMAGES);
	assert_int_equal(rule("[ banner_6892.jpg ]"), RP__FURN_IMAGES);
	assert_int_equal(
		rule("[ hom e . png ] [ log o . png ] [ mhom e . png ]"),
		RP__FURN_IMAGES);
	assert_int_equal(rule("[ BUTTON Input ] ( not implemented ) ____"),
			 RP__FURN_IMAGES);
	assert_int_equal(rule("[ Print this story ] [ Email this story ]"),
			 RP__FURN_IMAGES);
	assert_int_equal(rule("* 国内"), RP__FURN_BULLET);
	assert_int_equal(rule("* ENGLISH"), RP__FURN_BULLET);
	assert_int_equal(
		rule("Home | Local | Nation/World | Business | Sports"),
		RP__FURN_NAVBAR);
	assert_int_equal(rule("点击 浏览器 下方 分享 微信 好友"),
			 RP__FURN_SHARE);
	assert_int_equal(rule("调查 问题 加载 中 ， 请 稍候 。"),
			 RP__FURN_SHARE);
	assert_int_equal(rule("Share this article: Facebook | Twitter"),
			 RP__FURN_SHARE);
	assert_int_equal(rule("返回"), RP__FURN_SHARE);
	assert_int_equal(rule("12. https://example.com/news/1"),
			 RP__FURN_LINKS);
	assert_int_equal(rule("catalogs : 1 ; contentid : 2 ; publishdate : "
			      "2023 - 03 - 29 ; author : x"),
			 RP__FURN_METALINE);
}

/* What the rules must never drop. */
static void test_furniture_keeps_prose(void **state)
{
	(void)state;
	assert_int_equal(
		rule("马斯克 等 千 名 科技 人士 发 公开信 ： 暂停 训练"),
		RP__FURN_KEEP);
	assert_int_equal(rule("嫦娥五号返回地球"), RP__FURN_KEEP);
	assert_int_equal(rule("* The council voted on Tuesday to close the old "
			      "bridge for repairs until next spring."),
			 RP__FURN_KEEP);
	assert_int_equal(rule("He said he would share the report with the "
			      "committee and the public next week, after the "
			      "board had read it."),
			 RP__FURN_KEEP);
	/* a bracketed phrase of prose is kept; a short one is a button */
	assert_int_equal(rule("[ The minister declined to comment ]"),
			 RP__FURN_KEEP);
	assert_int_equal(rule("[ 责任编辑 ： 夏伟涵 ]"), RP__FURN_IMAGES);
	assert_int_equal(rule("(Reuters) - Shares rose."), RP__FURN_KEEP);
}

static void test_furniture_seed_page(void **state)
{
	size_t len;
	char *page =
		tu_read_file("../shared/seeds/portal-reprint-zh.txt", &len);
	rp__page p;
	char *kept;
	static const char *const article[] = {
		"这 封 信 呼吁 ， 所有 人工智能 实验室 立即 暂停",
		"最近 几 天 ， 人工智能 风险 引发 了 多 位 科技 领袖",
		"未 来 生命 研究所 建立 于 2014年",
		"马库斯 指出 ， 相比辛顿 和 马斯克担忧 天网"};
	static const char *const furniture[] = {"[ gmwLogo _ share . jpg ]",
						"* 时政",
						"* ENGLISH",
						"调查 问题 加载 中",
						"[ BUTTON Input ]",
						"catalogs : 115955",
						"阅读 剩余 全文",
						"[ mweibo . png ]",
						"* [ ico _ motion _ 1",
						"[ arrow . png ]"};
	size_t k;
	(void)state;
	if (!page) {
		skip();
		return;
	}
	rp__page_init(&p, 1 << 24, 0);
	assert_int_equal(rp__page_lines(&p, page, len, 1, NULL, 0), RP_OK);
	kept = malloc(p.kept_len + 1);
	memcpy(kept, p.kept, p.kept_len);
	kept[p.kept_len] = '\0';
	for (k = 0; k < sizeof article / sizeof article[0]; k++)
		assert_non_null(strstr(kept, article[k]));
	for (k = 0; k < sizeof furniture / sizeof furniture[0]; k++)
		assert_null(strstr(kept, furniture[k]));
	assert_true(p.dropped_rule >= 40);
	free(kept);
	free(page);
	rp__page_release(&p);
}

static void test_page_line_ends(void **state)
{
	rp__page p;
	const char *text = "one\r\ntwo\rthree\n\nfour";
	(void)state;
	rp__page_init(&p, 1 << 20, 0);
	assert_int_equal(rp__page_lines(&p, text, strlen(text), 1, NULL, 0),
			 RP_OK);
	assert_int_equal(p.n_hashes, 4);
	assert_int_equal(p.kept_len, strlen("one\ntwo\nthree\nfour\n"));
	assert_memory_equal(p.kept, "one\ntwo\nthree\nfour\n", p.kept_len);
	rp__page_release(&p);
}

/* The kept lines folded one by one and joined are the kept text folded
 * whole: ASCII and CJK lines mixed, full-width forms, segmenter spaces,
 * Traditional script; a line that opens with a combining mark (it would
 * join the line before) and a NUL make the page fold whole instead. */
static void test_page_folds_once(void **state)
{
	static const char *const pages[] = {
		"Plain ASCII line\nand another, with punctuation!\n",
		"Headline\n马斯克 等 千 名 科技 人士\n２０２３年３月\nMore "
		"text\n",
		"臺灣 資料 通訊\r\nＡＢＣ ｆｕｌｌ\r\n\u00e9t\u00e9\n",
		"first line ends in e\n\xcc\x81 opens the next\n",
		"a NUL \0 inside\nsecond line\n",
	};
	size_t k;
	(void)state;
	for (k = 0; k < sizeof pages / sizeof pages[0]; k++) {
		rp__page p;
		rp__norm whole;
		size_t len = k == 4 ? 27 : strlen(pages[k]);
		rp__page_init(&p, 1 << 20, 0);
		rp__norm_init(&whole, RP_NORM_TEXT, 1 << 20);
		whole.t2s = p.lnorm.t2s;
		assert_int_equal(rp__page_lines(&p, pages[k], len, 0, NULL, 0),
				 RP_OK);
		assert_int_equal(rp__norm_run(&whole, p.kept, p.kept_len),
				 RP_OK);
		if (k >= 3) {
			assert_false(p.folded_ok);
		} else {
			assert_true(p.folded_ok);
			assert_int_equal(p.fout_len, whole.out_len);
			assert_memory_equal(p.fout, whole.out, whole.out_len);
			assert_int_equal(p.fcps, whole.cps);
			assert_int_equal(p.fascii, whole.ascii);
			if (!whole.ascii)
				assert_memory_equal(
					p.fstarts, whole.starts,
					(whole.cps + 1) * sizeof *whole.starts);
		}
		rp__norm_release(&whole);
		rp__page_release(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_furniture_rules),
		cmocka_unit_test(test_furniture_keeps_prose),
		cmocka_unit_test(test_furniture_seed_page),
		cmocka_unit_test(test_page_line_ends),
		cmocka_unit_test(test_page_folds_once),
	};
	return cmocka_run_group_tests_name("furniture", tests, NULL, NULL);
}
