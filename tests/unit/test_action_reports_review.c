/* The final report review: the CE coordinator accepts a submitted final report, or
 * returns it with a comment. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/reports_review.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-reports-review");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status accept_report(struct action_world *w, int64_t person, int64_t track,
                                    struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2024-02-01");
    action_outcome_init(outcome);
    return action_report_accept(&w->store, &actor, &(struct report_accept_input){track}, outcome);
}

static enum ct_status return_report(struct action_world *w, int64_t person, int64_t track,
                                    const char *comment, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2024-02-01");
    action_outcome_init(outcome);
    return action_report_return(&w->store, &actor, &(struct report_return_input){track, comment},
                                outcome);
}

static int64_t submitted_report(struct action_world *w)
{
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2023-01-01");
    action_world_final_report(w, track, "2024-01-15");
    return track;
}

static void test_the_coordinator_accepts_a_submitted_report(void **state)
{
    struct action_world *w = *state;
    int64_t track = submitted_report(w);
    struct action_outcome outcome;
    action_assert_done(accept_report(w, w->coordinator, track, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM final_reports WHERE state ="
                                           " 'accepted' AND accepted = '2024-02-01'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "final_reports");
    assert_string_equal(seen.action, "accept");
    /* Accepted once: again is the wrong state. */
    action_assert_refused(accept_report(w, w->coordinator, track, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
}

static void test_the_coordinator_returns_a_report_with_a_comment(void **state)
{
    struct action_world *w = *state;
    int64_t track = submitted_report(w);
    struct action_outcome outcome;
    action_assert_refused(return_report(w, w->coordinator, track, "", &outcome), &outcome,
                          ACTION_BAD_INPUT, "comment");
    action_assert_done(return_report(w, w->coordinator, track, "Name the goals", &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM final_reports WHERE state ="
                                           " 'draft' AND returned_comment = 'Name the goals'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.action, "return");
    /* A draft is neither accepted nor returned. */
    action_assert_refused(accept_report(w, w->coordinator, track, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
}

static void test_a_track_without_a_report_is_the_wrong_state(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2023-01-01");
    struct action_outcome outcome;
    action_assert_refused(accept_report(w, w->coordinator, track, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.where, "final report");
    action_assert_refused(accept_report(w, w->coordinator, 999, &outcome), &outcome,
                          ACTION_NOT_FOUND, "track");
}

static void test_only_the_coordinator_reviews(void **state)
{
    struct action_world *w = *state;
    int64_t track = submitted_report(w);
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct action_outcome outcome;
        action_assert_refused(accept_report(w, others[i], track, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
        action_assert_refused(return_report(w, others[i], track, "No", &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
}

static void test_bad_fields_are_named_at_once(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    enum ct_status status = return_report(w, w->coordinator, 0, NULL, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "comment");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "track");
    assert_int_equal(outcome.fault_count, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_accepts_a_submitted_report, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_coordinator_returns_a_report_with_a_comment, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_track_without_a_report_is_the_wrong_state, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_reviews, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_fields_are_named_at_once, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
