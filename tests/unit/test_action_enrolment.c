/* Enrolment and several open tracks: a person chooses a program the engine says is open
 * to them (or the coordinator, or their library administrator, enrols them); one open
 * track per program; an activity counts toward each open track and once in a chain;
 * an award ends another track only when its program says so; a track is withdrawn with
 * a reason. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/plans.h"
#include "actions/tracks.h"
#include "core/program.h"
#include "io/file_read.h"
#include "store/store_award.h"
#include "store/store_record.h"
#include "store/store_tracks.h"
#include "core/banned.h"

static const char *const today_text = "2026-03-02";

static int setup(void **state)
{
    *state = action_world_open("action-enrolment");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status enrol(struct action_world *w, int64_t actor_id, int64_t person,
                            const char *program, const char *start,
                            struct track_enrol_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, "2026-03-02");
    action_outcome_init(outcome);
    struct track_enrol_input input = {person, program, start};
    return action_track_enrol(&w->store, &actor, &input, result, outcome);
}

static enum ct_status withdraw(struct action_world *w, int64_t actor_id, int64_t track,
                               const char *reason, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, "2026-03-02");
    action_outcome_init(outcome);
    return action_track_withdraw(&w->store, &actor, &(struct track_withdraw_input){track, reason},
                                 outcome);
}

static const char *track_state(struct action_world *w, int64_t track)
{
    static struct track_info info;
    struct ct_err err = {0};
    test_ok(store_track_get(&w->store, track, &info, &err), &err);
    return info.state;
}

/* The learner's msl-trustee track, complete and awarded on 2024-01-01: their certificate. */
static struct award_result certified(struct action_world *w, int64_t person, int64_t *track)
{
    *track = action_world_ready_track(w, person);
    struct award_result award;
    struct ct_err err = {0};
    test_ok(store_award(&w->store, w->coordinator, *track, test_day("2024-01-01"), &award, &err),
            &err);
    return award;
}

static int64_t tracks(struct action_world *w)
{
    return action_world_count(w, "SELECT COUNT(*) FROM tracks");
}

static void test_an_enrolment_without_the_prerequisite_is_refused_naming_why(void **state)
{
    struct action_world *w = *state;
    struct track_enrol_result result;
    struct action_outcome outcome;
    action_assert_refused(enrol(w, w->learner, 0, "msl-strategic", NULL, &result, &outcome),
                          &outcome, ACTION_WRONG_STATE, "program");
    assert_non_null(strstr(outcome.err.message, "needs a prior certificate"));
    assert_non_null(strstr(outcome.err.message, "MSL Certification for Library Staff"));
    assert_non_null(strstr(outcome.err.message, "you hold none"));
    assert_int_equal(tracks(w), 0);
}

static void test_a_prior_certificate_opens_the_strategic_track_beside_the_other(void **state)
{
    struct action_world *w = *state;
    int64_t trustee = 0;
    struct award_result award = certified(w, w->learner, &trustee);
    struct enrolment_choices choices;
    struct ct_err err = {0};
    test_ok(store_enrolment_choices(&w->store, w->learner, test_day("2026-03-02"),
                                    test_day("2026-03-02"), &choices, &err),
            &err);
    const struct enrolment_choice *choice = store_enrolment_choice_of(&choices, "msl-strategic");
    assert_int_equal(choice->verdict, ENROLMENT_OPEN);
    char words[512];
    tracks_choice_words(choice, w->store.programs, words, sizeof words);
    assert_non_null(strstr(words, award.number));
    store_enrolment_choices_release(&choices);

    struct track_enrol_result result;
    struct action_outcome outcome;
    action_assert_done(enrol(w, w->learner, 0, "msl-strategic", "", &result, &outcome), &outcome);
    /* The trustee track's successor goes on beside it: two open tracks. */
    assert_string_equal(track_state(w, award.next_track_id), "active");
    assert_string_equal(track_state(w, result.track_id), "active");
    assert_int_equal(result.previous_track_id, 0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "enroll");
    assert_int_equal(seen.actor_id, w->learner);
    assert_int_equal(seen.entity_id, result.track_id);
}

static void test_a_second_open_track_in_one_program_is_refused(void **state)
{
    struct action_world *w = *state;
    struct track_enrol_result result;
    struct action_outcome outcome;
    action_assert_done(enrol(w, w->learner, 0, "msl-staff", NULL, &result, &outcome), &outcome);
    action_assert_refused(
        enrol(w, w->coordinator, w->learner, "msl-staff", "2026-01-01", &result, &outcome),
        &outcome, ACTION_WRONG_STATE, "program");
    assert_non_null(strstr(outcome.err.message, "Already on this track"));
    assert_int_equal(tracks(w), 1);
}

