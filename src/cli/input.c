/*
 * input.c - walking the inputs of a command and handing out documents.
 *
 * A plain file is one document. A directory is walked recursively in
 * byte order of names, skipping names that start with '.', and a directory
 * met again on the current path (a symlink loop) is skipped. Files ending
 * in .jsonl (or all files, with --jsonl) hold one JSON object per line.
 * Every problem (unreadable file, file over the size cap, broken JSONL
 * line, line without text) is reported with the file and line and counted;
 * the rest is still read.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
#include "jsonl.h"

#define MAX_DEPTH 64

typedef struct walk {
	const input_opts *o;
	input_doc_fn fn;
	void *user;
	input_stats *st;
	dev_t dev[MAX_DEPTH];
	ino_t ino[MAX_DEPTH];
	int depth;
	jsonl_parser jp;
} walk;

void input_opts_init(input_opts *o)
{
	memset(o, 0, sizeof *o);
	o->id_field = "id";
	o->text_field = "text";
	o->max_doc_bytes = (size_t)64 << 20;
	o->max_line_bytes = (size_t)256 << 20;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
warn(const walk *w, const char *fmt, ...)
{
	va_list ap;
	if (w->o->quiet)
		return;
	fputs("reprint: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A TSV field: tabs and line ends would break the row. */
