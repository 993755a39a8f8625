/* What waits for a person: every queue of every role, its count (the navigation's, one
 * query) against the items the home page lists, a page of items at most, and a person
 * who holds several roles at once. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "harvest/xapi_receive.h"
#include "harvest/xapi_statement.h"
#include "store/store_activities.h"
#include "store/store_award.h"
#include "store/store_harvest_sites.h"
#include "store/store_people.h"
#include "store/store_record_imports.h"
#include "store/store_todo.h"
#include "store/store_tracks.h"
#include "core/banned.h"

#define TODAY "2026-03-02"

static int setup(void **state)
{
    *state = action_world_open("store-todo");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* Who person is, as the store knows them, asking on TODAY. */
static struct store_todo_person who(struct action_world *w, int64_t person)
{
    struct actor actor = action_world_actor(w, person, TODAY);
    return (struct store_todo_person){person, actor.roles, actor.library_id, test_day(TODAY)};
}

/* A read of everything that waits for person, in its own arena (released by done). */
struct read {
    struct arena arena;
    struct store_todo todo;
    struct store_todo_counts counts;
};

static void read_for(struct action_world *w, int64_t person, struct read *r)
{
    struct store_todo_person asking = who(w, person);
    struct ct_err err = {0};
    arena_init(&r->arena);
    test_ok(store_todo_read(&w->store, &asking, &r->arena, &r->todo, &err), &err);
    test_ok(store_todo_count(&w->store, &asking, &r->counts, &err), &err);
    /* The navigation's counts are the home page's totals, and a page holds them all up
     * to STORE_WAITING_PAGE. */
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        assert_int_equal(r->counts.held[q], r->todo.held[q]);
        assert_int_equal(r->counts.total[q], r->todo.queues[q].total);
        int64_t shown = r->todo.queues[q].total < STORE_WAITING_PAGE ? r->todo.queues[q].total
                                                                     : STORE_WAITING_PAGE;
        assert_int_equal((int64_t)r->todo.queues[q].count, shown);
    }
}

static void done(struct read *r)
{
    arena_release(&r->arena);
}

static const struct store_todo_list *queue(const struct read *r, enum store_todo_queue q)
{
    return &r->todo.queues[q];
}

static void sql(struct action_world *w, const char *text)
{
    struct ct_err err = {0};
    test_ok(store_exec(&w->store, text, NULL, 0, NULL, &err), &err);
}

static int64_t add_person(struct action_world *w, const char *name, const char *email,
                          int64_t library, int64_t verifier)
{
    static const char *const learner[] = {ROLE_NAME_LEARNER, NULL};
    struct ct_err err = {0};
    int64_t id = 0;
    test_ok(store_person_create(&w->store, 0,
                                &(struct person_new){name, email, library, verifier, learner, NULL},
                                &id, &err),
            &err);
    return id;
}

/* A submitted plan version of track (one goal), as its learner writes it on day. */
static int64_t submitted_plan(struct action_world *w, int64_t learner, int64_t track,
                              const char *day)
{
    struct ct_err err = {0};
    int64_t version = 0, goal = 0;
    test_ok(store_plan_version_create(&w->store, learner, track,
                                      &(struct plan_version_new){"Gaps", "Options"}, &version,
                                      &err),
            &err);
    test_ok(store_plan_goal_add(&w->store, learner, version, w->library_goal, "Storytime",
                                "Two sites", &goal, &err),
            &err);
    test_ok(store_plan_version_submit(&w->store, learner, version, test_day(day), &err), &err);
    return version;
}

static int64_t pending_claim(struct action_world *w, int64_t person, const char *title)
{
    return action_world_activity(w, person, title, "2026-02-10", 4, "technology", "pending");
}