static void test_who_enrols_whom(void **state)
{
    struct action_world *w = *state;
    struct track_enrol_result result;
    struct action_outcome outcome;
    action_assert_refused(
        enrol(w, w->director, w->other_learner, "msl-staff", NULL, &result, &outcome), &outcome,
        ACTION_NOT_ALLOWED, "person");
    action_assert_refused(
        enrol(w, w->learner, w->other_learner, "msl-staff", NULL, &result, &outcome), &outcome,
        ACTION_NOT_ALLOWED, "person");
    action_assert_refused(enrol(w, w->learner, 0, "msl-staff", "2025-01-01", &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "start");
    assert_int_equal(tracks(w), 0);
    action_assert_done(
        enrol(w, w->director, w->learner, "msl-staff", "2025-01-01", &result, &outcome), &outcome);
    action_assert_done(
        enrol(w, w->coordinator, w->other_learner, "msl-trustee", NULL, &result, &outcome),
        &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_int_equal(tracks(w), 2);
}

static void test_bad_enrolment_input_names_each_field(void **state)
{
    struct action_world *w = *state;
    struct track_enrol_result result;
    struct action_outcome outcome;
    struct actor system = actor_system(0, test_day("2026-03-02"));
    action_outcome_init(&outcome);
    struct track_enrol_input input = {0, "msl-nope", "2026-02-30"};
    action_assert_refused(action_track_enrol(&w->store, &system, &input, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "program");
    assert_non_null(action_fault_of(&outcome, "start"));
    assert_non_null(action_fault_of(&outcome, "person"));
    action_assert_refused(enrol(w, w->coordinator, 999, "msl-staff", NULL, &result, &outcome),
                          &outcome, ACTION_NOT_FOUND, "person");
}

static void test_a_new_track_in_a_chain_starts_after_its_award(void **state)
{
    struct action_world *w = *state;
    int64_t trustee = 0;
    struct award_result award = certified(w, w->learner, &trustee);
    struct action_outcome outcome;
    action_assert_done(withdraw(w, w->learner, award.next_track_id, "Moved away", &outcome),
                       &outcome);
    struct track_enrol_result result;
    action_assert_refused(
        enrol(w, w->coordinator, w->learner, "msl-trustee", "2023-06-01", &result, &outcome),
        &outcome, ACTION_WRONG_STATE, "start");
    assert_non_null(strstr(outcome.err.message, award.number));
    /* The award's own day belongs to the awarded track. */
    action_assert_refused(
        enrol(w, w->coordinator, w->learner, "msl-trustee", "2024-01-01", &result, &outcome),
        &outcome, ACTION_WRONG_STATE, "start");
    action_assert_done(
        enrol(w, w->coordinator, w->learner, "msl-trustee", "2024-01-02", &result, &outcome),
        &outcome);
    assert_int_equal(result.previous_track_id, trustee);
}

static void test_an_activity_counts_toward_two_open_tracks_and_once_in_a_chain(void **state)
{
    struct action_world *w = *state;
    int64_t staff = action_world_enroll(w, w->learner, "msl-staff", "2022-06-01");
    int64_t trustee = 0;
    struct award_result award = certified(w, w->learner, &trustee);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    /* The trustee track's credits (15, on 2023) count toward the staff track too. */
    test_ok(
        store_record_evaluate(&w->store, staff, test_day("2024-01-01"), &record, &evaluation, &err),
        &err);
    assert_int_equal(evaluation->counted_halves, 30);
    evaluation_free(evaluation);
    record_free(record);
    /* Not toward the successor the award started: it begins the day after. */
    test_ok(store_record_evaluate(&w->store, award.next_track_id, test_day("2024-06-01"), &record,
                                  &evaluation, &err),
            &err);
    assert_int_equal(evaluation->counted_halves, 0);
    assert_int_equal(record->activity_count, 0); /* the store reads from the track's start */
    evaluation_free(evaluation);
    record_free(record);
    /* And the award left the staff track open. */
    assert_string_equal(track_state(w, staff), "active");
}

/* A program set of the shipped programs where msl-trustee's award ends msl-staff. */
static struct program_set ending_programs;

static void load_ending_programs(void)
{
    program_set_init(&ending_programs);
    const struct program_set *shipped = test_msl_programs();
    for (size_t i = 0; i < shipped->count; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/programs/%s.json", CERTTRACK_SOURCE_ROOT,
                 shipped->programs[i]->id);
        char *text = NULL;
        size_t length = 0;
        struct ct_err err = {0};
        test_ok(file_read_all(path, FILE_READ_DEFAULT_LIMIT, &text, &length, &err), &err);
        const char *marker = "\"successor\"";
        char *at = strstr(text, marker);
        char edited[16384];
        if (strcmp(shipped->programs[i]->id, "msl-trustee") == 0) {
            snprintf(edited, sizeof edited, "%.*s\"ends_on_award\": [\"msl-staff\"], %s",
                     (int)(at - text), text, at);
        } else {
            snprintf(edited, sizeof edited, "%s", text);
        }
        free(text);
        struct program *program = NULL;
        test_ok(program_parse(edited, strlen(edited), &program, &err), &err);
        test_ok(program_set_add(&ending_programs, program, &err), &err);
    }
}

static void test_an_award_ends_another_track_only_when_its_program_says_so(void **state)
{
    struct action_world *w = *state;
    load_ending_programs();
    w->store.programs = &ending_programs;
    int64_t staff = action_world_enroll(w, w->learner, "msl-staff", "2022-06-01");
    int64_t other_staff = action_world_enroll(w, w->other_learner, "msl-staff", "2022-06-01");
    int64_t trustee = 0;
    struct award_result award = certified(w, w->learner, &trustee);
    assert_string_equal(track_state(w, staff), "withdrawn");
    assert_string_equal(track_state(w, other_staff), "active");
    assert_string_equal(track_state(w, award.next_track_id), "active");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE action ="
                                           " 'withdraw' AND entity = 'tracks'"),
                     1);
    char comment[256];
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_query_text(&w->store, "SELECT state_comment FROM tracks WHERE id = ?",
                             STORE_PARAMS(DB_INT(staff)), 1, comment, sizeof comment, &found, &err),
            &err);
    assert_non_null(strstr(comment, award.number));
    w->store.programs = test_msl_programs();
    program_set_release(&ending_programs);
}

