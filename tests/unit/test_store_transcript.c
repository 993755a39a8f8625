/* The transcript of an awarded certificate, gathered from the demonstration data set:
 * its rows are what the engine counted at the award and add up to the certificate, and
 * a Strategic Track transcript names the plan's goals and the library goals they
 * served. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certificates/transcript_pdf.h"
#include "demo/demo_data.h"
#include "io/clock.h"
#include "store/store_activities.h"
#include "store/store_award.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "store/store_record.h"
#include "store/store_tracks.h"
#include "store/store_transcript.h"
#include "core/banned.h"

#define DEMO_TODAY "2026-06-15"
#define DEMO_SEED  1

struct fixture {
    char directory[128];
    struct store store;
    struct civil_date today;
    char strategic_number[CERTIFICATE_NUMBER_SIZE]; /* ready@'s, awarded in the setup */
};

static int64_t person(struct fixture *f, const char *email)
{
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_person_find(&f->store, email, &id, &err), &err);
    return id;
}

/* The demo data set, with ready@'s complete Strategic Track awarded today. */
static int setup(void **state)
{
    setenv("CERTTRACK_TODAY", DEMO_TODAY, 1);
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "transcript");
    char path[256];
    test_database(path, sizeof path, f->directory, "demo");
    struct ct_err err = {0};
    struct demo_data_summary summary;
    test_ok(clock_today(&f->today, &err), &err);
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    test_ok(db_begin(f->store.db, &err), &err);
    test_ok(store_finish(&f->store, demo_data_fill(&f->store, f->today, DEMO_SEED, &summary, &err),
                         &err),
            &err);
    struct track_info track;
    test_ok(store_track_current(&f->store, person(f, "ready@example.org"), &track, &err), &err);
    struct award_result award;
    test_ok(store_award(&f->store, person(f, "coordinator@example.org"), track.id, f->today, &award,
                        &err),
            &err);
    snprintf(f->strategic_number, sizeof f->strategic_number, "%s", award.number);
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

static struct certificate_record find(struct fixture *f, const char *number)
{
    struct certificate_record record;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_certificate_find(&f->store, number, &record, &found, &err), &err);
    assert_true(found);
    return record;
}

/* The number of the person's first certificate. */
static void first_certificate(struct fixture *f, const char *email, char *number, size_t size)
{
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_query_text(&f->store,
                             "SELECT c.number FROM certificates c JOIN people p"
                             " ON p.id = c.person_id WHERE p.email = ? ORDER BY c.id LIMIT 1",
                             STORE_PARAMS(DB_TEXT(email)), 1, number, size, &found, &err),
            &err);
    assert_true(found);
}

static void load(struct fixture *f, const struct certificate_record *record, struct transcript *t)
{
    struct ct_err err = {0};
    transcript_init(t);
    test_ok(store_transcript_load(&f->store, record, t, &err), &err);
}

static void test_every_demo_transcript_adds_up_to_its_certificate(void **state)
{
    struct fixture *f = *state;
    struct db_stmt *stmt = NULL;
    struct ct_err err = {0};
    test_ok(db_prepare(f->store.db, "SELECT number FROM certificates ORDER BY id", &stmt, &err),
            &err);
    bool has_row = true;
    int certificates = 0;
    char number[CERTIFICATE_NUMBER_SIZE];
    for (;;) {
        test_ok(db_step(stmt, &has_row, &err), &err);
        if (!has_row) {
            break;
        }
        snprintf(number, sizeof number, "%s", db_column_text(stmt, 0));
        struct certificate_record record = find(f, number);
        struct transcript t;
        load(f, &record, &t);
        assert_true(t.activity_count > 0);
        assert_int_equal(transcript_activity_halves(&t), record.credit_halves);
        assert_int_equal(t.credit_halves, record.credit_halves);
        transcript_release(&t);
        certificates++;
    }
    db_finalize(stmt);
    assert_true(certificates > 20);
}

/* staff@'s msl-staff certificate: after the award, a webinar dated before the day of
 * issue was recorded and verified, and a course pending at the award stayed pending.
 * The transcript keeps to what the engine counted at the award. */
