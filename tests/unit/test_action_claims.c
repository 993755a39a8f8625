/* The claim actions: a learner claims an activity and withdraws a pending claim; their
 * verifier verifies or rejects claims, all or none. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/claims.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-claims");
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const struct claim_submit_input course = {
    .kind = "course",
    .title = "Grant writing",
    .date = "2026-03-01",
    .category = "technology",
    .credits = "2.5",
};

static enum ct_status claim(struct action_world *w, int64_t person,
                            const struct claim_submit_input *input,
                            struct claim_submit_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-02");
    action_outcome_init(outcome);
    return action_claim_submit(&w->store, &actor, input, result, outcome);
}

static enum ct_status decide(struct action_world *w, int64_t person, const char *action,
                             const int64_t *ids, size_t count, const char *reason,
                             struct claims_decide_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-03");
    struct claims_decide_input input = {.action = action, .reason = reason};
    for (size_t i = 0; i < count; i++) {
        input.activity_ids.ids[input.activity_ids.count++] = ids[i];
    }
    action_outcome_init(outcome);
    return action_claims_decide(&w->store, &actor, &input, result, outcome);
}

static void test_a_learner_claims_an_activity_pending_audited_as_theirs(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &course, &result, &outcome), &outcome);
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT credit_halves FROM activities WHERE id = %lld AND status = 'pending'"
             " AND person_id = %lld AND provenance = 'claim'",
             (long long)result.activity_id, (long long)w->learner);
    assert_int_equal(action_world_count(w, sql), 5);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "activities");
    assert_int_equal(seen.entity_id, result.activity_id);
    assert_string_equal(seen.action, "create");
}

static void test_a_claim_of_a_catalog_event_takes_its_title_credits_and_last_day(void **state)
{
    struct action_world *w = *state;
    int64_t event = action_world_event(w, "Storytime basics", "2026-02-20", 3, "public-services");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(
        claim(w, w->learner, &(struct claim_submit_input){.event_id = event}, &result, &outcome),
        &outcome);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE id = %lld AND title = 'Storytime basics'"
             " AND credit_halves = 3 AND date = '2026-02-20' AND event_id = %lld",
             (long long)result.activity_id, (long long)event);
    assert_int_equal(action_world_count(w, sql), 1);
    /* The same event twice earns credit once: refused at the event. */
    enum ct_status status =
        claim(w, w->learner, &(struct claim_submit_input){.event_id = event}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "event");
    assert_non_null(strstr(outcome.err.message, "a catalog event earns credit once"));
}

static void test_every_field_that_cannot_be_read_is_a_fault_at_once(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = {
        .kind = "knitting", .date = "soon", .credits = "1.25", .hours = "many", .recorded = "x"};
    struct claim_submit_result result;
    struct action_outcome outcome;
    enum ct_status status = claim(w, w->learner, &input, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "kind");
    static const char *const fields[] = {"kind", "date", "recorded", "credits", "hours"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        assert_non_null(action_fault_of(&outcome, fields[i]));
    }
    /* The first fault is the one a single message shows. */
    assert_string_equal(outcome.err.where, "kind");
    assert_string_equal(outcome.err.message, "Choose the kind of activity.");
    assert_string_equal(action_fault_of(&outcome, "credits")->message,
                        "Enter a multiple of 0.5, like 1 or 2.5.");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
}

static void test_a_claim_is_refused_before_it_happens_and_outside_the_programs(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course;
    input.date = "2026-03-03";
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "date");
    assert_string_equal(outcome.err.message, "Claim an activity once it has happened.");
    input = course;
    input.category = "gardening";
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "category");
    /* What a kind needs is the store's rule, at its field. */
    input = course;
    input.kind = "presenting";
    input.hours = "2";
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "topic");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
}

static void test_an_unknown_event_is_refused_at_the_event(void **state)
{
    struct action_world *w = *state;
    int64_t events[] = {999999, -1};
    for (size_t i = 0; i < 2; i++) {
        struct claim_submit_result result;
        struct action_outcome outcome;
        enum ct_status status = claim(
            w, w->learner, &(struct claim_submit_input){.event_id = events[i]}, &result, &outcome);
        action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "event");
        assert_string_equal(outcome.err.message, "Choose an event from the list.");
        assert_int_equal(outcome.fault_count, 1);
    }
}

