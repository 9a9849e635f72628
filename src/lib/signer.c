/*
 * signer.c - one text to its signature: fold, shingle, MinHash, SimHash,
 * and (on request) the exact shingle set.
 *
 * A signer owns all its scratch buffers and reuses them from one text to
 * the next, so signing allocates nothing once the buffers have grown to
 * the largest text seen.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "hash.h"
#include "signer.h"
#include "sketch.h"

void rp__signer_init(rp_signer *s, const rp_config *cfg)
{
	memset(s, 0, sizeof *s);
	s->cfg = *cfg;
	rp_config_resolve(&s->cfg);
	/* NFKC expands a few characters a lot (U+FDFA: 3 bytes to 33), so
	 * the folded text may reach 12x the input; with inputs capped at
	 * 256 MiB its byte offsets still fit in 32 bits. */
	rp__norm_init(&s->norm, cfg->norm, cfg->max_doc_bytes * 12 + 64);
	s->norm.t2s = cfg->t2s && cfg->norm == RP_NORM_TEXT;
	/* UTF-8 of any charset is at most 4 bytes per input byte (a 1-byte
	 * charset to 3, GB18030 4 to 4, UTF-16 2 to 3). */
	rp__decoder_init(&s->dec, cfg->max_doc_bytes * 4 + 64);
	rp__page_init(&s->page, cfg->max_doc_bytes * 12 + 64, cfg->seed);
	s->page.lnorm.t2s = cfg->t2s;
	s->page.ngram = s->cfg.ngram;
	s->page.figures = s->cfg.figures;
}

void rp__signer_release(rp_signer *s)
{
	rp__norm_release(&s->norm);
	rp__decoder_release(&s->dec);
	rp__page_release(&s->page);
	free(s->hashes);
	free(s->set);
	memset(s, 0, sizeof *s);
}

/* As rp_ctx_new: a bad configuration still gives a signer, which says
 * what is wrong (rp_signer_errmsg) and refuses every call. */
rp_status rp_signer_new(rp_signer **out, const rp_config *cfg)
{
	rp_signer *s;
	if (!out)
		return RP_EINVAL;
	*out = s = rp__calloc_n(1, sizeof *s);
	if (!s)
		return RP_ENOMEM;
	s->failed = rp__config_check(cfg, s->err);
	if (s->failed != RP_OK)
		return s->failed;
	rp__signer_init(s, cfg);
	return RP_OK;
}

void rp_signer_free(rp_signer *s)
{
	if (!s)
		return;
	if (!s->failed)
		rp__signer_release(s);
	free(s);
}

const char *rp_signer_errmsg(const rp_signer *s)
{
	/* NULL: rp_signer_new could not allocate the signer */
	return s ? s->err : rp_status_str(RP_ENOMEM);
}

static rp_status check_input(rp_signer *s, const char *text, size_t len)
{
	if (!text && len)
		return rp__errf(s->err, RP_EINVAL, "text is NULL");
	if (len > s->cfg.max_doc_bytes)
		return rp__errf(s->err, RP_ETOOBIG,
				"text of %zu bytes exceeds the %zu-byte limit",
				len, s->cfg.max_doc_bytes);
	return RP_OK;
}

static rp_status decode(rp_signer *s, const char *text, size_t len,
			const char *charset, rp__decoded *dec)
{
	rp_status st = check_input(s, text, len);
	if (st != RP_OK)
		return st;
	st = rp__decode(&s->dec, text ? text : "", len,
			charset ? charset : s->cfg.encoding, dec);
	if (st != RP_OK)
		return rp__errf(s->err, st, "cannot decode text: %s",
				rp_status_str(st));
	return RP_OK;
}

rp_status rp__signer_decode(rp_signer *s, const char *text, size_t len,
			    rp__decoded *dec)
{
	return decode(s, text, len, NULL, dec);
}

static rp_status fold_text(rp_signer *s, const char *text, size_t len)
{
	rp_status st = rp__norm_run(&s->norm, text, len);
	if (st != RP_OK)
		return rp__errf(s->err, st, "cannot fold text: %s",
				rp_status_str(st));
	return RP_OK;
}

/* The kept lines of a page, folded: in the text mode they were folded
 * one by one as they were read, and joined they are what folding them
 * together gives (page.c); the buffers change hands, nothing is copied. */
