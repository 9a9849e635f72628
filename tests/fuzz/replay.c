/*
 * replay.c - run every fuzz target over its corpus directory as a plain
 * test: fuzz_replay CORPUS_DIR prints one line per target and exits 1 if a
 * corpus is missing (a crash aborts under the sanitizers).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fuzz_normalize(const uint8_t *data, size_t size);
int fuzz_jsonl(const uint8_t *data, size_t size);
int fuzz_pipeline(const uint8_t *data, size_t size);
int fuzz_decode(const uint8_t *data, size_t size);
int fuzz_page(const uint8_t *data, size_t size);
int fuzz_date(const uint8_t *data, size_t size);

static const struct target {
	const char *name;
	int (*fn)(const uint8_t *, size_t);
} targets[] = {{"normalize", fuzz_normalize}, {"jsonl", fuzz_jsonl},
	       {"pipeline", fuzz_pipeline},   {"decode", fuzz_decode},
	       {"page", fuzz_page},           {"date", fuzz_date}};

static int replay_file(const char *path, int (*fn)(const uint8_t *, size_t))
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	fn(buf, (size_t)n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	size_t t;
	int bad = 0;
	if (argc != 2) {
		fprintf(stderr, "usage: fuzz_replay CORPUS_DIR\n");
		return 2;
	}
	for (t = 0; t < sizeof targets / sizeof targets[0]; t++) {
		char dir[4096];
		DIR *d;
		struct dirent *e;
		int files = 0;
		snprintf(dir, sizeof dir, "%s/%s", argv[1], targets[t].name);
		d = opendir(dir);
		if (!d) {
			printf("fuzz %s: FAILED (no corpus at %s)\n",
			       targets[t].name, dir);
			bad = 1;
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			char path[8192];
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			if (replay_file(path, targets[t].fn) == 0)
				files++;
		}
		closedir(d);
		printf("fuzz %s: ok (%d corpus files)\n", targets[t].name,
		       files);
		fflush(stdout);
		if (files == 0)
			bad = 1;
	}
	return bad;
}
