/* A sign-in through the identity provider as certtrack keeps it: the state good once,
 * refused when unknown, used or expired, its return path kept to this site; and who the
 * provider's verified e-mail signs in (an unverified or missing address, a deactivated
 * person and an unknown address refused; a new learner when the setting allows). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/sign_in.h"
#include "store/store_oidc.h"
#include "core/banned.h"

#define NOW ((int64_t)1780000000)

static int setup(void **state)
{
    *state = action_world_open("oidc-sign-in");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct oidc_sign_in begin(struct action_world *w, const char *return_to, int64_t now)
{
    struct oidc_sign_in sign_in;
    struct ct_err err = {0};
    test_ok(store_oidc_sign_in_begin(&w->store, return_to, now, &sign_in, &err), &err);
    return sign_in;
}

static enum oidc_state_check take(struct action_world *w, const char *state, int64_t now,
                                  struct oidc_sign_in *taken)
{
    enum oidc_state_check check = OIDC_STATE_GOOD;
    struct ct_err err = {0};
    test_ok(store_oidc_sign_in_take(&w->store, state, now, &check, taken, &err), &err);
    return check;
}

static void test_a_state_is_good_once(void **state)
{
    struct action_world *w = *state;
    struct oidc_sign_in begun = begin(w, "/plan", NOW);
    assert_int_equal(strlen(begun.state), OIDC_RANDOM_SIZE - 1);
    assert_string_not_equal(begun.state, begun.nonce);
    assert_string_not_equal(begun.nonce, begun.code_verifier);
    struct oidc_sign_in taken;
    assert_int_equal(take(w, begun.state, NOW + 30, &taken), OIDC_STATE_GOOD);
    assert_string_equal(taken.nonce, begun.nonce);
    assert_string_equal(taken.code_verifier, begun.code_verifier);
    assert_string_equal(taken.return_to, "/plan");
    assert_int_equal(take(w, begun.state, NOW + 31, &taken), OIDC_STATE_UNKNOWN);
    assert_string_equal(taken.code_verifier, "");
}

static void test_the_state_is_stored_only_as_its_hash(void **state)
{
    struct action_world *w = *state;
    struct oidc_sign_in begun = begin(w, "/", NOW);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM oidc_sign_ins WHERE state_hash = '%s'",
             begun.state);
    assert_int_equal(action_world_count(w, sql), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM oidc_sign_ins"), 1);
}

static void test_an_unknown_or_empty_state_is_refused(void **state)
{
    struct action_world *w = *state;
    struct oidc_sign_in taken;
    (void)begin(w, "/", NOW);
    assert_int_equal(take(w, "a-state-never-begun", NOW, &taken), OIDC_STATE_UNKNOWN);
    assert_int_equal(take(w, "", NOW, &taken), OIDC_STATE_UNKNOWN);
    assert_int_equal(take(w, NULL, NOW, &taken), OIDC_STATE_UNKNOWN);
}

static void test_a_state_expires_after_ten_minutes(void **state)
{
    struct action_world *w = *state;
    struct oidc_sign_in taken;
    struct oidc_sign_in late = begin(w, "/", NOW);
    assert_int_equal(take(w, late.state, NOW + OIDC_SIGN_IN_SECONDS, &taken), OIDC_STATE_EXPIRED);
    assert_string_equal(taken.nonce, "");
    /* Expired, it is gone too: a second try is unknown. */
    assert_int_equal(take(w, late.state, NOW + OIDC_SIGN_IN_SECONDS, &taken), OIDC_STATE_UNKNOWN);
    struct oidc_sign_in in_time = begin(w, "/", NOW);
    assert_int_equal(take(w, in_time.state, NOW + OIDC_SIGN_IN_SECONDS - 1, &taken),
                     OIDC_STATE_GOOD);
}

