/* The learner's and the supervisor's pages and endpoints, called as the server calls
 * them, without a server: the claim form, the claims to verify, the plan, the plans to
 * sign, the final report, the award request and their JSON API. */
#include "helpers.h"

#include <string.h>

#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    return action_world_setup_enrolled(state, "pages-learning");
}

static const char *const today = "2026-03-02";

static void assert_redirect(const struct web_call *call, const char *location)
{
    assert_int_equal(call->response.status, 303);
    assert_string_equal(call->response.location, location);
}

static void assert_absent(const struct web_call *call, const char *text)
{
    if (strstr(web_call_body(call), text) != NULL) {
        fail_msg("the body of %s %s has \"%s\"", call->request.method, call->request.path, text);
    }
}

/* ---- the claim form ---- */

static void test_the_claim_form_offers_the_programs_categories_and_the_catalog(void **state)
{
    struct action_world *w = *state;
    int64_t event = action_world_event(w, "Storytime basics", "2026-02-20", 3, "public-services");
    struct web_call call;
    web_call_begin(&call, w, "GET", "/activities/new", w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Claim an activity</h1>");
    web_call_assert_body_has(&call, "<option value=\"technology\">Technology</option>");
    web_call_assert_body_has(&call, "<option value=\"collection-management\">Collection Management"
                                    " and Technical Services</option>");
    char option[128];
    snprintf(option, sizeof option,
             "<option value=\"%lld\">2026-02-20: Storytime basics (workshop, 1.5 credits)</option>",
             (long long)event);
    web_call_assert_body_has(&call, option);
    web_call_assert_body_has(&call, "<option value=\"\">Not in the catalog</option>");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"csrf_token\"");
    web_call_end(&call);
}

static void test_a_refused_claim_marks_every_field_at_fault_and_keeps_the_typing(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/activities/new", w->learner, today);
    web_call_form(&call, "kind", "course");
    web_call_form(&call, "title", "Grant <b>writing</b>");
    web_call_form(&call, "date", "soon");
    web_call_form(&call, "category", "technology");
    web_call_form(&call, "credits", "1.25");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The claim was not saved: fix the fields marked below.");
    web_call_assert_body_has(&call, "href=\"#date\">Date: Enter the date as YYYY-MM-DD.");
    web_call_assert_body_has(&call, "<span class=\"usa-error-message\" id=\"error-message\""
                                    " role=\"alert\">Enter the date as YYYY-MM-DD.</span>");
    web_call_assert_body_has(&call,
                             "<span class=\"usa-error-message\" id=\"credits-error\""
                             " role=\"alert\">Enter a multiple of 0.5, like 1 or 2.5.</span>");
    web_call_assert_body_has(&call, "aria-describedby=\"credits-error credits-hint\""
                                    " aria-invalid=\"true\" type=\"text\" value=\"1.25\"");
    web_call_assert_body_has(&call, "value=\"Grant &lt;b&gt;writing&lt;/b&gt;\"");
    web_call_assert_body_has(&call,
                             "<option value=\"course\" selected=\"selected\">course</option>");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    web_call_end(&call);
}

static void test_a_claim_is_recorded_and_confirmed(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/activities/new", w->learner, today);
    web_call_form(&call, "kind", "course");
    web_call_form(&call, "title", "Grant writing");
    web_call_form(&call, "date", "2026-03-01");
    web_call_form(&call, "category", "technology");
    web_call_form(&call, "credits", "2.5");
    web_call_run(&call);
    assert_redirect(&call, "/?done=claimed");
    assert_int_equal(action_world_count(w, "SELECT credit_halves FROM activities"
                                           " WHERE status = 'pending'"),
                     5);
    web_call_end(&call);
}

/* ---- the claims to verify ---- */

