/* The people pages and the people API, called as the server calls them. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static const char *const day = "2026-03-01";

static int setup(void **state)
{
    *state = action_world_open("pages-people");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void test_the_search_box_is_on_the_coordinators_and_consultants_pages_only(void **state)
{
    struct action_world *w = *state;
    const int64_t people[] = {w->coordinator, w->consultant, w->learner};
    for (size_t i = 0; i < 3; i++) {
        struct web_call call;
        web_call_begin(&call, w, "GET", "/tokens", people[i], day);
        web_call_run(&call);
        bool has =
            strstr(web_call_body(&call), "<form class=\"usa-search usa-search--small\""
                                         " role=\"search\" aria-label=\"Find a person\"") != NULL;
        assert_int_equal(has, i < 2);
        web_call_end(&call);
    }
}

static void test_a_search_finds_by_name_without_case_or_accents(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/people/new", w->coordinator, day);
    web_call_form(&call, "name", "Élodie Hire");
    web_call_form(&call, "email", "elodie@example.org");
    web_call_form(&call, "library", "1");
    web_call_form(&call, "position", "staff");
    web_call_form(&call, "role-learner", "yes");
    web_call_form(&call, "began-learner", "2025-07-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/people?q=ELODIE", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, ">Élodie Hire</a>");
    web_call_assert_body_has(&call, "<td>staff</td>");
    web_call_end(&call);
    /* The consultant finds only the people of their libraries. */
    web_call_begin(&call, w, "GET", "/people?q=olive", w->consultant, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Nobody matches");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/people?q=x", w->learner, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_a_refused_new_person_is_marked_beside_each_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/people/new", w->coordinator, day);
    web_call_form(&call, "name", "");
    web_call_form(&call, "email", "nope");
    web_call_form(&call, "library", "1");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"name-error\"");
    web_call_assert_body_has(&call, "id=\"email-error\"");
    web_call_assert_body_has(&call, "id=\"position-error\"");
    web_call_assert_body_has(&call, "id=\"roles-error\"");
    web_call_assert_body_has(&call, "value=\"nope\"");
    web_call_end(&call);
}

static void test_the_person_page_edits_and_shows_the_record(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/people/%lld", (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_form(&call, "action", "edit");
    web_call_form(&call, "name", "Sam Staffer");
    web_call_form(&call, "email", "staff@example.org");
    web_call_form(&call, "position", "staff");
    web_call_form(&call, "role-learner", "yes");
    web_call_form(&call, "began-learner", "2024-09-01");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->director, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<dd>Learner (since 2024-09-01)</dd>");
    web_call_assert_body_has(&call, "<h2 id=\"keep-edit\">Edit the record</h2>");
    web_call_assert_body_has(&call, "value=\"Sam Staffer\"");
    /* A library administrator neither moves nor merges. */
    assert_null(strstr(web_call_body(&call), "id=\"keep-move\""));
    assert_null(strstr(web_call_body(&call), "id=\"keep-merge\""));
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_form(&call, "action", "edit");
    web_call_form(&call, "email", "director@example.org");
    web_call_form(&call, "role-learner", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"email-error\"");
    web_call_end(&call);
}

static void test_a_merge_asks_for_confirmation_then_merges(void **state)
{
    struct action_world *w = *state;
    char path[96];
    snprintf(path, sizeof path, "/people/%lld/merge?into=%lld", (long long)w->other_learner,
             (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h2>Merged away</h2>");
    web_call_assert_body_has(&call, "Merge them</button>");
    web_call_end(&call);
    snprintf(path, sizeof path, "/people/%lld/merge", (long long)w->other_learner);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    char into[24];
    snprintf(into, sizeof into, "%lld", (long long)w->other_learner);
    web_call_form(&call, "into", into);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "cannot be merged into itself");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    snprintf(into, sizeof into, "%lld", (long long)w->learner);
    web_call_form(&call, "into", into);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_merges"), 1);
}

static void test_the_officers_form_is_on_the_staff_page_and_saves(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/staff", w->director, day);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h2 id=\"officers\">Director and board chair</h2>");
    web_call_assert_body_has(&call, "href=\"/people/new\"");
    web_call_end(&call);
    char path[64];
    snprintf(path, sizeof path, "/libraries/%lld/officers", (long long)w->library);
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_form(&call, "return_to", "/staff");
    web_call_form(&call, "director", "none");
    web_call_form(&call, "board_chair", "none");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    /* The learner is not a staff member yet (no position): refused, named. */
    char learner[24];
    snprintf(learner, sizeof learner, "%lld", (long long)w->learner);
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_form(&call, "director", learner);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"director-error\"");
    web_call_end(&call);
}

