/* The plan actions: the learner writes, submits and signs a version; their verifier signs
 * it for the library or returns it. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/plans.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-plans");
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    action_world_enroll(w, w->other_learner, "msl-strategic", "2026-01-01");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct actor as(struct action_world *w, int64_t person)
{
    return action_world_actor(w, person, "2026-03-02");
}

static int64_t start(struct action_world *w, int64_t person)
{
    struct actor actor = as(w, person);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &actor, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    return result.version_id;
}

static enum ct_status add_goal(struct action_world *w, int64_t person, int64_t library_goal,
                               const char *goal, struct plan_result *result,
                               struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    struct plan_goal_input input = {0, library_goal, goal, "Two sites weekly"};
    return action_plan_goal_add(&w->store, &actor, &input, result, outcome);
}

static enum ct_status submit(struct action_world *w, int64_t person, struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    struct plan_result result;
    action_outcome_init(outcome);
    return action_plan_submit(&w->store, &actor, &(struct plan_version_input){0}, &result, outcome);
}

static enum ct_status sign(struct action_world *w, int64_t person, int64_t version,
                           enum plan_signer signer, struct plan_result *result,
                           struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    return action_plan_sign(&w->store, &actor, &(struct plan_sign_input){version, signer}, result,
                            outcome);
}

/* A submitted version of the learner's with one goal. */
static int64_t submitted(struct action_world *w)
{
    int64_t version = start(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Storytime", &result, &outcome),
                       &outcome);
    action_assert_done(submit(w, w->learner, &outcome), &outcome);
    return version;
}

static void test_a_learner_starts_a_version_once_at_a_time(void **state)
{
    struct action_world *w = *state;
    int64_t version = start(w, w->learner);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "plan_versions");
    assert_int_equal(seen.entity_id, version);
    assert_string_equal(seen.action, "create");
    struct actor actor = as(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_plan_start(&w->store, &actor, &(struct plan_start_input){0}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
    assert_non_null(strstr(outcome.err.message, "still open"));
}

static void test_a_plan_needs_a_track_and_a_version(void **state)
{
    struct action_world *w = *state;
    struct actor director = as(w, w->director);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_plan_start(&w->store, &director, &(struct plan_start_input){0}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "track");
    status = add_goal(w, w->learner, w->library_goal, "Storytime", &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "version");
}

static void test_a_goal_serves_the_learners_library_and_has_words(void **state)
{
    struct action_world *w = *state;
    int64_t version = start(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    /* Both faults at once: no words, and another library's goal. */
    int64_t their_goal = action_world_count(w, "SELECT MAX(id) FROM library_goals");
    enum ct_status status = add_goal(w, w->learner, their_goal, "", &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "goal");
    assert_non_null(action_fault_of(&outcome, "library_goal"));
    assert_string_equal(outcome.err.message,
                        "Write your goal before adding it: what you will be able to do.");
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Storytime", &result, &outcome),
                       &outcome);
    assert_int_equal(result.version_id, version);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "plan_goals");
    assert_int_equal(seen.entity_id, result.id);
}

