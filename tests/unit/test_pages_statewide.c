/* The statewide picture's pages and downloads, and the newly certified, called as the
 * server calls them. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static const char *const day = "2024-03-31";

static int setup(void **state)
{
    *state = action_world_open("pages-statewide");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void exec_sql(struct action_world *w, const char *sql, int64_t first, int64_t second)
{
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, sql, NULL, &err, DB_INT(first), DB_INT(second)), &err);
}

/* The learner on msl-staff from 2020-04-01: 0.5 credits that stop counting on 2024-04-01
 * and 2 that stay; the other learner (renamed as a formula) on msl-trustee, with a credit
 * that stops counting next quarter too; the director named, hired 2021-01-01. */
static void some_record(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-staff", "2020-04-01");
    action_world_workshop(w, w->learner, "Expiring", "2020-04-01", 1);
    action_world_workshop(w, w->learner, "Staying", "2024-03-01", 4);
    action_world_enroll(w, w->other_learner, "msl-trustee", "2020-04-01");
    action_world_workshop(w, w->other_learner, "Expiring too", "2020-05-01", 2);
    exec_sql(w, "UPDATE people SET name = '=HYPERLINK(\"x\")' WHERE id = ? AND ? = 0",
             w->other_learner, 0);
    exec_sql(w, "UPDATE libraries SET director_id = ? WHERE id = ?", w->director, w->library);
    exec_sql(w,
             "UPDATE person_roles SET began = '2021-01-01' WHERE person_id = ? AND ? = 0"
             " AND role = 'library-administrator'",
             w->director, 0);
}

static void get(struct web_call *call, struct action_world *w, const char *path, int64_t person)
{
    web_call_begin(call, w, "GET", path, person, day);
    web_call_run(call);
}