static void test_the_api_adds_finds_edits_and_moves_people(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/people", w->coordinator, day);
    web_call_json(&call, "{\"name\": \"Lee Hire\", \"email\": \"lee@example.org\", \"library\": 1,"
                         " \"position\": \"staff\", \"roles\": [\"learner:2025-07-01\"]}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"roles\":[{\"role\":\"learner\",\"began\":\"2025-07-01\"}]");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/people?q=lee&per_page=5", w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"name\":\"Lee Hire\"");
    web_call_assert_body_has(&call, "\"total\":1");
    web_call_end(&call);
    int64_t id = action_world_count(w, "SELECT id FROM people WHERE name = 'Lee Hire'");
    char path[80];
    snprintf(path, sizeof path, "/api/v1/people/%lld", (long long)id);
    web_call_begin(&call, w, "PATCH", path, w->coordinator, day);
    web_call_json(&call, "{\"email\": \"bad\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"email\"");
    web_call_end(&call);
    snprintf(path, sizeof path, "/api/v1/people/%lld/move", (long long)id);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_json(&call, "{\"library\": 2, \"moved_on\": \"2026-02-01\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"moved_on\":\"2026-02-01\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_json(&call, "{\"library\": 1}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

static void test_the_api_sets_officers_and_refuses_a_self_merge(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    char path[80];
    snprintf(path, sizeof path, "/api/v1/libraries/%lld/officers", (long long)w->library);
    web_call_begin(&call, w, "PUT", path, w->coordinator, day);
    web_call_json(&call, "{\"director\": null, \"board_chair\": null}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    snprintf(path, sizeof path, "/api/v1/people/%lld/merge", (long long)w->learner);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    char body[64];
    snprintf(body, sizeof body, "{\"into\": %lld}", (long long)w->learner);
    web_call_json(&call, body);
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"into\"");
    web_call_end(&call);
    snprintf(path, sizeof path, "/api/v1/people/%lld/deactivate", (long long)w->other_learner);
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
}

/* GET path by person_id; asserts the status and that the body has text (NULL: any). */
static void get_has(struct action_world *w, const char *path, int64_t person_id, int status,
                    const char *text)
{
    struct web_call call;
    web_call_begin(&call, w, "GET", path, person_id, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, status);
    if (text != NULL) {
        web_call_assert_body_has(&call, text);
    }
    web_call_end(&call);
}

static void test_the_person_page_sends_an_invitation_and_shows_its_refusals(void **state)
{
    struct action_world *w = *state;
    char path[64], invite[64], location[96];
    snprintf(path, sizeof path, "/people/%lld", (long long)w->learner);
    snprintf(invite, sizeof invite, "/people/%lld/invite", (long long)w->learner);
    get_has(w, path, w->director, 200, "/invite\"><input type=\"hidden\" name=\"csrf_token\"");
    get_has(w, path, w->director, 200, ">Send an invitation</button>");
    struct web_call call;
    web_call_begin(&call, w, "GET", path, w->learner, day);
    web_call_run(&call);
    assert_null(strstr(web_call_body(&call), "Send an invitation"));
    web_call_end(&call);
    /* The library's administrator sends it; the page then says to which address. */
    web_call_begin(&call, w, "POST", invite, w->director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    snprintf(location, sizeof location, "%s?done=invited&person=%lld", path, (long long)w->learner);
    assert_string_equal(call.response.location, location);
    web_call_end(&call);
    get_has(w, location, w->director, 200, "An invitation was sent to staff@example.org.");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'staff@example.org'"),
                     1);
    /* A second one while the first is open: the page again, with the reason. */
    web_call_begin(&call, w, "POST", invite, w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "has an invitation that is still open");
    web_call_assert_body_has(&call, "<dd>staff@example.org</dd>");
    web_call_end(&call);
    /* Another library's administrator may not; without the form's token nothing goes. */
    snprintf(invite, sizeof invite, "/people/%lld/invite", (long long)w->other_learner);
    web_call_begin(&call, w, "POST", invite, w->director, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "POST", invite, w->coordinator, day);
    call.without_csrf = true;
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 1);
}

static void test_a_deactivated_person_is_not_invited_and_the_page_says_why(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/people/%lld", (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_form(&call, "action", "deactivate");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", path, w->coordinator, day);
    web_call_run(&call);
    assert_null(strstr(web_call_body(&call), "Send an invitation"));
    web_call_end(&call);
    snprintf(path, sizeof path, "/people/%lld/invite", (long long)w->learner);
    web_call_begin(&call, w, "POST", path, w->coordinator, day);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "is deactivated: reactivate them before inviting them.");
    web_call_end(&call);
}