static void test_a_new_sign_in_clears_the_expired_ones(void **state)
{
    struct action_world *w = *state;
    (void)begin(w, "/", NOW);
    (void)begin(w, "/", NOW + 1);
    (void)begin(w, "/", NOW + OIDC_SIGN_IN_SECONDS); /* the first has expired, not the second */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM oidc_sign_ins"), 2);
}

static void test_the_return_path_stays_on_this_site(void **state)
{
    struct action_world *w = *state;
    const char *const elsewhere[] = {
        "//evil.example", "/\\evil.example", "https://evil.example", "plan", "/a b", NULL};
    for (size_t i = 0; i < sizeof elsewhere / sizeof elsewhere[0]; i++) {
        struct oidc_sign_in begun = begin(w, elsewhere[i], NOW);
        assert_string_equal(begun.return_to, "/");
    }
}

static enum ct_status match(struct action_world *w, const char *email, bool verified, bool create,
                            struct sign_in_match_result *result, struct action_outcome *outcome)
{
    struct actor actor = actor_system(NOW, test_day("2026-06-01"));
    struct sign_in_match_input input = {email, verified, "Nia Newcomer", create};
    action_outcome_init(outcome);
    return action_sign_in_match(&w->store, &actor, &input, result, outcome);
}

static void test_a_verified_address_signs_in_its_person_in_any_case(void **state)
{
    struct action_world *w = *state;
    struct sign_in_match_result result;
    struct action_outcome outcome;
    action_assert_done(match(w, "Staff@Example.ORG", true, false, &result, &outcome), &outcome);
    assert_int_equal(result.person_id, w->learner);
    assert_false(result.created);
}

static void test_an_unverified_or_missing_address_signs_no_one_in(void **state)
{
    struct action_world *w = *state;
    struct sign_in_match_result result;
    struct action_outcome outcome;
    action_assert_refused(match(w, "staff@example.org", false, true, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "email");
    assert_non_null(strstr(outcome.err.message, "not verified"));
    assert_int_equal(result.person_id, 0);
    action_assert_refused(match(w, "", true, true, &result, &outcome), &outcome, ACTION_NOT_ALLOWED,
                          "email");
    action_assert_refused(match(w, NULL, true, true, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "email");
}

static void test_a_deactivated_person_is_refused(void **state)
{
    struct action_world *w = *state;
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, "UPDATE people SET deactivated_at = '2026-05-01' WHERE id = ?",
                       NULL, &err, DB_INT(w->learner)),
            &err);
    struct sign_in_match_result result;
    struct action_outcome outcome;
    action_assert_refused(match(w, "staff@example.org", true, true, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    assert_non_null(strstr(outcome.err.message, "deactivated"));
}

static void test_an_unknown_address_is_refused_unless_the_setting_allows(void **state)
{
    struct action_world *w = *state;
    struct sign_in_match_result result;
    struct action_outcome outcome;
    int64_t people = action_world_count(w, "SELECT COUNT(*) FROM people");
    action_assert_refused(match(w, "newcomer@example.org", true, false, &result, &outcome),
                          &outcome, ACTION_NOT_FOUND, "email");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people"), people);
    action_assert_done(match(w, "newcomer@example.org", true, true, &result, &outcome), &outcome);
    assert_true(result.created);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people"), people + 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_roles WHERE role ="
                                           " 'learner' AND person_id = (SELECT id FROM people"
                                           " WHERE email = 'newcomer@example.org'"
                                           " AND name = 'Nia Newcomer')"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, 0);
    assert_string_equal(seen.action, "create");
    /* The next sign-in finds the person made. */
    action_assert_done(match(w, "newcomer@example.org", true, false, &result, &outcome), &outcome);
    assert_false(result.created);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_state_is_good_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_state_is_stored_only_as_its_hash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_or_empty_state_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_state_expires_after_ten_minutes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_new_sign_in_clears_the_expired_ones, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_return_path_stays_on_this_site, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_verified_address_signs_in_its_person_in_any_case,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unverified_or_missing_address_signs_no_one_in,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_deactivated_person_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_an_unknown_address_is_refused_unless_the_setting_allows, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
