#include "cli_args.h"

#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "../io/clock.h"
#include "../io/program_dir.h"
#include "../store/store_open.h"
#include "../store/store_people.h"
#include "../core/banned.h"

static const struct {
    enum cli_option flag;
    const char *name;
} option_names[] = {
    {CLI_OPT_DB, "db"},
    {CLI_OPT_PROGRAMS, "programs"},
    {CLI_OPT_PERSON, "person"},
    {CLI_OPT_AS_OF, "as-of"},
    {CLI_OPT_FORMAT, "format"},
    {CLI_OPT_TO, "to"},
    {CLI_OPT_NUMBER, "number"},
    {CLI_OPT_OUT, "out"},
    {CLI_OPT_PUBLIC_URL, "public-url"},
    {CLI_OPT_REASON, "reason"},
    {CLI_OPT_JWKS, "jwks"},
    {CLI_OPT_STATUS_LIST, "status-list"},
    {CLI_OPT_MERGE, "merge"},
};

/* Options that take no value. */
static const unsigned flag_options = CLI_OPT_MERGE;

enum { OPTION_COUNT = sizeof option_names / sizeof option_names[0] };

static int store_option(struct cli_args *args, unsigned flag, const char *value)
{
    switch (flag) {
    case CLI_OPT_DB:
        args->db = value;
        break;
    case CLI_OPT_PROGRAMS:
        args->programs = value;
        break;
    case CLI_OPT_PERSON:
        args->person = value;
        break;
    case CLI_OPT_AS_OF:
        if (!civil_date_parse(value, &args->as_of)) {
            cli_complain("--as-of: not a date: \"%s\"", value);
            return CLI_EXIT_BAD_INPUT;
        }
        break;
    case CLI_OPT_FORMAT:
        args->format = value;
        break;
    case CLI_OPT_TO:
        args->to = value;
        break;
    case CLI_OPT_NUMBER:
        args->number = value;
        break;
    case CLI_OPT_OUT:
        args->out = value;
        break;
    case CLI_OPT_PUBLIC_URL:
        args->public_url = value;
        break;
    case CLI_OPT_REASON:
        args->reason = value;
        break;
    case CLI_OPT_JWKS:
        args->jwks = value;
        break;
    case CLI_OPT_STATUS_LIST:
        args->status_list = value;
        break;
    case CLI_OPT_MERGE:
        args->merge = true;
        break;
    default:
        break;
    }
    return -1;
}

static int check_required(unsigned required, unsigned seen, void (*usage)(FILE *out))
{
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if ((required & option_names[i].flag) && !(seen & option_names[i].flag)) {
            cli_complain("missing --%s", option_names[i].name);
            usage(stderr);
            return CLI_EXIT_BAD_INPUT;
        }
    }
    return -1;
}

int cli_args_parse(int argc, char **argv, unsigned allowed, unsigned required,
                   void (*usage)(FILE *out), struct cli_args *args)
{
    memset(args, 0, sizeof *args);
    args->as_of = civil_date_unset();
    struct option long_options[OPTION_COUNT + 2];
    size_t count = 0;
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (allowed & option_names[i].flag) {
            int has_arg = (flag_options & option_names[i].flag) ? no_argument : required_argument;
            long_options[count++] =
                (struct option){option_names[i].name, has_arg, NULL, (int)option_names[i].flag};
        }
    }
    long_options[count++] = (struct option){"help", no_argument, NULL, 'h'};
    long_options[count] = (struct option){NULL, 0, NULL, 0};
    optind = 1;
    opterr = 0;
    unsigned seen = 0;
    int option;
    while ((option = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        if (option == 'h') {
            usage(stdout);
            return CLI_EXIT_OK;
        }
        if (option == '?' || option == ':') {
            cli_complain("%s: unknown or incomplete option '%s'", argv[0], argv[optind - 1]);
            usage(stderr);
            return CLI_EXIT_BAD_INPUT;
        }
        int exit_code = store_option(args, (unsigned)option, optarg);
        if (exit_code >= 0) {
            return exit_code;
        }
        seen |= (unsigned)option;
    }
    args->first_operand = optind;
    return check_required(required, seen, usage);
}

int cli_store_open(const struct cli_args *args, bool create, struct program_set *programs,
                   struct store *store)
{
    struct ct_err err = {0};
    program_set_init(programs);
    store->db = NULL;
    enum ct_status status = program_dir_load(program_dir_default(args->programs), programs, &err);
    if (status == CT_OK) {
        status = store_open(store, args->db, create, programs, &err);
    }
    if (status != CT_OK) {
        program_set_release(programs);
        return cli_report(&err);
    }
    return -1;
}

void cli_store_close(struct program_set *programs, struct store *store)
{
    store_close(store);
    program_set_release(programs);
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
