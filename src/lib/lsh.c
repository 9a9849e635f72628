/*
 * lsh.c - banded locality-sensitive hashing over MinHash signatures.
 *
 * K values are cut into b bands of r rows; two documents become candidates
 * when all r values of some band agree. For Jaccard s the probability is
 * 1 - (1 - s^r)^b (Leskovec, Rajaraman, Ullman, Mining of Massive Datasets,
 * ch. 3.4). The shape is chosen so that a pair at the target similarity is
 * caught with probability at least cfg->lsh_recall (0.99): the largest r
 * (fewest false candidates) for which b = floor(K / r) bands still reach
 * it. Candidates are verified exactly afterwards, so a generous shape only
 * costs time, never precision.
 *
 * Each band is a sorted array of (band key, doc); a bucket is a run of
 * equal keys, and a document finds the members after it in its bucket by
 * walking forward from its own slot.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "hash.h"
#include "lsh.h"

double rp_lsh_probability(unsigned bands, unsigned rows, double s)
{
	if (bands == 0 || rows == 0 || !(s >= 0.0))
		return 0.0;
	if (s >= 1.0)
		return 1.0;
	return 1.0 - pow(1.0 - pow(s, (double)rows), (double)bands);
}

rp_status rp_lsh_params_for(const rp_config *given, rp_lsh_params *out)
{
	char err[RP__ERRMSG_CAP];
	rp_config resolved, *cfg = &resolved;
	double t;
	unsigned r;
	rp_status st = rp__config_check(given, err);
	if (st != RP_OK || !out)
		return st != RP_OK ? st : RP_EINVAL;
	resolved = *given;
	rp_config_resolve(cfg);
	t = cfg->threshold;
	if (cfg->containment > 0.0) {
		/* An excerpt of size ratio q contained at C in its original
		 * has Jaccard C q / (1 + q - C q); LSH must reach it. */
		double c = cfg->containment, q = cfg->excerpt_ratio;
		double j = c * q / (1.0 + q - c * q);
		if (j < t)
			t = j;
	}
	out->target = t;
	if (cfg->bands) {
		out->bands = cfg->bands;
		out->rows = cfg->rows;
	} else {
		out->rows = 1;
		out->bands = cfg->perms;
		for (r = cfg->perms; r >= 1; r--) {
			unsigned b = cfg->perms / r;
			if (rp_lsh_probability(b, r, t) >= cfg->lsh_recall) {
				out->rows = r;
				out->bands = b;
				break;
			}
		}
	}
	out->p_target = rp_lsh_probability(out->bands, out->rows, t);
	return RP_OK;
}

typedef struct build_job {
	rp__lsh *l;
	unsigned perms;
	const uint32_t *sig, *row_of, *docs;
	uint32_t cap;
	uint64_t seed;
	rp__band_entry *tmp; /* m entries per thread for sorting */
	atomic_uint next_band;
	atomic_uint_fast64_t buckets, capped, capped_members;
	/* the largest capped bucket: size << 32 | ~first document */
	atomic_uint_fast64_t largest;
} build_job;

static void build_band(build_job *j, unsigned band, rp__band_entry *tmp)
{
	rp__lsh *l = j->l;
	rp__band_entry *e = l->entries + (size_t)band * l->m;
	uint32_t *slot = l->slot + (size_t)band * l->n;
	uint32_t i, k;
	uint64_t buckets = 0, capped = 0, members = 0, largest = 0;

	for (i = 0; i < l->m; i++) {
		uint32_t d = j->docs[i];
		const uint32_t *v = j->sig + (size_t)j->row_of[d] * j->perms +
				    (size_t)band * l->rows;
		/* 32 bits of the band's hash: the radix sort then skips the
		 * four high bytes; the rare tuples that share them only bring
		 * extra candidates, which verification turns away */
		e[i].key = rp__hash(v, l->rows * sizeof *v, j->seed + band) &
			   0xFFFFFFFFu;
		e[i].val = d;
	}
	/* docs[] increase, so the stable sort orders by (key, doc) */
	rp__radix_sort_kv(e, tmp, l->m);
	for (i = 0; i < l->n; i++)
		slot[i] = RP__LSH_NONE;
	for (i = 0; i < l->m; i = k) {
		for (k = i + 1; k < l->m && e[k].key == e[i].key; k++)
			;
		if (k - i < 2)
			continue;
		buckets++;
		if (k - i > j->cap) {
			uint64_t mark =
				(uint64_t)(k - i) << 32 | (uint32_t)~e[i].val;
			capped++;
			members += k - i;
			if (mark > largest)
				largest = mark;
			continue;
		}
		for (uint32_t x = i; x < k; x++) {
			e[x].aux = k;
			slot[e[x].val] = x;
		}
	}
	atomic_fetch_add(&j->buckets, buckets);
	atomic_fetch_add(&j->capped, capped);
	atomic_fetch_add(&j->capped_members, members);
	{
		uint64_t seen = atomic_load(&j->largest);
		while (largest > seen && !atomic_compare_exchange_weak(
						 &j->largest, &seen, largest))
			;
	}
}

static void build_worker(void *arg, unsigned t)
{
	build_job *j = arg;
	unsigned band;
	while ((band = atomic_fetch_add(&j->next_band, 1)) < j->l->bands)
		build_band(j, band, j->tmp + (size_t)t * j->l->m);
}

rp_status rp__lsh_build(rp__lsh *l, unsigned bands, unsigned rows,
			unsigned perms, const uint32_t *sig,
			const uint32_t *row_of, const uint32_t *docs,
			uint32_t m, uint32_t n, uint32_t cap, uint64_t seed,
			unsigned threads)
{
	build_job j;
	memset(l, 0, sizeof *l);
	l->bands = bands;
	l->rows = rows;
	l->n = n;
	l->m = m;
	l->entries = rp__malloc_n((size_t)bands * m, sizeof *l->entries);
	l->slot = rp__malloc_n((size_t)bands * n, sizeof *l->slot);
	memset(&j, 0, sizeof j);
	j.tmp = rp__malloc_n((size_t)threads * m, sizeof *j.tmp);
	if (!l->entries || !l->slot || !j.tmp) {
		free(j.tmp);
		rp__lsh_release(l);
		return RP_ENOMEM;
	}
	j.l = l;
	j.perms = perms;
	j.sig = sig;
	j.row_of = row_of;
	j.docs = docs;
	j.cap = cap;
	j.seed = seed;
	atomic_init(&j.next_band, 0);
	atomic_init(&j.buckets, 0);
	atomic_init(&j.capped, 0);
	atomic_init(&j.capped_members, 0);
	atomic_init(&j.largest, 0);
	rp__parallel(threads, build_worker, &j);
	l->buckets = atomic_load(&j.buckets);
	l->capped = atomic_load(&j.capped);
	l->capped_members = atomic_load(&j.capped_members);
	l->capped_largest = (uint32_t)(atomic_load(&j.largest) >> 32);
	l->capped_doc = ~(uint32_t)atomic_load(&j.largest);
	free(j.tmp);
	return RP_OK;
}

void rp__lsh_release(rp__lsh *l)
{
	free(l->entries);
	free(l->slot);
	memset(l, 0, sizeof *l);
}
