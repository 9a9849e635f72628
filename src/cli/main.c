/*
 * main.c - the reprint command: a table of subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *what;
} commands[] = {
	{"scan", cmd_scan,
	 "find documents that carry the same text, and "
	 "cluster them"},
	{"compare", cmd_compare, "explain the similarity of two documents"},
	{"sign", cmd_sign,
	 "print the signatures (MinHash, SimHash) of "
	 "documents"},
};

static void usage(FILE *f)
{
	size_t k;
	fputs("usage: reprint COMMAND [options] [PATH...]\n"
	      "       reprint --version | --help\n\n"
	      "Find the same story published more than once.\n\nCommands:\n",
	      f);
	for (k = 0; k < sizeof commands / sizeof commands[0]; k++)
		fprintf(f, "  %-9s %s\n", commands[k].name, commands[k].what);
	fputs("\n'reprint COMMAND --help' shows the options of a command.\n"
	      "Exit status: 0 success, 1 runtime error, 2 usage error.\n",
	      f);
}

int main(int argc, char **argv)
{
	size_t k;
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("reprint %s (library %s)\n", RP_VERSION_STRING,
		       rp_version());
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	for (k = 0; k < sizeof commands / sizeof commands[0]; k++)
		if (strcmp(argv[1], commands[k].name) == 0)
			return commands[k].fn(argc - 1, argv + 1);
	cli_error("unknown command '%s'", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
