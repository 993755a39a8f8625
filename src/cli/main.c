/*
 * certtrack: the command-line front door. It finds the command in the table below; each
 * command declares its options as a table that the one shared parser (cli_parse,
 * cli_args.h) fills in, and does its work through the library.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <string.h>

#include "cli.h"
#include "cli_certificate.h"
#include "cli_check.h"
#include "cli_db.h"
#include "cli_demo_data.h"
#include "cli_evaluate.h"
#include "cli_harvest.h"
#include "cli_letter.h"
#include "cli_mail.h"
#include "cli_person.h"
#include "cli_libraries.h"
#include "cli_programs.h"
#include "cli_record.h"
#include "cli_remind.h"
#include "cli_summaries.h"
#include "cli_report.h"
#include "cli_second_factor.h"
#include "cli_serve.h"
#include "cli_track.h"
#include "cli_user.h"
#include "cli_verify.h"
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
    {"config", cli_config, "config set, config get: the public URL, the issuer's name, mail"},
    {"demo-data", cli_demo_data, "fill an empty database with demonstration data"},
    {"track", cli_track, "track list, choices, enrol, withdraw: a person's tracks"},
    {"export-record", cli_export_record, "print a person's track as evaluate input"},
    {"award", cli_award, "award a complete track: certificate and next track"},
    {"certificate", cli_certificate, "an awarded certificate's PDF and signed credential"},
    {"revoke", cli_revoke, "revoke a certificate, with the reason"},
    {"verify", cli_verify, "check a credential offline: valid, expired, revoked, tampered"},
    {"report", cli_report_compliance,
     "report compliance, certified: open tracks evaluated; the newly certified"},
    {"audit", cli_audit, "audit verify: check the audit trail's hash chain"},
    {"backup", cli_backup, "write an online, consistent copy of the database"},
    {"check", cli_check, "list superseded duplicate activities, and merge them"},
    {"serve", cli_serve, "serve the web application and the JSON API"},
    {"site", cli_site, "site add, site link: LMS sites to harvest from, and their accounts"},
    {"person", cli_person, "person add, edit, deactivate, move, merge, verifier, find, list"},
    {"officers", cli_officers, "name a library's director and board chair"},
    {"catalog", cli_catalog, "catalog add: an event, with the LMS courses that prove it"},
    {"library", cli_library, "library add, edit, close, list, plan: libraries and their plans"},
    {"goal", cli_goal, "goal add, edit, retire, delete, list: a library's strategic-plan goals"},
    {"import", cli_import, "import moodle-progress, history, people: reports and earlier records"},
    {"user", cli_user, "user add: a person and their invitation (the first coordinator)"},
    {"mail", cli_mail, "mail list, mail send: the mail waiting in the outbox, and sending it"},
    {"second-factor", cli_second_factor, "second-factor reset: remove a person's second factor"},
    {"remind", cli_remind, "queue the reminders owed today: expiries, deadlines, claims waiting"},
    {"letter", cli_letter, "letter new-director: the letter to a new director and their board"},
    {"summaries", cli_summaries, "summaries refresh, check: the track summaries the lists read"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: certtrack COMMAND [OPTIONS]\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\nRun 'certtrack COMMAND --help' for a command's options.\n");
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
