/* date.h - dates read from text as values: the many ways news pages print
 * a publish time (ISO 8601, RFC 2822, "Mar. 11, 1987 2:05 p.m. EDT",
 * "2023年3月29日 下午3:42", "3 hours ago", "昨天 15:42" ...), read to the
 * minute with their zone, turned into minutes since the epoch, resolved
 * against another date when relative, and written back as ISO text.
 * Reading is in date.c and the files it names (their shared parts in
 * date_read.h), the calendar in date_calc.c.
 *
 * What is read, and what is not (see the tests for every form):
 * - Text may be word-segmented: spaces (and the ideographic space, NBSP)
 *   are skipped between any two tokens, inside labels too ("发 布 时间
 *   ："), but a date never spans a line and "2023 03 29" (spaces only) is
 *   not one. Full-width digits and punctuation read as ASCII; Chinese
 *   numerals (二〇二三年三月二十九日) are read in the 年月日 form.
 * - Numeric day and month both <= 12 and different, in a form where
 *   either order is used, are read month-first for '/' (09/04/1987) and
 *   day-first for '.' and '-' (04.09.1987, 04-09-1987), and marked
 *   ambiguous; the caller may swap by source. The year-less "03-29
 *   15:42" is read month-first and not marked (it is ISO order with the
 *   year dropped); the year-less "3/4 15:42" is marked as '/' is.
 * - Two-digit years are read only in a timestamp, where a time of day
 *   follows or comes before (3/29/23 3:42 PM, Wed, 11 Mar 87 18:11:46
 *   GMT): 00-69 are 2000-2069, 70-99 are 1970-1999 (POSIX %y). Alone,
 *   "29/03/23" is as likely a score, a fraction or a reference.
 * - An eight-digit YYYYMMDD is a date only after a label (pubdate=
 *   19870319) or with a time of day (19870409T1405, 19870409 1405Z):
 *   alone it is more often an id.
 * - Month names in any case, whole words ("Markets" is not March), with
 *   a day next to them; "may" only as "May" (else it is the verb).
 * - Years are 1900..2199; a date must exist (2023-02-30 is none).
 * - "CST" is China Standard Time (+8) when the line holds a CJK
 *   character, US Central (-6) otherwise. ET, CT, MT and PT follow the
 *   US daylight-saving rules of the year: from 2007 the second Sunday of
 *   March to the first Sunday of November, 1987-2006 the first Sunday
 *   of April to the last Sunday of October, before 1987 the last Sunday
 *   of April to the last Sunday of October (the 1974-75 exceptions are
 *   not kept), changing at 02:00 local time.
 * - A zone is kept only with a time of day: a day alone has no instant.
 * - Day words alone (today, yesterday, 今天, 昨天, 前天, 刚刚, just now)
 *   start sentences in prose ("昨天，国务院..."): they are read only with a
 *   time of day, after a label, or alone on their line.
 * - Days and weeks ago ("2 days ago", "2天前") are RP__DATE_DAYREL, a day
 *   without a time: pages round them; seconds, minutes and hours ago are
 *   RP__DATE_AGO in minutes. Months and years ago are not read.
 *
 * Nothing here allocates, prints or keeps state; any bytes may be read
 * (ill-formed UTF-8 too) and nothing is read past s + n. */
#ifndef RP_DATE_H
#define RP_DATE_H

#include <stddef.h>
#include <stdint.h>

/* rp__date.relative */
enum rp__date_rel {
	RP__DATE_ABSOLUTE = 0,
	RP__DATE_AGO = 1,    /* `ago` minutes before the reference time */
	RP__DATE_DAYREL = 2, /* `days` days before the reference day */
};

