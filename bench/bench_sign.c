/*
 * bench_sign.c - throughput of each stage of reprint on a generated corpus,
 * through the public API only.
 *
 *   bench_sign [--mb N] [--lang en|zh] [--runs R] [--write-corpus FILE]
 *              [--only normalize|sign|set|page] [--vocab N]
 *
 * --runs 0 with --write-corpus writes the corpus and stops; --only runs
 * one signer stage and nothing else (for profilers).
 *
 * The corpus is made here from a fixed seed: documents of 2-6 KB built
 * from a vocabulary of English words (or of common Chinese characters),
 * with punctuation and line breaks, and one in five documents a near copy
 * of an earlier one (a sentence dropped, a few words changed), so the
 * matching stages have real work. Figures are medians over R runs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reprint.h"

static const char *const en_words[] = {
	"the",       "of",         "and",       "to",        "a",
	"in",        "that",       "is",        "was",       "he",
	"for",       "it",         "with",      "as",        "his",
	"on",        "be",         "at",        "by",        "had",
	"are",       "but",        "from",      "or",        "have",
	"an",        "they",       "which",     "one",       "you",
	"were",      "all",        "we",        "her",       "she",
	"there",     "would",      "their",     "will",      "when",
	"who",       "him",        "been",      "has",       "more",
	"if",        "no",         "out",       "so",        "said",
	"what",      "up",         "its",       "about",     "than",
	"into",      "them",       "can",       "only",      "other",
	"new",       "some",       "could",     "time",      "these",
	"two",       "may",        "first",     "then",      "do",
	"any",       "like",       "my",        "now",       "over",
	"such",      "our",        "man",       "me",        "even",
	"most",      "made",       "after",     "also",      "did",
	"many",      "before",     "must",      "through",   "back",
	"years",     "where",      "much",      "your",      "way",
	"well",      "down",       "should",    "because",   "each",
	"just",      "those",      "people",    "how",       "too",
	"little",    "state",      "good",      "very",      "make",
	"world",     "still",      "own",       "see",       "men",
	"work",      "long",       "get",       "here",      "between",
	"both",      "life",       "being",     "under",     "never",
	"day",       "same",       "another",   "know",      "while",
	"last",      "might",      "us",        "great",     "old",
	"year",      "off",        "come",      "since",     "against",
	"go",        "came",       "right",     "used",      "take",
	"three",     "government", "company",   "market",    "minister",
	"percent",   "shares",     "billion",   "million",   "officials",
	"reported",  "quarter",    "council",   "project",   "bridge",
	"ferry",     "electric",   "battery",   "contract",  "agreement",
	"president", "bank",       "prices",    "growth",    "election",
	"court",     "police",     "hospital",  "school",    "budget",
	"weather",   "storm",      "harbour",   "railway",   "airport",
	"energy",    "exports",    "investors", "profit",    "losses",
	"Tuesday",   "Wednesday",  "Reuters",   "spokesman", "according"};

/* 200 frequent Chinese characters, as UTF-8 */
static const char zh_chars[] =
	"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成"
	"会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着"
	"等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
	"性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新"
	"线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公"
	"无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
	"设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运"
	"农指几九区强放决西被干做必战先回则任取据处府研";

typedef struct rng {
	uint64_t s;
} rng;

