/* The profile pages, the second factor's pages, the sign-in's second step and the hold on
 * a person who must set up a second factor, called as the server calls them. */
#include "helpers.h"

#include <liboath/oath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions/second_factor.h"
#include "actions/settings.h"
#include "store/store_people.h"
#include "store/store_profile.h"
#include "web/http/session.h"
#include "web_world.h"
#include "core/banned.h"

#define DAY      "2027-01-15"
#define PASSWORD "the consultant's password"

static int setup(void **state)
{
    struct action_world *w = action_world_open("pages-profile");
    struct ct_err err = {0};
    test_ok(store_person_password_set(&w->store, 0, w->consultant, PASSWORD, &err), &err);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void test_every_person_has_a_profile_in_the_navigation(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/profile", w->learner, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Your profile</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>Your profile</span>");
    web_call_assert_body_has(&call, "staff@example.org");
    web_call_assert_body_has(&call, "<h3>Change your e-mail address</h3>");
    web_call_assert_body_has(&call, "href=\"/profile/record.json\"");
    /* A learner's account has no second factor. */
    assert_null(strstr(web_call_body(&call), "Second factor"));
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/profile", w->consultant, DAY);
    web_call_run(&call);
    web_call_assert_body_has(&call, "href=\"/profile/second-factor\"");
    web_call_end(&call);
}

static void test_a_name_is_changed_and_a_wrong_password_marked(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/profile", w->consultant, DAY);
    web_call_form(&call, "action", "name");
    web_call_form(&call, "name", "Connie C. Consultant");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/profile?done=name");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people"
                                           " WHERE name = 'Connie C. Consultant'"),
                     1);
    web_call_begin(&call, w, "POST", "/profile", w->consultant, DAY);
    web_call_form(&call, "action", "password");
    web_call_form(&call, "current_password", "not it");
    web_call_form(&call, "new_password", "short");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"current_password-error\"");
    web_call_assert_body_has(&call, "This is not your current password.");
    web_call_assert_body_has(&call, "Choose a password of at least 12 characters.");
    web_call_end(&call);
}

static void test_the_record_downloads_as_json_from_the_page_and_the_api(void **state)
{
    struct action_world *w = *state;
    const char *const paths[] = {"/profile/record.json", "/api/v1/me/record"};
    for (size_t i = 0; i < 2; i++) {
        struct web_call call;
        web_call_begin(&call, w, "GET", paths[i], w->consultant, DAY);
        web_call_run(&call);
        assert_int_equal(call.response.status, 200);
        assert_string_equal(call.response.content_type, "application/json");
        web_call_assert_body_has(&call, "\"email\": \"consultant@example.org\"");
        assert_null(strstr(web_call_body(&call), "password"));
        web_call_end(&call);
    }
}

/* The consultant's secret, read from the setup page's key. */
static void secret_from_page(const struct web_call *call,
                             unsigned char secret[SECOND_FACTOR_SECRET_BYTES])
{
    const char *key = strstr(web_call_body(call), "<code class=\"second-factor-key\">");
    assert_non_null(key);
    key += strlen("<code class=\"second-factor-key\">");
    char *decoded = NULL;
    size_t length = 0;
    assert_int_equal(oath_base32_decode(key, 32, &decoded, &length), OATH_OK);
    assert_int_equal(length, SECOND_FACTOR_SECRET_BYTES);
    memcpy(secret, decoded, length);
    free(decoded);
}

static void code_at(const unsigned char *secret, int64_t now, char code[TOTP_DIGITS + 1])
{
    struct ct_err err = {0};
    test_ok(
        second_factor_totp_code(secret, SECOND_FACTOR_SECRET_BYTES, now, TOTP_DIGITS, code, &err),
        &err);
}

/* Sets up the consultant's factor through the pages; its secret into secret. */
static void set_up_by_pages(struct action_world *w,
                            unsigned char secret[SECOND_FACTOR_SECRET_BYTES])
{
    struct web_call call;
    web_call_begin(&call, w, "GET", "/profile/second-factor", w->consultant, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
    web_call_assert_body_has(&call, "otpauth://totp/");
    secret_from_page(&call, secret);
    int64_t now = call.request.now;
    web_call_end(&call);
    char code[TOTP_DIGITS + 1];
    code_at(secret, now, code);
    web_call_begin(&call, w, "POST", "/profile/second-factor", w->consultant, DAY);
    web_call_form(&call, "action", "confirm");
    web_call_form(&call, "code", code);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "Your recovery codes");
    web_call_end(&call);
    /* Confirmed: the key is not shown again. */
    web_call_begin(&call, w, "GET", "/profile/second-factor", w->consultant, DAY);
    web_call_run(&call);
    assert_null(strstr(web_call_body(&call), "second-factor-key"));
    web_call_assert_body_has(&call, "Recovery codes not used yet: 10.");
    web_call_end(&call);
}

static void test_a_learner_has_no_second_factor_page(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/profile/second-factor", w->learner, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_a_wrong_code_is_marked_beside_the_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/profile/second-factor", w->consultant, DAY);
    web_call_run(&call);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/profile/second-factor", w->consultant, DAY);
    web_call_form(&call, "action", "confirm");
    web_call_form(&call, "code", "12345");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"code-error\"");
    web_call_end(&call);
}

