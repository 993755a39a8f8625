/* The final report action: the learner saves a draft, then submits it. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/reports.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-reports");
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status save(struct action_world *w, int64_t person,
                           const struct report_save_input *input, struct report_save_result *result,
                           struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-02");
    action_outcome_init(outcome);
    return action_report_save(&w->store, &actor, input, result, outcome);
}

static void test_a_learner_saves_a_draft_then_submits_it(void **state)
{
    struct action_world *w = *state;
    struct report_save_result result;
    struct action_outcome outcome;
    action_assert_done(
        save(w, w->learner, &(struct report_save_input){0, "A draft", NULL}, &result, &outcome),
        &outcome);
    assert_false(result.submitted);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "final_reports");
    assert_string_equal(seen.action, "save");
    action_assert_done(save(w, w->learner,
                            &(struct report_save_input){0, "What I learned", "submit"}, &result,
                            &outcome),
                       &outcome);
    assert_true(result.submitted);
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "submit");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM final_reports WHERE state ="
                                           " 'submitted' AND text = 'What I learned'"
                                           " AND submitted = '2026-03-02'"),
                     1);
    /* A submitted report is not changed. */
    enum ct_status status = save(
        w, w->learner, &(struct report_save_input){0, "Changed my mind", NULL}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.message, "a final report that is submitted cannot be edited");
}

static void test_a_report_names_every_bad_field(void **state)
{
    struct action_world *w = *state;
    struct report_save_result result;
    struct action_outcome outcome;
    enum ct_status status =
        save(w, w->learner, &(struct report_save_input){0, "", "publish"}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "action");
    assert_non_null(action_fault_of(&outcome, "text"));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM final_reports"), 0);
}

static void test_a_report_is_the_learners_own_track(void **state)
{
    struct action_world *w = *state;
    struct report_save_result result;
    struct action_outcome outcome;
    enum ct_status status =
        save(w, w->other_learner, &(struct report_save_input){0, "Mine", NULL}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "track");
    int64_t track = action_world_count(w, "SELECT id FROM tracks");
    status =
        save(w, w->director, &(struct report_save_input){track, "Theirs", NULL}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM final_reports"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_learner_saves_a_draft_then_submits_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_report_names_every_bad_field, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_report_is_the_learners_own_track, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
