/* xAPI statements received and interpreted: stored once per id, a conflict refused
 * whole, completions credited once in the site's time zone, uncompletions withdrawn,
 * statements waiting for an account link or a course mapping applied when it comes. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harvest/xapi_receive.h"
#include "store/store_catalog.h"
#include "store/store_harvest_accounts.h"
#include "store/store_harvest_completions.h"
#include "store/store_harvest_imports.h"
#include "store/store_harvest_sites.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "store/store_xapi.h"
#include "core/banned.h"

#define SITE          "http://www.example.org"
#define COURSE        SITE "/course/view.php?id=2"
#define MODULE        SITE "/mod/book/view.php?id=1"
#define ID_COMPLETED  "6a1f0c52-8c0e-4d8e-9a5e-2f1d3c4b5a61"
#define ID_UNCOMPLETE "6a1f0c52-8c0e-4d8e-9a5e-2f1d3c4b5a62"

struct fixture {
    char directory[128];
    struct store store;
    int64_t learner;
    int64_t site;
};

static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

/* A catalog event mapped to url (and, when not NULL, the activity so named in it). */
static int64_t add_event(struct fixture *f, const char *url, const char *activity_name)
{
    struct event_link link = {url, activity_name};
    struct catalog_event_new event = {
        .event = {"Weeding Well", test_day("2026-01-05"), test_day("2026-12-31"),
                  "Montana State Library", ACTIVITY_KIND_COURSE, 4, "collection-management"},
        .lms_verifies = true,
        .links = &link,
        .link_count = 1,
    };
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_catalog_event_add(&f->store, 0, &event, &id, &err), &err);
    return id;
}

static void link_learner(struct fixture *f, const char *account, int64_t *applied)
{
    struct ct_err err = {0};
    test_ok(store_harvest_account_link(&f->store, 0, f->site, account, f->learner, applied, &err),
            &err);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "xapi");
    char path[256];
    test_database(path, sizeof path, f->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(
                &f->store, 0,
                &(struct person_new){"Ada Lovelace", "ada@example.org", 0, 0, roles, NULL},
                &f->learner, &err),
            &err);
    struct lms_site_credentials credentials;
    test_ok(store_harvest_site_add(&f->store, 0, SITE "/", "America/Denver", &f->site, &credentials,
                                   &err),
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

/* A statement by Moodle user account, verb, about object (in COURSE's context). */
static void statement(char *out, size_t size, const char *id, const char *account, const char *verb,
                      const char *object, const char *timestamp)
{
    char id_field[80] = "";
    if (id != NULL) {
        snprintf(id_field, sizeof id_field, "\"id\": \"%s\", ", id);
    }
    snprintf(out, size,
             "{%s\"actor\": {\"account\": {\"homePage\": \"" SITE "\", \"name\": \"%s\"}},"
             " \"verb\": {\"id\": \"%s\"}, \"object\": {\"id\": \"%s\", \"definition\": "
             "{\"name\": {\"en\": \"test_book_name\"}}}, \"context\": {\"contextActivities\": "
             "{\"parent\": [{\"id\": \"" COURSE "\", \"definition\": {\"type\": "
             "\"https://w3id.org/xapi/cmi5/activitytype/course\"}}]}},"
             " \"timestamp\": \"%s\"}",
             id_field, account, verb, object, timestamp);
}

static enum ct_status receive(struct fixture *f, const char *body, struct xapi_receipt *receipt,
                              struct ct_err *err)
{
    return xapi_receive(&f->store, f->site, XAPI_VERSION_1_0, body, strlen(body), NULL,
                        1767225600000 /* 2026-01-01T00:00:00Z */, receipt, err);
}

static void receive_ok(struct fixture *f, const char *body, size_t expected_added)
{
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    test_ok(receive(f, body, &receipt, &err), &err);
    assert_int_equal(receipt.added, expected_added);
    xapi_receipt_release(&receipt);
}

static struct xapi_statement_outcome outcome_of(struct fixture *f, const char *id)
{
    struct xapi_statement_outcome outcome;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_xapi_statement_outcome(&f->store, id, &outcome, &found, &err), &err);
    assert_true(found);
    return outcome;
}

