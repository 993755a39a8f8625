/* Harvest in the database: sites and their credentials, account links, completions
 * that are created once and then only gain provenance, withdrawals, imports. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_catalog.h"
#include "store/store_harvest_accounts.h"
#include "store/store_harvest_completions.h"
#include "store/store_harvest_imports.h"
#include "store/store_harvest_mappings.h"
#include "store/store_harvest_proof.h"
#include "store/store_harvest_sites.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    int64_t learner;
    int64_t site;
    struct lms_site_credentials credentials;
    int64_t event;          /* pending for the supervisor */
    int64_t verified_event; /* the LMS is proof enough */
};

static const char hash_a[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static const char hash_b[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
static const char hash_c[] = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

static int64_t add_event(struct fixture *f, const char *title, const char *activity_name,
                         bool lms_verifies)
{
    struct event_link link = {"https://learn.example.org/course/view.php?id=7", activity_name};
    struct catalog_event_new event = {
        .event = {title, test_day("2026-01-05"), test_day("2026-03-31"), "Montana State Library",
                  ACTIVITY_KIND_COURSE, 4, "collection-management"},
        .lms_verifies = lms_verifies,
        .links = &link,
        .link_count = 1,
    };
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_catalog_event_add(&f->store, 0, &event, &id, &err), &err);
    return id;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "harvest");
    char path[256];
    test_database(path, sizeof path, f->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(
                &f->store, 0,
                &(struct person_new){"Ada Lovelace", "Ada@Example.org", 0, 0, roles, NULL},
                &f->learner, &err),
            &err);
    test_ok(store_harvest_site_add(&f->store, 0, "https://learn.example.org/", "America/Denver",
                                   &f->site, &f->credentials, &err),
            &err);
    f->event = add_event(f, "Collection Development Basics", "Module 1 quiz", false);
    f->verified_event = add_event(f, "Weeding Well", "Final \"reflection\"", true);
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

static void test_site_add_prints_credentials_once_and_keeps_only_a_hash(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(strncmp(f->credentials.api_key, "ct_", 3), 0);
    assert_int_equal(strlen(f->credentials.api_key), 35);
    assert_int_equal(strlen(f->credentials.secret), 64);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM lms_sites WHERE secret_hash = '%s'",
             f->credentials.secret);
    assert_int_equal(count(f, sql), 0);
    struct lms_site site;
    bool found = false;
    struct ct_err err = {0};
    test_ok(
        store_harvest_site_find_by_url(&f->store, "https://learn.example.org", &site, &found, &err),
        &err);
    assert_true(found);
    assert_int_equal(site.id, f->site);
    assert_string_equal(site.url, "https://learn.example.org");
    assert_string_equal(site.time_zone, "America/Denver");
    /* The audit entry shows the hash as "(set)" only. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'lms_sites' AND"
                              " after_json LIKE '%\"secret_hash\":\"(set)\"%'"),
                     1);
}

static void test_site_add_defaults_to_utc(void **state)
{
    struct fixture *f = *state;
    int64_t id = 0;
    struct lms_site_credentials credentials;
    struct ct_err err = {0};
    test_ok(store_harvest_site_add(&f->store, 0, "http://moodle.example.net", NULL, &id,
                                   &credentials, &err),
            &err);
    struct lms_site site;
    bool found = false;
    test_ok(store_harvest_site_find_by_id(&f->store, id, &site, &found, &err), &err);
    assert_true(found);
    assert_string_equal(site.time_zone, "UTC");
}

static void test_site_add_refuses_bad_input_and_changes_nothing(void **state)
{
    struct fixture *f = *state;
    int64_t id = 0;
    struct lms_site_credentials credentials;
    struct ct_err err = {0};
    int64_t sites = count(f, "SELECT COUNT(*) FROM lms_sites");
    assert_int_equal(
        store_harvest_site_add(&f->store, 0, "learn.example.org", NULL, &id, &credentials, &err),
        CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    assert_int_equal(store_harvest_site_add(&f->store, 0, "https://learn.example.org", "UTC", &id,
                                            &credentials, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "url");
    assert_int_equal(store_harvest_site_add(&f->store, 0, "https://other.example.org",
                                            "Mars/Olympus_Mons", &id, &credentials, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "time_zone");
    assert_int_equal(store_harvest_site_add(&f->store, 0, "https://other.example.org",
                                            "../../etc/passwd", &id, &credentials, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "time_zone");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM lms_sites"), sites);
}

static void test_credentials_match_only_the_right_secret(void **state)
{
    struct fixture *f = *state;
    struct lms_site site;
    bool matches = false;
    struct ct_err err = {0};
    test_ok(store_harvest_site_check_credentials(&f->store, f->credentials.api_key,
                                                 f->credentials.secret, &site, &matches, &err),
            &err);
    assert_true(matches);
    assert_int_equal(site.id, f->site);
    char wrong[LMS_SECRET_SIZE];
    snprintf(wrong, sizeof wrong, "%s", f->credentials.secret);
    wrong[10] = wrong[10] == '0' ? '1' : '0';
    test_ok(store_harvest_site_check_credentials(&f->store, f->credentials.api_key, wrong, &site,
                                                 &matches, &err),
            &err);
    assert_false(matches);
    test_ok(store_harvest_site_check_credentials(&f->store, "ct_nobody", f->credentials.secret,
                                                 &site, &matches, &err),
            &err);
    assert_false(matches);
    test_ok(store_harvest_site_check_credentials(&f->store, f->credentials.api_key, "", &site,
                                                 &matches, &err),
            &err);
    assert_false(matches);
}

static void test_account_link_is_once_per_site_and_name(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t applied = -1;
    test_ok(store_harvest_account_link(&f->store, 0, f->site, "42", f->learner, &applied, &err),
            &err);
    assert_int_equal(applied, 0);
    /* Again to the same person: nothing changes. */
    test_ok(store_harvest_account_link(&f->store, 0, f->site, "42", f->learner, &applied, &err),
            &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM lms_accounts"), 1);
    int64_t person = 0;
    bool found = false;
    test_ok(store_harvest_account_find(&f->store, f->site, "42", &person, &found, &err), &err);
    assert_true(found);
    assert_int_equal(person, f->learner);
    test_ok(store_harvest_account_find(&f->store, f->site, "43", &person, &found, &err), &err);
    assert_false(found);

    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    int64_t other = 0;
    test_ok(store_person_create(
                &f->store, 0,
                &(struct person_new){"Grace Hopper", "grace@example.org", 0, 0, roles, NULL},
                &other, &err),
            &err);
    assert_int_equal(store_harvest_account_link(&f->store, 0, f->site, "42", other, NULL, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "account");
    assert_int_equal(store_harvest_account_link(&f->store, 0, f->site, "", other, NULL, &err),
                     CT_ERR_INPUT);
    assert_int_equal(store_harvest_account_link(&f->store, 0, f->site, "44", 9999, NULL, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "person");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM lms_accounts"), 1);
}

static void test_activity_names_map_to_events_of_the_site(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    enum harvest_mapping mapping;
    int64_t event = 0;
    test_ok(store_harvest_event_by_activity_name(&f->store, "https://learn.example.org",
                                                 "Module 1 quiz", &mapping, &event, NULL, &err),
            &err);
    assert_int_equal(mapping, HARVEST_MAPPED);
    assert_int_equal(event, f->event);
    /* Moodle writes a '"' in a name as "'". */
    test_ok(store_harvest_event_by_activity_name(&f->store, "https://learn.example.org",
                                                 "Final 'reflection'", &mapping, &event, NULL,
                                                 &err),
            &err);
    assert_int_equal(mapping, HARVEST_MAPPED);
    assert_int_equal(event, f->verified_event);
    test_ok(store_harvest_event_by_activity_name(&f->store, "https://other.example.org",
                                                 "Module 1 quiz", &mapping, &event, NULL, &err),
            &err);
    assert_int_equal(mapping, HARVEST_UNMAPPED);
    test_ok(store_harvest_event_by_activity_name(&f->store, "https://learn.example.org", "Module 2",
                                                 &mapping, &event, NULL, &err),
            &err);
    assert_int_equal(mapping, HARVEST_UNMAPPED);
}

static void test_person_by_email_ignores_case_and_never_reads_an_id(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t person = 0;
    bool found = false;
    test_ok(store_harvest_person_by_email(&f->store, "ADA@example.ORG", &person, &found, &err),
            &err);
    assert_true(found);
    assert_int_equal(person, f->learner);
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)f->learner);
    test_ok(store_harvest_person_by_email(&f->store, id, &person, &found, &err), &err);
    assert_false(found);
}

static struct harvest_completion file_completion(struct fixture *f, int64_t import_id,
                                                 int64_t event, const char *date, const char *hash)
{
    return (struct harvest_completion){.site_id = f->site,
                                       .person_id = f->learner,
                                       .event_id = event,
                                       .date = test_day(date),
                                       .source = HARVEST_FROM_FILE,
                                       .import_id = import_id,
                                       .record_ref = "import 1 line 2",
                                       .raw_hash = hash};
}

static int64_t begin_import(struct fixture *f)
{
    struct ct_err err = {0};
    int64_t import_id = 0;
    test_ok(db_begin(f->store.db, &err), &err);
    test_ok(store_harvest_import_begin(&f->store, 0, "command line", f->site, "/tmp/progress.x.csv",
                                       hash_a, &import_id, &err),
            &err);
    test_ok(db_commit(f->store.db, &err), &err);
    return import_id;
}

static void test_completion_creates_once_then_adds_provenance(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t import_id = begin_import(f);
    struct harvest_completion completion =
        file_completion(f, import_id, f->event, "2026-02-03", hash_a);
    struct harvest_completion_outcome outcome;
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_CREATED);
    assert_false(outcome.verified);
    assert_true(outcome.provenance_added);
    int64_t created = outcome.activity_id;
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'pending' AND"
                              " provenance = 'harvest' AND kind = 'course' AND credit_halves = 4"
                              " AND category = 'collection-management' AND date = '2026-02-03'"
                              " AND source = 'https://learn.example.org'"),
                     1);

    /* The same raw record again: a duplicate, no new provenance. */
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);
    assert_int_equal(outcome.activity_id, created);
    assert_false(outcome.provenance_added);

    /* The same completion by xAPI: one activity, two provenance records. */
    struct harvest_completion by_xapi = completion;
    by_xapi.source = HARVEST_FROM_XAPI;
    by_xapi.import_id = 0;
    by_xapi.statement_id = "0f3a9a1e-4a7c-4c39-9f5e-0d2a4f0e7b11";
    by_xapi.raw_hash = hash_b;
    test_ok(store_harvest_completion(&f->store, 0, &by_xapi, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);
    assert_true(outcome.provenance_added);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 2);

    /* Completed again on another day: still one event, one credit; the new record is
     * provenance of the activity held. */
    completion.date = test_day("2026-02-04");
    completion.record_ref = "import 1 line 3";
    completion.raw_hash = hash_c;
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);
    assert_int_equal(outcome.activity_id, created);
    assert_true(outcome.provenance_added);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 3);
}

