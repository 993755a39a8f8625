#include "cli_letter.h"

#include <stdio.h>

#include "../certificates/director_letter.h"
#include "../store/store_people.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

static void letter_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack letter new-director --db PATH --person ID|EMAIL --out FILE.pdf\n"
                 "                 [--as-of DATE]\n"
                 "\n"
                 "Writes the State Library's letter to a newly hired library director and their\n"
                 "board as a PDF: the director's hire day (the day their roles began) and the day\n"
                 "they must be certified by, the director program's window later. The letter is\n"
                 "dated the day the reminders first mailed it, else --as-of or today. The person\n"
                 "must be the director of an open library.\n");
}

static const struct cli_option letter_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),         CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("person", person, CLI_TEXT, true), CLI_ARG("out", out, CLI_TEXT, true),
    CLI_ARG("as-of", as_of, CLI_DATE, false),
};

struct letter_context {
    const struct cli_args *args;
    struct civil_date day;
};

static int letter_store(struct store *store, void *context)
{
    struct letter_context *letter_context = context;
    struct ct_err err = {0};
    int64_t person_id = 0;
    struct director_letter letter;
    bool found = false;
    enum ct_status status =
        store_person_find(store, letter_context->args->person, &person_id, &err);
    status = status == CT_OK ? director_letter_load(store, person_id, letter_context->day, &letter,
                                                    &found, &err)
                             : status;
    if (status == CT_OK && !found) {
        status =
            ct_err_set(&err, CT_ERR_INPUT, "person",
                       "person %lld is not the director of an open library", (long long)person_id);
    }
    status = status == CT_OK ? director_letter_pdf_write(&letter, letter_context->args->out, &err)
                             : status;
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}

static int letter_new_director(int argc, char **argv)
{
    static const struct cli_options options = {
        .options = letter_option_table,
        .count = sizeof letter_option_table / sizeof letter_option_table[0],
        .usage = letter_usage,
        .no_operands = true,
    };
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct letter_context context = {&args, civil_date_unset()};
    exit_code = cli_evaluation_day(&args, &context.day);
    return exit_code >= 0 ? exit_code : cli_with_store(&args, letter_store, &context);
}

int cli_letter(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"new-director", letter_new_director}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), letter_usage, "expected 'new-director'");
}
