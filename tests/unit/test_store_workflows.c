/* The record's workflows in the database: every change checked, audited, and refused
 * whole when it is not allowed. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/store_activities.h"
#include "store/store_award.h"
#include "store/store_catalog.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "store/store_record.h"
#include "store/store_tracks.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    int64_t coordinator;
    int64_t director;
    int64_t learner;
    int64_t library_goal;
    int64_t track;
};

static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "workflows");
    char path[256];
    test_database(path, sizeof path, f->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    int64_t library, plan;
    test_ok(store_library_create(&f->store, 0,
                                 &(struct library_new){"Bitterroot Public Library", "Hamilton", 0},
                                 &library, &err),
            &err);
    test_ok(store_strategic_plan_create(&f->store, 0,
                                        &(struct strategic_plan_new){library, "Plan 2022-2026",
                                                                     test_day("2022-01-01"),
                                                                     test_day("2026-12-31")},
                                        &plan, &err),
            &err);
    test_ok(store_library_goal_create(
                &f->store, 0, &(struct library_goal_new){plan, "G1", "Literacy", "Read more"},
                &f->library_goal, &err),
            &err);
    const char *coordinator_roles[] = {ROLE_NAME_CE_COORDINATOR, NULL};
    const char *director_roles[] = {ROLE_NAME_LEARNER, ROLE_NAME_SUPERVISOR, NULL};
    const char *learner_roles[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(&f->store, 0,
                                &(struct person_new){"Casey Coordinator", "coordinator@example.org",
                                                     0, 0, coordinator_roles, "demo-password-1"},
                                &f->coordinator, &err),
            &err);
    test_ok(store_person_create(&f->store, 0,
                                &(struct person_new){"Dana Director", "director@example.org",
                                                     library, 0, director_roles, NULL},
                                &f->director, &err),
            &err);
    test_ok(store_person_create(&f->store, 0,
                                &(struct person_new){"Sam Staff", "Staff@Example.org", library,
                                                     f->director, learner_roles, NULL},
                                &f->learner, &err),
            &err);
    test_ok(store_track_enroll(&f->store, f->coordinator, f->learner, "msl-trustee",
                               test_day("2022-06-01"), &f->track, &err),
            &err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    store_close(&f->store);
    int result = test_remove_directory(f->directory);
    free(f);
    return result;
}

static int64_t add_course(struct fixture *f, const char *key, const char *date, int64_t halves,
                          const char *category, const char *status)
{
    int64_t id = 0;
    struct ct_err err = {0};
    struct activity_new activity = {
        .person_id = f->learner,
        .record_key = key,
        .kind = ACTIVITY_KIND_WORKSHOP,
        .title = "Board basics",
        .date = test_day(date),
        .credit_halves = halves,
        .category = category,
        .recorded = civil_date_unset(),
        .status = status,
        .provenance = PROVENANCE_CLAIM,
    };
    test_ok(store_activity_add(&f->store, f->learner, &activity, &id, &err), &err);
    return id;
}

static void test_people_are_found_by_id_or_email_in_any_case(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t id = 0;
    test_ok(store_person_find(&f->store, "staff@EXAMPLE.org", &id, &err), &err);
    assert_int_equal(id, f->learner);
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)f->learner);
    test_ok(store_person_find(&f->store, text, &id, &err), &err);
    assert_int_equal(id, f->learner);
    assert_int_equal(store_person_find(&f->store, "nobody@example.org", &id, &err), CT_ERR_INPUT);
    assert_int_equal(
        store_person_create(&f->store, 0,
                            &(struct person_new){"Again", "STAFF@example.org", 0, 0, NULL, NULL},
                            &id, &err),
        CT_ERR_INPUT);
    assert_string_equal(err.message, "another person has the e-mail STAFF@example.org");
}

static void test_passwords_are_hashed_and_checked(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    bool matches = false;
    test_ok(
        store_person_check_password(&f->store, f->coordinator, "demo-password-1", &matches, &err),
        &err);
    assert_true(matches);
    test_ok(
        store_person_check_password(&f->store, f->coordinator, "demo-password-2", &matches, &err),
        &err);
    assert_false(matches);
    test_ok(store_person_check_password(&f->store, f->learner, "", &matches, &err), &err);
    assert_false(matches);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people WHERE password_hash LIKE '$argon2id$%'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%argon2%'"),
                     0);
}

/* A password has at least 12 characters, and may be long (ASVS 2.1.1, 2.1.2). */
static void test_passwords_are_at_least_twelve_characters(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    int64_t id = 0;
    struct person_new person = {"Short", "short@example.org", 0, 0, roles, "eleven char"};
    assert_int_equal(store_person_create(&f->store, 0, &person, &id, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "password");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people WHERE email = 'short@example.org'"), 0);
    person.password = "twelve chars";
    test_ok(store_person_create(&f->store, 0, &person, &id, &err), &err);
    char long_password[129];
    memset(long_password, 'p', sizeof long_password - 1);
    long_password[sizeof long_password - 1] = '\0';
    struct person_new long_one = {"Long", "long@example.org", 0, 0, roles, long_password};
    test_ok(store_person_create(&f->store, 0, &long_one, &id, &err), &err);
    bool matches = false;
    test_ok(store_person_check_password(&f->store, id, long_password, &matches, &err), &err);
    assert_true(matches);
}

/* A stored text that is not UTF-8 (written by something other than certtrack) cannot be
 * put in an audit snapshot: refused naming the column, never as memory running out. */
static void test_a_snapshot_of_text_that_is_not_utf8_names_the_column(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char sql[160];
    snprintf(sql, sizeof sql, "UPDATE people SET name = CAST(X'41FF42' AS TEXT) WHERE id = %lld",
             (long long)f->learner);
    test_ok(store_exec(&f->store, sql, NULL, 0, NULL, &err), &err);
    char *json = NULL;
    assert_int_equal(store_row_json(&f->store, ENTITY_PERSON, f->learner, &json, &err),
                     CT_ERR_INPUT);
    assert_null(json);
    assert_string_equal(err.where, "name");
    assert_non_null(strstr(err.message, "not UTF-8"));
}

static void test_activity_workflow_allows_and_refuses(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t a = add_course(f, "w1", "2023-01-10", 4, "library-administration", "pending");
    assert_int_equal(store_activity_act(&f->store, f->director, a, "withdraw", "x", &err),
                     CT_ERR_INPUT);
    assert_int_equal(store_activity_act(&f->store, f->director, a, "reject", NULL, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.message, "say why the activity is rejected");
    test_ok(store_activity_act(&f->store, f->director, a, "verify", NULL, &err), &err);
    assert_int_equal(store_activity_act(&f->store, f->director, a, "verify", NULL, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.message,
                        "an activity that is verified cannot verify (allowed: withdraw)");
    test_ok(store_activity_act(&f->store, f->director, a, "withdraw", "LMS uncompleted", &err),
            &err);
    assert_int_equal(store_activity_act(&f->store, f->director, a, "verify", NULL, &err),
                     CT_ERR_INPUT);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"
                              " AND status_reason = 'LMS uncompleted'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'activities'"), 3);
}

static void test_refused_change_leaves_no_trace(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t before = count(f, "SELECT COUNT(*) FROM audit_log");
    int64_t id = 0;
    struct activity_new bad = {.person_id = f->learner,
                               .record_key = "bad",
                               .kind = ACTIVITY_KIND_COLLEGE,
                               .date = test_day("2023-01-10"),
                               .category = "technology",
                               .recorded = civil_date_unset(),
                               .status = "pending",
                               .provenance = PROVENANCE_CLAIM};
    assert_int_equal(store_activity_add(&f->store, f->learner, &bad, &id, &err), CT_ERR_INPUT);
    assert_int_equal(store_track_act(&f->store, f->coordinator, f->track, "return", "no", &err),
                     CT_ERR_INPUT);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), before);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
}