static void test_completion_of_an_event_the_lms_verifies_is_verified(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t import_id = begin_import(f);
    struct harvest_completion completion =
        file_completion(f, import_id, f->verified_event, "2026-03-02", hash_a);
    struct harvest_completion_outcome outcome;
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_CREATED);
    assert_true(outcome.verified);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'verified'"), 1);
}

static void test_completion_refuses_bad_input_and_changes_nothing(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t import_id = begin_import(f);
    struct harvest_completion_outcome outcome;
    struct harvest_completion completion =
        file_completion(f, import_id, 9999, "2026-02-03", hash_a);
    assert_int_equal(store_harvest_completion(&f->store, 0, &completion, &outcome, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "event");
    completion = file_completion(f, import_id, f->event, "2026-02-03", "short");
    assert_int_equal(store_harvest_completion(&f->store, 0, &completion, &outcome, &err),
                     CT_ERR_INPUT);
    completion = file_completion(f, 0, f->event, "2026-02-03", hash_a);
    assert_int_equal(store_harvest_completion(&f->store, 0, &completion, &outcome, &err),
                     CT_ERR_INPUT);
    completion = file_completion(f, import_id, f->event, "2026-02-03", hash_a);
    completion.site_id = 9999;
    assert_int_equal(store_harvest_completion(&f->store, 0, &completion, &outcome, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "site");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 0);
}

static void test_withdraw_rejects_with_reason_and_keeps_history(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t import_id = begin_import(f);
    struct harvest_completion completion =
        file_completion(f, import_id, f->verified_event, "2026-03-02", hash_a);
    struct harvest_completion_outcome outcome;
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    bool withdrawn = false;
    assert_int_equal(
        store_harvest_withdraw(&f->store, 0, outcome.activity_id, "", &withdrawn, &err),
        CT_ERR_INPUT);
    test_ok(store_harvest_withdraw(&f->store, 0, outcome.activity_id,
                                   "uncompleted in the LMS (statement 1)", &withdrawn, &err),
            &err);
    assert_true(withdrawn);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected' AND"
                              " status_reason = 'uncompleted in the LMS (statement 1)'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'activities'"
                              " AND action IN ('create', 'withdraw')"),
                     2);
    /* Withdrawing again changes nothing. */
    test_ok(store_harvest_withdraw(&f->store, 0, outcome.activity_id, "again", &withdrawn, &err),
            &err);
    assert_false(withdrawn);
    /* Pending ones are rejected. */
    completion = file_completion(f, import_id, f->event, "2026-02-03", hash_b);
    completion.record_ref = "import 1 line 3";
    test_ok(store_harvest_completion(&f->store, 0, &completion, &outcome, &err), &err);
    test_ok(
        store_harvest_withdraw(&f->store, 0, outcome.activity_id, "uncompleted", &withdrawn, &err),
        &err);
    assert_true(withdrawn);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"), 2);
    assert_int_equal(store_harvest_withdraw(&f->store, 0, 9999, "x", &withdrawn, &err),
                     CT_ERR_INPUT);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
}

