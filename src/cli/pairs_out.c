/*
 * pairs_out.c - the --pairs file: millions of lines, written in parallel.
 *
 * Documents are cut into chunks; a round hands the chunks of its share out
 * to the threads (an atomic counter), each thread formats its chunks'
 * pairs into the chunk's own buffer through rp_ctx_pairs_range. A writer
 * thread writes a finished round's buffers in chunk order while the next
 * round is formatted into the other set of buffers (the kernel's copying
 * into the page cache, most of the cost of a large file, then overlaps
 * the formatting; writes to one file are serialised by the kernel anyway).
 * Every id is escaped once, before the first round, and copied from that
 * table into each line. The output is byte for byte what one thread
 * writing pair after pair would give.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define CHUNK_DOCS   1024 /* documents per chunk */
#define ROUND_CHUNKS 16   /* chunks per round: bounds the memory held */

typedef struct buf {
	char *p;
	size_t len, cap;
} buf;

typedef struct round {
	buf bufs[ROUND_CHUNKS];
	uint32_t n_chunks;
} round;

typedef struct writer {
	const rp_ctx *ctx;
	int jsonl, ids_only;
	char *ids;   /* the escaped ids, one after the other */
	size_t *off; /* id i is ids[off[i] .. off[i + 1]) */
	uint32_t n;
	/* the round being formatted: cur, from chunk first_chunk on */
	round rounds[2];
	round *cur;
	uint32_t first_chunk;
	atomic_uint next;
	atomic_int failed; /* an errno, or ENOMEM */
	/* the writer thread: pending[k] while rounds[k] waits to be written */
	int fd;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int pending[2], quit;
} writer;

