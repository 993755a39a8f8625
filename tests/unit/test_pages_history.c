/* The history pages, called as the server calls them: the audit trail of a person and
 * of a library in words (who, when, what, each field from what to what), for the CE
 * coordinator and the library's consultant only; and the words themselves. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "actions/award.h"
#include "actions/claims.h"
#include "actions/notice_settings.h"
#include "store/store_activities.h"
#include "store/store_certificate_versions.h"
#include "web/pages/history_words.h"
#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("pages-history");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char *const day = "2026-03-03";

/* The learner claims a course, and the director (their verifier) rejects it. */
static void claim_and_reject(struct action_world *w)
{
    static const struct claim_submit_input course = {
        .kind = "course",
        .title = "Grant writing",
        .date = "2026-03-01",
        .category = "technology",
        .credits = "2.5",
    };
    struct actor learner = action_world_actor(w, w->learner, day);
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_claim_submit(&w->store, &learner, &course, &result, &outcome),
                       &outcome);
    struct actor director = action_world_actor(w, w->director, day);
    struct claims_decide_input input = {.action = "reject", .reason = "No certificate shown"};
    input.activity_ids.ids[input.activity_ids.count++] = result.activity_id;
    struct claims_decide_result decided;
    action_outcome_init(&outcome);
    action_assert_done(action_claims_decide(&w->store, &director, &input, &decided, &outcome),
                       &outcome);
}

static void get(struct web_call *call, struct action_world *w, const char *path, int64_t person)
{
    web_call_begin(call, w, "GET", path, person, day);
    web_call_run(call);
}

static void test_the_coordinator_reads_who_changed_what_in_a_persons_history(void **state)
{
    struct action_world *w = *state;
    claim_and_reject(w);
    char path[64];
    snprintf(path, sizeof path, "/people/%lld/history", (long long)w->learner);
    struct web_call call;
    get(&call, w, path, w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "History of ");
    /* Newest first: the rejection by the director, with the field that changed. */
    const char *body = web_call_body(&call);
    const char *rejected = strstr(body, "Activity 1 rejected");
    const char *added = strstr(body, "Activity 1 added");
    assert_non_null(rejected);
    assert_non_null(added);
    assert_true(rejected < added);
    web_call_assert_body_has(&call, "status: pending<span aria-hidden=\"true\"> \xE2\x86\x92 "
                                    "</span><span class=\"usa-sr-only\"> changed to </span>"
                                    "rejected");
    web_call_assert_body_has(&call, "reason: No certificate shown");
    web_call_assert_body_has(&call, "title: Grant writing");
    web_call_assert_body_has(&call, "credits: 2.5");
    char director[96];
    snprintf(director, sizeof director, "href=\"/people/%lld\">", (long long)w->director);
    web_call_assert_body_has(&call, director);
    /* Internal columns are not shown. */
    assert_null(strstr(body, "record key"));
    assert_null(strstr(body, "email key"));
    web_call_end(&call);
}

static void test_only_the_coordinator_and_the_librarys_consultant_read_it(void **state)
{
    struct action_world *w = *state;
    char path[64], library_path[64];
    snprintf(path, sizeof path, "/people/%lld/history", (long long)w->learner);
    snprintf(library_path, sizeof library_path, "/libraries/%lld/history", (long long)w->library);
    struct web_call call;
    get(&call, w, path, w->learner);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    get(&call, w, path, w->director);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    get(&call, w, path, w->consultant);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    get(&call, w, library_path, w->consultant);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store,
                       "INSERT INTO library_consultants (library_id, person_id) VALUES (?, ?)",
                       NULL, &err, DB_INT(w->library), DB_INT(w->consultant)),
            &err);
    get(&call, w, path, w->consultant);
    assert_int_equal(call.response.status, 200);
    web_call_end(&call);
    get(&call, w, library_path, w->consultant);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "Library 1 added");
    web_call_assert_body_has(&call, "Person ");
    web_call_end(&call);
    get(&call, w, "/people/999/history", w->coordinator);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
    get(&call, w, "/libraries/999/history", w->coordinator);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
}

