/* Every form refused for two fields at once: the error summary above it links to each
 * (in the form's order), each field is marked with its own message, and what was typed
 * is kept. The claim, the activity correction, the enrolment, the password and sign-in
 * forms, the plan editor and the final report, called as the server calls them. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "actions/accounts.h"
#include "web/http/session.h"
#include "web_world.h"
#include "core/banned.h"

static const char *const today = "2026-03-02";

static int setup(void **state)
{
    return action_world_setup_enrolled(state, "pages-forms");
}

/* Whether first comes before second in the body (both must be there). */
static bool before(const struct web_call *call, const char *first, const char *second)
{
    const char *a = strstr(web_call_body(call), first);
    const char *b = strstr(web_call_body(call), second);
    assert_non_null(a);
    assert_non_null(b);
    return a < b;
}

/* The summary is there, headed heading, and lists link before then. */
static void assert_summary(const struct web_call *call, const char *heading, const char *link,
                           const char *then)
{
    assert_int_equal(call->response.status, 400);
    web_call_assert_body_has(call, "id=\"error-summary\" role=\"alert\"");
    web_call_assert_body_has(call, heading);
    assert_true(before(call, "id=\"error-summary\"", link));
    assert_true(before(call, link, then));
}

static void test_a_claim_refused_for_three_fields_names_all_three(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/activities/new", w->learner, today);
    web_call_form(&call, "kind", "workshop");
    web_call_form(&call, "title", "Grant writing");
    web_call_form(&call, "date", "soon");
    web_call_form(&call, "category", "");
    web_call_form(&call, "credits", "");
    web_call_run(&call);
    assert_summary(&call, "The claim was not saved: fix the fields marked below.",
                   "href=\"#date\">Date: Enter the date as YYYY-MM-DD.",
                   "href=\"#category\">Category: Choose the category.");
    assert_true(before(&call, "href=\"#category\"",
                       "href=\"#credits\">Credits: Enter the credits the sponsor gave"));
    web_call_assert_body_has(&call, "id=\"category-error\" role=\"alert\">Choose the category.");
    web_call_assert_body_has(&call, "id=\"credits-error\" role=\"alert\">Enter the credits");
    web_call_assert_body_has(&call, "name=\"category\" aria-describedby=\"category-error\""
                                    " aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "value=\"Grant writing\"");
    web_call_assert_body_has(&call, "value=\"soon\"");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    web_call_end(&call);
}

static void test_a_correction_refused_for_two_fields_names_both(void **state)
{
    struct action_world *w = *state;
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "verified");
    char path[64];
    snprintf(path, sizeof path, "/activities/%lld/correct", (long long)id);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_form(&call, "step", "check");
    web_call_form(&call, "kind", "workshop");
    web_call_form(&call, "date", "2026-13-40");
    web_call_form(&call, "credits", "zwei");
    web_call_form(&call, "category", "technology");
    web_call_form(&call, "reason", "Typed reason");
    web_call_run(&call);
    assert_summary(&call, "The correction was not made: fix the fields marked below.",
                   "href=\"#date\">Date: Enter the date as YYYY-MM-DD.",
                   "href=\"#credits\">Credits: Enter a positive multiple of 0.5");
    web_call_assert_body_has(&call, "id=\"date-error\"");
    web_call_assert_body_has(&call, "id=\"credits-error\"");
    web_call_assert_body_has(&call, "value=\"zwei\"");
    web_call_assert_body_has(&call, "Typed reason</textarea>");
    web_call_end(&call);
}

static void test_an_enrolment_refused_for_two_fields_names_both(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/people/%lld/tracks/new", (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_form(&call, "program", "no-such-program");
    web_call_form(&call, "start", "someday");
    web_call_run(&call);
    assert_summary(&call, "The track was not started.",
                   "<li>There is no program &quot;no-such-program&quot;.</li>",
                   "<li>Enter the first day as YYYY-MM-DD.</li>");
    web_call_end(&call);
    /* A program offered: its first day is linked to its field and marked there. */
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_form(&call, "program", "msl-trustee");
    web_call_form(&call, "start", "someday");
    web_call_run(&call);
    assert_summary(&call, "The track was not started: fix the field marked below.",
                   "href=\"#start-msl-trustee\">First day of the track: Enter the first day",
                   "id=\"start-msl-trustee-error\"");
    web_call_assert_body_has(&call, "value=\"someday\"");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks"), 1);
    web_call_end(&call);
}

