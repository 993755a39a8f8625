#include "cli_track.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "../actions/tracks.h"
#include "../core/program_summary.h"
#include "../io/clock.h"
#include "../store/store_enrolment.h"
#include "../store/store_people.h"
#include "../core/banned.h"

struct track_args {
    struct cli_args common; /* --db, --person, --reason */
    const char *program;
    const char *track;
    struct civil_date start; /* unset: today */
};

static void track_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack track list --db PATH --person ID|EMAIL\n"
            "       certtrack track choices --db PATH --person ID|EMAIL [--start DATE]\n"
            "       certtrack track enrol --db PATH --person ID|EMAIL --program ID [--start DATE]\n"
            "       certtrack track withdraw --db PATH --track ID --reason TEXT\n"
            "\n"
            "list prints every track of the person (id, program, state, start, deadline, the\n"
            "track it continues). choices prints, for each program, whether the person may\n"
            "start a track in it (from DATE, default today) and why, and what it asks for.\n"
            "enrol starts a track in the program from DATE (default today); a person may hold\n"
            "several open tracks, one per program. withdraw ends an open track, with the\n"
            "reason. Exit status: 0 done, 2 refused (the message says why), 1 failure.\n");
}

static const struct cli_option person_options[] = {
    {"db", CLI_TEXT, offsetof(struct track_args, common.db), true, NULL},
    {"person", CLI_TEXT, offsetof(struct track_args, common.person), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct track_args, common.programs), false, NULL},
    {"start", CLI_DATE, offsetof(struct track_args, start), false, NULL},
};

static const struct cli_option enrol_options[] = {
    {"db", CLI_TEXT, offsetof(struct track_args, common.db), true, NULL},
    {"person", CLI_TEXT, offsetof(struct track_args, common.person), true, NULL},
    {"program", CLI_TEXT, offsetof(struct track_args, program), true, NULL},
    {"start", CLI_DATE, offsetof(struct track_args, start), false, NULL},
    {"programs", CLI_TEXT, offsetof(struct track_args, common.programs), false, NULL},
};

static const struct cli_option withdraw_options[] = {
    {"db", CLI_TEXT, offsetof(struct track_args, common.db), true, NULL},
    {"track", CLI_TEXT, offsetof(struct track_args, track), true, NULL},
    {"reason", CLI_TEXT, offsetof(struct track_args, common.reason), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct track_args, common.programs), false, NULL},
};

static int parse(const struct cli_option *table, size_t count, int argc, char **argv,
                 struct track_args *args)
{
    const struct cli_options options = {
        .options = table, .count = count, .usage = track_usage, .no_operands = true};
    memset(args, 0, sizeof *args);
    cli_args_init(&args->common);
    args->start = civil_date_unset();
    int first_operand = 0;
    return cli_parse(&options, argc, argv, args, &first_operand);
}

/* The system, acting now. */
static struct actor system_actor(void)
{
    struct civil_date today = civil_date_unset();
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        today = civil_date_unset();
    }
    return actor_system((int64_t)time(NULL), today);
}

/* ---- list ---- */

static int list_run(struct store *store, void *context)
{
    const struct track_args *args = context;
    struct ct_err err = {0};
    int64_t person_id = 0;
    struct store_rows rows = {.size = sizeof(struct track_row)};
    enum ct_status status = store_person_find(store, args->common.person, &person_id, &err);
    if (status == CT_OK) {
        status = store_track_rows(store, person_id, &rows, &err);
    }
    const struct track_row *tracks = rows.items;
    for (size_t i = 0; i < rows.count && status == CT_OK; i++) {
        char started[CIVIL_DATE_TEXT_SIZE], deadline[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(tracks[i].started, started);
        civil_date_format(tracks[i].deadline, deadline);
        printf("%" PRId64 "\t%s\t%s\tstarted %s\tdeadline %s", tracks[i].id, tracks[i].program,
               tracks[i].state, started, deadline);
        if (tracks[i].previous_track_id != 0) {
            printf("\tcontinues %" PRId64, tracks[i].previous_track_id);
        }
        printf("%s%s\n", tracks[i].comment[0] != '\0' ? "\t" : "", tracks[i].comment);
    }
    store_rows_release(&rows);
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}

static int track_list(int argc, char **argv)
{
    struct track_args args;
    int exit_code = parse(CLI_TABLE(person_options), argc, argv, &args);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, list_run, &args);
}

/* ---- choices ---- */

