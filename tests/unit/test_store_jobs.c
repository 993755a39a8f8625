/* One server at a time: a job's lease is held by one holder until it ends or is given
 * up; a daily job's runs of a day are kept. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "store/store_jobs.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("store-jobs");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static bool take(struct action_world *w, const char *holder, int64_t now, int64_t until)
{
    bool held = false;
    struct ct_err err = {0};
    test_ok(store_job_lease_take(&w->store, "mail", holder, now, until, &held, &err), &err);
    return held;
}

static void test_one_holder_at_a_time_until_the_lease_ends(void **state)
{
    struct action_world *w = *state;
    assert_true(take(w, "a:1", 1000, 1100));
    assert_false(take(w, "b:2", 1050, 1150));
    assert_true(take(w, "a:1", 1090, 1190)); /* renewed */
    assert_false(take(w, "b:2", 1150, 1250));
    assert_true(take(w, "b:2", 1190, 1290)); /* a's ended */
    assert_false(take(w, "a:1", 1200, 1300));
    struct job_lease lease;
    struct ct_err err = {0};
    test_ok(store_job_lease_get(&w->store, "mail", &lease, &err), &err);
    assert_string_equal(lease.holder, "b:2");
    assert_int_equal(lease.until, 1290);
    /* Another job has its own lease. */
    bool held = false;
    test_ok(store_job_lease_take(&w->store, "remind", "a:1", 1200, 1300, &held, &err), &err);
    assert_true(held);
}

static void test_a_lease_given_up_is_free_at_once(void **state)
{
    struct action_world *w = *state;
    assert_true(take(w, "a:1", 1000, 1100));
    struct ct_err err = {0};
    test_ok(store_job_lease_release(&w->store, "mail", "b:2", &err), &err); /* not b's */
    assert_false(take(w, "b:2", 1010, 1110));
    test_ok(store_job_lease_release(&w->store, "mail", "a:1", &err), &err);
    assert_true(take(w, "b:2", 1010, 1110));
    bool held = false;
    assert_int_equal(store_job_lease_take(&w->store, "mail", "", 1, 2, &held, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "holder");
}

static void test_a_day_run_again_adds_to_its_count(void **state)
{
    struct action_world *w = *state;
    struct civil_date day = civil_date_from_ymd(2026, 12, 2);
    struct job_run run;
    struct ct_err err = {0};
    test_ok(store_job_run_get(&w->store, "remind", day, &run, &err), &err);
    assert_false(run.found);
    test_ok(store_job_run_start(&w->store, "remind", day, 1000, &err), &err);
    test_ok(store_job_run_get(&w->store, "remind", day, &run, &err), &err);
    assert_true(run.found);
    assert_false(run.finished);
    assert_int_equal(run.started_at, 1000);
    test_ok(store_job_run_finish(&w->store, "remind", day, 1002, 7, &err), &err);
    test_ok(store_job_run_get(&w->store, "remind", day, &run, &err), &err);
    assert_true(run.finished);
    assert_int_equal(run.finished_at, 1002);
    assert_int_equal(run.queued, 7);
    /* Run again the same day: unfinished until it finishes, its count added. */
    test_ok(store_job_run_start(&w->store, "remind", day, 1003, &err), &err);
    test_ok(store_job_run_get(&w->store, "remind", day, &run, &err), &err);
    assert_false(run.finished);
    test_ok(store_job_run_finish(&w->store, "remind", day, 1004, 2, &err), &err);
    test_ok(store_job_run_get(&w->store, "remind", day, &run, &err), &err);
    assert_int_equal(run.queued, 9);
    test_ok(store_job_run_get(&w->store, "remind", civil_date_from_ymd(2026, 12, 3), &run, &err),
            &err);
    assert_false(run.found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_one_holder_at_a_time_until_the_lease_ends, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_lease_given_up_is_free_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_day_run_again_adds_to_its_count, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
