/* The warning before a claim is sent: the rules engine's own reason for each case it
 * will not count (before the plan, before the track, unplanned self-directed, expired, a
 * kind the program does not accept), none for a claim that counts once verified, and a
 * dry run that keeps nothing. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/claims.h"
#include "actions/plans.h"
#include "core/claim_check.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("claim-warning");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const today = "2026-03-02";

/* The dry run of a claim: done, nothing kept, and its warning. */
static void check(struct action_world *w, struct claim_submit_input input,
                  struct claim_warning *warning)
{
    struct actor actor = action_world_actor(w, w->learner, today);
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    input.check_only = true;
    action_assert_done(action_claim_submit(&w->store, &actor, &input, &result, &outcome), &outcome);
    assert_int_equal(result.activity_id, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    *warning = result.warning;
}

static struct claim_submit_input course_on(const char *date)
{
    return (struct claim_submit_input){
        .kind = "course",
        .title = "Grant writing",
        .date = date,
        .category = "technology",
        .credits = "2",
    };
}

static void assert_warns(const struct claim_warning *warning, enum reason reason)
{
    assert_true(warning->warned);
    assert_int_equal(warning->track_count, 1);
    assert_int_equal(warning->tracks[0].reason, reason);
}

static void test_a_claim_that_counts_once_verified_does_not_warn(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    struct claim_warning warning;
    check(w, course_on("2026-03-01"), &warning);
    assert_false(warning.warned);
    assert_int_equal(warning.track_count, 1);
    assert_int_equal(warning.tracks[0].reason, REASON_NOT_VERIFIED);
    assert_string_equal(warning.tracks[0].program, "MSL Certification for Library Staff");
}

static void test_a_claim_before_the_track_warns(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    struct claim_warning warning;
    check(w, course_on("2025-12-01"), &warning);
    assert_warns(&warning, REASON_BEFORE_TRACK);
}

static void test_an_expired_claim_warns(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2021-01-01");
    struct claim_warning warning;
    check(w, course_on("2021-06-01"), &warning);
    assert_warns(&warning, REASON_EXPIRED);
}

static void test_a_kind_the_program_does_not_accept_warns(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    struct claim_warning warning;
    check(w,
          (struct claim_submit_input){
              .kind = "self-directed", .title = "Reading", .date = "2026-03-01", .hours = "3"},
          &warning);
    assert_warns(&warning, REASON_KIND_NOT_ACCEPTED);
}

static void test_a_claim_before_the_plan_warns(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct claim_warning warning;
    check(w, course_on("2026-03-01"), &warning);
    assert_warns(&warning, REASON_BEFORE_PLAN);
}

/* A plan of the learner's with one goal, submitted today. */
static void submit_plan(struct action_world *w)
{
    struct actor actor = action_world_actor(w, w->learner, today);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &actor, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    struct plan_goal_input goal = {0, w->library_goal, "Storytime", "Two sites weekly"};
    action_outcome_init(&outcome);
    action_assert_done(action_plan_goal_add(&w->store, &actor, &goal, &result, &outcome), &outcome);
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_submit(&w->store, &actor, &(struct plan_version_input){0}, &result, &outcome),
        &outcome);
}

static void test_unplanned_self_directed_learning_warns(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    submit_plan(w);
    struct claim_warning warning;
    check(w,
          (struct claim_submit_input){.kind = "self-directed",
                                      .title = "Reading",
                                      .date = today,
                                      .hours = "3",
                                      .plan_item = "not-in-the-plan"},
          &warning);
    assert_warns(&warning, REASON_UNPLANNED_SELF_DIRECTED);
}

static void test_without_an_open_track_nothing_warns(void **state)
{
    struct action_world *w = *state;
    struct claim_warning warning;
    check(w, course_on("2026-03-01"), &warning);
    assert_false(warning.warned);
    assert_int_equal(warning.track_count, 0);
}

static void test_a_claim_sent_anyway_is_recorded_with_its_warning(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    struct actor actor = action_world_actor(w, w->learner, today);
    struct claim_submit_input input = course_on("2025-12-01");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_claim_submit(&w->store, &actor, &input, &result, &outcome), &outcome);
    assert_true(result.activity_id > 0);
    assert_warns(&result.warning, REASON_BEFORE_TRACK);
    char key[32];
    snprintf(key, sizeof key, "a%lld", (long long)result.activity_id);
    struct claim_warning again;
    struct ct_err err = {0};
    assert_int_equal(claim_warning_of(&w->store, w->learner, key, actor.today, &again, &err),
                     CT_OK);
    assert_warns(&again, REASON_BEFORE_TRACK);
}

static void test_only_an_exclusion_warns(void **state)
{
    (void)state;
    assert_false(claim_check_warns(REASON_NONE));
    assert_false(claim_check_warns(REASON_NOT_VERIFIED));
    for (enum reason reason = REASON_KIND_NOT_ACCEPTED; reason <= REASON_SELF_DIRECTED_CAP;
         reason++) {
        assert_true(reason == REASON_NOT_VERIFIED || claim_check_warns(reason));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_claim_that_counts_once_verified_does_not_warn, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_before_the_track_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_expired_claim_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_kind_the_program_does_not_accept_warns, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_before_the_plan_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unplanned_self_directed_learning_warns, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_without_an_open_track_nothing_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_sent_anyway_is_recorded_with_its_warning,
                                        setup, teardown),
        cmocka_unit_test(test_only_an_exclusion_warns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
