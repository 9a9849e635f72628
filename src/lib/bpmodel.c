/*
 * bpmodel.c - saving what was learned as boilerplate, and reading it back.
 *
 * A model is text, one record per line, in a fixed (sorted) order:
 *
 *   reprint-boilerplate-model 1
 *   seed 0
 *   t2s 1
 *   template <16 hex digits> <pages>   a line that names a page template
 *   key <16 hex digits> <pages>        a (group, line) learned as furniture
 *
 * Imported into a context before its run, template lines let pages of a
 * small new batch find their outlet's template, and keys drop its
 * furniture as if the old pages were there; what the run learns is merged
 * in, so exporting after the run gives a model that grows with each batch.
 * Hashes depend on the seed and on Traditional folding, so both must match.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "corpus.h"

/* version 2: line hashes say whether the line is in a page's head */
#define MODEL_NAME  "reprint-boilerplate-model "
#define MODEL_MAGIC MODEL_NAME "2"

typedef struct rec {
	uint64_t key;
	uint32_t pages;
} rec;

static int cmp_rec(const void *pa, const void *pb)
{
	const rec *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->pages > b->pages ? -1 : a->pages < b->pages;
}

/* Sorted, one per key (the most pages), into two fresh arrays. */
static rp_status to_arrays(rec *r, size_t n, uint64_t **keys, uint32_t **pages,
			   size_t *out_n)
{
	size_t i, w = 0;
	if (n > 1)
		qsort(r, n, sizeof *r, cmp_rec);
	*keys = rp__malloc_n(n + 1, sizeof **keys);
	*pages = rp__malloc_n(n + 1, sizeof **pages);
	if (!*keys || !*pages)
		return RP_ENOMEM;
	for (i = 0; i < n; i++)
		if (w == 0 || (*keys)[w - 1] != r[i].key) {
			(*keys)[w] = r[i].key;
			(*pages)[w++] = r[i].pages;
		}
	*out_n = w;
	return RP_OK;
}

static rp_status push(rec **v, size_t *n, size_t *cap, uint64_t key,
		      unsigned long pages)
{
	rp_status st = rp__grow((void **)v, cap, *n + 1, sizeof **v,
				SIZE_MAX / sizeof **v);
	if (st != RP_OK)
		return st;
	(*v)[*n].key = key;
	(*v)[(*n)++].pages = pages > UINT32_MAX ? UINT32_MAX : (uint32_t)pages;
	return RP_OK;
}

/* The records of a model as read: template lines and keys. */
typedef struct model_recs {
	rec *tv, *kv;
	size_t nt, ct, nk, ck;
} model_recs;

/* A model's first line: this version's name. */
static rp_status read_magic(rp_ctx *ctx, const char *line)
{
	if (strncmp(line, MODEL_NAME, strlen(MODEL_NAME)) == 0 &&
	    strcmp(line, MODEL_MAGIC) != 0)
		return rp__errf(ctx->err, RP_EINPUT,
				"a boilerplate model of another "
				"version ('%s', this is '%s'): "
				"remove it to learn again",
				line, MODEL_MAGIC);
	if (strcmp(line, MODEL_MAGIC) != 0)
		return rp__errf(ctx->err, RP_EINPUT,
				"not a boilerplate model (line 1 "
				"is not '%s')",
				MODEL_MAGIC);
	return RP_OK;
}

/* A line after the first: seed and t2s must be the context's; template
 * lines and keys are kept in r. */
static rp_status read_record(rp_ctx *ctx, const char *line, size_t lineno,
			     model_recs *r)
{
	char word[16];
	unsigned long long key, num;
	if (sscanf(line, "seed %llu", &num) == 1) {
		if (num != ctx->cfg.seed)
			return rp__errf(ctx->err, RP_EINPUT,
					"the boilerplate model was made "
					"with seed %llu, not %llu",
					num, (unsigned long long)ctx->cfg.seed);
		return RP_OK;
	}
	if (sscanf(line, "t2s %llu", &num) == 1) {
		if ((num != 0) != (ctx->cfg.t2s != 0))
			return rp__errf(ctx->err, RP_EINPUT,
					"the boilerplate model was made "
					"with t2s %llu",
					num);
		return RP_OK;
	}
	if (sscanf(line, "%15s %16llx %llu", word, &key, &num) == 3 &&
	    strcmp(word, "template") == 0)
		return push(&r->tv, &r->nt, &r->ct, key, num);
	if (sscanf(line, "%15s %16llx %llu", word, &key, &num) == 3 &&
	    strcmp(word, "key") == 0)
		return push(&r->kv, &r->nk, &r->ck, key, num);
	return rp__errf(ctx->err, RP_EINPUT,
			"boilerplate model line %zu: cannot read "
			"'%.40s'",
			lineno, line);
}

