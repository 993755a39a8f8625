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

static int check_run(struct store *store, bool merge)
{
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

int cli_check(int argc, char **argv)
{
    struct cli_args args;
    int exit_code = cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_PROGRAMS | CLI_OPT_MERGE,
                                   CLI_OPT_DB, check_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = check_run(&store, args.merge);
    cli_store_close(&programs, &store);
    return exit_code;
}