static void test_an_item_names_every_bad_field_and_a_key_once(void **state)
{
    struct action_world *w = *state;
    start(w, w->learner);
    struct actor actor = as(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct plan_item_input bad = {0, "reading", "", NULL, 999999, "0"};
    enum ct_status status = action_plan_item_add(&w->store, &actor, &bad, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "key");
    static const char *const fields[] = {"key", "description", "kind", "plan_goal", "hours"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        assert_non_null(action_fault_of(&outcome, fields[i]));
    }
    struct plan_item_input item = {0, "self-directed", "sd1", "Reading", 0, "6"};
    action_outcome_init(&outcome);
    action_assert_done(action_plan_item_add(&w->store, &actor, &item, &result, &outcome), &outcome);
    action_outcome_init(&outcome);
    status = action_plan_item_add(&w->store, &actor, &item, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_items"), 1);
}

static void test_a_version_without_a_goal_is_not_submitted(void **state)
{
    struct action_world *w = *state;
    start(w, w->learner);
    struct action_outcome outcome;
    action_assert_refused(submit(w, w->learner, &outcome), &outcome, ACTION_WRONG_STATE, "goal");
    assert_non_null(strstr(outcome.err.message, "Add at least one goal"));
}

static void test_a_submitted_version_is_not_edited(void **state)
{
    struct action_world *w = *state;
    submitted(w);
    struct actor actor = as(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_plan_text(
        &w->store, &actor, &(struct plan_text_input){0, "gaps", "options"}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.message,
                        "a plan version that is submitted cannot be edited; create a new version");
    action_assert_refused(submit(w, w->learner, &outcome), &outcome, ACTION_WRONG_STATE, NULL);
}

static void test_both_signatures_approve_the_version(void **state)
{
    struct action_world *w = *state;
    int64_t version = submitted(w);
    struct plan_result result;
    struct action_outcome outcome;
    action_assert_done(sign(w, w->learner, 0, PLAN_SIGNER_LEARNER, &result, &outcome), &outcome);
    assert_false(result.approved);
    action_assert_done(sign(w, w->director, version, PLAN_SIGNER_ORGANIZATION, &result, &outcome),
                       &outcome);
    assert_true(result.approved);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->director);
    assert_int_equal(seen.entity_id, version);
    assert_string_equal(seen.action, "sign-organization");
    /* An approved version is not signed again. */
    action_assert_refused(
        sign(w, w->director, version, PLAN_SIGNER_ORGANIZATION, &result, &outcome), &outcome,
        ACTION_WRONG_STATE, NULL);
}

static void test_only_the_learners_verifier_signs_for_the_library(void **state)
{
    struct action_world *w = *state;
    int64_t version = submitted(w);
    struct plan_result result;
    struct action_outcome outcome;
    int64_t others[] = {w->other_director, w->learner, w->coordinator};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        action_assert_refused(
            sign(w, others[i], version, PLAN_SIGNER_ORGANIZATION, &result, &outcome), &outcome,
            ACTION_NOT_ALLOWED, NULL);
    }
    /* The same refusal for a version that does not exist. */
    action_assert_refused(sign(w, w->director, 999999, PLAN_SIGNER_ORGANIZATION, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
    /* Nor does a learner sign another's version. */
    action_assert_refused(
        sign(w, w->other_learner, version, PLAN_SIGNER_LEARNER, &result, &outcome), &outcome,
        ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_versions"
                                           " WHERE organization_approved IS NOT NULL"
                                           " OR learner_approved IS NOT NULL"),
                     0);
}

static void test_the_verifier_returns_a_version_with_a_comment(void **state)
{
    struct action_world *w = *state;
    int64_t version = submitted(w);
    struct actor director = as(w, w->director);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_plan_return(
        &w->store, &director, &(struct plan_return_input){version, ""}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "comment");
    action_outcome_init(&outcome);
    action_assert_done(action_plan_return(&w->store, &director,
                                          &(struct plan_return_input){version, "Tie it to G2"},
                                          &result, &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_versions WHERE state ="
                                           " 'draft' AND returned_comment = 'Tie it to G2'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->director);
    assert_string_equal(seen.action, "return");
    /* A draft is not returned. */
    action_outcome_init(&outcome);
    status = action_plan_return(&w->store, &director, &(struct plan_return_input){version, "Again"},
                                &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
}

/* ---- the whole draft saved at once ---- */

static enum ct_status save_draft(struct action_world *w, const struct plan_draft_input *input,
                                 struct plan_result *result, struct action_outcome *outcome)
{
    struct actor actor = as(w, w->learner);
    action_outcome_init(outcome);
    return action_plan_draft_save(&w->store, &actor, input, result, outcome);
}

static void test_the_draft_is_saved_with_the_goal_and_item_added(void **state)
{
    struct action_world *w = *state;
    start(w, w->learner);
    struct plan_goal_input goal = {0, w->library_goal, "Storytime", "Weekly"};
    struct plan_draft_input input = {0,     "Typed gaps", "Typed options", NULL, 0, NULL, 0,
                                     &goal, NULL};
    struct plan_result result;
    struct action_outcome outcome;
    action_assert_done(save_draft(w, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_versions"
                                           " WHERE skill_gaps = 'Typed gaps'"),
                     1);
    struct plan_item_input item = {0, "self-directed", "sd1", "Reading", result.id, "4.5"};
    input = (struct plan_draft_input){0, "Typed gaps 2", "", NULL, 0, NULL, 0, NULL, &item};
    action_assert_done(save_draft(w, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT planned_minutes FROM plan_items"), 270);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_versions"
                                           " WHERE skill_gaps = 'Typed gaps 2'"),
                     1);
}

static void test_self_directed_items_need_positive_planned_hours(void **state)
{
    struct action_world *w = *state;
    start(w, w->learner);
    static const char *const bad[] = {NULL, "", "0", "-2", "many"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct plan_item_input item = {0, "self-directed", "sd1", "Reading", 0, bad[i]};
        struct plan_draft_input input = {0, "Gaps", "", NULL, 0, NULL, 0, NULL, &item};
        struct plan_result result;
        struct action_outcome outcome;
        action_assert_refused(save_draft(w, &input, &result, &outcome), &outcome, ACTION_BAD_INPUT,
                              "new_item.hours");
    }
    /* Nothing of a refused save is kept, not even the text. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_items"), 0);
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM plan_versions WHERE skill_gaps = 'Gaps'"), 0);
    /* Training may go without planned hours, never with hours that are not positive. */
    struct plan_item_input training = {0, "training", "t1", "Course", 0, NULL};
    struct plan_draft_input input = {0, "", "", NULL, 0, NULL, 0, NULL, &training};
    struct plan_result result;
    struct action_outcome outcome;
    action_assert_done(save_draft(w, &input, &result, &outcome), &outcome);
    struct plan_item_edit edit = {result.id, {0, "training", "t1", "Course", 0, "0"}, false};
    input = (struct plan_draft_input){0, "", "", NULL, 0, &edit, 1, NULL, NULL};
    action_assert_refused(save_draft(w, &input, &result, &outcome), &outcome, ACTION_BAD_INPUT,
                          "items[1].hours");
}

static void test_goals_and_items_are_edited_and_removed_in_a_draft(void **state)
{
    struct action_world *w = *state;
    start(w, w->learner);
    struct plan_result first, second, item;
    struct action_outcome outcome;
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Storytime", &first, &outcome),
                       &outcome);
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Outreach", &second, &outcome),
                       &outcome);
    struct plan_item_input planned = {0, "self-directed", "sd1", "Reading", second.id, "6"};
    struct plan_draft_input input = {0, "", "", NULL, 0, NULL, 0, NULL, &planned};
    action_assert_done(save_draft(w, &input, &item, &outcome), &outcome);

    /* Every bad field at once, named by its row. */
    struct plan_goal_edit goals[] = {
        {first.id, w->library_goal, "Storytime twice", "Weekly", false},
        {second.id, 999999, "", "", false}};
    input = (struct plan_draft_input){0, "", "", goals, 2, NULL, 0, NULL, NULL};
    action_assert_refused(save_draft(w, &input, &item, &outcome), &outcome, ACTION_BAD_INPUT,
                          "goals[2].goal");
    assert_non_null(action_fault_of(&outcome, "goals[2].library_goal"));

    /* Edited, and the second removed: its item then serves no goal; each change audited. */
    goals[1].remove = true;
    action_assert_done(save_draft(w, &input, &item, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_goals"), 1);
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM plan_goals WHERE goal = 'Storytime twice'"), 1);
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM plan_items WHERE plan_goal_id IS NULL"), 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE entity ="
                                           " 'plan_goals' AND action = 'delete'"),
                     1);
    struct plan_item_edit gone = {item.id, {0}, true};
    input = (struct plan_draft_input){0, "", "", NULL, 0, &gone, 1, NULL, NULL};
    action_assert_done(save_draft(w, &input, &item, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_items"), 0);
}

/* A new version begins as a copy of the one before: the text, each goal and each
 * item, the item still tied to its copied goal and keeping its key. */
static void test_a_new_version_begins_with_the_plan_in_force(void **state)
{
    struct action_world *w = *state;
    int64_t first_version = start(w, w->learner);
    struct plan_result goal, first, second;
    struct action_outcome outcome;
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Storytime", &goal, &outcome),
                       &outcome);
    action_assert_done(add_goal(w, w->learner, w->library_goal, "Outreach", &second, &outcome),
                       &outcome);
    struct plan_item_input planned = {0, "self-directed", "sd1", "Reading", second.id, "6"};
    struct plan_draft_input input = {0, "Gaps", "Options", NULL, 0, NULL, 0, NULL, &planned};
    action_assert_done(save_draft(w, &input, &first, &outcome), &outcome);
    action_assert_done(submit(w, w->learner, &outcome), &outcome);
    action_assert_done(sign(w, w->learner, 0, PLAN_SIGNER_LEARNER, &first, &outcome), &outcome);
    action_assert_done(
        sign(w, w->director, first_version, PLAN_SIGNER_ORGANIZATION, &first, &outcome), &outcome);

    int64_t audits = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    int64_t version = start(w, w->learner);
    assert_int_not_equal(version, first_version);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM plan_versions WHERE id = %lld AND state = 'draft'"
             " AND skill_gaps = 'Gaps' AND learning_options = 'Options'",
             (long long)version);
    assert_int_equal(action_world_count(w, sql), 1);
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM plan_goals WHERE plan_version_id = %lld",
             (long long)version);
    assert_int_equal(action_world_count(w, sql), 2);
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM plan_items i JOIN plan_goals g ON g.id = i.plan_goal_id"
             " WHERE i.plan_version_id = %lld AND g.plan_version_id = %lld"
             " AND g.goal = 'Outreach' AND g.position = 2 AND i.item_key = 'sd1'"
             " AND i.planned_minutes = 360",
             (long long)version, (long long)version);
    assert_int_equal(action_world_count(w, sql), 1);
    /* The version, its two goals and its item are audited, by the learner. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log") - audits, 5);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "plan_versions");
    /* The plan in force is untouched. */
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM plan_goals WHERE plan_version_id = %lld",
             (long long)first_version);
    assert_int_equal(action_world_count(w, sql), 2);
}

