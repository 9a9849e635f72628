/*
 * corpus.c - the rp_ctx handle: documents in, signatures out.
 *
 * Documents are copied into a batch buffer as they are added; when the
 * batch holds cfg.batch_bytes of text it is signed on the worker threads
 * (one signer and one set arena per thread, documents handed out in small
 * chunks by an atomic counter) and the text is dropped. Only ids,
 * metadata, MinHash values, SimHashes and shingle sets are kept, so memory
 * grows with the number of shingles, not with the text read.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "boilerplate.h"
#include "corpus.h"
#include "pubtime.h"
#include "dupmap.h"
#include "radix.h"
#include "hash.h"

#define SIGN_CHUNK 8u
#define SET_BLOCK  ((size_t)4 << 20)
#define STR_BLOCK  ((size_t)1 << 20)

/* As SQLite's open: a handle comes back whenever one can be allocated,
 * so that a failure to start says why on it (rp_ctx_errmsg), as any
 * later failure does; the caller frees it either way. */
rp_status rp_ctx_new(rp_ctx **out, const rp_config *cfg)
{
	rp_ctx *ctx;
	unsigned t;
	if (!out)
		return RP_EINVAL;
	*out = ctx = rp__calloc_n(1, sizeof *ctx);
	if (!ctx)
		return RP_ENOMEM;
	ctx->failed = rp__config_check(cfg, ctx->err);
	if (ctx->failed != RP_OK)
		return ctx->failed;
	ctx->cfg = *cfg;
	rp_config_resolve(&ctx->cfg);
	ctx->threads = cfg->threads ? cfg->threads : rp__cpu_count();
	ctx->budget = cfg->max_memory;
	if (!ctx->budget) {
		size_t phys = rp__physical_memory();
		ctx->budget = phys ? phys / 4 * 3 : SIZE_MAX;
	}
	if (ctx->threads > 256)
		ctx->threads = 256;
	rp_lsh_params_for(&ctx->cfg, &ctx->lsh);
	rp__arena_init(&ctx->strings, STR_BLOCK);
	ctx->workers = rp__calloc_n(ctx->threads, sizeof *ctx->workers);
	if (!ctx->workers) {
		ctx->failed = rp__errf(ctx->err, RP_ENOMEM,
				       "no memory for %u worker threads",
				       ctx->threads);
		ctx->threads = 0;
		return ctx->failed;
	}
	for (t = 0; t < ctx->threads; t++) {
		rp__signer_init(&ctx->workers[t].signer, &ctx->cfg);
		rp__arena_init(&ctx->workers[t].sets, SET_BLOCK);
	}
	return RP_OK;
}

static rp_status wait_batch(rp_ctx *ctx);

void rp_ctx_free(rp_ctx *ctx)
{
	unsigned t;
	if (!ctx)
		return;
	if (ctx->failed) {
		free(ctx);
		return;
	}
	wait_batch(ctx);
	rp__dupmap_release(&ctx->dup);
	rp__match_release(ctx);
	rp__syndicate_release(ctx);
	free(ctx->when);
	for (t = 0; t < ctx->threads; t++) {
		rp__signer_release(&ctx->workers[t].signer);
		rp__arena_release(&ctx->workers[t].sets);
		free(ctx->workers[t].seen);
	}
	free(ctx->workers);
	rp__arena_release(&ctx->strings);
	free(ctx->docs);
	free(ctx->learned_keys);
	free(ctx->learned_pages);
	free(ctx->model_keys);
	free(ctx->model_key_pages);
	free(ctx->model_lines);
	free(ctx->model_line_pages);
	free(ctx->tmpl);
	free(ctx->tmpl_pages);
	free(ctx->bp_lines);
	free(ctx->mh);
	free(ctx->batch);
	free(ctx->signing);
	free(ctx);
}

const char *rp_ctx_errmsg(const rp_ctx *ctx)
{
	/* NULL: rp_ctx_new could not allocate the handle */
	return ctx ? ctx->err : rp_status_str(RP_ENOMEM);
}

static void note_error(rp__worker *w, uint32_t i, rp_status st,
		       const char *what, const char *id, const char *detail);

/* A copy of s in w's arena ("" for none); out of memory is the run's
 * error (document i). */
static const char *arena_copy(rp__worker *w, uint32_t i, const char *id,
			      const char *s)
{
	const char *c;
	if (!s || !*s)
		return "";
	c = rp__arena_strndup(&w->sets, s, strlen(s));
	if (!c)
		note_error(w, i, RP_ENOMEM, "", id, "out of memory");
	return c ? c : "";
}

/* A copy of v[0..n) in the worker's arena; NULL (and *kept 0) when n is
 * 0 or there is no room (noted). */
static const uint32_t *keep_u32(rp__worker *w, uint32_t i, const char *id,
				const uint32_t *v, size_t n, uint32_t *kept)
{
	uint32_t *c = n ? rp__arena_alloc(&w->sets, n * sizeof *v) : NULL;
	*kept = 0;
	if (!n)
		return NULL;
	if (!c) {
		note_error(w, i, RP_ENOMEM, "", id, "out of memory");
		return NULL;
	}
	memcpy(c, v, n * sizeof *v);
	*kept = (uint32_t)n;
	return c;
}

