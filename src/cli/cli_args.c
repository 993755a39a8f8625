#include "cli_args.h"

#include <assert.h>
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "../io/clock.h"
#include "../io/program_dir.h"
#include "../mail/mail_templates.h"
#include "../store/store_open.h"
#include "../store/store_people.h"
#include "../core/banned.h"

enum {
    MAX_OPTIONS = 32,
    /* getopt_long gives back option i of a table as FIRST_OPTION + i: above any
     * character, '?' and ':' included. */
    FIRST_OPTION = 256,
};

struct actor cli_system_actor(void)
{
    struct civil_date today = civil_date_unset();
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        today = civil_date_unset();
    }
    return actor_system((int64_t)time(NULL), today);
}

void cli_args_init(struct cli_args *args)
{
    memset(args, 0, sizeof *args);
    args->as_of = civil_date_unset();
}

/* Stores value (NULL for a flag) where option says, in args. Returns -1 or an exit code. */
static int store_value(const struct cli_option *option, void *args, const char *value)
{
    unsigned char *slot = (unsigned char *)args + option->offset;
    switch (option->value) {
    case CLI_TEXT:
        memcpy(slot, &value, sizeof value);
        return -1;
    case CLI_FLAG: {
        bool set = true;
        memcpy(slot, &set, sizeof set);
        return -1;
    }
    case CLI_DATE: {
        struct civil_date date;
        if (!civil_date_parse(value, &date)) {
            cli_complain("--%s: not a date: \"%s\"", option->name, value);
            return CLI_EXIT_BAD_INPUT;
        }
        memcpy(slot, &date, sizeof date);
        return -1;
    }
    case CLI_CALL:
        return option->call(args, value);
    }
    return -1;
}

/* The table as getopt_long reads it, with --help; long_options holds MAX_OPTIONS + 2. */
static void getopt_table(const struct cli_options *options, struct option *long_options)
{
    for (size_t i = 0; i < options->count; i++) {
        const struct cli_option *option = &options->options[i];
        long_options[i] = (struct option){
            option->name, option->value == CLI_FLAG ? no_argument : required_argument, NULL,
            FIRST_OPTION + (int)i};
    }
    long_options[options->count] = (struct option){"help", no_argument, NULL, 'h'};
    long_options[options->count + 1] = (struct option){NULL, 0, NULL, 0};
}

static int refuse(const struct cli_options *options)
{
    if (!options->quiet) {
        options->usage(stderr);
    }
    return CLI_EXIT_BAD_INPUT;
}

/* After the options: the first required one missing, then an operand refused. */
static int check_rest(const struct cli_options *options, int argc, char **argv, const bool *seen)
{
    for (size_t i = 0; i < options->count; i++) {
        if (options->options[i].required && !seen[i]) {
            cli_complain("missing --%s", options->options[i].name);
            return refuse(options);
        }
    }
    if (options->no_operands && optind < argc) {
        cli_complain("%s: unexpected argument '%s'", argv[0], argv[optind]);
        return refuse(options);
    }
    return -1;
}

int cli_parse(const struct cli_options *options, int argc, char **argv, void *args,
              int *first_operand)
{
    assert(options->count <= MAX_OPTIONS); /* the tables are the code's own */
    struct option long_options[MAX_OPTIONS + 2];
    getopt_table(options, long_options);
    bool seen[MAX_OPTIONS] = {false};
    optind = 1;
    opterr = 0; /* the messages are ours, below */
    int option;
    while ((option = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        if (option == 'h') {
            options->usage(stdout);
            return CLI_EXIT_OK;
        }
        if (option < FIRST_OPTION) {
            cli_complain("%s: unknown or incomplete option '%s'", argv[0], argv[optind - 1]);
            return refuse(options);
        }
        size_t index = (size_t)(option - FIRST_OPTION);
        int exit_code = store_value(&options->options[index], args, optarg);
        if (exit_code >= 0) {
            return exit_code;
        }
        seen[index] = true;
    }
    *first_operand = optind;
    return check_rest(options, argc, argv, seen);
}

int cli_run_verb(int argc, char **argv, const struct cli_verb *verbs, size_t count,
                 void (*usage)(FILE *out), const char *expected)
{
    for (size_t i = 0; argc >= 2 && i < count; i++) {
        if (strcmp(argv[1], verbs[i].name) == 0) {
            return verbs[i].run(argc - 1, argv + 1);
        }
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    cli_complain("%s: %s", argv[0], expected);
    usage(stderr);
    return CLI_EXIT_BAD_INPUT;
}

int cli_store_open(const struct cli_args *args, bool create, struct program_set *programs,
                   struct store *store)
{
    struct ct_err err = {0};
    program_set_init(programs);
    store->db = NULL;
    enum ct_status status = program_dir_load(program_dir_default(args->programs), programs, &err);
    struct mail_templates *templates = NULL;
    if (status == CT_OK) {
        status = mail_templates_load(mail_templates_default_dir(), &templates, &err);
    }
    if (status == CT_OK) {
        status = store_open(store, args->db, create, programs, &err);
    }
    if (status != CT_OK) {
        mail_templates_free(templates);
        program_set_release(programs);
        return cli_report(&err);
    }
    store->templates = templates;
    return -1;
}

void cli_store_close(struct program_set *programs, struct store *store)
{
    /* The templates were loaded by cli_store_open for this store alone. */
    mail_templates_free((struct mail_templates *)store->templates);
    store->templates = NULL;
    store_close(store);
    program_set_release(programs);
}

int cli_with_store(const struct cli_args *args, int (*run)(struct store *store, void *context),
                   void *context)
{
    struct program_set programs;
    struct store store;
    int exit_code = cli_store_open(args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = run(&store, context);
    cli_store_close(&programs, &store);
    return exit_code;
}

int cli_evaluation_day(const struct cli_args *args, struct civil_date *day)
{
    if (civil_date_is_set(args->as_of)) {
        *day = args->as_of;
        return -1;
    }
    struct ct_err err = {0};
    if (clock_today(day, &err) != CT_OK) {
        return cli_report(&err);
    }
    return -1;
}

int cli_person_track(struct store *store, const char *person, struct track_info *track)
{
    struct ct_err err = {0};
    int64_t person_id = 0;
    enum ct_status status = store_person_find(store, person, &person_id, &err);
    bool found = false;
    if (status == CT_OK) {
        status = store_track_find_current(store, person_id, track, &found, &err);
    }
    /* Only a read that worked and found nothing is "no track"; a failed read is
     * reported as the error it is. */
    if (status == CT_OK && !found) {
        status = ct_err_set(&err, CT_ERR_INPUT, "person", "person %lld has no track",
                            (long long)person_id);
    }
    return status == CT_OK ? -1 : cli_report(&err);
}

int cli_person_open(const struct cli_args *args, struct cli_person *person)
{
    int exit_code = cli_evaluation_day(args, &person->day);
    if (exit_code < 0) {
        exit_code = cli_store_open(args, false, &person->programs, &person->store);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = cli_person_track(&person->store, args->person, &person->track);
    if (exit_code >= 0) {
        cli_store_close(&person->programs, &person->store);
    }
    return exit_code;
}

void cli_person_close(struct cli_person *person)
{
    cli_store_close(&person->programs, &person->store);
}
