/*
 * cli: the `certtrack` command line. Each command is a function in its own file,
 * declared in that file's header (cli_db.h, cli_harvest.h, ...) and listed in the
 * command table in main.c; what they all share, the exit codes and the reporting of
 * errors, is here, and their options are parsed one way (cli_args.h).
 */
#ifndef CERTTRACK_CLI_H
#define CERTTRACK_CLI_H

#include <stdio.h>

#include "../core/err.h"

/* Exit codes of every command. */
enum cli_exit {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAILURE = 1,   /* the command could not run: I/O, memory */
    CLI_EXIT_BAD_INPUT = 2, /* the input, a program file or the arguments are wrong */
};

/* Prints "certtrack: " and the error to standard error; returns the exit code for it. */
int cli_report(const struct ct_err *err);

/* Prints "certtrack: " and a formatted message to standard error. */
void cli_complain(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Exit code for a status. */
int cli_exit_for(enum ct_status status);

#endif
