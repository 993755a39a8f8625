#include "helpers.h"

#include "core/credit.h"
#include "core/banned.h"

static void assert_halves(double value, int64_t expected)
{
    int64_t halves = -1;
    assert_int_equal(credit_halves_from_number(value, &halves), CREDIT_PARSE_OK);
    assert_int_equal(halves, expected);
}

static void assert_minutes(double hours, int64_t expected)
{
    int64_t minutes = -1;
    assert_int_equal(credit_minutes_from_hours(hours, &minutes), CREDIT_PARSE_OK);
    if (minutes != expected) {
        fail_msg("%.10g hours: expected %lld minutes, got %lld", hours, (long long)expected,
                 (long long)minutes);
    }
}

static void test_credits_become_half_credits(void **state)
{
    (void)state;
    assert_halves(0.5, 1);
    assert_halves(1, 2);
    assert_halves(2.5, 5);
    assert_halves(60, 120);
    assert_halves(CREDIT_INPUT_MAX, 2 * CREDIT_INPUT_MAX);
}

static void test_credits_must_be_positive_multiples_of_half(void **state)
{
    (void)state;
    int64_t halves = 0;
    assert_int_equal(credit_halves_from_number(0, &halves), CREDIT_PARSE_NOT_POSITIVE);
    assert_int_equal(credit_halves_from_number(-0.5, &halves), CREDIT_PARSE_NOT_POSITIVE);
    assert_int_equal(credit_halves_from_number(1.25, &halves), CREDIT_PARSE_NOT_HALF_MULTIPLE);
    assert_int_equal(credit_halves_from_number(0.1, &halves), CREDIT_PARSE_NOT_HALF_MULTIPLE);
    assert_int_equal(credit_halves_from_number(CREDIT_INPUT_MAX + 0.5, &halves),
                     CREDIT_PARSE_TOO_LARGE);
    assert_int_equal(credit_halves_from_number(1.0 / 0.0, &halves), CREDIT_PARSE_NOT_POSITIVE);
    assert_int_equal(credit_halves_from_number(0.0 / 0.0, &halves), CREDIT_PARSE_NOT_POSITIVE);
}

static void test_hours_round_to_the_nearest_minute(void **state)
{
    (void)state;
    assert_minutes(1.5, 90);
    assert_minutes(7.5, 450);
    assert_minutes(1.0 / 60.0, 1);
    assert_minutes(0.0083, 0);  /* 0.498 minutes */
    assert_minutes(0.0084, 1);  /* 0.504 minutes */
    assert_minutes(0.025, 2);   /* exactly 1.5 minutes in decimal: halves round up */
    assert_minutes(0.0125, 1);  /* 0.75 minutes */
    assert_minutes(1.2575, 75); /* 75.45 minutes */
    assert_minutes(2.9999, 180);
}

static void test_hours_must_be_positive(void **state)
{
    (void)state;
    int64_t minutes = 0;
    assert_int_equal(credit_minutes_from_hours(0, &minutes), CREDIT_PARSE_NOT_POSITIVE);
    assert_int_equal(credit_minutes_from_hours(-1, &minutes), CREDIT_PARSE_NOT_POSITIVE);
    assert_int_equal(credit_minutes_from_hours(CREDIT_HOURS_MAX + 1, &minutes),
                     CREDIT_PARSE_TOO_LARGE);
}

static void test_whole_credits_print_without_a_point(void **state)
{
    (void)state;
    char text[CREDIT_TEXT_SIZE];
    credit_format(124, text);
    assert_string_equal(text, "62");
    credit_format(5, text);
    assert_string_equal(text, "2.5");
    credit_format(0, text);
    assert_string_equal(text, "0");
    credit_format(1, text);
    assert_string_equal(text, "0.5");
    credit_format(-3, text);
    assert_string_equal(text, "-1.5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_credits_become_half_credits),
        cmocka_unit_test(test_credits_must_be_positive_multiples_of_half),
        cmocka_unit_test(test_hours_round_to_the_nearest_minute),
        cmocka_unit_test(test_hours_must_be_positive),
        cmocka_unit_test(test_whole_credits_print_without_a_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
