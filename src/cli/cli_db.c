/*
 * The database's own commands:
 *   certtrack init --db PATH
 *   certtrack audit verify --db PATH
 *   certtrack backup --db PATH --to FILE
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_args.h"
#include "../store/audit.h"
#include "../store/migrations.h"
#include "../core/banned.h"

static void init_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack init --db PATH [--programs DIR]\n"
                 "\n"
                 "Creates an empty certtrack database at PATH (SQLite), or brings an existing\n"
                 "one up to this version's schema.\n");
}

int cli_init(int argc, char **argv)
{
    struct cli_args args;
    int exit_code =
        cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_PROGRAMS, CLI_OPT_DB, init_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    bool existed = access(args.db, F_OK) == 0;
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, true, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    printf("%s %s (schema version %lld)\n", existed ? "Checked" : "Created", args.db,
           (long long)migrations_latest_version());
    cli_store_close(&programs, &store);
    return CLI_EXIT_OK;
}

static void audit_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack audit verify --db PATH\n"
                 "\n"
                 "Checks the audit trail's hash chain and names the first bad entry.\n"
                 "Exit status 0 when intact, 2 when broken.\n");
}

int cli_audit(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "verify") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            audit_usage(stdout);
            return CLI_EXIT_OK;
        }
        cli_complain("audit: expected 'verify'");
        audit_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    struct cli_args args;
    int exit_code = cli_args_parse(argc - 1, argv + 1, CLI_OPT_DB | CLI_OPT_PROGRAMS, CLI_OPT_DB,
                                   audit_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    int64_t entries = 0;
    enum ct_status status = audit_verify(store.db, &entries, &err);
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("audit trail intact: %lld entries\n", (long long)entries);
    return CLI_EXIT_OK;
}

static void backup_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack backup --db PATH --to FILE\n"
                 "\n"
                 "Writes an online, consistent copy of the database to FILE (which must not\n"
                 "exist yet), while others may keep using it.\n");
}

int cli_backup(int argc, char **argv)
{
    struct cli_args args;
    int exit_code = cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_TO | CLI_OPT_PROGRAMS,
                                   CLI_OPT_DB | CLI_OPT_TO, backup_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    enum ct_status status = db_backup(store.db, args.to, &err);
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Backed up %s to %s\n", args.db, args.to);
    return CLI_EXIT_OK;
}