static void print_choice(const struct store *store, const struct enrolment_choice *choice)
{
    char words[512];
    tracks_choice_words(choice, store->programs, words, sizeof words);
    printf("%s (%s)\n  %s\n", choice->program->id, choice->program->name, words);
    struct program_summary summary;
    if (program_summary_make(choice->program, store->programs, &summary) == CT_OK) {
        for (size_t i = 0; i < summary.count; i++) {
            printf("  - %s\n", summary.lines[i]);
        }
    }
    for (size_t i = 0; i < choice->program->consideration_count; i++) {
        printf("  ? %s\n", choice->program->considerations[i]);
    }
}

static int choices_run(struct store *store, void *context)
{
    const struct track_args *args = context;
    struct actor system = system_actor();
    struct civil_date start = civil_date_is_set(args->start) ? args->start : system.today;
    struct ct_err err = {0};
    int64_t person_id = 0;
    struct enrolment_choices choices = {0};
    enum ct_status status = store_person_find(store, args->common.person, &person_id, &err);
    if (status == CT_OK) {
        status = store_enrolment_choices(store, person_id, start, system.today, &choices, &err);
    }
    for (size_t i = 0; i < choices.count && status == CT_OK; i++) {
        print_choice(store, &choices.items[i]);
    }
    store_enrolment_choices_release(&choices);
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}

static int track_choices(int argc, char **argv)
{
    struct track_args args;
    int exit_code = parse(CLI_TABLE(person_options), argc, argv, &args);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, choices_run, &args);
}

/* ---- enrol ---- */

static int enrol_run(struct store *store, void *context)
{
    const struct track_args *args = context;
    struct actor system = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    int64_t person_id = 0;
    enum ct_status status = store_person_find(store, args->common.person, &person_id, &outcome.err);
    char start[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(args->start)) {
        civil_date_format(args->start, start);
    }
    struct track_enrol_result result = {0};
    if (status == CT_OK) {
        struct track_enrol_input input = {person_id, args->program, start};
        status = action_track_enrol(store, &system, &input, &result, &outcome);
    }
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("Track %" PRId64 ": person %" PRId64 " enrolled in %s", result.track_id, person_id,
           args->program);
    if (result.previous_track_id != 0) {
        printf(", continuing track %" PRId64, result.previous_track_id);
    }
    printf(".\n");
    return CLI_EXIT_OK;
}

static int track_enrol(int argc, char **argv)
{
    struct track_args args;
    int exit_code = parse(CLI_TABLE(enrol_options), argc, argv, &args);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, enrol_run, &args);
}

/* ---- withdraw ---- */

static int withdraw_run(struct store *store, void *context)
{
    const struct track_args *args = context;
    char *end = NULL;
    long long track_id = strtoll(args->track, &end, 10);
    if (end == args->track || *end != '\0' || track_id <= 0) {
        cli_complain("--track: expected a track id, found '%s'", args->track);
        return CLI_EXIT_BAD_INPUT;
    }
    struct actor system = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct track_withdraw_input input = {track_id, args->common.reason};
    if (action_track_withdraw(store, &system, &input, &outcome) != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("Track %lld withdrawn.\n", track_id);
    return CLI_EXIT_OK;
}

static int track_withdraw(int argc, char **argv)
{
    struct track_args args;
    int exit_code = parse(CLI_TABLE(withdraw_options), argc, argv, &args);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.common, withdraw_run, &args);
}

int cli_track_pick(struct cli_person *person, const char *track_text)
{
    if (track_text == NULL) {
        return -1;
    }
    char *end = NULL;
    long long track_id = strtoll(track_text, &end, 10);
    if (end == track_text || *end != '\0' || track_id <= 0) {
        cli_complain("--track: expected a track id, found '%s'", track_text);
        return CLI_EXIT_BAD_INPUT;
    }
    struct track_info track;
    struct ct_err err = {0};
    if (store_track_get(&person->store, track_id, &track, &err) != CT_OK) {
        return cli_report(&err);
    }
    if (track.person_id != person->track.person_id) {
        cli_complain("--track: track %lld is not this person's", track_id);
        return CLI_EXIT_BAD_INPUT;
    }
    person->track = track;
    return -1;
}

int cli_track(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"list", track_list},
                                            {"choices", track_choices},
                                            {"enrol", track_enrol},
                                            {"enroll", track_enrol},
                                            {"withdraw", track_withdraw}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), track_usage,
                        "expected 'list', 'choices', 'enrol' or 'withdraw'");
}
