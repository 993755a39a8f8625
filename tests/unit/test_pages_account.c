/* The pages and API routes of the one-time links: choosing a password, asking for a
 * reset, inviting through the API, and the mail on the settings page. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "actions/accounts.h"
#include "actions/profile.h"
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

/* Asks through the profile page for the learner's address to become new_email. */
static void ask_on_the_profile(struct action_world *w, const char *new_email)
{
    struct web_call call;
    web_call_begin(&call, w, "POST", "/profile", w->learner, "2026-03-01");
    web_call_form(&call, "action", "email");
    web_call_form(&call, "new_email", new_email);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/profile?done=email");
    web_call_end(&call);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM mail_outbox WHERE recipient = '%s' AND subject LIKE"
             " 'Confirm your new e-mail address%%'",
             new_email);
    assert_int_equal(action_world_count(w, sql), 1);
}

/* person's e-mail change to new_email, asked by the action; the link's token (static). */
static const char *email_token(struct action_world *w, int64_t person, const char *new_email)
{
    static char token[ACCOUNT_LINK_TOKEN_SIZE];
    struct actor actor = action_world_actor(w, person, "2026-03-01");
    struct email_change_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_profile_email_change_ask(&w->store, &actor,
                                                       &(struct email_change_input){new_email},
                                                       &result, &outcome),
                       &outcome);
    snprintf(token, sizeof token, "%s", strstr(result.link, "token=") + strlen("token="));
    return token;
}

static void test_the_profile_asks_for_a_new_address_and_the_link_confirms_it(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/profile?done=email", w->learner, "2026-03-01");
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h3>Change your e-mail address</h3>");
    web_call_assert_body_has(&call, "A link to confirm your new address is on its way to it.");
    web_call_end(&call);
    ask_on_the_profile(w, "sam.new@example.org");
    const char *token = email_token(w, w->learner, "sam.new@example.org");
    char path[128];
    snprintf(path, sizeof path, "/account/email?token=%s", token);
    /* Following the link changes nothing yet: it shows what the form will confirm. */
    web_call_begin(&call, w, "GET", path, 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<strong>sam.new@example.org</strong>");
    web_call_assert_body_has(&call, ">Confirm the new address</button>");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'staff@example.org'"),
                     1);
    public_post(&call, w, "/account/email");
    web_call_form(&call, "token", token);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "Your e-mail address is changed.");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM people WHERE email ="
                                           " 'sam.new@example.org'"),
                     1);
    /* Used: the link and its form say so. */
    web_call_begin(&call, w, "GET", path, 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 410);
    web_call_assert_body_has(&call, "has been used already");
    web_call_end(&call);
    public_post(&call, w, "/account/email");
    web_call_form(&call, "token", token);
    web_call_run(&call);
    assert_int_equal(call.response.status, 410);
    web_call_end(&call);
}

static void test_an_address_taken_is_refused_on_the_profile_and_at_the_link(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/profile", w->learner, "2026-03-01");
    web_call_form(&call, "action", "email");
    web_call_form(&call, "new_email", "olive@example.org");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"new_email-error\"");
    web_call_assert_body_has(&call, "Another person has this address");
    web_call_end(&call);
    char kept[ACCOUNT_LINK_TOKEN_SIZE];
    snprintf(kept, sizeof kept, "%s", email_token(w, w->learner, "later@example.org"));
    /* Another person confirms the same address first. */
    const char *first = email_token(w, w->director, "later@example.org");
    public_post(&call, w, "/account/email");
    web_call_form(&call, "token", first);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    public_post(&call, w, "/account/email");
    web_call_form(&call, "token", kept);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "Another person has the address later@example.org now");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/account/email?token=nothing", 0, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
    /* The form without its token is refused. */
    web_call_begin(&call, w, "POST", "/account/email", 0, "2026-03-01");
    web_call_form(&call, "token", kept);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_the_profile_asks_for_a_new_address_and_the_link_confirms_it, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_an_address_taken_is_refused_on_the_profile_and_at_the_link, setup, teardown),
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