static void test_the_coordinator_sees_each_chart_after_its_table(void **state)
{
    struct action_world *w = *state;
    some_record(w);
    struct web_call call;
    get(&call, w, "/statewide", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Statewide</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>Statewide</span>");
    web_call_assert_body_has(&call, "Certification across the state on 2024-03-31");
    web_call_assert_body_has(&call,
                             "<h2>People by program and status</h2>\n<table class=\"usa-table"
                             " usa-table--borderless\" tabindex=\"0\">");
    web_call_assert_body_has(
        &call, "<tr><td>MSL Certification for Library Staff</td><td class=\"number\">0</td><td"
               " class=\"number\">1</td>");
    web_call_assert_body_has(&call, "role=\"img\" aria-labelledby=\"chart-programs-title"
                                    " chart-programs-description\"");
    web_call_assert_body_has(&call, "<title id=\"chart-directors-title\">");
    web_call_assert_body_has(&call, "<desc id=\"chart-months-description\">");
    web_call_assert_body_has(&call, "<title id=\"chart-expiring-title\">");
    web_call_assert_body_has(&call, "<td><a href=\"/libraries/1\">Bitterroot Public Library</a>"
                                    "</td><td>Public</td><td>Dana Director</td><td class=\"date\">"
                                    "2021-01-01</td><td class=\"date\">2025-01-01</td><td>Within"
                                    " their window</td>");
    web_call_assert_body_has(&call, "<tr><td>May 2024</td><td class=\"number\">1</td></tr>");
    web_call_assert_body_has(&call, "<tr><td>Sam Staff</td><td>Bitterroot Public Library</td><td"
                                    " class=\"number\">0.5</td><td class=\"date\">2024-04-01</td>");
    web_call_assert_body_has(&call, "<a href=\"/statewide/expiring.csv\">");
    web_call_assert_body_has(&call, "<a href=\"/statewide/certified\">");
    web_call_end(&call);
}

static void test_the_filters_are_kept_in_the_form_and_the_downloads(void **state)
{
    struct action_world *w = *state;
    some_record(w);
    struct web_call call;
    get(&call, w, "/statewide?program=msl-staff&kind=public", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<option value=\"msl-staff\" selected=\"selected\">");
    web_call_assert_body_has(&call,
                             "<option value=\"public\" selected=\"selected\">Public</option>");
    web_call_assert_body_has(&call, "<a href=\"/statewide/programs.csv?program=msl-staff&amp;"
                                    "kind=public\">");
    assert_null(strstr(web_call_body(&call), "<td>MSL Certification for Library Trustees</td>"));
    web_call_end(&call);
    /* Unknown values are no filter. */
    get(&call, w, "/statewide?program=nothing&kind=castle", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<td>MSL Certification for Library Trustees</td>");
    web_call_assert_body_has(&call, "<a href=\"/statewide/programs.csv\">");
    web_call_end(&call);
}

static void test_a_consultant_sees_their_libraries_and_a_learner_nothing(void **state)
{
    struct action_world *w = *state;
    some_record(w);
    exec_sql(w, "INSERT INTO library_consultants (library_id, person_id) VALUES (?, ?)", w->library,
             w->consultant);
    struct web_call call;
    get(&call, w, "/statewide/expiring.csv", w->consultant);
    assert_int_equal(call.response.status, 200);
    assert_non_null(strstr(web_call_body(&call), "\"Sam Staff\""));
    assert_null(strstr(web_call_body(&call), "HYPERLINK"));
    web_call_end(&call);
    get(&call, w, "/statewide", w->consultant);
    web_call_assert_body_has(&call, "Certification across the libraries you serve");
    web_call_end(&call);
    get(&call, w, "/statewide", w->learner);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    get(&call, w, "/statewide/programs.csv", w->director);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_each_table_downloads_as_formula_safe_csv(void **state)
{
    struct action_world *w = *state;
    some_record(w);
    static const char *const downloads[][2] = {
        {"/statewide/programs.csv", "\"msl-staff\",\"MSL Certification for Library Staff\",\"0\","
                                    "\"1\",\"0\",\"0\",\"1\"\r\n"},
        {"/statewide/kinds.csv", "\"all\",\"2\",\"0\",\"1\",\"0\",\"0\",\"1\"\r\n"},
        {"/statewide/directors.csv", "\"1\",\"Bitterroot Public Library\",\"public\",\"1\",\"Dana"
                                     " Director\",\"2021-01-01\",\"2025-01-01\",\"within\"\r\n"},
        {"/statewide/months.csv", "\"2024-03\",\"2\"\r\n"},
        {"/statewide/quarter.csv", "\"2024-04\",\"0.5\"\r\n\"2024-05\",\"1\"\r\n"},
        {"/statewide/expiring.csv", "\"'=HYPERLINK(\"\"x\"\")\",\"Glacier County Library\",\"1\","
                                    "\"2024-05-01\"\r\n"},
    };
    for (size_t i = 0; i < sizeof downloads / sizeof downloads[0]; i++) {
        struct web_call call;
        get(&call, w, downloads[i][0], w->coordinator);
        assert_int_equal(call.response.status, 200);
        assert_string_equal(call.response.content_type, "text/csv; charset=utf-8");
        if (strstr(web_call_body(&call), downloads[i][1]) == NULL) {
            fail_msg("%s lacks %s:\n%s", downloads[i][0], downloads[i][1], web_call_body(&call));
        }
        web_call_end(&call);
    }
}

/* The learner's staff track awarded on 2023-06-01 (a certificate of our own), the other
 * learner's imported. */
static void two_certificates(struct action_world *w)
{
    struct ct_err err = {0};
    for (int i = 0; i < 2; i++) {
        int64_t person = i == 0 ? w->learner : w->other_learner;
        test_ok(STORE_EXEC(&w->store,
                           "INSERT INTO tracks (person_id, program, started, deadline, state,"
                           " state_changed_at) VALUES (?, 'msl-staff', '2019-01-01', '2023-01-01',"
                           " 'certified', '2023-06-01T00:00:00Z')",
                           NULL, &err, DB_INT(person)),
                &err);
        test_ok(STORE_EXEC(&w->store,
                           "INSERT INTO certificates (number, verification_code, person_id,"
                           " track_id, program, credit_halves, issued, valid_until, status_index,"
                           " provenance) VALUES ('CT-2023-00000' || ?, 'code' || ?, ?,"
                           " (SELECT MAX(id) FROM tracks), 'msl-staff', 120, '2023-06-01',"
                           " '2027-06-01', 100 + ?, ?)",
                           NULL, &err, DB_INT(i), DB_INT(i), DB_INT(person), DB_INT(i),
                           DB_TEXT(i == 0 ? "awarded" : "imported")),
                &err);
    }
}

static void test_the_newly_certified_of_a_range_are_listed_and_downloaded(void **state)
{
    struct action_world *w = *state;
    two_certificates(w);
    struct web_call call;
    get(&call, w, "/statewide/certified?from=2023-01-01&to=2023-12-31", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>The newly certified</h1>");
    web_call_assert_body_has(&call, "1 certificate awarded from 2023-01-01 to 2023-12-31");
    web_call_assert_body_has(&call, "<tr><td>MSL Certification for Library Staff</td><td>Bitterroot"
                                    " Public Library</td><td>Sam Staff</td><td class=\"date\">"
                                    "2023-06-01</td><td>CT-2023-000000</td></tr>");
    assert_null(strstr(web_call_body(&call), "Pat Patron"));
    web_call_assert_body_has(&call, "<a href=\"/statewide/certified.csv?from=2023-01-01&amp;"
                                    "to=2023-12-31\">");
    web_call_end(&call);
    get(&call, w, "/statewide/certified.csv?from=2023-06-01&to=2023-06-01", w->coordinator);
    assert_int_equal(call.response.status, 200);
    assert_non_null(strstr(web_call_body(&call),
                           "\"msl-staff\",\"MSL Certification for Library Staff\",\"1\","
                           "\"Bitterroot Public Library\",\"Hamilton\","));
    web_call_end(&call);
    get(&call, w, "/statewide/certified.csv?from=2023-06-02&to=2023-12-31", w->coordinator);
    assert_null(strstr(web_call_body(&call), "Sam Staff"));
    web_call_end(&call);
}

static void test_the_announcement_is_drafted_from_its_template(void **state)
{
    struct action_world *w = *state;
    two_certificates(w);
    struct web_call call;
    get(&call, w, "/statewide/certified?from=2023-01-01&to=2023-12-31", w->coordinator);
    web_call_assert_body_has(&call, "<h2>The announcement</h2>");
    web_call_assert_body_has(&call, "<a href=\"/statewide/certified.txt?from=2023-01-01&amp;"
                                    "to=2023-12-31\">download it as text</a>");
    web_call_assert_body_has(&call, "<label class=\"usa-label\" for=\"announcement\">");
    web_call_assert_body_has(&call, "earned\n1 certificate from January 1, 2023 to December 31,"
                                    " 2023.");
    web_call_end(&call);
    get(&call, w, "/statewide/certified.txt?from=2023-01-01&to=2023-12-31", w->coordinator);
    assert_int_equal(call.response.status, 200);
    assert_string_equal(call.response.content_type, "text/plain; charset=utf-8");
    const char *text = web_call_body(&call);
    assert_non_null(strstr(text, "FOR IMMEDIATE RELEASE\n"));
    assert_non_null(strstr(text, "MSL Certification for Library Staff (1 certificate)\n"
                                 "Bitterroot Public Library, Hamilton\n  Sam Staff\n"));
    assert_null(strstr(text, "Pat Patron"));
    assert_null(strstr(text, "{{"));
    web_call_end(&call);
    get(&call, w, "/statewide/certified.txt?from=2020-01-01&to=2020-12-31", w->coordinator);
    assert_non_null(strstr(web_call_body(&call), "No certificate was awarded in these days."));
    web_call_end(&call);
}

static void test_a_wrong_range_is_marked_at_its_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    get(&call, w, "/statewide/certified?from=2023-02-30&to=2023-12-31", w->coordinator);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"from-error\"");
    web_call_assert_body_has(&call, "Enter the day as YYYY-MM-DD.");
    web_call_assert_body_has(&call, "value=\"2023-02-30\"");
    web_call_end(&call);
    get(&call, w, "/statewide/certified?from=2023-12-31&to=2023-01-01", w->coordinator);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"to-error\"");
    web_call_assert_body_has(&call, "The last day comes before the first.");
    web_call_end(&call);
    get(&call, w, "/statewide/certified.csv?from=x", w->coordinator);
    assert_int_equal(call.response.status, 400);
    assert_string_equal(web_call_body(&call), "from: Enter the day as YYYY-MM-DD.\n");
    web_call_end(&call);
    /* No range: the last calendar year. */
    get(&call, w, "/statewide/certified", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "0 certificates awarded from 2023-01-01 to 2023-12-31");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_sees_each_chart_after_its_table, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_filters_are_kept_in_the_form_and_the_downloads,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_consultant_sees_their_libraries_and_a_learner_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_table_downloads_as_formula_safe_csv, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_the_newly_certified_of_a_range_are_listed_and_downloaded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_announcement_is_drafted_from_its_template, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_wrong_range_is_marked_at_its_field, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