static void test_the_verifier_sees_the_queue_and_a_rejection_needs_a_reason(void **state)
{
    struct action_world *w = *state;
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    struct web_call call;
    web_call_begin(&call, w, "GET", "/verify", w->director, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    char label[160];
    snprintf(label, sizeof label,
             "for=\"activity-%lld\">Select Weeding, claimed by Sam Staff, dated 2026-02-01</label>",
             (long long)id);
    web_call_assert_body_has(&call, label);
    web_call_assert_body_has(&call, "<td>2 credits</td>");
    web_call_end(&call);

    char value[24];
    snprintf(value, sizeof value, "%lld", (long long)id);
    web_call_begin(&call, w, "POST", "/verify", w->director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "reject");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Nothing was changed: see the reason.");
    web_call_assert_body_has(&call, "id=\"reason-error\" role=\"alert\">Say why");
    char checked[64];
    snprintf(checked, sizeof checked, "id=\"activity-%lld\" checked", (long long)id);
    web_call_assert_body_has(&call, checked);
    web_call_end(&call);

    /* Verifying asks first: the confirmation page says what will happen, and only its
     * button (confirm=yes) verifies. */
    web_call_begin(&call, w, "POST", "/verify", w->director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "verify");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Verify these claims?</h1>");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">");
    web_call_assert_body_has(&call, ">Verify 1 claim</button>");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/verify", w->director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "verify");
    web_call_form(&call, "confirm", "yes");
    web_call_run(&call);
    assert_redirect(&call, "/verify?done=verified&count=1");
    web_call_end(&call);
}

static void test_verify_comes_before_reject_and_a_rejection_is_confirmed(void **state)
{
    struct action_world *w = *state;
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    struct web_call call;
    web_call_begin(&call, w, "GET", "/verify", w->director, today);
    web_call_run(&call);
    const char *body = web_call_body(&call);
    const char *verify = strstr(body, ">Verify selected</button>");
    const char *reject = strstr(body, ">Reject selected</button>");
    assert_non_null(verify);
    assert_non_null(reject);
    assert_true(verify < reject);
    web_call_end(&call);

    char value[24];
    snprintf(value, sizeof value, "%lld", (long long)id);
    web_call_begin(&call, w, "POST", "/verify", w->director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "reject");
    web_call_form(&call, "reason", "No certificate of attendance");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Reject these claims?</h1>");
    web_call_assert_body_has(&call, "Your reason: No certificate of attendance");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/verify", w->director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "reject");
    web_call_form(&call, "reason", "No certificate of attendance");
    web_call_form(&call, "confirm", "yes");
    web_call_run(&call);
    assert_redirect(&call, "/verify?done=rejected&count=1");
    web_call_end(&call);

    /* The learner reads the verifier's reason on their progress page. */
    web_call_begin(&call, w, "GET", "/", w->learner, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "The claim was rejected. <span class=\"claim-reason\">Reason"
                                    " given: No certificate of attendance</span>");
    web_call_end(&call);
}

/* A claim dated before the track started is outside the track's record: the progress
 * page still lists it, a rejected one with the verifier's reason, a pending one with its
 * withdraw button; a corrected one and the track's own claims are not listed there. */
static void test_claims_before_the_track_are_shown_with_their_reason(void **state)
{
    struct action_world *w = *state;
    int64_t rejected = action_world_activity(w, w->learner, "Early course", "2025-11-01", 4,
                                             "technology", "pending");
    action_world_activity(w, w->learner, "Early webinar", "2025-12-01", 2, "technology", "pending");
    action_world_activity(w, w->learner, "Corrected one", "2025-10-01", 2, "technology", "pending");
    action_world_activity(w, w->learner, "In the track", "2026-01-01", 2, "technology", "pending");
    char sql[200];
    snprintf(sql, sizeof sql,
             "UPDATE activities SET status = 'rejected', status_reason = 'Taken before your track'"
             " WHERE id = %lld",
             (long long)rejected);
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, sql, &err), &err);
    test_ok(
        db_exec(w->store.db,
                "UPDATE activities SET status = 'rejected', replaced_at = '2026-01-05T00:00:00Z'"
                " WHERE title = 'Corrected one'",
                &err),
        &err);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/", w->learner, today);
    web_call_run(&call);
    const char *body = web_call_body(&call);
    const char *part = strstr(body, "<h2 id=\"claims-before-track\">");
    assert_non_null(part);
    assert_non_null(strstr(part, "<td data-label=\"Activity\">Early course</td>"));
    assert_non_null(strstr(part, "It took place before this track started. <span"
                                 " class=\"claim-reason\">Reason given: Taken before your"
                                 " track</span>"));
    assert_non_null(strstr(part, "<td data-label=\"Activity\">Early webinar</td>"));
    assert_non_null(strstr(part, "Withdraw<span class=\"usa-sr-only\"> the claim Early webinar"));
    assert_null(strstr(part, "Corrected one"));
    assert_null(strstr(part, "In the track"));
    web_call_end(&call);
    /* A learner with no such claim sees no such part. */
    web_call_begin(&call, w, "GET", "/", w->other_learner, today);
    web_call_run(&call);
    assert_null(strstr(web_call_body(&call), "claims-before-track"));
    web_call_end(&call);
}

/* ---- a claim the engine will not count ---- */

