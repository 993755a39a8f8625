/* The demonstration data set holds what the demo and the tests promise. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo/demo_data.h"
#include "io/clock.h"
#include "store/audit.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "store/store_record.h"
#include "store/store_tracks.h"
#include "core/banned.h"

#define DEMO_TODAY "2026-06-15"
#define DEMO_SEED  1

struct fixture {
    char directory[128];
    struct store store;
    struct demo_data_summary summary;
    struct civil_date today;
};

/* The first column of a one-integer query on the demo database. */
static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

/* Opens a new database in directory and fills it on DEMO_TODAY (from CERTTRACK_TODAY):
 * each store change in its own transaction, or all in one (demo_data_fill_whole) as the
 * command does. */
static void fill_new(const char *directory, bool one_transaction, struct store *store,
                     struct demo_data_summary *summary, struct civil_date *today)
{
    char path[256];
    test_database(path, sizeof path, directory, "demo");
    struct ct_err err = {0};
    test_ok(clock_today(today, &err), &err);
    test_ok(store_open(store, path, true, test_msl_programs(), &err), &err);
    enum ct_status status = one_transaction
                                ? demo_data_fill_whole(store, *today, DEMO_SEED, summary, &err)
                                : demo_data_fill(store, *today, DEMO_SEED, summary, &err);
    test_ok(status, &err);
}

static int fill(void **state)
{
    setenv("CERTTRACK_TODAY", DEMO_TODAY, 1);
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "demo");
    fill_new(f->directory, false, &f->store, &f->summary, &f->today);
    *state = f;
    return 0;
}

static int clean(void **state)
{
    struct fixture *f = *state;
    store_close(&f->store);
    int result = test_remove_directory(f->directory);
    free(f);
    return result;
}

static int64_t person(struct fixture *f, const char *email)
{
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_person_find(&f->store, email, &id, &err), &err);
    return id;
}

static struct track_info current_track(struct fixture *f, const char *email)
{
    struct track_info track;
    struct ct_err err = {0};
    test_ok(store_track_current(&f->store, person(f, email), &track, &err), &err);
    return track;
}

static void test_demo_set_has_the_promised_size(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(f->summary.libraries, 80);
    assert_true(f->summary.people >= 380 && f->summary.people <= 430);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people"), f->summary.people);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM strategic_plans"), 80);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM strategic_plans WHERE starts <= '" DEMO_TODAY
                              "' AND ends >= '" DEMO_TODAY "'"),
                     80);
    assert_int_equal(count(f, "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM library_goals"
                              " GROUP BY strategic_plan_id) goals"),
                     3);
    assert_int_equal(count(f, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM library_goals"
                              " GROUP BY strategic_plan_id) goals"),
                     5);
    assert_int_equal(f->summary.events, 40);
    assert_true(f->summary.certificates > 20);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM certificates"), f->summary.certificates);
    assert_true(f->summary.activities > 4000);
}