static uint64_t next(rng *r)
{
	uint64_t x = (r->s += 0x9e3779b97f4a7c15u);
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

/* --vocab N: words beyond the 200 above are made of letters, so that a
 * large corpus has the vocabulary (and the low background similarity) of
 * real text; 0 keeps the 200 words. */
static size_t vocab;

static size_t make_word(size_t k, char *out)
{
	/* 3 to 9 letters drawn from a hash of k */
	uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15u;
	size_t n = 3 + (size_t)(h >> 61), i;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	for (i = 0; i < n; i++) {
		out[i] = (char)('a' + (h % 26));
		h = h / 26 ^ (h << 37);
	}
	return n;
}

static size_t pick(rng *r, size_t n)
{
	/* skewed towards the front, roughly like word frequencies */
	uint64_t a = next(r) % n, b = next(r) % n;
	return (size_t)(a < b ? a : b);
}

typedef struct corpus {
	char *text;
	size_t len;
	size_t *off, *dlen;
	size_t n;
} corpus;

static void gen_doc(rng *r, int zh, char *out, size_t *len, size_t target)
{
	size_t n = 0, words = 0;
	size_t nz = (sizeof zh_chars - 1) / 3;
	while (n < target) {
		if (zh) {
			size_t c = pick(r, nz);
			memcpy(out + n, zh_chars + 3 * c, 3);
			n += 3;
		} else {
			size_t nw = sizeof en_words / sizeof en_words[0];
			size_t k = pick(r, vocab > nw ? vocab : nw);
			if (words)
				out[n++] = ' ';
			if (k < nw) {
				memcpy(out + n, en_words[k],
				       strlen(en_words[k]));
				n += strlen(en_words[k]);
			} else {
				n += make_word(k, out + n);
			}
		}
		words++;
		if (next(r) % 14 == 0) {
			if (zh) {
				memcpy(out + n, "，", 3);
				n += 3;
			} else {
				out[n++] = ',';
			}
		}
		if (next(r) % 18 == 0) {
			if (zh) {
				memcpy(out + n, "。\n", 4);
				n += 4;
			} else {
				out[n++] = '.';
				out[n++] = '\n';
			}
		}
	}
	*len = n;
}

static int make_corpus(corpus *c, size_t mb, int zh)
{
	rng r = {42};
	size_t cap = mb * 1000000 + 16384, i;
	c->text = malloc(cap);
	c->off = malloc((cap / 1000 + 1) * sizeof *c->off);
	c->dlen = malloc((cap / 1000 + 1) * sizeof *c->dlen);
	if (!c->text || !c->off || !c->dlen)
		return -1;
	c->len = c->n = 0;
	while (c->len + 8192 < cap) {
		size_t target = 2000 + (size_t)(next(&r) % 4000), len;
		char *d = c->text + c->len;
		if (c->n > 10 && next(&r) % 5 == 0) {
			/* near copy of an earlier document */
			size_t src = (size_t)(next(&r) % c->n);
			size_t sl = c->dlen[src], cut = sl / 10;
			memcpy(d, c->text + c->off[src], sl - cut);
			len = sl - cut;
			/* cut and edit whole characters: the text stays
			 * valid UTF-8 */
			while (len > 0 &&
			       ((unsigned char)c->text[c->off[src] + len] &
				0xC0) == 0x80)
				len--;
			for (i = 0; i < 3 && len > 8; i++) {
				size_t at = (size_t)(next(&r) % len);
				while (at > 0 &&
				       ((unsigned char)d[at] & 0xC0) == 0x80)
					at--;
				if (!zh)
					d[at] = 'x';
				else if (((unsigned char)d[at] & 0xF0) ==
						 0xE0 &&
					 at + 3 <= len)
					memcpy(d + at, d, 3);
			}
		} else {
			gen_doc(&r, zh, d, &len, target);
		}
		c->off[c->n] = c->len;
		c->dlen[c->n++] = len;
		c->len += len;
	}
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* mode 0: normalize only; 1: sign without set; 2: sign with set */
static double signer_pass(const corpus *c, const rp_config *cfg, int mode)
{
	rp_signer *s;
	rp_signature sig;
	size_t i;
	double t0, sink = 0;
	if (rp_signer_new(&s, cfg) != RP_OK)
		return -1;
	t0 = now();
	for (i = 0; i < c->n; i++) {
		const char *t = c->text + c->off[i];
		if (mode == 0) {
			const char *o;
			size_t ol;
			rp_signer_normalize(s, t, c->dlen[i], &o, &ol);
			sink += (double)ol;
		} else {
			rp_signer_sign(s, t, c->dlen[i], mode == 2, &sig);
			sink += (double)sig.simhash;
		}
	}
	t0 = now() - t0;
	rp_signer_free(s);
	return sink >= 0 ? t0 : t0;
}

static int ctx_pass(const corpus *c, const rp_config *cfg, rp_stats *st,
		    double *wall)
{
	rp_ctx *ctx;
	size_t i;
	char id[32];
	double t0 = now();
	if (rp_ctx_new(&ctx, cfg) != RP_OK)
		return -1;
	for (i = 0; i < c->n; i++) {
		rp_doc d = {0};
		snprintf(id, sizeof id, "d%08zu", i);
		d.id = id;
		d.text = c->text + c->off[i];
		d.text_len = c->dlen[i];
		if (rp_ctx_add(ctx, &d) != RP_OK)
			return -1;
	}
	if (rp_ctx_run(ctx) != RP_OK)
		return -1;
	rp_ctx_stats(ctx, st);
	*wall = now() - t0;
	rp_ctx_free(ctx);
	return 0;
}

int main(int argc, char **argv)
{
	size_t mb = 20;
	int runs = 5, zh = 0, k, a;
	unsigned threads[2] = {1, 2}, tk;
	const char *write = NULL, *only = NULL;
	static const char *const stages[] = {"normalize", "sign", "set",
					     "page"};
	corpus c;
	rp_config cfg;
	double v[4][32], mbs;
	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--mb") && a + 1 < argc)
			mb = (size_t)atol(argv[++a]);
		else if (!strcmp(argv[a], "--runs") && a + 1 < argc)
			runs = atoi(argv[++a]);
		else if (!strcmp(argv[a], "--lang") && a + 1 < argc)
			zh = !strcmp(argv[++a], "zh");
		else if (!strcmp(argv[a], "--write-corpus") && a + 1 < argc)
			write = argv[++a];
		else if (!strcmp(argv[a], "--only") && a + 1 < argc)
			only = argv[++a];
		else if (!strcmp(argv[a], "--vocab") && a + 1 < argc)
			vocab = (size_t)atol(argv[++a]);
		else {
			fprintf(stderr,
				"usage: bench_sign [--mb N] [--lang en|zh] "
				"[--runs R] [--write-corpus FILE] "
				"[--only normalize|sign|set|page] [--vocab "
				"N]\n");
			return 2;
		}
	}
	if (runs < (write ? 0 : 1) || runs > 32 || mb < 1 ||
	    make_corpus(&c, mb, zh)) {
		fprintf(stderr, "bench_sign: bad arguments or out of memory\n");
		return 1;
	}
	if (write) {
		/* the same corpus as JSONL, for timing the whole CLI */
		FILE *f = fopen(write, "w");
		size_t i, j;
		if (!f)
			return 1;
		for (i = 0; i < c.n; i++) {
			fprintf(f, "{\"id\":\"d%08zu\",\"text\":\"", i);
			for (j = 0; j < c.dlen[i]; j++) {
				char ch = c.text[c.off[i] + j];
				if (ch == '\n')
					fputs("\\n", f);
				else
					putc(ch, f);
			}
			fputs("\"}\n", f);
		}
		if (fclose(f) != 0)
			return 1;
		if (runs == 0)
			return 0;
	}
	mbs = (double)c.len / 1e6;
	rp_config_init(&cfg);
	/* the signing stages alone; page furniture rules are measured apart */
	cfg.furniture = 0;
	cfg.boilerplate = 0;
	cfg.containment = 0.0;
	printf("corpus: %s, %.1f MB, %zu documents, seed 42\n",
	       zh ? "zh" : "en", mbs, c.n);
	if (only) {
		rp_config page = cfg;
		int m;
		page.furniture = 1;
		for (m = 0; m < 4 && strcmp(only, stages[m]); m++)
			;
		if (m == 4) {
			fprintf(stderr, "bench_sign: unknown stage '%s'\n",
				only);
			return 2;
		}
		for (k = 0; k < runs; k++)
			v[0][k] = signer_pass(&c, m == 3 ? &page : &cfg,
					      m == 3 ? 1 : m);
		printf("%s, one core, median of %d runs: %.1f MB/s\n", only,
		       runs, mbs / median(v[0], runs));
		return 0;
	}
	for (k = 0; k < runs; k++) {
		rp_config page = cfg;
		page.furniture = 1;
		v[0][k] = signer_pass(&c, &cfg, 0);
		v[1][k] = signer_pass(&c, &cfg, 1);
		v[2][k] = signer_pass(&c, &cfg, 2);
		v[3][k] = signer_pass(&c, &page, 1);
	}
	printf("one core, median of %d runs:\n", runs);
	printf("  normalize                                %8.1f MB/s\n",
	       mbs / median(v[0], runs));
	printf("  normalize + shingle + MinHash-128 + SimHash %5.1f MB/s\n",
	       mbs / median(v[1], runs));
	printf("  the same + sorted shingle set            %8.1f MB/s\n",
	       mbs / median(v[2], runs));
	printf("  signing with the page furniture rules and metadata %5.1f "
	       "MB/s\n",
	       mbs / median(v[3], runs));
	for (tk = 0; tk < 2; tk++) {
		rp_stats st;
		double wall[32], sign[32], lsh[32], ver[32], clu[32];
		cfg.threads = threads[tk];
		for (k = 0; k < runs; k++) {
			if (ctx_pass(&c, &cfg, &st, &wall[k]))
				return 1;
			sign[k] = (double)st.ns_sign / 1e9;
			lsh[k] = (double)(st.ns_lsh + st.ns_dedup) / 1e9;
			ver[k] = (double)st.ns_verify / 1e9;
			clu[k] = (double)st.ns_cluster / 1e9;
		}
		printf("end to end in the library (rules off; the corpus has "
		       "no "
		       "furniture), -j %u (%llu pairs, %llu clusters), median "
		       "of %d:\n",
		       threads[tk], (unsigned long long)st.pairs,
		       (unsigned long long)st.clusters, runs);
		printf("  sign (thread time)  %8.1f MB/s\n",
		       mbs / median(sign, runs));
		printf("  dedup + LSH (wall)  %8.1f MB/s\n",
		       mbs / median(lsh, runs));
		printf("  verify (thread time)%8.1f MB/s\n",
		       mbs / median(ver, runs));
		printf("  cluster (wall)      %8.1f MB/s\n",
		       mbs / median(clu, runs));
		printf("  total (wall)        %8.1f MB/s\n",
		       mbs / median(wall, runs));
	}
	free(c.text);
	free(c.off);
	free(c.dlen);
	return 0;
}