static void test_nothing_waits_in_a_new_world(void **state)
{
    struct action_world *w = *state;
    struct read r;
    read_for(w, w->director, &r);
    assert_true(r.todo.held[STORE_WAITING_PLANS_TO_SIGN] &&
                r.todo.held[STORE_WAITING_STAFF_AT_RISK]);
    assert_true(r.todo.held[STORE_WAITING_PLAN_RETURNED]);
    assert_false(r.todo.held[STORE_WAITING_TRACKS_TO_REVIEW] ||
                 r.todo.held[STORE_WAITING_LIBRARIES_AT_RISK]);
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        assert_int_equal(r.todo.queues[q].total, 0);
    }
    assert_int_equal(r.todo.next_step_count, 0);
    done(&r);
    read_for(w, w->coordinator, &r);
    assert_true(r.todo.held[STORE_WAITING_TRACKS_TO_REVIEW] &&
                r.todo.held[STORE_WAITING_HARVEST_INBOX] &&
                r.todo.held[STORE_WAITING_REFUSED_IMPORTS]);
    assert_false(r.todo.held[STORE_WAITING_PLANS_TO_SIGN] ||
                 r.todo.held[STORE_WAITING_PLAN_RETURNED]);
    done(&r);
    read_for(w, w->consultant, &r);
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        assert_int_equal(r.todo.held[q], q == STORE_WAITING_LIBRARIES_AT_RISK);
    }
    done(&r);
    /* A library administrator without a library has no staff. */
    assert_false(store_todo_holds(STORE_WAITING_STAFF_AT_RISK, ROLE_LIBRARY_ADMINISTRATOR, 0));
    assert_true(store_todo_holds(STORE_WAITING_STAFF_AT_RISK, ROLE_LIBRARY_ADMINISTRATOR, 3));
}

static void test_the_verifier_has_plans_to_sign_and_claims_to_verify(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    int64_t version = submitted_plan(w, w->learner, track, "2026-02-20");
    int64_t claim = pending_claim(w, w->learner, "Weeding basics");
    pending_claim(w, w->learner, "Cataloging basics");
    pending_claim(w, w->other_learner, "Someone else's");
    char text[160];
    snprintf(text, sizeof text,
             "UPDATE activities SET created_at = '2026-02-01T09:00:00Z' WHERE id = %lld",
             (long long)claim);
    sql(w, text);
    struct read r;
    read_for(w, w->director, &r);
    const struct store_todo_list *plans = queue(&r, STORE_WAITING_PLANS_TO_SIGN);
    assert_int_equal(plans->total, 1);
    assert_int_equal(plans->items[0].id, version);
    assert_int_equal(plans->items[0].person_id, w->learner);
    assert_string_equal(plans->items[0].person_name, "Sam Staff");
    assert_string_equal(plans->items[0].program, "msl-strategic");
    assert_int_equal(plans->items[0].amount, 1);
    assert_int_equal(plans->items[0].waited_days, 10);
    const struct store_todo_list *claims = queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY);
    assert_int_equal(claims->total, 2);
    /* The one waiting longest first, with the days it has waited since it was claimed. */
    assert_int_equal(claims->items[0].id, claim);
    assert_string_equal(claims->items[0].title, "Weeding basics");
    assert_int_equal(claims->items[0].waited_days, 29);
    done(&r);
    /* The other library's director verifies only their own learner's claim. */
    read_for(w, w->other_director, &r);
    assert_int_equal(queue(&r, STORE_WAITING_PLANS_TO_SIGN)->total, 0);
    assert_int_equal(queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY)->total, 1);
    done(&r);
    /* Signed for the library, the plan leaves the queue. */
    struct ct_err err = {0};
    test_ok(store_plan_version_sign(&w->store, w->director, version, PLAN_SIGNER_ORGANIZATION,
                                    test_day(TODAY), &err),
            &err);
    read_for(w, w->director, &r);
    assert_int_equal(queue(&r, STORE_WAITING_PLANS_TO_SIGN)->total, 0);
    done(&r);
}