/* The records read replace the context's model. */
static rp_status keep_model(rp_ctx *ctx, model_recs *r)
{
	rp_status st;
	free(ctx->model_lines);
	free(ctx->model_line_pages);
	free(ctx->model_keys);
	free(ctx->model_key_pages);
	ctx->model_lines = ctx->model_keys = NULL;
	ctx->model_line_pages = ctx->model_key_pages = NULL;
	st = to_arrays(r->tv, r->nt, &ctx->model_lines, &ctx->model_line_pages,
		       &ctx->n_model_lines);
	if (st == RP_OK)
		st = to_arrays(r->kv, r->nk, &ctx->model_keys,
			       &ctx->model_key_pages, &ctx->n_model_keys);
	if (st != RP_OK)
		rp__errf(ctx->err, st, "no memory for the model");
	return st;
}

rp_status rp_ctx_boilerplate_import(rp_ctx *ctx, const char *model, size_t len)
{
	model_recs r;
	size_t i = 0, lineno = 0;
	int have_magic = 0;
	rp_status st = RP_OK;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || (!model && len))
		return RP_EINVAL;
	if (ctx->ran)
		return rp__errf(ctx->err, RP_ESTATE,
				"a model is read before the run");
	memset(&r, 0, sizeof r);
	while (i < len && st == RP_OK) {
		const char *e = memchr(model + i, '\n', len - i);
		size_t n = e ? (size_t)(e - (model + i)) : len - i;
		char line[128];
		lineno++;
		if (n >= sizeof line) {
			st = rp__errf(ctx->err, RP_EINPUT,
				      "boilerplate model line %zu is too long",
				      lineno);
			break;
		}
		memcpy(line, model + i, n);
		line[n] = '\0';
		i += n + 1;
		if (n == 0)
			continue;
		if (!have_magic) {
			st = read_magic(ctx, line);
			have_magic = st == RP_OK;
		} else {
			st = read_record(ctx, line, lineno, &r);
		}
	}
	if (st == RP_OK && !have_magic)
		st = rp__errf(ctx->err, RP_EINPUT,
			      "the boilerplate model is empty");
	if (st == RP_OK)
		st = keep_model(ctx, &r);
	free(r.tv);
	free(r.kv);
	return st;
}

rp_status rp_ctx_boilerplate_export(const rp_ctx *ctx, char **model,
				    size_t *len)
{
	size_t cap, n = 0, k;
	char *b;
	if (ctx && ctx->failed)
		return ctx->failed;
	if (!ctx || !model || !len)
		return RP_EINVAL;
	if (!ctx->ran)
		return RP_ESTATE;
	/* 48 bytes per record is more than any record needs */
	cap = 96 + 48 * (ctx->n_tmpl + ctx->learned.n);
	b = rp__malloc_n(cap, 1);
	if (!b)
		return RP_ENOMEM;
	n += (size_t)snprintf(b + n, cap - n, "%s\nseed %llu\nt2s %d\n",
			      MODEL_MAGIC, (unsigned long long)ctx->cfg.seed,
			      ctx->cfg.t2s != 0);
	for (k = 0; k < ctx->n_tmpl; k++)
		n += (size_t)snprintf(b + n, cap - n,
				      "template %016" PRIx64 " %" PRIu32 "\n",
				      ctx->tmpl[k], ctx->tmpl_pages[k]);
	for (k = 0; k < ctx->learned.n; k++)
		n += (size_t)snprintf(
			b + n, cap - n, "key %016" PRIx64 " %" PRIu32 "\n",
			ctx->learned_keys[k], ctx->learned_pages[k]);
	*model = b;
	*len = n;
	return RP_OK;
}

void rp_free(void *p)
{
	free(p);
}
