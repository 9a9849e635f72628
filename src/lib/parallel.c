/*
 * parallel.c - run one function on n threads and wait for all of them.
 *
 * Work is handed out by the callers themselves (an atomic counter over
 * fixed-size chunks), and every result is written to a slot chosen by the
 * chunk, never by the thread, so output does not depend on scheduling.
 */
#include <pthread.h>
#include <stdlib.h>

#include "common.h"

typedef struct job {
	void (*fn)(void *arg, unsigned t);
	void *arg;
	unsigned t;
} job;

static void *trampoline(void *p)
{
	job *j = p;
	j->fn(j->arg, j->t);
	return NULL;
}

void rp__parallel(unsigned n, void (*fn)(void *arg, unsigned t), void *arg)
{
	pthread_t *th;
	job *jobs;
	unsigned started = 0, t;

	if (n <= 1) {
		fn(arg, 0);
		return;
	}
	th = rp__malloc_n(n, sizeof *th);
	jobs = rp__malloc_n(n, sizeof *jobs);
	if (!th || !jobs) {
		/* No room for thread handles: the caller does all the work. */
		free(th);
		free(jobs);
		fn(arg, 0);
		return;
	}
	for (t = 1; t < n; t++) {
		jobs[t].fn = fn;
		jobs[t].arg = arg;
		jobs[t].t = t;
		if (pthread_create(&th[t], NULL, trampoline, &jobs[t]) != 0)
			break;
		started++;
	}
	/* The caller's thread works too; threads that failed to start leave
	 * their share to the others through the shared work counter. */
	fn(arg, 0);
	for (t = 1; t <= started; t++)
		pthread_join(th[t], NULL);
	free(th);
	free(jobs);
}
