/* jsonl.h - pick string fields out of one JSON object (see jsonl.c). */
#ifndef RP_CLI_JSONL_H
#define RP_CLI_JSONL_H

#include <stddef.h>

#define JSONL_MAX_FIELDS 8
#define JSONL_MAX_DEPTH  256

typedef struct jsonl_field {
	const char *name; /* key to look for at the top level, or NULL */
	const char *val;  /* decoded value (NUL-terminated) when found */
	size_t len;
	int found;
} jsonl_field;

typedef struct jsonl_parser {
	char *buf; /* decoded values */
	size_t len, cap;
	size_t off[JSONL_MAX_FIELDS];
	char err[160];
} jsonl_parser;

void jsonl_init(jsonl_parser *p);
void jsonl_release(jsonl_parser *p);

/* Parse line[0..n) as one JSON object. For each requested field found at
 * the top level with a string value, val/len hold the decoded UTF-8 (a
 * number is taken as its literal text; null counts as absent). Returns 0,
 * or -1 with p->err naming the problem and its column. */
int jsonl_parse(jsonl_parser *p, const char *line, size_t n,
		jsonl_field *fields, size_t nfields);

#endif
