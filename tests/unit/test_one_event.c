/* One catalog event, one credit: duplicates in an older database superseded by the
 * migration and merged on request; a second claim refused at its field; the parts of a
 * course making one whole; a withdrawal taking back only its own mapping's proof. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/db_open.h"
#include "store/migrations.h"
#include "store/store_activities.h"
#include "store/store_catalog.h"
#include "store/store_duplicates.h"
#include "store/store_harvest_completions.h"
#include "store/store_harvest_sites.h"
#include "store/store_harvest_proof.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "core/banned.h"

#define COURSE "https://learn.example.org/course/view.php?id=7"
#define OTHER  "https://learn.example.org/course/view.php?id=8"

struct fixture {
    char directory[128];
    char path[256];
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

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "one-event");
    test_database(f->path, sizeof f->path, f->directory, "test");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    store_close(&f->store);
    test_remove_directory(f->directory);
    free(f);
    return 0;
}

/* A store with a learner and a site. */
static void open_store(struct fixture *f)
{
    struct ct_err err = {0};
    test_ok(store_open(&f->store, f->path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(
                &f->store, 0,
                &(struct person_new){"Ada Lovelace", "ada@example.org", 0, 0, roles, NULL},
                &f->learner, &err),
            &err);
    struct lms_site_credentials credentials;
    test_ok(store_harvest_site_add(&f->store, 0, "https://learn.example.org", "UTC", &f->site,
                                   &credentials, &err),
            &err);
}

/* An event mapped to the links given (url, name pairs; a NULL url ends them). */
static int64_t add_event(struct fixture *f, const struct event_link *links, size_t count_links)
{
    struct catalog_event_new event = {
        .event = {"Weeding Well", test_day("2026-01-05"), test_day("2026-03-31"),
                  "Montana State Library", ACTIVITY_KIND_COURSE, 4, "collection-management"},
        .links = links,
        .link_count = count_links,
    };
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_catalog_event_add(&f->store, 0, &event, &id, &err), &err);
    return id;
}

/* ---- migration 8 ---- */

static void insert_old_activity(struct db *db, const char *key, const char *status,
                                const char *date)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves,"
             " category, status, provenance, event_id, created_at) VALUES (1, '%s', 'course',"
             " 'Weeding Well', '%s', 4, 'collection-management', '%s', 'catalog', 1,"
             " '2026-01-01T00:00:00Z')",
             key, date, status);
    struct ct_err err = {0};
    test_ok(db_exec(db, sql, &err), &err);
}

/* A database as version 7 left it: the learner holds event 1 three times (a rejected
 * one first) and event 1 once more under another person is no duplicate. */
static void write_version_7(const char *path)
{
    struct db *db = NULL;
    struct ct_err err = {0};
    test_ok(db_open(path, true, &db, &err), &err);
    test_ok(migrations_apply_until(db, 7, NULL, &err), &err);
    test_ok(db_exec(db,
                    "INSERT INTO people (id, name, email, email_key, created_at) VALUES"
                    " (1, 'Ada', 'ada@example.org', 'ada@example.org', 'x'),"
                    " (2, 'Bo', 'bo@example.org', 'bo@example.org', 'x');"
                    "INSERT INTO events (id, title, starts, ends, sponsor, kind, credit_halves,"
                    " category) VALUES (1, 'Weeding Well', '2026-01-05', '2026-01-05', 'MSL',"
                    " 'course', 4, 'collection-management')",
                    &err),
            &err);
    insert_old_activity(db, "a1", "rejected", "2026-01-05");
    insert_old_activity(db, "a2", "verified", "2026-02-01");
    insert_old_activity(db, "a3", "verified", "2026-03-01");
    test_ok(db_exec(db,
                    "INSERT INTO activities (person_id, record_key, kind, title, date,"
                    " credit_halves, category, status, provenance, event_id, created_at) VALUES"
                    " (2, 'b1', 'course', 'Weeding Well', '2026-01-05', 4,"
                    " 'collection-management', 'verified', 'catalog', 1, 'x')",
                    &err),
            &err);
    db_close(db);
}