static void test_plan_versions_follow_their_workflow(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t version = 0, goal = 0, item = 0, second = 0;
    test_ok(store_plan_version_create(&f->store, f->learner, f->track,
                                      &(struct plan_version_new){"Budgeting", "Courses"}, &version,
                                      &err),
            &err);
    assert_int_equal(store_plan_version_create(&f->store, f->learner, f->track,
                                               &(struct plan_version_new){NULL, NULL}, &second,
                                               &err),
                     CT_ERR_INPUT);
    test_ok(store_plan_goal_add(&f->store, f->learner, version, f->library_goal, "Run story time",
                                "Weekly sessions", &goal, &err),
            &err);
    test_ok(store_plan_item_add(&f->store, f->learner, version, "sd1", "self-directed", "Reading",
                                goal, &item, &err),
            &err);
    assert_int_equal(store_plan_version_sign(&f->store, f->learner, version, PLAN_SIGNER_LEARNER,
                                             test_day("2022-07-01"), &err),
                     CT_ERR_INPUT);
    test_ok(store_plan_version_submit(&f->store, f->learner, version, test_day("2022-07-01"), &err),
            &err);
    assert_int_equal(store_plan_goal_add(&f->store, f->learner, version, f->library_goal, "Late",
                                         "", &goal, &err),
                     CT_ERR_INPUT);
    test_ok(store_plan_version_return(&f->store, f->director, version, "Tie it to goal G1", &err),
            &err);
    test_ok(store_plan_version_submit(&f->store, f->learner, version, test_day("2022-07-02"), &err),
            &err);
    test_ok(store_plan_version_sign(&f->store, f->learner, version, PLAN_SIGNER_LEARNER,
                                    test_day("2022-07-02"), &err),
            &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'submitted'"), 1);
    test_ok(store_plan_version_sign(&f->store, f->director, version, PLAN_SIGNER_ORGANIZATION,
                                    test_day("2022-07-03"), &err),
            &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'approved'"), 1);
    assert_int_equal(store_plan_version_return(&f->store, f->director, version, "late", &err),
                     CT_ERR_INPUT);
    /* Editing an approved plan is a new draft version; the approved one stays. */
    test_ok(store_plan_version_create(&f->store, f->learner, f->track,
                                      &(struct plan_version_new){"More", "More"}, &second, &err),
            &err);
    assert_int_equal(count(f, "SELECT MAX(version) FROM plan_versions"), 2);
    json_t *record = NULL;
    test_ok(store_record_json(&f->store, f->track, test_day("2022-08-01"), &record, &err), &err);
    json_t *versions = json_object_get(json_object_get(record, "plan"), "versions");
    assert_int_equal(json_array_size(versions), 2);
    json_t *first = json_array_get(versions, 0);
    assert_string_equal(json_string_value(json_object_get(first, "submitted")), "2022-07-02");
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(first, "planned_self_directed"), 0)),
        "sd1");
    json_decref(record);
}

