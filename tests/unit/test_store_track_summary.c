/* The track summaries: on the demo data every summary agrees with the compliance
 * report's full evaluation on several days, credits expiring among them; a change
 * refreshes its person's summaries inside its own transaction, a rolled-back change
 * leaves them as they were; and the daily refresh moves the tracks whose day has passed,
 * and only those. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/claims.h"
#include "demo/demo_data.h"
#include "io/clock.h"
#include "store/store_compliance.h"
#include "store/store_open.h"
#include "store/store_track_summary.h"
#include "core/banned.h"

#define DEMO_TODAY "2026-06-15"

struct demo {
    char directory[128];
    struct store store;
};

static int demo_open(void **state)
{
    setenv("CERTTRACK_TODAY", DEMO_TODAY, 1);
    struct demo *d = calloc(1, sizeof *d);
    test_scratch_directory(d->directory, sizeof d->directory, "track-summary");
    char path[256];
    test_database(path, sizeof path, d->directory, "demo");
    struct ct_err err = {0};
    test_ok(store_open(&d->store, path, true, test_msl_programs(), &err), &err);
    struct demo_data_summary summary;
    test_ok(demo_data_fill_whole(&d->store, test_day(DEMO_TODAY), 1, &summary, &err), &err);
    *state = d;
    return 0;
}

static int demo_close(void **state)
{
    struct demo *d = *state;
    store_close(&d->store);
    int result = test_remove_directory(d->directory);
    free(d);
    return result;
}

struct comparison {
    struct store *store;
    size_t rows;
    size_t expired;
    int64_t counted_halves; /* the sum over the rows */
};

/* One row of the compliance report against the track's summary. */
static enum ct_status compare_row(void *context, const struct compliance_row *row,
                                  struct ct_err *err)
{
    struct comparison *c = context;
    struct track_summary stored, evaluated;
    bool found = false;
    enum ct_status status = store_track_summary_get(c->store, row->track_id, &stored, &found, err);
    if (status != CT_OK) {
        return status;
    }
    assert_true(found);
    track_summary_from_evaluation(row->track_id, row->person_id, row->evaluation, &evaluated);
    if (!track_summary_equal(&stored, &evaluated)) {
        fail_msg("track %lld: summary %s %lld \"%s\", report %s %lld \"%s\"",
                 (long long)row->track_id, track_status_name(stored.status),
                 (long long)stored.counted_halves, stored.blocking,
                 track_status_name(evaluated.status), (long long)evaluated.counted_halves,
                 evaluated.blocking);
    }
    c->rows++;
    c->expired += evaluated.status == TRACK_EXPIRED;
    c->counted_halves += evaluated.counted_halves;
    return CT_OK;
}

/* Refreshes to day and compares every open track with the report evaluated that day. */
static struct comparison compare_on(struct demo *d, const char *day)
{
    struct ct_err err = {0};
    size_t refreshed = 0;
    test_ok(store_track_summary_refresh_before(&d->store, test_day(day), false, &refreshed, &err),
            &err);
    struct comparison c = {.store = &d->store};
    struct compliance_filter filter = {.order = COMPLIANCE_BY_PERSON};
    test_ok(store_compliance_each(&d->store, test_day(day), &filter, compare_row, &c, &err), &err);
    size_t checked = 0, mismatched = 0;
    test_ok(store_track_summary_check(&d->store, NULL, NULL, &checked, &mismatched, &err), &err);
    assert_int_equal(mismatched, 0);
    assert_true(checked >= c.rows);
    return c;
}

static void test_every_summary_agrees_with_the_report_on_the_demo_data(void **state)
{
    struct demo *d = *state;
    /* As the fill left them (today), then later days: credits earned in 2022 and 2023
     * expire on the way and deadlines pass. */
    const char *days[] = {DEMO_TODAY, "2026-09-01", "2027-06-30", "2028-03-29", "2030-03-04"};
    struct comparison previous = compare_on(d, days[0]);
    assert_true(previous.rows > 300);
    bool fell = false;
    for (size_t i = 1; i < sizeof days / sizeof days[0]; i++) {
        struct comparison c = compare_on(d, days[i]);
        assert_int_equal(c.rows, previous.rows);
        fell = fell || c.counted_halves < previous.counted_halves || c.expired > previous.expired;
        previous = c;
    }
    assert_true(fell);
    assert_true(previous.expired > 0);
}

