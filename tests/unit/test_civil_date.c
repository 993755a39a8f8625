#include "helpers.h"

#include <string.h>

#include "core/civil_date.h"
#include "core/banned.h"

static struct civil_date date_of(const char *text)
{
    struct civil_date date;
    assert_true(civil_date_parse(text, &date));
    return date;
}

static void assert_date_text(struct civil_date date, const char *expected)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    assert_string_equal(text, expected);
}

static void test_epoch_is_day_zero(void **state)
{
    (void)state;
    assert_int_equal(date_of("1970-01-01").days, 0);
    assert_int_equal(date_of("1970-01-02").days, 1);
    assert_int_equal(date_of("1969-12-31").days, -1);
    assert_int_equal(date_of("2000-03-01").days, 11017);
}

static void test_round_trip_every_day_of_four_centuries(void **state)
{
    (void)state;
    struct civil_date start = date_of("1900-01-01");
    struct civil_date end = date_of("2300-12-31");
    int previous_year = 1899, previous_month = 12, previous_day = 31;
    for (int32_t days = start.days; days <= end.days; days++) {
        int year, month, day;
        civil_date_to_ymd((struct civil_date){days}, &year, &month, &day);
        assert_true(civil_date_is_valid_ymd(year, month, day));
        assert_int_equal(civil_date_from_ymd(year, month, day).days, days);
        /* Consecutive days: the next day of the month, or the first of the next. */
        if (day != 1) {
            assert_int_equal(day, previous_day + 1);
        } else {
            assert_true(month == previous_month % 12 + 1);
        }
        previous_year = year;
        previous_month = month;
        previous_day = day;
    }
    assert_int_equal(previous_year, 2300);
}

static void test_parse_refuses_impossible_and_malformed_dates(void **state)
{
    (void)state;
    const char *bad[] = {
        "2023-02-29", "2023-02-30", "2024-02-30",       "2023-04-31",  "2023-13-01",
        "2023-00-10", "2023-01-00", "0000-01-01",       "2023-1-01",   "2023-01-1",
        "23-01-01",   "2023/01/01", "2023-01-01T00:00", "2023-01-01 ", " 2023-01-01",
        "",           "2023-01-3a", "+023-01-01",       "1900-02-29",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct civil_date date = {12345};
        if (civil_date_parse(bad[i], &date)) {
            fail_msg("accepted \"%s\"", bad[i]);
        }
        assert_int_equal(date.days, 12345);
    }
    assert_false(civil_date_parse(NULL, &(struct civil_date){0}));
}

static void test_parse_accepts_leap_days_and_extremes(void **state)
{
    (void)state;
    assert_date_text(date_of("2024-02-29"), "2024-02-29");
    assert_date_text(date_of("2000-02-29"), "2000-02-29");
    assert_date_text(date_of("0001-01-01"), "0001-01-01");
    assert_date_text(date_of("9999-12-31"), "9999-12-31");
}

static void test_add_years_from_29_february_lands_on_1_march(void **state)
{
    (void)state;
    assert_date_text(civil_date_add_years(date_of("2024-02-29"), 4), "2028-02-29");
    assert_date_text(civil_date_add_years(date_of("2024-02-29"), 1), "2025-03-01");
    assert_date_text(civil_date_add_years(date_of("2024-02-29"), 3), "2027-03-01");
    assert_date_text(civil_date_add_years(date_of("2096-02-29"), 4), "2100-03-01");
    assert_date_text(civil_date_add_years(date_of("2023-02-28"), 1), "2024-02-28");
    assert_date_text(civil_date_add_years(date_of("2022-06-01"), 4), "2026-06-01");
    assert_date_text(civil_date_add_years(date_of("2022-12-31"), 4), "2026-12-31");
}

static void test_add_years_past_9999_still_formats(void **state)
{
    (void)state;
    assert_date_text(civil_date_add_years(date_of("9999-06-15"), 4), "10003-06-15");
}

static void test_compare_and_add_days(void **state)
{
    (void)state;
    struct civil_date a = date_of("2024-02-28");
    struct civil_date b = civil_date_add_days(a, 1);
    assert_date_text(b, "2024-02-29");
    assert_date_text(civil_date_add_days(b, 1), "2024-03-01");
    assert_true(civil_date_compare(a, b) < 0);
    assert_true(civil_date_compare(b, a) > 0);
    assert_int_equal(civil_date_compare(a, a), 0);
}

static void test_unset_date_formats_empty(void **state)
{
    (void)state;
    assert_false(civil_date_is_set(civil_date_unset()));
    assert_date_text(civil_date_unset(), "");
}

static void test_leap_year_rule(void **state)
{
    (void)state;
    assert_true(civil_date_is_leap_year(2024));
    assert_true(civil_date_is_leap_year(2000));
    assert_false(civil_date_is_leap_year(1900));
    assert_false(civil_date_is_leap_year(2023));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_is_day_zero),
        cmocka_unit_test(test_round_trip_every_day_of_four_centuries),
        cmocka_unit_test(test_parse_refuses_impossible_and_malformed_dates),
        cmocka_unit_test(test_parse_accepts_leap_days_and_extremes),
        cmocka_unit_test(test_add_years_from_29_february_lands_on_1_march),
        cmocka_unit_test(test_add_years_past_9999_still_formats),
        cmocka_unit_test(test_compare_and_add_days),
        cmocka_unit_test(test_unset_date_formats_empty),
        cmocka_unit_test(test_leap_year_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
