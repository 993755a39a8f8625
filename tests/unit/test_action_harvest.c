/* The harvest actions: the CE coordinator (or the system) registers an LMS site, links
 * its accounts, maps its courses and imports its reports; anyone else is refused, bad
 * input is named by its field, the record's state is respected, and the audit trail
 * names who acted. */
#include "helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/harvest.h"
#include "harvest/xapi_receive.h"
#include "harvest/xapi_statement.h"
#include "store/store_catalog.h"
#include "core/banned.h"

#define SITE   "http://www.example.org"
#define COURSE SITE "/course/view.php?id=2"
#define QUIZ   SITE "/mod/quiz/view.php?id=5"
#define TODAY  "2026-03-10"

static int setup(void **state)
{
    *state = action_world_open("action-harvest");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct action_outcome fresh_outcome(void)
{
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    return outcome;
}

/* action_world_count of the SQL format makes. */
static int64_t count_of(struct action_world *w, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static int64_t count_of(struct action_world *w, const char *format, ...)
{
    char sql[512];
    va_list args;
    va_start(args, format);
    vsnprintf(sql, sizeof sql, format, args);
    va_end(args);
    return action_world_count(w, sql);
}

/* The coordinator adds SITE; returns its id. */
static int64_t add_site(struct action_world *w)
{
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_site_add_result result;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_site_add(&w->store, &actor,
                                               &(struct harvest_site_add_input){SITE, "UTC"},
                                               &result, &outcome),
                       &outcome);
    return result.site.id;
}

static int64_t add_event(struct action_world *w, const char *title)
{
    struct event_new event = {title,
                              test_day("2026-01-05"),
                              test_day("2026-12-31"),
                              "Montana State Library",
                              ACTIVITY_KIND_COURSE,
                              4,
                              "collection-management"};
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_event_create(&w->store, 0, &event, &id, &err), &err);
    return id;
}

/* Receives a completion of object (a course, or an activity of COURSE when named) by
 * the site's account. */
static void completion(struct action_world *w, int64_t site, const char *account,
                       const char *object, const char *name)
{
    char body[2048];
    if (name == NULL) {
        snprintf(body, sizeof body,
                 "{\"actor\": {\"account\": {\"homePage\": \"" SITE "\", \"name\": \"%s\"}},"
                 " \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\": \"%s\","
                 " \"definition\": {\"type\": \"https://w3id.org/xapi/cmi5/activitytype/course\"}},"
                 " \"timestamp\": \"2026-03-02T10:00:00-07:00\"}",
                 account, object);
    } else {
        snprintf(body, sizeof body,
                 "{\"actor\": {\"account\": {\"homePage\": \"" SITE "\", \"name\": \"%s\"}},"
                 " \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\": \"%s\","
                 " \"definition\": {\"name\": {\"en\": \"%s\"},"
                 " \"type\": \"http://id.tincanapi.com/activitytype/lms/module\"}},"
                 " \"context\": {\"contextActivities\": {\"parent\": [{\"id\": \"" COURSE "\","
                 " \"definition\": {\"type\": \"http://id.tincanapi.com/activitytype/lms/course\"}"
                 "}]}}, \"timestamp\": \"2026-03-02T10:00:00-07:00\"}",
                 account, object, name);
    }
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    test_ok(xapi_receive(&w->store, site, XAPI_VERSION_1_0, body, strlen(body), NULL, 1767225600000,
                         &receipt, &err),
            &err);
    assert_int_equal(receipt.added, 1);
    xapi_receipt_release(&receipt);
}

/* ---- adding a site ---- */

static void test_the_coordinator_adds_a_site_audited_as_theirs(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_site_add_result result;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(
        action_harvest_site_add(&w->store, &actor,
                                &(struct harvest_site_add_input){SITE "/", "America/Denver"},
                                &result, &outcome),
        &outcome);
    assert_string_equal(result.site.url, SITE);
    assert_string_equal(result.site.time_zone, "America/Denver");
    assert_int_equal(strncmp(result.credentials.api_key, "ct_", 3), 0);
    assert_string_equal(result.site.api_key, result.credentials.api_key);
    assert_int_equal(strlen(result.credentials.secret), 64);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "lms_sites");
    assert_int_equal(seen.entity_id, result.site.id);
    assert_string_equal(seen.action, "create");
}

