/*
 * status.c - status codes, version, error messages and the small runtime
 * helpers (clock, core count, overflow-checked allocation).
 *
 * The status table lives in reprint.h as an X-macro so the enum, its
 * numbers and its messages cannot drift apart.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#ifdef RP_FAULT_INJECTION
#include <stdatomic.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

const char *rp_version(void)
{
	return RP_VERSION_STRING;
}

const char *rp_status_str(rp_status st)
{
	switch (st) {
#define RP__STATUS_CASE(name, num, msg) \
	case name:                      \
		return msg;
		RP_STATUS_TABLE(RP__STATUS_CASE)
#undef RP__STATUS_CASE
	}
	return "unknown status";
}

rp_status rp__errf(char *buf, rp_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, RP__ERRMSG_CAP, fmt, ap);
	va_end(ap);
	return st;
}

#ifdef RP_FAULT_INJECTION
/* Allocation failures on purpose, in the test builds only (the Makefile
 * defines RP_FAULT_INJECTION for build/asan and build/vg, never for the
 * shipped library, which has no such hook and no global state): the
 * countdown's allocation fails, then it is off again. Every allocation of
 * the library comes through the three functions below; with no countdown
 * set, the cost is one relaxed load. */
static atomic_long fail_countdown;

void rp__alloc_fail_after(long n)
{
	atomic_store(&fail_countdown, n > 0 ? n : 0);
}

int rp__alloc_fail_pending(void)
{
	return atomic_load(&fail_countdown) > 0;
}

static int fails_now(void)
{
	if (atomic_load_explicit(&fail_countdown, memory_order_relaxed) <= 0)
		return 0;
	return atomic_fetch_sub(&fail_countdown, 1) == 1;
}
#else
static int fails_now(void)
{
	return 0;
}
#endif

void *rp__malloc_n(size_t n, size_t size)
{
	if ((size && n > SIZE_MAX / size) || fails_now())
		return NULL;
	return malloc(n && size ? n * size : 1);
}

void *rp__calloc_n(size_t n, size_t size)
{
	if ((size && n > SIZE_MAX / size) || fails_now())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *rp__realloc_n(void *p, size_t n, size_t size)
{
	if ((size && n > SIZE_MAX / size) || fails_now())
		return NULL;
	return realloc(p, n && size ? n * size : 1);
}

rp_status rp__grow(void **p, size_t *cap, size_t need, size_t elem,
		   size_t limit)
{
	size_t ncap;
	void *np;
	if (need <= *cap)
		return RP_OK;
	if (need > limit)
		return RP_ETOOBIG;
	ncap = *cap ? *cap : 16;
	while (ncap < need)
		ncap = ncap > limit / 2 ? limit : ncap * 2;
	np = rp__realloc_n(*p, ncap, elem);
	if (!np)
		return RP_ENOMEM;
	*p = np;
	*cap = ncap;
	return RP_OK;
}

uint64_t rp__now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

unsigned rp__cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1u : (unsigned)n;
}

size_t rp__physical_memory(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	if (pages <= 0 || size <= 0 ||
	    (unsigned long)pages > SIZE_MAX / (unsigned long)size)
		return 0;
	return (size_t)pages * (size_t)size;
}