/* Signs in with the password; the half-done sign-in's cookie value into step. */
static void password_step(struct action_world *w, char step[200])
{
    struct web_call call;
    web_call_begin(&call, w, "POST", "/login", 0, DAY);
    char pre_session[SESSION_TOKEN_SIZE], token[SESSION_TOKEN_SIZE];
    store_session_random_token(pre_session);
    struct ct_err err = {0};
    test_ok(session_login_token(&w->store, pre_session, token, &err), &err);
    call.request.login_csrf_cookie = pre_session;
    web_call_form(&call, "csrf_token", token);
    web_call_form(&call, "email", "consultant@example.org");
    web_call_form(&call, "password", PASSWORD);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "Code from your authenticator app");
    assert_int_equal(call.response.cookie_count, 1);
    const char *cookie = call.response.cookies[0];
    assert_int_equal(strncmp(cookie, "certtrack_second_step=", 22), 0);
    snprintf(step, 200, "%.*s", (int)strcspn(cookie + 22, ";"), cookie + 22);
    web_call_end(&call);
}

/* Sends code as the second step of the sign-in step names; the response's status. */
static unsigned code_step(struct action_world *w, const char *step, const char *code, bool *session)
{
    struct web_call call;
    web_call_begin(&call, w, "POST", "/login/second-step", 0, DAY);
    web_pairs_add(&call.request.cookies, "certtrack_second_step", step);
    char token[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    test_ok(session_login_token(&w->store, strrchr(step, '.') + 1, token, &err), &err);
    web_call_form(&call, "csrf_token", token);
    web_call_form(&call, "code", code);
    web_call_run(&call);
    unsigned status = call.response.status;
    *session = call.response.cookie_count > 0 &&
               strncmp(call.response.cookies[0], "certtrack_session=", 18) == 0;
    web_call_end(&call);
    return status;
}

static void test_signing_in_asks_for_a_code_after_the_password(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    set_up_by_pages(w, secret);
    char step[200];
    password_step(w, step);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM sessions"), 0);
    bool session = false;
    /* The code that confirmed the factor was used: a replay is refused. */
    struct web_call timing;
    web_call_begin(&timing, w, "GET", "/", 0, DAY);
    int64_t now = timing.request.now;
    web_call_end(&timing);
    char code[TOTP_DIGITS + 1];
    code_at(secret, now, code);
    assert_int_equal(code_step(w, step, code, &session), 401);
    assert_false(session);
    code_at(secret, now + TOTP_STEP_SECONDS, code);
    assert_int_equal(code_step(w, step, code, &session), 303);
    assert_true(session);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM sessions"), 1);
    /* A forged half-done sign-in goes back to the password. */
    char forged[200];
    snprintf(forged, sizeof forged, "%lld.%s", (long long)w->coordinator, strchr(step, '.') + 1);
    assert_int_equal(code_step(w, forged, code, &session), 303);
    assert_false(session);
}

static void test_wrong_codes_are_slowed_down(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    set_up_by_pages(w, secret);
    char step[200];
    password_step(w, step);
    bool session = false;
    for (int i = 0; i < LOGIN_FREE_FAILURES; i++) {
        assert_int_equal(code_step(w, step, "ABCD-ABCD-ABCD-ABCD", &session), 401);
    }
    assert_int_equal(code_step(w, step, "ABCD-ABCD-ABCD-ABCD", &session), 429);
}

static void test_the_setting_holds_a_consultant_until_they_set_one_up(void **state)
{
    struct action_world *w = *state;
    struct actor system = actor_system(1, test_day(DAY));
    struct settings_set_input input = {.settings = {{"require-second-factor", "on"}}, .count = 1};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_settings_set(&w->store, &system, &input, &outcome), &outcome);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/libraries", w->consultant, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/profile/second-factor");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/me", w->consultant, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    /* A learner is not held. */
    web_call_begin(&call, w, "GET", "/profile", w->learner, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    set_up_by_pages(w, secret);
    web_call_begin(&call, w, "GET", "/libraries", w->consultant, DAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
}

static void test_the_api_changes_the_name_and_the_password_and_resets_a_factor(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/me/name", w->consultant, DAY);
    web_call_json(&call, "{\"name\": \"Connie API\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE name = 'Connie API'"),
                     1);
    web_call_begin(&call, w, "POST", "/api/v1/me/password", w->consultant, DAY);
    web_call_json(&call, "{\"current_password\": \"wrong\", \"new_password\": \"short\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"current_password\"");
    web_call_assert_body_has(&call, "\"new_password\"");
    web_call_end(&call);
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    set_up_by_pages(w, secret);
    char path[80];
    snprintf(path, sizeof path, "/api/v1/people/%lld/second-factor/reset",
             (long long)w->consultant);
    web_call_begin(&call, w, "POST", path, w->consultant, DAY);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, DAY);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM second_factors"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_person_has_a_profile_in_the_navigation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_name_is_changed_and_a_wrong_password_marked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_record_downloads_as_json_from_the_page_and_the_api,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_learner_has_no_second_factor_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_wrong_code_is_marked_beside_the_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_signing_in_asks_for_a_code_after_the_password, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_wrong_codes_are_slowed_down, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_setting_holds_a_consultant_until_they_set_one_up,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_api_changes_the_name_and_the_password_and_resets_a_factor, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