static void test_only_the_coordinator_or_the_system_adds_a_site(void **state)
{
    struct action_world *w = *state;
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct actor actor = action_world_actor(w, others[i], TODAY);
        struct harvest_site_add_result result;
        struct action_outcome outcome = fresh_outcome();
        enum ct_status status = action_harvest_site_add(
            &w->store, &actor, &(struct harvest_site_add_input){SITE, "UTC"}, &result, &outcome);
        action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
        assert_string_equal(result.credentials.secret, "");
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_sites"), 0);
    struct actor system = actor_system(1, test_day(TODAY));
    struct harvest_site_add_result result;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_site_add(&w->store, &system,
                                               &(struct harvest_site_add_input){SITE, "UTC"},
                                               &result, &outcome),
                       &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, 0);
}

static void test_a_site_needs_an_address_and_a_known_zone(void **state)
{
    struct action_world *w = *state;
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_site_add_result result;
    struct action_outcome outcome = fresh_outcome();
    enum ct_status status = action_harvest_site_add(
        &w->store, &actor, &(struct harvest_site_add_input){"", NULL}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "url");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "time_zone");
    assert_string_equal(outcome.err.where, "url");
    outcome = fresh_outcome();
    status = action_harvest_site_add(&w->store, &actor,
                                     &(struct harvest_site_add_input){SITE, "America/Bozeman"},
                                     &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "time_zone");
    assert_non_null(strstr(outcome.err.message, "America/Bozeman"));
    outcome = fresh_outcome();
    status = action_harvest_site_add(&w->store, &actor,
                                     &(struct harvest_site_add_input){"www.example.org", "UTC"},
                                     &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "url");
    assert_int_equal(strncmp(outcome.err.message, "not a site address", 18), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_sites"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"
                                           " WHERE entity = 'lms_sites'"),
                     0);
}

static void test_an_address_registered_already_is_refused_by_state(void **state)
{
    struct action_world *w = *state;
    add_site(w);
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_site_add_result result;
    struct action_outcome outcome = fresh_outcome();
    enum ct_status status = action_harvest_site_add(
        &w->store, &actor, &(struct harvest_site_add_input){SITE "/", "UTC"}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "url");
    assert_string_equal(outcome.err.message, "a site is registered at " SITE " already");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_sites"), 1);
}

/* ---- linking an account ---- */

static void test_the_coordinator_links_an_account_and_its_statements_apply(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w, "Weeding Well");
    struct ct_err err = {0};
    test_ok(store_event_link_add(&w->store, 0, event, COURSE, NULL, &err), &err);
    completion(w, site, "1", COURSE, NULL);
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_account_link_result result;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_account_link(
                           &w->store, &actor,
                           &(struct harvest_account_link_input){site, "1", "STAFF@example.org", 0},
                           &result, &outcome),
                       &outcome);
    assert_int_equal(result.release.applied, 1);
    assert_int_equal(result.release.credited, 1);
    assert_int_equal(count_of(w, "SELECT COUNT(*) FROM lms_accounts WHERE person_id = %lld",
                              (long long)w->learner),
                     1);
    assert_int_equal(count_of(w,
                              "SELECT COUNT(*) FROM audit_log WHERE entity = 'lms_accounts'"
                              " AND action = 'link' AND actor_id = %lld",
                              (long long)w->coordinator),
                     1);
    /* The same link again changes nothing; by the person's id, as the command line does. */
    outcome = fresh_outcome();
    action_assert_done(action_harvest_account_link(
                           &w->store, &actor,
                           &(struct harvest_account_link_input){site, "1", NULL, w->learner},
                           &result, &outcome),
                       &outcome);
    assert_int_equal(result.release.applied, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_accounts"), 1);
}

static void test_only_the_coordinator_links_an_account(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct actor actor = action_world_actor(w, others[i], TODAY);
        struct harvest_account_link_result result;
        struct action_outcome outcome = fresh_outcome();
        enum ct_status status = action_harvest_account_link(
            &w->store, &actor,
            &(struct harvest_account_link_input){site, "1", "staff@example.org", 0}, &result,
            &outcome);
        action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_accounts"), 0);
}

static void test_a_link_names_every_bad_field_at_once(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_account_link_result result;
    struct action_outcome outcome = fresh_outcome();
    enum ct_status status = action_harvest_account_link(
        &w->store, &actor, &(struct harvest_account_link_input){site, "", "nobody@example.net", 0},
        &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "account");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "email");
    assert_string_equal(action_fault_of(&outcome, "email")->message,
                        "No person has this e-mail address.");
    outcome = fresh_outcome();
    status = action_harvest_account_link(&w->store, &actor,
                                         &(struct harvest_account_link_input){0, "1", NULL, 0},
                                         &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "site");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "email");
    outcome = fresh_outcome();
    status = action_harvest_account_link(
        &w->store, &actor,
        &(struct harvest_account_link_input){site + 1, "1", "staff@example.org", 0}, &result,
        &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "site");
    outcome = fresh_outcome();
    status = action_harvest_account_link(&w->store, &actor,
                                         &(struct harvest_account_link_input){site, "1", NULL, 999},
                                         &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "person");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_accounts"), 0);
}