static void assert_state(struct fixture *f, const char *id, const char *state, const char *reason)
{
    struct xapi_statement_outcome outcome = outcome_of(f, id);
    if (strcmp(outcome.state, state) != 0 || strstr(outcome.reason, reason) == NULL) {
        fail_msg("statement %s: %s (%s), expected %s (... %s ...)", id, outcome.state,
                 outcome.reason, state, reason);
    }
}

static void test_completion_by_a_linked_learner_on_a_mapped_course_is_credited_once(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    /* 03:30 UTC on 2 March is still 1 March in Montana (UTC-7). */
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T03:30:00Z");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "credited", "created");
    assert_true(outcome_of(f, ID_COMPLETED).created);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE provenance = 'harvest' AND"
                              " date = '2026-03-01' AND status = 'verified'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance WHERE kind = 'xapi' AND"
                              " statement_id = '" ID_COMPLETED "'"),
                     1);
    /* The same statement again: nothing new. */
    receive_ok(f, body, 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM xapi_statements"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    /* The same completion under another id (Moodle sends none): no second activity, and
     * the same content adds no second provenance record. */
    statement(body, sizeof body, NULL, "1", XAPI_VERB_COMPLETED, COURSE, "2026-03-02T03:30:00Z");
    receive_ok(f, body, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM xapi_statements WHERE state = 'credited' AND"
                              " created = 0 AND reason LIKE 'already recorded%'"),
                     1);
}

static void test_same_id_with_other_content_is_a_conflict_and_stores_nothing(void **state)
{
    struct fixture *f = *state;
    char first[2048], other[2048], body[4200];
    statement(first, sizeof first, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T03:30:00Z");
    receive_ok(f, first, 1);
    statement(other, sizeof other, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-03T03:30:00Z");
    statement(first, sizeof first, ID_UNCOMPLETE, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T03:30:00Z");
    snprintf(body, sizeof body, "[%s, %s]", first, other);
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    assert_int_equal(receive(f, body, &receipt, &err), CT_ERR_INPUT);
    assert_true(receipt.conflict);
    assert_string_equal(err.where, "statements[1].id");
    xapi_receipt_release(&receipt);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM xapi_statements"), 1);
}

static void test_unlinked_account_waits_until_the_link(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "waiting", "account \"1\" of " SITE " is not linked");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    int64_t applied = 0;
    link_learner(f, "1", &applied);
    assert_int_equal(applied, 1);
    assert_state(f, ID_COMPLETED, "credited", "created");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE date = '2026-03-02'"), 1);
}

static void test_unmapped_course_waits_until_it_is_mapped(void **state)
{
    struct fixture *f = *state;
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "waiting", COURSE " is not mapped to a catalog event");
    int64_t event = add_event(f, COURSE, NULL);
    assert_state(f, ID_COMPLETED, "credited", "created");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    /* Mapping a second address later applies nothing twice. */
    struct ct_err err = {0};
    test_ok(store_event_link_add(&f->store, 0, event, SITE "/course/view.php?id=3", NULL, &err),
            &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
}

static void test_module_is_mapped_by_its_name_within_its_course(void **state)
{
    struct fixture *f = *state;
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, MODULE,
              "2026-03-02T10:00:00-07:00");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "waiting", MODULE " is not mapped");
    add_event(f, COURSE, "test_book_name");
    assert_state(f, ID_COMPLETED, "credited", "created");
}

static void test_uncompleted_withdraws_the_completion_and_keeps_its_history(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    receive_ok(f, body, 1);
    statement(body, sizeof body, ID_UNCOMPLETE, "1", XAPI_VERB_UNCOMPLETED, COURSE,
              "2026-03-04T10:00:00-07:00");
    receive_ok(f, body, 1);
    assert_state(f, ID_UNCOMPLETE, "withdrawn", "uncompleted in the LMS");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected' AND"
                              " status_reason LIKE 'uncompleted in the LMS at "
                              "2026-03-04T17:00:00.000Z (xAPI statement " ID_UNCOMPLETE ")'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'activities' AND"
                              " action = 'withdraw'"),
                     1);
    /* The completing statement still says what it did. */
    assert_state(f, ID_COMPLETED, "credited", "created");
}

