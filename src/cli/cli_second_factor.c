#include "cli_second_factor.h"

#include <stdio.h>
#include <time.h>

#include "../actions/second_factor.h"
#include "../io/clock.h"
#include "../store/store_people.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

static void second_factor_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack second-factor reset --db PATH --person P\n"
                 "\n"
                 "Removes the second factor (and the recovery codes) of person P (an id or an\n"
                 "e-mail address), audited: they sign in with their password alone, and set\n"
                 "up a new second factor from their profile (at once when the setting\n"
                 "require-second-factor is on).\n");
}

static const struct cli_option reset_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("person", person, CLI_TEXT, true),
};

static int reset_run(struct store *store, void *context)
{
    const struct cli_args *args = context;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    int64_t person_id = 0;
    enum ct_status status = store_person_find(store, args->person, &person_id, &outcome.err);
    struct civil_date today = civil_date_unset();
    struct ct_err clock_err = {0};
    if (clock_today(&today, &clock_err) != CT_OK) {
        today = civil_date_unset();
    }
    struct actor system = actor_system((int64_t)time(NULL), today);
    if (status == CT_OK) {
        status = action_second_factor_reset(
            store, &system, &(struct second_factor_reset_input){.person_id = person_id}, &outcome);
    }
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("The second factor of person %lld is removed.\n", (long long)person_id);
    return CLI_EXIT_OK;
}

static int second_factor_reset(int argc, char **argv)
{
    static const struct cli_options options = {
        .options = reset_option_table,
        .count = sizeof reset_option_table / sizeof reset_option_table[0],
        .usage = second_factor_usage,
        .no_operands = true,
    };
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    return cli_with_store(&args, reset_run, &args);
}

int cli_second_factor(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"reset", second_factor_reset}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), second_factor_usage, "expected 'reset'");
}
