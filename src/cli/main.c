/*
 * certtrack: the command-line front door. It finds the command, and each command does
 * its own argument parsing and work through the core library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <string.h>

#include "cli.h"
#include "../core/banned.h"

#ifndef CERTTRACK_VERSION
#define CERTTRACK_VERSION "unknown"
#endif

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"evaluate", cli_evaluate, "decide which credits count for one learner record"},
    {"programs", cli_programs, "list and check the certification programs"},
    {"init", cli_init, "create a database, or upgrade one to this version"},
    {"config", cli_config, "config set, config get: the public URL and the issuer's name"},
    {"demo-data", cli_demo_data, "fill an empty database with demonstration data"},
    {"export-record", cli_export_record, "print a person's track as evaluate input"},
    {"award", cli_award, "award a complete track: certificate and next track"},
    {"certificate", cli_certificate, "an awarded certificate's PDF and signed credential"},
    {"revoke", cli_revoke, "revoke a certificate, with the reason"},
    {"verify", cli_verify, "check a credential offline: valid, expired, revoked, tampered"},
    {"report", cli_report_compliance, "report compliance: every open track, evaluated"},
    {"audit", cli_audit, "audit verify: check the audit trail's hash chain"},
    {"backup", cli_backup, "write an online, consistent copy of the database"},
    {"check", cli_check, "list superseded duplicate activities, and merge them"},
    {"serve", cli_serve, "serve the web application and the JSON API"},
    {"site", cli_site, "site add, site link: LMS sites to harvest from, and their accounts"},
    {"catalog", cli_catalog, "catalog add: an event, with the LMS courses that prove it"},
    {"import", cli_import, "import moodle-progress: a Moodle completion report"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: certtrack COMMAND [OPTIONS]\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\nRun 'certtrack COMMAND --help' for a command's options.\n");
}

int cli_exit_for(enum ct_status status)
{
    switch (status) {
    case CT_OK:
        return CLI_EXIT_OK;
    case CT_ERR_INPUT:
    case CT_ERR_TOO_LARGE:
        return CLI_EXIT_BAD_INPUT;
    default:
        return CLI_EXIT_FAILURE;
    }
}

int cli_report(const struct ct_err *err)
{
    char line[1024];
    ct_err_format(err, line, sizeof line);
    fprintf(stderr, "certtrack: %s\n", line);
    return cli_exit_for(err->status);
}

void cli_complain(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("certtrack: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

int main(int argc, char **argv)
{
    /* Everything certtrack writes (the database, its -wal and -shm, backups, the signing
     * key, exported files, uploads) is for its owner alone: mode 600. */
    umask(077);
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("certtrack %s\n", CERTTRACK_VERSION);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    cli_complain("unknown command '%s' (run 'certtrack --help')", name);
    return CLI_EXIT_BAD_INPUT;
}