/* A row id used again after a delete: the earlier row's entries stay with no one. */
static void test_an_id_used_again_does_not_show_the_earlier_rows_entries(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    struct notice_settings_input off = {"gathered", "reminder-expiry"};
    struct notice_settings_input on = {"gathered", ""};
    struct actor learner = action_world_actor(w, w->learner, day);
    struct actor other = action_world_actor(w, w->other_learner, day);
    action_outcome_init(&outcome);
    action_assert_done(action_notice_settings_set(&w->store, &learner, &off, &outcome), &outcome);
    action_outcome_init(&outcome);
    action_assert_done(action_notice_settings_set(&w->store, &learner, &on, &outcome), &outcome);
    action_outcome_init(&outcome);
    action_assert_done(action_notice_settings_set(&w->store, &other, &off, &outcome), &outcome);
    /* SQLite gave the other learner's opt-out the id the first one had. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(DISTINCT entity_id) FROM audit_log"
                                           " WHERE entity = 'notice_opt_outs'"),
                     1);
    char path[64];
    snprintf(path, sizeof path, "/people/%lld/history", (long long)w->other_learner);
    struct web_call call;
    get(&call, w, path, w->coordinator);
    const char *body = web_call_body(&call);
    assert_non_null(strstr(body, "Notice turned off 1 turned off"));
    assert_null(strstr(body, "turned on again"));
    web_call_end(&call);
    snprintf(path, sizeof path, "/people/%lld/history", (long long)w->learner);
    get(&call, w, path, w->coordinator);
    assert_null(strstr(web_call_body(&call), "Notice turned off 1"));
    web_call_end(&call);
}

/* The learner's certificate, its documents reissued with a reason, and a verified
 * activity corrected by the coordinator: the person's history says both in words, the
 * reissue's reason and name printed, the correction's reason and changed credits. */
static void test_a_reissue_and_a_correction_are_read_in_words(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor coordinator = action_world_actor(w, w->coordinator, day);
    struct award_result awarded;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &coordinator,
                                          &(struct track_award_input){track}, &awarded, &outcome),
                       &outcome);
    struct ct_err err = {0};
    struct certificate_reissue reissue = {awarded.certificate_id, "Sam Staff-Ortiz",
                                          "Name changed after marriage", test_day(day)};
    struct certificate_reissue_result reissued;
    test_ok(store_certificate_reissue(&w->store, w->coordinator, &reissue, &reissued, &err), &err);
    int64_t activity = action_world_workshop(w, w->learner, "Weeding the stacks", "2026-02-02", 4);
    struct activity_correction correction = {
        activity, ACTIVITY_KIND_WORKSHOP, test_day("2026-02-02"),
        6,        "technology",           "The agenda shows three credits"};
    int64_t correction_id = 0;
    test_ok(store_activity_correct(&w->store, w->coordinator, &correction, &correction_id, &err),
            &err);
    char path[64];
    snprintf(path, sizeof path, "/people/%lld/history", (long long)w->learner);
    struct web_call call;
    get(&call, w, path, w->coordinator);
    assert_int_equal(call.response.status, 200);
    char heading[96];
    snprintf(heading, sizeof heading, "Activity %lld corrected", (long long)activity);
    web_call_assert_body_has(&call, heading);
    web_call_assert_body_has(&call, "reason for the correction: The agenda shows three credits");
    web_call_assert_body_has(&call, "credits: 2<span aria-hidden=\"true\"> \xE2\x86\x92 "
                                    "</span><span class=\"usa-sr-only\"> changed to </span>3");
    snprintf(heading, sizeof heading, "Certificate documents %lld documents reissued",
             (long long)reissued.version_id);
    web_call_assert_body_has(&call, heading);
    web_call_assert_body_has(&call, "reason: Name changed after marriage");
    web_call_assert_body_has(&call, "name printed: Sam Staff-Ortiz");
    const char *body = web_call_body(&call);
    assert_null(strstr(body, "corrected by"));
    assert_null(strstr(body, "issued by"));
    web_call_end(&call);
}