static void test_a_queue_shows_a_page_and_counts_them_all(void **state)
{
    struct action_world *w = *state;
    for (int i = 0; i < STORE_WAITING_PAGE + 3; i++) {
        char title[32];
        snprintf(title, sizeof title, "Claim %d", i);
        pending_claim(w, w->learner, title);
    }
    struct read r;
    read_for(w, w->director, &r);
    assert_int_equal(queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY)->total, STORE_WAITING_PAGE + 3);
    assert_int_equal(queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY)->count, STORE_WAITING_PAGE);
    assert_string_equal(queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY)->items[0].title, "Claim 0");
    done(&r);
}

/* The staff item of person's track, or NULL. */
static const struct store_todo_item *staff_item(const struct read *r, int64_t person)
{
    const struct store_todo_list *staff = queue(r, STORE_WAITING_STAFF_AT_RISK);
    for (size_t i = 0; i < staff->count; i++) {
        if (staff->items[i].person_id == person) {
            return &staff->items[i];
        }
    }
    return NULL;
}

static void test_the_administrator_sees_staff_blocked_or_near_a_deadline(void **state)
{
    struct action_world *w = *state;
    int64_t near = add_person(w, "Nora Near", "nora@example.org", w->library, w->director);
    int64_t far = add_person(w, "Finn Far", "finn@example.org", w->library, w->director);
    int64_t past = add_person(w, "Pia Past", "pia@example.org", w->library, w->director);
    int64_t returned = add_person(w, "Rae Returned", "rae@example.org", w->library, w->director);
    /* Deadlines four years on: six months from today exactly is near, a day later is not. */
    action_world_enroll(w, near, "msl-staff", "2022-09-02");
    action_world_enroll(w, far, "msl-staff", "2022-09-03");
    action_world_enroll(w, past, "msl-staff", "2021-01-01");
    int64_t track = action_world_enroll(w, returned, "msl-strategic", "2025-06-01");
    struct ct_err err = {0};
    test_ok(store_plan_version_return(&w->store, w->director,
                                      submitted_plan(w, returned, track, "2025-07-01"),
                                      "Tie it to G1", &err),
            &err);
    /* Not their staff: the administrator themself, and another library's learner. */
    action_world_enroll(w, w->director, "msl-director-initial", "2022-06-01");
    action_world_enroll(w, w->other_learner, "msl-staff", "2022-06-01");
    struct read r;
    read_for(w, w->director, &r);
    assert_int_equal(queue(&r, STORE_WAITING_STAFF_AT_RISK)->total, 3);
    assert_null(staff_item(&r, far));
    assert_null(staff_item(&r, w->director));
    const struct store_todo_item *item = staff_item(&r, near);
    assert_non_null(item);
    assert_int_equal(item->reasons, STORE_WAITING_DEADLINE_NEAR);
    assert_true(item->progress.evaluated);
    assert_int_equal(item->progress.status, TRACK_IN_PROGRESS);
    assert_int_equal(item->progress.blocking, BLOCKING_CREDITS_SHORT);
    item = staff_item(&r, past);
    assert_int_equal(item->reasons, STORE_WAITING_DEADLINE_PASSED);
    assert_int_equal(item->progress.status, TRACK_EXPIRED);
    assert_int_equal(item->progress.blocking, BLOCKING_TRACK_EXPIRED);
    item = staff_item(&r, returned);
    assert_int_equal(item->reasons, STORE_WAITING_PLAN_WAS_RETURNED);
    assert_string_equal(item->person_name, "Rae Returned");
    /* By deadline: the past one first. */
    assert_int_equal(queue(&r, STORE_WAITING_STAFF_AT_RISK)->items[0].person_id, past);
    done(&r);
    /* Submitted again, the plan waits for the library's signature: still blocked. */
    test_ok(store_plan_version_submit(&w->store, returned,
                                      action_world_count(w, "SELECT MAX(id) FROM plan_versions"),
                                      test_day(TODAY), &err),
            &err);
    read_for(w, w->director, &r);
    assert_int_equal(staff_item(&r, returned)->reasons, STORE_WAITING_PLAN_UNSIGNED);
    done(&r);
}