static void test_a_track_is_withdrawn_with_a_reason_by_whom_it_concerns(void **state)
{
    struct action_world *w = *state;
    int64_t own = action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    int64_t other = action_world_enroll(w, w->other_learner, "msl-staff", "2026-01-01");
    struct action_outcome outcome;
    action_assert_refused(withdraw(w, w->learner, own, "  ", &outcome), &outcome, ACTION_BAD_INPUT,
                          "reason");
    action_assert_refused(withdraw(w, w->learner, own, "", &outcome), &outcome, ACTION_BAD_INPUT,
                          "reason");
    action_assert_refused(withdraw(w, w->learner, other, "Not mine", &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "track");
    action_assert_refused(withdraw(w, w->director, other, "Not my library", &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "track");
    action_assert_refused(withdraw(w, w->learner, 999, "Gone", &outcome), &outcome,
                          ACTION_NOT_FOUND, "track");
    assert_string_equal(track_state(w, own), "active");
    action_assert_done(withdraw(w, w->director, own, "Chose the Strategic Track", &outcome),
                       &outcome);
    assert_string_equal(track_state(w, own), "withdrawn");
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "withdraw");
    assert_int_equal(seen.actor_id, w->director);
    action_assert_done(withdraw(w, w->coordinator, other, "Left the library", &outcome), &outcome);
}

static void test_a_certified_track_cannot_be_withdrawn(void **state)
{
    struct action_world *w = *state;
    int64_t trustee = 0;
    (void)certified(w, w->learner, &trustee);
    struct action_outcome outcome;
    action_assert_refused(withdraw(w, w->coordinator, trustee, "A mistake", &outcome), &outcome,
                          ACTION_WRONG_STATE, "track");
    assert_non_null(strstr(outcome.err.message, "certified"));
    assert_string_equal(track_state(w, trustee), "certified");
}

static void test_the_plan_is_the_strategic_tracks_beside_a_newer_track(void **state)
{
    struct action_world *w = *state;
    int64_t strategic = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    action_world_enroll(w, w->learner, "msl-staff", "2026-02-01");
    struct actor actor = action_world_actor(w, w->learner, today_text);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &actor, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT track_id FROM plan_versions WHERE id = %lld",
             (long long)result.version_id);
    assert_int_equal(action_world_count(w, sql), strategic);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_an_enrolment_without_the_prerequisite_is_refused_naming_why),
        T(test_a_prior_certificate_opens_the_strategic_track_beside_the_other),
        T(test_a_second_open_track_in_one_program_is_refused),
        T(test_who_enrols_whom),
        T(test_bad_enrolment_input_names_each_field),
        T(test_a_new_track_in_a_chain_starts_after_its_award),
        T(test_an_activity_counts_toward_two_open_tracks_and_once_in_a_chain),
        T(test_an_award_ends_another_track_only_when_its_program_says_so),
        T(test_a_track_is_withdrawn_with_a_reason_by_whom_it_concerns),
        T(test_a_certified_track_cannot_be_withdrawn),
        T(test_the_plan_is_the_strategic_tracks_beside_a_newer_track),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