/* A public form's POST with a valid pre-session cookie and token. */
static void public_post(struct web_call *call, struct action_world *w, const char *path)
{
    static char pre_session[SESSION_TOKEN_SIZE];
    char token[SESSION_TOKEN_SIZE];
    web_call_begin(call, w, "POST", path, 0, today);
    store_session_random_token(pre_session);
    struct ct_err err = {0};
    test_ok(session_login_token(&w->store, pre_session, token, &err), &err);
    call->request.login_csrf_cookie = pre_session;
    web_call_form(call, "csrf_token", token);
}

static void test_a_password_refused_for_both_fields_names_both(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->coordinator, today);
    struct user_add_input input = {"pat@example.gov", "Pat Learner", "learner", w->library, NULL};
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_user_add(&w->store, &actor, &input, &result, &outcome), &outcome);
    const char *token = strstr(result.link, "token=") + strlen("token=");
    struct web_call call;
    public_post(&call, w, "/account/password");
    web_call_form(&call, "token", token);
    web_call_form(&call, "password", "short");
    web_call_form(&call, "confirmation", "other");
    web_call_run(&call);
    assert_summary(&call, "The password was not saved: fix the fields marked below.",
                   "href=\"#password\">Password: ", "href=\"#confirmation\">The same password");
    web_call_assert_body_has(&call, "id=\"password-error\"");
    web_call_assert_body_has(&call, "id=\"confirmation-error\"");
    web_call_end(&call);
}

static void test_a_sign_in_without_address_or_password_marks_both(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    public_post(&call, w, "/login");
    web_call_form(&call, "email", "");
    web_call_form(&call, "password", "");
    web_call_run(&call);
    assert_summary(&call, "You are not signed in: fix the fields marked below.",
                   "href=\"#email\">E-mail address: Enter your e-mail address.",
                   "href=\"#password\">Password: Enter your password.");
    web_call_assert_body_has(&call, "<input class=\"usa-input usa-input--error\""
                                    " aria-invalid=\"true\" aria-describedby=\"email-error\"");
    web_call_assert_body_has(&call, "aria-describedby=\"password-error\" id=\"password\"");
    web_call_end(&call);
}

static void test_a_draft_refused_for_several_fields_names_each_in_the_form_order(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "new-version");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    char goal[24];
    snprintf(goal, sizeof goal, "%lld", (long long)w->library_goal);
    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "add-goal");
    web_call_form(&call, "library_goal", goal);
    web_call_form(&call, "goal", "Storytime");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    int64_t goal_id = action_world_count(w, "SELECT id FROM plan_goals");
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)goal_id);

    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "add-item");
    web_call_form(&call, "skill_gaps", "Typed gaps");
    web_call_form(&call, "goals[1].id", id);
    web_call_form(&call, "goals[1].library_goal", goal);
    web_call_form(&call, "goals[1].goal", "");
    web_call_form(&call, "item_kind", "self-directed");
    web_call_form(&call, "item_key", "");
    web_call_form(&call, "description", "Reading on weeding");
    web_call_form(&call, "hours", "many");
    web_call_run(&call);
    assert_summary(&call, "Nothing was saved: fix the fields marked below.",
                   "href=\"#goals-1-goal\">Goal 1: your goal: Write the goal",
                   "href=\"#item_key\">A new planned activity: short name: ");
    assert_true(before(&call, "href=\"#item_key\"",
                       "href=\"#hours\">A new planned activity: planned hours: "));
    web_call_assert_body_has(&call, "id=\"goals-1-goal-error\"");
    web_call_assert_body_has(&call, "id=\"item_key-error\"");
    web_call_assert_body_has(&call, "id=\"hours-error\"");
    web_call_assert_body_has(&call, "\nTyped gaps</textarea>");
    web_call_assert_body_has(&call, "value=\"Reading on weeding\"");
    web_call_assert_body_has(&call, "value=\"many\"");
    web_call_end(&call);
}

static void test_a_report_refused_names_every_fault(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/report", w->learner, today);
    web_call_form(&call, "action", "publish");
    web_call_form(&call, "text", "");
    web_call_run(&call);
    assert_summary(&call, "Nothing was saved: fix the field marked below.",
                   "href=\"#text\">Your reflection: Write your reflection",
                   "<li>Choose save or submit.</li>");
    web_call_assert_body_has(&call, "id=\"text-error\"");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, action_world_teardown)
        T(test_a_claim_refused_for_three_fields_names_all_three),
        T(test_a_correction_refused_for_two_fields_names_both),
        T(test_an_enrolment_refused_for_two_fields_names_both),
        T(test_a_password_refused_for_both_fields_names_both),
        T(test_a_sign_in_without_address_or_password_marks_both),
        T(test_a_draft_refused_for_several_fields_names_each_in_the_form_order),
        T(test_a_report_refused_names_every_fault),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed;
}
