/*
 * common.h - plumbing shared by every library file: internal prefix
 * rp__, overflow-checked allocation, growable arrays with a hard cap,
 * error messages on a handle, a monotonic clock.
 */
#ifndef RP_COMMON_H
#define RP_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "reprint.h"

#define RP__ERRMSG_CAP 512
#define RP__TITLE_CAP  1024 /* bytes of a headline given apart (rp_doc) */

/* n * size with overflow check; NULL on overflow or failure. */
void *rp__malloc_n(size_t n, size_t size);
void *rp__calloc_n(size_t n, size_t size);
void *rp__realloc_n(void *p, size_t n, size_t size);

#ifdef RP_FAULT_INJECTION
/* Test builds only (status.c): make the nth allocation from now fail (0:
 * none); pending while that allocation has not come yet. */
void rp__alloc_fail_after(long n);
int rp__alloc_fail_pending(void);
#endif

/* Grow *p (holding *cap elements of elem bytes) to hold at least need
 * elements, doubling; fails with RP_ETOOBIG past limit elements. */
rp_status rp__grow(void **p, size_t *cap, size_t need, size_t elem,
		   size_t limit);

/* Format a message into buf (cap RP__ERRMSG_CAP) and return st. */
rp_status rp__errf(char *buf, rp_status st, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Validate a configuration (config.c); message into err. */
rp_status rp__config_check(const rp_config *cfg, char *err);

uint64_t rp__now_ns(void);

/* Physical memory in bytes (0 when unknown). */
size_t rp__physical_memory(void);

/* Online cores, at least 1. */
unsigned rp__cpu_count(void);

/* Run fn(arg, t) on up to n threads, t = 0 on the caller's thread. Work
 * must be shared through a counter in arg: when a thread cannot start, the
 * others do its share, so this never fails. */
void rp__parallel(unsigned n, void (*fn)(void *arg, unsigned t), void *arg);

#endif
