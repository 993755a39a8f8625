/* The verifier's queue and the event catalog, called as the server calls them: a search
 * (LIKE's own characters taken as themselves), a kind filter, sorting by each column
 * with aria-sort, names linking to the person, kinds in words, and an empty list that
 * says why it is empty. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-lists");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const today = "2026-03-02";

/* Whether first comes before second in the body (both must be there). */
static bool before(const struct web_call *call, const char *first, const char *second)
{
    const char *a = strstr(web_call_body(call), first);
    const char *b = strstr(web_call_body(call), second);
    assert_non_null(a);
    assert_non_null(b);
    return a < b;
}

static void get(struct web_call *call, struct action_world *w, int64_t person, const char *path)
{
    web_call_begin(call, w, "GET", path, person, today);
    web_call_run(call);
    assert_int_equal(call->response.status, 200);
}

static void test_the_queue_finds_claims_by_title_with_like_characters_as_themselves(void **state)
{
    struct action_world *w = *state;
    action_world_activity(w, w->learner, "Weeding 100%", "2026-02-01", 4, "technology", "pending");
    action_world_activity(w, w->learner, "Weeding 100 basics", "2026-02-02", 2, "technology",
                          "pending");
    struct web_call call;
    /* The test's request reads its query as it is written: no %-decoding. */
    get(&call, w, w->director, "/verify?q=100%");
    web_call_assert_body_has(&call,
                             "role=\"search\" action=\"/verify\" aria-label=\"Find claims\"");
    web_call_assert_body_has(&call, "value=\"100%\"");
    web_call_assert_body_has(&call, ">Weeding 100%</a>");
    assert_null(strstr(web_call_body(&call), ">Weeding 100 basics</a>"));
    web_call_assert_body_has(&call, "q=100%25");
    /* The search form is not inside the decision's form. */
    assert_true(before(&call, "aria-label=\"Find claims\"", "method=\"post\" action=\"/verify\""));
    web_call_end(&call);
    get(&call, w, w->director, "/verify?q=eed_ng");
    web_call_assert_body_has(&call, "No waiting claim matches the search");
    web_call_end(&call);
}

static void test_the_queue_sorts_by_what_is_claimed_and_shows_words(void **state)
{
    struct action_world *w = *state;
    action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    action_world_activity(w, w->learner, "Genealogy", "2026-02-03", 2, "technology", "pending");
    struct web_call call;
    get(&call, w, w->director, "/verify?sort=claimed&dir=desc&q=e&kind=workshop");
    assert_true(before(&call, ">Weeding</a>", ">Genealogy</a>"));
    web_call_assert_body_has(&call, "aria-sort=\"descending\"");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"sort\" value=\"claimed\">");
    web_call_assert_body_has(&call,
                             "<option value=\"workshop\" selected=\"selected\">Workshop</option>");
    web_call_assert_body_has(&call, "<td>Workshop</td>");
    char link[64];
    snprintf(link, sizeof link, "href=\"/people/%lld\">Sam Staff</a>", (long long)w->learner);
    web_call_assert_body_has(&call, link);
    /* The sorting links keep the search and the kind. */
    web_call_assert_body_has(&call, "q=e&amp;kind=workshop");
    web_call_end(&call);
    get(&call, w, w->director, "/verify?sort=claimed&dir=asc");
    assert_true(before(&call, ">Genealogy</a>", ">Weeding</a>"));
    web_call_assert_body_has(&call, "aria-sort=\"ascending\"");
    web_call_end(&call);
    get(&call, w, w->director, "/verify?kind=webinar");
    web_call_assert_body_has(&call, "No waiting claim matches the search");
    web_call_end(&call);
    get(&call, w, w->other_director, "/verify");
    web_call_assert_body_has(&call, "Nothing is waiting for you: no one you verify");
    web_call_end(&call);
}

