/*
 * certtrack demo-data --db PATH [--seed N] [--programs DIR]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../demo/demo_data.h"
#include "../io/clock.h"
#include "../core/banned.h"

static void demo_data_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack demo-data --db PATH [--seed N] [--programs DIR]\n"
            "\n"
            "Fills an empty database (created when missing) with a Montana-like\n"
            "demonstration set: about 80 libraries, 400 people in every role and program,\n"
            "plans, activities, events and certificates, with dates relative to today\n"
            "(CERTTRACK_TODAY moves today). Log-ins, all with the password\n"
            "%s: coordinator@example.org, director@example.org,\n"
            "staff@example.org and ready@example.org (ready for the award).\n",
            DEMO_PASSWORD);
}

/* --seed is the one option the shared parser does not know: take it out first. */
static int take_seed(int *argc, char **argv, uint64_t *seed)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--seed") != 0) {
            continue;
        }
        char *end = NULL;
        if (i + 1 >= *argc || (*seed = strtoull(argv[i + 1], &end, 10), *end != '\0')) {
            cli_complain("--seed: expected a whole number");
            return CLI_EXIT_BAD_INPUT;
        }
        memmove(&argv[i], &argv[i + 2], (size_t)(*argc - i - 2) * sizeof *argv);
        *argc -= 2;
        i--;
    }
    return -1;
}

int cli_demo_data(int argc, char **argv)
{
    uint64_t seed = 1;
    struct cli_args args;
    int exit_code = take_seed(&argc, argv, &seed);
    if (exit_code < 0) {
        exit_code = cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_PROGRAMS, CLI_OPT_DB,
                                   demo_data_usage, &args);
    }
    struct civil_date today;
    if (exit_code < 0) {
        exit_code = cli_evaluation_day(&args, &today);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, true, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    struct demo_data_summary summary;
    /* One transaction: the set is there whole, or not at all. */
    enum ct_status status = db_begin(store.db, &err);
    if (status == CT_OK) {
        status = demo_data_fill(&store, today, seed, &summary, &err);
        status = store_finish(&store, status, &err);
    }
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Demonstration data in %s: %lld libraries, %lld people, %lld tracks, %lld "
           "activities, %lld events, %lld certificates.\n"
           "Log in as coordinator@example.org, director@example.org, staff@example.org or "
           "ready@example.org with the password %s.\n",
           args.db, (long long)summary.libraries, (long long)summary.people,
           (long long)summary.tracks, (long long)summary.activities, (long long)summary.events,
           (long long)summary.certificates, DEMO_PASSWORD);
    return CLI_EXIT_OK;
}
