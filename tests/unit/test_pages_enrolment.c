/* Enrolment and several open tracks through the pages and the API, called as the server
 * calls them: the choices with the engine's word, what each program asks for and the
 * Strategic Track's questions; enrolment of oneself and by a library administrator; the
 * dashboard's open tracks; withdrawal with a reason; /api/v1/me/tracks and
 * /api/v1/programs/available. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "store/store_award.h"
#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-enrolment");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const today = "2026-03-02";

/* The learner's msl-trustee certificate, awarded 2024-01-01 (its successor track open). */
static struct award_result certify(struct action_world *w)
{
    int64_t track = action_world_ready_track(w, w->learner);
    struct award_result award;
    struct ct_err err = {0};
    test_ok(store_award(&w->store, w->coordinator, track, test_day("2024-01-01"), &award, &err),
            &err);
    return award;
}

static void test_the_choices_give_the_engines_word_the_asks_and_the_questions(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/tracks/new", w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h2>Strategic Track to MSL Certification</h2>");
    web_call_assert_body_has(&call, "Not open to you yet: it needs a prior certificate");
    web_call_assert_body_has(&call, "<h3>Before you choose it</h3>");
    web_call_assert_body_has(&call, "Does your library have a current strategic plan");
    web_call_assert_body_has(&call, "At least 5 credits in Library Administration");
    web_call_assert_body_has(&call, "Choose MSL Certification for Library Staff</button>");
    if (strstr(web_call_body(&call), "Choose Strategic Track to MSL Certification") != NULL) {
        fail_msg("the Strategic Track is offered without the prior certificate");
    }
    web_call_end(&call);
}

static void test_a_learner_with_a_certificate_chooses_the_strategic_track(void **state)
{
    struct action_world *w = *state;
    struct award_result award = certify(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/tracks/new", w->learner, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, award.number);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/tracks/new", w->learner, today);
    web_call_form(&call, "program", "msl-strategic");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_non_null(strstr(call.response.location, "done=track-enrolled"));
    web_call_end(&call);
    /* The dashboard lists both open tracks. */
    web_call_begin(&call, w, "GET", "/", w->learner, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h2>Your open tracks</h2>");
    web_call_assert_body_has(&call, "MSL Certification for Library Trustees</a>");
    web_call_assert_body_has(&call, "Strategic Track to MSL Certification</a>");
    web_call_assert_body_has(&call, "Withdraw this track");
    web_call_end(&call);
}

static void test_a_refused_enrolment_says_why_and_adds_nothing(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/tracks/new", w->learner, today);
    web_call_form(&call, "program", "msl-strategic");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "needs a prior certificate");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks"), 0);
    web_call_end(&call);
}

static void test_a_director_enrols_their_staff_from_a_day(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/people/%lld/tracks/new", (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "GET", path, w->director, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "First day of the track");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->other_director, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->director, today);
    web_call_form(&call, "program", "msl-staff");
    web_call_form(&call, "start", "2026-02-30");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Enter the first day as YYYY-MM-DD.");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->director, today);
    web_call_form(&call, "program", "msl-staff");
    web_call_form(&call, "start", "2026-01-15");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks WHERE started ="
                                           " '2026-01-15'"),
                     1);
    web_call_end(&call);
    /* The track open, the director withdraws it from the same page; the person's page
     * links there and stays read-only. */
    web_call_begin(&call, w, "GET", path, w->director, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Already on this track");
    web_call_assert_body_has(&call, "Withdraw this track");
    web_call_end(&call);
    snprintf(path, sizeof path, "/people/%lld", (long long)w->learner);
    web_call_begin(&call, w, "GET", path, w->director, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "/tracks/new\">Enrol in a track, or withdraw one</a>");
    if (strstr(web_call_body(&call), "Withdraw this track") != NULL) {
        fail_msg("a staff member's progress page holds a form");
    }
    web_call_end(&call);
}

static void test_a_track_is_withdrawn_from_the_dashboard_with_a_reason(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    char path[64];
    snprintf(path, sizeof path, "/tracks/%lld/withdraw", (long long)track);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Reason: Say why the track is withdrawn.");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->other_learner, today);
    web_call_form(&call, "reason", "Not mine");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->learner, today);
    web_call_form(&call, "reason", "Changed my plans");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/?done=track-withdrawn");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks WHERE state ="
                                           " 'withdrawn' AND state_comment = 'Changed my plans'"),
                     1);
    web_call_end(&call);
}

static void test_the_api_lists_my_tracks_and_the_programs_open_to_me(void **state)
{
    struct action_world *w = *state;
    struct award_result award = certify(w);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/api/v1/programs/available", w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"eligibility\":\"open\"");
    web_call_assert_body_has(&call, "\"considerations\":[");
    web_call_assert_body_has(&call, award.number);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/me/tracks", w->learner, today);
    web_call_json(&call, "{\"program\": \"msl-strategic\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"program\":\"msl-strategic\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/api/v1/me/tracks", w->learner, today);
    web_call_json(&call, "{\"program\": \"msl-strategic\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/me/tracks", w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"total\":3");
    web_call_assert_body_has(&call, "\"state\":\"certified\"");
    web_call_assert_body_has(&call, "\"counted_credits\"");
    web_call_end(&call);
}

static void test_the_api_enrols_someone_and_withdraws_a_track(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/people/%lld/tracks", (long long)w->other_learner);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->director, today);
    web_call_json(&call, "{\"program\": \"msl-staff\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_json(&call, "{\"program\": \"msl-staff\", \"start\": \"2026-01-01\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_end(&call);
    int64_t track = action_world_count(w, "SELECT MAX(id) FROM tracks");
    snprintf(path, sizeof path, "/api/v1/tracks/%lld/withdraw", (long long)track);
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"reason\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, today);
    web_call_json(&call, "{\"reason\": \"Left the library\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"state\":\"withdrawn\"");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_the_choices_give_the_engines_word_the_asks_and_the_questions),
        T(test_a_learner_with_a_certificate_chooses_the_strategic_track),
        T(test_a_refused_enrolment_says_why_and_adds_nothing),
        T(test_a_director_enrols_their_staff_from_a_day),
        T(test_a_track_is_withdrawn_from_the_dashboard_with_a_reason),
        T(test_the_api_lists_my_tracks_and_the_programs_open_to_me),
        T(test_the_api_enrols_someone_and_withdraws_a_track),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