static void test_the_coordinator_sees_reviews_the_inbox_and_refused_imports(void **state)
{
    struct action_world *w = *state;
    int64_t ready = action_world_ready_track(w, w->other_learner);
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    action_world_final_report(w, track, "2026-02-25");
    /* A statement of an account linked to no one, about a course mapped to nothing. */
    struct ct_err err = {0};
    int64_t site = 0;
    struct lms_site_credentials credentials;
    test_ok(store_harvest_site_add(&w->store, 0, "http://lms.example.org", "America/Denver", &site,
                                   &credentials, &err),
            &err);
    const char *body =
        "{\"actor\": {\"account\": {\"homePage\": \"http://lms.example.org\", \"name\": \"77\"}},"
        " \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\":"
        " \"http://lms.example.org/course/view.php?id=9\", \"definition\": {\"type\":"
        " \"https://w3id.org/xapi/cmi5/activitytype/course\"}},"
        " \"timestamp\": \"2026-02-20T10:00:00-07:00\"}";
    struct xapi_receipt receipt;
    test_ok(xapi_receive(&w->store, site, XAPI_VERSION_1_0, body, strlen(body), NULL, 1767225600000,
                         &receipt, &err),
            &err);
    xapi_receipt_release(&receipt);
    /* Imports: one with refused rows; one refused long ago; one imported again cleanly. */
    struct record_import_counts refused = {.rows_read = 3, .of = {1, 0, 0, 2}};
    struct record_import_counts clean = {.rows_read = 3, .of = {3, 0, 0, 0}};
    const char *files[] = {"people.csv", "old.csv", "history.csv", "history.csv"};
    const struct record_import_counts *outcomes[] = {&refused, &refused, &refused, &clean};
    for (size_t i = 0; i < 4; i++) {
        int64_t id = 0;
        test_ok(store_record_import_begin(&w->store, 0, RECORD_IMPORT_PEOPLE, "web", files[i], &id,
                                          &err),
                &err);
        test_ok(store_record_import_end(&w->store, 0, id, "00", outcomes[i], &err), &err);
    }
    sql(w, "UPDATE record_imports SET imported_at = '2026-01-30T23:00:00Z'"
           " WHERE file_name = 'old.csv'");
    struct read r;
    read_for(w, w->coordinator, &r);
    const struct store_todo_list *tracks = queue(&r, STORE_WAITING_TRACKS_TO_REVIEW);
    assert_int_equal(tracks->total, 1);
    assert_int_equal(tracks->items[0].track_id, ready);
    assert_string_equal(tracks->items[0].person_name, "Pat Patron");
    const struct store_todo_list *reports = queue(&r, STORE_WAITING_REPORTS_TO_READ);
    assert_int_equal(reports->total, 1);
    assert_int_equal(reports->items[0].track_id, track);
    assert_int_equal(reports->items[0].waited_days, 5);
    const struct store_todo_list *inbox = queue(&r, STORE_WAITING_HARVEST_INBOX);
    assert_int_equal(inbox->total, 2);
    assert_int_equal(inbox->items[0].reasons, STORE_WAITING_ACCOUNT_UNLINKED);
    assert_string_equal(inbox->items[0].title, "77");
    assert_false(civil_date_is_set(inbox->items[0].deadline));
    assert_true(civil_date_is_set(inbox->items[0].since)); /* when it arrived */
    assert_int_equal(inbox->items[0].amount, 1);
    assert_int_equal(inbox->items[1].reasons, STORE_WAITING_ADDRESS_UNMAPPED);
    assert_string_equal(inbox->items[1].title, "http://lms.example.org/course/view.php?id=9");
    const struct store_todo_list *imports = queue(&r, STORE_WAITING_REFUSED_IMPORTS);
    assert_int_equal(imports->total, 1);
    assert_string_equal(imports->items[0].title, "people.csv");
    assert_string_equal(imports->items[0].note, "people");
    assert_int_equal(imports->items[0].amount, 2);
    done(&r);
}