static void test_an_account_linked_to_another_person_is_refused_by_state(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_account_link_result result;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_account_link(
                           &w->store, &actor,
                           &(struct harvest_account_link_input){site, "42", "staff@example.org", 0},
                           &result, &outcome),
                       &outcome);
    outcome = fresh_outcome();
    enum ct_status status = action_harvest_account_link(
        &w->store, &actor,
        &(struct harvest_account_link_input){site, "42", "director@example.org", 0}, &result,
        &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "account");
    char expected[128];
    snprintf(expected, sizeof expected, "account \"42\" is linked to person %lld already",
             (long long)w->learner);
    assert_string_equal(outcome.err.message, expected);
    assert_string_equal(outcome.err.where, "account");
}

/* ---- mapping a course ---- */

static void test_the_coordinator_maps_a_course_and_its_statements_apply(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w, "Weeding Well");
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_account_link_result linked;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_account_link(
                           &w->store, &actor,
                           &(struct harvest_account_link_input){site, "1", "staff@example.org", 0},
                           &linked, &outcome),
                       &outcome);
    completion(w, site, "1", COURSE, NULL);
    struct harvest_course_map_result result;
    outcome = fresh_outcome();
    action_assert_done(action_harvest_course_map(
                           &w->store, &actor,
                           &(struct harvest_course_map_input){.event_id = event, .url = COURSE},
                           &result, &outcome),
                       &outcome);
    assert_int_equal(result.release.applied, 1);
    assert_int_equal(result.release.credited, 1);
    /* The mapping is the coordinator's; the credit it released is the LMS's (actor 0). */
    assert_int_equal(count_of(w,
                              "SELECT COUNT(*) FROM audit_log WHERE entity = 'events' AND"
                              " action = 'link-lms' AND actor_id = %lld",
                              (long long)w->coordinator),
                     1);
}

static void test_a_course_is_mapped_by_its_parts(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w, "Collection Development Basics");
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_account_link_result linked;
    struct action_outcome outcome = fresh_outcome();
    action_assert_done(action_harvest_account_link(
                           &w->store, &actor,
                           &(struct harvest_account_link_input){site, "1", "staff@example.org", 0},
                           &linked, &outcome),
                       &outcome);
    completion(w, site, "1", QUIZ, "Quiz");
    const char *parts[] = {"Quiz", "Reflection"};
    struct harvest_course_map_result result;
    outcome = fresh_outcome();
    action_assert_done(
        action_harvest_course_map(&w->store, &actor,
                                  &(struct harvest_course_map_input){event, COURSE, parts, 2},
                                  &result, &outcome),
        &outcome);
    assert_int_equal(count_of(w,
                              "SELECT COUNT(*) FROM event_lms_links WHERE event_id = %lld"
                              " AND activity_name <> ''",
                              (long long)event),
                     2);
    /* The quiz is one part of two: applied, the course not credited yet. */
    assert_int_equal(result.release.applied, 1);
    assert_int_equal(result.release.credited, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    /* The other part completes the course. */
    completion(w, site, "1", SITE "/mod/assign/view.php?id=6", "Reflection");
    assert_int_equal(
        count_of(w, "SELECT COUNT(*) FROM activities WHERE event_id = %lld", (long long)event), 1);
}

static void test_only_the_coordinator_maps_a_course(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "Weeding Well");
    struct actor actor = action_world_actor(w, w->director, TODAY);
    struct harvest_course_map_result result;
    struct action_outcome outcome = fresh_outcome();
    enum ct_status status = action_harvest_course_map(
        &w->store, &actor, &(struct harvest_course_map_input){.event_id = event, .url = COURSE},
        &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_lms_links"), 0);
}

