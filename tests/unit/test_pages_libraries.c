/* The library pages and /api/v1/libraries, called as the server calls them: the
 * coordinator adds, edits and closes (after a confirmation step) libraries; the
 * coordinator and the library's own administrator keep its strategic plan. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-libraries");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const day = "2026-03-02";

/* "/libraries/ID" and what follows it (tail: "" or "/close", "/goals"). */
static void path_of(char *out, size_t size, int64_t id, const char *tail)
{
    snprintf(out, size, "/libraries/%lld%s", (long long)id, tail);
}

static void test_the_list_offers_to_add_a_library_and_the_form_adds_it(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/libraries", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "href=\"/libraries/new\">Add a library</a>");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/libraries/new", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<option value=\"tribal-college\">Tribal college</option>");
    web_call_assert_body_has(&call, "name=\"csrf_token\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/libraries/new", w->coordinator, day);
    web_call_form(&call, "name", "");
    web_call_form(&call, "city", "Helena");
    web_call_form(&call, "kind", "bookmobile");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"name-error\" role=\"alert\">Enter the library");
    web_call_assert_body_has(&call, "id=\"kind-error\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/libraries/new", w->coordinator, day);
    web_call_form(&call, "name", "Lewis and Clark Library");
    web_call_form(&call, "city", "Helena");
    web_call_form(&call, "kind", "academic");
    web_call_form(&call, "external_id", "MT-1");
    web_call_form(&call, "consultants", "consultant@example.org");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/libraries/3?done=library-added");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM library_consultants"
                                           " WHERE library_id = 3"),
                     1);
}

static void test_the_list_finds_a_library_by_name_city_or_directory_id(void **state)
{
    struct action_world *w = *state;
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, "UPDATE libraries SET external_id = 'MT-100_a' WHERE id = ?",
                       NULL, &err, DB_INT(w->other_library)),
            &err);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/libraries?q=BITTERROOT&sort=city&dir=desc", w->coordinator,
                   day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "role=\"search\" aria-label=\"Find a library\"");
    web_call_assert_body_has(&call, "value=\"BITTERROOT\"");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"sort\" value=\"city\">");
    web_call_assert_body_has(&call, "Bitterroot Public Library</a>");
    web_call_assert_body_has(&call, "(1 library)");
    web_call_end(&call);
    /* LIKE's own characters are searched as themselves. */
    web_call_begin(&call, w, "GET", "/libraries?q=100_", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "(1 library)");
    assert_null(strstr(web_call_body(&call), "Bitterroot Public Library</a>"));
    web_call_end(&call);
    /* "_" is not any character: "t_1" is not in "MT-100_a". */
    web_call_begin(&call, w, "GET", "/libraries?q=t_1", w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "No library matches the search.");
    web_call_end(&call);
}

static void test_the_library_page_edits_and_closes_after_confirming(void **state)
{
    struct action_world *w = *state;
    char path[64], close_path[80];
    path_of(path, sizeof path, w->library, "");
    path_of(close_path, sizeof close_path, w->library, "/close");
    struct web_call call;
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h2>Edit the library</h2>");
    web_call_assert_body_has(&call, "value=\"Bitterroot Public Library\"");
    web_call_assert_body_has(&call, "Close this library</a>");
    web_call_assert_body_has(&call, "<h2>Strategic plan</h2>");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_form(&call, "name", "Bitterroot Library");
    web_call_form(&call, "city", "Hamilton");
    web_call_form(&call, "kind", "public");
    web_call_form(&call, "external_id", "");
    web_call_form(&call, "consultants", "consultant@example.org");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", close_path, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h1>Close Bitterroot Library</h1>");
    web_call_assert_body_has(&call, "value=\"2026-03-02\"");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"
                                           " WHERE closed_on IS NOT NULL"),
                     0);
    web_call_begin(&call, w, "POST", close_path, w->coordinator, day);
    web_call_form(&call, "closed_on", "2026-03-02");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<strong>Closed on 2026-03-02.</strong>");
    assert_null(strstr(web_call_body(&call), "<h2>Edit the library</h2>"));
    web_call_end(&call);
    web_call_begin(&call, w, "POST", close_path, w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_end(&call);
}

