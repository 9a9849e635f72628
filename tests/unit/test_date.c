/* test_date.c - dates read from text as values: the forms, zones, labels,
 * relative dates, minutes, resolving and ISO text. */
#include "testutil.h"

#include "date.h"

/* What was read, compactly: "2023-03-29 15:42:07 +08:00 ambiguous
 * published"; "--03-23" without a year (ISO 8601's form); "ago 180",
 * "days 1 15:42" for relative dates. */
static void describe(const rp__date *d, char *out, size_t cap)
{
	static const char *const labels[] = {"", " published", " updated"};
	int k;
	if (d->relative == RP__DATE_AGO)
		k = snprintf(out, cap, "ago %d", d->ago);
	else if (d->relative == RP__DATE_DAYREL)
		k = snprintf(out, cap, "days %d", d->days);
	else if (d->y)
		k = snprintf(out, cap, "%04d-%02d-%02d", d->y, d->mo, d->d);
	else
		k = snprintf(out, cap, "--%02d-%02d", d->mo, d->d);
	if (d->h >= 0)
		k += snprintf(out + k, cap - (size_t)k, " %02d:%02d", d->h,
			      d->mi);
	if (d->h >= 0 && d->s)
		k += snprintf(out + k, cap - (size_t)k, ":%02d", d->s);
	if (d->zoned && d->zone == 0)
		k += snprintf(out + k, cap - (size_t)k, " Z");
	else if (d->zoned)
		k += snprintf(out + k, cap - (size_t)k, " %c%02d:%02d",
			      d->zone < 0 ? '-' : '+', abs(d->zone) / 60,
			      abs(d->zone) % 60);
	if (d->ambiguous)
		k += snprintf(out + k, cap - (size_t)k, " ambiguous");
	snprintf(out + k, cap - (size_t)k, "%s", labels[d->label % 3]);
}

/* The first date in text spans span and reads as want; span NULL: none.
 * The text is read from a buffer of its exact length, so the sanitizer
 * sees any read past it. */
static void expect(const char *text, const char *span, const char *want)
{
	size_t n = strlen(text), at = 0, k = 0;
	char *buf = malloc(n ? n : 1), got[128], spanned[256];
	rp__date d;
	int found;
	assert_non_null(buf);
	memcpy(buf, text, n);
	found = rp__date_find(buf, n, &d, &at);
	if (found)
		k = rp__date_at(buf, n, at, &d);
	snprintf(spanned, sizeof spanned, "%.*s", (int)k, buf + at);
	free(buf);
	if (found)
		describe(&d, got, sizeof got);
	if (!span && found)
		fail_msg("'%s': read '%s' as a date", text, got);
	if (!span)
		return;
	if (!found)
		fail_msg("'%s': no date read", text);
	if (strcmp(spanned, span) != 0)
		fail_msg("'%s': spans '%s', not '%s'", text, spanned, span);
	if (strcmp(got, want) != 0)
		fail_msg("'%s': read '%s', not '%s'", text, got, want);
}

/* The whole text is the date. */
static void same(const char *text, const char *want)
{
	expect(text, text, want);
}

static void test_date_iso(void **state)
{
	(void)state;
	same("2023-03-29", "2023-03-29");
	same("2023-03-29 15:42", "2023-03-29 15:42");
	same("2023-03-29 15:42:07", "2023-03-29 15:42:07");
	same("2023-03-29T15:42", "2023-03-29 15:42");
	same("2023-03-29T15:42:07Z", "2023-03-29 15:42:07 Z");
	same("2023-03-29T15:42:07.123Z", "2023-03-29 15:42:07 Z");
	same("2023-03-29T15:42:07+08:00", "2023-03-29 15:42:07 +08:00");
	same("2023-03-29 15:42 +0800", "2023-03-29 15:42 +08:00");
	same("2023-03-29T15:42:07-05:00", "2023-03-29 15:42:07 -05:00");
	same("2023-03-29T15:42+08", "2023-03-29 15:42 +08:00");
	same("2023-3-29", "2023-03-29");
	/* compact: with a time, or after a label */
	same("20230329T154200+0800", "2023-03-29 15:42 +08:00");
	same("19870409 1405Z", "1987-04-09 14:05 Z");
	same("19870409T1405", "1987-04-09 14:05");
	/* a bare HHMM right after a compact date is its time */
	same("19870409 1405", "1987-04-09 14:05");
	expect("Published 19870315 0236", "19870315 0236",
	       "1987-03-15 02:36 published");
	same("20230329 15:42", "2023-03-29 15:42");
	expect("pubdate=19870319", "19870319", "1987-03-19 published");
	expect("keywords=acq; pubdate=19870319; origin=Tribune", "19870319",
	       "1987-03-19 published");
	/* an id, a slug */
	expect("19870319", NULL, NULL);
	expect("MW-ID: MW-20260311-0388 | Desk: Business", NULL, NULL);
	/* the JSON-LD of a page */
	expect("\"datePublished\": \"2023-03-29T15:42:07+08:00\"",
	       "2023-03-29T15:42:07+08:00",
	       "2023-03-29 15:42:07 +08:00 published");
	expect("\"dateModified\":\"2023-03-30\"", "2023-03-30",
	       "2023-03-30 updated");
}

