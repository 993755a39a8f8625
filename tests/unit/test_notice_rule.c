/* When a person's notices are gathered: after the window for those who take them
 * gathered, at the first digest time after the oldest for those who chose the digest. */
#include "helpers.h"

#include "core/notice_rule.h"
#include "core/banned.h"

static const struct notice_schedule schedule = {
    .now = 1000000,
    .window_seconds = 600,
    .last_digest = 990000,
};

static void test_gathered_notices_wait_the_whole_window(void **state)
{
    (void)state;
    assert_false(notice_rule_due(&schedule, NOTICE_DELIVERY_GATHERED, 1000000 - 599));
    assert_true(notice_rule_due(&schedule, NOTICE_DELIVERY_GATHERED, 1000000 - 600));
    assert_true(notice_rule_due(&schedule, NOTICE_DELIVERY_GATHERED, 1000000 - 3600));
}

static void test_the_digest_takes_what_was_made_by_its_time(void **state)
{
    (void)state;
    assert_true(notice_rule_due(&schedule, NOTICE_DELIVERY_DAILY, 990000));
    assert_true(notice_rule_due(&schedule, NOTICE_DELIVERY_DAILY, 900000));
    /* Made after the last digest, even long past the window: the next digest. */
    assert_false(notice_rule_due(&schedule, NOTICE_DELIVERY_DAILY, 990001));
    assert_false(notice_rule_due(&schedule, NOTICE_DELIVERY_DAILY, 1000000 - 3600));
}

static void test_a_time_of_day_is_hours_and_minutes(void **state)
{
    (void)state;
    int minutes = -1;
    assert_true(notice_rule_time_of_day("07:00", &minutes));
    assert_int_equal(minutes, 420);
    assert_true(notice_rule_time_of_day("23:59", &minutes));
    assert_int_equal(minutes, 1439);
    assert_true(notice_rule_time_of_day("00:00", &minutes));
    assert_int_equal(minutes, 0);
    assert_false(notice_rule_time_of_day("24:00", &minutes));
    assert_false(notice_rule_time_of_day("7:00", &minutes));
    assert_false(notice_rule_time_of_day("07:60", &minutes));
    assert_false(notice_rule_time_of_day(NULL, &minutes));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gathered_notices_wait_the_whole_window),
        cmocka_unit_test(test_the_digest_takes_what_was_made_by_its_time),
        cmocka_unit_test(test_a_time_of_day_is_hours_and_minutes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
