/*
 * jsonl.c - a strict, allocation-light JSON reader for one JSONL line.
 *
 * The whole line is validated (RFC 8259 grammar), but only the top-level
 * members that were asked for are decoded, into one growing buffer reused
 * from line to line. \u escapes become UTF-8; an unpaired surrogate becomes
 * U+FFFD; \u0000 stays a NUL byte inside the value (its length says where
 * it ends). Nesting is capped at JSONL_MAX_DEPTH so hostile input cannot
 * exhaust the stack. When a key repeats, the last value wins.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

typedef struct cur {
	const char *s;
	size_t n, i;
	jsonl_parser *p;
} cur;

void jsonl_init(jsonl_parser *p)
{
	memset(p, 0, sizeof *p);
}

void jsonl_release(jsonl_parser *p)
{
	free(p->buf);
	memset(p, 0, sizeof *p);
}

static int fail(cur *c, const char *what)
{
	snprintf(c->p->err, sizeof c->p->err, "%s at column %zu", what,
		 c->i + 1);
	return -1;
}

static void skip_ws(cur *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' ||
			       c->s[c->i] == '\r' || c->s[c->i] == '\n'))
		c->i++;
}

static int put(cur *c, const char *b, size_t k)
{
	jsonl_parser *p = c->p;
	if (p->len + k + 1 > p->cap) {
		size_t nc = p->cap ? p->cap : 256;
		char *nb;
		while (nc < p->len + k + 1)
			nc *= 2;
		nb = realloc(p->buf, nc);
		if (!nb)
			return fail(c, "out of memory");
		p->buf = nb;
		p->cap = nc;
	}
	memcpy(p->buf + p->len, b, k);
	p->len += k;
	return 0;
}

static int put_cp(cur *c, uint32_t cp)
{
	char b[4];
	size_t k;
	if (cp < 0x80) {
		b[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	return put(c, b, k);
}

static int hex4(cur *c, uint32_t *out)
{
	uint32_t v = 0;
	size_t k;
	if (c->n - c->i < 4)
		return fail(c, "short \\u escape");
	for (k = 0; k < 4; k++) {
		char h = c->s[c->i + k];
		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= (uint32_t)(h - '0');
		else if (h >= 'a' && h <= 'f')
			v |= (uint32_t)(h - 'a' + 10);
		else if (h >= 'A' && h <= 'F')
			v |= (uint32_t)(h - 'A' + 10);
		else
			return fail(c, "bad \\u escape");
	}
	c->i += 4;
	*out = v;
	return 0;
}

/* A string at c->i (on the opening quote); decoded when keep. */
static int string(cur *c, int keep)
{
	c->i++;
	for (;;) {
		size_t start = c->i;
		unsigned char ch;
		while (c->i < c->n && c->s[c->i] != '"' && c->s[c->i] != '\\' &&
		       (unsigned char)c->s[c->i] >= 0x20)
			c->i++;
		if (keep && c->i > start && put(c, c->s + start, c->i - start))
			return -1;
		if (c->i >= c->n)
			return fail(c, "unterminated string");
		ch = (unsigned char)c->s[c->i];
		if (ch == '"') {
			c->i++;
			return 0;
		}
		if (ch < 0x20)
			return fail(c, "control character in string");
		c->i++; /* backslash */
		if (c->i >= c->n)
			return fail(c, "unterminated escape");
		ch = (unsigned char)c->s[c->i++];
		{
			char e;
			uint32_t cp, lo;
			switch (ch) {
			case '"':
				e = '"';
				break;
			case '\\':
				e = '\\';
				break;
			case '/':
				e = '/';
				break;
			case 'b':
				e = '\b';
				break;
			case 'f':
				e = '\f';
				break;
			case 'n':
				e = '\n';
				break;
			case 'r':
				e = '\r';
				break;
			case 't':
				e = '\t';
				break;
			case 'u':
				if (hex4(c, &cp))
					return -1;
				if (cp >= 0xD800 && cp <= 0xDBFF &&
				    c->n - c->i >= 6 && c->s[c->i] == '\\' &&
				    c->s[c->i + 1] == 'u') {
					size_t save = c->i;
					c->i += 2;
					if (hex4(c, &lo))
						return -1;
					if (lo >= 0xDC00 && lo <= 0xDFFF)
						cp = 0x10000 +
						     ((cp - 0xD800) << 10) +
						     (lo - 0xDC00);
					else
						c->i = save;
				}
				if (cp >= 0xD800 && cp <= 0xDFFF)
					cp = 0xFFFD; /* unpaired surrogate */
				if (keep && put_cp(c, cp))
					return -1;
				continue;
			default:
				c->i--;
				return fail(c, "bad escape");
			}
			if (keep && put(c, &e, 1))
				return -1;
		}
	}
}

