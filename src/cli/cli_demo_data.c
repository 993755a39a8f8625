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

/* --seed N or --seed=N is the one option the shared parser does not know: takes it out
 * of argv (shifting the rest down) before that parser runs. Returns -1 or an exit code. */
static int take_seed(int *argc, char **argv, uint64_t *seed)
{
    for (int i = 1; i < *argc; i++) {
        const char *value = NULL;
        int width = 0;
        if (strcmp(argv[i], "--seed") == 0) {
            value = i + 1 < *argc ? argv[i + 1] : NULL;
            width = 2;
        } else if (strncmp(argv[i], "--seed=", 7) == 0) {
            value = argv[i] + 7;
            width = 1;
        } else if (strcmp(argv[i], "--") == 0) {
            break;
        } else {
            continue;
        }
        if (!parse_seed(value, seed)) {
            cli_complain("--seed: expected a whole number, got \"%s\"", value != NULL ? value : "");
            return CLI_EXIT_BAD_INPUT;
        }
        memmove(&argv[i], &argv[i + width], (size_t)(*argc - i - width) * sizeof *argv);
        *argc -= width;
        i--;
    }
    return -1;
}

static int parse_arguments(int argc, char **argv, struct cli_args *args, uint64_t *seed)
{
    int exit_code = take_seed(&argc, argv, seed);
    if (exit_code < 0) {
        exit_code = cli_args_parse(argc, argv, CLI_OPT_DB | CLI_OPT_PROGRAMS, CLI_OPT_DB,
                                   demo_data_usage, args);
    }
    if (exit_code < 0 && args->first_operand < argc) {
        cli_complain("demo-data: unexpected argument '%s'", argv[args->first_operand]);
        demo_data_usage(stderr);
        exit_code = CLI_EXIT_BAD_INPUT;
    }
    return exit_code;
}

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
    uint64_t seed = 1;
    struct cli_args args;
    int exit_code = parse_arguments(argc, argv, &args, &seed);
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
    enum ct_status status = demo_data_fill_whole(&store, today, seed, &summary, &err);
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    print_summary(args.db, &summary);
    return CLI_EXIT_OK;
}
