/* The token actions: a person creates and revokes their own API tokens. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/tokens.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-tokens");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct token_create_result create(struct action_world *w, int64_t person, const char *name)
{
    struct actor actor = action_world_actor(w, person, "2026-03-01");
    struct token_create_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_token_create(&w->store, &actor, &(struct token_create_input){name},
                                           &result, &outcome),
                       &outcome);
    return result;
}

static void test_a_person_creates_a_token_audited_as_theirs(void **state)
{
    struct action_world *w = *state;
    struct token_create_result result = create(w, w->learner, "reporting");
    assert_int_equal(strncmp(result.token, "ct_", 3), 0);
    int64_t person = 0;
    struct ct_err err = {0};
    test_ok(store_token_person(&w->store, result.token, 1, &person, &err), &err);
    assert_int_equal(person, w->learner);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "api_tokens");
    assert_int_equal(seen.entity_id, result.id);
    assert_string_equal(seen.action, "create");
    /* The audit log never holds the token's hash. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log a JOIN api_tokens t"
                                           " ON a.after_json LIKE '%' || t.token_hash || '%'"),
                     0);
}

static void test_a_token_needs_a_name_of_up_to_100_characters(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->learner, "2026-03-01");
    char long_name[TOKEN_NAME_MAX + 2];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    const char *names[] = {NULL, "", long_name};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct token_create_result result;
        struct action_outcome outcome;
        action_outcome_init(&outcome);
        enum ct_status status = action_token_create(
            &w->store, &actor, &(struct token_create_input){names[i]}, &result, &outcome);
        action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "name");
        assert_string_equal(outcome.err.where, "name");
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM api_tokens"), 0);
}

static void test_the_system_owns_no_token(void **state)
{
    struct action_world *w = *state;
    struct actor system = actor_system(1, test_day("2026-03-01"));
    struct token_create_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_token_create(
        &w->store, &system, &(struct token_create_input){"cron"}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM api_tokens"), 0);
}

static void test_a_person_revokes_their_own_token_once(void **state)
{
    struct action_world *w = *state;
    struct token_create_result result = create(w, w->learner, "reporting");
    struct actor actor = action_world_actor(w, w->learner, "2026-03-02");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_token_revoke(&w->store, &actor, &(struct token_revoke_input){result.id}, &outcome),
        &outcome);
    int64_t person = -1;
    struct ct_err err = {0};
    test_ok(store_token_person(&w->store, result.token, 1, &person, &err), &err);
    assert_int_equal(person, 0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.action, "revoke");
    action_outcome_init(&outcome);
    enum ct_status status =
        action_token_revoke(&w->store, &actor, &(struct token_revoke_input){result.id}, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "token");
}

static void test_nobody_revokes_another_persons_token(void **state)
{
    struct action_world *w = *state;
    struct token_create_result result = create(w, w->learner, "reporting");
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    int64_t others[] = {w->director, w->coordinator};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct actor actor = action_world_actor(w, others[i], "2026-03-02");
        struct action_outcome outcome;
        action_outcome_init(&outcome);
        enum ct_status status = action_token_revoke(
            &w->store, &actor, &(struct token_revoke_input){result.id}, &outcome);
        action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "token");
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM api_tokens"
                                           " WHERE revoked_at IS NOT NULL"),
                     0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_person_creates_a_token_audited_as_theirs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_token_needs_a_name_of_up_to_100_characters, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_system_owns_no_token, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_revokes_their_own_token_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_nobody_revokes_another_persons_token, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