static void test_plan_without_a_goal_is_not_submitted(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t version = 0, goal = 0;
    test_ok(store_plan_version_create(&f->store, f->learner, f->track,
                                      &(struct plan_version_new){"Gaps", "Options"}, &version,
                                      &err),
            &err);
    int64_t entries = count(f, "SELECT COUNT(*) FROM audit_log");
    assert_int_equal(
        store_plan_version_submit(&f->store, f->learner, version, test_day("2022-07-01"), &err),
        CT_ERR_INPUT);
    assert_string_equal(err.where, "goal");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'draft'"
                              " AND submitted IS NULL"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), entries);
    test_ok(store_plan_goal_add(&f->store, f->learner, version, f->library_goal, "Run story time",
                                "", &goal, &err),
            &err);
    test_ok(store_plan_version_submit(&f->store, f->learner, version, test_day("2022-07-01"), &err),
            &err);
}

static void test_plan_item_serves_only_a_goal_of_its_own_version(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t version = 0, goal = 0, item = 0, other = 0, foreign_goal = 0;
    test_ok(store_plan_version_create(&f->store, f->learner, f->track,
                                      &(struct plan_version_new){"Gaps", "Options"}, &version,
                                      &err),
            &err);
    test_ok(store_plan_goal_add(&f->store, f->learner, version, f->library_goal, "Run story time",
                                "", &goal, &err),
            &err);
    /* Another learner's goal, in another track's plan. */
    int64_t track = 0;
    test_ok(store_track_enroll(&f->store, f->coordinator, f->director, "msl-trustee",
                               test_day("2022-06-01"), &track, &err),
            &err);
    test_ok(store_plan_version_create(&f->store, f->director, track,
                                      &(struct plan_version_new){"", ""}, &other, &err),
            &err);
    test_ok(store_plan_goal_add(&f->store, f->director, other, f->library_goal, "Budget", "",
                                &foreign_goal, &err),
            &err);
    int64_t entries = count(f, "SELECT COUNT(*) FROM audit_log");
    assert_int_equal(store_plan_item_add(&f->store, f->learner, version, "sd1", "self-directed",
                                         "Reading", foreign_goal, &item, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "plan_goal");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM plan_items"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), entries);
    test_ok(store_plan_item_add(&f->store, f->learner, version, "sd1", "self-directed", "Reading",
                                goal, &item, &err),
            &err);
    test_ok(store_plan_item_add(&f->store, f->learner, version, "t1", "training", "Course", 0,
                                &item, &err),
            &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM plan_items WHERE plan_goal_id IS NULL"), 1);
}

static void test_award_refuses_an_incomplete_track_and_changes_nothing(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    add_course(f, "w1", "2023-01-10", 10, "library-administration", "verified");
    test_ok(store_track_act(&f->store, f->learner, f->track, "submit", NULL, &err), &err);
    struct award_result result;
    int64_t audit_before = count(f, "SELECT COUNT(*) FROM audit_log");
    assert_int_equal(
        store_award(&f->store, f->coordinator, f->track, test_day("2024-01-01"), &result, &err),
        CT_ERR_INPUT);
    assert_string_equal(err.message, "not complete (in-progress): credits-short, "
                                     "category-short:library-administration");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM certificates"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM tracks"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), audit_before);
}