static void test_the_daily_refresh_moves_only_the_days_that_passed(void **state)
{
    struct demo *d = *state;
    struct ct_err err = {0};
    size_t refreshed = 0;
    /* Every track, back to one day; then every track is before a later day. */
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-06-30"), true, &refreshed,
                                               &err),
            &err);
    int64_t tracks = 0;
    test_ok(STORE_EXEC(&d->store, "SELECT COUNT(*) FROM tracks", &tracks, &err), &err);
    assert_int_equal(refreshed, (size_t)tracks);
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-07-01"), false, &refreshed,
                                               &err),
            &err);
    assert_int_equal(refreshed, (size_t)tracks);
    /* Again on the same day, or an earlier one: nothing is before it any more. */
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-07-01"), false, &refreshed,
                                               &err),
            &err);
    assert_int_equal(refreshed, 0);
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-06-20"), false, &refreshed,
                                               &err),
            &err);
    assert_int_equal(refreshed, 0);
    /* One track a day behind: only it moves. */
    test_ok(STORE_EXEC(&d->store,
                       "UPDATE track_summaries SET as_of = '2026-06-30'"
                       " WHERE track_id = (SELECT MIN(track_id) FROM track_summaries)",
                       NULL, &err),
            &err);
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-07-01"), false, &refreshed,
                                               &err),
            &err);
    assert_int_equal(refreshed, 1);
    test_ok(store_track_summary_refresh_before(&d->store, test_day("2026-07-01"), true, &refreshed,
                                               &err),
            &err);
    assert_int_equal(refreshed, (size_t)tracks);
}

/* A track whose counted credit falls on its next expiry: the daily refresh of that day
 * counts less (or calls it expired), as the engine does. */
static void test_the_daily_refresh_moves_a_track_whose_credits_expired(void **state)
{
    struct demo *d = *state;
    struct ct_err err = {0};
    int64_t track = 0;
    test_ok(STORE_EXEC(&d->store,
                       "SELECT track_id FROM track_summaries WHERE next_expiry IS NOT NULL"
                       " AND counted_halves > 0 ORDER BY next_expiry, track_id LIMIT 1",
                       &track, &err),
            &err);
    assert_true(track > 0);
    struct track_summary before, after;
    bool found = false;
    test_ok(store_track_summary_get(&d->store, track, &before, &found, &err), &err);
    assert_true(found);
    test_ok(store_track_summary_refresh_before(&d->store, before.next_expiry, false, NULL, &err),
            &err);
    test_ok(store_track_summary_get(&d->store, track, &after, &found, &err), &err);
    assert_int_equal(civil_date_compare(after.as_of, before.next_expiry), 0);
    assert_true(after.counted_halves < before.counted_halves || after.status != before.status);
}

/* --- a change and its transaction, in a small world --- */

static int world_open(void **state)
{
    setenv("CERTTRACK_TODAY", "2026-03-03", 1);
    struct action_world *w = action_world_open("track-summary-change");
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    *state = w;
    return 0;
}

static int world_close(void **state)
{
    return action_world_close(*state);
}

static struct track_summary learner_summary(struct action_world *w)
{
    struct ct_err err = {0};
    int64_t track = 0;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM tracks WHERE person_id = %lld",
             (long long)w->learner);
    track = action_world_count(w, sql);
    struct track_summary summary;
    bool found = false;
    test_ok(store_track_summary_get(&w->store, track, &summary, &found, &err), &err);
    assert_true(found);
    return summary;
}

static enum ct_status failing_refresh(struct store *store, struct ct_err *err)
{
    (void)store;
    return ct_err_set(err, CT_ERR_IO, "summary", "the refresh failed");
}