static void test_waiting_statements_apply_in_order_of_arrival(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    char a[2048], b[2048], body[4200];
    statement(a, sizeof a, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    statement(b, sizeof b, ID_UNCOMPLETE, "1", XAPI_VERB_UNCOMPLETED, COURSE,
              "2026-03-02T11:00:00-07:00");
    snprintf(body, sizeof body, "[%s, %s]", a, b);
    receive_ok(f, body, 2);
    int64_t applied = 0;
    link_learner(f, "1", &applied);
    assert_int_equal(applied, 2);
    assert_state(f, ID_UNCOMPLETE, "withdrawn", "withdrawn");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"), 1);
}

static void test_statements_that_are_no_credit_are_ignored_with_a_reason(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", "https://w3id.org/xapi/tla/verbs/scored",
              COURSE, "2026-03-02T10:00:00Z");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "ignored", "does not change credit");
    statement(body, sizeof body, ID_UNCOMPLETE, "1", XAPI_VERB_COMPLETED,
              SITE "/mod/quiz/attempt.php?attempt=1&cmid=1", "2026-03-02T10:00:00Z");
    receive_ok(f, body, 1);
    assert_state(f, ID_UNCOMPLETE, "ignored", "neither a course nor a course module");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
}

/* A course completion by account 1 with more in it: result and context extensions. */
static void completion_with(char *out, size_t size, const char *id, const char *object,
                            const char *result, const char *extensions)
{
    snprintf(out, size,
             "{\"id\": \"%s\", \"actor\": {\"account\": {\"homePage\": \"" SITE
             "\", \"name\": \"1\"}}, \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"},"
             " \"object\": {\"id\": \"%s\"}, \"result\": %s, \"context\": {\"extensions\":"
             " %s}, \"timestamp\": \"2026-03-02T10:00:00Z\"}",
             id, object, result, extensions);
}

static void test_a_completion_without_passing_earns_no_credit(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    /* As logstore_xapi sends course_module_completion_updated with completionstate 3. */
    completion_with(body, sizeof body, ID_COMPLETED, COURSE,
                    "{\"completion\": true, \"success\": false}",
                    "{\"" XAPI_MOODLE_INFO_EXTENSION "\": {\"event_name\":"
                    " \"\\\\core\\\\event\\\\course_module_completion_updated\"}}");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "ignored", "completed without passing");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    completion_with(body, sizeof body, ID_UNCOMPLETE, COURSE,
                    "{\"completion\": true, \"success\": true}", "{}");
    receive_ok(f, body, 1);
    assert_state(f, ID_UNCOMPLETE, "credited", "created");
}

static void test_only_course_and_activity_completions_credit(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    /* A lesson ended: logstore_xapi says "completed", with the event that it was. */
    completion_with(body, sizeof body, ID_COMPLETED, COURSE, "{\"completion\": true}",
                    "{\"" XAPI_MOODLE_INFO_EXTENSION "\": {\"event_name\":"
                    " \"\\\\mod_lesson\\\\event\\\\lesson_ended\"}}");
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "ignored", "not a course or activity completion");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    /* The course completion itself credits. */
    completion_with(body, sizeof body, ID_UNCOMPLETE, COURSE, "{\"completion\": true}",
                    "{\"" XAPI_MOODLE_INFO_EXTENSION "\": {\"event_name\":"
                    " \"\\\\core\\\\event\\\\course_completed\"}}");
    receive_ok(f, body, 1);
    assert_state(f, ID_UNCOMPLETE, "credited", "created");
}

static void test_a_module_name_matches_as_moodle_rewrites_it(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, "Q&A: <b>Reference</b> interview");
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, MODULE,
              "2026-03-02T10:00:00-07:00");
    char *name = strstr(body, "test_book_name");
    assert_non_null(name);
    char rewritten[2200];
    snprintf(rewritten, sizeof rewritten, "%.*sQ&amp;A: Reference interview%s", (int)(name - body),
             body, name + strlen("test_book_name"));
    receive_ok(f, rewritten, 1);
    assert_state(f, ID_COMPLETED, "credited", "created");
}

static void test_account_of_another_site_is_ignored(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    const char *body = "{\"id\": \"" ID_COMPLETED "\", \"actor\": {\"account\": {\"homePage\": "
                       "\"https://elsewhere.example\", \"name\": \"1\"}}, \"verb\": {\"id\": "
                       "\"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\": \"" COURSE "\"}}";
    receive_ok(f, body, 1);
    assert_state(f, ID_COMPLETED, "ignored", "not of this site");
}

