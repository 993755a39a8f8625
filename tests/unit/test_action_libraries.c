/* Libraries and their strategic plans: the CE coordinator adds, edits and closes
 * libraries; the coordinator and the library's own administrator keep the plan's period
 * and goals; a goal a staff plan serves is retired, never deleted. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/access.h"
#include "actions/libraries.h"
#include "actions/plans.h"
#include "actions/strategic_plans.h"
#include "store/store_learning.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-libraries");
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

static enum ct_status add(struct action_world *w, int64_t person, const struct library_input *input,
                          struct library_result *result, struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    return action_library_add(&w->store, &actor, input, result, outcome);
}

static enum ct_status edit(struct action_world *w, int64_t person,
                           const struct library_input *input, struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    return action_library_edit(&w->store, &actor, input, outcome);
}

static enum ct_status close_library(struct action_world *w, int64_t person, int64_t library,
                                    struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    struct library_close_input input = {library, NULL};
    return action_library_close(&w->store, &actor, &input, outcome);
}

static struct library_input helena(void)
{
    return (struct library_input){.name = "Lewis and Clark Library",
                                  .city = "Helena",
                                  .kind = "public",
                                  .external_id = "MT-0042",
                                  .consultants = "consultant@example.org"};
}

static void test_the_coordinator_adds_a_library_with_its_consultants(void **state)
{
    struct action_world *w = *state;
    struct library_input input = helena();
    struct library_result result;
    struct action_outcome outcome;
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE name ="
                                           " 'Lewis and Clark Library' AND kind = 'public'"
                                           " AND external_id = 'MT-0042' AND closed_on IS NULL"
                                           " AND consultant_id IS NULL"),
                     1);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT person_id FROM library_consultants WHERE library_id = %lld",
             (long long)result.id);
    assert_int_equal(action_world_count(w, sql), w->consultant);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "library_consultants");
    assert_int_equal(seen.entity_id, result.id);
}

static void test_adding_refuses_each_field_at_fault(void **state)
{
    struct action_world *w = *state;
    struct library_result result;
    struct action_outcome outcome;
    struct library_input input = helena();
    input.name = " ";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "name");
    input = helena();
    input.kind = "bookmobile";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "kind");
    input = helena();
    input.consultants = "staff@example.org";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "consultants");
    input = helena();
    input.consultants = "nobody@example.org";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "consultants");
    input = helena();
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    input.name = "Another";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "external_id");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"), 3);
}

static void test_only_the_coordinator_adds_edits_and_closes(void **state)
{
    struct action_world *w = *state;
    struct library_input input = helena();
    struct library_result result;
    struct action_outcome outcome;
    int64_t others[] = {w->director, w->learner, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        action_assert_refused(add(w, others[i], &input, &result, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
        struct library_input renamed = {.library_id = w->library, .name = "Mine now"};
        action_assert_refused(edit(w, others[i], &renamed, &outcome), &outcome, ACTION_NOT_ALLOWED,
                              NULL);
        action_assert_refused(close_library(w, others[i], w->library, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE closed_on"
                                           " IS NOT NULL OR name = 'Mine now'"),
                     0);
}

static bool consultant_sees(struct action_world *w, int64_t person)
{
    struct actor actor = as(w, w->consultant);
    bool allowed = false;
    struct ct_err err = {0};
    test_ok(access_may_see_person(&w->store, &actor, person, &allowed, &err), &err);
    return allowed;
}

static void test_an_edit_changes_the_fields_given_and_the_consultants(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    assert_false(consultant_sees(w, w->learner));
    /* The old column is read no more. */
    char sql[160];
    snprintf(sql, sizeof sql, "UPDATE libraries SET consultant_id = %lld RETURNING 0",
             (long long)w->consultant);
    assert_int_equal(action_world_count(w, sql), 0);
    assert_false(consultant_sees(w, w->learner));
    struct library_input input = {.library_id = w->library,
                                  .kind = "tribal-college",
                                  .consultants = "consultant@example.org"};
    action_assert_done(edit(w, w->coordinator, &input, &outcome), &outcome);
    assert_true(consultant_sees(w, w->learner));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE"
                                           " name = 'Bitterroot Public Library'"
                                           " AND kind = 'tribal-college'"),
                     1);
    input = (struct library_input){.library_id = w->library, .consultants = ""};
    action_assert_done(edit(w, w->coordinator, &input, &outcome), &outcome);
    assert_false(consultant_sees(w, w->learner));
    input = (struct library_input){.library_id = w->library, .city = ""};
    action_assert_refused(edit(w, w->coordinator, &input, &outcome), &outcome, ACTION_BAD_INPUT,
                          "city");
    input = (struct library_input){.library_id = 9999, .name = "Nowhere"};
    action_assert_refused(edit(w, w->coordinator, &input, &outcome), &outcome, ACTION_NOT_FOUND,
                          "library");
}