static void test_award_issues_certificate_and_starts_the_successor(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    add_course(f, "w1", "2023-01-10", 20, "library-administration", "verified");
    add_course(f, "w2", "2023-02-10", 10, "technology", "verified");
    struct award_result result;
    /* An active track is not awarded: it must be submitted first. */
    assert_int_equal(
        store_award(&f->store, f->coordinator, f->track, test_day("2024-01-01"), &result, &err),
        CT_ERR_INPUT);
    test_ok(store_track_act(&f->store, f->learner, f->track, "submit", NULL, &err), &err);
    test_ok(store_award(&f->store, f->coordinator, f->track, test_day("2024-01-01"), &result, &err),
            &err);
    assert_string_equal(result.next_program, "msl-trustee");
    assert_int_equal(strlen(result.verification_code), 32);
    char until[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(result.valid_until, until);
    assert_string_equal(until, "2028-01-01");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM certificates WHERE credit_halves = 30"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM tracks WHERE state = 'certified'"), 1);
    struct track_info next;
    test_ok(store_track_current(&f->store, f->learner, &next, &err), &err);
    assert_int_equal(next.id, result.next_track_id);
    char started[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(next.started, started);
    assert_string_equal(started, "2024-01-02");
    /* Nothing of the old track counts twice: its activities are before the new start. */
    json_t *record = NULL;
    test_ok(store_record_json(&f->store, next.id, test_day("2024-06-01"), &record, &err), &err);
    assert_int_equal(json_array_size(json_object_get(record, "activities")), 0);
    assert_int_equal(json_array_size(json_object_get(record, "certificates")), 1);
    json_decref(record);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
    assert_true(entries > 10);
}

