/* The learner's pages of issue 16: category progress in words, the links that follow the
 * program, the congratulation after an award, the idle sign-out warning and its no-script
 * fallback, and the revoke's confirmation. */
#include "helpers.h"

#include <string.h>

#include "web/html/nav_program.h"
#include "web/http/session.h"
#include "web/pages/certificates.h"
#include "web/pages/dashboard.h"
#include "web/pages/kept_form.h"
#include "web_world.h"
#include "core/banned.h"

static struct civil_date day(const char *text)
{
    return test_day(text);
}

static void test_category_words_say_counted_and_needed(void **state)
{
    (void)state;
    struct program_category categories[] = {
        {"library-administration", "Library Administration", 60},
        {"technology", "Technology", 0},
    };
    struct program program = {.categories = categories, .category_count = 2};
    int64_t counted[] = {24, 2};
    struct evaluation evaluation = {.program = &program, .category_counted_halves = counted};
    char words[200];
    page_category_words(&evaluation, 0, words, sizeof words);
    assert_string_equal(words, "Library Administration: 12 credits counted of the 30 needed");
    page_category_words(&evaluation, 1, words, sizeof words);
    assert_string_equal(words, "Technology: 1 credit counted (no minimum)");
    counted[0] = 60;
    page_category_words(&evaluation, 0, words, sizeof words);
    assert_string_equal(words,
                        "Library Administration: 30 credits counted of the 30 needed, enough");
}

static void test_the_plan_and_report_links_follow_the_program(void **state)
{
    (void)state;
    struct nav_program_needs none = {false, false};
    struct nav_program_needs both = {true, true};
    assert_false(nav_program_shows(&none, "/plan"));
    assert_false(nav_program_shows(&none, "/report"));
    assert_true(nav_program_shows(&none, "/activities/new"));
    assert_true(nav_program_shows(&both, "/plan"));
    assert_true(nav_program_shows(&both, "/report"));
    const struct program_set *programs = test_msl_programs();
    struct track_row tracks[2] = {{.id = 1}, {.id = 2}};
    snprintf(tracks[0].program, sizeof tracks[0].program, "msl-trustee");
    snprintf(tracks[0].state, sizeof tracks[0].state, "active");
    snprintf(tracks[1].program, sizeof tracks[1].program, "msl-strategic");
    snprintf(tracks[1].state, sizeof tracks[1].state, "awarded");
    struct nav_program_needs needs = nav_program_needs_of(programs, tracks, 2);
    assert_false(needs.plan);
    assert_false(needs.report);
    snprintf(tracks[1].state, sizeof tracks[1].state, "active");
    needs = nav_program_needs_of(programs, tracks, 2);
    assert_true(needs.plan);
    assert_true(needs.report);
}

static void test_the_dashboard_shows_categories_and_hides_what_the_program_lacks(void **state)
{
    (void)state;
    struct action_world *world = action_world_open("pages-learner");
    action_world_enroll(world, world->learner, "msl-staff", "2025-01-01");
    action_world_workshop(world, world->learner, "Cataloging", "2025-03-01", 6);
    action_world_enroll(world, world->other_learner, "msl-strategic", "2025-01-01");
    struct web_call call;
    web_call_begin(&call, world, "GET", "/", world->learner, "2026-03-01");
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h2 id=\"category-progress\">Credits by category</h2>");
    web_call_assert_body_has(&call, "credits counted of the 5 needed</li>");
    web_call_assert_body_has(&call, "<th scope=\"col\">Category</th>");
    web_call_assert_body_has(&call, "<td data-label=\"Kind\">Workshop</td>");
    assert_null(strstr(web_call_body(&call), "<span>Your plan</span>"));
    assert_null(strstr(web_call_body(&call), "<span>Final report</span>"));
    web_call_end(&call);
    web_call_begin(&call, world, "GET", "/", world->other_learner, "2026-03-01");
    web_call_run(&call);
    web_call_assert_body_has(&call, "<span>Your plan</span>");
    web_call_assert_body_has(&call, "<span>Final report</span>");
    web_call_end(&call);
    /* Typed, the addresses still answer. */
    web_call_begin(&call, world, "GET", "/plan", world->learner, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    assert_int_equal(action_world_close(world), 0);
}

static void test_an_award_is_congratulated_for_a_while(void **state)
{
    (void)state;
    struct civil_date unset = {CIVIL_DATE_UNSET_DAYS};
    assert_true(page_award_is_recent(day("2026-06-01"), unset, day("2026-06-01")));
    assert_true(page_award_is_recent(day("2026-06-01"), unset, day("2026-07-30")));
    assert_false(page_award_is_recent(day("2026-06-01"), unset, day("2026-07-31")));
    assert_false(page_award_is_recent(day("2026-06-02"), unset, day("2026-06-01")));
    assert_false(page_award_is_recent(day("2026-06-01"), day("2026-06-02"), day("2026-06-03")));
}