static void test_the_consultant_sees_libraries_whose_director_is_at_risk(void **state)
{
    struct action_world *w = *state;
    char text[256];
    snprintf(text, sizeof text,
             "INSERT INTO library_consultants (library_id, person_id) VALUES (%lld, %lld),"
             " (%lld, %lld)",
             (long long)w->library, (long long)w->consultant, (long long)w->other_library,
             (long long)w->consultant);
    sql(w, text);
    snprintf(text, sizeof text,
             "UPDATE libraries SET director_id = CASE id WHEN %lld THEN %lld ELSE %lld END",
             (long long)w->library, (long long)w->director, (long long)w->other_director);
    sql(w, text);
    /* The director's deadline is near; the other director has no track at all. */
    int64_t track = action_world_enroll(w, w->director, "msl-director-initial", "2022-06-01");
    struct read r;
    read_for(w, w->consultant, &r);
    const struct store_todo_list *libraries = queue(&r, STORE_WAITING_LIBRARIES_AT_RISK);
    assert_int_equal(libraries->total, 2);
    assert_int_equal(libraries->items[0].id, w->other_library);
    assert_int_equal(libraries->items[0].reasons, STORE_WAITING_NOT_ENROLLED);
    assert_int_equal(libraries->items[1].id, w->library);
    assert_string_equal(libraries->items[1].title, "Bitterroot Public Library");
    assert_string_equal(libraries->items[1].person_name, "Dana Director");
    assert_int_equal(libraries->items[1].track_id, track);
    assert_int_equal(libraries->items[1].reasons, STORE_WAITING_DEADLINE_NEAR);
    done(&r);
    /* Certified, the other director is no longer at risk. */
    struct award_result award;
    struct ct_err err = {0};
    test_ok(store_award(&w->store, w->coordinator, action_world_ready_track(w, w->other_director),
                        test_day("2024-01-02"), &award, &err),
            &err);
    read_for(w, w->consultant, &r);
    assert_int_equal(queue(&r, STORE_WAITING_LIBRARIES_AT_RISK)->total, 1);
    assert_int_equal(queue(&r, STORE_WAITING_LIBRARIES_AT_RISK)->items[0].id, w->library);
    done(&r);
    /* A library the consultant does not serve is not theirs to watch. */
    read_for(w, w->coordinator, &r);
    assert_false(r.todo.held[STORE_WAITING_LIBRARIES_AT_RISK]);
    done(&r);
}

static void test_the_learner_sees_what_came_back_and_the_next_step(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct ct_err err = {0};
    int64_t version = submitted_plan(w, w->learner, track, "2026-02-01");
    test_ok(store_plan_version_return(&w->store, w->director, version, "Tie it to G1", &err), &err);
    action_world_final_report(w, track, "2026-02-25");
    test_ok(store_final_report_act(&w->store, w->coordinator, track, "return", test_day(TODAY),
                                   "Say which goal it served", &err),
            &err);
    test_ok(store_track_act(&w->store, w->learner, track, "submit", NULL, &err), &err);
    test_ok(store_track_act(&w->store, w->coordinator, track, "return", "Not complete yet", &err),
            &err);
    int64_t rejected = pending_claim(w, w->learner, "A staff meeting");
    int64_t old = pending_claim(w, w->learner, "An old meeting");
    test_ok(store_activity_act(&w->store, w->director, rejected, "reject", "Not training", &err),
            &err);
    test_ok(store_activity_act(&w->store, w->director, old, "reject", "Not training", &err), &err);
    char text[160];
    snprintf(text, sizeof text,
             "UPDATE activities SET status_at = '2026-01-30T10:00:00Z' WHERE id = %lld",
             (long long)old);
    sql(w, text);
    struct read r;
    read_for(w, w->learner, &r);
    assert_int_equal(queue(&r, STORE_WAITING_PLAN_RETURNED)->total, 1);
    assert_int_equal(queue(&r, STORE_WAITING_PLAN_RETURNED)->items[0].id, version);
    assert_string_equal(queue(&r, STORE_WAITING_PLAN_RETURNED)->items[0].note, "Tie it to G1");
    assert_int_equal(queue(&r, STORE_WAITING_REPORT_RETURNED)->total, 1);
    assert_string_equal(queue(&r, STORE_WAITING_REPORT_RETURNED)->items[0].note,
                        "Say which goal it served");
    assert_int_equal(queue(&r, STORE_WAITING_TRACK_RETURNED)->total, 1);
    assert_string_equal(queue(&r, STORE_WAITING_TRACK_RETURNED)->items[0].note, "Not complete yet");
    const struct store_todo_list *claims = queue(&r, STORE_WAITING_REJECTED_CLAIMS);
    assert_int_equal(claims->total, 1);
    assert_int_equal(claims->items[0].id, rejected);
    assert_string_equal(claims->items[0].note, "Not training");
    assert_string_equal(claims->items[0].person_name, "Dana Director");
    assert_int_equal(r.todo.next_step_count, 1);
    assert_int_equal(r.todo.next_steps[0].track_id, track);
    assert_string_equal(r.todo.next_steps[0].note, "returned");
    assert_false(civil_date_is_set(r.todo.next_steps[0].since));
    assert_true(r.todo.next_steps[0].progress.evaluated);
    /* The Strategic Track wants a prior certificate first (the store enrolled without one). */
    assert_int_equal(r.todo.next_steps[0].progress.blocking, BLOCKING_NO_PRIOR_CERTIFICATE);
    done(&r);
}