static void test_closing_keeps_the_history_and_happens_once(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(close_library(w, w->coordinator, w->library, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"
                                           " WHERE closed_on = '2026-03-02'"),
                     1);
    assert_int_equal(action_world_count(w,
                                        "SELECT COUNT(*) FROM people WHERE library_id IN"
                                        " (SELECT id FROM libraries WHERE closed_on IS NOT NULL)"),
                     2);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "close");
    assert_int_equal(seen.actor_id, w->coordinator);
    action_assert_refused(close_library(w, w->coordinator, w->library, &outcome), &outcome,
                          ACTION_WRONG_STATE, "library");
    struct library_input input = {.library_id = w->library, .name = "Reopened"};
    action_assert_refused(edit(w, w->coordinator, &input, &outcome), &outcome, ACTION_WRONG_STATE,
                          "library");
}

/* ---- the strategic plan ---- */

static enum ct_status save_plan(struct action_world *w, int64_t person, int64_t library,
                                const char *starts, const char *ends,
                                struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    struct strategic_plan_input input = {library, "Plan 2026-2030", starts, ends};
    struct strategic_plan_result result;
    return action_strategic_plan_save(&w->store, &actor, &input, &result, outcome);
}

static enum ct_status add_goal(struct action_world *w, int64_t person, int64_t library,
                               const char *code, const char *title, int64_t *id,
                               struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    struct library_goal_input input = {library, 0, code, title, "Read more"};
    struct library_goal_result result = {0};
    enum ct_status status = action_library_goal_add(&w->store, &actor, &input, &result, outcome);
    if (id != NULL) {
        *id = result.id;
    }
    return status;
}

static enum ct_status goal_act(struct action_world *w, int64_t person, int64_t library,
                               int64_t goal, char what, struct action_outcome *outcome)
{
    struct actor actor = as(w, person);
    action_outcome_init(outcome);
    struct library_goal_input input = {library, goal, NULL, "Reading for all", NULL};
    return what == 'r'   ? action_library_goal_retire(&w->store, &actor, &input, outcome)
           : what == 'd' ? action_library_goal_delete(&w->store, &actor, &input, outcome)
                         : action_library_goal_edit(&w->store, &actor, &input, outcome);
}