static void test_every_role_and_program_is_present(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT role) FROM person_roles"), 5);
    int64_t coordinators =
        count(f, "SELECT COUNT(*) FROM person_roles WHERE role = 'ce-coordinator'");
    assert_true(coordinators >= 3 && coordinators <= 4);
    int64_t consultants = count(f, "SELECT COUNT(*) FROM person_roles WHERE role = 'consultant'");
    assert_true(consultants >= 5 && consultants <= 6);
    /* Every library has a consultant, and only consultants are assigned (in
     * library_consultants: the old libraries.consultant_id is no longer written). */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM libraries l WHERE NOT EXISTS (SELECT 1"
                              " FROM library_consultants c WHERE c.library_id = l.id)"),
                     0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM library_consultants WHERE person_id NOT IN"
                              " (SELECT person_id FROM person_roles WHERE role = 'consultant')"),
                     0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM libraries WHERE consultant_id IS NOT NULL"), 0);
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT program) FROM tracks"), 5);
    /* Every learner has a verifier, and every verifier is a supervisor. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people p JOIN person_roles r"
                              " ON r.person_id = p.id AND r.role = 'learner'"
                              " WHERE p.verifier_id IS NULL"),
                     0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people WHERE verifier_id IS NOT NULL"
                              " AND verifier_id NOT IN (SELECT person_id FROM person_roles"
                              " WHERE role = 'supervisor')"),
                     0);
    /* Library administrators besides the directors. */
    assert_true(count(f, "SELECT COUNT(*) FROM person_roles a WHERE a.role ="
                         " 'library-administrator' AND NOT EXISTS (SELECT 1 FROM person_roles l"
                         " WHERE l.person_id = a.person_id AND l.role = 'learner')") > 0);
    /* Strategic Track learners hold an earlier certificate. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM tracks t WHERE t.program = 'msl-strategic'"
                              " AND NOT EXISTS (SELECT 1 FROM certificates c"
                              " WHERE c.person_id = t.person_id AND c.issued < t.started)"),
                     0);
}

static void test_plans_are_in_every_state(void **state)
{
    struct fixture *f = *state;
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'approved'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'submitted'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'draft'"
                         " AND version = 1 AND returned_comment IS NULL") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'draft'"
                         " AND returned_comment IS NOT NULL") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions v WHERE v.state = 'draft'"
                         " AND v.version = 2 AND EXISTS (SELECT 1 FROM plan_versions a"
                         " WHERE a.track_id = v.track_id AND a.version = 1"
                         " AND a.state = 'approved')") > 0);
}

static void test_activities_are_in_every_status_and_shape(void **state)
{
    struct fixture *f = *state;
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'verified'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'pending'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"
                         " AND status_reason NOT LIKE 'Marked uncompleted%'") > 0);
    /* Withdrawn: verified, then rejected on an LMS "uncompleted". */
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"
                         " AND status_reason LIKE 'Marked uncompleted%'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE date < '2022-06-15'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE semester_halves > 0") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE quarter_halves > 0") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM (SELECT person_id FROM activities"
                         " WHERE kind = 'presenting' AND status = 'verified'"
                         " GROUP BY person_id, topic HAVING COUNT(*) >= 3) repeated") > 0);
    /* Registrations copy their catalog event; nothing after today is verified yet. */
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE provenance = 'catalog'") > 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities a JOIN events e"
                              " ON e.id = a.event_id WHERE a.date <> e.starts"
                              " OR a.kind <> e.kind OR a.credit_halves <> e.credit_halves"
                              " OR a.category <> e.category"),
                     0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE date > '" DEMO_TODAY "'"
                              " AND status <> 'pending'"),
                     0);
}

/* How often each reason and status occurs over every open track, evaluated today. */
struct tally {
    size_t reasons[REASON_SELF_DIRECTED_CAP + 1];
    size_t statuses[TRACK_EXPIRED + 1];
};

static void tally_track(struct fixture *f, int64_t track, struct tally *tally)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(&f->store, track, f->today, &record, &evaluation, &err), &err);
    tally->statuses[evaluation->status]++;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        tally->reasons[evaluation->activities[i].reason]++;
    }
    evaluation_free(evaluation);
    record_free(record);
}

static void test_the_engine_meets_every_rule_in_the_set(void **state)
{
    struct fixture *f = *state;
    int64_t first = count(f, "SELECT MIN(id) FROM tracks");
    int64_t last = count(f, "SELECT MAX(id) FROM tracks");
    struct tally tally;
    memset(&tally, 0, sizeof tally);
    for (int64_t track = first; track <= last; track++) {
        char sql[128];
        snprintf(sql, sizeof sql,
                 "SELECT COUNT(*) FROM tracks WHERE id = %lld AND state IN ('active', 'submitted')",
                 (long long)track);
        if (count(f, sql) == 1) {
            tally_track(f, track, &tally);
        }
    }
    static const enum reason expected[] = {
        REASON_REJECTED,          REASON_EXPIRED,
        REASON_BEFORE_PLAN,       REASON_ARCHIVED_WEBINAR_TOO_OLD,
        REASON_NOT_VERIFIED,      REASON_UNPLANNED_SELF_DIRECTED,
        REASON_FUTURE_DATED,      REASON_PRESENTING_TOPIC_LIMIT,
        REASON_SELF_DIRECTED_CAP,
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        if (tally.reasons[expected[i]] == 0) {
            fail_msg("no activity in the set is decided %s", reason_code(expected[i]));
        }
    }
    assert_true(tally.statuses[TRACK_IN_PROGRESS] > 0);
    assert_true(tally.statuses[TRACK_COMPLETE] > 0);
    assert_true(tally.statuses[TRACK_EXPIRED] > 0);
}

