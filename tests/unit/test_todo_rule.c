/* When what waits is worth telling: a deadline near within six months (the day six
 * months on included), past from the deadline itself; 30 days of news; the days waited;
 * which blocking item is the next step. */
#include "helpers.h"

#include "core/todo_rule.h"
#include "core/banned.h"

static void assert_day(struct civil_date got, const char *want)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(got, text);
    assert_string_equal(text, want);
}

static void test_near_ends_six_months_on(void **state)
{
    (void)state;
    assert_day(todo_rule_near_until(test_day("2026-03-02")), "2026-09-02");
    assert_day(todo_rule_near_until(test_day("2026-08-31")), "2027-02-28");
    assert_day(todo_rule_near_until(test_day("2027-08-31")), "2028-02-29");
    assert_day(todo_rule_near_until(test_day("2026-12-15")), "2027-06-15");
    assert_day(todo_rule_near_until(test_day("2026-07-01")), "2027-01-01");
}

static void test_a_deadline_is_near_then_past(void **state)
{
    (void)state;
    struct civil_date today = test_day("2026-03-02");
    assert_int_equal(todo_rule_deadline(test_day("2026-09-03"), today), WAITING_DEADLINE_FAR);
    assert_int_equal(todo_rule_deadline(test_day("2026-09-02"), today), WAITING_DEADLINE_NEAR);
    assert_int_equal(todo_rule_deadline(test_day("2026-03-03"), today), WAITING_DEADLINE_NEAR);
    /* The engine's rule: on its deadline a track that is not complete is expired. */
    assert_int_equal(todo_rule_deadline(test_day("2026-03-02"), today), WAITING_DEADLINE_PASSED);
    assert_int_equal(todo_rule_deadline(test_day("2020-01-01"), today), WAITING_DEADLINE_PASSED);
    assert_int_equal(todo_rule_deadline(civil_date_unset(), today), WAITING_DEADLINE_FAR);
}

static void test_news_lasts_thirty_days_and_waiting_is_counted_in_days(void **state)
{
    (void)state;
    struct civil_date today = test_day("2026-03-02");
    assert_day(todo_rule_recent_since(today), "2026-01-31");
    assert_int_equal(todo_rule_waited_days(test_day("2026-02-20"), today), 10);
    assert_int_equal(todo_rule_waited_days(today, today), 0);
    assert_int_equal(todo_rule_waited_days(test_day("2026-04-01"), today), 0);
    assert_int_equal(todo_rule_waited_days(civil_date_unset(), today), 0);
}

static void test_the_plan_comes_before_credits_and_the_report_last(void **state)
{
    (void)state;
    struct blocking_item blocking[] = {
        {BLOCKING_CREDITS_SHORT, -1},
        {BLOCKING_PLAN_NOT_APPROVED, -1},
        {BLOCKING_FINAL_REPORT_MISSING, -1},
    };
    struct evaluation evaluation = {.blocking = blocking, .blocking_count = 3};
    assert_int_equal(todo_rule_next_blocking(&evaluation), 1);
    evaluation.blocking_count = 1;
    assert_int_equal(todo_rule_next_blocking(&evaluation), 0);
    blocking[0] = (struct blocking_item){BLOCKING_FINAL_REPORT_NOT_ACCEPTED, -1};
    blocking[1] = (struct blocking_item){BLOCKING_CATEGORY_SHORT, 2};
    evaluation.blocking_count = 2;
    assert_int_equal(todo_rule_next_blocking(&evaluation), 1);
    evaluation.blocking_count = 0;
    assert_int_equal(todo_rule_next_blocking(&evaluation), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_near_ends_six_months_on),
        cmocka_unit_test(test_a_deadline_is_near_then_past),
        cmocka_unit_test(test_news_lasts_thirty_days_and_waiting_is_counted_in_days),
        cmocka_unit_test(test_the_plan_comes_before_credits_and_the_report_last),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