static void test_the_library_administrator_keeps_their_own_plan_only(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(save_plan(w, w->director, w->library, "2026-01-01", "2030-12-31", &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM strategic_plans WHERE"
                                           " title = 'Plan 2026-2030' AND ends = '2030-12-31'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->director);
    assert_string_equal(seen.action, "edit");
    action_assert_refused(
        save_plan(w, w->other_director, w->library, "2026-01-01", "2030-12-31", &outcome), &outcome,
        ACTION_NOT_ALLOWED, "library");
    action_assert_refused(
        add_goal(w, w->other_director, w->library, "G9", "Theirs", NULL, &outcome), &outcome,
        ACTION_NOT_ALLOWED, "library");
    action_assert_refused(
        goal_act(w, w->other_director, w->library, w->library_goal, 'r', &outcome), &outcome,
        ACTION_NOT_ALLOWED, "library");
    action_assert_refused(goal_act(w, w->learner, w->library, w->library_goal, 'e', &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "library");
    action_assert_done(
        save_plan(w, w->coordinator, w->other_library, "2026-01-01", "2027-12-31", &outcome),
        &outcome);
    action_assert_refused(
        save_plan(w, w->director, w->library, "2026-01-01", "2025-12-31", &outcome), &outcome,
        ACTION_BAD_INPUT, "ends");
}

static void test_goals_are_added_and_edited_with_their_codes_unique(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    int64_t goal = 0;
    action_assert_done(
        add_goal(w, w->director, w->library, "G2", "Digital skills", &goal, &outcome), &outcome);
    assert_true(goal > 0);
    action_assert_refused(add_goal(w, w->director, w->library, "G1", "Again", NULL, &outcome),
                          &outcome, ACTION_BAD_INPUT, "code");
    action_assert_refused(add_goal(w, w->director, w->library, "G3", "", NULL, &outcome), &outcome,
                          ACTION_BAD_INPUT, "title");
    action_assert_done(goal_act(w, w->coordinator, w->library, goal, 'e', &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM library_goals WHERE code = 'G2'"
                                           " AND title = 'Reading for all'"),
                     1);
    action_assert_refused(goal_act(w, w->coordinator, w->other_library, goal, 'e', &outcome),
                          &outcome, ACTION_NOT_FOUND, "goal");
}

/* The learner's plan goal serving the library's goal G1. */
static void serve_the_goal(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct actor actor = as(w, w->learner);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &actor, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    action_outcome_init(&outcome);
    struct plan_goal_input goal = {0, w->library_goal, "Storytime", "Two sites"};
    action_assert_done(action_plan_goal_add(&w->store, &actor, &goal, &result, &outcome), &outcome);
}

static void test_a_served_goal_is_retired_never_deleted(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    serve_the_goal(w);
    action_assert_refused(goal_act(w, w->director, w->library, w->library_goal, 'd', &outcome),
                          &outcome, ACTION_WRONG_STATE, "goal");
    action_assert_done(goal_act(w, w->director, w->library, w->library_goal, 'r', &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM library_goals"
                                           " WHERE retired_on = '2026-03-02'"),
                     1);
    /* The plan keeps pointing at it, shown as retired; new plan goals cannot choose it. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_goals"), 1);
    struct arena arena;
    arena_init(&arena);
    struct learning_library_goal *goals = NULL;
    size_t count = 9;
    struct ct_err err = {0};
    test_ok(store_learning_library_goals(&w->store, w->library, &arena, &goals, &count, &err),
            &err);
    assert_int_equal(count, 0);
    arena_release(&arena);
    struct actor actor = as(w, w->learner);
    struct plan_result result;
    action_outcome_init(&outcome);
    struct plan_goal_input goal = {0, w->library_goal, "More storytime", ""};
    action_assert_refused(action_plan_goal_add(&w->store, &actor, &goal, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "library_goal");
    action_assert_refused(goal_act(w, w->director, w->library, w->library_goal, 'r', &outcome),
                          &outcome, ACTION_WRONG_STATE, "goal");
}

static void test_a_goal_no_plan_serves_may_be_deleted(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(goal_act(w, w->director, w->library, w->library_goal, 'd', &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM library_goals g JOIN"
                                           " strategic_plans s ON s.id = g.strategic_plan_id"
                                           " WHERE s.library_id = (SELECT MIN(id) FROM libraries)"),
                     0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "delete");
    assert_int_equal(seen.actor_id, w->director);
}

static void test_a_closed_librarys_plan_is_kept_as_it_was(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(close_library(w, w->coordinator, w->library, &outcome), &outcome);
    action_assert_refused(
        save_plan(w, w->coordinator, w->library, "2026-01-01", "2030-12-31", &outcome), &outcome,
        ACTION_WRONG_STATE, "library");
    action_assert_refused(add_goal(w, w->coordinator, w->library, "G5", "Late", NULL, &outcome),
                          &outcome, ACTION_WRONG_STATE, "library");
}

static void test_a_goal_needs_a_plan(void **state)
{
    struct action_world *w = *state;
    struct library_input input = helena();
    struct library_result result;
    struct action_outcome outcome;
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    action_assert_refused(add_goal(w, w->coordinator, result.id, "G1", "First", NULL, &outcome),
                          &outcome, ACTION_WRONG_STATE, "library");
    action_assert_done(
        save_plan(w, w->coordinator, result.id, "2026-01-01", "2030-12-31", &outcome), &outcome);
    action_assert_done(add_goal(w, w->coordinator, result.id, "G1", "First", NULL, &outcome),
                       &outcome);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_the_coordinator_adds_a_library_with_its_consultants),
        T(test_adding_refuses_each_field_at_fault),
        T(test_only_the_coordinator_adds_edits_and_closes),
        T(test_an_edit_changes_the_fields_given_and_the_consultants),
        T(test_closing_keeps_the_history_and_happens_once),
        T(test_the_library_administrator_keeps_their_own_plan_only),
        T(test_goals_are_added_and_edited_with_their_codes_unique),
        T(test_a_served_goal_is_retired_never_deleted),
        T(test_a_goal_no_plan_serves_may_be_deleted),
        T(test_a_closed_librarys_plan_is_kept_as_it_was),
        T(test_a_goal_needs_a_plan),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