static void test_the_log_ins_of_every_role_work(void **state)
{
    struct fixture *f = *state;
    const char *emails[] = {"coordinator@example.org", "director@example.org",
                            "staff@example.org",       "ready@example.org",
                            "planner@example.org",     "consultant@example.org",
                            "trustee@example.org"};
    for (size_t i = 0; i < sizeof emails / sizeof emails[0]; i++) {
        bool matches = false;
        struct ct_err err = {0};
        test_ok(store_person_check_password(&f->store, person(f, emails[i]), DEMO_PASSWORD,
                                            &matches, &err),
                &err);
        assert_true(matches);
    }
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people WHERE password_hash IS NOT NULL"), 7);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM person_roles r JOIN people p"
                              " ON p.id = r.person_id WHERE p.email = 'coordinator@example.org'"
                              " AND r.role = 'ce-coordinator'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM person_roles r JOIN people p"
                              " ON p.id = r.person_id WHERE p.email = 'director@example.org'"
                              " AND r.role IN ('learner', 'supervisor', 'library-administrator')"),
                     3);
    /* The consultant is assigned the director's library; the trustee is on the trustee
     * track there. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM libraries l JOIN library_consultants lc"
                              " ON lc.library_id = l.id JOIN people c ON c.id = lc.person_id"
                              " JOIN people d ON d.library_id = l.id"
                              " WHERE c.email = 'consultant@example.org'"
                              " AND d.email = 'director@example.org'"),
                     1);
    assert_string_equal(current_track(f, "trustee@example.org").program, "msl-trustee");
}

static void test_staff_member_is_on_the_strategic_track_under_the_director(void **state)
{
    struct fixture *f = *state;
    int64_t staff = person(f, "staff@example.org");
    struct track_info track = current_track(f, "staff@example.org");
    assert_string_equal(track.program, "msl-strategic");
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM plan_versions WHERE track_id = %lld AND state = 'approved'",
             (long long)track.id);
    assert_int_equal(count(f, sql), 1);
    snprintf(sql, sizeof sql, "SELECT verifier_id FROM people WHERE id = %lld", (long long)staff);
    assert_int_equal(count(f, sql), person(f, "director@example.org"));
    /* The director has a claim of theirs to verify. */
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE person_id = %lld AND status = 'pending'",
             (long long)staff);
    assert_true(count(f, sql) > 0);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(&f->store, track.id, f->today, &record, &evaluation, &err), &err);
    bool capped = false;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        capped |= evaluation->activities[i].reason == REASON_SELF_DIRECTED_CAP;
    }
    assert_true(capped);
    assert_int_equal(evaluation->status, TRACK_IN_PROGRESS);
    evaluation_free(evaluation);
    record_free(record);
}

static void test_ready_learner_is_complete_and_waiting_for_the_award(void **state)
{
    struct fixture *f = *state;
    struct track_info track = current_track(f, "ready@example.org");
    assert_string_equal(track.program, "msl-strategic");
    assert_string_equal(track.state, "submitted");
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM final_reports WHERE track_id = %lld AND state = 'accepted'",
             (long long)track.id);
    assert_int_equal(count(f, sql), 1);
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM certificates WHERE track_id = %lld",
             (long long)track.id);
    assert_int_equal(count(f, sql), 0);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(&f->store, track.id, f->today, &record, &evaluation, &err), &err);
    assert_int_equal(evaluation->status, TRACK_COMPLETE);
    assert_int_equal(evaluation->blocking_count, 0);
    evaluation_free(evaluation);
    record_free(record);
}

static void test_planner_is_on_the_strategic_track_without_a_plan(void **state)
{
    struct fixture *f = *state;
    int64_t planner = person(f, "planner@example.org");
    struct track_info track = current_track(f, "planner@example.org");
    assert_string_equal(track.program, "msl-strategic");
    assert_string_equal(track.state, "active");
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM plan_versions WHERE track_id = %lld",
             (long long)track.id);
    assert_int_equal(count(f, sql), 0);
    /* At director@'s library, who verifies and co-signs. */
    snprintf(sql, sizeof sql, "SELECT verifier_id FROM people WHERE id = %lld", (long long)planner);
    assert_int_equal(count(f, sql), person(f, "director@example.org"));
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM people p JOIN people d ON d.library_id = p.library_id"
             " WHERE p.id = %lld AND d.email = 'director@example.org'",
             (long long)planner);
    assert_int_equal(count(f, sql), 1);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(&f->store, track.id, f->today, &record, &evaluation, &err), &err);
    assert_int_equal(evaluation->status, TRACK_IN_PROGRESS);
    assert_int_equal(evaluation->counted_halves, 0);
    bool plan_missing = false;
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        plan_missing |= evaluation->blocking[i].code == BLOCKING_PLAN_MISSING;
    }
    assert_true(plan_missing);
    evaluation_free(evaluation);
    record_free(record);
}

