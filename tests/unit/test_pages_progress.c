/* The progress pages (the dashboard, a person's page), the library pages and sign-in,
 * called as the server calls them, without a server. */
#include "helpers.h"

#include <string.h>

#include "web/routes.h"
#include "web_world.h"
#include "core/banned.h"

struct world_with_track {
    struct action_world *world;
    int64_t track;
};

static int setup(void **state)
{
    struct world_with_track *w = calloc(1, sizeof *w);
    w->world = action_world_open("pages-progress");
    w->track = action_world_enroll(w->world, w->world->learner, "msl-staff", "2025-01-01");
    action_world_workshop(w->world, w->world->learner, "Cataloging <basics>", "2025-03-01", 6);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    struct world_with_track *w = *state;
    int result = action_world_close(w->world);
    free(w);
    return result;
}

static void get(struct web_call *call, struct action_world *world, const char *path, int64_t person)
{
    web_call_begin(call, world, "GET", path, person, "2026-03-01");
    web_call_run(call);
}

static void test_the_dashboard_explains_each_activity(void **state)
{
    struct world_with_track *w = *state;
    struct web_call call;
    get(&call, w->world, "/", w->world->learner);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Your progress</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>Your progress</span>");
    web_call_assert_body_has(&call, "<dt>Program</dt><dd>");
    web_call_assert_body_has(&call, "<td data-label=\"Activity\">Cataloging &lt;basics&gt;</td>");
    web_call_assert_body_has(&call, "<td data-label=\"Worth\" class=\"number\">3</td>");
    web_call_assert_body_has(&call, "<figure class=\"chart\">");
    web_call_end(&call);
}

static void test_someone_without_a_track_is_told_so(void **state)
{
    struct world_with_track *w = *state;
    struct web_call call;
    get(&call, w->world, "/", w->world->other_learner);
    web_call_assert_body_has(&call, "<p>You are not enrolled in a certification track.</p>");
    web_call_end(&call);
}

static void test_a_person_page_is_for_those_who_may_see_it(void **state)
{
    struct world_with_track *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/people/%lld", (long long)w->world->learner);
    struct web_call call;
    web_call_begin(&call, w->world, "GET", path, w->world->director, "2026-03-01");
    assert_int_equal(routes_dispatch(&call.request, &call.response), CT_OK);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Progress of Sam Staff</h1>");
    web_call_assert_body_has(&call, "<p>Bitterroot Public Library</p>");
    web_call_assert_body_has(&call, "<h2>Activities</h2>");
    web_call_end(&call);
    web_call_begin(&call, w->world, "GET", path, w->world->other_director, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w->world, "GET", "/people/999", w->world->coordinator, "2026-03-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
}

static void test_the_library_pages_list_goals_and_staff(void **state)
{
    struct world_with_track *w = *state;
    struct web_call call;
    get(&call, w->world, "/library", w->world->director);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call,
                             "<tr><td>G1</td><td>Literacy</td><td>Read more</td><td>In use</td>");
    web_call_assert_body_has(&call, "<td>Sam Staff</td><td>staff@example.org</td>");
    web_call_end(&call);
    get(&call, w->world, "/staff", w->world->director);
    web_call_assert_body_has(&call, ">Sam Staff</a></td>");
    web_call_assert_body_has(&call, "Page 1 of 1 (2 people)");
    web_call_end(&call);
    get(&call, w->world, "/libraries?sort=city&dir=desc", w->world->coordinator);
    web_call_assert_body_has(&call, "aria-sort=\"descending\"");
    web_call_assert_body_has(&call, ">Glacier County Library</a></td><td>Cut Bank</td>");
    /* By city, last first: Hamilton, then Cut Bank. */
    assert_true(strstr(web_call_body(&call), "Hamilton") <
                strstr(web_call_body(&call), "Cut Bank"));
    web_call_end(&call);
}

static void test_a_consultant_sees_only_their_libraries(void **state)
{
    struct world_with_track *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/libraries/%lld", (long long)w->world->library);
    struct web_call call;
    get(&call, w->world, path, w->world->consultant);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    get(&call, w->world, "/libraries", w->world->consultant);
    web_call_assert_body_has(&call, "<h1>Your libraries</h1>");
    web_call_assert_body_has(&call, "<p>No library is assigned to you yet.</p>");
    web_call_end(&call);
}

static void test_the_sign_in_form_carries_its_own_token(void **state)
{
    struct world_with_track *w = *state;
    struct web_call call;
    get(&call, w->world, "/login", 0);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Sign in</h1>");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    assert_int_equal(call.response.cookie_count, 1);
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_dashboard_explains_each_activity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_someone_without_a_track_is_told_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_page_is_for_those_who_may_see_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_library_pages_list_goals_and_staff, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_consultant_sees_only_their_libraries, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_sign_in_form_carries_its_own_token, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
