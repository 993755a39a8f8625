#include "cli_check.h"

#include <inttypes.h>
#include <stdio.h>

#include "cli.h"
#include "cli_args.h"
#include "../store/audit.h"
#include "../store/store_duplicates.h"
#include "../core/banned.h"

static void check_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack check --db PATH [--merge]\n"
                 "\n"
                 "Lists the superseded duplicates: a person's second (third, ...) activity for\n"
                 "a catalog event they hold already, kept in the record and never counted. With\n"
                 "--merge, moves what proved each (report rows, xAPI statements, provenance\n"
                 "records) onto the activity kept, audited; nothing is deleted.\n"
                 "Exit status 0, also when duplicates are listed; 1 when the database cannot\n"
                 "be read.\n");
}

struct check_listing {
    int64_t count;
    int64_t unmerged;
};

static enum ct_status print_duplicate(void *context, const struct duplicate *duplicate,
                                      struct ct_err *err)
{
    (void)err;
    struct check_listing *listing = context;
    if (listing->count == 0) {
        printf("ACTIVITY  PERSON  EVENT  DATE        KEPT  PROOFS  MERGED\n");
    }
    listing->count++;
    listing->unmerged += !duplicate->merged;
    char date[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(duplicate->date, date);
    printf("%-8s  %-6" PRId64 "  %-5" PRId64 "  %s  %-4s  %-6" PRId64 "  %s  (%s, %s)\n",
           duplicate->record_key, duplicate->person_id, duplicate->event_id, date,
           duplicate->kept_key, duplicate->proofs, duplicate->merged ? "yes" : "no",
           duplicate->person_email, duplicate->event_title);
    return CT_OK;
}

static int check_run(struct store *store, void *context)
{
    bool merge = *(const bool *)context;
    struct ct_err err = {0};
    int64_t merged = 0;
    enum ct_status status =
        merge ? store_duplicates_merge(store, AUDIT_ACTOR_SYSTEM, &merged, &err) : CT_OK;
    struct check_listing listing = {0};
    if (status == CT_OK) {
        status = store_duplicates_each(store, print_duplicate, &listing, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("%" PRId64 " superseded duplicate%s (one event, one credit)", listing.count,
           listing.count == 1 ? "" : "s");
    if (merge) {
        printf("; %" PRId64 " merged now", merged);
    } else if (listing.unmerged > 0) {
        printf("; %" PRId64 " not merged: certtrack check --merge", listing.unmerged);
    }
    printf("\n");
    return CLI_EXIT_OK;
}

static const struct cli_option check_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("merge", merge, CLI_FLAG, false),
};

int cli_check(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(check_option_table, check_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    return exit_code >= 0 ? exit_code : cli_with_store(&args, check_run, &args.merge);
}
