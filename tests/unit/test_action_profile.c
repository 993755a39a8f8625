/* The profile actions: a person changes their own name, password and e-mail address;
 * their record. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/profile.h"
#include "store/store_people.h"
#include "store/store_profile.h"
#include "core/banned.h"

#define PASSWORD "an old password, long"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-profile");
    struct ct_err err = {0};
    test_ok(store_person_password_set(&w->store, 0, w->learner, PASSWORD, &err), &err);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status set_name(struct action_world *w, const struct actor *actor, const char *name,
                               struct action_outcome *outcome)
{
    action_outcome_init(outcome);
    return action_profile_name_set(&w->store, actor, &(struct profile_name_input){name}, outcome);
}

static void test_a_person_changes_their_name_audited(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->learner, "2026-03-01");
    struct action_outcome outcome;
    action_assert_done(set_name(w, &actor, "Lee Learner-Smith", &outcome), &outcome);
    struct person_roles person;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_person_get_roles(&w->store, w->learner, &person, &found, &err), &err);
    assert_string_equal(person.name, "Lee Learner-Smith");
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "people");
    assert_int_equal(seen.entity_id, w->learner);
    assert_string_equal(seen.action, "set-name");
}

static void test_a_name_is_one_line_of_up_to_200_characters(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->learner, "2026-03-01");
    char long_name[PROFILE_NAME_MAX + 2];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    const char *const bad[] = {"", "Two\nlines", long_name, NULL};
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    struct action_outcome outcome;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        action_assert_refused(set_name(w, &actor, bad[i], &outcome), &outcome, ACTION_BAD_INPUT,
                              "name");
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
}

static void test_the_system_has_no_profile(void **state)
{
    struct action_world *w = *state;
    struct actor system = actor_system(1, test_day("2026-03-01"));
    struct action_outcome outcome;
    action_assert_refused(set_name(w, &system, "Nobody", &outcome), &outcome, ACTION_NOT_ALLOWED,
                          NULL);
}

static enum ct_status change_password(struct action_world *w, int64_t person, const char *current,
                                      const char *new_password, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-01");
    action_outcome_init(outcome);
    return action_profile_password_change(
        &w->store, &actor, &(struct profile_password_input){current, new_password}, outcome);
}

static bool password_is(struct action_world *w, int64_t person, const char *password)
{
    bool matches = false;
    struct ct_err err = {0};
    test_ok(store_person_check_password(&w->store, person, password, &matches, &err), &err);
    return matches;
}

static void test_a_person_changes_their_password_with_the_current_one(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(change_password(w, w->learner, PASSWORD, "a new password, longer", &outcome),
                       &outcome);
    assert_true(password_is(w, w->learner, "a new password, longer"));
    assert_false(password_is(w, w->learner, PASSWORD));
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "set-password");
    assert_int_equal(seen.actor_id, w->learner);
    /* The audit trail never holds the hash. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log a JOIN people p"
                                           " ON a.after_json LIKE '%' || p.password_hash || '%'"
                                           " WHERE p.password_hash IS NOT NULL"),
                     0);
}

static void test_a_wrong_current_password_is_refused(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(
        change_password(w, w->learner, "not the password", "a new password, longer", &outcome),
        &outcome, ACTION_BAD_INPUT, "current_password");
    action_assert_refused(change_password(w, w->learner, "", "a new password, longer", &outcome),
                          &outcome, ACTION_BAD_INPUT, "current_password");
    assert_true(password_is(w, w->learner, PASSWORD));
}

static void test_a_new_password_has_at_least_12_characters(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(change_password(w, w->learner, PASSWORD, "elevenchars", &outcome),
                          &outcome, ACTION_BAD_INPUT, "new_password");
    assert_true(password_is(w, w->learner, PASSWORD));
    /* Twelve characters, of which some take two bytes, are enough. */
    action_assert_done(change_password(w, w->learner, PASSWORD, "ñandú-Ølé-93", &outcome),
                       &outcome);
}

static void test_the_record_holds_the_person_and_no_secret(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    action_world_workshop(w, w->learner, "Storytime", "2026-02-01", 4);
    char *json = NULL;
    struct ct_err err = {0};
    test_ok(store_person_record_json(&w->store, w->learner, &json, &err), &err);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"person\""));
    assert_non_null(strstr(json, "\"tracks\""));
    assert_non_null(strstr(json, "\"plan_versions\""));
    assert_non_null(strstr(json, "Storytime"));
    assert_non_null(strstr(json, "\"provenance\""));
    assert_non_null(strstr(json, "\"certificates\""));
    assert_null(strstr(json, "password"));
    assert_null(strstr(json, "argon2"));
    free(json);
    test_ok(store_person_record_json(&w->store, 999999, &json, &err), &err);
    assert_null(json);
}

/* ---- the e-mail address ---- */

static enum ct_status ask_email(struct action_world *w, int64_t person, const char *new_email,
                                struct email_change_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-01");
    action_outcome_init(outcome);
    return action_profile_email_change_ask(
        &w->store, &actor, &(struct email_change_input){new_email}, result, outcome);
}

static enum ct_status confirm_email(struct action_world *w, int64_t now, const char *link,
                                    struct email_confirm_result *result,
                                    struct action_outcome *outcome)
{
    struct actor nobody = {.now = now, .today = test_day("2026-03-01")};
    const char *token = strstr(link, "token=") + strlen("token=");
    action_outcome_init(outcome);
    return action_profile_email_change_confirm(
        &w->store, &nobody, &(struct email_confirm_input){token}, result, outcome);
}

static int64_t now_of(struct action_world *w)
{
    return action_world_actor(w, w->learner, "2026-03-01").now;
}