static rp_status fold_kept(rp_signer *s)
{
	rp__norm *nm = &s->norm;
	rp__page *p = &s->page;
	char *out;
	uint32_t *starts;
	size_t cap;
	if (nm->mode != RP_NORM_TEXT || nm->t2s != p->lnorm.t2s ||
	    !p->folded_ok || p->kept_len > nm->limit)
		return fold_text(s, p->kept, p->kept_len);
	out = nm->out, cap = nm->out_cap;
	nm->out = p->fout, nm->out_cap = p->fout_cap;
	p->fout = out, p->fout_cap = cap;
	if (!p->fascii) {
		starts = nm->starts, cap = nm->starts_cap;
		nm->starts = p->fstarts, nm->starts_cap = p->fstarts_cap;
		p->fstarts = starts, p->fstarts_cap = cap;
	}
	nm->out_len = p->fout_len;
	nm->cps = p->fcps;
	nm->ascii = p->fascii;
	nm->invalid = nm->nul = 0;
	nm->no_table = nm->refold = nm->may_join = 0;
	return RP_OK;
}

/* A byte-order mark may start the text (a cheap, loose test). */
static int may_have_bom(const char *text, size_t len)
{
	unsigned char c = len >= 2 ? (unsigned char)text[0] : 1;
	return c == 0xEF || c == 0xFE || c == 0xFF || c == 0;
}

/*
 * Plain text with no charset given and no byte-order mark is folded as
 * UTF-8 straight away: the normalizer counts ill-formed sequences on its
 * way, and a valid text (almost all of them) is done without a separate
 * validation pass. Returns 1 when the text was valid UTF-8 and is folded;
 * 0 when it must go through the decoder (and its charset detection).
 */
static int fold_if_utf8(rp_signer *s, const char *text, size_t len,
			const char *charset, rp__decoded *dec)
{
	if (charset || (s->cfg.encoding && *s->cfg.encoding) || !text ||
	    len > s->cfg.max_doc_bytes || may_have_bom(text, len))
		return 0;
	if (fold_text(s, text, len) != RP_OK || s->norm.invalid)
		return 0;
	memset(dec, 0, sizeof *dec);
	dec->text = text;
	dec->len = len;
	dec->charset = "UTF-8";
	s->last_text = text;
	memset(&s->meta, 0, sizeof s->meta);
	return 1;
}

/* Decode, drop furniture, fold. Learned lines are dropped only while
 * something remains to match on; rule-dropped lines likewise. */
static rp_status fold(rp_signer *s, const char *text, size_t len,
		      const char *charset, const rp__bpset *learned,
		      uint64_t group, rp__decoded *dec, size_t *rule_lines,
		      size_t *learned_lines)
{
	rp_status st;
	*rule_lines = *learned_lines = 0;
	if (!s->cfg.furniture && !learned &&
	    fold_if_utf8(s, text, len, charset, dec))
		return RP_OK;
	st = decode(s, text, len, charset, dec);
	if (st != RP_OK)
		return st;
	s->last_text = dec->text;
	memset(&s->meta, 0, sizeof s->meta);
	if (s->cfg.furniture || learned) {
		st = rp__page_lines(&s->page, dec->text, dec->len,
				    s->cfg.furniture, learned, group);
		if (st != RP_OK)
			return rp__errf(s->err, st, "cannot read lines: %s",
					rp_status_str(st));
		st = fold_kept(s);
		if (st != RP_OK)
			return st;
		if (s->norm.cps >= s->cfg.ngram) {
			*rule_lines = s->page.dropped_rule;
			*learned_lines = s->page.dropped_learned;
			rp__meta_parse(dec->text, dec->len, s->page.spans,
				       s->page.n_spans, s->page.kept,
				       s->page.kept_len, s->page.head_from,
				       &s->meta);
			return RP_OK;
		}
		if (learned)
			return fold(s, text, len, charset, NULL, 0, dec,
				    rule_lines, learned_lines);
	}
	/* metadata belongs to pages: read with the furniture rules on */
	if (s->cfg.furniture)
		rp__meta_parse(dec->text, dec->len, s->page.spans,
			       s->page.n_spans, dec->text, dec->len, 0,
			       &s->meta);
	return fold_text(s, dec->text, dec->len);
}

rp_status rp_signer_normalize(rp_signer *s, const char *text, size_t len,
			      const char **out, size_t *out_len)
{
	rp__decoded dec;
	size_t rule_lines, learned_lines;
	rp_status st;
	if (s && s->failed)
		return s->failed;
	if (!s || !out || !out_len)
		return RP_EINVAL;
	st = fold(s, text, len, NULL, NULL, 0, &dec, &rule_lines,
		  &learned_lines);
	if (st != RP_OK)
		return st;
	*out = s->norm.out;
	*out_len = s->norm.out_len;
	return RP_OK;
}

rp_status rp_signer_sign(rp_signer *s, const char *text, size_t len,
			 int want_set, rp_signature *sig)
{
	return rp_signer_sign_as(s, text, len, NULL, want_set, sig);
}

rp_status rp_signer_sign_as(rp_signer *s, const char *text, size_t len,
			    const char *charset, int want_set,
			    rp_signature *sig)
{
	size_t learned_lines;
	if (s && s->failed)
		return s->failed;
	if (!s || !sig)
		return RP_EINVAL;
	return rp__signer_sign_page(s, text, len, charset, NULL, 0, want_set,
				    sig, &learned_lines);
}

