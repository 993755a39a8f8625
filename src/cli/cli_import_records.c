#include "cli_import_records.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "../actions/history_import.h"
#include "../actions/people_import.h"
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
    fprintf(out,
            "       certtrack import history FILE --db PATH [--dry-run]\n"
            "\n"
            "history: prior certificates and credit history from a CSV file whose columns\n"
            "docs/operations.md lists (record, email, date, title, kind, credits, category,\n"
            "status, sponsor, program, number, ...). Each activity is kept as imported, each\n"
            "certificate on a certified track of its own; reading the file again changes\n"
            "nothing. --dry-run decides and counts every line and keeps nothing.\n"
            "       certtrack import people FILE --db PATH [--dry-run]\n"
            "\n"
            "people: libraries and their people from a CSV file whose columns\n"
            "docs/operations.md lists (library_id, library_name, library_city, library_kind,\n"
            "email, name, position, roles, role_began, director, board_chair). Libraries are\n"
            "matched by library_id, people by e-mail; reading the file again changes nothing.\n");
}

/* What an import of either kind tells when it is done. */
struct import_summary {
    bool dry_run;
    int64_t import_id;
    const char *file_sha256;
    const struct record_import_counts *counts;
    const struct store_rows *refused;
};

static void print_summary(const char *path, const struct import_summary *summary)
{
    const struct record_import_counts *counts = summary->counts;
    if (summary->dry_run) {
        printf("Dry run of %s: nothing was kept\n", path);
    } else {
        printf("Import %" PRId64 " of %s\n", summary->import_id, path);
    }
    printf("File SHA-256: %s\n", summary->file_sha256);
    printf("Lines read:   %" PRId64 "\n", counts->rows_read);
    printf("Created:      %" PRId64 "\n", counts->of[RECORD_LINE_CREATED]);
    printf("Updated:      %" PRId64 "\n", counts->of[RECORD_LINE_UPDATED]);
    printf("Unchanged:    %" PRId64 "\n", counts->of[RECORD_LINE_UNCHANGED]);
    printf("Refused:      %" PRId64 "\n", counts->of[RECORD_LINE_REFUSED]);
    const struct record_import_line *lines = summary->refused->items;
    for (size_t i = 0; i < summary->refused->count; i++) {
        printf("  line %" PRId64 ": %s (%s)\n", lines[i].line, lines[i].reason, lines[i].what);
    }
    int64_t more = counts->of[RECORD_LINE_REFUSED] - (int64_t)summary->refused->count;
    if (more > 0) {
        printf("  ... and %" PRId64 " more\n", more);
    }
}

/* The exit code of a failed import, its "file" named as path. */
static int import_failed(const char *path, const struct action_outcome *outcome)
{
    struct ct_err err = outcome->err;
    if (strcmp(err.where, "file") == 0) {
        snprintf(err.where, sizeof err.where, "%s", path);
    }
    return cli_report(&err);
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
        const struct import_summary summary = {input.dry_run, result.import_id, result.file_sha256,
                                               &result.counts, &result.refused};
        print_summary(run->path, &summary);
    }
    store_rows_release(&result.refused);
    return status != CT_OK ? import_failed(run->path, &outcome) : CLI_EXIT_OK;
}

static int run_people(struct store *store, void *context)
{
    const struct history_run_context *run = context;
    struct actor actor = cli_system_actor();
    const struct people_import_input input = {run->file, run->path, "command line", run->dry_run,
                                              MAX_REFUSED_SHOWN};
    struct people_import_result result = {.refused = {.size = sizeof(struct record_import_line)}};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_people_import(store, &actor, &input, &result, &outcome);
    if (status == CT_OK) {
        const struct import_summary summary = {input.dry_run, result.import_id, result.file_sha256,
                                               &result.counts, &result.refused};
        print_summary(run->path, &summary);
    }
    store_rows_release(&result.refused);
    return status != CT_OK ? import_failed(run->path, &outcome) : CLI_EXIT_OK;
}

/* Parses import VERB FILE's options and runs runner on the open file. */
static int import_file(int argc, char **argv, const char *verb,
                       int (*runner)(struct store *, void *))
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
        cli_complain("import %s: give exactly one FILE", verb);
        return CLI_EXIT_BAD_INPUT;
    }
    const char *path = argv[first_operand];
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        cli_complain("%s: cannot open: %s", path, strerror(errno));
        return CLI_EXIT_FAILURE;
    }
    struct history_run_context run = {path, file, args.dry_run};
    exit_code = cli_with_store(&args.store, runner, &run);
    fclose(file);
    return exit_code;
}

int cli_import_history(int argc, char **argv)
{
    return import_file(argc, argv, "history", run_history);
}

int cli_import_people(int argc, char **argv)
{
    return import_file(argc, argv, "people", run_people);
}
