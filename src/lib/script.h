/* script.h - Traditional to Simplified Chinese, character by character
 * (see script.c). */
#ifndef RP_SCRIPT_H
#define RP_SCRIPT_H

#include <stdint.h>

#define RP__T2S_FIRST 0x3400u
#define RP__T2S_LAST  0x9FFFu

/* The table, built on first use from OpenCC's dictionaries: entry
 * cp - RP__T2S_FIRST is the Simplified form of cp, or 0 when cp has none
 * (or is already Simplified). NULL when OpenCC or its data is missing. */
const uint32_t *rp__t2s_table(void);
#ifdef RP_FAULT_INJECTION
/* Test builds only: drop the table, so that the next call builds it
 * again (while no other thread folds). */
void rp__t2s_table_drop(void);
#endif

static inline uint32_t rp__t2s(const uint32_t *table, uint32_t cp)
{
	uint32_t s;
	if (!table || cp < RP__T2S_FIRST || cp > RP__T2S_LAST)
		return cp;
	s = table[cp - RP__T2S_FIRST];
	return s ? s : cp;
}

#endif
