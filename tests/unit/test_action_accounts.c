/* The account actions: user add and invitations, password resets, and setting a
 * password through a one-time link. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/accounts.h"
#include "store/store_people.h"
#include "store/store_sessions.h"
#include "core/banned.h"

#define GOOD_PASSWORD "quiet river under pines"

static int setup(void **state)
{
    *state = action_world_open("action-accounts");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct actor coordinator(struct action_world *w)
{
    return action_world_actor(w, w->coordinator, "2026-03-01");
}

static enum ct_status add_user(struct action_world *w, const struct actor *actor,
                               const struct user_add_input *input, struct invitation_result *result,
                               struct action_outcome *outcome)
{
    action_outcome_init(outcome);
    return action_user_add(&w->store, actor, input, result, outcome);
}

/* Adds pat@example.gov as a learner of the world's library; the result. */
static struct invitation_result add_pat(struct action_world *w)
{
    struct actor actor = coordinator(w);
    struct user_add_input input = {"pat@example.gov", "Pat Learner", "learner", w->library, NULL};
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_done(add_user(w, &actor, &input, &result, &outcome), &outcome);
    return result;
}

static const char *token_of(const struct invitation_result *result)
{
    return strstr(result->link, "token=") + strlen("token=");
}

static enum ct_status set_password(struct action_world *w, int64_t now, const char *token,
                                   const char *password, const char *confirmation,
                                   struct link_password_result *result,
                                   struct action_outcome *outcome)
{
    (void)w;
    struct actor nobody = {.now = now, .today = test_day("2026-03-01")};
    struct link_password_input input = {token, password, confirmation};
    action_outcome_init(outcome);
    return action_link_password_set(&w->store, &nobody, &input, result, outcome);
}

static void test_user_add_makes_the_person_a_link_and_its_mail(void **state)
{
    struct action_world *w = *state;
    struct invitation_result result = add_pat(w);
    assert_true(result.person_id > 0);
    assert_non_null(strstr(result.link, "http://127.0.0.1:8080/account/password?token="));
    assert_int_equal(strlen(token_of(&result)), ACCOUNT_LINK_TOKEN_SIZE - 1);
    assert_int_equal(strncmp(result.message_id, "<", 1), 0);
    assert_non_null(strstr(result.message_id, "@127.0.0.1>"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'pat@example.gov' AND sent_at IS NULL"
                                           " AND body LIKE '%/account/password?token=%'"),
                     1);
    /* Only the hash of the token is stored. */
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM account_links WHERE token_hash = '%s'",
             token_of(&result));
    assert_int_equal(action_world_count(w, sql), 0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.action, "invite");
    assert_int_equal(seen.entity_id, result.person_id);
}