static void tsv_field(FILE *f, const char *s)
{
	for (; *s; s++)
		putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

void input_skipped_row(FILE *f, const char *where, const char *id,
		       const char *reason)
{
	tsv_field(f, where);
	putc('\t', f);
	tsv_field(f, id ? id : "");
	putc('\t', f);
	tsv_field(f, reason);
	putc('\n', f);
}

/* An input that gives no document: counted (in *what and as skipped),
 * reported (unless quiet) and listed (with --skipped). where is the
 * file, or file:line; id the document's id when known. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void
skip(const walk *w, uint64_t *what, const char *where, const char *id,
     const char *fmt, ...)
{
	char reason[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	(*what)++;
	w->st->skipped++;
	if (id && *id)
		warn(w, "%s: skipping document '%s': %s", where, id, reason);
	else
		warn(w, "%s: skipping: %s", where, reason);
	if (w->o->skipped)
		input_skipped_row(w->o->skipped, where, id, reason);
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcmp(s + n - k, suf) == 0;
}

/* Read a whole stream, up to cap bytes; *over = 1 when it is larger. */
static char *slurp(FILE *f, size_t cap, size_t *len, int *over)
{
	size_t n = 0, c = 65536;
	char *b = malloc(c);
	*over = 0;
	if (!b)
		return NULL;
	for (;;) {
		size_t got;
		if (n == c) {
			char *nb;
			if (c > cap) {
				*over = 1;
				break;
			}
			c *= 2;
			nb = realloc(b, c);
			if (!nb) {
				free(b);
				return NULL;
			}
			b = nb;
		}
		got = fread(b + n, 1, c - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (n > cap)
		*over = 1;
	if (ferror(f)) {
		free(b);
		return NULL;
	}
	*len = n;
	return b;
}

static int emit(walk *w, const rp_doc *d)
{
	w->st->docs++;
	return w->fn(w->user, d);
}

/* id of a file met in a directory walk or named directly */
static char *file_id(const walk *w, const char *shown)
{
	const char *base, *dot;
	if (!w->o->id_basename)
		return strdup(shown);
	base = strrchr(shown, '/');
	base = base ? base + 1 : shown;
	dot = strrchr(base, '.');
	return strndup(base, dot && dot != base ? (size_t)(dot - base)
						: strlen(base));
}

static int read_plain(walk *w, FILE *f, const char *path, const char *shown)
{
	size_t len = 0;
	int over, rc;
	char *text = slurp(f, w->o->max_doc_bytes, &len, &over);
	char *id, *outlet = NULL;
	rp_doc d;
	if (!text) {
		skip(w, &w->st->unreadable, path, NULL, "cannot read: %s",
		     strerror(errno));
		return 0;
	}
	if (over) {
		skip(w, &w->st->too_big, path, NULL,
		     "larger than the %zu-byte document limit "
		     "(--max-doc-bytes)",
		     w->o->max_doc_bytes);
		free(text);
		return 0;
	}
	id = file_id(w, shown);
	if (!id) {
		free(text);
		return -1;
	}
	memset(&d, 0, sizeof d);
	d.id = id;
	if (w->o->outlet_from_dir && strchr(shown, '/')) {
		/* the first directory below the one given */
		outlet = strndup(shown, (size_t)(strchr(shown, '/') - shown));
		d.outlet = outlet;
	}
	d.text = text;
	d.text_len = len;
	rc = emit(w, &d);
	free(outlet);
	free(id);
	free(text);
	return rc;
}

/* JSON strings hold code points, not bytes: a page in another charset
 * travels in JSONL as one code point U+0000-U+00FF per byte. When a line
 * names its charset, turn such a text back into its bytes, in place (it
 * only shrinks); a text with higher code points is Unicode already, and
 * the name is ignored (returns 0). */
static int code_points_to_bytes(char *s, size_t *len)
{
	size_t i, k = 0, n = *len;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 && !((c == 0xC2 || c == 0xC3) && ++i < n))
			return 0; /* checked before anything is written */
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			c = (unsigned char)(((c & 0x03) << 6) |
					    ((unsigned char)s[++i] & 0x3F));
		s[k++] = (char)c;
	}
	*len = k;
	return 1;
}

/* Nothing but spaces, tabs and a CR. */
static int blank(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* "file:line" */
static void line_where(char *buf, size_t cap, const char *path, uint64_t lineno)
{
	snprintf(buf, cap, "%s:%llu", path, (unsigned long long)lineno);
}

/* One JSONL line; returns what fn returned. */
static int jsonl_line(walk *w, const char *path, uint64_t lineno,
		      const char *line, size_t n)
{
	jsonl_field f[7] = {{w->o->id_field, NULL, 0, 0},
			    {w->o->text_field, NULL, 0, 0},
			    {w->o->outlet_field, NULL, 0, 0},
			    {w->o->date_field, NULL, 0, 0},
			    {w->o->url_field, NULL, 0, 0},
			    {w->o->encoding_field, NULL, 0, 0},
			    {w->o->title_field, NULL, 0, 0}};
	char where[4096 + 32], idbuf[4096 + 32];
	rp_doc d;
	w->st->lines++;
	line_where(where, sizeof where, path, lineno);
	if (blank(line, n))
		return 0; /* blank lines are not documents */
	if (jsonl_parse(&w->jp, line, n, f, 7) != 0) {
		skip(w, &w->st->bad_lines, where, NULL, "broken JSONL line: %s",
		     w->jp.err);
		return 0;
	}
	if (!f[1].found) {
		skip(w, &w->st->no_text, where,
		     f[0].found && strlen(f[0].val) == f[0].len ? f[0].val
								: NULL,
		     "no '%s' string", w->o->text_field);
		return 0;
	}
	memset(&d, 0, sizeof d);
	if (f[0].found && strlen(f[0].val) == f[0].len && f[0].len > 0) {
		d.id = f[0].val;
	} else {
		/* no usable id: the line is named by its place */
		snprintf(idbuf, sizeof idbuf, "%s", where);
		d.id = idbuf;
	}
	d.text = f[1].val;
	d.text_len = f[1].len;
	d.outlet = f[2].found ? f[2].val : NULL;
	d.date = f[3].found ? f[3].val : NULL;
	d.url = f[4].found ? f[4].val : NULL;
	d.title = f[6].found ? f[6].val : NULL;
	d.encoding = f[5].found ? f[5].val : NULL;
	if (d.encoding &&
	    !code_points_to_bytes((char *)(uintptr_t)d.text, &d.text_len))
		d.encoding = NULL;
	if (d.text_len > w->o->max_doc_bytes) {
		skip(w, &w->st->too_big, where, d.id,
		     "larger than the %zu-byte document limit "
		     "(--max-doc-bytes)",
		     w->o->max_doc_bytes);
		return 0;
	}
	return emit(w, &d);
}

static void long_line(const walk *w, const char *path, uint64_t lineno)
{
	char where[4096 + 32];
	line_where(where, sizeof where, path, lineno);
	skip(w, &w->st->bad_lines, where, NULL,
	     "a line longer than %zu bytes (--max-line-bytes)",
	     w->o->max_line_bytes);
}

static int read_jsonl(walk *w, FILE *f, const char *path)
{
	size_t cap = w->o->max_line_bytes < (1 << 16) ? w->o->max_line_bytes + 1
						      : 1 << 16,
	       len = 0, start;
	char *buf = malloc(cap);
	uint64_t lineno = 0;
	int skipping = 0, rc = 0;
	if (!buf)
		return -1;
	w->st->jsonl_files++;
	for (;;) {
		size_t got = fread(buf + len, 1, cap - len, f);
		char *nl;
		int eof = got == 0;
		len += got;
		start = 0;
		while ((nl = memchr(buf + start, '\n', len - start)) != NULL ||
		       (eof && start < len)) {
			size_t end = nl ? (size_t)(nl - buf) : len;
			lineno++;
			if (skipping) {
				skipping = 0; /* tail of an over-long line */
			} else if (end - start > w->o->max_line_bytes) {
				long_line(w, path, lineno);
			} else {
				size_t n = end - start;
				if (n && buf[start + n - 1] == '\r')
					n--;
				rc = jsonl_line(w, path, lineno, buf + start,
						n);
				if (rc)
					goto out;
			}
			start = nl ? end + 1 : len;
		}
		memmove(buf, buf + start, len - start);
		len -= start;
		if (eof)
			break;
		if (len == cap) {
			if (cap > w->o->max_line_bytes) {
				/* drop what we have, skip to the newline */
				if (!skipping)
					long_line(w, path, lineno + 1);
				skipping = 1;
				len = 0;
			} else {
				char *nb;
				cap = cap * 2 > w->o->max_line_bytes
					      ? w->o->max_line_bytes + 1
					      : cap * 2;
				nb = realloc(buf, cap);
				if (!nb) {
					rc = -1;
					goto out;
				}
				buf = nb;
			}
		}
	}
	if (ferror(f)) {
		w->st->unreadable++;
		warn(w, "error while reading '%s': %s", path, strerror(errno));
	}
out:
	free(buf);
	return rc;
}

static int walk_path(walk *w, const char *path, const char *shown, int top);

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(walk *w, const char *path, const char *rel,
		    const struct stat *sb)
{
	DIR *dir;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int k, rc = 0;
	for (k = 0; k < w->depth; k++)
		if (w->dev[k] == sb->st_dev && w->ino[k] == sb->st_ino) {
			w->st->dirs_skipped++;
			warn(w, "skipping '%s': %s", path,
			     "directory loop (a symlink to a parent)");
			return 0;
		}
	if (w->depth == MAX_DEPTH) {
		w->st->dirs_skipped++;
		warn(w, "skipping '%s': %s", path,
		     "directories nested too deep");
		return 0;
	}
	dir = opendir(path);
	if (!dir) {
		w->st->dirs_skipped++;
		warn(w, "cannot open directory '%s': %s", path,
		     strerror(errno));
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 64) *
							   sizeof *names);
			if (!nn) {
				rc = -1;
				break;
			}
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name))) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(dir);
	if (rc == 0 && n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	w->dev[w->depth] = sb->st_dev;
	w->ino[w->depth] = sb->st_ino;
	w->depth++;
	for (i = 0; rc == 0 && i < n; i++) {
		size_t lp = strlen(path), lr = strlen(rel),
		       ln = strlen(names[i]);
		char *child = malloc(lp + ln + 2), *crel = malloc(lr + ln + 2);
		if (!child || !crel) {
			free(child);
			free(crel);
			rc = -1;
			break;
		}
		sprintf(child, "%s%s%s", path,
			lp && path[lp - 1] == '/' ? "" : "/", names[i]);
		sprintf(crel, "%s%s%s", rel, lr ? "/" : "", names[i]);
		rc = walk_path(w, child, crel, 0);
		free(child);
		free(crel);
	}
	w->depth--;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int walk_path(walk *w, const char *path, const char *shown, int top)
{
	struct stat sb;
	FILE *f;
	int rc;
	if (strcmp(path, "-") == 0) {
		w->st->files++;
		return w->o->jsonl ? read_jsonl(w, stdin, "-")
				   : read_plain(w, stdin, "-", "-");
	}
	if (stat(path, &sb) != 0) {
		skip(w, &w->st->unreadable, path, NULL, "cannot open: %s",
		     strerror(errno));
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return walk_dir(w, path, top ? "" : shown, &sb);
	if (!S_ISREG(sb.st_mode) && !top)
		return 0; /* sockets, fifos met while walking */
	w->st->files++;
	f = fopen(path, "rb");
	if (!f) {
		skip(w, &w->st->unreadable, path, NULL, "cannot open: %s",
		     strerror(errno));
		return 0;
	}
	if (w->o->jsonl || ends_with(path, ".jsonl"))
		rc = read_jsonl(w, f, shown);
	else
		rc = read_plain(w, f, path, shown);
	fclose(f);
	return rc;
}

int input_walk(const char *path, const input_opts *o, input_doc_fn fn,
	       void *user, input_stats *st)
{
	walk w;
	int rc;
	memset(&w, 0, sizeof w);
	w.o = o;
	w.fn = fn;
	w.user = user;
	w.st = st;
	jsonl_init(&w.jp);
	rc = walk_path(&w, path, path, 1);
	jsonl_release(&w.jp);
	return rc;
}
