/* The pages of signing in through the identity provider, without a provider: the
 * button on the sign-in page only when one is set up, no sign-in to begin without one,
 * a provider that cannot be reached said so, and the callback's refusals (a state
 * certtrack never began, one used already, the provider's own refusal). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web_world.h"
#include "store/store_oidc.h"
#include "store/store_settings.h"
#include "core/banned.h"

#define TODAY "2026-06-15"

static int setup(void **state)
{
    *state = action_world_open("pages-oidc");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void set(struct action_world *w, const char *name, const char *value)
{
    struct ct_err err = {0};
    test_ok(store_setting_set(&w->store, 0, name, value, &err), &err);
}

/* The provider set up at an address where nothing answers. */
static void provider_unreachable(struct action_world *w)
{
    set(w, "oidc-issuer", "http://127.0.0.1:9/api/oidc");
    set(w, "oidc-client-id", "certtrack");
}

/* The browser's cookie of the sign-in it began. */
static void cookie(struct web_call *call, const char *state)
{
    web_pairs_add(&call->request.cookies, "certtrack_oidc", state);
}

static void test_the_button_shows_only_with_a_provider(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/login", 0, TODAY);
    web_call_run(&call);
    assert_null(strstr(web_call_body(&call), "/login/oidc"));
    web_call_end(&call);
    provider_unreachable(w);
    set(w, "oidc-button-label", "Montana <Login>");
    web_call_begin(&call, w, "GET", "/login", 0, TODAY);
    web_call_run(&call);
    web_call_assert_body_has(&call, "href=\"/login/oidc\">Sign in with Montana &lt;Login&gt;</a>");
    web_call_end(&call);
}

static void test_no_sign_in_begins_without_a_provider(void **state)
{
    struct web_call call;
    web_call_begin(&call, *state, "GET", "/login/oidc", 0, TODAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
}

static void test_an_unreachable_provider_is_said_so_and_begins_nothing(void **state)
{
    struct action_world *w = *state;
    provider_unreachable(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/login/oidc", 0, TODAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 502);
    web_call_assert_body_has(&call, "The identity provider cannot be used right now.");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM oidc_sign_ins"), 0);
    web_call_end(&call);
}

static void test_a_state_never_begun_is_refused(void **state)
{
    struct action_world *w = *state;
    provider_unreachable(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/login/oidc/callback?state=forged&code=c", 0, TODAY);
    cookie(&call, "forged");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "This sign-in is not one certtrack began");
    web_call_assert_body_has(&call, "href=\"/login\"");
    assert_null(strstr(call.response.cookies[0], "certtrack_session"));
    web_call_end(&call);
}

static void test_the_providers_refusal_uses_up_the_state(void **state)
{
    struct action_world *w = *state;
    provider_unreachable(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/", 0, TODAY);
    struct oidc_sign_in sign_in;
    struct ct_err err = {0};
    test_ok(store_oidc_sign_in_begin(&w->store, "/", call.request.now, &sign_in, &err), &err);
    web_call_end(&call);
    char path[256];
    snprintf(path, sizeof path, "/login/oidc/callback?state=%s&error=access_denied", sign_in.state);
    web_call_begin(&call, w, "GET", path, 0, TODAY);
    cookie(&call, sign_in.state);
    web_call_run(&call);
    assert_int_equal(call.response.status, 401);
    web_call_assert_body_has(&call, "did not sign you in. (access_denied)");
    web_call_end(&call);
    snprintf(path, sizeof path, "/login/oidc/callback?state=%s&code=c", sign_in.state);
    web_call_begin(&call, w, "GET", path, 0, TODAY);
    cookie(&call, sign_in.state);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "finished already");
    web_call_end(&call);
}

static void test_an_expired_state_is_said_so(void **state)
{
    struct action_world *w = *state;
    provider_unreachable(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/", 0, TODAY);
    struct oidc_sign_in sign_in;
    struct ct_err err = {0};
    test_ok(store_oidc_sign_in_begin(&w->store, "/", call.request.now - OIDC_SIGN_IN_SECONDS,
                                     &sign_in, &err),
            &err);
    web_call_end(&call);
    char path[256];
    snprintf(path, sizeof path, "/login/oidc/callback?state=%s&code=c", sign_in.state);
    web_call_begin(&call, w, "GET", path, 0, TODAY);
    cookie(&call, sign_in.state);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "more than ten minutes");
    web_call_end(&call);
}

static void test_the_way_back_counts_only_in_the_browser_that_set_out(void **state)
{
    struct action_world *w = *state;
    provider_unreachable(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/", 0, TODAY);
    struct oidc_sign_in sign_in;
    struct ct_err err = {0};
    test_ok(store_oidc_sign_in_begin(&w->store, "/", call.request.now, &sign_in, &err), &err);
    web_call_end(&call);
    char path[256];
    snprintf(path, sizeof path, "/login/oidc/callback?state=%s&error=access_denied", sign_in.state);
    /* No cookie (a link sent to someone else), or another sign-in's. */
    for (int i = 0; i < 2; i++) {
        web_call_begin(&call, w, "GET", path, 0, TODAY);
        if (i == 1) {
            cookie(&call, "another-sign-ins-state");
        }
        web_call_run(&call);
        assert_int_equal(call.response.status, 400);
        web_call_assert_body_has(&call, "begun in another browser");
        web_call_end(&call);
    }
    /* Refused so, the sign-in is still there for its own browser. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM oidc_sign_ins"), 1);
    web_call_begin(&call, w, "GET", path, 0, TODAY);
    cookie(&call, sign_in.state);
    web_call_run(&call);
    assert_int_equal(call.response.status, 401);
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_button_shows_only_with_a_provider, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_no_sign_in_begins_without_a_provider, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unreachable_provider_is_said_so_and_begins_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_state_never_begun_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_providers_refusal_uses_up_the_state, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_expired_state_is_said_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_way_back_counts_only_in_the_browser_that_set_out,
                                        setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
