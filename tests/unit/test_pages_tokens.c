/* The API tokens page, called as the server calls it, without a server. */
#include "helpers.h"

#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-tokens");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void test_the_page_is_laid_out_with_the_navigation(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/tokens", w->learner, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<title>API tokens | certtrack</title>");
    web_call_assert_body_has(&call, "<h1>API tokens</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>API tokens</span>");
    web_call_assert_body_has(&call, "Montana State Library certification, kept by certtrack.");
    /* The learner's navigation, not the coordinator's (without a track that asks for a
     * plan, no "Your plan": nav_program.h). */
    web_call_assert_body_has(&call, ">Claim an activity<");
    assert_null(strstr(web_call_body(&call), ">Your plan<"));
    assert_null(strstr(web_call_body(&call), ">Review and award<"));
    web_call_end(&call);
}

static void test_a_token_is_shown_once_then_listed(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/tokens", w->learner, "2026-03-01");
    web_call_form(&call, "action", "create");
    web_call_form(&call, "name", "reporting <script>");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "it is not shown again):</p><p class=\"usa-alert__text\">"
                                    "<code>ct_");
    web_call_assert_body_has(&call, "<td>reporting &lt;script&gt;</td>");
    web_call_end(&call);
}

static void test_a_bad_name_is_marked_beside_the_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/tokens", w->learner, "2026-03-01");
    web_call_form(&call, "action", "create");
    web_call_form(&call, "name", "");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The token was not created: see the name.");
    web_call_assert_body_has(&call, "<span class=\"usa-error-message\" id=\"name-error\" "
                                    "role=\"alert\">Give the token a name of up to 100 "
                                    "characters.</span>");
    web_call_end(&call);
}

static void test_a_post_without_the_forms_token_changes_nothing(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/tokens", w->learner, "2026-03-01");
    call.without_csrf = true;
    web_call_form(&call, "action", "create");
    web_call_form(&call, "name", "reporting");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM api_tokens"), 0);
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_page_is_laid_out_with_the_navigation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_token_is_shown_once_then_listed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_bad_name_is_marked_beside_the_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_post_without_the_forms_token_changes_nothing, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
