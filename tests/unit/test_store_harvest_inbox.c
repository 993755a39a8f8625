/* The harvest inbox: linking an account or mapping an address applies the statements
 * waiting for it, and says exactly how many were applied, credited and still wait; a
 * refusal changes nothing. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harvest/xapi_receive.h"
#include "harvest/xapi_statement.h"
#include "store/store_catalog.h"
#include "store/store_harvest_accounts.h"
#include "store/store_harvest_sites.h"
#include "store/store_harvest_inbox.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "core/banned.h"

#define SITE   "http://www.example.org"
#define COURSE SITE "/course/view.php?id=2"
#define OTHER  SITE "/course/view.php?id=3"

struct fixture {
    char directory[128];
    struct store store;
    int64_t learner;
    int64_t site;
    int64_t event;
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
    test_scratch_directory(f->directory, sizeof f->directory, "inbox");
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
    test_ok(
        store_harvest_site_add(&f->store, 0, SITE, "America/Denver", &f->site, &credentials, &err),
        &err);
    struct civil_date starts, ends;
    assert_true(civil_date_parse("2026-01-05", &starts));
    assert_true(civil_date_parse("2026-12-31", &ends));
    struct event_new event = {
        "Weeding Well",         starts, ends, "Montana State Library", ACTIVITY_KIND_COURSE, 4,
        "collection-management"};
    test_ok(store_event_create(&f->store, 0, &event, &f->event, &err), &err);
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

/* Receives a completion of course by the site's account on day (ISO 8601). */
static void completion(struct fixture *f, const char *account, const char *course, const char *day)
{
    char body[1024];
    snprintf(body, sizeof body,
             "{\"actor\": {\"account\": {\"homePage\": \"" SITE "\", \"name\": \"%s\"}},"
             " \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\": \"%s\","
             " \"definition\": {\"type\": \"https://w3id.org/xapi/cmi5/activitytype/course\"}},"
             " \"timestamp\": \"%sT10:00:00-07:00\"}",
             account, course, day);
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    test_ok(xapi_receive(&f->store, f->site, XAPI_VERSION_1_0, body, strlen(body), NULL,
                         1767225600000, &receipt, &err),
            &err);
    assert_int_equal(receipt.added, 1);
    xapi_receipt_release(&receipt);
}

static void test_linking_counts_what_it_applied_and_what_still_waits(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    test_ok(store_event_link_add(&f->store, 0, f->event, COURSE, NULL, &err), &err);
    completion(f, "1", COURSE, "2026-03-02");
    completion(f, "1", COURSE, "2026-03-02"); /* the same completion again: a duplicate */
    completion(f, "1", OTHER, "2026-03-03");  /* waits for its course, after the link too */
    completion(f, "2", COURSE, "2026-03-04"); /* another account: not concerned */
    struct harvest_release release;
    test_ok(
        store_harvest_inbox_link_account(&f->store, 0, f->site, "1", f->learner, &release, &err),
        &err);
    assert_int_equal(release.applied, 2);
    assert_int_equal(release.credited, 2);
    assert_int_equal(release.withdrawn, 0);
    assert_int_equal(release.still_waiting, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM xapi_statements WHERE state = 'waiting'"), 2);
}

static void test_mapping_counts_what_it_applied(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t applied = 0;
    test_ok(store_harvest_account_link(&f->store, 0, f->site, "1", f->learner, &applied, &err),
            &err);
    completion(f, "1", COURSE, "2026-03-02");
    completion(f, "3", COURSE, "2026-03-02"); /* still waits: its account is not linked */
    struct harvest_release release;
    test_ok(store_harvest_inbox_map_url(&f->store, 0, f->event, COURSE, &release, &err), &err);
    assert_int_equal(release.applied, 1);
    assert_int_equal(release.credited, 1);
    assert_int_equal(release.still_waiting, 1);
    int64_t waiting = 0;
    test_ok(store_harvest_inbox_count(&f->store, &waiting, &err), &err);
    assert_int_equal(waiting, 1);
}

static void test_a_refused_link_or_mapping_changes_nothing(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    test_ok(store_event_link_add(&f->store, 0, f->event, COURSE, NULL, &err), &err);
    completion(f, "1", COURSE, "2026-03-02");
    int64_t audit = count(f, "SELECT COUNT(*) FROM audit_log");
    struct harvest_release release;
    assert_int_equal(
        store_harvest_inbox_link_account(&f->store, 0, f->site, "1", 999, &release, &err),
        CT_ERR_INPUT);
    assert_string_equal(err.where, "person");
    assert_int_equal(release.applied, 0);
    assert_int_equal(store_harvest_inbox_map_url(&f->store, 0, f->event, COURSE, &release, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), audit);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM lms_accounts"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM xapi_statements WHERE state = 'waiting'"), 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_linking_counts_what_it_applied_and_what_still_waits),
        T(test_mapping_counts_what_it_applied),
        T(test_a_refused_link_or_mapping_changes_nothing),
    };
    int result = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return result;
}