static void test_a_new_address_is_confirmed_through_a_link_mailed_to_it(void **state)
{
    struct action_world *w = *state;
    struct email_change_result asked;
    struct action_outcome outcome;
    action_assert_done(ask_email(w, w->learner, "Sam.New@example.org", &asked, &outcome), &outcome);
    assert_non_null(strstr(asked.link, "http://127.0.0.1:8080/account/email?token="));
    /* The mail goes to the new address; the address is not changed yet; no token is kept. */
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'Sam.New@example.org' AND body LIKE"
                                           " '%/account/email?token=%'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'staff@example.org'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM account_links WHERE purpose ="
                                           " 'email-change' AND new_email = 'Sam.New@example.org'"
                                           " AND expires_at > created_at"),
                     1);
    struct email_confirm_result confirmed;
    action_assert_done(confirm_email(w, now_of(w) + 60, asked.link, &confirmed, &outcome),
                       &outcome);
    assert_int_equal(confirmed.person_id, w->learner);
    assert_string_equal(confirmed.old_email, "staff@example.org");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'Sam.New@example.org' AND email_key ="
                                           " 'sam.new@example.org'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.action, "email-change");
    /* The old address is told. */
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'staff@example.org' AND subject LIKE"
                                           " 'Your e-mail address was changed%'"),
                     1);
}

static void test_an_email_link_works_once(void **state)
{
    struct action_world *w = *state;
    struct email_change_result asked;
    struct action_outcome outcome;
    action_assert_done(ask_email(w, w->learner, "sam@example.net", &asked, &outcome), &outcome);
    struct email_confirm_result confirmed;
    action_assert_done(confirm_email(w, now_of(w) + 60, asked.link, &confirmed, &outcome),
                       &outcome);
    action_assert_refused(confirm_email(w, now_of(w) + 120, asked.link, &confirmed, &outcome),
                          &outcome, ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.where, "token");
    assert_non_null(strstr(outcome.err.message, "the address it names was confirmed with it"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 2);
}

static void test_an_email_link_lasts_24_hours(void **state)
{
    struct action_world *w = *state;
    struct email_change_result asked;
    struct action_outcome outcome;
    action_assert_done(ask_email(w, w->learner, "sam@example.net", &asked, &outcome), &outcome);
    struct email_confirm_result confirmed;
    action_assert_refused(confirm_email(w, now_of(w) + PROFILE_EMAIL_CHANGE_SECONDS, asked.link,
                                        &confirmed, &outcome),
                          &outcome, ACTION_WRONG_STATE, NULL);
    assert_non_null(strstr(outcome.err.message, "lasts 24 hours"));
    action_assert_done(confirm_email(w, now_of(w) + PROFILE_EMAIL_CHANGE_SECONDS - 1, asked.link,
                                     &confirmed, &outcome),
                       &outcome);
}

static void test_an_address_another_person_has_is_refused_when_asked_and_confirmed(void **state)
{
    struct action_world *w = *state;
    struct email_change_result asked;
    struct action_outcome outcome;
    action_assert_refused(ask_email(w, w->learner, "OLIVE@example.org", &asked, &outcome), &outcome,
                          ACTION_BAD_INPUT, "new_email");
    assert_non_null(strstr(outcome.err.message, "Another person has this address"));
    action_assert_refused(ask_email(w, w->learner, "staff@example.org", &asked, &outcome), &outcome,
                          ACTION_BAD_INPUT, "new_email");
    action_assert_refused(ask_email(w, w->learner, "not an address", &asked, &outcome), &outcome,
                          ACTION_BAD_INPUT, "new_email");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM account_links"), 0);
    /* Free when asked, taken by the time the link is followed. */
    action_assert_done(ask_email(w, w->learner, "shared@example.org", &asked, &outcome), &outcome);
    struct email_change_result other;
    action_assert_done(ask_email(w, w->director, "shared@example.org", &other, &outcome), &outcome);
    struct email_confirm_result confirmed;
    action_assert_done(confirm_email(w, now_of(w) + 60, other.link, &confirmed, &outcome),
                       &outcome);
    action_assert_refused(confirm_email(w, now_of(w) + 120, asked.link, &confirmed, &outcome),
                          &outcome, ACTION_WRONG_STATE, NULL);
    assert_string_equal(outcome.err.where, "new_email");
    assert_non_null(strstr(outcome.err.message, "Another person has the address"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'staff@example.org'"),
                     1);
}

static void test_an_unknown_email_link_is_not_found(void **state)
{
    struct action_world *w = *state;
    struct email_confirm_result confirmed;
    struct action_outcome outcome;
    action_assert_refused(confirm_email(w, now_of(w),
                                        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                        &confirmed, &outcome),
                          &outcome, ACTION_NOT_FOUND, "token");
    /* The system asks for no address. */
    struct actor system = actor_system(now_of(w), test_day("2026-03-01"));
    struct email_change_result asked;
    action_outcome_init(&outcome);
    action_assert_refused(
        action_profile_email_change_ask(
            &w->store, &system, &(struct email_change_input){"x@example.org"}, &asked, &outcome),
        &outcome, ACTION_NOT_ALLOWED, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_person_changes_their_name_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_name_is_one_line_of_up_to_200_characters, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_system_has_no_profile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_changes_their_password_with_the_current_one,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_wrong_current_password_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_new_password_has_at_least_12_characters, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_new_address_is_confirmed_through_a_link_mailed_to_it,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_email_link_works_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_email_link_lasts_24_hours, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_an_address_another_person_has_is_refused_when_asked_and_confirmed, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_email_link_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_record_holds_the_person_and_no_secret, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
