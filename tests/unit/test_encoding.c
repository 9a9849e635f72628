/* test_encoding.c - bytes of many charsets to the same folded text. */
#include "testutil.h"

#include <iconv.h>

#include "encoding.h"

static const char zh[] =
	"国务院总理李克强日前签署国务院令，公布缔结条约管理办法，自明年一月一日"
	"起"
	"施行。办法明确了缔结条约的程序和职责，对谈判、签署、批准和保存等环节作"
	"出规定。有关部门表示，将认真贯彻落实，确保各项规定落到实处。记者了解到"
	"，"
	"这是我国首次以行政法规形式对缔结条约管理作出全面规定。";
static const char zh_trad[] =
	"國務院總理李克強日前簽署國務院令，公布締結條約管理辦法，自明年一月一日"
	"起"
	"施行。辦法明確了締結條約的程序和職責，對談判、簽署、批准和保存等環節作"
	"出規定。有關部門表示，將認真貫徹落實，確保各項規定落到實處。記者了解到"
	"，"
	"這是我國首次以行政法規形式對締結條約管理作出全面規定。";
static const char en[] =
	"The company said its \xe2\x80\x9cquarterly\xe2\x80\x9d profit rose "
	"sharply \xe2\x80\x94 caf\xc3\xa9 sales and na\xc3\xafve investors "
	"aside \xe2\x80\x94 as demand for its products recovered in Europe and "
	"the United States, the chairman told reporters on Tuesday.";
static const char ja[] =
	"東京の株式市場では、日経平均株価が大幅に上昇しました。市場関係者は、"
	"海外の投資家による買いが広がったと話しています。";
static const char ko[] =
	"서울 증시는 외국인 투자자들의 매수세에 힘입어 큰 폭으로 상승했다. "
	"시장 관계자들은 당분간 상승세가 이어질 것으로 내다봤다.";

