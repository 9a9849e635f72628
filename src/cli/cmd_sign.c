/*
 * cmd_sign.c - `reprint sign` and `reprint compare`: signatures of single
 * documents, without a corpus.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char sign_usage[] =
	"usage: reprint sign [options] PATH...\n"
	"\n"
	"Print the signature of every document, in input order:\n"
	"  tsv:   id<TAB>code_points<TAB>shingles<TAB>simhash<TAB>minhash\n"
	"         (simhash as 16 hex digits, minhash as 8-hex-digit values\n"
	"         joined by commas)\n"
	"  jsonl: {\"id\", \"code_points\", \"shingles\", \"set_size\",\n"
	"         \"simhash\", \"minhash\": [...], \"folded\" with --folded}\n"
	"\n"
	"  --format tsv|jsonl    output format (tsv)\n"
	"  --folded              include the folded text (jsonl only)\n"
	"\n";

static const char compare_usage[] =
	"usage: reprint compare [options] A B\n"
	"\n"
	"Explain how similar two documents are: exact Jaccard and containment\n"
	"of their shingle sets, the MinHash estimate, the SimHash distance,\n"
	"whether scan would join them with these options, the passages they\n"
	"share (byte offsets into both texts) and what only one of them has\n"
	"(a new headline, a paragraph added or dropped, an edit). A and B\n"
	"are files (or - for stdin), one document each.\n"
	"\n"
	"  --format text|jsonl   output format (text)\n"
	"  --min-passage N       shortest passage listed, in folded code\n"
	"                        points (20)\n"
	"\n";

typedef struct sign_run {
	rp_signer *signer;
	int jsonl, folded;
	int failed;
	uint64_t docs;
} sign_run;

static void print_sig(const sign_run *r, const char *id, const rp_signature *s)
{
	unsigned k;
	if (r->jsonl) {
		fputs("{\"id\":", stdout);
		cli_json_str(stdout, id);
		printf(",\"code_points\":%zu,\"shingles\":%zu,\"set_size\":%zu,"
		       "\"simhash\":\"%016llx\",\"minhash\":[",
		       s->codepoints, s->shingles, s->set_len,
		       (unsigned long long)s->simhash);
		for (k = 0; k < s->perms; k++)
			printf("%s%u", k ? "," : "", s->minhash[k]);
		putchar(']');
		fputs(",\"encoding\":", stdout);
		cli_json_str(stdout, s->charset);
		fputs(",\"page_date\":", stdout);
		cli_json_str(stdout, s->page_date);
		fputs(",\"page_source\":", stdout);
		cli_json_str(stdout, s->page_source);
		fputs(",\"page_title\":", stdout);
		cli_json_str(stdout, s->page_title);
		fputs(",\"page_url\":", stdout);
		cli_json_str(stdout, s->page_url);
		if (r->folded) {
			char *t = strndup(s->normalized, s->normalized_len);
			fputs(",\"folded\":", stdout);
			cli_json_str(stdout, t ? t : "");
			free(t);
		}
		fputs("}\n", stdout);
		return;
	}
	cli_tsv_str(stdout, id);
	printf("\t%zu\t%zu\t%016llx\t", s->codepoints, s->shingles,
	       (unsigned long long)s->simhash);
	for (k = 0; k < s->perms; k++)
		printf("%s%08x", k ? "," : "", s->minhash[k]);
	putchar('\n');
}

static int sign_doc(void *user, const rp_doc *doc)
{
	sign_run *r = user;
	rp_signature sig;
	rp_status st =
		rp_signer_sign(r->signer, doc->text, doc->text_len, 1, &sig);
	if (st != RP_OK) {
		fprintf(stderr, "reprint: warning: skipping '%s': %s\n",
			doc->id, rp_signer_errmsg(r->signer));
		if (st == RP_ENOMEM) {
			r->failed = 1;
			return 1;
		}
		return 0;
	}
	r->docs++;
	print_sig(r, doc->id, &sig);
	return 0;
}

/* Parse the options of sign/compare; returns -1 to exit with *rc. */
static int parse(int argc, char **argv, const char *usage, rp_config *cfg,
		 input_opts *io, int *jsonl, int *folded, size_t *min_passage,
		 int *rc)
{
	static const struct option opts[] = {
		{"format", 1, 0, OPT_FORMAT},
		{"folded", 0, 0, OPT_FOLDED},
		{"min-passage", 1, 0, OPT_MIN_PASSAGE},
		CLI_COMMON_OPTIONS,
		{0, 0, 0, 0}};
	int c;
	rp_config_init(cfg);
	input_opts_init(io);
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:q", opts, NULL)) != -1) {
		int r = cli_common_opt(c, optarg, cfg, io);
		if (r < 0) {
			*rc = EXIT_USAGE;
			return -1;
		}
		if (r == 0)
			continue;
		if (c == OPT_FORMAT &&
		    (!strcmp(optarg, "jsonl") || !strcmp(optarg, "tsv") ||
		     !strcmp(optarg, "text"))) {
			*jsonl = strcmp(optarg, "jsonl") == 0;
		} else if (c == OPT_FOLDED && folded) {
			*folded = 1;
		} else if (c == OPT_MIN_PASSAGE && min_passage) {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*optarg == '-' || *end || end == optarg || !v ||
			    v > 1000000) {
				cli_error("--min-passage: expected a count of "
					  "1 or more, got '%s'",
					  optarg);
				*rc = EXIT_USAGE;
				return -1;
			}
			*min_passage = v;
		} else if (c == OPT_HELP) {
			fputs(usage, stdout);
			fputs(cli_common_help, stdout);
			*rc = EXIT_OK;
			return -1;
		} else {
			if (c == OPT_FORMAT)
				cli_error("invalid value '%s' for --format",
					  optarg);
			fprintf(stderr, "Try 'reprint %s --help'.\n", argv[0]);
			*rc = EXIT_USAGE;
			return -1;
		}
	}
	if (cli_check_config(cfg) != 0) {
		*rc = EXIT_USAGE;
		return -1;
	}
	rp_config_resolve(cfg);
	return 0;
}

