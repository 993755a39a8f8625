/* Revoking a certificate: the CE coordinator, with a reason, once. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "actions/certificates.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-certificates");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* A certificate awarded to the learner. */
static int64_t certificate(struct action_world *w)
{
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &actor, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    return result.certificate_id;
}

static enum ct_status revoke(struct action_world *w, int64_t person,
                             struct certificate_revoke_input input, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2024-03-01");
    action_outcome_init(outcome);
    return action_certificate_revoke(&w->store, &actor, &input, outcome);
}

static void test_the_coordinator_revokes_with_a_reason(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct action_outcome outcome;
    action_assert_done(
        revoke(w, w->coordinator, (struct certificate_revoke_input){id, "Twice", true}, &outcome),
        &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM certificates WHERE revoked ="
                                           " '2024-03-01' AND revoked_reason = 'Twice'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "certificates");
    assert_int_equal(seen.entity_id, id);
    assert_string_equal(seen.action, "revoke");
    /* Once: again is the wrong state, in the words the command line has printed. */
    enum ct_status status =
        revoke(w, w->coordinator, (struct certificate_revoke_input){id, "Again", true}, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "certificate");
    assert_string_equal(outcome.err.message, "already revoked on 2024-03-01");
}

static void test_a_reason_of_spaces_and_no_confirmation_are_both_named(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct action_outcome outcome;
    enum ct_status status =
        revoke(w, w->coordinator, (struct certificate_revoke_input){id, "  \n", false}, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "reason");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "confirm");
    assert_string_equal(outcome.err.where, "reason");
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM certificates WHERE revoked IS NOT NULL"), 0);
}

static void test_a_missing_certificate_is_not_found(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(
        revoke(w, w->coordinator, (struct certificate_revoke_input){999, "x", true}, &outcome),
        &outcome, ACTION_NOT_FOUND, "certificate");
}

static void test_only_the_coordinator_revokes(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct action_outcome outcome;
        action_assert_refused(
            revoke(w, others[i], (struct certificate_revoke_input){id, "Mine", true}, &outcome),
            &outcome, ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM certificates WHERE revoked IS NOT NULL"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_revokes_with_a_reason, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_reason_of_spaces_and_no_confirmation_are_both_named,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_missing_certificate_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_revokes, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