/* Keep the text of the learned lines this page lost, for the report. */
static void log_learned(rp__worker *w, uint32_t i, const rp__docrec *d,
			size_t n)
{
	const rp__page *p = &w->signer.page;
	size_t k;
	for (k = 0; k < n; k++) {
		const rp__page_drop *dr = &p->drops[k];
		rp__bp_seen *e;
		if (rp__grow((void **)&w->seen, &w->seen_cap, w->n_seen + 1,
			     sizeof *w->seen,
			     SIZE_MAX / sizeof *w->seen) != RP_OK) {
			note_error(w, i, RP_ENOMEM, "", d->id, "out of memory");
			return;
		}
		e = &w->seen[w->n_seen];
		e->key = dr->key;
		e->group = d->group_name ? d->group_name : "";
		e->text = rp__arena_strndup(
			&w->sets, w->signer.last_text + dr->off, dr->len);
		if (!e->text) {
			note_error(w, i, RP_ENOMEM, "", d->id, "out of memory");
			return;
		}
		w->n_seen++;
	}
}

static void note_error(rp__worker *w, uint32_t i, rp_status st,
		       const char *what, const char *id, const char *detail)
{
	if (w->st != RP_OK)
		return;
	w->st = st;
	w->err_doc = i;
	rp__errf(w->err, st, "document '%s': %s%s", id, what, detail);
}

/* A document that could not be signed. Out of memory is the run's error;
 * anything else (a text that folds past its cap) leaves the document in
 * the outputs as an empty, failed one. */
static void fail_doc(rp_ctx *ctx, rp__worker *w, uint32_t i, rp_status st)
{
	rp__docrec *d = &ctx->docs[i];
	if (st == RP_ENOMEM)
		note_error(w, i, st, "", d->id, rp_signer_errmsg(&w->signer));
	d->flags |= RP_DOC_FAILED | RP_DOC_EMPTY;
	memset(ctx->mh + (size_t)d->add_index * ctx->cfg.perms, 0xFF,
	       ctx->cfg.perms * sizeof(uint32_t));
}

/* The signature of d from the first document whose folded text was the
 * same (the set is shared, not copied). */
static void take_signature(rp__docrec *d, const rp__docrec *e)
{
	d->mh_row = e->mh_row; /* the values are shared, not copied */
	d->set = e->set;
	d->set_len = e->set_len;
	d->simhash = e->simhash;
	d->text_hash = e->text_hash;
}

/* Flags that signing sets, all from the bytes, the charset asked for and
 * the boilerplate group. */
#define SIGNING_FLAGS                                                     \
	(RP_DOC_EMPTY | RP_DOC_SHORT | RP_DOC_INVALID_UTF8 | RP_DOC_NUL | \
	 RP_DOC_FAILED | RP_DOC_DECODE_ERRORS | RP_DOC_UNDECODABLE)

/* The key of a document's bytes as signing sees them: the bytes, the
 * charset asked for and the group whose boilerplate is dropped; kept
 * apart from the keys of folded texts. */
static void raw_key(const rp_ctx *ctx, const rp__docrec *d, const char *text,
		    uint64_t key[2])
{
	uint64_t seed = ctx->cfg.seed ^ rp__mix64(d->group ^ 0x726177u);
	if (d->encoding)
		seed ^= rp__hash(d->encoding, strlen(d->encoding), 1);
	rp__hash128(text + d->text_off, d->bytes, seed, key);
	key[1] ^= 0x7261772062797465u;
}

/* Everything signing gives d, from the first document with the same
 * bytes (strings and the set are shared, not copied). */
static void take_all(rp_ctx *ctx, rp__worker *w, rp__docrec *d,
		     const rp__docrec *e)
{
	take_signature(d, e);
	d->flags |= e->flags & SIGNING_FLAGS;
	d->charset = e->charset;
	d->page_date = e->page_date;
	d->page_source = e->page_source;
	d->page_title = e->page_title;
	d->page_url = e->page_url;
	d->page_site = e->page_site;
	d->page_dateline = e->page_dateline;
	d->page_when = e->page_when;
	d->date_amb = e->date_amb;
	d->date_order = e->date_order;
	d->head_line = e->head_line;
	d->cut_mark = e->cut_mark;
	d->meta = e->meta;
	d->n_meta = e->n_meta;
	d->figs = e->figs;
	d->n_figs = e->n_figs;
	d->furniture_lines = e->furniture_lines;
	d->boilerplate_lines = e->boilerplate_lines;
	d->decode_errors = e->decode_errors;
	d->first_bad = e->first_bad;
	d->invalid = e->invalid;
	d->cps = e->cps;
	w->cps += e->cps;
	w->shingles += rp__shingle_count(e->cps, ctx->cfg.ngram);
}

/*
 * Sign document i. A document whose bytes were met before (same charset
 * asked, same group) takes everything from the first; one whose folded
 * text was met before takes its signature. Both are found in ctx->dup,
 * where a document is published only once it is complete.
 */