int cmd_sign(int argc, char **argv)
{
	rp_config cfg;
	input_opts io;
	input_stats in;
	sign_run r;
	int rc = EXIT_OK, i;
	memset(&r, 0, sizeof r);
	if (parse(argc, argv, sign_usage, &cfg, &io, &r.jsonl, &r.folded, NULL,
		  &rc))
		return rc;
	if (optind >= argc) {
		cli_error("sign needs at least one PATH");
		return EXIT_USAGE;
	}
	if (rp_signer_new(&r.signer, &cfg) != RP_OK) {
		cli_error("cannot start: %s", rp_signer_errmsg(r.signer));
		rp_signer_free(r.signer);
		return EXIT_RUNTIME;
	}
	memset(&in, 0, sizeof in);
	for (i = optind; i < argc && !r.failed; i++)
		if (input_walk(argv[i], &io, sign_doc, &r, &in) != 0)
			rc = EXIT_RUNTIME;
	if (r.failed)
		rc = EXIT_RUNTIME;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output");
		rc = EXIT_RUNTIME;
	}
	rp_signer_free(r.signer);
	return rc;
}

/* compare: the one document of a path */
typedef struct one_doc {
	char *id, *text;
	size_t len;
	int count;
} one_doc;

static int take_doc(void *user, const rp_doc *doc)
{
	one_doc *o = user;
	if (o->count++ == 0) {
		o->id = strdup(doc->id);
		o->text = malloc(doc->text_len + 1);
		if (!o->id || !o->text)
			return 1;
		memcpy(o->text, doc->text, doc->text_len);
		o->len = doc->text_len;
	}
	return 0;
}

static void print_side(const char *name, const one_doc *d,
		       const rp_signature *s)
{
	printf("%s: %s\n   %zu bytes, %zu code points after folding, "
	       "%zu shingles (%zu distinct)%s\n",
	       name, d->id, d->len, s->codepoints, s->shingles, s->set_len,
	       s->invalid_utf8 ? ", invalid UTF-8 replaced" : "");
}

#define SHOWN_SPANS 20 /* spans listed of each kind in the text output */
#define QUOTE_BYTES 72 /* bytes of a passage quoted */