static void post_warned_claim(struct web_call *call, struct action_world *w, const char *step)
{
    web_call_begin(call, w, "POST", "/activities/new", w->learner, today);
    web_call_form(call, "kind", "course");
    web_call_form(call, "title", "Old course");
    web_call_form(call, "date", "2025-12-01");
    web_call_form(call, "category", "technology");
    web_call_form(call, "credits", "2");
    if (step != NULL) {
        web_call_form(call, "step", step);
    }
    web_call_run(call);
}

static void test_a_claim_that_will_not_count_is_confirmed_with_the_engines_reason(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    post_warned_claim(&call, w, NULL);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Send a claim that will not count?</h1>");
    web_call_assert_body_has(&call, "<li>MSL Certification for Library Staff: It took place"
                                    " before this track started.</li>");
    web_call_assert_body_has(&call, "<input type=\"hidden\" name=\"date\" value=\"2025-12-01\">");
    assert_absent(&call, "counts once");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    web_call_end(&call);

    post_warned_claim(&call, w, "change");
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>Claim an activity</h1>");
    web_call_assert_body_has(&call, "value=\"Old course\"");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    web_call_end(&call);

    post_warned_claim(&call, w, "send");
    assert_redirect(&call, "/?done=claimed-warned");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
    web_call_end(&call);

    /* The verifier sees the same reason beside the claim. */
    web_call_begin(&call, w, "GET", "/verify", w->director, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Old course</a><div class=\"claim-warning\"><strong>Will not"
                                    " count, even if verified.</strong><ul class=\"usa-list\">"
                                    "<li>MSL Certification for Library Staff: It took place"
                                    " before this track started.</li>");
    web_call_end(&call);
}

static void test_a_learner_withdraws_a_pending_claim_from_the_dashboard(void **state)
{
    struct action_world *w = *state;
    int64_t pending =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    int64_t verified =
        action_world_activity(w, w->learner, "Mending", "2026-02-02", 2, "technology", "verified");
    struct web_call call;
    web_call_begin(&call, w, "GET", "/", w->learner, today);
    web_call_run(&call);
    char action[64];
    snprintf(action, sizeof action, "action=\"/activities/%lld/withdraw\"", (long long)pending);
    web_call_assert_body_has(&call, action);
    snprintf(action, sizeof action, "action=\"/activities/%lld/withdraw\"", (long long)verified);
    assert_absent(&call, action);
    web_call_end(&call);

    char path[64];
    snprintf(path, sizeof path, "/activities/%lld/withdraw", (long long)verified);
    web_call_begin(&call, w, "POST", path, w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_end(&call);

    snprintf(path, sizeof path, "/activities/%lld/withdraw", (long long)pending);
    /* Another person's claim is not found. */
    web_call_begin(&call, w, "POST", path, w->director, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);

    web_call_begin(&call, w, "POST", path, w->learner, today);
    web_call_run(&call);
    assert_redirect(&call, "/?done=claim-withdrawn");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     0);
    web_call_begin(&call, w, "GET", "/verify", w->director, today);
    web_call_run(&call);
    assert_absent(&call, "Weeding");
    web_call_end(&call);
}

static void test_a_claim_of_someone_the_supervisor_does_not_verify_is_refused(void **state)
{
    struct action_world *w = *state;
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    char value[24];
    snprintf(value, sizeof value, "%lld", (long long)id);
    struct web_call call;
    web_call_begin(&call, w, "POST", "/verify", w->other_director, today);
    web_call_form(&call, "activity", value);
    web_call_form(&call, "action", "verify");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "You do not verify one of the selected claims.");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"
                                           " WHERE status = 'pending'"),
                     1);
    web_call_end(&call);
}

/* ---- the plan ---- */

static void post_plan(struct action_world *w, const char *action, const char *name,
                      const char *value, unsigned expected)
{
    struct web_call call;
    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", action);
    if (name != NULL) {
        web_call_form(&call, name, value);
    }
    web_call_run(&call);
    assert_int_equal(call.response.status, expected);
    web_call_end(&call);
}

