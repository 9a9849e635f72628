/*
 * config.c - defaults and validation of rp_config.
 *
 * Defaults are documented in reprint.h and in the README; ngram 4 for the
 * text mode was chosen by measurement on mixed Chinese/English news pages
 * (see README, "Choosing the n-gram width").
 */
#include <math.h>
#include <string.h>

#include "common.h"

void rp_config_init(rp_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->norm = RP_NORM_TEXT;
	cfg->ngram = 4;
	cfg->perms = 128;
	cfg->threshold = 0.8;
	cfg->containment = RP_CONTAINMENT_AUTO;
	cfg->containment_min = 40;
	cfg->excerpt_ratio = 0.5;
	cfg->lsh_recall = 0.99;
	cfg->threads = 0;
	cfg->bucket_cap = 5000;
	cfg->max_doc_bytes = (size_t)64 << 20;
	cfg->batch_bytes = (size_t)8 << 20;
	cfg->seed = 0;
	cfg->encoding = NULL;
	cfg->t2s = 1;
	cfg->furniture = RP_AUTO;
	cfg->boilerplate = RP_AUTO;
	cfg->syndicate = RP_AUTO;
	cfg->bp_min_docs = 3;
	cfg->bp_min_share = 0.0;
	cfg->bp_edge_lines = 5;
	cfg->figures = RP_AUTO;
	cfg->headlines = RP_AUTO;
}

static int in01(double x)
{
	return x >= 0.0 && x <= 1.0 && !isnan(x);
}

rp_status rp__config_check(const rp_config *cfg, char *err)
{
	if (!cfg)
		return rp__errf(err, RP_EINVAL, "no configuration given");
	if (cfg->norm != RP_NORM_TEXT && cfg->norm != RP_NORM_LOWER_SPACE)
		return rp__errf(err, RP_EINVAL, "unknown normalization %d",
				(int)cfg->norm);
	if (cfg->ngram < 1 || cfg->ngram > RP_MAX_NGRAM)
		return rp__errf(err, RP_EINVAL, "ngram %u is outside 1..%u",
				cfg->ngram, RP_MAX_NGRAM);
	if (cfg->perms < 1 || cfg->perms > RP_MAX_PERMS)
		return rp__errf(err, RP_EINVAL, "perms %u is outside 1..%u",
				cfg->perms, RP_MAX_PERMS);
	if (!in01(cfg->threshold) || cfg->threshold == 0.0)
		return rp__errf(err, RP_EINVAL,
				"threshold %g is outside (0, 1]",
				cfg->threshold);
	if (!in01(cfg->containment) && cfg->containment != RP_CONTAINMENT_AUTO)
		return rp__errf(err, RP_EINVAL,
				"containment %g is outside [0, 1]",
				cfg->containment);
	if (!in01(cfg->excerpt_ratio) || cfg->excerpt_ratio == 0.0)
		return rp__errf(err, RP_EINVAL,
				"excerpt ratio %g is outside (0, 1]",
				cfg->excerpt_ratio);
	if (!in01(cfg->lsh_recall) || cfg->lsh_recall == 0.0 ||
	    cfg->lsh_recall == 1.0)
		return rp__errf(err, RP_EINVAL,
				"LSH recall %g is outside (0, 1)",
				cfg->lsh_recall);
	if ((cfg->bands == 0) != (cfg->rows == 0))
		return rp__errf(err, RP_EINVAL,
				"bands and rows must be given together");
	if (cfg->bands && (uint64_t)cfg->bands * cfg->rows > cfg->perms)
		return rp__errf(err, RP_EINVAL,
				"%u bands x %u rows need more than %u perms",
				cfg->bands, cfg->rows, cfg->perms);
	if (!in01(cfg->bp_min_share))
		return rp__errf(err, RP_EINVAL,
				"boilerplate share %g is outside [0, 1]",
				cfg->bp_min_share);
	if (cfg->boilerplate > 0 && cfg->bp_min_docs < 2)
		return rp__errf(err, RP_EINVAL,
				"boilerplate needs at least 2 pages (got %u)",
				cfg->bp_min_docs);
	if (cfg->bucket_cap < 2)
		return rp__errf(err, RP_EINVAL,
				"bucket cap must be at least 2");
	if (cfg->max_doc_bytes == 0 || cfg->max_doc_bytes > ((size_t)256 << 20))
		return rp__errf(err, RP_EINVAL,
				"largest document must be 1 byte to 256 MiB");
	return RP_OK;
}

void rp_config_resolve(rp_config *cfg)
{
	/* Reprints of news pages are often excerpts, found by containment;
	 * lower-space is the mode of plain Jaccard deduplication. */
	int text = cfg->norm == RP_NORM_TEXT;
	if (cfg->containment < 0.0)
		cfg->containment = text ? 0.6 : 0.0;
	/* page furniture is a property of web pages, not of plain texts
	 * compared with Jaccard alone */
	if (cfg->furniture < 0)
		cfg->furniture = text;
	if (cfg->boilerplate < 0)
		cfg->boilerplate = text;
	/* origins and reprint kinds are about news pages */
	if (cfg->syndicate < 0)
		cfg->syndicate = text;
	/* news items of one template differ in their figures; plain
	 * deduplication compares text alone */
	if (cfg->figures < 0)
		cfg->figures = text;
	if (cfg->headlines < 0)
		cfg->headlines = text;
}

rp_status rp_config_check(const rp_config *cfg, char *msg, size_t cap)
{
	char err[RP__ERRMSG_CAP];
	rp_status st = rp__config_check(cfg, err);
	if (st != RP_OK && msg && cap) {
		size_t n = strlen(err);
		if (n >= cap)
			n = cap - 1;
		memcpy(msg, err, n);
		msg[n] = '\0';
	}
	return st;
}