static void test_the_catalog_finds_and_sorts_events(void **state)
{
    struct action_world *w = *state;
    action_world_event(w, "Weeding_1", "2026-04-01", 2, "technology");
    action_world_event(w, "Weeding 1x", "2026-05-01", 4, "technology");
    struct web_call call;
    get(&call, w, w->learner, "/catalog?q=G_1");
    web_call_assert_body_has(&call, "aria-label=\"Find events\"");
    web_call_assert_body_has(&call, "<td>Weeding_1</td>");
    assert_null(strstr(web_call_body(&call), "Weeding 1x"));
    web_call_assert_body_has(&call, "<td>Workshop</td>");
    web_call_end(&call);
    get(&call, w, w->learner, "/catalog?sort=credits&dir=desc&q=weeding");
    assert_true(before(&call, "<td>Weeding 1x</td>", "<td>Weeding_1</td>"));
    web_call_assert_body_has(&call, "aria-sort=\"descending\"");
    web_call_assert_body_has(&call, "q=weeding");
    web_call_end(&call);
    get(&call, w, w->learner, "/catalog?sort=credits&dir=asc");
    assert_true(before(&call, "<td>Weeding_1</td>", "<td>Weeding 1x</td>"));
    web_call_end(&call);
    get(&call, w, w->learner, "/catalog?sort=registered&dir=asc");
    web_call_assert_body_has(&call, "aria-sort=\"ascending\"");
    web_call_end(&call);
    get(&call, w, w->learner, "/catalog?kind=webinar");
    web_call_assert_body_has(&call, "No event matches the search");
    assert_null(strstr(web_call_body(&call), "<table"));
    web_call_end(&call);
}

static void test_an_empty_catalog_says_so(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    get(&call, w, w->learner, "/catalog");
    web_call_assert_body_has(&call, "The catalog holds no event yet");
    web_call_end(&call);
}

/* A form refused for two fields: the summary above it links to both, and both are
 * marked at once, keeping what was typed. */
static void test_a_form_refused_for_two_fields_marks_both_at_once(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/catalog/new", w->coordinator, today);
    web_call_form(&call, "title", "");
    web_call_form(&call, "kind", "workshop");
    web_call_form(&call, "starts", "2026-04-01");
    web_call_form(&call, "sponsor", "MSL");
    web_call_form(&call, "credits", "zwei");
    web_call_form(&call, "category", "technology");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"error-summary\" role=\"alert\"");
    web_call_assert_body_has(&call, "The event was not added: fix the fields marked below.");
    web_call_assert_body_has(&call, "href=\"#title\">Title: ");
    web_call_assert_body_has(&call, "href=\"#credits\">Credits: ");
    assert_true(before(&call, "href=\"#title\"", "href=\"#credits\""));
    web_call_assert_body_has(&call, "id=\"title-error\"");
    web_call_assert_body_has(&call, "id=\"credits-error\"");
    web_call_assert_body_has(&call, "aria-describedby=\"title-hint title-error\" aria-invalid");
    web_call_assert_body_has(&call, "aria-describedby=\"credits-hint credits-error\" aria-invalid");
    web_call_assert_body_has(&call, "value=\"zwei\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/libraries/new", w->coordinator, today);
    web_call_form(&call, "name", "");
    web_call_form(&call, "city", "Helena");
    web_call_form(&call, "kind", "bookmobile");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The library was not added: fix the fields marked below.");
    web_call_assert_body_has(&call, "href=\"#name\">Name: ");
    web_call_assert_body_has(&call, "href=\"#kind\">Kind: ");
    web_call_assert_body_has(&call, "value=\"Helena\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/people/new", w->coordinator, today);
    web_call_form(&call, "name", "");
    web_call_form(&call, "email", "not an address");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The person was not added: fix the fields marked below.");
    web_call_assert_body_has(&call, "href=\"#name\">Name: ");
    web_call_assert_body_has(&call, "href=\"#email\">E-mail address: ");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_the_queue_finds_claims_by_title_with_like_characters_as_themselves),
        T(test_the_queue_sorts_by_what_is_claimed_and_shows_words),
        T(test_the_catalog_finds_and_sorts_events),
        T(test_an_empty_catalog_says_so),
        T(test_a_form_refused_for_two_fields_marks_both_at_once),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