static void test_the_learner_writes_a_plan_and_an_empty_goal_is_marked(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/plan", w->learner, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<h1>Professional Development Plan</h1>");
    web_call_assert_body_has(&call, "You have no plan yet.");
    web_call_assert_body_has(&call, ">Start your plan</button>");
    web_call_end(&call);
    post_plan(w, "new-version", NULL, NULL, 303);

    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "add-goal");
    web_call_form(&call, "skill_gaps", "Typed before the goal");
    web_call_form(&call, "goal", "");
    web_call_form(&call, "outcomes", "Two sites");
    web_call_run(&call);
    web_call_assert_body_has(&call, "\nTyped before the goal</textarea>");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Nothing was saved: fix the fields marked below.");
    web_call_assert_body_has(&call, "href=\"#library_goal\">A new goal: the library goal");
    web_call_assert_body_has(&call, "href=\"#goal\">A new goal: your goal: Write your goal");
    web_call_assert_body_has(&call, "id=\"goal-error\" role=\"alert\">Write your goal");
    web_call_assert_body_has(&call, "value=\"Two sites\"");
    web_call_assert_body_has(&call, "<option value=\"training\">Training</option>");
    web_call_end(&call);

    char goal[24];
    snprintf(goal, sizeof goal, "%lld", (long long)w->library_goal);
    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "add-goal");
    web_call_form(&call, "library_goal", goal);
    web_call_form(&call, "skill_gaps", "Typed before the goal");
    web_call_form(&call, "goal", "Storytime");
    web_call_run(&call);
    assert_redirect(&call, "/plan?done=goal-added");
    web_call_end(&call);

    web_call_begin(&call, w, "GET", "/plan", w->learner, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "\nTyped before the goal</textarea>");
    web_call_assert_body_has(&call, "name=\"goals[1].goal\"");
    web_call_assert_body_has(&call, "value=\"Storytime\"");
    web_call_assert_body_has(&call, "\" selected=\"selected\">Storytime</option>");
    web_call_end(&call);
}

static void test_the_supervisor_returns_a_plan_only_with_a_comment(void **state)
{
    struct action_world *w = *state;
    post_plan(w, "new-version", NULL, NULL, 303);
    char goal[24];
    snprintf(goal, sizeof goal, "%lld", (long long)w->library_goal);
    struct web_call call;
    web_call_begin(&call, w, "POST", "/plan", w->learner, today);
    web_call_form(&call, "action", "add-goal");
    web_call_form(&call, "library_goal", goal);
    web_call_form(&call, "goal", "Storytime");
    web_call_run(&call);
    web_call_end(&call);
    post_plan(w, "submit", NULL, NULL, 303);
    int64_t version = action_world_count(w, "SELECT id FROM plan_versions");
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)version);

    web_call_begin(&call, w, "GET", "/plans", w->director, today);
    web_call_run(&call);
    web_call_assert_body_has(&call, "Sam Staff, version 1</h2>");
    web_call_assert_body_has(&call, "<strong>Storytime</strong>");
    web_call_assert_body_has(&call, "<dd>G1 Literacy</dd>");
    assert_absent(&call, "type=\"hidden\" name=\"action\"");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/plans", w->director, today);
    web_call_form(&call, "version", id);
    web_call_form(&call, "action", "return");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    char error[64];
    snprintf(error, sizeof error, "id=\"comment-%s-error\" role=\"alert\">Say what to change", id);
    web_call_assert_body_has(&call, error);
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/plans", w->other_director, today);
    web_call_form(&call, "version", id);
    web_call_form(&call, "action", "sign");
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_assert_body_has(&call, "You do not sign this person&#39;s plan.");
    web_call_end(&call);

    /* Signing asks first, saying what will happen; nothing is signed until confirmed. */
    web_call_begin(&call, w, "POST", "/plans", w->director, today);
    web_call_form(&call, "version", id);
    web_call_form(&call, "action", "sign");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "value=\"sign-confirmed\">Yes, sign for the library");
    web_call_assert_body_has(&call, "has not signed it yet");
    web_call_assert_body_has(&call, "<strong>Storytime</strong>");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM plan_versions"
                                           " WHERE organization_approved IS NOT NULL"),
                     0);
    web_call_begin(&call, w, "POST", "/plans", w->director, today);
    web_call_form(&call, "version", id);
    web_call_form(&call, "action", "sign-confirmed");
    web_call_run(&call);
    assert_redirect(&call, "/plans?done=plan-signed-library");
    web_call_end(&call);
}

/* ---- the final report and the award ---- */

static void test_an_empty_report_is_marked_and_an_incomplete_track_refused(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/report", w->learner, today);
    web_call_form(&call, "action", "save");
    web_call_form(&call, "text", "");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "Nothing was saved: fix the field marked below.");
    web_call_assert_body_has(&call, "id=\"text-error\" role=\"alert\">Write your reflection");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/report", w->learner, today);
    web_call_form(&call, "action", "submit");
    web_call_form(&call, "text", "What I learned");
    web_call_run(&call);
    assert_redirect(&call, "/report?done=report-submitted");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/track", w->learner, today);
    web_call_form(&call, "action", "submit");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "<h1>Not ready for the award</h1>");
    web_call_assert_body_has(&call, "Your track is not complete yet:");
    web_call_end(&call);
}