static void sign_one(rp_ctx *ctx, rp__worker *w, const char *text, uint32_t i)
{
	rp__docrec *d = &ctx->docs[i];
	rp_signer *sg = &w->signer;
	rp__folded f;
	rp_signature sig;
	rp_status st;
	uint64_t key[2], raw[2], t0;
	uint32_t same, *set = NULL;
	size_t cps;
	int undecodable;

	raw_key(ctx, d, text, raw);
	same = rp__dupmap_find(&ctx->dup, raw[0], raw[1]);
	if (same != RP__DUP_NONE) {
		take_all(ctx, w, d, &ctx->docs[same]);
		return;
	}
	t0 = rp__now_ns();
	st = rp__signer_fold_page(sg, text + d->text_off, d->bytes, d->encoding,
				  ctx->learned.n ? &ctx->learned : NULL,
				  d->group, &f);
	w->ns_fold += rp__now_ns() - t0;
	if (sg->norm.nul)
		d->flags |= RP_DOC_NUL;
	if (st != RP_OK) {
		fail_doc(ctx, w, i, st);
		return;
	}
	d->charset = arena_copy(w, i, d->id, f.dec.charset);
	d->page_date = arena_copy(w, i, d->id, sg->meta.date);
	d->page_source = arena_copy(w, i, d->id, sg->meta.source);
	d->page_title = arena_copy(w, i, d->id, sg->meta.title);
	d->page_url = arena_copy(w, i, d->id, sg->meta.url);
	d->page_site = arena_copy(w, i, d->id, sg->meta.site);
	d->page_dateline = arena_copy(w, i, d->id, sg->meta.dateline);
	d->page_when = sg->meta.when;
	d->date_amb = sg->meta.date_amb;
	d->date_order = sg->meta.date_order;
	d->head_line = sg->page.head_line;
	d->cut_mark = sg->page.cut_mark;
	if (ctx->cfg.furniture || ctx->learned.n) {
		d->meta = keep_u32(w, i, d->id, sg->page.meta, sg->page.n_meta,
				   &d->n_meta);
		if (ctx->cfg.figures)
			d->figs = keep_u32(w, i, d->id, sg->page.figs.v,
					   sg->page.figs.n, &d->n_figs);
	}
	d->furniture_lines = (uint32_t)f.rule_lines;
	d->boilerplate_lines = (uint32_t)f.learned_lines;
	if (f.learned_lines)
		log_learned(w, i, d, f.learned_lines);
	d->decode_errors = f.dec.errors;
	d->first_bad = f.dec.first_bad;
	if (f.dec.errors)
		d->flags |= RP_DOC_DECODE_ERRORS;
	/* mostly undecodable: listed, but not matched on noise */
	undecodable = f.dec.errors * 2 > d->bytes;
	if (undecodable)
		d->flags |= RP_DOC_UNDECODABLE;
	cps = sg->norm.cps;
	d->cps = (uint32_t)cps;
	d->invalid =
		(uint32_t)(sg->norm.invalid > UINT32_MAX ? UINT32_MAX
							 : sg->norm.invalid);
	if (sg->norm.invalid)
		d->flags |= RP_DOC_INVALID_UTF8;
	w->cps += cps;
	w->shingles += rp__shingle_count(cps, ctx->cfg.ngram);
	if (!undecodable) {
		rp__hash128(sg->norm.out, sg->norm.out_len, ctx->cfg.seed, key);
		same = rp__dupmap_find(&ctx->dup, key[0], key[1]);
	}
	if (same != RP__DUP_NONE) {
		take_signature(d, &ctx->docs[same]);
	} else {
		st = rp__signer_sign_folded(sg, &f, 1, &sig);
		if (st != RP_OK) {
			fail_doc(ctx, w, i, st);
			return;
		}
		if (undecodable)
			sig.set_len = 0;
		if (sig.set_len) {
			set = rp__arena_alloc(&w->sets,
					      sig.set_len * sizeof *set);
			if (!set) {
				note_error(w, i, RP_ENOMEM,
					   "no memory for its shingles", d->id,
					   "");
				return;
			}
			memcpy(set, sig.set, sig.set_len * sizeof *set);
		}
		memcpy(ctx->mh + (size_t)d->add_index * ctx->cfg.perms,
		       sig.minhash, ctx->cfg.perms * sizeof(uint32_t));
		d->set = set;
		d->set_len = (uint32_t)sig.set_len;
		d->simhash = sig.simhash;
		d->text_hash = sig.text_hash;
		if (!undecodable)
			rp__dupmap_insert(&ctx->dup, key[0], key[1], i);
	}
	if (d->set_len == 0)
		d->flags |= RP_DOC_EMPTY;
	else if (cps < ctx->cfg.ngram)
		d->flags |= RP_DOC_SHORT;
	rp__dupmap_insert(&ctx->dup, raw[0], raw[1], i);
}

static void sign_worker(void *arg, unsigned t)
{
	rp__sign_job *j = arg;
	rp__worker *w = &j->ctx->workers[t];
	uint64_t t0 = rp__now_ns();
	for (;;) {
		uint32_t c = atomic_fetch_add(&j->next, SIGN_CHUNK);
		uint32_t i, end;
		if (c >= j->last - j->first)
			break;
		end = j->first + c + SIGN_CHUNK;
		if (end > j->last)
			end = j->last;
		for (i = j->first + c; i < end; i++)
			sign_one(j->ctx, w, j->text, i);
	}
	w->ns += rp__now_ns() - t0;
}

static void *sign_in_background(void *arg)
{
	rp__sign_job *j = arg;
	rp__parallel(j->ctx->threads, sign_worker, j);
	return NULL;
}

/* Wait for the batch signed in the background, if any; its first hard
 * error (that of the lowest document, whoever met it) becomes the
 * context's. */
