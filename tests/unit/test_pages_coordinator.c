/* The CE coordinator's pages and API endpoints, called as the server calls them, without
 * a server: review and award, the catalog, certificates and settings. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "actions/award.h"
#include "store/store_settings.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-coordinator");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const day = "2024-01-01";

/* An awarded certificate of the learner's. */
static int64_t certificate(struct action_world *w)
{
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, day);
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &actor, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    return result.certificate_id;
}

static void test_the_review_page_lists_a_track_to_award(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/review", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Review and award</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>Review and award</span>");
    web_call_assert_body_has(&call, "No final report waits for review.");
    char link[128];
    snprintf(link, sizeof link,
             "<td><a class=\"usa-link\" href=\"/people/%lld?track=%lld\">Sam Staff</a></td>",
             (long long)w->learner, (long long)track);
    web_call_assert_body_has(&call, link);
    web_call_assert_body_has(&call, "<td>Complete</td><td class=\"number\">15 of 15</td>");
    char hidden[96];
    snprintf(hidden, sizeof hidden, "<input type=\"hidden\" name=\"track\" value=\"%lld\">",
             (long long)track);
    web_call_assert_body_has(&call, hidden);
    web_call_assert_body_has(&call, "value=\"return-track\">Return</button> <button");
    web_call_end(&call);
}

/* A final report is read beside the goals of the plan it answers, with a link to the
 * credits behind the track. */
static void test_a_final_report_is_read_beside_the_plans_goals(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2023-01-01");
    action_world_final_report(w, track, "2023-12-01");
    struct web_call call;
    web_call_begin(&call, w, "GET", "/review", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h3>The final reflection</h3>");
    web_call_assert_body_has(&call, "This track has no Professional Development Plan.");
    char link[128];
    snprintf(link, sizeof link, "href=\"/people/%lld?track=%lld\">The credits behind this track",
             (long long)w->learner, (long long)track);
    web_call_assert_body_has(&call, link);
    web_call_end(&call);
    /* Two versions: the approved one is the plan the report answers, not the newer draft. */
    struct ct_err err = {0};
    int64_t approved = 0;
    test_ok(STORE_EXEC(&w->store,
                       "INSERT INTO plan_versions (track_id, version, state, submitted,"
                       " organization_approved) VALUES (?, 1, 'approved', '2023-01-02',"
                       " '2023-01-05') RETURNING id",
                       &approved, &err, DB_INT(track)),
            &err);
    test_ok(
        STORE_EXEC(&w->store,
                   "INSERT INTO plan_versions (track_id, version, state) VALUES (?, 2, 'draft')",
                   NULL, &err, DB_INT(track)),
        &err);
    test_ok(STORE_EXEC(&w->store,
                       "INSERT INTO plan_goals (plan_version_id, position, library_goal_id, goal)"
                       " VALUES (?, 1, ?, 'Run a seed library')",
                       NULL, &err, DB_INT(approved), DB_INT(w->library_goal)),
            &err);
    web_call_begin(&call, w, "GET", "/review", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "The plan it answers: version 1, approved (signed for the"
                                    " library on 2023-01-05).");
    web_call_assert_body_has(&call, "Run a seed library");
    web_call_end(&call);
}

/* POSTs the coordinator's decision action on track (its id as text) to /review. */
static void post_decision(struct web_call *call, struct action_world *w, const char *id,
                          const char *action)
{
    web_call_begin(call, w, "POST", "/review", w->coordinator, day);
    web_call_form(call, "track", id);
    web_call_form(call, "action", action);
    web_call_form(call, "confirm", "yes");
    web_call_run(call);
}

static void test_a_return_without_a_comment_is_marked_at_its_row(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)track);
    struct web_call call;
    post_decision(&call, w, id, "return-track");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The decision was not saved: see the comment box.");
    char error[96];
    snprintf(error, sizeof error, "id=\"comment-award%s-error\" role=\"alert\">Say what to change",
             id);
    web_call_assert_body_has(&call, error);
    web_call_assert_body_has(&call, "aria-invalid=\"true\"");
    web_call_end(&call);
}