/* ---- the JSON API ---- */

static void test_the_api_claims_and_names_every_bad_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/me/activities", w->learner, today);
    web_call_json(&call, "{\"kind\":\"course\",\"title\":\"Grant\",\"date\":\"2026-03-01\","
                         "\"category\":\"technology\",\"credits\":2.5}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"credits\":2.5");
    web_call_assert_body_has(&call, "\"status\":\"pending\"");
    web_call_assert_body_has(&call, "\"event\":null");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/api/v1/me/activities", w->learner, today);
    web_call_json(&call, "{\"kind\":\"course\",\"date\":\"2026-07-01\",\"credits\":1.25}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"date\"");
    web_call_assert_body_has(&call, "{\"field\":\"credits\",\"message\":\"Enter a multiple");
    web_call_end(&call);
}

static void test_the_api_verifies_only_the_supervisors_claims(void **state)
{
    struct action_world *w = *state;
    int64_t id =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 4, "technology", "pending");
    char body[128];
    snprintf(body, sizeof body, "{\"action\":\"verify\",\"activities\":[%lld]}", (long long)id);
    struct web_call call;
    web_call_begin(&call, w, "GET", "/api/v1/verifications", w->director, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"name\":\"Sam Staff\"");
    web_call_assert_body_has(&call, "\"total\":1");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/api/v1/verifications", w->other_director, today);
    web_call_json(&call, body);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_assert_body_has(&call, "\"field\":\"activities\"");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/api/v1/verifications", w->director, today);
    web_call_json(&call, body);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"decided\":1");
    web_call_end(&call);
}

static void test_the_api_plan_and_report(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/api/v1/me/plan/submit", w->learner, today);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 409);
    web_call_assert_body_has(&call, "\"code\":\"no-plan\"");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/api/v1/me/plan/versions", w->learner, today);
    web_call_json(&call, "{}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"state\":\"draft\"");
    web_call_end(&call);

    web_call_begin(&call, w, "GET", "/api/v1/me/plan", w->learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"library_goals\":[{\"id\":");
    web_call_assert_body_has(&call, "\"goals\":[],\"items\":[]");
    web_call_end(&call);

    web_call_begin(&call, w, "POST", "/api/v1/me/report", w->learner, today);
    web_call_json(&call, "{\"text\":\"A draft\"}");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"state\":\"draft\"");
    web_call_assert_body_has(&call, "\"text\":\"A draft\"");
    web_call_end(&call);

    web_call_begin(&call, w, "GET", "/api/v1/me/report", w->other_learner, today);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_assert_body_has(&call, "\"code\":\"no-track\"");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_the_claim_form_offers_the_programs_categories_and_the_catalog, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_a_refused_claim_marks_every_field_at_fault_and_keeps_the_typing, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_is_recorded_and_confirmed, setup,
                                        action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_verify_comes_before_reject_and_a_rejection_is_confirmed, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_a_claim_that_will_not_count_is_confirmed_with_the_engines_reason, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(test_a_learner_withdraws_a_pending_claim_from_the_dashboard,
                                        setup, action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_the_verifier_sees_the_queue_and_a_rejection_needs_a_reason, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_a_claim_of_someone_the_supervisor_does_not_verify_is_refused, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(test_the_learner_writes_a_plan_and_an_empty_goal_is_marked,
                                        setup, action_world_teardown),
        cmocka_unit_test_setup_teardown(test_the_supervisor_returns_a_plan_only_with_a_comment,
                                        setup, action_world_teardown),
        cmocka_unit_test_setup_teardown(
            test_an_empty_report_is_marked_and_an_incomplete_track_refused, setup,
            action_world_teardown),
        cmocka_unit_test_setup_teardown(test_the_api_claims_and_names_every_bad_field, setup,
                                        action_world_teardown),
        cmocka_unit_test_setup_teardown(test_the_api_verifies_only_the_supervisors_claims, setup,
                                        action_world_teardown),
        cmocka_unit_test_setup_teardown(test_the_api_plan_and_report, setup, action_world_teardown),
        cmocka_unit_test_setup_teardown(test_claims_before_the_track_are_shown_with_their_reason,
                                        setup, action_world_teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