rp_status rp__signer_page_lines(rp_signer *s, const char *text, size_t len,
				const char *charset, const uint64_t **lines,
				const uint64_t **masked, size_t *n,
				rp__decoded *dec)
{
	rp_status st = decode(s, text, len, charset, dec);
	if (st != RP_OK)
		return st;
	/* every line, furniture by rule included: a template's first and last
	 * lines (a logo, a menu) are what names it */
	st = rp__page_lines(&s->page, dec->text, dec->len, 0, NULL, 0);
	if (st != RP_OK)
		return rp__errf(s->err, st, "cannot read lines: %s",
				rp_status_str(st));
	*lines = s->page.hashes;
	*masked = s->page.masked;
	*n = s->page.n_hashes;
	return RP_OK;
}

rp_status rp__signer_fold_page(rp_signer *s, const char *text, size_t len,
			       const char *charset, const rp__bpset *learned,
			       uint64_t group, rp__folded *f)
{
	return fold(s, text, len, charset, learned, group, &f->dec,
		    &f->rule_lines, &f->learned_lines);
}

rp_status rp__signer_sign_page(rp_signer *s, const char *text, size_t len,
			       const char *charset, const rp__bpset *learned,
			       uint64_t group, int want_set, rp_signature *sig,
			       size_t *learned_lines)
{
	rp__folded f;
	rp_status st =
		rp__signer_fold_page(s, text, len, charset, learned, group, &f);
	if (st != RP_OK)
		return st;
	*learned_lines = f.learned_lines;
	return rp__signer_sign_folded(s, &f, want_set, sig);
}

rp_status rp__signer_sign_folded(rp_signer *s, const rp__folded *f,
				 int want_set, rp_signature *sig)
{
	const rp__decoded *dec = &f->dec;
	rp__norm *nm = &s->norm;
	size_t need, n;
	uint64_t t0;
	rp_status st;
	need = nm->cps ? nm->cps : 1;
	st = rp__grow((void **)&s->hashes, &s->hashes_cap, need,
		      sizeof(uint64_t), nm->limit);
	if (st != RP_OK)
		return rp__errf(s->err, st, "no room for %zu shingles", need);
	n = rp__hash_ngrams(nm->out, nm->out_len, nm->ascii ? NULL : nm->starts,
			    nm->cps, s->cfg.ngram, s->cfg.seed, s->hashes);

	memset(sig, 0, sizeof *sig);
	sig->normalized = nm->out;
	sig->normalized_len = nm->out_len;
	sig->codepoints = nm->cps;
	sig->invalid_utf8 = nm->invalid;
	sig->shingles = n;
	sig->perms = s->cfg.perms;
	rp__minhash(s->hashes, n, s->cfg.perms, s->cfg.seed, s->minhash);
	sig->minhash = s->minhash;
	sig->simhash = rp__simhash(s->hashes, n);
	sig->text_hash = rp__hash(nm->out, nm->out_len, s->cfg.seed);
	sig->charset = dec->charset;
	sig->decode_errors = dec->errors;
	sig->first_bad = dec->first_bad;
	sig->furniture_lines = f->rule_lines;
	sig->page_date = s->meta.date;
	sig->page_source = s->meta.source;
	sig->page_title = s->meta.title;
	sig->page_url = s->meta.url;
	if (want_set) {
		st = rp__grow((void **)&s->set, &s->set_cap, need,
			      sizeof(uint32_t), nm->limit);
		if (st != RP_OK)
			return rp__errf(s->err, st, "no room for a set of %zu",
					need);
		t0 = rp__now_ns();
		sig->set = s->set;
		sig->set_len = rp__set_build(s->hashes, n, s->count, s->set);
		s->ns_set += rp__now_ns() - t0;
	}
	return RP_OK;
}

rp_status rp_similarity_of(const rp_signature *a, const rp_signature *b,
			   rp_similarity *out)
{
	size_t common, uni;
	if (!a || !b || !out || !a->set || !b->set || a->perms != b->perms)
		return RP_EINVAL;
	common = rp__set_common(a->set, a->set_len, b->set, b->set_len, 0);
	uni = a->set_len + b->set_len - common;
	out->common = common;
	out->jaccard = uni ? (double)common / (double)uni : 0.0;
	out->contain_a = a->set_len ? (double)common / (double)a->set_len : 0.0;
	out->contain_b = b->set_len ? (double)common / (double)b->set_len : 0.0;
	out->minhash_est =
		(double)rp__minhash_equal(a->minhash, b->minhash, a->perms) /
		(double)a->perms;
	out->simhash_dist = rp__popcount64(a->simhash ^ b->simhash);
	return RP_OK;
}
