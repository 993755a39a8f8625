#include "cli_import_records.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "../actions/history_import.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

/* Refused lines printed after the summary; the rest are counted. */
enum { MAX_REFUSED_SHOWN = 50 };

struct import_args {
    struct cli_args store; /* db and programs, for cli_store_open */
    bool dry_run;
};

#define IMPORT_OPTION(name, kind, field, required)                                                 \
    {                                                                                              \
        name, kind, offsetof(struct import_args, field), required, NULL                            \
    }

static const struct cli_option history_option_table[] = {
    IMPORT_OPTION("db", CLI_TEXT, store.db, true),
    IMPORT_OPTION("programs", CLI_TEXT, store.programs, false),
    IMPORT_OPTION("dry-run", CLI_FLAG, dry_run, false),
};

void cli_import_records_usage(FILE *out)
{
    fprintf(out, "       certtrack import history FILE --db PATH [--dry-run]\n"
                 "\n"
                 "history: prior certificates and credit history from a CSV file whose columns\n"
                 "docs/operations.md lists (record, email, date, title, kind, credits, category,\n"
                 "status, sponsor, program, number, ...). Each activity is kept as imported, each\n"
                 "certificate on a certified track of its own; reading the file again changes\n"
                 "nothing. --dry-run decides and counts every line and keeps nothing.\n");
}

static void print_history_summary(const char *path, const struct history_import_input *input,
                                  const struct history_import_result *result)
{
    const struct record_import_counts *counts = &result->counts;
    if (input->dry_run) {
        printf("Dry run of %s: nothing was kept\n", path);
    } else {
        printf("Import %" PRId64 " of %s\n", result->import_id, path);
    }
    printf("File SHA-256: %s\n", result->file_sha256);
    printf("Lines read:   %" PRId64 "\n", counts->rows_read);
    printf("Created:      %" PRId64 "\n", counts->of[RECORD_LINE_CREATED]);
    printf("Updated:      %" PRId64 "\n", counts->of[RECORD_LINE_UPDATED]);
    printf("Unchanged:    %" PRId64 "\n", counts->of[RECORD_LINE_UNCHANGED]);
    printf("Refused:      %" PRId64 "\n", counts->of[RECORD_LINE_REFUSED]);
    const struct record_import_line *lines = result->refused.items;
    for (size_t i = 0; i < result->refused.count; i++) {
        printf("  line %" PRId64 ": %s (%s)\n", lines[i].line, lines[i].reason, lines[i].what);
    }
    int64_t more = counts->of[RECORD_LINE_REFUSED] - (int64_t)result->refused.count;
    if (more > 0) {
        printf("  ... and %" PRId64 " more\n", more);
    }
}

struct history_run_context {
    const char *path;
    FILE *file;
    bool dry_run;
};

static int run_history(struct store *store, void *context)
{
    const struct history_run_context *run = context;
    struct actor actor = cli_system_actor();
    const struct history_import_input input = {run->file, run->path, "command line", run->dry_run,
                                               MAX_REFUSED_SHOWN};
    struct history_import_result result = {.refused = {.size = sizeof(struct record_import_line)}};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_history_import(store, &actor, &input, &result, &outcome);
    if (status == CT_OK) {
        print_history_summary(run->path, &input, &result);
    }
    store_rows_release(&result.refused);
    if (status != CT_OK) {
        struct ct_err err = outcome.err;
        if (strcmp(err.where, "file") == 0) {
            snprintf(err.where, sizeof err.where, "%s", run->path);
        }
        return cli_report(&err);
    }
    return CLI_EXIT_OK;
}

int cli_import_history(int argc, char **argv)
{
    static const struct cli_options options =
        CLI_OPTIONS(history_option_table, cli_import_records_usage);
    struct import_args args = {0};
    cli_args_init(&args.store);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (first_operand != argc - 1) {
        cli_complain("import history: give exactly one FILE");
        return CLI_EXIT_BAD_INPUT;
    }
    const char *path = argv[first_operand];
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        cli_complain("%s: cannot open: %s", path, strerror(errno));
        return CLI_EXIT_FAILURE;
    }
    struct history_run_context run = {path, file, args.dry_run};
    exit_code = cli_with_store(&args.store, run_history, &run);
    fclose(file);
    return exit_code;
}