static void test_only_a_learner_claims(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(claim(w, w->coordinator, &course, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    struct actor system = actor_system(1, test_day("2026-03-02"));
    action_outcome_init(&outcome);
    action_assert_refused(action_claim_submit(&w->store, &system, &course, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
}

static void test_a_learner_withdraws_their_pending_claim_only(void **state)
{
    struct action_world *w = *state;
    int64_t pending =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending");
    int64_t verified = action_world_activity(w, w->learner, "Cataloging", "2026-02-02", 2,
                                             "technology", "verified");
    struct actor other = action_world_actor(w, w->other_learner, "2026-03-02");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_claim_withdraw(
        &w->store, &other, &(struct claim_withdraw_input){pending, NULL}, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "activity");
    struct actor actor = action_world_actor(w, w->learner, "2026-03-02");
    action_outcome_init(&outcome);
    status = action_claim_withdraw(&w->store, &actor,
                                   &(struct claim_withdraw_input){verified, NULL}, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "activity");
    action_outcome_init(&outcome);
    action_assert_done(action_claim_withdraw(&w->store, &actor,
                                             &(struct claim_withdraw_input){pending, "a duplicate"},
                                             &outcome),
                       &outcome);
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE id = %lld AND status = 'rejected'"
             " AND status_reason = 'Withdrawn by the learner: a duplicate'",
             (long long)pending);
    assert_int_equal(action_world_count(w, sql), 1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_int_equal(seen.entity_id, pending);
    assert_string_equal(seen.action, "reject");
}

static void test_the_verifier_verifies_several_claims_at_once(void **state)
{
    struct action_world *w = *state;
    int64_t ids[] = {
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending"),
        action_world_activity(w, w->learner, "Shelving", "2026-02-02", 2, "technology", "pending"),
    };
    struct claims_decide_result result;
    struct action_outcome outcome;
    action_assert_done(decide(w, w->director, "verify", ids, 2, NULL, &result, &outcome), &outcome);
    assert_int_equal(result.decided, 2);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'verified'"),
                     2);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->director);
    assert_string_equal(seen.entity, "activities");
    assert_string_equal(seen.action, "verify");
}

static void test_a_decision_names_every_bad_field(void **state)
{
    struct action_world *w = *state;
    struct claims_decide_result result;
    struct action_outcome outcome;
    enum ct_status status = decide(w, w->director, "approve", NULL, 0, NULL, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "action");
    assert_non_null(action_fault_of(&outcome, "activities"));
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending");
    status = decide(w, w->director, "reject", &id, 1, "", &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "reason");
    assert_int_equal(outcome.fault_count, 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
}

static void test_only_the_learners_verifier_decides_all_or_none(void **state)
{
    struct action_world *w = *state;
    int64_t mine =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending");
    int64_t theirs = action_world_activity(w, w->other_learner, "Shelving", "2026-02-02", 2,
                                           "technology", "pending");
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    struct claims_decide_result result;
    struct action_outcome outcome;
    int64_t mixed[] = {mine, theirs};
    action_assert_refused(decide(w, w->director, "verify", mixed, 2, NULL, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "activities");
    int64_t missing[] = {mine, 999999};
    action_assert_refused(decide(w, w->director, "verify", missing, 2, NULL, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "activities");
    action_assert_refused(decide(w, w->learner, "verify", &mine, 1, NULL, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "activities");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     2);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
}

static void test_a_claim_decided_already_changes_nothing(void **state)
{
    struct action_world *w = *state;
    int64_t ids[] = {
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending"),
        action_world_activity(w, w->learner, "Shelving", "2026-02-02", 2, "technology", "verified"),
    };
    struct claims_decide_result result;
    struct action_outcome outcome;
    enum ct_status status = decide(w, w->director, "reject", ids, 2, "No proof", &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, NULL);
    assert_int_equal(result.decided, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_learner_claims_an_activity_pending_audited_as_theirs,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_claim_of_a_catalog_event_takes_its_title_credits_and_last_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_field_that_cannot_be_read_is_a_fault_at_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_claim_is_refused_before_it_happens_and_outside_the_programs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_event_is_refused_at_the_event, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_a_learner_claims, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_learner_withdraws_their_pending_claim_only, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_verifier_verifies_several_claims_at_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_decision_names_every_bad_field, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_learners_verifier_decides_all_or_none, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_decided_already_changes_nothing, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