static void test_the_award_redirects_with_the_certificate(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)track);
    struct web_call call;
    /* Without confirm=yes, the award asks first and nothing is issued. */
    web_call_begin(&call, w, "POST", "/review", w->coordinator, day);
    web_call_form(&call, "track", id);
    web_call_form(&call, "action", "award");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Award this certificate?</h1>");
    web_call_assert_body_has(&call, "An award is not undone");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM certificates"), 0);
    web_call_end(&call);
    post_decision(&call, w, id, "award");
    assert_int_equal(call.response.status, 303);
    assert_int_equal(
        strncmp(call.response.location, "/review?done=awarded&certificate=CT-2024-", 41), 0);
    web_call_end(&call);
    /* An unknown decision is refused without acting. */
    post_decision(&call, w, id, "publish");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Choose a decision for one of the rows.");
    web_call_end(&call);
}

static void test_the_catalog_form_offers_the_issuer_as_sponsor(void **state)
{
    struct action_world *w = *state;
    struct ct_err err = {0};
    test_ok(store_setting_set(&w->store, 0, "issuer-name", "Bitterroot Board", &err), &err);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/catalog/new", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Add an event to the catalog</h1>");
    web_call_assert_body_has(&call, "name=\"sponsor\" required aria-describedby=\"sponsor-hint\""
                                    " type=\"text\" value=\"Bitterroot Board\">");
    assert_null(strstr(web_call_body(&call), "value=\"Montana State Library\""));
    web_call_end(&call);
}

static void test_a_refused_event_marks_its_fields(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/catalog/new", w->coordinator, day);
    web_call_form(&call, "title", "Weeding <b>");
    web_call_form(&call, "kind", "course");
    web_call_form(&call, "starts", "2026-07-01");
    web_call_form(&call, "credits", "1.25");
    web_call_form(&call, "category", "technology");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The event was not added: fix the fields marked below.");
    web_call_assert_body_has(&call, "id=\"credits-error\" role=\"alert\">Enter the credits");
    web_call_assert_body_has(&call, "id=\"sponsor-error\" role=\"alert\">Enter who offers");
    web_call_assert_body_has(&call, "value=\"Weeding &lt;b&gt;\"");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events"), 0);
    web_call_end(&call);
}

static void test_an_added_event_is_listed_and_named(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/catalog/new", w->coordinator, day);
    web_call_form(&call, "title", "Weeding");
    web_call_form(&call, "kind", "course");
    web_call_form(&call, "starts", "2026-07-01");
    web_call_form(&call, "sponsor", "MSL");
    web_call_form(&call, "credits", "2");
    web_call_form(&call, "category", "technology");
    web_call_form(&call, "urls", "https://learn.example.org/course/view.php?id=5");
    web_call_form(&call, "lms_verifies", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    char location[64];
    snprintf(location, sizeof location, "%s", call.response.location);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", location, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Added \u201cWeeding\u201d to the catalog.");
    web_call_assert_body_has(&call, "<td>Weeding</td><td>Course</td>");
    web_call_assert_body_has(&call, "view.php?id=5</a> (the whole course)</li></ul></td>"
                                    "<td>Yes</td><td>2026-07-01</td>");
    web_call_end(&call);
}

static void test_a_certificate_is_listed_viewed_and_revoked(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/certificates?q=staff", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<td>Sam Staff</td><td>msl-trustee</td><td>2024-01-01</td>"
                                    "<td>2028-01-01</td><td>Valid</td>");
    web_call_end(&call);
    char path[64];
    snprintf(path, sizeof path, "/certificates/%lld", (long long)id);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_form(&call, "reason", " ");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The certificate was not revoked: fix what is marked below.");
    web_call_assert_body_has(&call, "id=\"reason-error\" role=\"alert\">Say why");
    web_call_end(&call);
    /* A reason without confirm=yes: the page that asks, and nothing revoked yet. */
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_form(&call, "reason", "Counted twice");
    web_call_form(&call, "confirm", "on");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call,
                             "will be told it was revoked, and why:</p>\n"
                             "<blockquote class=\"revoke-reason\">Counted twice</blockquote>");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Revoke this certificate");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_form(&call, "reason", "Counted twice");
    web_call_form(&call, "confirm", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<dt>Reason for revoking</dt><dd>Counted twice</dd>");
    web_call_assert_body_has(&call, "<dt>Revoked by</dt><dd>Casey Coordinator</dd>");
    web_call_assert_body_has(&call, "/transcript.pdf\" download>Transcript (PDF)</a></li></ul>");
    assert_null(strstr(web_call_body(&call), "Revoke this certificate"));
    web_call_end(&call);
}