static void test_date_numeric(void **state)
{
	(void)state;
	same("2023/03/29", "2023-03-29");
	same("2023/3/29 15:42", "2023-03-29 15:42");
	same("2023.03.29", "2023-03-29");
	/* either order: '/' month first, '.' and '-' day first */
	same("09/04/1987", "1987-09-04 ambiguous");
	same("04.09.1987", "1987-09-04 ambiguous");
	same("04-09-1987", "1987-09-04 ambiguous");
	same("04/04/1987", "1987-04-04");
	same("29.03.2023 15:42", "2023-03-29 15:42");
	same("29/03/2023", "2023-03-29");
	same("03.29.2023", "2023-03-29");
	same("3/29/2023 3:42 PM", "2023-03-29 15:42");
	same("29-03-2023", "2023-03-29");
	/* two-digit years only in a timestamp */
	same("3/29/23 3:42 PM", "2023-03-29 15:42");
	same("29.03.87 18:39", "1987-03-29 18:39");
	expect("29/03/23", NULL, NULL);
	expect("won 3/4/23 and", NULL, NULL);
	/* no year: only with a time; "03-29" is ISO order */
	same("03-29 15:42", "--03-29 15:42");
	same("3/4 12:30", "--03-04 12:30 ambiguous");
	expect("03-29", NULL, NULL);
}

static void test_date_month_names(void **state)
{
	(void)state;
	same("March 11, 1987", "1987-03-11");
	same("Mar 11, 1987", "1987-03-11");
	same("Mar. 11, 1987", "1987-03-11");
	same("Sept. 4, 1987", "1987-09-04");
	same("March 11 1987", "1987-03-11");
	same("march 11, 1987", "1987-03-11");
	same("MARCH 11, 1987", "1987-03-11");
	same("11 March 1987", "1987-03-11");
	same("11 Mar 1987", "1987-03-11");
	same("11 March, 1987", "1987-03-11");
	same("03-March-1987 18:39", "1987-03-03 18:39");
	same("9-APR-1987 14:05:01.22", "1987-04-09 14:05:01");
	same("Thu, 9 Apr 1987", "1987-04-09");
	same("Wed, 11 Mar 1987 18:11:46 GMT", "1987-03-11 18:11:46 Z");
	same("Wed, 11 Mar 87 18:11:46 GMT", "1987-03-11 18:11:46 Z");
	same("Wednesday, March 29, 2023 3:42 PM ET", "2023-03-29 15:42 -04:00");
	expect("Updated Apr. 9, 1987 2:05 p.m. EDT",
	       "Apr. 9, 1987 2:05 p.m. EDT", "1987-04-09 14:05 -04:00 updated");
	same("March 29, 2023 at 3:42 p.m.", "2023-03-29 15:42");
	same("Mar 14, 2026 \xc2\xb7 12:05 AM", "2026-03-14 00:05");
	same("March 23", "--03-23");
	same("Thursday, April 9", "--04-09");
	expect("the 4th of July, 1987", "4th of July, 1987", "1987-07-04");
	same("March 11th, 1987", "1987-03-11");
	same("Wed Mar 29 2023 15:42:07 GMT+0800", "2023-03-29 15:42:07 +08:00");
	same("March 29, 2023 12 noon", "2023-03-29 12:00");
	same("Apr 9, 1987 2 PM EDT", "1987-04-09 14:00 -04:00");
	/* the time before the date */
	same("15:42 29/03/2023", "2023-03-29 15:42");
	same("3:42 PM \xc2\xb7 Mar 29, 2023", "2023-03-29 15:42");
	same("3:42 PM ET, March 29, 2023", "2023-03-29 15:42 -04:00");
	same("3 PM, March 29, 2023", "2023-03-29 15:00");
	/* the span ends on the date */
	expect("March 11, 1987, said the man", "March 11, 1987", "1987-03-11");
	expect("Maya Lindgren \xc2\xb7 Mar 13, 2026 \xc2\xb7 8:05 AM \xc2\xb7 "
	       "2 min read",
	       "Mar 13, 2026 \xc2\xb7 8:05 AM", "2026-03-13 08:05");
	expect("Friday 13 March 1987. Source: Herald", "Friday 13 March 1987",
	       "1987-03-13");
	/* a word that starts like a month, a month without a day, "may" */
	expect("Markets rose 5 percent", NULL, NULL);
	expect("Mayor 5 said", NULL, NULL);
	expect("in May 2023", NULL, NULL);
	expect("you may 5 times", NULL, NULL);
	expect("12 may 2023", NULL, NULL);
	expect("the May 5 vote", "May 5", "--05-05");
}