static void test_the_same_completion_by_file_and_by_xapi_is_one_activity(void **state)
{
    struct fixture *f = *state;
    int64_t event = add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char body[2048];
    statement(body, sizeof body, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    receive_ok(f, body, 1);
    struct ct_err err = {0};
    test_ok(db_begin(f->store.db, &err), &err);
    int64_t import_id = 0;
    test_ok(store_harvest_import_begin(
                &f->store, 0, "command line", f->site, "progress.csv",
                "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", &import_id,
                &err),
            &err);
    struct harvest_completion completion = {
        .site_id = f->site,
        .person_id = f->learner,
        .event_id = event,
        .date = test_day("2026-03-02"),
        .source = HARVEST_FROM_FILE,
        .import_id = import_id,
        .record_ref = "import 1 line 2",
        .raw_hash = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
    };
    struct harvest_completion_outcome outcome;
    test_ok(store_harvest_completion_in_transaction(&f->store, 0, &completion, &outcome, &err),
            &err);
    test_ok(db_commit(f->store.db, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT kind) FROM harvest_provenance"), 2);
}

static void test_statement_kept_verbatim(void **state)
{
    struct fixture *f = *state;
    const char *body = "[ {\"actor\":{\"mbox\":\"mailto:x@example.org\"},"
                       "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attended\"},"
                       "\"object\":{\"id\":\"http://x.example/a\"}} ]";
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    test_ok(receive(f, body, &receipt, &err), &err);
    assert_int_equal(receipt.count, 1);
    assert_true(xapi_uuid_is_valid(receipt.ids[0]));
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM xapi_statements WHERE id = '%s' AND raw_json = '%.*s'",
             receipt.ids[0], (int)(strlen(body) - 4), body + 2);
    assert_int_equal(count(f, sql), 1);
    xapi_receipt_release(&receipt);
}

static void test_site_counts_reconcile_every_statement(void **state)
{
    struct fixture *f = *state;
    add_event(f, COURSE, NULL);
    link_learner(f, "1", NULL);
    char a[2048], b[2048], c[2048], d[2048], e[2048], body[11000];
    statement(a, sizeof a, ID_COMPLETED, "1", XAPI_VERB_COMPLETED, COURSE,
              "2026-03-02T10:00:00-07:00");
    statement(b, sizeof b, NULL, "1", XAPI_VERB_COMPLETED, COURSE, "2026-03-02T11:00:00-07:00");
    statement(c, sizeof c, NULL, "2", XAPI_VERB_COMPLETED, COURSE, "2026-03-02T10:00:00-07:00");
    statement(d, sizeof d, NULL, "1", "http://id.tincanapi.com/verb/viewed", COURSE,
              "2026-03-02T10:00:00-07:00");
    statement(e, sizeof e, ID_UNCOMPLETE, "1", XAPI_VERB_UNCOMPLETED, COURSE,
              "2026-03-03T10:00:00-07:00");
    snprintf(body, sizeof body, "[%s, %s, %s, %s, %s]", a, b, c, d, e);
    receive_ok(f, body, 5);
    struct harvest_counts counts;
    struct ct_err err = {0};
    test_ok(store_xapi_site_counts(&f->store, f->site, &counts, &err), &err);
    assert_int_equal(counts.read, 5);
    assert_int_equal(counts.created, 1);
    assert_int_equal(counts.duplicates, 1);
    assert_int_equal(counts.waiting, 1);
    assert_int_equal(counts.refused, 1);
    assert_int_equal(counts.withdrawn, 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_completion_by_a_linked_learner_on_a_mapped_course_is_credited_once),
        T(test_same_id_with_other_content_is_a_conflict_and_stores_nothing),
        T(test_unlinked_account_waits_until_the_link),
        T(test_unmapped_course_waits_until_it_is_mapped),
        T(test_module_is_mapped_by_its_name_within_its_course),
        T(test_uncompleted_withdraws_the_completion_and_keeps_its_history),
        T(test_waiting_statements_apply_in_order_of_arrival),
        T(test_statements_that_are_no_credit_are_ignored_with_a_reason),
        T(test_account_of_another_site_is_ignored),
        T(test_a_completion_without_passing_earns_no_credit),
        T(test_only_course_and_activity_completions_credit),
        T(test_a_module_name_matches_as_moodle_rewrites_it),
        T(test_the_same_completion_by_file_and_by_xapi_is_one_activity),
        T(test_statement_kept_verbatim),
        T(test_site_counts_reconcile_every_statement),
    };
    int result = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return result;
}