static rp_status wait_batch(rp_ctx *ctx)
{
	unsigned t;
	uint32_t worst = UINT32_MAX;
	if (ctx->bg_on) {
		pthread_join(ctx->bg_thread, NULL);
		ctx->bg_on = 0;
	}
	for (t = 0; t < ctx->threads; t++) {
		rp__worker *w = &ctx->workers[t];
		if (w->st != RP_OK && w->err_doc < worst) {
			worst = w->err_doc;
			memcpy(ctx->err, w->err, sizeof ctx->err);
		}
	}
	return worst == UINT32_MAX ? RP_OK : RP_ENOMEM;
}

/*
 * Sign the documents of the current batch. With more than one thread and
 * in_background set, the batch is signed on the worker threads while the
 * caller goes on adding to a second buffer (reading and signing overlap);
 * otherwise it is signed before returning. Either way the previous batch
 * is finished first, so at most two batches of text are held.
 */
static rp_status flush_batch(rp_ctx *ctx, int in_background)
{
	rp__sign_job *j = &ctx->bg;
	char *text;
	size_t cap;
	rp_status st = wait_batch(ctx);
	if (st != RP_OK || ctx->batch_first == ctx->n)
		return st;
	/* room for every document so far in the map of signed texts, two
	 * keys each (no thread signs now); without it, fewer repeats are
	 * recognised */
	(void)rp__dupmap_reserve(&ctx->dup, 2 * (size_t)ctx->n);
	/* the filled buffer is signed; the other one fills next */
	text = ctx->batch;
	cap = ctx->batch_cap;
	ctx->batch = ctx->signing;
	ctx->batch_cap = ctx->signing_cap;
	ctx->signing = text;
	ctx->signing_cap = cap;
	j->ctx = ctx;
	j->text = text;
	j->first = ctx->batch_first;
	j->last = ctx->n;
	atomic_init(&j->next, 0);
	ctx->batch_first = ctx->n;
	ctx->batch_len = 0;
	if (in_background && ctx->threads > 1 &&
	    pthread_create(&ctx->bg_thread, NULL, sign_in_background, j) == 0) {
		ctx->bg_on = 1;
		return RP_OK;
	}
	rp__parallel(ctx->threads, sign_worker, j);
	return wait_batch(ctx);
}

/* The union of two sorted key sets (the larger page count for a key in
 * both) into fresh arrays. */
static rp_status merge_sorted(const uint64_t *a, const uint32_t *ap, size_t na,
			      const uint64_t *b, const uint32_t *bp, size_t nb,
			      uint64_t **out, uint32_t **outp, size_t *n)
{
	size_t i = 0, j = 0, w = 0;
	*out = rp__malloc_n(na + nb + 1, sizeof **out);
	*outp = rp__malloc_n(na + nb + 1, sizeof **outp);
	if (!*out || !*outp) {
		free(*out);
		free(*outp);
		*out = NULL;
		*outp = NULL;
		return RP_ENOMEM;
	}
	while (i < na || j < nb) {
		if (j >= nb || (i < na && a[i] < b[j])) {
			(*out)[w] = a[i];
			(*outp)[w++] = ap[i++];
		} else if (i >= na || b[j] < a[i]) {
			(*out)[w] = b[j];
			(*outp)[w++] = bp[j++];
		} else {
			(*out)[w] = a[i];
			(*outp)[w++] = ap[i] > bp[j] ? ap[i] : bp[j];
			i++;
			j++;
		}
	}
	*n = w;
	return RP_OK;
}

/* Pass 1 of learning: the folded-line hashes of every page. */
static void lines_worker(void *arg, unsigned t)
{
	rp__sign_job *j = arg;
	rp_ctx *ctx = j->ctx;
	rp__worker *w = &ctx->workers[t];
	uint64_t t0 = rp__now_ns();
	for (;;) {
		uint32_t c = atomic_fetch_add(&j->next, SIGN_CHUNK), i, end;
		if (c >= j->last - j->first)
			break;
		end = j->first + c + SIGN_CHUNK;
		if (end > j->last)
			end = j->last;
		for (i = j->first + c; i < end; i++) {
			rp__docrec *d = &ctx->docs[i];
			const uint64_t *lines, *masked;
			uint64_t *copy;
			size_t n;
			rp__decoded dec;
			rp_status st = rp__signer_page_lines(
				&w->signer, j->text + d->text_off, d->bytes,
				d->encoding, &lines, &masked, &n, &dec);
			if (st == RP_ENOMEM)
				note_error(w, i, st, "learning: ", d->id,
					   rp_signer_errmsg(&w->signer));
			if (st != RP_OK)
				continue; /* too big: it fails when signed */
			/* detection is the costliest step of a page: the
			 * second pass reads it as the first one found */
			if (dec.detected && !d->encoding)
				d->encoding =
					rp__arena_strndup(&w->sets, dec.charset,
							  strlen(dec.charset));
			if (n == 0 || n > UINT32_MAX)
				continue;
			copy = rp__arena_alloc(&w->sets, 2 * n * sizeof *copy);
			if (!copy) {
				note_error(w, i, RP_ENOMEM, "learning: ", d->id,
					   "out of memory");
				continue;
			}
			memcpy(copy, lines, n * sizeof *copy);
			memcpy(copy + n, masked, n * sizeof *copy);
			d->lines = copy;
			d->n_lines = (uint32_t)n;
		}
	}
	w->ns_learn += rp__now_ns() - t0;
}