static void test_date_clock(void **state)
{
	(void)state;
	same("2023-03-29 3:42 AM", "2023-03-29 03:42");
	same("2023-03-29 3:42 PM", "2023-03-29 15:42");
	same("2023-03-29 3:42 a.m.", "2023-03-29 03:42");
	same("2023-03-29 3:42 p.m.", "2023-03-29 15:42");
	same("2023-03-29 3:42am", "2023-03-29 03:42");
	same("2023-03-29 3:42pm", "2023-03-29 15:42");
	same("2023-03-29 12:05 AM", "2023-03-29 00:05");
	same("2023-03-29 12:30 PM", "2023-03-29 12:30");
	same("March 29, 2023 - 15:42", "2023-03-29 15:42");
	same("March 29, 2023 | 15:42", "2023-03-29 15:42");
	same("March 29, 2023 @ 15:42", "2023-03-29 15:42");
	/* no time: the date alone */
	expect("2023-03-29 24:00", "2023-03-29", "2023-03-29");
	expect("2023-03-29 15:4", "2023-03-29", "2023-03-29");
	expect("March 29, 2023, 3 people", "March 29, 2023", "2023-03-29");
}

static void test_date_zones(void **state)
{
	(void)state;
	same("2023-03-29 15:42 UTC", "2023-03-29 15:42 Z");
	same("2023-03-29 15:42 GMT", "2023-03-29 15:42 Z");
	same("2023-03-29 15:42 GMT+8", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 UTC+08:00", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 UTC-5:30", "2023-03-29 15:42 -05:30");
	same("2023-03-29 15:42 EST", "2023-03-29 15:42 -05:00");
	same("2023-03-29 15:42 EDT", "2023-03-29 15:42 -04:00");
	same("2023-03-29 15:42 CDT", "2023-03-29 15:42 -05:00");
	same("2023-03-29 15:42 CT", "2023-03-29 15:42 -05:00");
	same("2023-01-29 15:42 CT", "2023-01-29 15:42 -06:00");
	same("2023-03-29 15:42 MST", "2023-03-29 15:42 -07:00");
	same("2023-03-29 15:42 MT", "2023-03-29 15:42 -06:00");
	same("2023-03-29 15:42 PDT", "2023-03-29 15:42 -07:00");
	same("2023-12-29 15:42 PT", "2023-12-29 15:42 -08:00");
	same("2023-03-29 15:42 BST", "2023-03-29 15:42 +01:00");
	same("2023-03-29 15:42 CET", "2023-03-29 15:42 +01:00");
	same("2023-03-29 15:42 CEST", "2023-03-29 15:42 +02:00");
	same("2023-03-29 15:42 JST", "2023-03-29 15:42 +09:00");
	same("2023-03-29 15:42 HKT", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 SGT", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 AEST", "2023-03-29 15:42 +10:00");
	same("2023-03-29 15:42 IST", "2023-03-29 15:42 +05:30");
	same("2023-03-29 15:42 (ET)", "2023-03-29 15:42 -04:00");
	/* CST: China's in a Chinese line, the US Central zone elsewhere */
	same("2023-03-29 15:42 CST", "2023-03-29 15:42 -06:00");
	same("2023年3月29日 15:42 CST", "2023-03-29 15:42 +08:00");
	expect("来源：新华社 2023-03-29 15:42 CST", "2023-03-29 15:42 CST",
	       "2023-03-29 15:42 +08:00");
	/* 北京时间 after the time or before the date */
	same("2023-03-29 15:42 北京时间", "2023-03-29 15:42 +08:00");
	same("2023年3月29日 15:42（北京时间）", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 香港時間", "2023-03-29 15:42 +08:00");
	same("2023-03-29 15:42 台北时间", "2023-03-29 15:42 +08:00");
	expect("北京时间2023年3月29日 15:42", "2023年3月29日 15:42",
	       "2023-03-29 15:42 +08:00");
	expect("（北京时间）3月29日 15:42", "3月29日 15:42",
	       "--03-29 15:42 +08:00");
	/* a day alone has no instant: no zone */
	expect("北京时间3月29日晚", "3月29日", "--03-29");
	same("2023-03-29 15:42 UTC+14:00", "2023-03-29 15:42 +14:00");
	/* not zones: beyond UTC+14, a word, a number in prose */
	expect("2023-03-29 01:42-14:07", "2023-03-29 01:42",
	       "2023-03-29 01:42");
	expect("2023-03-29 15:42 West Bank", "2023-03-29 15:42",
	       "2023-03-29 15:42");
	expect("March 29, 2023 3:42 PM - 1500 attend", "March 29, 2023 3:42 PM",
	       "2023-03-29 15:42");
	expect("March 29, 2023 3:42 PM - 1200 attend", "March 29, 2023 3:42 PM",
	       "2023-03-29 15:42");
	same("2023-03-29 15:42 GMT + 8", "2023-03-29 15:42 +08:00");
}

/* ET by the US rules of each year: 2007 on, 1987-2006, before 1987. */
static void test_date_us_daylight(void **state)
{
	(void)state;
	same("1987-04-04 12:00 ET", "1987-04-04 12:00 -05:00");
	same("1987-04-05 12:00 ET", "1987-04-05 12:00 -04:00");
	same("1987-10-24 12:00 ET", "1987-10-24 12:00 -04:00");
	same("1987-10-25 12:00 ET", "1987-10-25 12:00 -05:00");
	same("1986-04-20 12:00 ET", "1986-04-20 12:00 -05:00");
	same("1986-04-27 12:00 ET", "1986-04-27 12:00 -04:00");
	same("2006-04-01 12:00 ET", "2006-04-01 12:00 -05:00");
	same("2006-04-02 12:00 ET", "2006-04-02 12:00 -04:00");
	same("2006-10-29 01:00 ET", "2006-10-29 01:00 -04:00");
	same("2006-11-01 12:00 ET", "2006-11-01 12:00 -05:00");
	same("2007-03-11 01:59 ET", "2007-03-11 01:59 -05:00");
	same("2007-03-11 03:00 ET", "2007-03-11 03:00 -04:00");
	same("2023-11-05 01:59 ET", "2023-11-05 01:59 -04:00");
	same("2023-11-05 02:00 ET", "2023-11-05 02:00 -05:00");
	/* no year: standard time until one is known */
	same("March 23 3:42 PM ET", "--03-23 15:42 -05:00");
}

static void test_date_chinese(void **state)
{
	(void)state;
	same("2023年3月29日", "2023-03-29");
	same("2023年03月29日15:42", "2023-03-29 15:42");
	same("2023年3月29日 15:42", "2023-03-29 15:42");
	same("2023年3月29日 星期三 15:42", "2023-03-29 15:42");
	same("2023年3月29日（周三）15:42", "2023-03-29 15:42");
	same("2023年03月29日 15时42分", "2023-03-29 15:42");
	same("2023年03月29日 15时42分07秒", "2023-03-29 15:42:07");
	same("2023年3月29日下午3:42", "2023-03-29 15:42");
	same("2023年3月29日晚上8点", "2023-03-29 20:00");
	same("2023年3月29日 上午10:05", "2023-03-29 10:05");
	/* the morning's twelve o'clock is past midnight */
	same("2024年2月20日 上午12:33", "2024-02-20 00:33");
	same("2023年3月29日 凌晨0:30", "2023-03-29 00:30");
	same("2023年3月29日 中午12:30", "2023-03-29 12:30");
	same("2023年3月29日下午三点半", "2023-03-29 15:30");
	same("3月29日 15:42", "--03-29 15:42");
	same("8月10日", "--08-10");
	same("3月29号", "--03-29");
	same("２０２３年３月２９日", "2023-03-29");
	same("２０２３年３月２９日 １５：４２", "2023-03-29 15:42");
	same("２０２３－０３－２９", "2023-03-29");
	same("二〇二三年三月二十九日", "2023-03-29");
	same("二〇二三年十二月三十一日", "2023-12-31");
	same("一九八七年十月一日", "1987-10-01");
	same("2023年3月29日 15:42:07", "2023-03-29 15:42:07");
	same("2026年3月10日 08:15", "2026-03-10 08:15");
	expect("2026年3月10日 08:15\xe3\x80\x80来源：澜州日报",
	       "2026年3月10日 08:15", "2026-03-10 08:15");
	expect("快 看 新闻 8 月 10 日 21 : 40", "8 月 10 日 21 : 40",
	       "--08-10 21:40");
	expect("今天（9月29日）以军称。", "9月29日", "--09-29");
	/* not dates */
	expect("29日", NULL, NULL);
	expect("2023年", NULL, NULL);
	expect("2023年3月", NULL, NULL);
	expect("十月革命", NULL, NULL);
	expect("第三十一日", NULL, NULL);
}

static void test_date_labels(void **state)
{
	(void)state;
	expect("发布时间：2023-03-29 15:42", "2023-03-29 15:42",
	       "2023-03-29 15:42 published");
	expect("發佈時間：2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("发布日期：2023年3月29日", "2023年3月29日",
	       "2023-03-29 published");
	expect("发表于 2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("發表於2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("更新时间：2023-03-29 15:42", "2023-03-29 15:42",
	       "2023-03-29 15:42 updated");
	expect("修改时间: 2023-03-29", "2023-03-29", "2023-03-29 updated");
	expect("时间：2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("日期：2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("Published 2023-03-29", "2023-03-29", "2023-03-29 published");
	expect("Published: March 29, 2023", "March 29, 2023",
	       "2023-03-29 published");
	expect("Posted March 29, 2023", "March 29, 2023",
	       "2023-03-29 published");
	expect("Posted on March 29, 2023", "March 29, 2023",
	       "2023-03-29 published");
	expect("Updated March 29, 2023", "March 29, 2023",
	       "2023-03-29 updated");
	expect("Last updated March 29, 2023 15:42", "March 29, 2023 15:42",
	       "2023-03-29 15:42 updated");
	expect("Date: Wed, 11 Mar 1987 18:11:46 GMT",
	       "Wed, 11 Mar 1987 18:11:46 GMT",
	       "1987-03-11 18:11:46 Z published");
	expect("publishdate : 2026 - 03 - 11 ; from : x ;", "2026 - 03 - 11",
	       "2026-03-11 published");
	expect("timestamp : 2023-03-29 15:42", "2023-03-29 15:42",
	       "2023-03-29 15:42 published");
	/* segmented */
	expect("发 布 时间 ： 2023 - 03 - 29", "2023 - 03 - 29",
	       "2023-03-29 published");
	expect("时间：北京时间 2023-03-29 15:42", "2023-03-29 15:42",
	       "2023-03-29 15:42 +08:00 published");
	/* not labels: inside a word, without their colon, not right before */
	expect("Mandate: 2023-03-29", "2023-03-29", "2023-03-29");
	expect("时间 2023-03-29", "2023-03-29", "2023-03-29");
	expect("Published by Herald on 2023-03-29", "2023-03-29", "2023-03-29");
}

static void test_date_segmented(void **state)
{
	(void)state;
	same("2023 - 03 - 29 15 : 42", "2023-03-29 15:42");
	expect("2023 - 03 - 29 15 : 42 来 源 ： 澎湃 新闻",
	       "2023 - 03 - 29 15 : 42", "2023-03-29 15:42");
	same("2023 年 3 月 29 日 15 : 42", "2023-03-29 15:42");
	same("March 29 , 2023", "2023-03-29");
	/* spaces alone do not separate a date's numbers */
	expect("2023 03 29", NULL, NULL);
	/* nor does a line end */
	expect("2023-03-29\n15:42", "2023-03-29", "2023-03-29");
}

static void test_date_relative(void **state)
{
	(void)state;
	same("3 hours ago", "ago 180");
	expect("Posted 3 hours ago", "3 hours ago", "ago 180 published");
	expect("Updated 2 hours ago", "2 hours ago", "ago 120 updated");
	same("5 mins ago", "ago 5");
	same("1 minute ago", "ago 1");
	same("30 seconds ago", "ago 0");
	same("3h ago", "ago 180");
	same("an hour ago", "ago 60");
	same("a minute ago", "ago 1");
	same("2 days ago", "days 2");
	same("a day ago", "days 1");
	same("2 weeks ago", "days 14");
	same("yesterday", "days 1");
	same("yesterday at 3:42 PM", "days 1 15:42");
	same("Yesterday, 15:42", "days 1 15:42");
	same("today 15:42", "days 0 15:42");
	same("just now", "ago 0");
	same("3小时前", "ago 180");
	same("3个小时前", "ago 180");
	same("三小时前", "ago 180");
	same("5分钟前", "ago 5");
	same("半小时前", "ago 30");
	same("2天前", "days 2");
	same("1周前", "days 7");
	same("昨天 15:42", "days 1 15:42");
	same("昨天下午3点", "days 1 15:00");
	same("今天 15:42", "days 0 15:42");
	same("前天 08:00", "days 2 08:00");
	same("刚刚", "ago 0");
	expect("发布时间：昨天", "昨天", "days 1 published");
	expect(" | Yesterday | ", "Yesterday", "days 1");
	/* day words in prose; units that are no minutes */
	expect("he said yesterday that", NULL, NULL);
	expect("Today, the company", NULL, NULL);
	expect("Just now, the", NULL, NULL);
	expect("他刚刚说", NULL, NULL);
	expect("昨天，国务院", NULL, NULL);
	expect("今日头条", NULL, NULL);
	expect("3 months ago", NULL, NULL);
	expect("3 hours later", NULL, NULL);
}

static void test_date_not_dates(void **state)
{
	(void)state;
	expect("version 3.5.1", NULL, NULL);
	expect("won 3-2", NULL, NULL);
	expect("at 12:30 3-2", NULL, NULL);
	expect("call 010-6512-3456", NULL, NULL);
	expect("+1 212-555-0100", NULL, NULL);
	expect("12:30", NULL, NULL);
	expect("12:30 in the afternoon", NULL, NULL);
	expect("in 2023", NULL, NULL);
	expect("Article 3591209", NULL, NULL);
	expect("1,750 to 1,780 dlrs", NULL, NULL);
	expect("at 10.30", NULL, NULL);
	expect("2023-02-30", NULL, NULL);
	expect("2023-02-29", NULL, NULL);
	expect("2023-13-01", NULL, NULL);
	expect("2023-03-32", NULL, NULL);
	expect("1899-12-31", NULL, NULL);
	expect("2200-01-01", NULL, NULL);
	expect("", NULL, NULL);
	same("2024-02-29", "2024-02-29");
	same("1900-01-01", "1900-01-01");
	same("2199-12-31", "2199-12-31");
	/* no date inside a number or a numeric date */
	expect("12023-03-29", NULL, NULL);
	expect("2023-03-291", NULL, NULL);
}

/* Every form meta.c reads today is read, to the same value (the lines of
 * test_meta.c and the forms of meta.c's date_at). */
static void test_date_meta_forms(void **state)
{
	(void)state;
	expect("By Ann Lee | March 11, 1987", "March 11, 1987", "1987-03-11");
	expect("Published March 12, 2026 at 6:30 PM",
	       "March 12, 2026 at 6:30 PM", "2026-03-12 18:30 published");
	expect("In 1986-05-26 the court ruled.", "1986-05-26", "1986-05-26");
	expect("Last updated 4 March 1987 20:16 | Section: general",
	       "4 March 1987 20:16", "1987-03-04 20:16 updated");
	expect("Capital Markets Wire \xc2\xb7 March 23", "March 23", "--03-23");
	expect("Posted 03/19/1987 by Betty Johnson", "03/19/1987",
	       "1987-03-19 published");
	expect("FRANKFURT, March 27 (Reuters) - West German banks", "March 27",
	       "--03-27");
	expect("来源：北辰新闻网2024-04-18 23:03", "2024-04-18 23:03",
	       "2024-04-18 23:03");
	expect("2024-03-12 20:48:02 字号：T|T", "2024-03-12 20:48:02",
	       "2024-03-12 20:48:02");
	expect("2026-03-12 14:06 UTC | Source: x", "2026-03-12 14:06 UTC",
	       "2026-03-12 14:06 Z");
	same("2023.3.29", "2023-03-29");
	same("2023年3月29号", "2023-03-29");
	same("2026/3/14 09:30", "2026-03-14 09:30");
	same("13 Mar 2026", "2026-03-13");
	same("Mar 13, 2026", "2026-03-13");
}

/* rp__date_at at a position: nothing inside a number or a word. */
static void test_date_at(void **state)
{
	const char *s = "On 2023-03-29 at 15:42";
	rp__date d;
	(void)state;
	assert_int_equal(rp__date_at(s, strlen(s), 3, &d), 19);
	assert_int_equal(d.h, 15);
	assert_int_equal(rp__date_at(s, strlen(s), 4, &d), 0);
	assert_int_equal(rp__date_at(s, strlen(s), 8, &d), 0);
	assert_int_equal(rp__date_at(s, strlen(s), 2, &d), 0);
	assert_int_equal(rp__date_at(s, strlen(s), 99, &d), 0);
	/* cut short: the date in the bytes given */
	assert_int_equal(rp__date_at(s, 13, 3, &d), 10);
	assert_int_equal(d.h, -1);
	assert_int_equal(rp__date_at(s, 21, 3, &d), 10);
	assert_int_equal(rp__date_at("Markets", 7, 0, &d), 0);
	assert_int_equal(rp__date_at("xMarch 5", 8, 1, &d), 0);
}

static int64_t minutes_of(const char *s, int swap)
{
	rp__date d;
	size_t at;
	if (!rp__date_find(s, strlen(s), &d, &at))
		fail_msg("'%s': no date read", s);
	return rp__date_minutes(&d, swap);
}

static void test_date_minutes(void **state)
{
	(void)state;
	assert_int_equal(minutes_of("1970-01-01 00:00Z", 0), 0);
	assert_int_equal(minutes_of("1970-01-02", 0), 1440);
	/* 2000-03-01 is day 11017; 1900-01-01 day -25567 */
	assert_int_equal(minutes_of("2000-03-01 00:01", 0), 11017 * 1440 + 1);
	assert_int_equal(minutes_of("1900-01-01", 0), -25567LL * 1440);
	assert_int_equal(minutes_of("2199-12-31", 0), 84005LL * 1440);
	/* zones applied */
	assert_int_equal(minutes_of("2023-03-29T15:42:07+08:00", 0),
			 minutes_of("2023-03-29T07:42Z", 0));
	assert_int_equal(minutes_of("2023-03-29 15:42 北京时间", 0),
			 minutes_of("2023-03-29T07:42Z", 0));
	assert_int_equal(minutes_of("Mar 29, 2023 3:42 PM ET", 0),
			 minutes_of("2023-03-29T19:42Z", 0));
	assert_int_equal(minutes_of("Jan 29, 2023 3:42 PM ET", 0),
			 minutes_of("2023-01-29T20:42Z", 0));
	assert_int_equal(minutes_of("2023-03-29 00:10 +0100", 0),
			 minutes_of("2023-03-28T23:10Z", 0));
	assert_int_equal(minutes_of("2023-03-29 15:42 IST", 0),
			 minutes_of("2023-03-29T10:12Z", 0));
	/* an ambiguous date the other way; others are not swapped */
	assert_int_equal(minutes_of("09/04/1987", 1),
			 minutes_of("1987-04-09", 0));
	assert_int_equal(minutes_of("04.09.1987", 1),
			 minutes_of("1987-04-09", 0));
	assert_int_equal(minutes_of("29/03/2023", 1),
			 minutes_of("2023-03-29", 0));
	/* ET swapped: daylight time worked out for the other day */
	assert_int_equal(minutes_of("01/04/2023 12:00 ET", 1),
			 minutes_of("2023-04-01T16:00Z", 0));
	assert_int_equal(minutes_of("01/04/2023 12:00 ET", 0),
			 minutes_of("2023-01-04T17:00Z", 0));
	/* nothing to place */
	assert_true(minutes_of("March 23", 0) == RP__DATE_NONE);
	assert_true(minutes_of("3 hours ago", 0) == RP__DATE_NONE);
}

static rp__date read1(const char *s)
{
	rp__date d;
	size_t at;
	memset(&d, 0, sizeof d);
	assert_true(rp__date_find(s, strlen(s), &d, &at));
	return d;
}

static void expect_resolved(const char *rel, const char *ref, const char *want)
{
	rp__date a = read1(rel), b = read1(ref), r;
	char got[64];
	if (!want) {
		assert_false(rp__date_resolve(&a, &b, &r));
		return;
	}
	assert_true(rp__date_resolve(&a, &b, &r));
	assert_int_equal(r.relative, RP__DATE_ABSOLUTE);
	describe(&r, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("'%s' at '%s': '%s', not '%s'", rel, ref, got, want);
}

static void test_date_resolve(void **state)
{
	(void)state;
	/* to the minute against a time, in the reference's zone */
	expect_resolved("3 hours ago", "2023-03-29 15:42", "2023-03-29 12:42");
	expect_resolved("3 hours ago", "2023-03-29 01:42+08:00",
			"2023-03-28 22:42 +08:00");
	expect_resolved("Posted 5 mins ago", "2023-01-01 00:02",
			"2022-12-31 23:57 published");
	expect_resolved("刚刚", "2023-03-29 15:42", "2023-03-29 15:42");
	/* against a day alone: that day less whole days */
	expect_resolved("3 hours ago", "2023-03-29", "2023-03-29");
	expect_resolved("30 hours ago", "2023-03-29", "2023-03-28");
	/* days before, at the time given */
	expect_resolved("yesterday", "2023-03-01 15:42", "2023-02-28");
	expect_resolved("昨天 15:42", "2023-03-29 08:00", "2023-03-28 15:42");
	expect_resolved("前天 08:00", "2024-03-01", "2024-02-28 08:00");
	expect_resolved("today 15:42", "2023-03-29 08:00 +08:00",
			"2023-03-29 15:42 +08:00");
	expect_resolved("2天前", "2023-03-29 08:00", "2023-03-27");
	expect_resolved("yesterday at 3:42 PM ET", "2023-03-13 08:00",
			"2023-03-12 15:42 -04:00");
	/* absolute: copied; without a year, the latest not after ref */
	expect_resolved("1987-03-11", "2023-03-29", "1987-03-11");
	expect_resolved("March 23", "2023-03-29", "2023-03-23");
	expect_resolved("March 30", "2023-03-29", "2023-03-30");
	expect_resolved("December 30", "2023-01-02", "2022-12-30");
	expect_resolved("March 23 3:42 PM ET", "2023-03-29",
			"2023-03-23 15:42 -04:00");
	expect_resolved("Feb 29", "2023-03-29", NULL);
	/* out of range, or a reference without a year */
	expect_resolved("2 days ago", "1900-01-01", NULL);
	expect_resolved("3 hours ago", "March 23", NULL);
	expect_resolved("3 hours ago", "2 hours ago", NULL);
}

static void test_date_format(void **state)
{
	rp__date d = read1("2023-03-29T15:42:07-05:30");
	char out[32];
	(void)state;
	assert_int_equal(rp__date_format(&d, out, sizeof out), 22);
	assert_string_equal(out, "2023-03-29 15:42-05:30");
	d = read1("1987-04-09 14:05 UTC");
	assert_int_equal(rp__date_format(&d, out, sizeof out), 17);
	assert_string_equal(out, "1987-04-09 14:05Z");
	d = read1("1987-04-09");
	assert_int_equal(rp__date_format(&d, out, sizeof out), 10);
	assert_string_equal(out, "1987-04-09");
	/* too small: nothing, and "" */
	assert_int_equal(rp__date_format(&d, out, 10), 0);
	assert_string_equal(out, "");
	assert_int_equal(rp__date_format(&d, out, 0), 0);
	/* nothing to write */
	d = read1("March 23");
	assert_int_equal(rp__date_format(&d, out, sizeof out), 0);
	d = read1("3 hours ago");
	assert_int_equal(rp__date_format(&d, out, sizeof out), 0);
	d = read1("1987-04-09");
	d.mo = 13;
	assert_int_equal(rp__date_format(&d, out, sizeof out), 0);
}

/* Every date read formats, and the text reads back to the same minute. */
static void test_date_round_trip(void **state)
{
	static const char *const texts[] = {
		"Wed, 11 Mar 1987 18:11:46 GMT",
		"2023-03-29T15:42:07-05:30",
		"Wednesday, March 29, 2023 3:42 PM ET",
		"2023年3月29日 15:42 CST",
		"09/04/1987",
		"19870409 1405Z",
		"2023-03-29 15:42 北京时间",
		"1987-10-25 01:30 ET"};
	size_t k;
	(void)state;
	for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		rp__date a = read1(texts[k]), b;
		char out[48];
		size_t n = rp__date_format(&a, out, sizeof out);
		assert_true(n > 0);
		assert_int_equal(rp__date_at(out, n, 0, &b), n);
		assert_true(rp__date_minutes(&a, 0) == rp__date_minutes(&b, 0));
	}
}

/* Any bytes: every prefix of hostile and random texts, read from every
 * position, in buffers of their exact length (the sanitizer sees any
 * read past them); spans stay inside. */
static void test_date_any_bytes(void **state)
{
	static const char *const texts[] = {
		"2023-03-29T15:42:07.123+08:00 \xe5\x8c\x97\xe4\xba\xac",
		"\xe2\x80\x83\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93"
		"\xe5"
		"\xb9\xb4\xe4\xb8\x89\xe6\x9c\x88",
		"\xff\xfe 2023-\xe3\x80\x80"
		"03\xc2-29 \xe5\x8f",
		"Wed, 11 Mar 87 18:11:46 GMT+14:00 (ET)",
		"\xe4\xba\x8c\xe3\x80\x87\xe4\xba\x8c\xe4\xb8\x89\xe5\xb9\xb4"};
	uint64_t seed = 7;
	char *buf;
	size_t k, n, i, len;
	rp__date d;
	(void)state;
	for (k = 0; k < sizeof texts / sizeof texts[0] + 200; k++) {
		char rnd[64];
		const char *t = k < 5 ? texts[k] : rnd;
		len = k < 5 ? strlen(t) : sizeof rnd;
		for (i = 0; k >= 5 && i < sizeof rnd; i++)
			rnd[i] = "2023-/.:T +Z\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97"
				 "\xa5 PMar\xef\xbc\x9a"[tu_rand(&seed) % 28];
		for (n = 0; n <= len; n++) {
			buf = malloc(n ? n : 1);
			assert_non_null(buf);
			memcpy(buf, t, n);
			for (i = 0; i < n; i++)
				assert_true(rp__date_at(buf, n, i, &d) <=
					    n - i);
			if (rp__date_find(buf, n, &d, &i))
				assert_true(i < n);
			free(buf);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_iso),
		cmocka_unit_test(test_date_numeric),
		cmocka_unit_test(test_date_month_names),
		cmocka_unit_test(test_date_clock),
		cmocka_unit_test(test_date_zones),
		cmocka_unit_test(test_date_us_daylight),
		cmocka_unit_test(test_date_chinese),
		cmocka_unit_test(test_date_labels),
		cmocka_unit_test(test_date_segmented),
		cmocka_unit_test(test_date_relative),
		cmocka_unit_test(test_date_not_dates),
		cmocka_unit_test(test_date_meta_forms),
		cmocka_unit_test(test_date_at),
		cmocka_unit_test(test_date_minutes),
		cmocka_unit_test(test_date_resolve),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_date_any_bytes),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