static void test_the_director_keeps_their_own_plan_on_their_library_page(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/library", w->director, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h3>The plan's title and period</h3>");
    web_call_assert_body_has(&call, "<h3>Add a goal</h3>");
    web_call_end(&call);
    char goals[80];
    path_of(goals, sizeof goals, w->library, "/goals");
    web_call_begin(&call, w, "POST", goals, w->director, day);
    web_call_form(&call, "code", "G2");
    web_call_form(&call, "title", "Digital skills");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/library?done=library-goal-added");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", goals, w->director, day);
    web_call_form(&call, "code", "G2");
    web_call_form(&call, "title", "Again");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"goal-code-error\"");
    web_call_end(&call);
    /* Another library's: not allowed. */
    path_of(goals, sizeof goals, w->other_library, "/goals");
    web_call_begin(&call, w, "POST", goals, w->director, day);
    web_call_form(&call, "code", "G9");
    web_call_form(&call, "title", "Theirs");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_the_goal_page_retires_a_goal(void **state)
{
    struct action_world *w = *state;
    char path[96], retire[112];
    snprintf(path, sizeof path, "/libraries/%lld/goals/%lld", (long long)w->library,
             (long long)w->library_goal);
    snprintf(retire, sizeof retire, "%s/retire", path);
    struct web_call call;
    web_call_begin(&call, w, "GET", path, w->director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Goal G1</h1>");
    web_call_assert_body_has(&call, "Retire the goal</button>");
    web_call_assert_body_has(&call, "Delete the goal</button>");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->other_director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", retire, w->director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/library", w->director, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Retired on 2026-03-02");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", retire, w->director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "G1 was retired on 2026-03-02.");
    web_call_end(&call);
}

static void test_the_api_adds_edits_and_closes_a_library(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/libraries", w->coordinator, day);
    web_call_json(&call, "{\"name\": \"Lewis and Clark Library\", \"city\": \"Helena\","
                         " \"kind\": \"school\", \"external_id\": \"MT-7\","
                         " \"consultants\": [\"consultant@example.org\"]}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"kind\":\"school\"");
    web_call_assert_body_has(&call, "\"consultants\":[{\"id\":");
    web_call_assert_body_has(&call, "\"strategic_plan\":null");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/libraries", w->coordinator, day);
    web_call_json(&call, "{\"name\": \"Other\", \"city\": \"Helena\", \"external_id\": \"MT-7\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"external_id\"");
    web_call_end(&call);
    web_call_begin(&call, w, "PATCH", "/api/v1/libraries/3", w->coordinator, day);
    web_call_json(&call, "{\"city\": \"East Helena\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"city\":\"East Helena\"");
    web_call_assert_body_has(&call, "\"name\":\"Lewis and Clark Library\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/libraries/3/close", w->coordinator, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"closed_on\":\"2026-03-02\"");
    web_call_end(&call);
    web_call_begin(&call, w, "PATCH", "/api/v1/libraries/3", w->coordinator, day);
    web_call_json(&call, "{\"city\": \"Helena\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/libraries", w->consultant, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "\"total\":1");
    web_call_end(&call);
    web_call_begin(&call, w, "PATCH", "/api/v1/libraries/3", w->director, day);
    web_call_json(&call, "{\"city\": \"Helena\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_the_api_keeps_goals_and_refuses_deleting_a_served_one(void **state)
{
    struct action_world *w = *state;
    char path[96];
    snprintf(path, sizeof path, "/api/v1/libraries/%lld/goals", (long long)w->library);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_json(&call, "{\"code\": \"G2\", \"title\": \"Digital skills\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"code\":\"G2\"");
    web_call_end(&call);
    char one[112];
    snprintf(one, sizeof one, "%s/%lld", path, (long long)w->library_goal);
    web_call_begin(&call, w, "PATCH", one, w->director, day);
    web_call_json(&call, "{\"title\": \"Reading for all\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"title\":\"Reading for all\"");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "INSERT INTO tracks (person_id, program, started,"
                                           " deadline, state, state_changed_at) VALUES (2,"
                                           " 'msl-strategic', '2026-01-01', '2027-01-01',"
                                           " 'active', '2026-01-01') RETURNING 0"),
                     0);
    assert_int_equal(action_world_count(w, "INSERT INTO plan_versions (track_id, version, state)"
                                           " VALUES ((SELECT MAX(id) FROM tracks), 1, 'draft')"
                                           " RETURNING 0"),
                     0);
    char served[200];
    snprintf(served, sizeof served,
             "INSERT INTO plan_goals (plan_version_id, position, library_goal_id, goal)"
             " VALUES ((SELECT MAX(id) FROM plan_versions), 1, %lld, 'Storytime') RETURNING 0",
             (long long)w->library_goal);
    assert_int_equal(action_world_count(w, served), 0);
    web_call_begin(&call, w, "DELETE", one, w->director, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "retire it instead");
    web_call_end(&call);
    char retire[128];
    snprintf(retire, sizeof retire, "%s/retire", one);
    web_call_begin(&call, w, "POST", retire, w->director, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"retired_on\":\"2026-03-02\"");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->consultant, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->director, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "\"served_by\":1");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_the_list_offers_to_add_a_library_and_the_form_adds_it),
        T(test_the_list_finds_a_library_by_name_city_or_directory_id),
        T(test_the_library_page_edits_and_closes_after_confirming),
        T(test_the_director_keeps_their_own_plan_on_their_library_page),
        T(test_the_goal_page_retires_a_goal),
        T(test_the_api_adds_edits_and_closes_a_library),
        T(test_the_api_keeps_goals_and_refuses_deleting_a_served_one),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