/* rp__date.label: the label standing right before the date */
enum rp__date_label {
	RP__LABEL_NONE = 0,
	/* 发布时间, 發佈時間, 发布日期, 发表于, 時間：, 日期：, Published,
	 * Posted (on), pubdate, publishdate, Date:, timestamp ... */
	RP__LABEL_PUBLISHED = 1,
	/* Updated, Last updated, Modified, 更新时间, 更新于, 修改时间 ... */
	RP__LABEL_UPDATED = 2,
};

/* rp__date_minutes of what cannot be placed in time. */
#define RP__DATE_NONE INT64_MIN

/* The farthest zone from UTC, in minutes: UTC+14 (Kiribati). */
#define RP__DATE_ZONE_MAX (14 * 60)

/* A date as read from text. */
typedef struct rp__date {
	int y, mo, d; /* y == 0: the text gave no year */
	int h, mi, s; /* h == -1: no time of day (mi, s are 0 then) */
	int zone;     /* minutes east of UTC, when zoned */
	/* the text named a zone or an offset for the time of day (Z, +0800,
	 * GMT, EDT, ET, 北京时间 ...) */
	unsigned char zoned;
	/* 1..4: a US zone named without standard or daylight (ET, CT, MT,
	 * PT); zone is the offset as read (daylight time applied when the
	 * year is known), and rp__date_minutes and rp__date_format work it
	 * out again from the date they use (swapped, or a year set later) */
	unsigned char zone_us;
	/* day and month could be read the other way (see above) */
	unsigned char ambiguous;
	unsigned char relative; /* enum rp__date_rel */
	unsigned char label;    /* enum rp__date_label */
	int ago;                /* minutes, for RP__DATE_AGO */
	/* for RP__DATE_DAYREL: 0 today, 1 yesterday, 2 the day before, at
	 * h:mi if given */
	int days;
} rp__date;

/* The date that starts at s[i] (within s[0..n)) into *out; returns the
 * bytes it spans from s[i] (0: no date starts there, *out unchanged). A
 * label or a zone standing right before s[i] ("发布时间：", "北京时间")
 * is looked for and reported, but not spanned. */
size_t rp__date_at(const char *s, size_t n, size_t i, rp__date *out);

/* The first date in s[0..n) into *out, its start in *at (where
 * rp__date_at reads it); 1 if found, 0 if not. */
int rp__date_find(const char *s, size_t n, rp__date *out, size_t *at);

/* Minutes since 1970-01-01 00:00 UTC, or of the page's own clock when
 * !zoned; a date without a time of day is taken at 00:00. swap: read an
 * ambiguous date the other way. RP__DATE_NONE when y == 0, relative, or
 * the fields are out of range. */
int64_t rp__date_minutes(const rp__date *d, int swap);

/* Resolve rel against ref (absolute, with a year) into *out: 1 on
 * success, 0 if ref cannot serve or the result is out of range.
 * Precision follows what both give: "3 hours ago" against a time of day
 * is to the minute, in ref's zone; against a day alone it is that day
 * less whole days (180 minutes ago: the same day). "昨天 15:42" is the
 * day before ref's at 15:42 (its zone if it named one, else ref's). An
 * absolute rel is copied; without a year it takes the latest year that
 * puts it no more than a day after ref (a page of January 2 speaks of
 * December 30 of the year before). */
int rp__date_resolve(const rp__date *rel, const rp__date *ref, rp__date *out);

/* "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" with a time of day, then "Z" or
 * "+HH:MM" when zoned, NUL-terminated into out[0..cap): its length, or 0
 * (out "" if cap > 0) when it does not fit, y == 0, relative or out of
 * range. rp__date_at reads the text back to the same minute. */
size_t rp__date_format(const rp__date *d, char *out, size_t cap);

/* Between the reader and date_calc.c: are the fields in range, does the day
 * exist (Feb 29 does when y == 0)? */
int rp__date_valid(const rp__date *d);
/* The zone's offset in minutes for d read as given (swap: the other way),
 * daylight time worked out for zone_us. */
int rp__date_zone(const rp__date *d, int swap);

#endif
