#include "cli_db.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cli_args.h"
#include "../certificates/signing_key.h"
#include "../store/audit.h"
#include "../store/migrations.h"
#include "../actions/settings.h"
#include "../io/clock.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

static void init_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack init --db PATH [--public-url URL] [--programs DIR]\n"
            "\n"
            "Creates an empty certtrack database at PATH (SQLite), or brings an existing\n"
            "one up to this version's schema. --public-url sets the address people reach\n"
            "certtrack at, printed in QR codes, verification URLs and credentials\n"
            "(default " STORE_DEFAULT_PUBLIC_URL "; later: certtrack config set public-url).\n");
}

/* Sets setting name to value as the system (action_settings_set); err says why not. */
static enum ct_status set_setting(struct store *store, const char *name, const char *value,
                                  struct ct_err *err)
{
    struct civil_date today;
    enum ct_status status = clock_today(&today, err);
    if (status != CT_OK) {
        return status;
    }
    struct actor system = actor_system((int64_t)time(NULL), today);
    struct settings_set_input input = {.settings = {{name, value}}, .count = 1};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_settings_set(store, &system, &input, &outcome);
    *err = outcome.err;
    return status;
}

int cli_init(int argc, char **argv)
{
    struct cli_args args;
    int exit_code = cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_PROGRAMS | CLI_OPT_PUBLIC_URL,
                                   CLI_OPT_DB, init_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    if (args.public_url != NULL &&
        store_setting_check("public-url", args.public_url, &err) != CT_OK) {
        return cli_report(&err);
    }
    bool existed = access(args.db, F_OK) == 0;
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, true, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (args.public_url != NULL &&
        set_setting(&store, "public-url", args.public_url, &err) != CT_OK) {
        cli_store_close(&programs, &store);
        return cli_report(&err);
    }
    char public_url[STORE_SETTING_SIZE];
    if (store_setting_get(&store, "public-url", public_url, &err) != CT_OK) {
        cli_store_close(&programs, &store);
        return cli_report(&err);
    }
    printf("%s %s (schema version %lld; public URL %s)\n", existed ? "Checked" : "Created", args.db,
           (long long)migrations_latest_version(), public_url);
    cli_store_close(&programs, &store);
    return CLI_EXIT_OK;
}

static void config_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack config set NAME VALUE --db PATH\n"
            "       certtrack config get NAME --db PATH\n"
            "\n"
            "The installation's settings:\n"
            "  public-url   the address people reach certtrack at, printed in QR codes,\n"
            "               verification URLs and credentials (default " STORE_DEFAULT_PUBLIC_URL
            ")\n"
            "  issuer-name  who issues certificates and credentials (default\n"
            "               " STORE_DEFAULT_ISSUER_NAME ")\n"
            "Documents made after a change carry the new value.\n");
}

/* Runs config set or get on the open store; operands are NAME [VALUE]. */
static int config_run(struct store *store, bool set, char **operands)
{
    struct ct_err err = {0};
    char value[STORE_SETTING_SIZE];
    enum ct_status status = CT_OK;
    if (set) {
        status = set_setting(store, operands[0], operands[1], &err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, operands[0], value, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (set) {
        printf("%s = %s\n", operands[0], value);
    } else {
        printf("%s\n", value);
    }
    return CLI_EXIT_OK;
}

int cli_config(int argc, char **argv)
{
    bool set = argc >= 2 && strcmp(argv[1], "set") == 0;
    bool get = argc >= 2 && strcmp(argv[1], "get") == 0;
    if (!set && !get) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            config_usage(stdout);
            return CLI_EXIT_OK;
        }
        cli_complain("config: expected 'set' or 'get'");
        config_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    struct cli_args args;
    int exit_code = cli_args_parse(argc - 1, argv + 1, CLI_OPT_DB | CLI_OPT_PROGRAMS, CLI_OPT_DB,
                                   config_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    char **operands = argv + 1 + args.first_operand;
    int operand_count = argc - 1 - args.first_operand;
    if (operand_count != (set ? 2 : 1)) {
        cli_complain(set ? "config set: give a NAME and a VALUE" : "config get: give a NAME");
        config_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    if (!store_setting_known(operands[0])) {
        cli_complain("config: \"%s\" is not a setting (known: public-url, issuer-name)",
                     operands[0]);
        return CLI_EXIT_BAD_INPUT;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = config_run(&store, set, operands);
    cli_store_close(&programs, &store);
    return exit_code;
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
    fprintf(out,
            "Usage: certtrack backup --db PATH --to FILE\n"
            "\n"
            "Writes an online, consistent copy of the database to FILE (which must not\n"
            "exist yet), while others may keep using it, and copies the database's\n"
            "signing key, when it has one, beside it: FILE" SIGNING_KEY_SUFFIX " (mode 600).\n");
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
    char from[4096], to[4096];
    enum ct_status status = signing_key_path(args.db, from, sizeof from, &err);
    if (status == CT_OK) {
        status = signing_key_path(args.to, to, sizeof to, &err);
    }
    if (status == CT_OK && access(to, F_OK) == 0) {
        status = ct_err_set(&err, CT_ERR_INPUT, to, "a file is already there; nothing was copied");
    }
    if (status == CT_OK) {
        status = db_backup(store.db, args.to, &err);
    }
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Backed up %s to %s\n", args.db, args.to);
    bool copied = false;
    if (status == CT_OK) {
        status = signing_key_copy(from, to, &copied, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (copied) {
        printf("Backed up its signing key to %s (keep it secret)\n", to);
    }
    return CLI_EXIT_OK;
}