static rp_status learn_boilerplate(rp_ctx *ctx)
{
	rp__sign_job j;
	rp__bp_doc *bd;
	rp__bp_params p;
	rp__bp_result r;
	uint32_t i;
	rp_status st;
	j.ctx = ctx;
	j.text = ctx->batch;
	j.first = 0;
	j.last = ctx->n;
	atomic_init(&j.next, 0);
	rp__parallel(ctx->threads, lines_worker, &j);
	st = wait_batch(ctx);
	if (st != RP_OK)
		return st;
	bd = rp__calloc_n((size_t)ctx->n + 1, sizeof *bd);
	if (!bd)
		return rp__errf(ctx->err, RP_ENOMEM,
				"no memory to learn boilerplate");
	for (i = 0; i < ctx->n; i++) {
		const char *o = ctx->docs[i].outlet;
		bd[i].lines = ctx->docs[i].lines;
		bd[i].n = ctx->docs[i].n_lines;
		bd[i].masked = bd[i].lines ? bd[i].lines + bd[i].n : NULL;
		bd[i].outlet =
			o && *o ? rp__hash(o, strlen(o), ctx->cfg.seed) | 1 : 0;
	}
	p.min_docs = ctx->cfg.bp_min_docs;
	p.min_share = ctx->cfg.bp_min_share;
	p.edge_lines = ctx->cfg.bp_edge_lines;
	p.seed = ctx->cfg.seed;
	p.model_lines = ctx->model_lines;
	p.model_pages = ctx->model_line_pages;
	p.n_model = ctx->n_model_lines;
	st = rp__bp_learn(bd, ctx->n, &p, &r);
	if (st != RP_OK) {
		free(bd);
		return rp__errf(ctx->err, st, "no memory to learn boilerplate");
	}
	for (i = 0; i < ctx->n; i++) {
		rp__docrec *d = &ctx->docs[i];
		d->group = bd[i].group;
		if (d->outlet && *d->outlet) {
			d->group_name = d->outlet;
		} else if (bd[i].inferred) {
			char name[24];
			snprintf(name, sizeof name, "~%016llx",
				 (unsigned long long)bd[i].group);
			d->group_name = rp__arena_strndup(&ctx->strings, name,
							  strlen(name));
		}
	}
	/* what this run learned, with what a saved model brought */
	st = merge_sorted(r.keys, r.pages, r.n, ctx->model_keys,
			  ctx->model_key_pages, ctx->n_model_keys,
			  &ctx->learned_keys, &ctx->learned_pages,
			  &ctx->learned.n);
	if (st == RP_OK)
		st = merge_sorted(r.tmpl, r.tmpl_pages, r.n_tmpl,
				  ctx->model_lines, ctx->model_line_pages,
				  ctx->n_model_lines, &ctx->tmpl,
				  &ctx->tmpl_pages, &ctx->n_tmpl);
	free(r.keys);
	free(r.pages);
	free(r.tmpl);
	free(r.tmpl_pages);
	if (st != RP_OK) {
		free(bd);
		return rp__errf(ctx->err, st, "no memory to learn boilerplate");
	}
	ctx->learned.keys = ctx->learned_keys;
	ctx->stats.boilerplate_keys = ctx->learned.n;
	ctx->stats.template_groups = r.groups;
	ctx->stats.inferred_docs = r.inferred_docs;
	ctx->stats.ungrouped_docs = r.ungrouped_docs;
	free(bd);
	return RP_OK;
}

static uint32_t pages_of(const rp_ctx *ctx, uint64_t key)
{
	size_t lo = rp__lower_bound64(ctx->learned.keys, ctx->learned.n, key);
	return lo < ctx->learned.n && ctx->learned.keys[lo] == key
		       ? ctx->learned_pages[lo]
		       : 0;
}

static int cmp_seen_key(const void *pa, const void *pb)
{
	const rp__bp_seen *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->text, b->text);
}

/* One entry per learned line met, the first text in a fixed order. */
static void collect_report(rp_ctx *ctx)
{
	size_t total = 0, i, m = 0;
	unsigned t;
	for (t = 0; t < ctx->threads; t++)
		total += ctx->workers[t].n_seen;
	ctx->bp_lines = rp__malloc_n(total + 1, sizeof *ctx->bp_lines);
	if (!ctx->bp_lines)
		return;
	for (t = 0; t < ctx->threads; t++) {
		if (ctx->workers[t].n_seen)
			memcpy(ctx->bp_lines + m, ctx->workers[t].seen,
			       ctx->workers[t].n_seen * sizeof *ctx->bp_lines);
		m += ctx->workers[t].n_seen;
	}
	if (m > 1)
		qsort(ctx->bp_lines, m, sizeof *ctx->bp_lines, cmp_seen_key);
	for (i = 0, total = 0; i < m; i++)
		if (total == 0 ||
		    ctx->bp_lines[i].key != ctx->bp_lines[total - 1].key)
			ctx->bp_lines[total++] = ctx->bp_lines[i];
	ctx->n_bp_lines = total;
}

size_t rp_ctx_boilerplate_count(const rp_ctx *ctx)
{
	return ctx ? ctx->n_bp_lines : 0;
}