static void test_migration_supersedes_every_later_duplicate_audited(void **state)
{
    struct fixture *f = *state;
    write_version_7(f->path);
    struct ct_err err = {0};
    test_ok(store_open(&f->store, f->path, false, test_msl_programs(), &err), &err);
    /* The first verified one is kept; the rejected one and the later one are superseded. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE superseded_by IS NULL AND"
                              " person_id = 1"),
                     1);
    assert_int_equal(count(f, "SELECT id FROM activities WHERE superseded_by IS NULL AND"
                              " person_id = 1"),
                     2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE superseded_by = 2 AND"
                              " status = 'rejected' AND status_reason LIKE 'superseded: the same"
                              " catalog event as activity a2%'"),
                     2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE action = 'supersede' AND"
                              " actor_id = 0 AND entity = 'activities'"),
                     2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE person_id = 2 AND"
                              " superseded_by IS NULL"),
                     1);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
    /* The index keeps it so, whatever writes to the table. */
    enum ct_status status = db_exec(f->store.db,
                                    "INSERT INTO activities (person_id, record_key, kind, date,"
                                    " status, provenance, event_id, created_at) VALUES (1, 'a9',"
                                    " 'course', '2026-04-01', 'pending', 'claim', 1, 'x')",
                                    &err);
    assert_int_not_equal(status, CT_OK);
    assert_non_null(strstr(err.message, "UNIQUE"));
}

static enum ct_status collect_duplicate(void *context, const struct duplicate *duplicate,
                                        struct ct_err *err)
{
    (void)err;
    int *seen = context;
    assert_int_equal(duplicate->kept_id, 2);
    assert_string_equal(duplicate->kept_key, "a2");
    assert_string_equal(duplicate->person_email, "ada@example.org");
    (*seen)++;
    return CT_OK;
}

static void test_check_lists_duplicates_and_merge_moves_their_proof(void **state)
{
    struct fixture *f = *state;
    write_version_7(f->path);
    struct ct_err err = {0};
    test_ok(store_open(&f->store, f->path, false, test_msl_programs(), &err), &err);
    test_ok(db_exec(f->store.db,
                    "INSERT INTO lms_sites (id, url, api_key, secret_hash, created_at) VALUES"
                    " (1, 'https://l.example.org', 'k', 'h', 'x');"
                    "INSERT INTO harvest_imports (id, site_id, imported_via, imported_at,"
                    " file_name, file_sha256) VALUES (1, 1, 'web', 'x', 'f.csv', 'h');"
                    "INSERT INTO harvest_provenance (activity_id, kind, import_id, raw_hash,"
                    " received_at) VALUES (3, 'file', 1, 'r3', 'x')",
                    &err),
            &err);
    int seen = 0;
    test_ok(store_duplicates_each(&f->store, collect_duplicate, &seen, &err), &err);
    assert_int_equal(seen, 2);
    int64_t merged = 0;
    test_ok(store_duplicates_merge(&f->store, 0, &merged, &err), &err);
    assert_int_equal(merged, 2);
    assert_int_equal(count(f, "SELECT activity_id FROM harvest_provenance WHERE raw_hash = 'r3'"),
                     2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE merged_at IS NOT NULL"), 2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE action = 'merge'"), 2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 4); /* nothing deleted */
    test_ok(store_duplicates_merge(&f->store, 0, &merged, &err), &err);
    assert_int_equal(merged, 0);
}

/* ---- claims ---- */

static struct activity_new claim(struct fixture *f, enum activity_kind kind, const char *title,
                                 const char *date, int64_t event_id)
{
    return (struct activity_new){
        .person_id = f->learner,
        .kind = kind,
        .title = title,
        .date = test_day(date),
        .credit_halves = 4,
        .minutes = kind == ACTIVITY_KIND_PRESENTING ? 60 : 0,
        .topic = kind == ACTIVITY_KIND_PRESENTING ? "Weeding" : NULL,
        .recorded = civil_date_unset(),
        .category = "collection-management",
        .status = "pending",
        .provenance = event_id > 0 ? PROVENANCE_CATALOG : PROVENANCE_CLAIM,
        .event_id = event_id,
    };
}