static void test_a_verified_claim_moves_the_summary_in_its_transaction(void **state)
{
    struct action_world *w = *state;
    struct track_summary start = learner_summary(w);
    struct actor learner = action_world_actor(w, w->learner, "2026-03-02");
    struct claim_submit_input claim = {.kind = "course",
                                       .title = "Grant writing",
                                       .date = "2026-03-01",
                                       .category = "technology",
                                       .credits = "2.5"};
    struct claim_submit_result submitted;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_claim_submit(&w->store, &learner, &claim, &submitted, &outcome),
                       &outcome);
    /* Pending: nothing counts yet, but the summary was written again today. */
    struct track_summary pending = learner_summary(w);
    assert_int_equal(pending.counted_halves, start.counted_halves);
    assert_int_equal(civil_date_compare(pending.as_of, test_day("2026-03-03")), 0);

    struct actor director = action_world_actor(w, w->director, "2026-03-03");
    struct claims_decide_input verify = {.action = "verify"};
    verify.activity_ids.ids[verify.activity_ids.count++] = submitted.activity_id;
    struct claims_decide_result decided;
    /* A refresh that fails rolls the verification back. */
    w->store.before_commit = failing_refresh;
    action_outcome_init(&outcome);
    assert_int_not_equal(action_claims_decide(&w->store, &director, &verify, &decided, &outcome),
                         CT_OK);
    w->store.before_commit = store_track_summary_refresh_touched;
    char sql[128];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE id = %lld AND status = 'pending'",
             (long long)submitted.activity_id);
    assert_int_equal(action_world_count(w, sql), 1);
    assert_int_equal(learner_summary(w).counted_halves, start.counted_halves);

    action_outcome_init(&outcome);
    action_assert_done(action_claims_decide(&w->store, &director, &verify, &decided, &outcome),
                       &outcome);
    assert_int_equal(learner_summary(w).counted_halves, start.counted_halves + 5);
}

static void test_a_rolled_back_change_leaves_the_summary_as_it_was(void **state)
{
    struct action_world *w = *state;
    struct track_summary start = learner_summary(w);
    struct ct_err err = {0};
    test_ok(db_begin(w->store.db, &err), &err);
    action_world_activity(w, w->learner, "Storytime", "2026-02-01", 6, "public-services",
                          "verified");
    /* Inside the transaction the summary is still the old one: it moves at the commit. */
    assert_int_equal(learner_summary(w).counted_halves, start.counted_halves);
    assert_int_equal(store_finish(&w->store, CT_ERR_INPUT, &err), CT_ERR_INPUT);
    assert_int_equal(learner_summary(w).counted_halves, start.counted_halves);
    assert_int_equal(learner_summary(w).status, start.status);

    test_ok(db_begin(w->store.db, &err), &err);
    action_world_activity(w, w->learner, "Storytime", "2026-02-01", 6, "public-services",
                          "verified");
    test_ok(store_finish(&w->store, CT_OK, &err), &err);
    assert_int_equal(learner_summary(w).counted_halves, start.counted_halves + 6);
}

/* Another person's change leaves this person's summary alone; this person's moves it. */
static void test_only_the_touched_persons_are_refreshed(void **state)
{
    struct action_world *w = *state;
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, "UPDATE track_summaries SET as_of = '2000-01-01'", NULL, &err),
            &err);
    action_world_enroll(w, w->other_learner, "msl-staff", "2026-01-01");
    assert_int_equal(civil_date_compare(learner_summary(w).as_of, test_day("2000-01-01")), 0);
    action_world_activity(w, w->learner, "Storytime", "2026-02-02", 2, "public-services",
                          "verified");
    assert_int_equal(civil_date_compare(learner_summary(w).as_of, test_day("2026-03-03")), 0);
    size_t checked = 0, mismatched = 0;
    test_ok(
        store_track_summary_refresh_before(&w->store, test_day("2026-03-03"), false, NULL, &err),
        &err);
    test_ok(store_track_summary_check(&w->store, NULL, NULL, &checked, &mismatched, &err), &err);
    assert_int_equal(mismatched, 0);
}

int main(void)
{
    /* The demo data set is filled once, for the group; the tests of a change each open a
     * small world of their own (and run after the demo's, which set another day). */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_summary_agrees_with_the_report_on_the_demo_data),
        cmocka_unit_test(test_the_daily_refresh_moves_only_the_days_that_passed),
        cmocka_unit_test(test_the_daily_refresh_moves_a_track_whose_credits_expired),
        cmocka_unit_test_setup_teardown(test_a_verified_claim_moves_the_summary_in_its_transaction,
                                        world_open, world_close),
        cmocka_unit_test_setup_teardown(test_a_rolled_back_change_leaves_the_summary_as_it_was,
                                        world_open, world_close),
        cmocka_unit_test_setup_teardown(test_only_the_touched_persons_are_refreshed, world_open,
                                        world_close),
    };
    int failures = cmocka_run_group_tests(tests, demo_open, demo_close);
    test_programs_release();
    return failures;
}