rp_status rp_ctx_boilerplate(const rp_ctx *ctx, size_t k,
			     rp_boilerplate_line *out)
{
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !out || k >= ctx->n_bp_lines)
		return RP_EINVAL;
	out->group = ctx->bp_lines[k].group;
	out->text = ctx->bp_lines[k].text;
	out->pages = pages_of(ctx, ctx->bp_lines[k].key);
	return RP_OK;
}

static const char *keep_str(rp_ctx *ctx, const char *s)
{
	return s ? rp__arena_strndup(&ctx->strings, s, strlen(s)) : NULL;
}

/*
 * The memory budget. What a run holds is counted from its arrays and
 * arenas, and what a document will take once signed is estimated when it
 * is added, on the safe side: its record, its MinHash row, its strings,
 * its text while it waits in the batch (the whole corpus when furniture
 * is learned, which reads every page before signing any), four bytes
 * per byte of text for its shingle set (one shingle per code point at
 * most, four bytes each) and its bylines, and its share of the LSH index
 * the run will build.
 */
/* A document's share of the LSH index (match.c builds it): an entry per
 * band, and per thread for sorting, and a slot per band. */
size_t rp__lsh_room(unsigned bands, unsigned threads)
{
	return ((size_t)bands + threads) * sizeof(rp__band_entry) +
	       (size_t)bands * sizeof(uint32_t);
}

static size_t lsh_room(const rp_ctx *ctx)
{
	return rp__lsh_room(ctx->lsh.bands, ctx->threads);
}

/* Bytes of the headline put before a document's text: a title given
 * apart from a text read as UTF-8 (of a text in another charset it is
 * not read), with its line break. */
static size_t title_bytes(const rp_ctx *ctx, const rp_doc *doc)
{
	const char *enc = doc->encoding ? doc->encoding : ctx->cfg.encoding;
	size_t n;
	if (!doc->title || (enc && *enc && strcmp(enc, "UTF-8") != 0 &&
			    strcmp(enc, "utf-8") != 0))
		return 0;
	for (n = 0; n < RP__TITLE_CAP && doc->title[n]; n++)
		;
	/* a longer one is cut on a character boundary */
	if (n == RP__TITLE_CAP)
		while (n > 0 && ((unsigned char)doc->title[n] & 0xC0) == 0x80)
			n--;
	return n ? n + 1 : 0;
}

static size_t doc_room(const rp_ctx *ctx, const rp_doc *doc)
{
	size_t strings = 64 + title_bytes(ctx, doc);
	if (doc->id)
		strings += strlen(doc->id);
	if (doc->outlet)
		strings += strlen(doc->outlet);
	if (doc->date)
		strings += strlen(doc->date);
	if (doc->url)
		strings += strlen(doc->url);
	return sizeof(rp__docrec) + (size_t)ctx->cfg.perms * sizeof(uint32_t) +
	       strings + 5 * (doc->text_len + title_bytes(ctx, doc)) +
	       lsh_room(ctx);
}

size_t rp__ctx_held(const rp_ctx *ctx)
{
	return ctx->docs_cap * sizeof *ctx->docs +
	       ctx->mh_cap * sizeof(uint32_t) + ctx->batch_cap +
	       ctx->signing_cap + ctx->strings.total + ctx->sets_est +
	       (size_t)ctx->n * lsh_room(ctx);
}

rp_status rp_ctx_add(rp_ctx *ctx, const rp_doc *doc)
{
	rp__docrec *d;
	rp_status st;
	size_t head, len;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx)
		return RP_EINVAL;
	if (ctx->ran)
		return rp__errf(ctx->err, RP_ESTATE,
				"documents cannot be added after a run");
	if (!doc || !doc->id || (!doc->text && doc->text_len))
		return rp__errf(ctx->err, RP_EINVAL,
				"a document needs an id and a text");
	head = title_bytes(ctx, doc);
	len = head + doc->text_len;
	if (len > ctx->cfg.max_doc_bytes)
		return rp__errf(ctx->err, RP_ETOOBIG,
				"document '%s' has %zu bytes, more than the "
				"%zu-byte limit",
				doc->id, len, ctx->cfg.max_doc_bytes);
	if (ctx->n == UINT32_MAX - 1)
		return rp__errf(ctx->err, RP_ETOOBIG,
				"too many documents in one run");
	if (rp__ctx_held(ctx) + doc_room(ctx, doc) > ctx->budget)
		return rp__errf(ctx->err, RP_ETOOBIG,
				"document '%s' would take the run past its "
				"memory budget of %zu MiB (%zu MiB held; "
				"max_memory, --max-memory)",
				doc->id, ctx->budget >> 20,
				rp__ctx_held(ctx) >> 20);
	/* learning boilerplate needs every page before signing any */
	if (!ctx->cfg.boilerplate &&
	    ctx->batch_len + len > ctx->cfg.batch_bytes) {
		st = flush_batch(ctx, 1);
		if (st != RP_OK)
			return st;
	}
	/* the batch in the background writes to docs and mh: moving them
	 * waits for it (rarely: they double when they grow) */
	if (ctx->bg_on &&
	    ((size_t)ctx->n + 1 > ctx->docs_cap ||
	     ((size_t)ctx->n + 1) * ctx->cfg.perms > ctx->mh_cap)) {
		st = wait_batch(ctx);
		if (st != RP_OK)
			return st;
	}
	st = rp__grow((void **)&ctx->docs, &ctx->docs_cap, (size_t)ctx->n + 1,
		      sizeof *ctx->docs, UINT32_MAX);
	if (st == RP_OK)
		st = rp__grow((void **)&ctx->mh, &ctx->mh_cap,
			      ((size_t)ctx->n + 1) * ctx->cfg.perms,
			      sizeof(uint32_t), SIZE_MAX / 8);
	if (st == RP_OK)
		st = rp__grow((void **)&ctx->batch, &ctx->batch_cap,
			      ctx->batch_len + len + 1, 1, SIZE_MAX / 2);
	if (st != RP_OK)
		return rp__errf(ctx->err, st, "no memory for document '%s'",
				doc->id);
	d = &ctx->docs[ctx->n];
	memset(d, 0, sizeof *d);
	d->id = keep_str(ctx, doc->id);
	d->outlet = keep_str(ctx, doc->outlet);
	d->date = keep_str(ctx, doc->date);
	d->url = keep_str(ctx, doc->url);
	d->encoding = keep_str(ctx, doc->encoding);
	if (!d->id || (doc->outlet && !d->outlet) || (doc->date && !d->date) ||
	    (doc->url && !d->url) || (doc->encoding && !d->encoding))
		return rp__errf(ctx->err, RP_ENOMEM,
				"no memory for document '%s'", doc->id);
	d->bytes = len;
	ctx->sets_est += 4 * len; /* see doc_room */
	d->text_off = ctx->batch_len;
	d->add_index = d->mh_row = ctx->n;
	/* the headline is the text's first line, as on a page */
	if (head) {
		memcpy(ctx->batch + ctx->batch_len, doc->title, head - 1);
		ctx->batch[ctx->batch_len + head - 1] = '\n';
		ctx->batch_len += head;
	}
	if (doc->text_len)
		memcpy(ctx->batch + ctx->batch_len, doc->text, doc->text_len);
	ctx->batch_len += doc->text_len;
	ctx->stats.bytes += len;
	ctx->n++;
	return RP_OK;
}