static void test_a_claim_of_an_event_held_is_refused_at_the_event(void **state)
{
    struct fixture *f = *state;
    open_store(f);
    struct event_link link = {COURSE, ""};
    int64_t event = add_event(f, &link, 1);
    struct ct_err err = {0};
    int64_t id = 0;
    struct activity_new first = claim(f, ACTIVITY_KIND_COURSE, "Weeding Well", "2026-01-05", event);
    test_ok(store_activity_add(&f->store, f->learner, &first, &id, &err), &err);
    struct activity_new again = claim(f, ACTIVITY_KIND_COURSE, "Weeding Well", "2026-02-05", event);
    int64_t other = 0;
    assert_int_equal(store_activity_add(&f->store, f->learner, &again, &other, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "event");
    char expected[128];
    snprintf(expected, sizeof expected, "as activity a%lld (pending, 2026-01-05)", (long long)id);
    assert_non_null(strstr(err.message, expected));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
}

static void test_a_claim_like_one_held_is_refused_at_the_title(void **state)
{
    struct fixture *f = *state;
    open_store(f);
    struct ct_err err = {0};
    int64_t id = 0;
    struct activity_new first =
        claim(f, ACTIVITY_KIND_WORKSHOP, "Reference Interview", "2026-03-02", 0);
    test_ok(store_activity_add(&f->store, f->learner, &first, &id, &err), &err);
    struct activity_new same =
        claim(f, ACTIVITY_KIND_WORKSHOP, "  reference INTERVIEW ", "2026-03-02", 0);
    assert_int_equal(store_activity_add(&f->store, f->learner, &same, &id, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "title");
    assert_non_null(strstr(err.message, "same kind, title and date"));
    /* Another day, or another kind, is another activity. */
    struct activity_new later =
        claim(f, ACTIVITY_KIND_WORKSHOP, "Reference Interview", "2026-03-03", 0);
    test_ok(store_activity_add(&f->store, f->learner, &later, &id, &err), &err);
    struct activity_new webinar =
        claim(f, ACTIVITY_KIND_WEBINAR, "Reference Interview", "2026-03-02", 0);
    test_ok(store_activity_add(&f->store, f->learner, &webinar, &id, &err), &err);
    /* The same workshop may be presented twice in a day. */
    struct activity_new given = claim(f, ACTIVITY_KIND_PRESENTING, "Weeding", "2026-03-02", 0);
    test_ok(store_activity_add(&f->store, f->learner, &given, &id, &err), &err);
    test_ok(store_activity_add(&f->store, f->learner, &given, &id, &err), &err);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 5);
}

/* ---- harvest: parts and proofs ---- */

static struct harvest_completion completion(struct fixture *f, int64_t event,
                                            const struct harvest_link *link, const char *date,
                                            const char *hash)
{
    return (struct harvest_completion){
        .site_id = f->site,
        .person_id = f->learner,
        .event_id = event,
        .date = test_day(date),
        .source = HARVEST_FROM_XAPI,
        .statement_id = hash,
        .record_ref = hash,
        .raw_hash = hash,
        .link = link,
    };
}

#define HASH(c)                                                                                    \
    c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c  \
        c c c c c c c c c c c c c c c c c

static void test_the_parts_of_a_course_make_one_whole(void **state)
{
    struct fixture *f = *state;
    open_store(f);
    struct event_link links[] = {{COURSE, "Module 1 quiz"}, {COURSE, "Final reflection"}};
    int64_t event = add_event(f, links, 2);
    struct harvest_link quiz = {COURSE, "Module 1 quiz"}, reflection = {COURSE, "Final reflection"};
    struct harvest_completion_outcome outcome;
    struct ct_err err = {0};
    struct harvest_completion first = completion(f, event, &quiz, "2026-02-03", HASH("a"));
    test_ok(store_harvest_completion(&f->store, 0, &first, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_PARTIAL);
    assert_string_equal(outcome.missing, "\"Final reflection\"");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    struct harvest_completion last = completion(f, event, &reflection, "2026-03-02", HASH("b"));
    test_ok(store_harvest_completion(&f->store, 0, &last, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_CREATED);
    /* Complete on the day the last part was. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE date = '2026-03-02'"), 1);
    struct harvest_completion again = completion(f, event, &quiz, "2026-04-01", HASH("c"));
    test_ok(store_harvest_completion(&f->store, 0, &again, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
}

static void withdraw(struct fixture *f, int64_t event, const struct harvest_link *link,
                     const char *date, struct harvest_withdrawal_outcome *outcome)
{
    struct harvest_withdrawal withdrawal = {f->learner, event, link, test_day(date),
                                            "uncompleted in the LMS"};
    struct ct_err err = {0};
    test_ok(db_begin(f->store.db, &err), &err);
    test_ok(store_harvest_proof_withdraw(&f->store, 0, &withdrawal, outcome, &err), &err);
    test_ok(db_commit(f->store.db, &err), &err);
}

static void test_a_withdrawal_takes_credit_only_when_no_other_proof_remains(void **state)
{
    struct fixture *f = *state;
    open_store(f);
    struct event_link links[] = {{COURSE, ""}, {OTHER, ""}};
    int64_t event = add_event(f, links, 2);
    struct harvest_link course = {COURSE, ""}, other = {OTHER, ""};
    struct harvest_completion_outcome outcome;
    struct ct_err err = {0};
    struct harvest_completion by_course = completion(f, event, &course, "2026-02-03", HASH("a"));
    test_ok(store_harvest_completion(&f->store, 0, &by_course, &outcome, &err), &err);
    struct harvest_completion by_other = completion(f, event, &other, "2026-02-10", HASH("b"));
    test_ok(store_harvest_completion(&f->store, 0, &by_other, &outcome, &err), &err);
    assert_int_equal(outcome.result, HARVEST_DUPLICATE);

    struct harvest_withdrawal_outcome withdrawn;
    withdraw(f, event, &course, "2026-01-01", &withdrawn); /* before the credit */
    assert_int_equal(withdrawn.result, HARVEST_WITHDREW_NOTHING);
    withdraw(f, event, &course, "2026-03-01", &withdrawn);
    assert_int_equal(withdrawn.result, HARVEST_WITHDREW_PROOF);
    assert_non_null(strstr(withdrawn.note, "1 other record of another mapping"));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'pending'"), 1);
    withdraw(f, event, &other, "2026-03-01", &withdrawn);
    assert_int_equal(withdrawn.result, HARVEST_WITHDREW_CREDIT);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected' AND"
                              " status_reason = 'uncompleted in the LMS'"),
                     1);
}

static void test_a_learners_claim_outlives_the_lms_withdrawal(void **state)
{
    struct fixture *f = *state;
    open_store(f);
    struct event_link link = {COURSE, ""};
    int64_t event = add_event(f, &link, 1);
    struct ct_err err = {0};
    int64_t id = 0;
    struct activity_new registered =
        claim(f, ACTIVITY_KIND_COURSE, "Weeding Well", "2026-01-05", event);
    test_ok(store_activity_add(&f->store, f->learner, &registered, &id, &err), &err);
    struct harvest_link course = {COURSE, ""};
    struct harvest_completion_outcome outcome;
    struct harvest_completion by_course = completion(f, event, &course, "2026-02-03", HASH("a"));
    test_ok(store_harvest_completion(&f->store, 0, &by_course, &outcome, &err), &err);
    assert_int_equal(outcome.activity_id, id);
    struct harvest_withdrawal_outcome withdrawn;
    withdraw(f, event, &course, "2026-03-01", &withdrawn);
    assert_int_equal(withdrawn.result, HARVEST_WITHDREW_PROOF);
    assert_non_null(strstr(withdrawn.note, "registration"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migration_supersedes_every_later_duplicate_audited,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_lists_duplicates_and_merge_moves_their_proof,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_of_an_event_held_is_refused_at_the_event,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_claim_like_one_held_is_refused_at_the_title, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_parts_of_a_course_make_one_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_withdrawal_takes_credit_only_when_no_other_proof_remains, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_learners_claim_outlives_the_lms_withdrawal, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
