#include "cli_record.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "cli_track.h"
#include "../certificates/credential.h"
#include "../actions/award.h"
#include "../store/store_award.h"
#include "../store/store_settings.h"
#include "../store/store_people.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "../core/banned.h"

static void export_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack export-record --db PATH --person ID|EMAIL [--track ID]\n"
                 "                               [--as-of DATE]\n"
                 "\n"
                 "Prints the person's track (--track, else the most recently started open one)\n"
                 "as the evaluate input (JSON), so that any record can be checked by hand with\n"
                 "'certtrack evaluate'.\n");
}

/* The options of the commands about one person's track. */
struct record_args {
    struct cli_args common;
    const char *track; /* --track: NULL for the current one */
};

static const struct cli_option person_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("person", person, CLI_TEXT, true),
    CLI_ARG("as-of", as_of, CLI_DATE, false),
    {"track", CLI_TEXT, offsetof(struct record_args, track), false, NULL},
};

/* Parses the options and opens the person's track. Returns -1 (the caller then closes
 * with cli_person_close) or an exit code. */
static int person_open(int argc, char **argv, void (*usage)(FILE *out), struct record_args *args,
                       struct cli_person *person)
{
    const struct cli_options options = CLI_OPTIONS(person_option_table, usage);
    cli_args_init(&args->common);
    args->track = NULL;
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, args, &first_operand);
    if (exit_code < 0) {
        exit_code = cli_person_open(&args->common, person);
    }
    if (exit_code < 0) {
        exit_code = cli_track_pick(person, args->track);
        if (exit_code >= 0) {
            cli_person_close(person);
        }
    }
    return exit_code;
}

int cli_export_record(int argc, char **argv)
{
    struct record_args args;
    struct cli_person person;
    int exit_code = person_open(argc, argv, export_usage, &args, &person);
    if (exit_code >= 0) {
        return exit_code;
    }
    json_t *record = NULL;
    struct ct_err err = {0};
    if (store_record_json(&person.store, person.track.id, person.day, &record, &err) != CT_OK) {
        exit_code = cli_report(&err);
    } else {
        char *text = json_dumps(record, JSON_INDENT(2));
        exit_code = text != NULL ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
        if (text != NULL) {
            printf("%s\n", text);
        }
        free(text);
    }
    json_decref(record);
    cli_person_close(&person);
    return exit_code;
}

static void award_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack award --db PATH --person ID|EMAIL [--track ID] [--as-of DATE]\n"
                 "\n"
                 "Awards the person's submitted track (--track, else the most recently started\n"
                 "open one) when the rules engine says it is\n"
                 "complete: issues the certificate and starts the next track the day after,\n"
                 "all in one transaction, and prints the certificate number and its\n"
                 "verification URL. An incomplete track is refused (exit status 2) with the\n"
                 "rules engine's blocking codes.\n");
}

int cli_award(int argc, char **argv)
{
    struct record_args args;
    struct cli_person person;
    int exit_code = person_open(argc, argv, award_usage, &args, &person);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct award_result result;
    struct ct_err err = {0};
    struct actor system = actor_system((int64_t)time(NULL), person.day);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    if (action_track_award(&person.store, &system, &(struct track_award_input){person.track.id},
                           &result, &outcome) != CT_OK) {
        exit_code = cli_report(&outcome.err);
    } else {
        char until[CIVIL_DATE_TEXT_SIZE], public_url[STORE_SETTING_SIZE],
            url[STORE_SETTING_SIZE + 64];
        civil_date_format(result.valid_until, until);
        if (store_setting_get(&person.store, "public-url", public_url, &err) != CT_OK) {
            exit_code = cli_report(&err);
        } else {
            credential_verify_url(public_url, result.verification_code, url, sizeof url);
            printf("Certificate %s issued, valid until %s.\n"
                   "Verification URL: %s\n"
                   "Next track: %s, track %lld.\n",
                   result.number, until, url, result.next_program, (long long)result.next_track_id);
            exit_code = CLI_EXIT_OK;
        }
    }
    cli_person_close(&person);
    return exit_code;
}