static void test_user_add_refuses_each_bad_field(void **state)
{
    struct action_world *w = *state;
    struct actor actor = coordinator(w);
    struct user_add_input input = {"", "", "wizard", 9999, NULL};
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_refused(add_user(w, &actor, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "email");
    assert_non_null(action_fault_of(&outcome, "name"));
    assert_non_null(action_fault_of(&outcome, "role"));
    assert_non_null(action_fault_of(&outcome, "library"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 0);
}

static void test_user_add_refuses_an_address_in_use(void **state)
{
    struct action_world *w = *state;
    add_pat(w);
    struct actor actor = coordinator(w);
    struct user_add_input input = {"PAT@example.gov", "Pat Again", "learner", 0, NULL};
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_refused(add_user(w, &actor, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "email");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 1);
}

static void test_a_library_administrator_adds_and_invites_their_own_people_only(void **state)
{
    struct action_world *w = *state;
    struct actor director = action_world_actor(w, w->director, "2026-03-01");
    struct invitation_result result;
    struct action_outcome outcome;
    struct user_add_input other = {"kim@example.gov", "Kim", "learner", w->other_library, NULL};
    action_assert_refused(add_user(w, &director, &other, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    struct user_add_input own = {"kim@example.gov", "Kim", "learner", w->library, NULL};
    action_assert_done(add_user(w, &director, &own, &result, &outcome), &outcome);
    action_outcome_init(&outcome);
    struct invitation_send_input invite = {w->other_learner};
    action_assert_refused(action_invitation_send(&w->store, &director, &invite, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
    action_outcome_init(&outcome);
    invite.person_id = w->learner;
    action_assert_done(action_invitation_send(&w->store, &director, &invite, &result, &outcome),
                       &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->director);
    assert_string_equal(seen.action, "invite");
    assert_int_equal(seen.entity_id, w->learner);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 2);
}

static void test_a_library_administrator_invites_no_one_with_a_state_role(void **state)
{
    struct action_world *w = *state;
    struct actor actor = coordinator(w);
    struct person_input sam = {0, "Sam", "sam@example.gov", w->library, "staff", "consultant"};
    struct person_result added;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_person_add(&w->store, &actor, &sam, &added, &outcome), &outcome);
    struct actor director = action_world_actor(w, w->director, "2026-03-01");
    struct invitation_send_input invite = {added.id};
    struct invitation_result result;
    action_outcome_init(&outcome);
    action_assert_refused(action_invitation_send(&w->store, &director, &invite, &result, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, "person");
    assert_non_null(strstr(outcome.err.message, "State Library role"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 0);
}

static void test_adding_and_inviting_is_both_or_neither(void **state)
{
    struct action_world *w = *state;
    struct actor actor = coordinator(w);
    /* A position a person of a library may not have: the people action's refusal. */
    struct person_input bad = {0, "Lee", "lee@example.gov", w->library, "none", "learner"};
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_person_add_invited(&w->store, &actor, &bad, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "position");
    assert_int_equal(
        action_world_count(w, "SELECT count(*) FROM people WHERE email = 'lee@example.gov'"), 0);
    struct person_input good = {0, "Lee", "lee@example.gov", w->library, "staff", "learner"};
    action_outcome_init(&outcome);
    action_assert_done(action_person_add_invited(&w->store, &actor, &good, &result, &outcome),
                       &outcome);
    assert_true(result.person_id > 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'lee@example.gov'"),
                     1);
}

static void test_user_add_takes_the_people_actions_checks(void **state)
{
    struct action_world *w = *state;
    struct actor actor = coordinator(w);
    struct user_add_input input = {"kit@example.gov", "Kit", "learner", w->library, "mayor"};
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_refused(add_user(w, &actor, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "position");
    input.position = "trustee";
    action_assert_done(add_user(w, &actor, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'kit@example.gov' AND position = 'trustee'"),
                     1);
}

static enum ct_status invite(struct action_world *w, int64_t now, int64_t person,
                             struct invitation_result *result, struct action_outcome *outcome)
{
    struct actor actor = coordinator(w);
    actor.now = now;
    struct invitation_send_input input = {person};
    action_outcome_init(outcome);
    return action_invitation_send(&w->store, &actor, &input, result, outcome);
}

static void test_a_second_invitation_is_refused_while_one_is_open(void **state)
{
    struct action_world *w = *state;
    struct invitation_result first = add_pat(w);
    struct actor actor = coordinator(w);
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_refused(invite(w, actor.now + 60, first.person_id, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    assert_non_null(strstr(outcome.err.message, "still open"));
    assert_string_equal(outcome.err.where, "person");
    /* The last second of the 7 days it is still open; at their end a new one may go. */
    action_assert_refused(
        invite(w, actor.now + ACCOUNT_INVITATION_SECONDS - 1, first.person_id, &result, &outcome),
        &outcome, ACTION_WRONG_STATE, NULL);
    action_assert_done(
        invite(w, actor.now + ACCOUNT_INVITATION_SECONDS, first.person_id, &result, &outcome),
        &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 2);
}

static void test_an_unknown_person_is_not_invited(void **state)
{
    struct action_world *w = *state;
    struct invitation_result result;
    struct action_outcome outcome;
    action_assert_refused(invite(w, coordinator(w).now, 9999, &result, &outcome), &outcome,
                          ACTION_NOT_FOUND, NULL);
}

static void test_the_link_sets_the_password_once(void **state)
{
    struct action_world *w = *state;
    struct invitation_result invitation = add_pat(w);
    int64_t now = coordinator(w).now + 3600;
    struct link_password_result result;
    struct action_outcome outcome;
    action_assert_done(set_password(w, now, token_of(&invitation), GOOD_PASSWORD, GOOD_PASSWORD,
                                    &result, &outcome),
                       &outcome);
    assert_int_equal(result.person_id, invitation.person_id);
    assert_int_equal(result.purpose, ACCOUNT_LINK_INVITATION);
    bool matches = false;
    struct ct_err err = {0};
    test_ok(
        store_person_check_password(&w->store, invitation.person_id, GOOD_PASSWORD, &matches, &err),
        &err);
    assert_true(matches);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, invitation.person_id);
    assert_string_equal(seen.action, "password-set-by-invitation");
    /* Used once, it is refused. */
    action_assert_refused(set_password(w, now + 1, token_of(&invitation), "another good phrase",
                                       NULL, &result, &outcome),
                          &outcome, ACTION_WRONG_STATE, "token");
    assert_non_null(strstr(outcome.err.message, "used already"));
    /* And a person with a password is not invited again. */
    struct invitation_result again;
    action_assert_refused(
        invite(w, now + ACCOUNT_INVITATION_SECONDS, invitation.person_id, &again, &outcome),
        &outcome, ACTION_WRONG_STATE, NULL);
    assert_non_null(strstr(outcome.err.message, "has a password already"));
}

static void test_an_invitation_expires_after_7_days(void **state)
{
    struct action_world *w = *state;
    struct invitation_result invitation = add_pat(w);
    int64_t queued = coordinator(w).now;
    struct link_password_result result;
    struct action_outcome outcome;
    action_assert_refused(set_password(w, queued + ACCOUNT_INVITATION_SECONDS,
                                       token_of(&invitation), GOOD_PASSWORD, NULL, &result,
                                       &outcome),
                          &outcome, ACTION_WRONG_STATE, "token");
    assert_non_null(strstr(outcome.err.message, "expired"));
    action_assert_done(set_password(w, queued + ACCOUNT_INVITATION_SECONDS - 1,
                                    token_of(&invitation), GOOD_PASSWORD, NULL, &result, &outcome),
                       &outcome);
}

static void test_an_unknown_link_is_not_found(void **state)
{
    struct action_world *w = *state;
    struct link_password_result result;
    struct action_outcome outcome;
    action_assert_refused(set_password(w, coordinator(w).now,
                                       "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", GOOD_PASSWORD,
                                       NULL, &result, &outcome),
                          &outcome, ACTION_NOT_FOUND, "token");
}

static void test_a_password_has_12_characters_and_is_not_common(void **state)
{
    struct action_world *w = *state;
    struct invitation_result invitation = add_pat(w);
    int64_t now = coordinator(w).now;
    struct link_password_result result;
    struct action_outcome outcome;
    action_assert_refused(
        set_password(w, now, token_of(&invitation), "quiet river", NULL, &result, &outcome),
        &outcome, ACTION_BAD_INPUT, "password");
    assert_non_null(strstr(outcome.err.message, "at least 12 characters"));
    const char *common[] = {"password1234", "iloveyou1234", "123456789012", "Sunshine2024!"};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        action_assert_refused(
            set_password(w, now, token_of(&invitation), common[i], NULL, &result, &outcome),
            &outcome, ACTION_BAD_INPUT, "password");
    }
    action_assert_refused(set_password(w, now, token_of(&invitation), GOOD_PASSWORD,
                                       "quiet river under firs", &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "confirmation");
    /* Nothing was used up by the refusals: exactly 12 characters go through. */
    action_assert_done(
        set_password(w, now, token_of(&invitation), "quiet rivers", NULL, &result, &outcome),
        &outcome);
}

static enum ct_status ask_reset(struct action_world *w, int64_t now, const char *email,
                                struct action_outcome *outcome)
{
    (void)w;
    struct actor nobody = {.now = now, .today = test_day("2026-03-01")};
    struct password_reset_input input = {email};
    action_outcome_init(outcome);
    return action_password_reset_request(&w->store, &nobody, &input, outcome);
}

/* The token of the newest reset mail, read from its body, into token. */
static void reset_token(struct action_world *w, char token[ACCOUNT_LINK_TOKEN_SIZE])
{
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    struct ct_err err = {0};
    test_ok(store_outbox_list(&w->store, 1, &rows, &err), &err);
    assert_int_equal(rows.count, 1);
    const char *found = strstr(((struct outbox_message *)rows.items)->body, "token=");
    assert_non_null(found);
    snprintf(token, ACCOUNT_LINK_TOKEN_SIZE, "%s", found + strlen("token="));
    store_rows_release(&rows);
}

static void test_a_reset_answers_alike_and_mails_only_a_known_address(void **state)
{
    struct action_world *w = *state;
    struct invitation_result pat = add_pat(w);
    int64_t now = coordinator(w).now;
    struct action_outcome outcome;
    action_assert_done(ask_reset(w, now, "nobody@example.gov", &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 1);
    action_assert_done(ask_reset(w, now, "Pat@Example.gov", &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE subject LIKE"
                                           " 'Choose a new password%'"),
                     1);
    char token[ACCOUNT_LINK_TOKEN_SIZE];
    reset_token(w, token);
    /* Signed in twice elsewhere: the reset ends both. */
    char session[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    test_ok(store_session_create(&w->store, pat.person_id, now, session, csrf, &err), &err);
    test_ok(store_session_create(&w->store, pat.person_id, now, session, csrf, &err), &err);
    struct link_password_result result;
    action_assert_refused(
        set_password(w, now + ACCOUNT_RESET_SECONDS, token, GOOD_PASSWORD, NULL, &result, &outcome),
        &outcome, ACTION_WRONG_STATE, "token");
    action_assert_done(set_password(w, now + ACCOUNT_RESET_SECONDS - 1, token, GOOD_PASSWORD, NULL,
                                    &result, &outcome),
                       &outcome);
    assert_int_equal(result.purpose, ACCOUNT_LINK_PASSWORD_RESET);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM sessions"), 0);
}

static void test_resets_for_one_address_are_limited(void **state)
{
    struct action_world *w = *state;
    add_pat(w);
    int64_t now = coordinator(w).now;
    struct action_outcome outcome;
    for (int i = 0; i < LOGIN_FREE_FAILURES + 3; i++) {
        action_assert_done(ask_reset(w, now + i, "pat@example.gov", &outcome), &outcome);
    }
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE subject LIKE"
                                           " 'Choose a new password%'"),
                     LOGIN_FREE_FAILURES);
}

static void test_a_reset_needs_an_address(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(ask_reset(w, 1, "", &outcome), &outcome, ACTION_BAD_INPUT, "email");
}

static void test_the_store_uses_a_link_once(void **state)
{
    struct action_world *w = *state;
    char token[ACCOUNT_LINK_TOKEN_SIZE];
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_account_link_create(&w->store, w->learner, ACCOUNT_LINK_PASSWORD_RESET, 0, 10,
                                      3610, token, &id, &err),
            &err);
    bool used = false;
    test_ok(store_account_link_use(&w->store, id, 20, &used, &err), &err);
    assert_true(used);
    test_ok(store_account_link_use(&w->store, id, 30, &used, &err), &err);
    assert_false(used);
    struct account_link link;
    bool found = false;
    test_ok(store_account_link_find(&w->store, token, &link, &found, &err), &err);
    assert_true(found);
    assert_int_equal(link.used_at, 20);
    assert_int_equal(link.expires_at, 3610);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_user_add_makes_the_person_a_link_and_its_mail, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_user_add_refuses_each_bad_field, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_add_refuses_an_address_in_use, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_library_administrator_adds_and_invites_their_own_people_only, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_library_administrator_invites_no_one_with_a_state_role, setup, teardown),
        cmocka_unit_test_setup_teardown(test_adding_and_inviting_is_both_or_neither, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_user_add_takes_the_people_actions_checks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_second_invitation_is_refused_while_one_is_open,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_person_is_not_invited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_link_sets_the_password_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_invitation_expires_after_7_days, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_link_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_password_has_12_characters_and_is_not_common, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_reset_answers_alike_and_mails_only_a_known_address,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_resets_for_one_address_are_limited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_reset_needs_an_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_store_uses_a_link_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
