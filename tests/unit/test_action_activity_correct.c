/* Correcting a verified activity (actions/activity_correct.h): only the CE coordinator,
 * every bad field named at once, only a verified activity, never a second credit for
 * what the learner holds, the values before kept and audited with the reason, the
 * learner told; a dry run keeps nothing. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/activity_correct.h"
#include "store/store_activities.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-activity-correct");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const struct activity_correct_input good = {.kind = "webinar",
                                                   .date = "2026-03-04",
                                                   .credits = "1.5",
                                                   .category = "technology",
                                                   .reason = "The sponsor's letter says 1.5"};

static enum ct_status correct(struct action_world *w, int64_t person, int64_t activity,
                              struct activity_correct_input input,
                              struct activity_correct_result *result,
                              struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-06-01");
    input.activity_id = activity;
    action_outcome_init(outcome);
    return action_activity_correct(&w->store, &actor, &input, result, outcome);
}

static int64_t verified(struct action_world *w)
{
    return action_world_activity(w, w->learner, "Weeding", "2026-03-02", 2, "collection-management",
                                 "verified");
}

/* The count sql (a literal with one %lld, filled with id) answers. */
#define count(w, sql, id) count_of((w), sql, (long long)(id))

static int64_t count_of(struct action_world *w, const char *sql_with_id, long long id)
{
    char sql[512];
    const char *at = strstr(sql_with_id, "%lld");
    snprintf(sql, sizeof sql, "%.*s%lld%s", (int)(at - sql_with_id), sql_with_id, id, at + 4);
    return action_world_count(w, sql);
}

static void test_the_coordinator_corrects_keeping_the_values_before(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_assert_done(correct(w, w->coordinator, id, good, &result, &outcome), &outcome);
    assert_true(result.correction_id > 0);
    assert_string_equal(result.before.kind, "workshop");
    assert_string_equal(result.after.date, "2026-03-04");
    assert_int_equal(count(w,
                           "SELECT count(*) FROM activities WHERE id = %lld AND kind = 'webinar'"
                           " AND date = '2026-03-04' AND credit_halves = 3 AND category ="
                           " 'technology' AND status = 'verified' AND correction_reason ="
                           " 'The sponsor''s letter says 1.5'",
                           id),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM activity_corrections WHERE activity_id = %lld"
                           " AND old_kind = 'workshop' AND old_date = '2026-03-02' AND"
                           " old_credit_halves = 2 AND old_category = 'collection-management'"
                           " AND new_credit_halves = 3",
                           id),
                     1);
    struct store_rows rows;
    struct ct_err err = {0};
    assert_int_equal(store_activity_corrections(&w->store, id, &rows, &err), CT_OK);
    assert_int_equal(rows.count, 1);
    const struct activity_correction_row *row = rows.items;
    assert_string_equal(row->corrected_by, "Casey Coordinator");
    assert_string_equal(row->old_date, "2026-03-02");
    store_rows_release(&rows);
}

static void test_the_correction_is_audited_with_the_actor_and_the_reason(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_assert_done(correct(w, w->coordinator, id, good, &result, &outcome), &outcome);
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_log WHERE entity = 'activities' AND entity_id = %lld"
             " AND action = 'correct' AND actor_id = %lld AND instr(before_json, '2026-03-02')"
             " > 0 AND instr(after_json, 'The sponsor''s letter says 1.5') > 0",
             (long long)id, (long long)w->coordinator);
    assert_int_equal(action_world_count(w, sql), 1);
}

static void test_the_learner_is_told_the_values_before_and_after(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_assert_done(correct(w, w->coordinator, id, good, &result, &outcome), &outcome);
    const char *words[] = {"workshop -> webinar", "2026-03-02 -> 2026-03-04",      "1 -> 1.5",
                           "-> Technology",       "The sponsor's letter says 1.5", "/activities/"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM notices WHERE person_id = %lld AND kind ="
                 " 'notice-activity-corrected' AND instr(body, '%s') > 0",
                 (long long)w->learner, words[i][0] == 'T' ? "sponsor" : words[i]);
        assert_int_equal(action_world_count(w, sql), 1);
    }
}