/* text[start, end) on one line, cut on a character boundary. */
static void quote(const char *text, size_t start, size_t end)
{
	size_t n = end - start, k;
	if (n > QUOTE_BYTES) {
		n = QUOTE_BYTES;
		while (n > 0 && ((unsigned char)text[start + n] & 0xC0) == 0x80)
			n--;
	}
	putchar('"');
	for (k = 0; k < n; k++) {
		char c = text[start + k];
		putchar(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
	}
	fputs(n < end - start ? "...\"" : "\"", stdout);
}

static void text_spans(const char *title, const rp_span *v, size_t n,
		       const char *side, const char *text)
{
	size_t k;
	printf("%s: %zu\n", title, n);
	for (k = 0; k < n && k < SHOWN_SPANS; k++) {
		printf("  %s %zu-%zu  ", side, v[k].start, v[k].end);
		quote(text, v[k].start, v[k].end);
		putchar('\n');
	}
	if (n > SHOWN_SPANS)
		printf("  (%zu more; --format jsonl lists all)\n",
		       n - SHOWN_SPANS);
}

static void text_passages(const rp_passages *ps, size_t min_passage)
{
	size_t k;
	printf("shared passages of %zu code points or more (byte offsets "
	       "into A and B): %zu\n",
	       min_passage, ps->n);
	for (k = 0; k < ps->n && k < SHOWN_SPANS; k++) {
		printf("  A %zu-%zu  B %zu-%zu  %zu code points  ",
		       ps->v[k].a_start, ps->v[k].a_end, ps->v[k].b_start,
		       ps->v[k].b_end, ps->v[k].codepoints);
		quote(ps->a_text, ps->v[k].a_start, ps->v[k].a_end);
		putchar('\n');
	}
	if (ps->n > SHOWN_SPANS)
		printf("  (%zu more; --format jsonl lists all)\n",
		       ps->n - SHOWN_SPANS);
	text_spans("only in A (dropped by B, or changed)", ps->only_a,
		   ps->n_only_a, "A", ps->a_text);
	text_spans("only in B (added by B, or changed)", ps->only_b,
		   ps->n_only_b, "B", ps->b_text);
}

static void json_spans(const char *name, const rp_span *v, size_t n)
{
	size_t k;
	printf(",\"%s\":[", name);
	for (k = 0; k < n; k++)
		printf("%s[%zu,%zu]", k ? "," : "", v[k].start, v[k].end);
	putchar(']');
}

static void json_passages(const rp_passages *ps)
{
	size_t k;
	fputs(",\"passages\":[", stdout);
	for (k = 0; k < ps->n; k++)
		printf("%s{\"a\":[%zu,%zu],\"b\":[%zu,%zu],"
		       "\"code_points\":%zu}",
		       k ? "," : "", ps->v[k].a_start, ps->v[k].a_end,
		       ps->v[k].b_start, ps->v[k].b_end, ps->v[k].codepoints);
	putchar(']');
	json_spans("only_a", ps->only_a, ps->n_only_a);
	json_spans("only_b", ps->only_b, ps->n_only_b);
}

int cmd_compare(int argc, char **argv)
{
	rp_config cfg;
	input_opts io;
	input_stats in;
	one_doc d[2];
	rp_signature sig[2];
	rp_signer *s[2] = {NULL, NULL};
	rp_similarity sim;
	rp_lsh_params lp;
	double small_in_big;
	rp_passages ps;
	size_t min_passage = 20;
	int rc = EXIT_OK, jsonl = 0, k, joined;
	memset(&ps, 0, sizeof ps);
	memset(d, 0, sizeof d);
	if (parse(argc, argv, compare_usage, &cfg, &io, &jsonl, NULL,
		  &min_passage, &rc))
		return rc;
	if (argc - optind != 2) {
		cli_error("compare takes exactly two paths, A and B");
		return EXIT_USAGE;
	}
	memset(&in, 0, sizeof in);
	for (k = 0; k < 2; k++) {
		if (input_walk(argv[optind + k], &io, take_doc, &d[k], &in) ||
		    d[k].count != 1) {
			if (d[k].count == 0)
				cli_error("no document in '%s'",
					  argv[optind + k]);
			else if (d[k].count > 1)
				cli_error("'%s' holds %d documents; compare "
					  "takes one per path",
					  argv[optind + k], d[k].count);
			else
				cli_error("out of memory");
			rc = EXIT_RUNTIME;
			goto out;
		}
		if (rp_signer_new(&s[k], &cfg) != RP_OK ||
		    rp_signer_sign(s[k], d[k].text, d[k].len, 1, &sig[k]) !=
			    RP_OK) {
			cli_error("cannot sign '%s': %s", d[k].id,
				  rp_signer_errmsg(s[k]));
			rc = EXIT_RUNTIME;
			goto out;
		}
	}
	rp_similarity_of(&sig[0], &sig[1], &sim);
	if (rp_signer_passages(s[0], d[0].text, d[0].len, d[1].text, d[1].len,
			       min_passage, &ps) != RP_OK) {
		cli_error("cannot compare the passages: %s",
			  rp_signer_errmsg(s[0]));
		rc = EXIT_RUNTIME;
		goto out;
	}
	rp_lsh_params_for(&cfg, &lp);
	/* the rule of scan: Jaccard, or containment of the smaller set */
	small_in_big = sig[0].set_len <= sig[1].set_len ? sim.contain_a
							: sim.contain_b;
	joined = sim.jaccard >= cfg.threshold ||
		 (cfg.containment > 0 && small_in_big >= cfg.containment &&
		  (sig[0].set_len < sig[1].set_len
			   ? sig[0].set_len
			   : sig[1].set_len) >= cfg.containment_min);
	if (jsonl) {
		fputs("{\"a\":", stdout);
		cli_json_str(stdout, d[0].id);
		fputs(",\"b\":", stdout);
		cli_json_str(stdout, d[1].id);
		printf(",\"set_a\":%zu,\"set_b\":%zu,\"common\":%zu,"
		       "\"jaccard\":%.6f,\"containment_a\":%.6f,"
		       "\"containment_b\":%.6f,\"minhash_estimate\":%.6f,"
		       "\"simhash_distance\":%u,\"joined\":%s,"
		       "\"lsh_probability\":%.6f",
		       sig[0].set_len, sig[1].set_len, sim.common, sim.jaccard,
		       sim.contain_a, sim.contain_b, sim.minhash_est,
		       sim.simhash_dist, joined ? "true" : "false",
		       rp_lsh_probability(lp.bands, lp.rows, sim.jaccard));
		json_passages(&ps);
		fputs("}\n", stdout);
	} else {
		print_side("A", &d[0], &sig[0]);
		print_side("B", &d[1], &sig[1]);
		printf("shared shingles       %zu\n", sim.common);
		printf("Jaccard (exact)       %.4f\n", sim.jaccard);
		printf("A contained in B      %.4f\n", sim.contain_a);
		printf("B contained in A      %.4f\n", sim.contain_b);
		printf("MinHash estimate      %.4f  (%u values)\n",
		       sim.minhash_est, cfg.perms);
		printf("SimHash distance      %u of 64 bits\n",
		       sim.simhash_dist);
		printf("LSH (%u bands x %u rows) makes such a pair a candidate "
		       "with probability %.4f\n",
		       lp.bands, lp.rows,
		       rp_lsh_probability(lp.bands, lp.rows, sim.jaccard));
		if (joined)
			printf("verdict: scan joins them (threshold %.2f%s)\n",
			       cfg.threshold,
			       cfg.containment > 0 ? " or containment" : "");
		else
			printf("verdict: scan keeps them apart (Jaccard below "
			       "%.2f%s)\n",
			       cfg.threshold,
			       cfg.containment > 0 ? ", containment below the "
						     "limit"
						   : "");
		text_passages(&ps, min_passage);
	}
	if (fflush(stdout) != 0)
		rc = EXIT_RUNTIME;
out:
	rp_passages_free(&ps);
	for (k = 0; k < 2; k++) {
		rp_signer_free(s[k]);
		free(d[k].id);
		free(d[k].text);
	}
	return rc;
}