static int reserve(buf *b, size_t more)
{
	size_t cap;
	char *p;
	if (b->len + more <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 1 << 16;
	while (cap < b->len + more)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

static void put(buf *b, const char *s, size_t n)
{
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void put_id(buf *b, const writer *w, uint32_t i)
{
	put(b, w->ids + w->off[i], w->off[i + 1] - w->off[i]);
}

static void put_num(buf *b, const char *label, double v)
{
	put(b, label, strlen(label));
	b->len += cli_fmt_fixed6(b->p + b->len, v);
}

typedef struct chunk_ctx {
	writer *w;
	buf *b;
} chunk_ctx;

static int format_pair(const rp_pair *p, void *user)
{
	chunk_ctx *c = user;
	const writer *w = c->w;
	buf *b = c->b;
	/* two ids, three numbers of at most 31 bytes, labels */
	if (reserve(b, w->off[p->a + 1] - w->off[p->a] + w->off[p->b + 1] -
			       w->off[p->b] + 256) != 0)
		return 1;
	if (w->jsonl) {
		put(b, "{\"a\":", 5);
		put_id(b, w, p->a);
		put(b, ",\"b\":", 5);
		put_id(b, w, p->b);
		if (!w->ids_only) {
			put_num(b, ",\"jaccard\":", p->jaccard);
			put_num(b, ",\"containment_a\":", p->contain_a);
			put_num(b, ",\"containment_b\":", p->contain_b);
			put(b, ",\"simhash_distance\":", 20);
			b->len += cli_fmt_uint(b->p + b->len, p->simhash_dist);
		}
		put(b, "}\n", 2);
	} else {
		put_id(b, w, p->a);
		put(b, "\t", 1);
		put_id(b, w, p->b);
		if (!w->ids_only) {
			put_num(b, "\t", p->jaccard);
			put_num(b, "\t", p->contain_a);
			put_num(b, "\t", p->contain_b);
			put(b, "\t", 1);
			b->len += cli_fmt_uint(b->p + b->len, p->simhash_dist);
		}
		put(b, "\n", 1);
	}
	return 0;
}

static void fail(writer *w, int err)
{
	int none = 0;
	atomic_compare_exchange_strong(&w->failed, &none, err);
}

static void format_chunks(writer *w)
{
	unsigned k;
	while ((k = atomic_fetch_add(&w->next, 1)) < w->cur->n_chunks &&
	       !atomic_load(&w->failed)) {
		uint64_t first = (uint64_t)(w->first_chunk + k) * CHUNK_DOCS;
		uint64_t last = first + CHUNK_DOCS;
		chunk_ctx c = {w, &w->cur->bufs[k]};
		c.b->len = 0;
		if (rp_ctx_pairs_range(w->ctx, (uint32_t)first,
				       (uint32_t)(last < w->n ? last : w->n),
				       format_pair, &c) != RP_OK)
			fail(w, ENOMEM);
	}
}

/* Write a round's buffers in order. */
static void write_round(writer *w, const round *r)
{
	unsigned k;
	for (k = 0; k < r->n_chunks && !atomic_load(&w->failed); k++) {
		const char *p = r->bufs[k].p;
		size_t left = r->bufs[k].len;
		while (left > 0) {
			ssize_t got = write(w->fd, p, left);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				fail(w, got < 0 ? errno : EIO);
				return;
			}
			p += got;
			left -= (size_t)got;
		}
	}
}

static void *writer_thread(void *arg)
{
	writer *w = arg;
	int k = 0;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->pending[k] && !w->quit)
			pthread_cond_wait(&w->cond, &w->lock);
		if (!w->pending[k])
			break;
		pthread_mutex_unlock(&w->lock);
		write_round(w, &w->rounds[k]);
		pthread_mutex_lock(&w->lock);
		w->pending[k] = 0;
		pthread_cond_broadcast(&w->cond);
		k ^= 1;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

typedef struct job {
	writer *w;
	void (*fn)(writer *w);
} job;

static void *run_job(void *arg)
{
	job *j = arg;
	j->fn(j->w);
	return NULL;
}

/* fn on `threads` threads (the caller's among them) until its work is
 * handed out. */
static void parallel(writer *w, void (*fn)(writer *w), unsigned threads)
{
	pthread_t th[64];
	job j = {w, fn};
	unsigned t, started = 0;
	atomic_store(&w->next, 0);
	for (t = 1; t < threads && t < 64; t++) {
		if (pthread_create(&th[started], NULL, run_job, &j) != 0)
			break;
		started++;
	}
	fn(w);
	for (t = 0; t < started; t++)
		pthread_join(th[t], NULL);
}

static int escape_ids(writer *w)
{
	uint32_t i;
	size_t len = 0, cap = 0;
	w->off = malloc(((size_t)w->n + 1) * sizeof *w->off);
	if (!w->off)
		return -1;
	for (i = 0; i < w->n; i++) {
		rp_doc_info d;
		size_t k, need;
		rp_ctx_doc(w->ctx, i, &d);
		k = strlen(d.id);
		need = len + 6 * k + 2;
		if (need > cap) {
			char *t;
			cap = need > 2 * cap ? need : 2 * cap;
			t = realloc(w->ids, cap);
			if (!t)
				return -1;
			w->ids = t;
		}
		w->off[i] = len;
		if (w->jsonl)
			w->ids[len++] = '"';
		len += cli_escape(w->ids + len, d.id, k, w->jsonl);
		if (w->jsonl)
			w->ids[len++] = '"';
	}
	w->off[w->n] = len;
	return 0;
}

/* The rounds; 0 or an errno. Without a writer thread, each round is
 * written as soon as it is formatted. */
static int write_all(writer *w, FILE *f, unsigned threads)
{
	uint32_t chunks = (w->n + CHUNK_DOCS - 1) / CHUNK_DOCS, c;
	pthread_t th;
	int k = 0, threaded;
	if (fflush(f) != 0)
		return errno ? errno : EIO;
	w->fd = fileno(f);
	threaded = pthread_create(&th, NULL, writer_thread, w) == 0;
	for (c = 0; c < chunks && !atomic_load(&w->failed);
	     c += ROUND_CHUNKS, k ^= 1) {
		pthread_mutex_lock(&w->lock);
		while (w->pending[k])
			pthread_cond_wait(&w->cond, &w->lock);
		pthread_mutex_unlock(&w->lock);
		w->cur = &w->rounds[k];
		w->first_chunk = c;
		w->cur->n_chunks =
			chunks - c < ROUND_CHUNKS ? chunks - c : ROUND_CHUNKS;
		parallel(w, format_chunks, threads);
		if (!threaded) {
			write_round(w, w->cur);
			continue;
		}
		pthread_mutex_lock(&w->lock);
		w->pending[k] = 1;
		pthread_cond_broadcast(&w->cond);
		pthread_mutex_unlock(&w->lock);
	}
	if (threaded) {
		pthread_mutex_lock(&w->lock);
		w->quit = 1;
		pthread_cond_broadcast(&w->cond);
		pthread_mutex_unlock(&w->lock);
		pthread_join(th, NULL);
	}
	return atomic_load(&w->failed);
}

int cli_write_pairs(rp_ctx *ctx, const char *path, int jsonl, int ids_only,
		    unsigned threads)
{
	writer *w = calloc(1, sizeof *w);
	FILE *f;
	int err = 0, k;
	if (!w) {
		cli_error("out of memory writing '%s'", path);
		return -1;
	}
	w->ctx = ctx;
	w->jsonl = jsonl;
	w->ids_only = ids_only;
	w->n = rp_ctx_doc_count(ctx);
	atomic_init(&w->next, 0);
	atomic_init(&w->failed, 0);
	f = cli_open_out(path);
	if (!f) {
		free(w);
		return -1;
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	if (escape_ids(w) != 0)
		err = ENOMEM;
	else
		err = write_all(w, f, threads ? threads : 1);
	for (k = 0; k < ROUND_CHUNKS; k++) {
		free(w->rounds[0].bufs[k].p);
		free(w->rounds[1].bufs[k].p);
	}
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->cond);
	free(w->ids);
	free(w->off);
	free(w);
	if (err) {
		cli_error("cannot write '%s': %s", path, strerror(err));
		if (f != stdout)
			fclose(f);
		return -1;
	}
	return cli_close_out(f, path);
}
