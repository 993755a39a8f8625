/* What waits for you on the home page, the counts beside the navigation's links and
 * GET /api/v1/me/todo, called as the server calls them, without a server. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "store/store_activities.h"
#include "store/store_tracks.h"
#include "web_world.h"
#include "core/banned.h"

static const char *const today = "2026-03-02";

static int setup(void **state)
{
    *state = action_world_open("pages-todo");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void get(struct web_call *call, struct action_world *w, const char *path, int64_t person)
{
    web_call_begin(call, w, "GET", path, person, today);
    web_call_run(call);
    assert_int_equal(call->response.status, 200);
}

static void assert_absent(const struct web_call *call, const char *text)
{
    if (strstr(web_call_body(call), text) != NULL) {
        fail_msg("the body of %s %s has \"%s\"", call->request.method, call->request.path, text);
    }
}

/* The learner's track with a plan version their verifier returned, and a claim pending. */
static void returned_plan_and_pending_claim(struct action_world *w)
{
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct ct_err err = {0};
    int64_t version = 0, goal = 0;
    test_ok(store_plan_version_create(&w->store, w->learner, track,
                                      &(struct plan_version_new){"Gaps", "Options"}, &version,
                                      &err),
            &err);
    test_ok(store_plan_goal_add(&w->store, w->learner, version, w->library_goal, "Storytime",
                                "Two sites", &goal, &err),
            &err);
    test_ok(store_plan_version_submit(&w->store, w->learner, version, test_day("2026-02-01"), &err),
            &err);
    test_ok(store_plan_version_return(&w->store, w->director, version, "Tie it to <G1>", &err),
            &err);
    action_world_activity(w, w->learner, "Weeding basics", "2026-02-10", 4, "technology",
                          "pending");
}

static void test_the_learner_is_told_what_came_back_and_the_navigation_counts_it(void **state)
{
    struct action_world *w = *state;
    returned_plan_and_pending_claim(w);
    struct web_call call;
    get(&call, w, "/", w->learner);
    web_call_assert_body_has(&call, "<h2 id=\"todo-heading\">What waits for you</h2>");
    web_call_assert_body_has(&call, "<h3>Your plan came back (1)</h3>");
    web_call_assert_body_has(&call, "<li><a href=\"/plan\">Your plan, version 1</a>"
                                    " (Strategic Track to MSL Certification), came back:"
                                    " <q>Tie it to &lt;G1&gt;</q></li>");
    web_call_assert_body_has(&call, "<h3>Your next step</h3>");
    /* Its progress is still below. */
    web_call_assert_body_has(&call, "<dt>Program</dt>");
    web_call_assert_body_has(&call, "<a href=\"/plan\" aria-label=\"Your plan, 1 waiting\""
                                    " class=\"usa-nav-link\"><span>Your plan</span><span"
                                    " class=\"nav-count\">(1)</span></a>");
    /* Nothing waits behind the other links: no count. */
    web_call_assert_body_has(&call, "<span>Final report</span></a>");
    web_call_end(&call);
}

static void test_the_verifier_sees_the_claim_and_its_count(void **state)
{
    struct action_world *w = *state;
    returned_plan_and_pending_claim(w);
    struct web_call call;
    get(&call, w, "/", w->director);
    web_call_assert_body_has(&call, "<h3>Claims to verify (1)</h3>");
    web_call_assert_body_has(&call, "<li><a href=\"/verify\">Weeding basics</a> by Sam Staff,"
                                    " dated 2026-02-10");
    web_call_assert_body_has(&call,
                             "<span>Claims to verify</span><span class=\"nav-count\">(1)</span>");
    web_call_end(&call);
    /* The count follows on every signed-in page, not only the home page. */
    get(&call, w, "/profile", w->director);
    web_call_assert_body_has(&call, "aria-label=\"Claims to verify, 1 waiting\"");
    web_call_end(&call);
}

static void test_a_coordinator_who_is_not_enrolled_sees_the_queues_first(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    get(&call, w, "/", w->coordinator);
    web_call_assert_body_has(&call, "<p>Nothing waits for you.</p>");
    assert_absent(&call, "You are not enrolled");
    assert_absent(&call, "nav-count");
    web_call_end(&call);
    action_world_ready_track(w, w->other_learner);
    get(&call, w, "/", w->coordinator);
    web_call_assert_body_has(&call, "<li><a href=\"/review\">Pat Patron: MSL Certification for");
    web_call_assert_body_has(&call, "<span>Review and award</span><span class=\"nav-count\"");
    assert_absent(&call, "Nothing waits for you.");
    web_call_end(&call);
}

static void test_the_api_gives_the_same_queues(void **state)
{
    struct action_world *w = *state;
    returned_plan_and_pending_claim(w);
    struct web_call call;
    get(&call, w, "/api/v1/me/todo", w->director);
    web_call_assert_body_has(&call, "\"as_of\":\"2026-03-02\"");
    web_call_assert_body_has(&call, "\"queue\":\"claims-to-verify\"");
    web_call_assert_body_has(&call, "\"role\":\"supervisor\"");
    web_call_assert_body_has(&call, "\"count\":1");
    web_call_assert_body_has(&call, "\"learner\":{");
    web_call_assert_body_has(&call, "\"href\":\"/verify\"");
    assert_absent(&call, "\"queue\":\"tracks-to-review\"");
    web_call_end(&call);
    get(&call, w, "/api/v1/me/todo", w->learner);
    web_call_assert_body_has(&call, "\"queue\":\"plan-returned\"");
    web_call_assert_body_has(&call, "\"comment\":\"Tie it to <G1>\"");
    web_call_assert_body_has(&call, "\"next_steps\":[{");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_the_learner_is_told_what_came_back_and_the_navigation_counts_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_verifier_sees_the_claim_and_its_count, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_a_coordinator_who_is_not_enrolled_sees_the_queues_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_api_gives_the_same_queues, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