static void test_a_mapping_names_its_bad_fields_and_respects_the_catalog(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "Weeding Well");
    struct actor actor = action_world_actor(w, w->coordinator, TODAY);
    struct harvest_course_map_result result;
    struct action_outcome outcome = fresh_outcome();
    const char *empty_part[] = {""};
    enum ct_status status = action_harvest_course_map(
        &w->store, &actor, &(struct harvest_course_map_input){0, "", empty_part, 1}, &result,
        &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "event");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "url");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "parts");
    outcome = fresh_outcome();
    status = action_harvest_course_map(
        &w->store, &actor,
        &(struct harvest_course_map_input){.event_id = event, .url = "not an address"}, &result,
        &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "url");
    outcome = fresh_outcome();
    status = action_harvest_course_map(
        &w->store, &actor, &(struct harvest_course_map_input){.event_id = event + 1, .url = COURSE},
        &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_NOT_FOUND, "event");
    outcome = fresh_outcome();
    action_assert_done(action_harvest_course_map(
                           &w->store, &actor,
                           &(struct harvest_course_map_input){.event_id = event, .url = COURSE},
                           &result, &outcome),
                       &outcome);
    outcome = fresh_outcome();
    status = action_harvest_course_map(
        &w->store, &actor, &(struct harvest_course_map_input){.event_id = event, .url = COURSE},
        &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "url");
    assert_string_equal(outcome.err.message, "already mapped to an event: " COURSE);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_lms_links"), 1);
}

/* ---- importing a report ---- */

struct memory_source {
    const char *data;
    size_t at;
};

static enum ct_status memory_read(void *context, unsigned char *buffer, size_t size, size_t *got,
                                  struct ct_err *err)
{
    (void)err;
    struct memory_source *source = context;
    size_t left = strlen(source->data) - source->at;
    *got = left < size ? left : size;
    memcpy(buffer, source->data + source->at, *got);
    source->at += *got;
    return CT_OK;
}

static const char report[] = ",\"Email address\",\"Quiz\",\"\"\n"
                             "\"Sam Staff\",\"staff@example.org\",\"Completed\","
                             "\"2026-02-03 10:00:00\"\n";

static enum ct_status import(struct action_world *w, int64_t person, int64_t site, const char *text,
                             struct harvest_import_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, TODAY);
    struct memory_source memory = {text, 0};
    struct moodle_progress_source source = {memory_read, &memory};
    *outcome = fresh_outcome();
    return action_harvest_import(
        &w->store, &actor,
        &(struct harvest_import_input){site, text != NULL ? &source : NULL, "progress.csv", "web"},
        result, outcome);
}

static void test_the_coordinator_imports_a_report_recorded_as_theirs(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w, "Quiz");
    struct ct_err err = {0};
    test_ok(store_event_link_add(&w->store, 0, event, SITE "/course/view.php?id=3", "Quiz", &err),
            &err);
    struct harvest_import_result result;
    struct action_outcome outcome;
    action_assert_done(import(w, w->coordinator, site, report, &result, &outcome), &outcome);
    assert_int_equal(result.summary.counts.read, 1);
    assert_int_equal(result.summary.counts.created, 1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "harvest_imports");
    assert_int_equal(seen.entity_id, result.summary.import_id);
    assert_int_equal(count_of(w,
                              "SELECT COUNT(*) FROM harvest_imports WHERE imported_by = %lld"
                              " AND imported_via = 'web' AND file_name = 'progress.csv'",
                              (long long)w->coordinator),
                     1);
}

static void test_only_the_coordinator_imports_a_report(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    struct harvest_import_result result;
    struct action_outcome outcome;
    action_assert_refused(import(w, w->learner, site, report, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    action_assert_refused(import(w, w->consultant, site, report, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM harvest_imports"), 0);
}

static void test_an_import_names_its_site_and_file_and_keeps_nothing_of_a_bad_file(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    struct harvest_import_result result;
    struct action_outcome outcome;
    enum ct_status status = import(w, w->coordinator, site + 1, NULL, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "site");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "file");
    assert_string_equal(action_fault_of(&outcome, "file")->message,
                        "Choose the report file to upload.");
    status = import(w, w->coordinator, site, "name,score\nAda,3\n", &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "file");
    /* The importer's own error is kept, for the command line to say where. */
    assert_non_null(strstr(outcome.err.message, "not a Moodle activity completion report"));
    assert_non_null(strstr(action_fault_of(&outcome, "file")->message,
                           "not a Moodle activity completion report"));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM harvest_imports"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"
                                           " WHERE entity = 'harvest_imports'"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_adds_a_site_audited_as_theirs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_or_the_system_adds_a_site, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_site_needs_an_address_and_a_known_zone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_address_registered_already_is_refused_by_state,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_coordinator_links_an_account_and_its_statements_apply, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_links_an_account, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_link_names_every_bad_field_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_an_account_linked_to_another_person_is_refused_by_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_coordinator_maps_a_course_and_its_statements_apply,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_course_is_mapped_by_its_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_maps_a_course, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_mapping_names_its_bad_fields_and_respects_the_catalog, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_coordinator_imports_a_report_recorded_as_theirs,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_imports_a_report, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_an_import_names_its_site_and_file_and_keeps_nothing_of_a_bad_file, setup,
            teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
