/* The pages and API routes of the one-time links: choosing a password, asking for a
 * reset, inviting through the API, and the mail on the settings page. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "actions/accounts.h"
#include "web/http/session.h"
#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-account");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* Adds pat@example.gov and returns the token of their invitation (static storage). */
static const char *invite_pat(struct action_world *w, int64_t *person)
{
    static char token[ACCOUNT_LINK_TOKEN_SIZE];
    struct actor actor = action_world_actor(w, w->coordinator, "2026-03-01");
    struct user_add_input input = {"pat@example.gov", "Pat Learner", "learner", w->library, NULL};
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_user_add(&w->store, &actor, &input, &result, &outcome), &outcome);
    snprintf(token, sizeof token, "%s", strstr(result.link, "token=") + strlen("token="));
    if (person != NULL) {
        *person = result.person_id;
    }
    return token;
}

/* A public form's POST with a valid pre-session cookie and token. */
static void public_post(struct web_call *call, struct action_world *w, const char *path)
{
    static char pre_session[SESSION_TOKEN_SIZE];
    char token[SESSION_TOKEN_SIZE];
    web_call_begin(call, w, "POST", path, 0, "2026-03-01");
    store_session_random_token(pre_session);
    struct ct_err err = {0};
    test_ok(session_login_token(&w->store, pre_session, token, &err), &err);
    call->request.login_csrf_cookie = pre_session;
    web_call_form(call, "csrf_token", token);
}

static void test_the_sign_in_page_offers_a_reset(void **state)
{
    struct web_call call;
    web_call_begin(&call, *state, "GET", "/login", 0, "2026-03-01");
    web_call_run(&call);
    web_call_assert_body_has(&call, "<a href=\"/password-reset\">Forgot your password?</a>");
    web_call_end(&call);
    web_call_begin(&call, *state, "GET", "/password-reset", 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<label class=\"usa-label\" for=\"email\">");
    web_call_assert_body_has(&call, "name=\"csrf_token\"");
    web_call_end(&call);
}

static void test_a_reset_answers_the_same_for_any_address(void **state)
{
    struct action_world *w = *state;
    invite_pat(w, NULL);
    const char *addresses[] = {"pat@example.gov", "nobody@example.gov"};
    for (size_t i = 0; i < 2; i++) {
        struct web_call call;
        public_post(&call, w, "/password-reset");
        web_call_form(&call, "email", addresses[i]);
        web_call_run(&call);
        assert_int_equal(call.response.status, 200);
        web_call_assert_body_has(&call, "is on its way");
        web_call_end(&call);
    }
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 2);
}

static void test_a_reset_form_without_its_token_is_refused(void **state)
{
    struct web_call call;
    web_call_begin(&call, *state, "POST", "/password-reset", 0, "2026-03-01");
    web_call_form(&call, "email", "pat@example.gov");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_end(&call);
}

static void test_an_unknown_link_is_not_found(void **state)
{
    struct web_call call;
    web_call_begin(&call, *state, "GET", "/account/password?token=nothing", 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_assert_body_has(&call, "This link is not known");
    web_call_end(&call);
}

static void test_the_link_sets_a_password_and_signs_in(void **state)
{
    struct action_world *w = *state;
    const char *token = invite_pat(w, NULL);
    char path[128];
    snprintf(path, sizeof path, "/account/password?token=%s", token);
    struct web_call call;
    web_call_begin(&call, w, "GET", path, 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    assert_string_equal(call.response.title, "Choose your password");
    web_call_assert_body_has(&call, "<label class=\"usa-label\" for=\"password\">");
    web_call_end(&call);
    public_post(&call, w, "/account/password");
    web_call_form(&call, "token", token);
    web_call_form(&call, "password", "password1234");
    web_call_form(&call, "confirmation", "password1234");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"password-error\"");
    web_call_assert_body_has(&call, "The password is too easy to guess");
    web_call_end(&call);
    public_post(&call, w, "/account/password");
    web_call_form(&call, "token", token);
    web_call_form(&call, "password", "quiet river under pines");
    web_call_form(&call, "confirmation", "quiet river under pines");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/");
    assert_non_null(
        strstr(call.response.cookies[call.response.cookie_count - 1], "certtrack_session="));
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 410);
    web_call_assert_body_has(&call, "used already");
    web_call_end(&call);
}

static void test_the_api_invites_and_refuses_a_second_invitation(void **state)
{
    struct action_world *w = *state;
    int64_t pat = 0;
    invite_pat(w, &pat);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/people/%lld/invitation", (long long)pat);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, "2026-03-01");
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "still open");
    web_call_end(&call);
    snprintf(path, sizeof path, "/api/v1/people/%lld/invitation", (long long)w->consultant);
    web_call_begin(&call, w, "POST", path, w->coordinator, "2026-03-01");
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"link\":\"http://127.0.0.1:8080/account/password?token=");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->learner, "2026-03-01");
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_the_api_asks_for_a_reset(void **state)
{
    struct web_call call;
    web_call_begin(&call, *state, "POST", "/api/v1/password-reset", 0, "2026-03-01");
    web_call_json(&call, "{\"email\": \"nobody@example.gov\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 202);
    web_call_end(&call);
}

static void test_the_settings_page_says_why_mail_waits(void **state)
{
    struct action_world *w = *state;
    invite_pat(w, NULL);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/settings", w->coordinator, "2026-03-01");
    web_call_run(&call);
    web_call_assert_body_has(&call, "1 message waits to be sent; 0 sent.");
    web_call_assert_body_has(&call, "Mail waits because certtrack has no relay");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_sign_in_page_offers_a_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_reset_answers_the_same_for_any_address, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_reset_form_without_its_token_is_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_link_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_link_sets_a_password_and_signs_in, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_invites_and_refuses_a_second_invitation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_asks_for_a_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_settings_page_says_why_mail_waits, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