static void test_a_submitted_draft_is_not_edited_or_removed(void **state)
{
    struct action_world *w = *state;
    submitted(w);
    int64_t goal = action_world_count(w, "SELECT id FROM plan_goals");
    struct plan_goal_edit goals[] = {{goal, w->library_goal, "Changed", "", false}};
    struct plan_draft_input input = {0, "", "", goals, 1, NULL, 0, NULL, NULL};
    struct plan_result result;
    struct action_outcome outcome;
    action_assert_refused(save_draft(w, &input, &result, &outcome), &outcome, ACTION_WRONG_STATE,
                          NULL);
    goals[0].remove = true;
    action_assert_refused(save_draft(w, &input, &result, &outcome), &outcome, ACTION_WRONG_STATE,
                          NULL);
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM plan_goals WHERE goal = 'Storytime'"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_learner_starts_a_version_once_at_a_time, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_plan_needs_a_track_and_a_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_goal_serves_the_learners_library_and_has_words,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_item_names_every_bad_field_and_a_key_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_version_without_a_goal_is_not_submitted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_submitted_version_is_not_edited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_both_signatures_approve_the_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_learners_verifier_signs_for_the_library,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_verifier_returns_a_version_with_a_comment, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_draft_is_saved_with_the_goal_and_item_added, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_self_directed_items_need_positive_planned_hours, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_goals_and_items_are_edited_and_removed_in_a_draft,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_new_version_begins_with_the_plan_in_force, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_submitted_draft_is_not_edited_or_removed, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
