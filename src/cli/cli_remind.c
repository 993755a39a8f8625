#include "cli_remind.h"

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include "../actions/remind.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

static void remind_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack remind --db PATH [--as-of DATE] [--dry-run]\n"
                 "\n"
                 "Queues the reminders owed today (or on --as-of): credits that expire within 90\n"
                 "and 30 days, a track's deadline 12, 6, 3 and 1 months ahead with what still\n"
                 "blocks it, a director's certification deadline (to the director, the board\n"
                 "chair and the CE coordinators), the letter to a newly hired director and their\n"
                 "board, and claims waiting for verification more than 30 days (to the verifier)\n"
                 "and 60 days (to the coordinators). Each reminder is queued once: running it\n"
                 "again queues nothing twice. Prints one line per message (queued, would queue,\n"
                 "or skipped, with the person's id and address, the kind, the number of reminders\n"
                 "and the subject), then a summary. --dry-run queues and records nothing.\n"
                 "Run it daily (docs/operations.md, \"Reminders\": the systemd timer).\n");
}

struct remind_args {
    struct cli_args common;
    bool dry_run;
};

static const struct cli_option remind_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct remind_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct remind_args, common.programs), false, NULL},
    {"as-of", CLI_DATE, offsetof(struct remind_args, common.as_of), false, NULL},
    {"dry-run", CLI_FLAG, offsetof(struct remind_args, dry_run), false, NULL},
};

struct remind_context {
    struct remind_args *args;
    struct civil_date day;
};

static void print_line(void *context, const struct remind_line *line)
{
    (void)context;
    const char *what = line->skipped[0] != '\0' ? "skipped"
                       : line->queued           ? "queued"
                                                : "would queue";
    printf("%s%s%s%s\t%" PRId64 "\t%s\t%s\t%zu\t%s\n", what, line->skipped[0] != '\0' ? " (" : "",
           line->skipped, line->skipped[0] != '\0' ? ")" : "", line->person_id,
           line->recipient[0] != '\0' ? line->recipient : "-", line->kind, line->reminders,
           line->subject);
}

static int remind_store(struct store *store, void *context)
{
    struct remind_context *remind = context;
    struct remind_summary summary;
    struct ct_err err = {0};
    enum ct_status status = remind_run(store, remind->day, (int64_t)time(NULL),
                                       remind->args->dry_run, print_line, NULL, &summary, &err);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(remind->day, day);
    printf("%s: %" PRId64 " messages %s (%" PRId64 " reminders), %" PRId64 " skipped;"
           " %" PRId64 " open tracks and %" PRId64 " libraries read\n",
           day, summary.messages, remind->args->dry_run ? "would be queued" : "queued",
           summary.reminders, summary.skipped, summary.tracks, summary.libraries);
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

int cli_remind(int argc, char **argv)
{
    static const struct cli_options options = {
        .options = remind_option_table,
        .count = sizeof remind_option_table / sizeof remind_option_table[0],
        .usage = remind_usage,
        .no_operands = true,
    };
    struct remind_args args = {.dry_run = false};
    cli_args_init(&args.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct remind_context context = {&args, civil_date_unset()};
    exit_code = cli_evaluation_day(&args.common, &context.day);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, remind_store, &context);
}
