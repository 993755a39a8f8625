#include "cli_summaries.h"

#include <inttypes.h>
#include <stdio.h>

#include "../store/store_track_summary.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

static void summaries_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack summaries refresh --db PATH [--as-of DATE] [--all]\n"
                 "       certtrack summaries check --db PATH\n"
                 "\n"
                 "The track summaries the lists sort and filter by (status, counted credits, what\n"
                 "blocks a track, the next expiry), each as of a day. Every change refreshes the\n"
                 "summaries of the people it touches; 'refresh' moves every summary that is as of\n"
                 "a day before today (or --as-of) to that day, for credits that expire and\n"
                 "deadlines that pass (the server does it once a day), and with --all every\n"
                 "summary (after the program files changed). 'check' evaluates every track in\n"
                 "full as of its summary's day and names each one that differs: exit status 0\n"
                 "when all agree, 2 when one does not.\n");
}

struct summaries_args {
    struct cli_args common;
    bool all;
};

static const struct cli_option refresh_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct summaries_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct summaries_args, common.programs), false, NULL},
    {"as-of", CLI_DATE, offsetof(struct summaries_args, common.as_of), false, NULL},
    {"all", CLI_FLAG, offsetof(struct summaries_args, all), false, NULL},
};

struct refresh_context {
    const struct summaries_args *args;
    struct civil_date day;
};

static int refresh_run(struct store *store, void *context)
{
    const struct refresh_context *refresh = context;
    struct ct_err err = {0};
    size_t refreshed = 0;
    if (store_track_summary_refresh_before(store, refresh->day, refresh->args->all, &refreshed,
                                           &err) != CT_OK) {
        return cli_report(&err);
    }
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(refresh->day, day);
    printf("%s: %zu track summaries refreshed\n", day, refreshed);
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

static int refresh_verb(int argc, char **argv)
{
    static const struct cli_options options = {
        .options = refresh_option_table,
        .count = sizeof refresh_option_table / sizeof refresh_option_table[0],
        .usage = summaries_usage,
        .no_operands = true,
    };
    struct summaries_args args = {.all = false};
    cli_args_init(&args.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct refresh_context context = {&args, civil_date_unset()};
    exit_code = cli_evaluation_day(&args.common, &context.day);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, refresh_run, &context);
}

static void print_mismatch(void *context, int64_t track_id, const struct track_summary *stored,
                           const struct track_summary *evaluated)
{
    (void)context;
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(evaluated->as_of, day);
    if (stored == NULL) {
        printf("track %" PRId64 ": no summary\n", track_id);
        return;
    }
    printf("track %" PRId64 " as of %s: the summary says %s, %" PRId64 " halves, \"%s\";"
           " the evaluation %s, %" PRId64 " halves, \"%s\"\n",
           track_id, day, track_status_name(stored->status), stored->counted_halves,
           stored->blocking, track_status_name(evaluated->status), evaluated->counted_halves,
           evaluated->blocking);
}

static int check_run(struct store *store, void *context)
{
    (void)context;
    struct ct_err err = {0};
    size_t checked = 0, mismatched = 0;
    if (store_track_summary_check(store, print_mismatch, NULL, &checked, &mismatched, &err) !=
        CT_OK) {
        return cli_report(&err);
    }
    printf("%zu tracks checked, %zu summaries differ\n", checked, mismatched);
    if (fflush(stdout) != 0) {
        return CLI_EXIT_FAILURE;
    }
    return mismatched == 0 ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

static const struct cli_option check_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
};

static int check_verb(int argc, char **argv)
{
    static const struct cli_options options = {
        .options = check_option_table,
        .count = sizeof check_option_table / sizeof check_option_table[0],
        .usage = summaries_usage,
        .no_operands = true,
    };
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    return exit_code >= 0 ? exit_code : cli_with_store(&args, check_run, NULL);
}

int cli_summaries(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"refresh", refresh_verb}, {"check", check_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), summaries_usage,
                        "expected 'refresh' or 'check'");
}
