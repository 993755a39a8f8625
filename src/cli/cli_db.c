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

static const struct cli_option init_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("public-url", public_url, CLI_TEXT, false),
};
static const struct cli_options init_options = CLI_OPTIONS(init_option_table, init_usage);

int cli_init(int argc, char **argv)
{
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&init_options, argc, argv, &args, &first_operand);
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
            "  mail-relay   the SMTP relay, smtp://HOST[:PORT] or smtps://HOST[:PORT];\n"
            "               empty (the default): none, mail waits in the outbox\n"
            "  mail-starttls  required (the default) or optional, for smtp://\n"
            "  mail-user    the relay's user name (empty: no authentication)\n"
            "  mail-from    the address certtrack's mail comes from\n"
            "  mail-password-file  the file holding the relay's password (else the\n"
            "               environment variable CERTTRACK_SMTP_PASSWORD)\n"
            "  require-second-factor  on: the CE coordinator and the consultants sign in\n"
            "               with a second factor, set up right after signing in (default off)\n"
            "Documents made after a change carry the new value.\n"
            "\n"
            "Signing in through an OpenID Connect provider (docs/operations.md); \"\" turns\n"
            "one off:\n"
            "  oidc-issuer              the provider's issuer URL (https://)\n"
            "  oidc-client-id           certtrack's client id there\n"
            "  oidc-client-secret-file  a file holding the client secret (or set\n"
            "                           CERTTRACK_OIDC_CLIENT_SECRET for the server)\n"
            "  oidc-button-label        \"Sign in with LABEL\" (default\n"
            "                           " STORE_DEFAULT_OIDC_BUTTON_LABEL ")\n"
            "  oidc-create-people       yes: a verified address no one has makes a\n"
            "                           new learner; no (the default): refused\n");
}

/* The options of the commands that need only the database. */
static const struct cli_option db_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
};

struct config_run {
    bool set;
    char **operands; /* NAME [VALUE] */
};

/* Runs config set or get on the open store (a config_run). */
static int config_run(struct store *store, void *context)
{
    const struct config_run *run = context;
    char **operands = run->operands;
    struct ct_err err = {0};
    char value[STORE_SETTING_SIZE];
    enum ct_status status = CT_OK;
    if (run->set) {
        status = set_setting(store, operands[0], operands[1], &err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, operands[0], value, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (run->set) {
        printf("%s = %s\n", operands[0], value);
    } else {
        printf("%s\n", value);
    }
    return CLI_EXIT_OK;
}

/* config set NAME VALUE, config get NAME: argv[0] is the verb. */
static int config_verb(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(db_option_table, config_usage);
    struct config_run run = {.set = strcmp(argv[0], "set") == 0};
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    run.operands = argv + first_operand;
    if (argc - first_operand != (run.set ? 2 : 1)) {
        cli_complain(run.set ? "config set: give a NAME and a VALUE" : "config get: give a NAME");
        config_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    if (!store_setting_known(run.operands[0])) {
        cli_complain("config: \"%s\" is not a setting (see certtrack config --help)",
                     run.operands[0]);
        return CLI_EXIT_BAD_INPUT;
    }
    return cli_with_store(&args, config_run, &run);
}

int cli_config(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"set", config_verb}, {"get", config_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), config_usage, "expected 'set' or 'get'");
}

static void audit_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack audit verify --db PATH\n"
                 "\n"
                 "Checks the audit trail's hash chain and names the first bad entry.\n"
                 "Exit status 0 when intact, 2 when broken.\n");
}

static int audit_run(struct store *store, void *context)
{
    (void)context;
    struct ct_err err = {0};
    int64_t entries = 0;
    if (audit_verify(store->db, &entries, &err) != CT_OK) {
        return cli_report(&err);
    }
    printf("audit trail intact: %lld entries\n", (long long)entries);
    return CLI_EXIT_OK;
}

/* audit verify: argv[0] is "verify". */
static int audit_verify_verb(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(db_option_table, audit_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    return exit_code >= 0 ? exit_code : cli_with_store(&args, audit_run, NULL);
}

int cli_audit(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"verify", audit_verify_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), audit_usage, "expected 'verify'");
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

static const struct cli_option backup_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("to", to, CLI_TEXT, true),
};

struct backup_paths {
    const struct cli_args *args;
    char from[4096]; /* the database's signing key */
    char to[4096];   /* the copy's */
};

/* Copies the open database to --to (a backup_paths, whose key paths it fills). */
static int backup_run(struct store *store, void *context)
{
    struct backup_paths *paths = context;
    struct ct_err err = {0};
    enum ct_status status =
        signing_key_path(paths->args->db, paths->from, sizeof paths->from, &err);
    if (status == CT_OK) {
        status = signing_key_path(paths->args->to, paths->to, sizeof paths->to, &err);
    }
    if (status == CT_OK && access(paths->to, F_OK) == 0) {
        status = ct_err_set(&err, CT_ERR_INPUT, paths->to,
                            "a file is already there; nothing was copied");
    }
    if (status == CT_OK) {
        status = db_backup(store->db, paths->args->to, &err);
    }
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}

int cli_backup(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(backup_option_table, backup_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    struct backup_paths paths = {.args = &args};
    if (exit_code < 0) {
        exit_code = cli_with_store(&args, backup_run, &paths);
    }
    if (exit_code != CLI_EXIT_OK) {
        return exit_code;
    }
    printf("Backed up %s to %s\n", args.db, args.to);
    struct ct_err err = {0};
    bool copied = false;
    if (signing_key_copy(paths.from, paths.to, &copied, &err) != CT_OK) {
        return cli_report(&err);
    }
    if (copied) {
        printf("Backed up its signing key to %s (keep it secret)\n", paths.to);
    }
    return CLI_EXIT_OK;
}
