/*
 * furniture.c - built-in rules that recognise page furniture in text
 * browser dumps, line by line: image placeholders and button lines,
 * bullet navigation, navigation bars, share / app-download / sign-in
 * lines, lynx and w3m link lists, and CMS metadata lines.
 *
 * The rules are conservative on purpose: each applies only to short lines
 * (a rule never looks at a line of prose longer than MAX_FURN_CPS code
 * points), so an article paragraph is never dropped by them. What they
 * miss is learned from the corpus (boilerplate.c).
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "furniture.h"
#include "utf8.h"

#define MAX_FURN_CPS  48 /* longer lines are never furniture by rule */
#define MAX_ITEM_CPS  14 /* a bullet or navigation item */
#define MAX_IMG_TOKEN 200

/* Code points of s[0..n) that are neither spaces nor ASCII punctuation,
 * counted up to a little past cap (more is all the callers need). */
static size_t solid_cps_upto(const char *s, size_t n, size_t cap)
{
	/* ASCII letters and digits */
	static const unsigned char alnum[128] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1,
		['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
		['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
		['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
		['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
		['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
		['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
		['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
		['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
		['y'] = 1, ['z'] = 1};
	size_t i = 0, c = 0, adv;
	while (i < n && c <= cap) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			c += alnum[b];
			i++;
			continue;
		}
		if (rp__utf8_decode((const unsigned char *)s + i, n - i,
				    &adv) != 0x3000 &&
		    !(n - i >= 3 && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0))
			c++;
		i += adv;
	}
	return c;
}

static size_t solid_cps(const char *s, size_t n)
{
	return solid_cps_upto(s, n, SIZE_MAX - 1);
}

/* Does the bracket group s[0..n) (from '[' to ']') name an image? */
static int image_token(const char *s, size_t n)
{
	static const char *const ext[] = {"png", "jpg",  "jpeg", "gif",
					  "svg", "webp", "bmp"};
	char tail[8];
	size_t k = 0, i, e;
	if (n >= 5 &&
	    (strncmp(s + 1, "IMG", 3) == 0 || strncmp(s + 1, "img", 3) == 0))
		return 1;
	/* the last letters before ']', spaces ignored, after a '.' */
	for (i = n - 1; i > 0 && k < sizeof tail - 1; i--) {
		char c = s[i - 1];
		if (c == ' ')
			continue;
		if (c == '.')
			break;
		tail[k++] = (char)tolower((unsigned char)c);
	}
	if (i == 0 || s[i - 1] != '.')
		return 0;
	for (i = 0; i < k / 2; i++) {
		char t = tail[i];
		tail[i] = tail[k - 1 - i];
		tail[k - 1 - i] = t;
	}
	tail[k] = '\0';
	for (e = 0; e < sizeof ext / sizeof ext[0]; e++)
		if (strcmp(tail, ext[e]) == 0)
			return 1;
	return 0;
}

/* Only bracket groups, parenthesised notes, underscores, bars and space:
 * image placeholders and buttons ("[ BUTTON Input ] ( note )
 * ____", "[ Print this story ] [ Email ]"). */
static int only_groups(const char *s, size_t n)
{
	size_t i = 0, groups = 0, images = 0, notes = 0;
	while (i < n) {
		char c = s[i];
		if (c == '[' || c == '(') {
			char close = c == '[' ? ']' : ')';
			const char *e = memchr(s + i, close, n - i);
			if (!e || (size_t)(e - (s + i)) > MAX_IMG_TOKEN)
				return 0;
			if (c == '[') {
				groups++;
				images += image_token(s + i,
						      (size_t)(e - (s + i)) +
							      1) != 0;
			} else {
				notes++;
			}
			i = (size_t)(e - s) + 1;
		} else if (c == ' ' || c == '_' || c == '|' || c == '\t') {
			i++;
		} else {
			return 0;
		}
	}
	/* a lone bracketed phrase of prose stays unless it names an image
	 * or the line holds several groups (a row of buttons) */
	return groups > 0 && (images > 0 || groups + notes >= 2 ||
			      solid_cps(s, n) <= MAX_FURN_CPS / 2);
}

static int starts_with(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(s, p, k) == 0;
}

/* "* 国内", "• Sport", "- Home": a short bullet item. */
static int bullet(const char *s, size_t n)
{
	size_t skip;
	if (starts_with(s, n, "* ") || starts_with(s, n, "- ") ||
	    starts_with(s, n, "+ "))
		skip = 2;
	else if (starts_with(s, n, "\xE2\x80\xA2")) /* • */
		skip = 3;
	else
		return 0;
	return solid_cps(s + skip, n - skip) <= MAX_ITEM_CPS;
}

/* "Home | Local | Sport | ...": three or more short items between bars. */
static int navbar(const char *s, size_t n)
{
	size_t i, start = 0, items = 0;
	for (i = 0; i <= n; i++)
		if (i == n || s[i] == '|') {
			size_t c = solid_cps(s + start, i - start);
			if (c > MAX_ITEM_CPS)
				return 0;
			items += c > 0;
			start = i + 1;
		}
	return items >= 3;
}

/* s without spaces (ASCII and U+3000), ASCII lowercased, into out (cap
 * bytes); the length, or 0 when it does not fit. */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (s[i] == '\xE3' && n - i >= 3 &&
		    memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 2;
			continue;
		}
		if (k + 1 >= cap)
			return 0;
		out[k++] =
			(char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	out[k] = '\0';
	return k;
}

/* Short lines that ask the reader to share, download, sign in, react or
 * reload, in the languages of the corpora we meet. Words in `inside` are
 * distinctive enough to mark a short line anywhere in it; words in
 * `whole` only when they are the whole line. Spaces are ignored, so
 * word-segmented dumps match too. */
static int share(const char *s, size_t n)
{
	static const char *const inside[] = {
		"分享到",        "分享至",           "分享给",
		"微信好友",      "朋友圈",           "qq好友",
		"扫一扫",        "二维码",           "客户端",
		"打开app",       "下载app",          "阅读剩余全文",
		"请刷新",        "加载中",           "请稍候",
		"返回顶部",      "收藏本站",         "sharethis",
		"shareon",       "sharethisarticle", "emailthis",
		"printthis",     "downloadtheapp",   "openapp",
		"openinapp",     "signin",           "login",
		"subscribe",     "followus",         "cookie",
		"privacypolicy", "termsofuse",       "advertisement",
		"clickhere",     "visiblelinks",     "hiddenlinks"};
	static const char *const whole[] = {
		"返回",  "开心",   "难过",  "点赞",    "飘过",  "分享",
		"收藏",  "评论",   "登录",  "注册",    "首页",  "references",
		"share", "print",  "email", "comment", "tweet", "home",
		"menu",  "search", "close"};
	char sq[4 * MAX_FURN_CPS + 64];
	unsigned char seen[256];
	size_t k, len = squeeze(s, n, sq, sizeof sq), i;
	if (len == 0)
		return 0;
	/* the whole-line words are at most 10 bytes */
	for (k = 0; len <= 10 && k < sizeof whole / sizeof whole[0]; k++)
		if (strcmp(sq, whole[k]) == 0)
			return 1;
	/* which byte values the line has: a word with a byte the line lacks
	 * cannot be in it, and most are ruled out without a search */
	memset(seen, 0, sizeof seen);
	for (i = 0; i < len; i++)
		seen[(unsigned char)sq[i]] = 1;
	for (k = 0; k < sizeof inside / sizeof inside[0]; k++) {
		const unsigned char *w = (const unsigned char *)inside[k];
		for (; *w; w++)
			if (!seen[*w])
				break;
		if (!*w && strstr(sq, inside[k]))
			return 1;
	}
	return 0;
}

/* "12. https://example.com/a": lynx and w3m link lists. */
static int link_item(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i >= n || s[i] != '.')
		return 0;
	i++;
	while (i < n && s[i] == ' ')
		i++;
	return starts_with(s + i, n - i, "http://") ||
	       starts_with(s + i, n - i, "https://") ||
	       starts_with(s + i, n - i, "ftp://") ||
	       starts_with(s + i, n - i, "file://");
}

/* "catalogs : 1 ; contentid : 2 ; publishdate : ...",
 * "keywords=acq; pubdate=19870319; origin=...": CMS metadata lines. */
static int metaline(const char *s, size_t n)
{
	size_t i, semis = 0, pairs = 0;
	if (!memchr(s, ';', n))
		return 0; /* most lines: one fast search */
	for (i = 0; i < n; i++) {
		semis += s[i] == ';';
		pairs += s[i] == ':' || s[i] == '=';
	}
	return semis >= 2 && pairs >= 3;
}

int rp__furniture_line(const char *line, size_t len)
{
	/* trim ASCII space and U+3000 */
	while (len && (line[0] == ' ' || line[0] == '\t' || line[0] == '\r'))
		line++, len--;
	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
		       line[len - 1] == '\r'))
		len--;
	while (len >= 3 && memcmp(line, "\xE3\x80\x80", 3) == 0)
		line += 3, len -= 3;
	if (len == 0)
		return RP__FURN_EMPTY;
	if (link_item(line, len))
		return RP__FURN_LINKS;
	if (metaline(line, len))
		return RP__FURN_METALINE;
	/* a line of at most MAX_FURN_CPS bytes has no more code points */
	if (len > MAX_FURN_CPS &&
	    solid_cps_upto(line, len, MAX_FURN_CPS) > MAX_FURN_CPS)
		return RP__FURN_KEEP;
	if (only_groups(line, len))
		return RP__FURN_IMAGES;
	if (bullet(line, len))
		return RP__FURN_BULLET;
	if (navbar(line, len))
		return RP__FURN_NAVBAR;
	if (share(line, len))
		return RP__FURN_SHARE;
	return RP__FURN_KEEP;
}