static void test_the_idle_warning_comes_two_minutes_before(void **state)
{
    (void)state;
    assert_int_equal(SESSION_WARNING_SECONDS, 120);
    assert_int_equal(session_warning_delay(1800), 1680);
    assert_int_equal(session_warning_delay(121), 1);
    assert_int_equal(session_warning_delay(60), 0);
    char words[64];
    session_idle_words(1800, words, sizeof words);
    assert_string_equal(words, "30 minutes");
    session_idle_words(60, words, sizeof words);
    assert_string_equal(words, "1 minute");
    session_idle_words(90, words, sizeof words);
    assert_string_equal(words, "90 seconds");
    int64_t seconds = 7;
    assert_true(session_idle_seconds_parse("150", &seconds));
    assert_int_equal(seconds, 150);
    assert_false(session_idle_seconds_parse("9", &seconds));
    assert_false(session_idle_seconds_parse("150s", &seconds));
    assert_false(session_idle_seconds_parse("-150", &seconds));
    assert_false(session_idle_seconds_parse("43201", &seconds));
    assert_int_equal(seconds, 150);
    struct web_config config = {0};
    assert_int_equal(web_session_idle_seconds(&config), SESSION_IDLE_SECONDS);
    config.session_idle_seconds = 150;
    assert_int_equal(web_session_idle_seconds(&config), 150);
}

static void test_every_signed_in_page_warns_before_the_idle_sign_out(void **state)
{
    (void)state;
    struct action_world *world = action_world_open("pages-learner-idle");
    struct web_call call;
    web_call_begin(&call, world, "GET", "/profile", world->learner, "2026-03-01");
    call.request.session_seconds_left = 1800;
    web_call_run(&call);
    web_call_assert_body_has(&call, "<body data-session-seconds-left=\"1800\""
                                    " data-session-warn-after=\"1680\" data-session-warn-lead="
                                    "\"120\">");
    web_call_assert_body_has(&call, "role=\"alertdialog\" aria-modal=\"true\"");
    web_call_assert_body_has(&call, "You will be signed out in 2 minutes");
    web_call_assert_body_has(&call, "You will be signed out after 30 minutes without activity.");
    web_call_assert_body_has(&call, "<script src=\"/assets/session.js\"></script>");
    web_call_end(&call);
    web_call_begin(&call, world, "POST", "/session/stay", world->learner, "2026-03-01");
    call.request.session_seconds_left = 1800;
    web_pairs_add(&call.request.headers, "Accept", "application/json");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    assert_string_equal(web_call_body(&call), "{\"seconds_left\": 1800}\n");
    web_call_end(&call);
    assert_int_equal(action_world_close(world), 0);
}

static void test_a_form_sent_after_the_timeout_is_kept_without_secrets(void **state)
{
    (void)state;
    assert_true(kept_form_field_dropped("csrf_token"));
    assert_true(kept_form_field_dropped("password"));
    assert_true(kept_form_field_dropped("new_password"));
    assert_false(kept_form_field_dropped("title"));
    struct action_world *world = action_world_open("pages-learner-kept");
    struct web_call call;
    /* A visitor who never signed in gets the sign-in page as before, nothing kept. */
    web_call_begin(&call, world, "POST", "/activities/new", 0, "2026-03-01");
    web_call_form(&call, "title", "Typed by a visitor");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, world, "POST", "/activities/new", 0, "2026-03-01");
    call.request.session_cookie = "a session that ended";
    web_call_form(&call, "title", "Typed <before> the timeout");
    web_call_form(&call, "password", "never kept");
    web_call_run(&call);
    assert_int_equal(call.response.status, 401);
    web_call_assert_body_has(&call, "What you typed is kept: sign in again to go back to it.");
    assert_int_equal(call.response.cookie_count, 2);
    web_call_end(&call);
    char fields[200];
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_query_text(&world->store, "SELECT fields FROM kept_forms", NULL, 0, fields,
                             sizeof fields, &found, &err),
            &err);
    assert_true(found);
    assert_string_equal(fields, "[[\"title\",\"Typed <before> the timeout\"]]");
    assert_int_equal(action_world_close(world), 0);
}

static void test_a_revoke_acts_only_when_confirmed(void **state)
{
    (void)state;
    assert_true(page_revoke_confirmed("yes"));
    assert_false(page_revoke_confirmed("on"));
    assert_false(page_revoke_confirmed(""));
    assert_false(page_revoke_confirmed(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_category_words_say_counted_and_needed),
        cmocka_unit_test(test_the_plan_and_report_links_follow_the_program),
        cmocka_unit_test(test_the_dashboard_shows_categories_and_hides_what_the_program_lacks),
        cmocka_unit_test(test_an_award_is_congratulated_for_a_while),
        cmocka_unit_test(test_the_idle_warning_comes_two_minutes_before),
        cmocka_unit_test(test_every_signed_in_page_warns_before_the_idle_sign_out),
        cmocka_unit_test(test_a_form_sent_after_the_timeout_is_kept_without_secrets),
        cmocka_unit_test(test_a_revoke_acts_only_when_confirmed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