static void test_revoked_certificate_no_longer_counts(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    add_course(f, "w1", "2023-01-10", 30, "library-administration", "verified");
    test_ok(store_track_act(&f->store, f->learner, f->track, "submit", NULL, &err), &err);
    struct award_result result;
    test_ok(store_award(&f->store, f->coordinator, f->track, test_day("2024-01-01"), &result, &err),
            &err);
    assert_int_equal(store_certificate_revoke(&f->store, f->coordinator, result.certificate_id,
                                              test_day("2024-02-01"), "", &err),
                     CT_ERR_INPUT);
    test_ok(store_certificate_revoke(&f->store, f->coordinator, result.certificate_id,
                                     test_day("2024-02-01"), "Credits were claimed twice", &err),
            &err);
    assert_int_equal(store_certificate_revoke(&f->store, f->coordinator, result.certificate_id,
                                              test_day("2024-02-02"), "again", &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.message, "already revoked on 2024-02-01");
    json_t *record = NULL;
    test_ok(
        store_record_json(&f->store, result.next_track_id, test_day("2024-06-01"), &record, &err),
        &err);
    assert_int_equal(json_array_size(json_object_get(record, "certificates")), 0);
    json_decref(record);
}

static void test_events_map_lms_courses_once(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t event = 0;
    struct event_new new_event = {
        "Collection Development Basics", test_day("2024-03-01"), test_day("2024-03-31"),
        "Montana State Library",         ACTIVITY_KIND_COURSE,   6,
        "collection-management"};
    test_ok(store_event_create(&f->store, f->coordinator, &new_event, &event, &err), &err);
    test_ok(store_event_link_add(&f->store, f->coordinator, event,
                                 "https://learn.example.org/course/view.php?id=12", "Weeding",
                                 &err),
            &err);
    assert_int_equal(store_event_link_add(&f->store, f->coordinator, event,
                                          "https://learn.example.org/course/view.php?id=12",
                                          "Weeding", &err),
                     CT_ERR_INPUT);
    new_event.category = "cooking";
    assert_int_equal(store_event_create(&f->store, f->coordinator, &new_event, &event, &err),
                     CT_ERR_INPUT);
}

static struct catalog_event_new catalog_course(const struct event_link *links, size_t link_count)
{
    return (struct catalog_event_new){.event = {"Weeding the Collection", test_day("2024-04-01"),
                                                test_day("2024-04-30"), "Montana State Library",
                                                ACTIVITY_KIND_COURSE, 4, "collection-management"},
                                      .lms_verifies = true,
                                      .links = links,
                                      .link_count = link_count};
}

static void test_catalog_event_is_added_with_its_lms_links(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    const struct event_link links[] = {
        {"https://learn.example.org/course/view.php?id=7", NULL},
        {"https://learn.example.org/course/view.php?id=8", "Quiz: weeding"},
    };
    struct catalog_event_new event = catalog_course(links, 2);
    int64_t id = 0;
    test_ok(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err), &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM events WHERE lms_verifies = 1"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM event_lms_links WHERE activity_name ="
                              " 'Quiz: weeding'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM event_lms_links"), 2);
    /* The event and each link are audited; the chain holds. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'events'"), 3);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
}

static void test_catalog_event_is_refused_whole_when_a_link_is(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    const struct event_link first[] = {{"https://learn.example.org/course/view.php?id=7", ""}};
    struct catalog_event_new event = catalog_course(first, 1);
    int64_t id = 0;
    test_ok(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err), &err);
    int64_t audit_before = count(f, "SELECT COUNT(*) FROM audit_log");
    /* The second link is the first event's course: nothing of the second event stays. */
    const struct event_link taken[] = {{"https://learn.example.org/course/view.php?id=9", ""},
                                       {"https://learn.example.org/course/view.php?id=7", NULL}};
    event = catalog_course(taken, 2);
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM events"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM event_lms_links"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), audit_before);
}

static void test_catalog_event_refusals_name_the_field(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t id = 0;
    const struct event_link bad_url[] = {{"learn.example.org/course/7", NULL}};
    struct catalog_event_new event = catalog_course(bad_url, 1);
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    const struct event_link spaced[] = {{"https://learn.example.org/a b", NULL}};
    event = catalog_course(spaced, 1);
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    event = catalog_course(NULL, 0);
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "lms_verifies");
    event.lms_verifies = false;
    event.event.credit_halves = 0;
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "credits");
    event.event.credit_halves = 2;
    event.event.title = "";
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "title");
    event.event.title = "Weeding";
    event.event.ends = test_day("2024-03-01");
    assert_int_equal(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "ends");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM events"), 0);
    /* Without links and without the LMS flag, the event is fine. */
    event.event.ends = test_day("2024-04-01");
    test_ok(store_catalog_event_add(&f->store, f->coordinator, &event, &id, &err), &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM events WHERE lms_verifies = 0"), 1);
}

int main(void)
{
#define WORKFLOW_TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        WORKFLOW_TEST(test_people_are_found_by_id_or_email_in_any_case),
        WORKFLOW_TEST(test_passwords_are_at_least_twelve_characters),
        WORKFLOW_TEST(test_a_snapshot_of_text_that_is_not_utf8_names_the_column),
        WORKFLOW_TEST(test_passwords_are_hashed_and_checked),
        WORKFLOW_TEST(test_activity_workflow_allows_and_refuses),
        WORKFLOW_TEST(test_refused_change_leaves_no_trace),
        WORKFLOW_TEST(test_plan_versions_follow_their_workflow),
        WORKFLOW_TEST(test_plan_item_serves_only_a_goal_of_its_own_version),
        WORKFLOW_TEST(test_plan_without_a_goal_is_not_submitted),
        WORKFLOW_TEST(test_award_refuses_an_incomplete_track_and_changes_nothing),
        WORKFLOW_TEST(test_award_issues_certificate_and_starts_the_successor),
        WORKFLOW_TEST(test_revoked_certificate_no_longer_counts),
        WORKFLOW_TEST(test_events_map_lms_courses_once),
        WORKFLOW_TEST(test_catalog_event_is_added_with_its_lms_links),
        WORKFLOW_TEST(test_catalog_event_is_refused_whole_when_a_link_is),
        WORKFLOW_TEST(test_catalog_event_refusals_name_the_field),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