static void test_adding_a_person_invites_them_when_the_box_is_ticked(void **state)
{
    struct action_world *w = *state;
    get_has(w, "/people/new", w->director, 200,
            "name=\"invite\" type=\"checkbox\" value=\"yes\" checked><label"
            " class=\"usa-checkbox__label\" for=\"invite\">Send an invitation</label>");
    struct web_call call;
    web_call_begin(&call, w, "POST", "/people/new", w->director, day);
    web_call_form(&call, "name", "Ivy Invited");
    web_call_form(&call, "email", "ivy@example.org");
    web_call_form(&call, "position", "staff");
    web_call_form(&call, "role-learner", "yes");
    web_call_form(&call, "invite", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_non_null(strstr(call.response.location, "?done=person-added-invited&person="));
    char location[sizeof call.response.location];
    snprintf(location, sizeof location, "%s", call.response.location);
    web_call_end(&call);
    get_has(w, location, w->director, 200,
            "The person is added. An invitation was sent to ivy@example.org.");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'ivy@example.org'"),
                     1);
    /* Unticked (absent from the form), the person is added and no mail goes. */
    web_call_begin(&call, w, "POST", "/people/new", w->director, day);
    web_call_form(&call, "name", "Uma Uninvited");
    web_call_form(&call, "email", "uma@example.org");
    web_call_form(&call, "position", "staff");
    web_call_form(&call, "role-learner", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_non_null(strstr(call.response.location, "?done=person-added"));
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 1);
    /* A refusal keeps the box as it was typed, and adds no one. */
    web_call_begin(&call, w, "POST", "/people/new", w->director, day);
    web_call_form(&call, "name", "Ivy Again");
    web_call_form(&call, "email", "IVY@example.org");
    web_call_form(&call, "position", "staff");
    web_call_form(&call, "role-learner", "yes");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "type=\"checkbox\" value=\"yes\"><label"
                                    " class=\"usa-checkbox__label\" for=\"invite\">");
    web_call_end(&call);
}

static void test_the_api_invitation_is_the_library_administrators_too(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/people/%lld/invitation", (long long)w->learner);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->director, day);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"message_id\"");
    /* The link is the coordinator's alone to see. */
    assert_null(strstr(web_call_body(&call), "\"link\""));
    web_call_end(&call);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_the_search_box_is_on_the_coordinators_and_consultants_pages_only),
        T(test_a_search_finds_by_name_without_case_or_accents),
        T(test_a_refused_new_person_is_marked_beside_each_field),
        T(test_the_person_page_edits_and_shows_the_record),
        T(test_a_merge_asks_for_confirmation_then_merges),
        T(test_the_officers_form_is_on_the_staff_page_and_saves),
        T(test_the_api_adds_finds_edits_and_moves_people),
        T(test_the_api_sets_officers_and_refuses_a_self_merge),
        T(test_the_person_page_sends_an_invitation_and_shows_its_refusals),
        T(test_a_deactivated_person_is_not_invited_and_the_page_says_why),
        T(test_adding_a_person_invites_them_when_the_box_is_ticked),
        T(test_the_api_invitation_is_the_library_administrators_too),
    };
#undef T
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