static int number(cur *c, int keep)
{
	size_t start = c->i;
	if (c->i < c->n && c->s[c->i] == '-')
		c->i++;
	if (c->i >= c->n || c->s[c->i] < '0' || c->s[c->i] > '9')
		return fail(c, "bad number");
	if (c->s[c->i] == '0')
		c->i++;
	else
		while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
			c->i++;
	if (c->i < c->n && c->s[c->i] == '.') {
		c->i++;
		if (c->i >= c->n || c->s[c->i] < '0' || c->s[c->i] > '9')
			return fail(c, "bad number");
		while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
			c->i++;
	}
	if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
		c->i++;
		if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-'))
			c->i++;
		if (c->i >= c->n || c->s[c->i] < '0' || c->s[c->i] > '9')
			return fail(c, "bad number");
		while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
			c->i++;
	}
	return keep ? put(c, c->s + start, c->i - start) : 0;
}

static int literal(cur *c, const char *w)
{
	size_t k = strlen(w);
	if (c->n - c->i < k || memcmp(c->s + c->i, w, k) != 0)
		return fail(c, "unexpected character");
	c->i += k;
	return 0;
}

static int value(cur *c, int depth);

static int container(cur *c, int depth, char close)
{
	if (depth >= JSONL_MAX_DEPTH)
		return fail(c, "nesting too deep");
	c->i++;
	skip_ws(c);
	if (c->i < c->n && c->s[c->i] == close) {
		c->i++;
		return 0;
	}
	for (;;) {
		skip_ws(c);
		if (close == '}') {
			if (c->i >= c->n || c->s[c->i] != '"')
				return fail(c, "expected a key");
			if (string(c, 0))
				return -1;
			skip_ws(c);
			if (c->i >= c->n || c->s[c->i] != ':')
				return fail(c, "expected ':'");
			c->i++;
		}
		if (value(c, depth + 1))
			return -1;
		skip_ws(c);
		if (c->i < c->n && c->s[c->i] == ',') {
			c->i++;
			continue;
		}
		if (c->i < c->n && c->s[c->i] == close) {
			c->i++;
			return 0;
		}
		return fail(c, close == '}' ? "expected ',' or '}'"
					    : "expected ',' or ']'");
	}
}

static int value(cur *c, int depth)
{
	skip_ws(c);
	if (c->i >= c->n)
		return fail(c, "unexpected end of line");
	switch (c->s[c->i]) {
	case '"':
		return string(c, 0);
	case '{':
		return container(c, depth, '}');
	case '[':
		return container(c, depth, ']');
	case 't':
		return literal(c, "true");
	case 'f':
		return literal(c, "false");
	case 'n':
		return literal(c, "null");
	default:
		return number(c, 0);
	}
}

/* Which requested field a key names, or -1; the key is decoded to the
 * buffer's tail and dropped again. */
static int key_index(cur *c, jsonl_field *f, size_t nf)
{
	size_t mark = c->p->len, k;
	int hit = -1;
	if (string(c, 1))
		return -2;
	for (k = 0; k < nf; k++)
		if (f[k].name && strlen(f[k].name) == c->p->len - mark &&
		    memcmp(f[k].name, c->p->buf + mark, c->p->len - mark) == 0)
			hit = (int)k;
	c->p->len = mark;
	return hit;
}

int jsonl_parse(jsonl_parser *p, const char *line, size_t n,
		jsonl_field *fields, size_t nfields)
{
	cur c = {line, n, 0, p};
	size_t k;
	if (nfields > JSONL_MAX_FIELDS)
		nfields = JSONL_MAX_FIELDS;
	p->len = 0;
	p->err[0] = '\0';
	for (k = 0; k < nfields; k++) {
		fields[k].found = 0;
		fields[k].val = NULL;
		fields[k].len = 0;
	}
	skip_ws(&c);
	if (c.i >= n || line[c.i] != '{')
		return fail(&c, "a line must hold one JSON object");
	c.i++;
	skip_ws(&c);
	if (c.i < n && line[c.i] == '}') {
		c.i++;
	} else {
		for (;;) {
			int f;
			skip_ws(&c);
			if (c.i >= n || line[c.i] != '"')
				return fail(&c, "expected a key");
			f = key_index(&c, fields, nfields);
			if (f == -2)
				return -1;
			skip_ws(&c);
			if (c.i >= n || line[c.i] != ':')
				return fail(&c, "expected ':'");
			c.i++;
			skip_ws(&c);
			if (f >= 0 && c.i < n &&
			    (line[c.i] == '"' || line[c.i] == '-' ||
			     (line[c.i] >= '0' && line[c.i] <= '9'))) {
				p->off[f] = p->len;
				if ((line[c.i] == '"' ? string(&c, 1)
						      : number(&c, 1)) ||
				    put(&c, "", 1))
					return -1;
				fields[f].found = 1;
				fields[f].len = p->len - 1 - p->off[f];
			} else {
				if (f >= 0)
					fields[f].found = 0; /* null etc. */
				if (value(&c, 1))
					return -1;
			}
			skip_ws(&c);
			if (c.i < n && line[c.i] == ',') {
				c.i++;
				continue;
			}
			if (c.i < n && line[c.i] == '}') {
				c.i++;
				break;
			}
			return fail(&c, "expected ',' or '}'");
		}
	}
	skip_ws(&c);
	if (c.i != n)
		return fail(&c, "text after the object");
	/* the buffer may have moved while growing: point at it only now */
	for (k = 0; k < nfields; k++)
		if (fields[k].found)
			fields[k].val = p->buf + p->off[k];
	return 0;
}