/* FNV-1a over every row the set is made of (timestamps left out). */
static uint64_t digest(struct store *store)
{
    static const char *const queries[] = {
        "SELECT name, email, library_id, verifier_id FROM people ORDER BY id",
        "SELECT name, city, kind FROM libraries ORDER BY id",
        "SELECT library_id, person_id FROM library_consultants ORDER BY library_id, person_id",
        "SELECT strategic_plan_id, code, title FROM library_goals ORDER BY id",
        "SELECT person_id, program, started, deadline, state FROM tracks ORDER BY id",
        "SELECT track_id, version, state, submitted FROM plan_versions ORDER BY id",
        ("SELECT person_id, kind, title, date, credit_halves, semester_halves, quarter_halves,"
         " minutes, topic, plan_item, recorded, status, event_id FROM activities ORDER BY id"),
        "SELECT title, starts, credit_halves FROM events ORDER BY id",
    };
    uint64_t hash = 0xcbf29ce484222325u;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        struct db_stmt *stmt = NULL;
        struct ct_err err = {0};
        test_ok(db_prepare(store->db, queries[q], &stmt, &err), &err);
        bool has_row = false;
        while (db_step(stmt, &has_row, &err) == CT_OK && has_row) {
            for (int c = 0; c < db_column_count(stmt); c++) {
                const char *text = db_column_text(stmt, c);
                for (const char *p = text != NULL ? text : "(null)"; *p != '\0'; p++) {
                    hash = (hash ^ (unsigned char)*p) * 0x100000001b3u;
                }
                hash = (hash ^ 0x1f) * 0x100000001b3u;
            }
        }
        db_finalize(stmt);
    }
    return hash;
}

/* Each award draws its certificate's place in the revocation status list at random:
 * distinct, within the list's least size, and not the issue order. */
static void test_certificates_have_random_distinct_places_in_the_status_list(void **state)
{
    struct fixture *f = *state;
    int64_t certificates = count(f, "SELECT COUNT(*) FROM certificates");
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT status_index) FROM certificates"),
                     certificates);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM certificates WHERE status_index < 0"
                              " OR status_index >= 131072"),
                     0);
    assert_true(count(f, "SELECT COUNT(*) FROM certificates WHERE status_index = id") < 3);
}

/* Also when made in one transaction, as the command makes it. */
static void test_the_same_seed_and_day_give_the_same_set(void **state)
{
    struct fixture *f = *state;
    char directory[128];
    test_scratch_directory(directory, sizeof directory, "demo-again");
    struct store again;
    struct demo_data_summary summary;
    struct civil_date today;
    fill_new(directory, true, &again, &summary, &today);
    assert_memory_equal(&summary, &f->summary, sizeof summary);
    assert_true(digest(&again) == digest(&f->store));
    store_close(&again);
    assert_int_equal(test_remove_directory(directory), 0);
}

static void test_audit_trail_is_intact_and_a_second_fill_is_refused(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
    assert_true(entries > 5000);
    int64_t people = count(f, "SELECT COUNT(*) FROM people");
    struct demo_data_summary again;
    assert_int_equal(demo_data_fill(&f->store, f->today, DEMO_SEED, &again, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "empty database"));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people"), people);
    int64_t entries_after = 0;
    test_ok(audit_verify(f->store.db, &entries_after, &err), &err);
    assert_int_equal(entries_after, entries);
}

static void test_a_refused_whole_fill_leaves_the_database_as_it_was(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
    int64_t people = count(f, "SELECT COUNT(*) FROM people");
    struct demo_data_summary again;
    assert_int_equal(demo_data_fill_whole(&f->store, f->today, DEMO_SEED, &again, &err),
                     CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "empty database"));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people"), people);
    int64_t entries_after = 0;
    test_ok(audit_verify(f->store.db, &entries_after, &err), &err);
    assert_int_equal(entries_after, entries);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_set_has_the_promised_size),
        cmocka_unit_test(test_every_role_and_program_is_present),
        cmocka_unit_test(test_plans_are_in_every_state),
        cmocka_unit_test(test_activities_are_in_every_status_and_shape),
        cmocka_unit_test(test_the_engine_meets_every_rule_in_the_set),
        cmocka_unit_test(test_the_log_ins_of_every_role_work),
        cmocka_unit_test(test_staff_member_is_on_the_strategic_track_under_the_director),
        cmocka_unit_test(test_ready_learner_is_complete_and_waiting_for_the_award),
        cmocka_unit_test(test_planner_is_on_the_strategic_track_without_a_plan),
        cmocka_unit_test(test_the_same_seed_and_day_give_the_same_set),
        cmocka_unit_test(test_certificates_have_random_distinct_places_in_the_status_list),
        cmocka_unit_test(test_audit_trail_is_intact_and_a_second_fill_is_refused),
        cmocka_unit_test(test_a_refused_whole_fill_leaves_the_database_as_it_was),
    };
    int failures = cmocka_run_group_tests(tests, fill, clean);
    test_programs_release();
    return failures;
}