static int cmp_doc(const void *pa, const void *pb)
{
	const rp__docrec *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	if (a->text_hash != b->text_hash)
		return a->text_hash < b->text_hash ? -1 : 1;
	if (a->bytes != b->bytes)
		return a->bytes < b->bytes ? -1 : 1;
	return a->add_index < b->add_index ? -1 : a->add_index > b->add_index;
}

/* Bytes [8 * depth, 8 * depth + 8) of s (known to be that long), big
 * endian, zeros past its end: keys that sort as the strings do. */
static uint64_t id_key(const char *s, size_t depth)
{
	const unsigned char *p = (const unsigned char *)s + 8 * depth;
	uint64_t k = 0;
	unsigned i;
	for (i = 0; i < 8; i++) {
		k = k << 8 | p[i];
		if (!p[i]) {
			k <<= 8 * (7 - i);
			break;
		}
	}
	return k;
}

/* Order e[0..n) (val: a document) by cmp_doc: a radix sort on 8 bytes of
 * the ids at a time, runs that tie on them sorted on the next 8; equal
 * ids (rare: they are flagged) by an insertion sort on the rest. */
static void sort_by_id(rp__kv *e, rp__kv *tmp, size_t n, size_t depth,
		       const rp__docrec *d)
{
	size_t i, k;
	for (i = 0; i < n; i++)
		e[i].key = id_key(d[e[i].val].id, depth);
	rp__radix_sort_kv(e, tmp, n);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && e[k].key == e[i].key; k++)
			;
		if (k - i < 2)
			continue;
		if ((e[i].key & 0xFF) != 0) {
			sort_by_id(e + i, tmp, k - i, depth + 1, d);
			continue;
		}
		for (size_t x = i + 1; x < k; x++) {
			rp__kv v = e[x];
			size_t y;
			for (y = x;
			     y > i && cmp_doc(&d[e[y - 1].val], &d[v.val]) > 0;
			     y--)
				e[y] = e[y - 1];
			e[y] = v;
		}
	}
}

/* Canonical numbering: documents by id, then content, so that results do
 * not depend on the order of input. */
static rp_status number_docs(rp_ctx *ctx)
{
	uint32_t n = ctx->n, i;
	rp__kv *e = rp__malloc_n(n, sizeof *e);
	rp__kv *tmp = rp__malloc_n(n, sizeof *tmp);
	if (!e || !tmp) {
		free(e);
		free(tmp);
		return rp__errf(ctx->err, RP_ENOMEM,
				"no memory to order %u documents", n);
	}
	for (i = 0; i < n; i++)
		e[i].val = i;
	sort_by_id(e, tmp, n, 0, ctx->docs);
	/* move the records in place along the cycles of the permutation:
	 * position i takes the record at e[i].val */
	for (i = 0; i < n; i++) {
		uint32_t at = i;
		rp__docrec hold;
		if (e[i].val == i)
			continue;
		hold = ctx->docs[i];
		while (e[at].val != i) {
			uint32_t from = e[at].val;
			ctx->docs[at] = ctx->docs[from];
			e[at].val = at;
			at = from;
		}
		ctx->docs[at] = hold;
		e[at].val = at;
	}
	free(e);
	free(tmp);
	return RP_OK;
}