static void test_import_records_rows_and_counts(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t import_id = 0;
    test_ok(db_begin(f->store.db, &err), &err);
    test_ok(store_harvest_import_begin(&f->store, 0, "command line", f->site,
                                       "/home/x/progress.collection_development_basics.csv", hash_b,
                                       &import_id, &err),
            &err);
    struct harvest_row row = {4,
                              HARVEST_ROW_REFUSED,
                              "unknown learner",
                              "nobody@example.net",
                              "Nobody Known",
                              "Module 1 quiz",
                              "2026-02-05 10:00:00",
                              0,
                              3};
    test_ok(store_harvest_row_add(&f->store, import_id, &row, &err), &err);
    assert_int_equal(count(f, "SELECT column_number FROM harvest_rows WHERE line = 4"), 3);
    struct harvest_counts counts = {3, 2, 0, 0, 0, 4, 0};
    test_ok(store_harvest_import_finish(&f->store, 0, import_id, &counts, NULL, &err), &err);
    test_ok(db_commit(f->store.db, &err), &err);
    assert_int_equal(
        count(f, "SELECT COUNT(*) FROM harvest_imports WHERE file_name ="
                 " 'progress.collection_development_basics.csv' AND rows_read = 3 AND created = 2"
                 " AND refused = 4 AND imported_via = 'command line' AND imported_by IS NULL"),
        1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_rows WHERE line = 4 AND outcome ="
                              " 'refused' AND reason = 'unknown learner'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE entity = 'harvest_imports'"),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_site_add_prints_credentials_once_and_keeps_only_a_hash,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_site_add_defaults_to_utc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_site_add_refuses_bad_input_and_changes_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_credentials_match_only_the_right_secret, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_account_link_is_once_per_site_and_name, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_activity_names_map_to_events_of_the_site, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_person_by_email_ignores_case_and_never_reads_an_id,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_completion_creates_once_then_adds_provenance, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_completion_of_an_event_the_lms_verifies_is_verified,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_completion_refuses_bad_input_and_changes_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_withdraw_rejects_with_reason_and_keeps_history, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_records_rows_and_counts, setup, teardown),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
