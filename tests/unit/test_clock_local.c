/* The clock's local times, which the daily jobs are timed by (the digest of notices, the
 * server's scheduler of reminders), and the background thread that runs a job every
 * interval. */
#include "helpers.h"

#include <stdlib.h>
#include <time.h>

#include "io/clock.h"
#include "io/periodic.h"
#include "core/banned.h"

/* 2026-06-15 12:00:00 UTC: 06:00 in Denver (MDT, UTC-6). */
#define NOON_UTC 1781524800

static int in_denver(void **state)
{
    (void)state;
    setenv("TZ", "America/Denver", 1);
    tzset();
    return 0;
}

static void test_a_time_is_reached_from_that_minute_to_midnight(void **state)
{
    (void)state;
    assert_true(clock_local_time_reached(NOON_UTC, 6 * 60));
    assert_true(clock_local_time_reached(NOON_UTC, 0));
    assert_false(clock_local_time_reached(NOON_UTC - 1, 6 * 60));
    assert_false(clock_local_time_reached(NOON_UTC, 6 * 60 + 1));
    assert_false(clock_local_time_reached(NOON_UTC, 23 * 60 + 59));
    /* 05:59:59 the next day (local): 06:00 is not reached again yet. */
    assert_false(clock_local_time_reached(NOON_UTC + 86400 - 1, 6 * 60));
}

static void test_the_last_local_time_is_today_or_yesterday(void **state)
{
    (void)state;
    assert_int_equal(clock_last_local_time(NOON_UTC, 6 * 60), NOON_UTC);
    assert_int_equal(clock_last_local_time(NOON_UTC, 5 * 60), NOON_UTC - 3600);
    assert_int_equal(clock_last_local_time(NOON_UTC, 7 * 60), NOON_UTC - 86400 + 3600);
}

struct rounds {
    int count;
};

static void count_rounds(struct periodic *periodic, void *context)
{
    struct rounds *rounds = context;
    do {
        rounds->count++;
    } while (!periodic_wait(periodic));
}

static void test_a_periodic_thread_runs_until_stopped(void **state)
{
    (void)state;
    struct periodic periodic;
    struct rounds rounds = {0};
    struct ct_err err = {0};
    /* An interval far longer than the test: stopping must wake it. */
    test_ok(periodic_start(&periodic, 3600, count_rounds, &rounds, "test", &err), &err);
    periodic_stop(&periodic);
    assert_int_equal(rounds.count, 1);
    assert_false(periodic.running);
    periodic_stop(&periodic); /* stopped already: left alone */
}

static void test_an_interval_from_the_environment(void **state)
{
    (void)state;
    setenv("CERTTRACK_TEST_INTERVAL", "5", 1);
    assert_int_equal(periodic_interval(0, "CERTTRACK_TEST_INTERVAL", 60), 5);
    assert_int_equal(periodic_interval(2, "CERTTRACK_TEST_INTERVAL", 60), 2);
    setenv("CERTTRACK_TEST_INTERVAL", "5s", 1);
    assert_int_equal(periodic_interval(0, "CERTTRACK_TEST_INTERVAL", 60), 60);
    setenv("CERTTRACK_TEST_INTERVAL", "0", 1);
    assert_int_equal(periodic_interval(0, "CERTTRACK_TEST_INTERVAL", 60), 60);
    setenv("CERTTRACK_TEST_INTERVAL", "", 1);
    assert_int_equal(periodic_interval(0, "CERTTRACK_TEST_INTERVAL", 60), 60);
    unsetenv("CERTTRACK_TEST_INTERVAL");
    assert_int_equal(periodic_interval(0, "CERTTRACK_TEST_INTERVAL", 60), 60);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_time_is_reached_from_that_minute_to_midnight),
        cmocka_unit_test(test_the_last_local_time_is_today_or_yesterday),
        cmocka_unit_test(test_a_periodic_thread_runs_until_stopped),
        cmocka_unit_test(test_an_interval_from_the_environment),
    };
    return cmocka_run_group_tests(tests, in_denver, NULL);
}