static void test_every_bad_field_is_named_at_once(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    struct activity_correct_input bad = {
        .kind = "college", .date = "2026-02-30", .credits = "-1", .category = "", .reason = ""};
    action_assert_refused(correct(w, w->coordinator, id, bad, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, NULL);
    const char *fields[] = {"kind", "date", "credits", "category", "reason"};
    for (size_t i = 0; i < 5; i++) {
        assert_non_null(action_fault_of(&outcome, fields[i]));
    }
    assert_int_equal(outcome.fault_count, 5);
    assert_int_equal(
        count(w, "SELECT count(*) FROM activity_corrections WHERE activity_id = %lld", id), 0);
}

static void test_credits_and_dates_out_of_bounds_are_refused(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    const char *credits[] = {"0", "1.25", "100000", "one", ""};
    for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++) {
        struct activity_correct_input input = good;
        input.credits = credits[i];
        action_assert_refused(correct(w, w->coordinator, id, input, &result, &outcome), &outcome,
                              ACTION_BAD_INPUT, "credits");
    }
    struct activity_correct_input later = good;
    later.date = "2026-06-02";
    action_assert_refused(correct(w, w->coordinator, id, later, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "date");
    struct activity_correct_input unknown = good;
    unknown.category = "cooking";
    action_assert_refused(correct(w, w->coordinator, id, unknown, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "category");
}

static void test_a_correction_that_changes_nothing_is_refused(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    struct activity_correct_input same = {.kind = "workshop",
                                          .date = "2026-03-02",
                                          .credits = "1",
                                          .category = "collection-management",
                                          .reason = "Checking"};
    action_assert_refused(correct(w, w->coordinator, id, same, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "activity");
}

static void test_only_the_coordinator_corrects(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_result result;
    struct action_outcome outcome;
    int64_t others[] = {w->learner, w->director, w->consultant, w->other_director};
    for (size_t i = 0; i < 4; i++) {
        action_assert_refused(correct(w, others[i], id, good, &result, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(count(w,
                           "SELECT count(*) FROM activities WHERE id = %lld AND kind ="
                           " 'workshop' AND corrected_at IS NULL",
                           id),
                     1);
}

static void test_only_a_verified_activity_is_corrected(void **state)
{
    struct action_world *w = *state;
    int64_t pending =
        action_world_activity(w, w->learner, "Pending", "2026-03-02", 2, "technology", "pending");
    int64_t rejected =
        action_world_activity(w, w->learner, "Rejected", "2026-03-02", 2, "technology", "pending");
    int64_t withdrawn = verified(w);
    struct ct_err err = {0};
    assert_int_equal(store_activity_act(&w->store, w->director, rejected, "reject", "No", &err),
                     CT_OK);
    assert_int_equal(
        store_activity_act(&w->store, w->director, withdrawn, "withdraw", "Gone", &err), CT_OK);
    struct activity_correct_result result;
    struct action_outcome outcome;
    int64_t ids[] = {pending, rejected, withdrawn};
    for (size_t i = 0; i < 3; i++) {
        action_assert_refused(correct(w, w->coordinator, ids[i], good, &result, &outcome), &outcome,
                              ACTION_WRONG_STATE, NULL);
    }
    struct activity_new college = {.person_id = w->learner,
                                   .kind = ACTIVITY_KIND_COLLEGE,
                                   .title = "LIS 501",
                                   .date = test_day("2026-01-10"),
                                   .semester_halves = 6,
                                   .category = "technology",
                                   .recorded = civil_date_unset(),
                                   .status = "verified",
                                   .provenance = PROVENANCE_CLAIM};
    int64_t course = 0;
    assert_int_equal(store_activity_add(&w->store, 0, &college, &course, &err), CT_OK);
    action_assert_refused(correct(w, w->coordinator, course, good, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    action_assert_refused(correct(w, w->coordinator, 999999, good, &result, &outcome), &outcome,
                          ACTION_NOT_FOUND, NULL);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM activity_corrections"), 0);
    assert_int_equal(
        action_world_count(w,
                           "SELECT count(*) FROM notices WHERE kind = 'notice-activity-corrected'"),
        0);
}

static void test_a_correction_never_makes_a_second_credit(void **state)
{
    struct action_world *w = *state;
    action_world_activity(w, w->learner, "Weeding", "2026-03-04", 2, "technology", "verified");
    int64_t id = verified(w);
    struct activity_correct_input input = good;
    input.kind = "workshop";
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_assert_refused(correct(w, w->coordinator, id, input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "date");
    assert_non_null(strstr(action_fault_of(&outcome, "date")->message, "earns credit once"));
}

static void test_a_dry_run_keeps_nothing_and_tells_no_one(void **state)
{
    struct action_world *w = *state;
    int64_t id = verified(w);
    struct activity_correct_input input = good;
    input.check_only = true;
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_assert_done(correct(w, w->coordinator, id, input, &result, &outcome), &outcome);
    assert_int_equal(result.correction_id, 0);
    assert_string_equal(result.after.kind, "webinar");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM activity_corrections"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices"), 0);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM activities WHERE id = %lld AND kind ="
                           " 'workshop'",
                           id),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_corrects_keeping_the_values_before,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_correction_is_audited_with_the_actor_and_the_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_learner_is_told_the_values_before_and_after, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_every_bad_field_is_named_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_credits_and_dates_out_of_bounds_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_correction_that_changes_nothing_is_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_corrects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_a_verified_activity_is_corrected, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_correction_never_makes_a_second_credit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_keeps_nothing_and_tells_no_one, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
