/* input.h - documents from files, directories, JSONL and stdin. */
#ifndef RP_CLI_INPUT_H
#define RP_CLI_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "reprint.h"

typedef struct input_opts {
	int jsonl;           /* treat every file as JSONL */
	int id_basename;     /* file ids: name without extension */
	int outlet_from_dir; /* outlet: first directory of the id */
	const char *id_field, *text_field;
	const char *outlet_field, *date_field, *url_field; /* NULL = none */
	const char *title_field;                           /* NULL = none */
	const char *encoding_field; /* JSONL field naming the charset */
	size_t max_doc_bytes;
	size_t max_line_bytes;
	int quiet; /* no warnings on stderr */
	/* when set, every skipped input is listed there as a TSV row:
	 * where (file, or file:line), id (when known), reason */
	FILE *skipped;
} input_opts;

typedef struct input_stats {
	uint64_t files, jsonl_files, lines, docs;
	uint64_t skipped; /* inputs that gave no document */
	uint64_t unreadable, too_big, bad_lines, no_text;
	uint64_t dirs_skipped; /* symlink loops, unreadable directories */
} input_stats;

/* Called once per document; a nonzero return stops the walk. */
typedef int (*input_doc_fn)(void *user, const rp_doc *doc);

void input_opts_init(input_opts *o);

/* One row of the --skipped list (see input_opts.skipped). */
void input_skipped_row(FILE *f, const char *where, const char *id,
		       const char *reason);

/* Read PATH ("-" = stdin): a file, a directory (recursive, sorted, hidden
 * entries skipped) or a JSONL file. Problems are counted in *st and, unless
 * quiet, reported on stderr; reading goes on. Returns 0, or -1 when fn
 * stopped the walk. */
int input_walk(const char *path, const input_opts *o, input_doc_fn fn,
	       void *user, input_stats *st);

#endif