rp_status rp_ctx_run(rp_ctx *ctx)
{
	rp_status st;
	uint64_t t0;
	uint32_t i;
	unsigned t;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx)
		return RP_EINVAL;
	if (ctx->ran)
		return rp__errf(ctx->err, RP_ESTATE,
				"the context has already run");
	t0 = rp__now_ns();
	if (ctx->cfg.boilerplate && ctx->n > 0) {
		st = learn_boilerplate(ctx);
		if (st != RP_OK)
			return st;
	}
	st = flush_batch(ctx, 0);
	rp__dupmap_release(&ctx->dup);
	if (st != RP_OK)
		return st;
	if (ctx->learned.n)
		collect_report(ctx);
	free(ctx->batch);
	free(ctx->signing);
	ctx->batch = ctx->signing = NULL;
	ctx->signing_cap = 0;
	ctx->batch_cap = 0;
	ctx->ran = 1;
	st = number_docs(ctx);
	if (st != RP_OK)
		return st;
	for (i = 0; i + 1 < ctx->n; i++)
		if (strcmp(ctx->docs[i].id, ctx->docs[i + 1].id) == 0) {
			ctx->docs[i].flags |= RP_DOC_DUP_ID;
			ctx->docs[i + 1].flags |= RP_DOC_DUP_ID;
		}
	for (t = 0; t < ctx->threads; t++) {
		ctx->stats.ns_sign += ctx->workers[t].ns;
		ctx->stats.ns_fold += ctx->workers[t].ns_fold;
		ctx->stats.ns_learn += ctx->workers[t].ns_learn;
		ctx->stats.ns_set += ctx->workers[t].signer.ns_set;
		ctx->stats.codepoints += ctx->workers[t].cps;
		ctx->stats.shingles += ctx->workers[t].shingles;
		/* signing is over: give the scratch buffers back */
		rp__signer_release(&ctx->workers[t].signer);
	}
	st = rp__pubtime_all(ctx);
	if (st != RP_OK)
		return rp__errf(ctx->err, st, "no memory for publish times");
	st = rp__match_run(ctx);
	if (st == RP_OK && ctx->cfg.syndicate) {
		uint64_t t1 = rp__now_ns();
		st = rp__syndicate_run(ctx);
		ctx->stats.ns_synd = rp__now_ns() - t1;
	}
	ctx->stats.ns_total_wall = rp__now_ns() - t0;
	return st;
}

uint32_t rp_ctx_doc_count(const rp_ctx *ctx)
{
	return ctx ? ctx->n : 0;
}

rp_status rp_ctx_doc(const rp_ctx *ctx, uint32_t i, rp_doc_info *out)
{
	const rp__docrec *d;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !out || i >= ctx->n || !ctx->ran)
		return RP_EINVAL;
	d = &ctx->docs[i];
	out->id = d->id;
	out->outlet = d->outlet;
	out->date = d->date;
	out->url = d->url;
	out->charset = d->charset ? d->charset : "UTF-8";
	out->decode_errors = d->decode_errors;
	out->first_bad = d->first_bad;
	out->furniture_lines = d->furniture_lines;
	out->boilerplate_lines = d->boilerplate_lines;
	out->group = d->group_name;
	out->page_date = d->page_date ? d->page_date : "";
	out->page_source = d->page_source ? d->page_source : "";
	out->page_title = d->page_title ? d->page_title : "";
	out->page_url = d->page_url ? d->page_url : "";
	out->bytes = d->bytes;
	out->set_len = d->set_len;
	out->invalid_utf8 = d->invalid;
	out->simhash = d->simhash;
	out->flags = d->flags;
	out->cluster = ctx->cluster ? ctx->cluster[i] : i + 1;
	out->cluster_size = ctx->csize ? ctx->csize[out->cluster - 1] : 1;
	if (ctx->synd) {
		const rp__synd_doc *s = &ctx->synd[i];
		out->outlet_name = s->name;
		out->origin = s->origin;
		out->parent = s->parent;
		out->kind = s->kind;
		out->declared = s->declared;
		out->lag_known = s->lag_known;
		out->lag_minutes = s->lag;
		out->added_shingles = s->added;
		out->dropped_shingles = s->dropped;
	} else {
		out->outlet_name = d->outlet ? d->outlet : "";
		out->origin = i;
		out->parent = UINT32_MAX;
		out->kind = RP_KIND_SINGLE;
		out->declared = 0;
		out->lag_known = RP_LAG_UNKNOWN;
		out->lag_minutes = 0;
		out->added_shingles = out->dropped_shingles = 0;
	}
	return RP_OK;
}

rp_status rp_ctx_doc_set(const rp_ctx *ctx, uint32_t i, const uint32_t **set,
			 size_t *len)
{
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !set || !len || i >= ctx->n || !ctx->ran)
		return RP_EINVAL;
	*set = ctx->docs[i].set;
	*len = ctx->docs[i].set_len;
	return RP_OK;
}

uint32_t rp_ctx_cluster_count(const rp_ctx *ctx)
{
	return ctx ? ctx->n_clusters : 0;
}

uint64_t rp_ctx_pair_count(const rp_ctx *ctx)
{
	return ctx ? ctx->n_pairs : 0;
}

void rp_ctx_stats(const rp_ctx *ctx, rp_stats *out)
{
	if (!ctx || !out)
		return;
	*out = ctx->stats;
	out->docs = ctx->n;
	out->bands = ctx->lsh.bands;
	out->rows = ctx->lsh.rows;
	out->threads = ctx->threads;
}
