/* commands.h - the subcommands of reprint, each cmd_<name>(argc, argv)
 * with argv[0] the command name; they return an exit code. */
#ifndef RP_CLI_COMMANDS_H
#define RP_CLI_COMMANDS_H

int cmd_scan(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_sign(int argc, char **argv);

#endif
