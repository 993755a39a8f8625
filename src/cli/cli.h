/*
 * cli: the `certtrack` command line. Each command is a function in its own file,
 * listed in the command table in main.c.
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

int cli_evaluate(int argc, char **argv);
int cli_programs(int argc, char **argv);
int cli_init(int argc, char **argv);
int cli_audit(int argc, char **argv);
int cli_backup(int argc, char **argv);
int cli_export_record(int argc, char **argv);
int cli_award(int argc, char **argv);
int cli_report_compliance(int argc, char **argv);
int cli_demo_data(int argc, char **argv);
int cli_serve(int argc, char **argv);
int cli_site(int argc, char **argv);
int cli_catalog(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_certificate(int argc, char **argv);
int cli_revoke(int argc, char **argv);
int cli_verify(int argc, char **argv);
int cli_config(int argc, char **argv);
int cli_check(int argc, char **argv);

#endif