static void test_staff_transcript_leaves_off_what_came_after_the_award(void **state)
{
    struct fixture *f = *state;
    char number[CERTIFICATE_NUMBER_SIZE];
    first_certificate(f, "staff@example.org", number, sizeof number);
    struct certificate_record record = find(f, number);
    /* The record as it is now counts more on the day of issue than the award did. */
    struct learner_record *now = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(
        store_record_evaluate(&f->store, record.track_id, record.issued, &now, &evaluation, &err),
        &err);
    assert_true(evaluation->counted_halves > record.credit_halves);
    evaluation_free(evaluation);
    record_free(now);

    struct transcript t;
    load(f, &record, &t);
    assert_string_equal(t.number, number);
    assert_string_equal(t.learner_name, record.person_name);
    assert_string_equal(t.program_name, "MSL Certification for Library Staff");
    assert_string_equal(t.issuer, "Montana State Library");
    assert_int_equal(t.issued.days, record.issued.days);
    assert_int_equal(t.valid_until.days, record.valid_until.days);
    assert_int_equal(transcript_activity_halves(&t), record.credit_halves);
    assert_int_equal(t.goal_count, 0);
    for (size_t i = 0; i < t.activity_count; i++) {
        const struct transcript_activity *a = &t.activities[i];
        assert_true(civil_date_compare(a->date, record.issued) <= 0);
        assert_true(strcmp(a->kind, "Workshop") == 0 || strcmp(a->kind, "Course") == 0 ||
                    strcmp(a->kind, "Webinar") == 0);
        assert_true(a->title[0] != '\0' && a->category[0] != '\0');
        assert_false(a->partial);
        if (i > 0) {
            assert_true(civil_date_compare(t.activities[i - 1].date, a->date) <= 0);
        }
    }
    assert_string_equal(t.activities[0].category, "Library Administration");
    transcript_release(&t);
}

static void test_strategic_transcript_names_plan_and_library_goals(void **state)
{
    struct fixture *f = *state;
    struct certificate_record record = find(f, f->strategic_number);
    assert_string_equal(record.program, "msl-strategic");
    struct transcript t;
    load(f, &record, &t);
    assert_int_equal(transcript_activity_halves(&t), record.credit_halves);
    assert_true(t.goal_count >= 1);
    for (size_t g = 0; g < t.goal_count; g++) {
        assert_true(t.goals[g].text[0] != '\0');
        assert_int_equal(t.goals[g].library_goal_count, 1);
        assert_true(t.goals[g].library_goals[0][0] == 'G');
    }
    /* Self-directed study: 8 + 7 + 6 credits planned, capped at 20; the last in part. */
    int64_t self_directed = 0;
    size_t partial = 0;
    for (size_t i = 0; i < t.activity_count; i++) {
        if (strcmp(t.activities[i].kind, "Self-directed learning") == 0) {
            self_directed += t.activities[i].credit_halves;
            assert_string_equal(t.activities[i].category, "");
        }
        partial += t.activities[i].partial;
    }
    assert_int_equal(self_directed, 40);
    assert_int_equal(partial, 1);

    struct buf pdf;
    buf_init(&pdf, 8u << 20);
    struct ct_err err = {0};
    test_ok(transcript_pdf_render(&t, &pdf, &err), &err);
    assert_memory_equal(pdf.data, "%PDF-", 5);
    buf_release(&pdf);
    transcript_release(&t);
}

/* Changes after the award do not reach the transcript: a verified activity dated before
 * the day of issue, recorded afterwards, and a pending one verified afterwards. */
static void test_activity_recorded_or_verified_after_the_award_is_left_off(void **state)
{
    struct fixture *f = *state;
    struct certificate_record record = find(f, f->strategic_number);
    struct transcript before;
    load(f, &record, &before);

    struct ct_err err = {0};
    int64_t pending = 0;
    struct activity_new late = {
        .person_id = record.person_id,
        .kind = ACTIVITY_KIND_WORKSHOP,
        .title = "Recorded after the award",
        .date = civil_date_add_days(record.issued, -3),
        .credit_halves = 4,
        .category = "technology",
        .status = "verified",
        .provenance = PROVENANCE_CLAIM,
    };
    int64_t id = 0;
    test_ok(store_activity_add(&f->store, record.person_id, &late, &id, &err), &err);
    late.title = "Verified after the award";
    late.status = "pending";
    test_ok(store_activity_add(&f->store, record.person_id, &late, &pending, &err), &err);
    test_ok(store_activity_act(&f->store, person(f, "coordinator@example.org"), pending, "verify",
                               NULL, &err),
            &err);

    struct transcript after;
    load(f, &record, &after);
    assert_int_equal(after.activity_count, before.activity_count);
    assert_int_equal(transcript_activity_halves(&after), record.credit_halves);
    for (size_t i = 0; i < after.activity_count; i++) {
        assert_string_equal(after.activities[i].title, before.activities[i].title);
    }
    transcript_release(&after);
    transcript_release(&before);
}

static void test_unknown_program_is_refused(void **state)
{
    struct fixture *f = *state;
    struct certificate_record record = find(f, f->strategic_number);
    snprintf(record.program, sizeof record.program, "no-such-program");
    struct transcript t;
    transcript_init(&t);
    struct ct_err err = {0};
    assert_int_equal(store_transcript_load(&f->store, &record, &t, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "no-such-program"));
    transcript_release(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_demo_transcript_adds_up_to_its_certificate),
        cmocka_unit_test(test_staff_transcript_leaves_off_what_came_after_the_award),
        cmocka_unit_test(test_strategic_transcript_names_plan_and_library_goals),
        cmocka_unit_test(test_activity_recorded_or_verified_after_the_award_is_left_off),
        cmocka_unit_test(test_unknown_program_is_refused),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    test_programs_release();
    return failed;
}