static void test_a_person_with_several_roles_sees_each_queue(void **state)
{
    struct action_world *w = *state;
    /* The director: a learner whose own claim was rejected, the learner's verifier with a
     * claim to verify, and the library's administrator with a staff track near its
     * deadline. */
    action_world_enroll(w, w->director, "msl-director-initial", "2024-01-01");
    int64_t own = pending_claim(w, w->director, "Own claim");
    struct ct_err err = {0};
    test_ok(store_activity_act(&w->store, w->coordinator, own, "reject", "Duplicate", &err), &err);
    action_world_enroll(w, w->learner, "msl-staff", "2022-07-01");
    pending_claim(w, w->learner, "Staff claim");
    struct read r;
    read_for(w, w->director, &r);
    assert_int_equal(queue(&r, STORE_WAITING_CLAIMS_TO_VERIFY)->total, 1);
    assert_int_equal(queue(&r, STORE_WAITING_STAFF_AT_RISK)->total, 1);
    assert_int_equal(queue(&r, STORE_WAITING_REJECTED_CLAIMS)->total, 1);
    assert_int_equal(queue(&r, STORE_WAITING_REJECTED_CLAIMS)->items[0].id, own);
    assert_int_equal(r.todo.next_step_count, 1);
    assert_false(r.todo.held[STORE_WAITING_TRACKS_TO_REVIEW]);
    assert_int_equal(queue(&r, STORE_WAITING_TRACKS_TO_REVIEW)->total, 0);
    done(&r);
    /* Roles decide, not the record: without the supervisor role nothing to verify. */
    struct store_todo_person asking = who(w, w->director);
    asking.roles = ROLE_LEARNER;
    struct store_todo_counts counts;
    test_ok(store_todo_count(&w->store, &asking, &counts, &err), &err);
    assert_false(counts.held[STORE_WAITING_CLAIMS_TO_VERIFY]);
    assert_int_equal(counts.total[STORE_WAITING_CLAIMS_TO_VERIFY], 0);
    assert_int_equal(counts.total[STORE_WAITING_REJECTED_CLAIMS], 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nothing_waits_in_a_new_world, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_verifier_has_plans_to_sign_and_claims_to_verify,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_queue_shows_a_page_and_counts_them_all, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_the_administrator_sees_staff_blocked_or_near_a_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_coordinator_sees_reviews_the_inbox_and_refused_imports, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_consultant_sees_libraries_whose_director_is_at_risk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_learner_sees_what_came_back_and_the_next_step,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_with_several_roles_sees_each_queue, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
