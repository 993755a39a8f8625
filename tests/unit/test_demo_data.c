/* The demonstration data set holds what the demo and the tests promise. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo/demo_data.h"
#include "store/audit.h"
#include "store/store_people.h"
#include "store/store_record.h"
#include "store/store_tracks.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    struct demo_data_summary summary;
};

static struct civil_date today(void)
{
    return civil_date_from_ymd(2026, 6, 15);
}

static void ok(enum ct_status status, const struct ct_err *err)
{
    if (status != CT_OK) {
        fail_msg("%s: %s", err->where, err->message);
    }
}

static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

static int fill(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "demo");
    char path[256];
    snprintf(path, sizeof path, "%s/demo.db", f->directory);
    struct ct_err err = {0};
    ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    ok(demo_data_fill(&f->store, today(), 1, &f->summary, &err), &err);
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
    ok(store_person_find(&f->store, email, &id, &err), &err);
    return id;
}

static void test_demo_set_has_the_promised_size(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(f->summary.libraries, 80);
    assert_true(f->summary.people >= 380 && f->summary.people <= 430);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM strategic_plans"), 80);
    assert_true(count(f, "SELECT COUNT(*) FROM library_goals") >= 240);
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT role) FROM person_roles"), 5);
    assert_int_equal(count(f, "SELECT COUNT(DISTINCT program) FROM tracks"), 5);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM libraries WHERE consultant_id IS NULL"), 0);
    assert_true(f->summary.certificates > 20);
    assert_int_equal(f->summary.events, 40);
}

static void test_plans_and_activities_cover_every_state(void **state)
{
    struct fixture *f = *state;
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'approved'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'submitted'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'draft'"
                         " AND returned_comment IS NOT NULL") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM plan_versions WHERE state = 'draft'"
                         " AND version = 2") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'pending'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected'"
                         " AND status_reason LIKE 'Marked uncompleted%'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE provenance = 'catalog'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE kind = 'self-directed'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM activities WHERE date < '2022-06-15'") > 0);
    assert_true(count(f, "SELECT COUNT(*) FROM tracks WHERE state = 'certified'") > 0);
}

static void test_the_four_log_ins_work(void **state)
{
    struct fixture *f = *state;
    const char *emails[] = {"coordinator@example.org", "director@example.org", "staff@example.org",
                            "ready@example.org"};
    for (size_t i = 0; i < 4; i++) {
        bool matches = false;
        struct ct_err err = {0};
        ok(store_person_check_password(&f->store, person(f, emails[i]), DEMO_PASSWORD, &matches,
                                       &err),
           &err);
        assert_true(matches);
    }
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people WHERE password_hash IS NOT NULL"), 4);
}

static void test_staff_member_is_on_the_strategic_track_under_the_director(void **state)
{
    struct fixture *f = *state;
    int64_t staff = person(f, "staff@example.org");
    struct track_info track;
    struct ct_err err = {0};
    ok(store_track_current(&f->store, staff, &track, &err), &err);
    assert_string_equal(track.program, "msl-strategic");
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM plan_versions WHERE track_id = %lld AND state = 'approved'",
             (long long)track.id);
    assert_int_equal(count(f, sql), 1);
    snprintf(sql, sizeof sql, "SELECT verifier_id FROM people WHERE id = %lld", (long long)staff);
    assert_int_equal(count(f, sql), person(f, "director@example.org"));
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    ok(store_record_evaluate(&f->store, track.id, today(), &record, &evaluation, &err), &err);
    bool capped = false;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        capped |= evaluation->activities[i].reason == REASON_SELF_DIRECTED_CAP;
    }
    assert_true(capped);
    evaluation_free(evaluation);
    record_free(record);
}

static void test_ready_learner_is_complete_and_waiting_for_the_award(void **state)
{
    struct fixture *f = *state;
    struct track_info track;
    struct ct_err err = {0};
    ok(store_track_current(&f->store, person(f, "ready@example.org"), &track, &err), &err);
    assert_string_equal(track.program, "msl-strategic");
    assert_string_equal(track.state, "submitted");
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    ok(store_record_evaluate(&f->store, track.id, today(), &record, &evaluation, &err), &err);
    assert_int_equal(evaluation->status, TRACK_COMPLETE);
    evaluation_free(evaluation);
    record_free(record);
}

static void test_audit_trail_is_intact_and_a_second_fill_is_refused(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t entries = 0;
    ok(audit_verify(f->store.db, &entries, &err), &err);
    assert_true(entries > 5000);
    int64_t people = count(f, "SELECT COUNT(*) FROM people");
    struct demo_data_summary again;
    assert_int_equal(demo_data_fill(&f->store, today(), 1, &again, &err), CT_ERR_INPUT);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM people"), people);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_set_has_the_promised_size),
        cmocka_unit_test(test_plans_and_activities_cover_every_state),
        cmocka_unit_test(test_the_four_log_ins_work),
        cmocka_unit_test(test_staff_member_is_on_the_strategic_track_under_the_director),
        cmocka_unit_test(test_ready_learner_is_complete_and_waiting_for_the_award),
        cmocka_unit_test(test_audit_trail_is_intact_and_a_second_fill_is_refused),
    };
    int failures = cmocka_run_group_tests(tests, fill, clean);
    test_programs_release();
    return failures;
}