static void test_a_bad_address_is_refused_on_the_settings_page(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/settings", w->coordinator, day);
    web_call_form(&call, "public_url", "ftp://x.example");
    web_call_form(&call, "issuer_name", "Bitterroot Board");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The settings were not saved: fix what is marked below.");
    web_call_assert_body_has(&call, "id=\"public_url-error\" role=\"alert\">&quot;ftp://x.example"
                                    "&quot; is not an address");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM settings"), 0);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/settings", w->coordinator, day);
    web_call_form(&call, "public_url", "https://certs.example.gov");
    web_call_form(&call, "issuer_name", "Bitterroot Board");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/settings?done=settings-saved");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/settings?done=settings-saved", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "value=\"https://certs.example.gov\"");
    /* The notice once, from the layout. */
    const char *first = strstr(web_call_body(&call), "The settings are saved.");
    assert_non_null(first);
    assert_null(strstr(first + 1, "The settings are saved."));
    web_call_end(&call);
}

static void test_the_api_lists_and_awards_tracks(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/api/v1/review/tracks", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"name\":\"Sam Staff\",\"program\":\"msl-trustee\","
                                    "\"started\":\"2022-06-01\",\"deadline\":\"2026-06-01\","
                                    "\"status\":\"complete\",\"counted\":15,\"required\":15,"
                                    "\"blocking\":[]");
    web_call_assert_body_has(&call, "\"total\":1");
    web_call_end(&call);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/tracks/%lld/award", (long long)track);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"next_track\":{\"id\":");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "\"code\":\"conflict\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/tracks/999/return", w->coordinator, day);
    web_call_json(&call, "{\"comment\": \"x\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
}

static void test_the_api_names_every_bad_field_of_an_event(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/catalog/events", w->coordinator, day);
    web_call_json(&call, "{\"title\": \"Weeding\", \"kind\": \"course\", \"starts\": "
                         "\"2026-07-01\", \"credits\": 1.25, \"category\": \"technology\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"sponsor\"");
    web_call_assert_body_has(&call, "{\"field\":\"credits\",\"message\":\"Enter the credits");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/catalog/events", w->coordinator, day);
    web_call_json(&call, "{\"title\": \"Weeding\", \"kind\": \"course\", \"starts\": "
                         "\"2026-07-01\", \"sponsor\": \"MSL\", \"credits\": 2.5, \"category\": "
                         "\"technology\", \"urls\": [\"https://a.example.org/1\"], "
                         "\"activity_names\": [\"Quiz\"]}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"credits\":2.5,\"sponsor\":\"MSL\"");
    web_call_assert_body_has(&call, "\"links\":[{\"url\":\"https://a.example.org/1\","
                                    "\"activity\":\"Quiz\"}]");
    web_call_end(&call);
}

static void test_the_api_revokes_a_certificate(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/certificates/%lld/revoke", (long long)id);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_json(&call, "{\"reason\": \"Counted twice\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"revoked\":\"2024-01-01\",\"revoked_reason\":\"Counted"
                                    " twice\"");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/certificates?q=sam", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"name\":\"Sam Staff\",\"program\":\"msl-trustee\"");
    web_call_assert_body_has(&call, "\"total\":1");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_final_report_is_read_beside_the_plans_goals, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_review_page_lists_a_track_to_award, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_return_without_a_comment_is_marked_at_its_row, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_award_redirects_with_the_certificate, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_catalog_form_offers_the_issuer_as_sponsor, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_refused_event_marks_its_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_added_event_is_listed_and_named, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_certificate_is_listed_viewed_and_revoked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_bad_address_is_refused_on_the_settings_page, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_lists_and_awards_tracks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_api_names_every_bad_field_of_an_event, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_revokes_a_certificate, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
