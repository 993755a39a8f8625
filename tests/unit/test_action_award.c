/* The award actions: the CE coordinator awards a submitted, complete track, or returns it
 * with a comment. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "store/store_tracks.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-award");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status award(struct action_world *w, int64_t person, int64_t track,
                            struct award_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2024-01-01");
    action_outcome_init(outcome);
    return action_track_award(&w->store, &actor, &(struct track_award_input){track}, result,
                              outcome);
}

static const char *track_state(struct action_world *w, int64_t track)
{
    static struct track_info info;
    struct ct_err err = {0};
    test_ok(store_track_get(&w->store, track, &info, &err), &err);
    return info.state;
}

static void test_the_coordinator_awards_a_complete_track(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct award_result result;
    struct action_outcome outcome;
    action_assert_done(award(w, w->coordinator, track, &result, &outcome), &outcome);
    assert_int_equal(strncmp(result.number, "CT-2024-", 8), 0);
    assert_string_equal(result.next_program, "msl-trustee");
    assert_string_equal(track_state(w, track), "certified");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE action = 'award'"
                                           " AND actor_id = (SELECT id FROM people"
                                           " WHERE email = 'coordinator@example.org')"),
                     1);
    /* The last entry is the next track's enrolment, made by the coordinator too. */
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "tracks");
    assert_int_equal(seen.entity_id, result.next_track_id);
    assert_string_equal(seen.action, "enroll");
}

static void test_the_system_awards_too(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor system = actor_system(1, test_day("2024-01-01"));
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &system, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, 0);
}

static void test_nobody_else_awards_or_returns(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct award_result result;
        struct action_outcome outcome;
        action_assert_refused(award(w, others[i], track, &result, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
        struct actor actor = action_world_actor(w, others[i], "2024-01-01");
        action_outcome_init(&outcome);
        enum ct_status status = action_track_return(
            &w->store, &actor, &(struct track_return_input){track, "Again"}, &outcome);
        action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
    }
    assert_string_equal(track_state(w, track), "submitted");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
}

static void test_an_unsent_or_incomplete_track_is_the_wrong_state(void **state)
{
    struct action_world *w = *state;
    int64_t active = action_world_enroll(w, w->learner, "msl-trustee", "2022-06-01");
    struct award_result result;
    struct action_outcome outcome;
    action_assert_refused(award(w, w->coordinator, active, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    assert_non_null(strstr(outcome.err.message, "cannot award"));
    /* Sent, but short of credits: the engine's blocking codes, where the store says. */
    struct ct_err err = {0};
    test_ok(store_track_act(&w->store, w->learner, active, "submit", NULL, &err), &err);
    action_assert_refused(award(w, w->coordinator, active, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.where, "track");
    assert_int_equal(strncmp(outcome.err.message, "not complete (in-progress): credits-short", 41),
                     0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM certificates"), 0);
    /* An active track is not returned either. */
    int64_t other = action_world_enroll(w, w->other_learner, "msl-trustee", "2022-06-01");
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    action_outcome_init(&outcome);
    enum ct_status status = action_track_return(
        &w->store, &actor, &(struct track_return_input){other, "Why?"}, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
}

static void test_a_missing_track_is_not_found(void **state)
{
    struct action_world *w = *state;
    struct award_result result;
    struct action_outcome outcome;
    action_assert_refused(award(w, w->coordinator, 999, &result, &outcome), &outcome,
                          ACTION_NOT_FOUND, "track");
}

static void test_a_return_needs_a_comment_and_a_track(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_track_return(&w->store, &actor, &(struct track_return_input){0, ""}, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "track");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "comment");
    assert_int_equal(outcome.fault_count, 2);
    assert_string_equal(outcome.err.where, "track");
    action_outcome_init(&outcome);
    status =
        action_track_return(&w->store, &actor, &(struct track_return_input){track, NULL}, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "comment");
    assert_string_equal(action_fault_of(&outcome, "comment")->message,
                        ACTION_RETURN_COMMENT_NEEDED);
    assert_string_equal(track_state(w, track), "submitted");
}

static void test_the_coordinator_returns_a_track_with_a_comment(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_return(&w->store, &actor,
                                           &(struct track_return_input){track, "Check the dates"},
                                           &outcome),
                       &outcome);
    assert_string_equal(track_state(w, track), "returned");
    assert_int_equal(action_world_count(
                         w, "SELECT COUNT(*) FROM tracks WHERE state_comment = 'Check the dates'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "tracks");
    assert_int_equal(seen.entity_id, track);
    assert_string_equal(seen.action, "return");
    /* A returned track is no longer awarded. */
    struct award_result result;
    action_assert_refused(award(w, w->coordinator, track, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_awards_a_complete_track, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_system_awards_too, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nobody_else_awards_or_returns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unsent_or_incomplete_track_is_the_wrong_state,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_missing_track_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_return_needs_a_comment_and_a_track, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_coordinator_returns_a_track_with_a_comment, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