static void test_changes_are_said_in_words(void **state)
{
    (void)state;
    struct history_change changes[8];
    size_t count = history_changes(
        "{\"id\":4,\"status\":\"pending\",\"credit_halves\":5,\"password_hash\":null,"
        "\"record_key\":\"a1\",\"planned_minutes\":90}",
        "{\"id\":4,\"status\":\"verified\",\"credit_halves\":7,\"password_hash\":\"(set)\","
        "\"record_key\":\"a2\",\"planned_minutes\":90}",
        changes, 8);
    assert_int_equal(count, 3);
    assert_string_equal(changes[0].field, "status");
    assert_string_equal(changes[0].before, "pending");
    assert_string_equal(changes[0].after, "verified");
    assert_string_equal(changes[1].field, "credits");
    assert_string_equal(changes[1].before, "2.5");
    assert_string_equal(changes[1].after, "3.5");
    assert_string_equal(changes[2].field, "password");
    assert_string_equal(changes[2].before, "");
    assert_string_equal(changes[2].after, "set");
    /* A new row: each field set; a deleted one: each field it had. */
    count = history_changes(NULL,
                            "{\"title\":\"A\",\"topic\":null,\"planned_minutes\":90,"
                            "\"semester_halves\":0,\"sponsor\":\"\",\"kind\":\"archived-webinar\"}",
                            changes, 8);
    assert_int_equal(count, 3);
    assert_string_equal(changes[1].field, "planned time");
    assert_string_equal(changes[1].after, "90 minutes");
    assert_string_equal(changes[2].after, "Archived webinar");
    /* A change to zero is still a change. */
    count = history_changes("{\"credit_halves\":2}", "{\"credit_halves\":0}", changes, 8);
    assert_int_equal(count, 1);
    assert_string_equal(changes[0].after, "0");
    count = history_changes("{\"goal\":\"Read\"}", NULL, changes, 8);
    assert_int_equal(count, 1);
    assert_string_equal(changes[0].before, "Read");
    /* Not JSON objects: no row; at most max. */
    /* A time is written as every page writes one. */
    count = history_changes("{\"deactivated_at\":null}",
                            "{\"deactivated_at\":\"2026-03-01T12:00:00Z\"}", changes, 8);
    assert_int_equal(count, 1);
    assert_string_equal(changes[0].field, "deactivated");
    assert_string_equal(changes[0].after, "2026-03-01 12:00 UTC");
    assert_int_equal(history_changes("[1]", "not json", changes, 8), 0);
    assert_int_equal(history_changes(NULL, "{\"a\":1,\"b\":2,\"c\":3}", changes, 2), 2);
    /* A long text is cut on a character, with an ellipsis. */
    char text[600] = "{\"title\":\"";
    for (size_t i = strlen(text); i < 590; i += 2) {
        memcpy(text + i, "\xC3\xA9", 2);
    }
    memcpy(text + 590, "\"}", 3);
    assert_int_equal(history_changes(NULL, text, changes, 8), 1);
    size_t length = strlen(changes[0].after);
    assert_true(length < HISTORY_VALUE_SIZE);
    assert_string_equal(changes[0].after + length - 3, "\xE2\x80\xA6");
    char words[64];
    assert_string_equal(history_entity_words("plan_versions", words, sizeof words), "Plan");
    assert_string_equal(history_entity_words("odd_table", words, sizeof words), "odd table");
    assert_string_equal(history_action_words("sign-learner", words, sizeof words),
                        "signed by the learner");
    assert_string_equal(history_action_words("new-thing", words, sizeof words), "new thing");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_the_coordinator_reads_who_changed_what_in_a_persons_history),
        T(test_only_the_coordinator_and_the_librarys_consultant_read_it),
        T(test_an_id_used_again_does_not_show_the_earlier_rows_entries),
        T(test_a_reissue_and_a_correction_are_read_in_words),
        T(test_changes_are_said_in_words),
#undef T
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
