#include "cli_demo_data.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../demo/demo_data.h"
#include "../core/banned.h"

static void demo_data_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack demo-data --db PATH [--seed N] [--programs DIR]\n"
            "\n"
            "Fills an empty database (created when missing) with a Montana-like\n"
            "demonstration set: about 80 libraries, 400 people in every role and program,\n"
            "plans, four years of activities, an event catalog and certificates, all made\n"
            "through the store as real use would. Dates are relative to today\n"
            "(CERTTRACK_TODAY=YYYY-MM-DD moves today); the same seed and day give the same\n"
            "set. A database that already holds data is refused and left as it was.\n"
            "\n"
            "  --seed N        the random seed, a whole number (default 1)\n"
            "  --programs DIR  directory of program files (default: the installed\n"
            "                  programs, else ./programs)\n"
            "\n"
            "Log-ins, all with the password %s: coordinator@example.org,\n"
            "director@example.org, staff@example.org, ready@example.org (ready for the\n"
            "award) and planner@example.org (on the Strategic Track with no plan yet).\n"
            "\n"
            "Exit status: 0 filled, 2 bad input or a database with data, 1 failure.\n",
            DEMO_PASSWORD);
}

/* A whole number in decimal digits only (no sign, no spaces), within 64 bits. */
static bool parse_seed(const char *text, uint64_t *seed)
{
    if (text == NULL || text[0] < '0' || text[0] > '9') {
        return false;
    }
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return false;
    }
    *seed = (uint64_t)value;
    return true;
}

struct demo_data_args {
    struct cli_args common; /* --db, --programs */
    uint64_t seed;          /* --seed, default 1 */
};

static int seed_option(void *args, const char *value)
{
    struct demo_data_args *demo = args;
    if (!parse_seed(value, &demo->seed)) {
        cli_complain("--seed: expected a whole number, got \"%s\"", value);
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static const struct cli_option demo_data_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct demo_data_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct demo_data_args, common.programs), false, NULL},
    {"seed", CLI_CALL, 0, false, seed_option},
};

static const struct cli_options demo_data_options = {.options = demo_data_option_table,
                                                     .count = sizeof demo_data_option_table /
                                                              sizeof demo_data_option_table[0],
                                                     .usage = demo_data_usage,
                                                     .no_operands = true};

static void print_summary(const char *db, const struct demo_data_summary *summary)
{
    printf("Demonstration data in %s: %lld libraries, %lld people, %lld tracks, %lld "
           "activities, %lld catalog events and %lld certificates. Log in with the password "
           "%s as coordinator@example.org (CE coordinator), director@example.org (a "
           "library director who verifies staff@'s credits), staff@example.org (on the "
           "Strategic Track with an approved plan), ready@example.org (a complete "
           "Strategic Track waiting for the award) or planner@example.org (on the Strategic "
           "Track at director@'s library, with no plan yet).\n",
           db, (long long)summary->libraries, (long long)summary->people,
           (long long)summary->tracks, (long long)summary->activities, (long long)summary->events,
           (long long)summary->certificates, DEMO_PASSWORD);
}

int cli_demo_data(int argc, char **argv)
{
    struct demo_data_args demo = {.seed = 1};
    cli_args_init(&demo.common);
    int first_operand = 0;
    int exit_code = cli_parse(&demo_data_options, argc, argv, &demo, &first_operand);
    struct civil_date today;
    if (exit_code < 0) {
        exit_code = cli_evaluation_day(&demo.common, &today);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&demo.common, true, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    struct demo_data_summary summary;
    enum ct_status status = demo_data_fill_whole(&store, today, demo.seed, &summary, &err);
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    print_summary(demo.common.db, &summary);
    return CLI_EXIT_OK;
}