/* text (UTF-8) in charset cs, via iconv; NULL when iconv lacks it */
static char *encode(const char *text, const char *cs, size_t *out_len)
{
	iconv_t cd = iconv_open(cs, "UTF-8");
	size_t in_left = strlen(text), cap = 4 * in_left + 16, left = cap;
	char *out = malloc(cap), *dst = out, *src = (char *)text;
	if (cd == (iconv_t)-1 || !out) {
		free(out);
		return NULL;
	}
	if (iconv(cd, &src, &in_left, &dst, &left) == (size_t)-1) {
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*out_len = cap - left;
	return out;
}

static void folded(const char *bytes, size_t n, const char *forced, char *out,
		   size_t cap, const char **charset, size_t *errors)
{
	rp_config cfg;
	rp_signer *s;
	const char *f;
	size_t fl;
	rp_signature sig;
	rp_config_init(&cfg);
	cfg.encoding = forced;
	assert_int_equal(rp_signer_new(&s, &cfg), RP_OK);
	assert_int_equal(rp_signer_sign(s, bytes, n, 0, &sig), RP_OK);
	*errors = sig.decode_errors;
	*charset = sig.charset;
	assert_int_equal(rp_signer_normalize(s, bytes, n, &f, &fl), RP_OK);
	assert_true(fl < cap);
	memcpy(out, f, fl);
	out[fl] = '\0';
	/* the charset name outlives the signer only as a copy */
	{
		static char name[32];
		snprintf(name, sizeof name, "%s", sig.charset);
		*charset = name;
	}
	rp_signer_free(s);
}

static void check_charset(const char *text, const char *cs,
			  const char *want_charset)
{
	char want[4096], got[4096];
	const char *charset;
	size_t n, errors;
	char *bytes = encode(text, cs, &n);
	assert_non_null(bytes);
	folded(text, strlen(text), NULL, want, sizeof want, &charset, &errors);
	folded(bytes, n, NULL, got, sizeof got, &charset, &errors);
	assert_string_equal(got, want);
	assert_int_equal(errors, 0);
	if (want_charset)
		assert_string_equal(charset, want_charset);
	free(bytes);
}

static void test_encoding_detects_chinese(void **state)
{
	(void)state;
	check_charset(zh, "GB18030", "GB18030");
	check_charset(zh, "GBK", "GB18030");
	check_charset(zh_trad, "BIG5", "BIG5-HKSCS");
	check_charset(zh_trad, "BIG5-HKSCS", "BIG5-HKSCS");
}

static void test_encoding_detects_others(void **state)
{
	(void)state;
	check_charset(en, "WINDOWS-1252", NULL);
	check_charset(ja, "SHIFT_JIS", NULL);
	check_charset(ko, "EUC-KR", NULL);
	check_charset(zh, "UTF-8", "UTF-8");
}

static void test_encoding_boms(void **state)
{
	char want[4096], got[4096];
	const char *charset;
	size_t n, errors;
	const char *cs[] = {"UTF-16LE", "UTF-16BE"};
	const char *bom[] = {"\xff\xfe", "\xfe\xff"};
	size_t k;
	(void)state;
	folded(zh, strlen(zh), NULL, want, sizeof want, &charset, &errors);
	for (k = 0; k < 2; k++) {
		char *bytes = encode(zh, cs[k], &n);
		char *with = malloc(n + 2);
		memcpy(with, bom[k], 2);
		memcpy(with + 2, bytes, n);
		folded(with, n + 2, NULL, got, sizeof got, &charset, &errors);
		assert_string_equal(got, want);
		assert_string_equal(charset, cs[k]);
		free(bytes);
		free(with);
	}
	/* a UTF-8 BOM is dropped */
	{
		char *with = malloc(strlen(zh) + 3);
		memcpy(with, "\xef\xbb\xbf", 3);
		memcpy(with + 3, zh, strlen(zh));
		folded(with, strlen(zh) + 3, NULL, got, sizeof got, &charset,
		       &errors);
		assert_string_equal(got, want);
		free(with);
	}
}

/* Traditional and Simplified copies fold to the same text. */
static void test_encoding_traditional_folds(void **state)
{
	char a[4096], b[4096];
	const char *charset;
	size_t errors;
	(void)state;
	folded(zh, strlen(zh), NULL, a, sizeof a, &charset, &errors);
	folded(zh_trad, strlen(zh_trad), NULL, b, sizeof b, &charset, &errors);
	assert_string_equal(a, b);
}

/* A character cut in two at the end: reported with its offset. */
static void test_encoding_cut_character(void **state)
{
	char got[4096];
	const char *charset;
	size_t n, errors;
	char *bytes = encode(zh, "GB18030", &n);
	(void)state;
	folded(bytes, n - 1, "GB18030", got, sizeof got, &charset, &errors);
	assert_int_equal(errors, 1);
	assert_string_equal(charset, "GB18030");
	free(bytes);
}

/* Forced charsets win over detection; Latin-1 is read as Windows-1252. */
static void test_encoding_forced(void **state)
{
	char got[4096];
	const char *charset;
	size_t errors;
	char buf[32];
	(void)state;
	folded("caf\xe9", 4, "ISO-8859-1", got, sizeof got, &charset, &errors);
	assert_string_equal(got, "caf\xc3\xa9");
	assert_string_equal(charset, "WINDOWS-1252");
	assert_string_equal(rp__charset_canonical("gbk", buf, sizeof buf),
			    "GB18030");
	assert_string_equal(rp__charset_canonical("big5", buf, sizeof buf),
			    "BIG5-HKSCS");
	/* an unknown charset name falls back to detection */
	folded(zh, strlen(zh), "NO-SUCH-CHARSET", got, sizeof got, &charset,
	       &errors);
	assert_string_equal(charset, "UTF-8");
}

/* Mixed and broken input: never a failure, replacements counted. */
/* A Western page whose only non-ASCII bytes are Windows-1252 quotes and
 * dashes reads as Windows-1252, whatever uchardet guesses from so few
 * bytes (it has said Mac Central European, turning ’ into í). */
static void test_encoding_western_punctuation(void **state)
{
	const char page[] =
		"NEW YORK, March 4 (Reuters) \x96 The company\x92s chairman "
		"said the \x93review\x94 would end soon\x85 Shares rose.\n"
		"Analysts said the company\x92s outlook was unchanged.\n";
	rp__decoder d;
	rp__decoded out;
	(void)state;
	rp__decoder_init(&d, 1 << 20);
	assert_int_equal(rp__decode(&d, page, sizeof page - 1, NULL, &out),
			 RP_OK);
	assert_string_equal(out.charset, "WINDOWS-1252");
	assert_non_null(strstr(out.text, "company\xe2\x80\x99s"));
	assert_non_null(strstr(out.text, "\xe2\x80\x9creview\xe2\x80\x9d"));
	rp__decoder_release(&d);
}

static void test_encoding_mojibake(void **state)
{
	rp_config cfg;
	rp_signer *s;
	rp_signature sig;
	/* UTF-8 text with GBK bytes spliced in, and binary noise */
	const char mixed[] = "新闻 \xd6\xd0\xce\xc4 news \xff\xfe\x00\x01 end";
	(void)state;
	rp_config_init(&cfg);
	assert_int_equal(rp_signer_new(&s, &cfg), RP_OK);
	assert_int_equal(rp_signer_sign(s, mixed, sizeof mixed - 1, 1, &sig),
			 RP_OK);
	assert_true(sig.set_len > 0);
	rp_signer_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_detects_chinese),
		cmocka_unit_test(test_encoding_detects_others),
		cmocka_unit_test(test_encoding_boms),
		cmocka_unit_test(test_encoding_traditional_folds),
		cmocka_unit_test(test_encoding_cut_character),
		cmocka_unit_test(test_encoding_forced),
		cmocka_unit_test(test_encoding_mojibake),
		cmocka_unit_test(test_encoding_western_punctuation),
	};
	return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
