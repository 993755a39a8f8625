/* The one ISO 8601 reader, timestamp_read_iso8601, and each of its flags. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/timestamp.h"
#include "core/banned.h"

/* Reads text with flags; fails the test when it is refused. */
static struct timestamp_reading read_ok(const char *text, unsigned flags)
{
    struct timestamp_reading reading = {0};
    if (!timestamp_read_iso8601(text, flags, &reading)) {
        fail_msg("refused \"%s\" (flags %#x)", text, flags);
    }
    return reading;
}

/* Fails the test when text is read with flags, or when a refusal touched the result. */
static void assert_refused(const char *text, unsigned flags)
{
    struct timestamp_reading reading = {42, 7, 3};
    if (timestamp_read_iso8601(text, flags, &reading)) {
        fail_msg("accepted \"%s\" (flags %#x)", text, flags);
    }
    assert_int_equal(reading.unix_seconds, 42);
    assert_int_equal(reading.milliseconds, 7);
    assert_int_equal(reading.offset_seconds, 3);
}

static void test_without_flags_an_offset_is_required(void **state)
{
    (void)state;
    struct timestamp_reading r = read_ok("2026-02-03T07:22:05.1239-07:00", 0);
    assert_int_equal(r.unix_seconds, 1770128525);
    assert_int_equal(r.milliseconds, 123);
    assert_int_equal(r.offset_seconds, -7 * 3600);
    r = read_ok("2026-02-03t14:22z", 0);
    assert_int_equal(r.unix_seconds, 1770128520);
    assert_int_equal(r.milliseconds, 0);
    assert_int_equal(r.offset_seconds, 0);
    r = read_ok("2026-02-03T14:22:05.5+0530", 0);
    assert_int_equal(r.milliseconds, 500);
    assert_int_equal(r.offset_seconds, 5 * 3600 + 30 * 60);
    assert_int_equal(read_ok("2026-02-03T16:22:05+02", 0).unix_seconds, 1770128525);
    assert_int_equal(read_ok("1969-12-31T23:59:59Z", 0).unix_seconds, -1);
    assert_int_equal(read_ok("2026-02-03T14:22:05-00:00", 0).offset_seconds, 0);
    static const char *const refused[] = {"2026-02-03T14:22:05",
                                          "2026-02-03 14:22:05Z",
                                          "2026-02-30T14:22:05Z",
                                          "2026-02-03T24:00:00Z",
                                          "2026-02-03T14:60:00Z",
                                          "2026-02-03T14:22:60Z",
                                          "2026-02-03T14:22:05+24:00",
                                          "2026-02-03T14:22:05+07:60",
                                          "2026-02-03T14:22:05+07:",
                                          "2026-02-03T14:22:05+7",
                                          "2026-02-03T14:22:05.Z",
                                          "2026-02-03T14:22.5Z",
                                          "2026-02-03T14:22:05Z ",
                                          "20260203T142205Z",
                                          "",
                                          NULL};
    for (size_t i = 0; refused[i] != NULL; i++) {
        assert_refused(refused[i], 0);
    }
    struct timestamp_reading untouched = {42, 7, 3};
    assert_false(timestamp_read_iso8601(NULL, 0, &untouched));
    assert_int_equal(untouched.unix_seconds, 42);
}

static void test_space_for_t_accepts_a_space_too(void **state)
{
    (void)state;
    assert_int_equal(read_ok("2026-02-03 14:22:05Z", TIMESTAMP_SPACE_FOR_T).unix_seconds,
                     1770128525);
    assert_int_equal(read_ok("2026-02-03T14:22:05Z", TIMESTAMP_SPACE_FOR_T).unix_seconds,
                     1770128525);
    assert_refused("2026-02-03 14:22:05 Z", TIMESTAMP_SPACE_FOR_T);
    assert_refused("2026-02-03_14:22:05Z", TIMESTAMP_SPACE_FOR_T);
}

static void test_only_space_refuses_the_t(void **state)
{
    (void)state;
    assert_int_equal(read_ok("2026-02-03 14:22:05Z", TIMESTAMP_ONLY_SPACE).unix_seconds,
                     1770128525);
    assert_refused("2026-02-03T14:22:05Z", TIMESTAMP_ONLY_SPACE);
    assert_refused("2026-02-03t14:22:05Z", TIMESTAMP_ONLY_SPACE | TIMESTAMP_SPACE_FOR_T);
}

static void test_seconds_required_refuses_minutes_alone(void **state)
{
    (void)state;
    assert_int_equal(read_ok("2026-02-03T14:22:00Z", TIMESTAMP_SECONDS_REQUIRED).unix_seconds,
                     1770128520);
    assert_refused("2026-02-03T14:22Z", TIMESTAMP_SECONDS_REQUIRED);
    assert_refused("2026-02-03T14:22+01:00", TIMESTAMP_SECONDS_REQUIRED);
    assert_refused("2026-02-03T14:22:5Z", TIMESTAMP_SECONDS_REQUIRED);
}

static void test_leap_second_reads_sixty_as_the_next_minute(void **state)
{
    (void)state;
    struct timestamp_reading r = read_ok("2016-12-31T23:59:60.250Z", TIMESTAMP_LEAP_SECOND);
    assert_int_equal(r.unix_seconds, read_ok("2017-01-01T00:00:00Z", 0).unix_seconds);
    assert_int_equal(r.milliseconds, 250);
    assert_refused("2016-12-31T23:59:60Z", 0);
    assert_refused("2016-12-31T23:59:61Z", TIMESTAMP_LEAP_SECOND);
}

static void test_no_minus_zero_refuses_a_negative_zero_offset(void **state)
{
    (void)state;
    static const char *const minus_zero[] = {"2026-02-03T14:22:05-00", "2026-02-03T14:22:05-0000",
                                             "2026-02-03T14:22:05-00:00", NULL};
    for (size_t i = 0; minus_zero[i] != NULL; i++) {
        assert_int_equal(read_ok(minus_zero[i], 0).offset_seconds, 0);
        assert_refused(minus_zero[i], TIMESTAMP_NO_MINUS_ZERO);
    }
    assert_int_equal(read_ok("2026-02-03T14:22:05+00:00", TIMESTAMP_NO_MINUS_ZERO).unix_seconds,
                     1770128525);
    assert_int_equal(read_ok("2026-02-03T14:22:05-00:30", TIMESTAMP_NO_MINUS_ZERO).offset_seconds,
                     -30 * 60);
    assert_int_equal(read_ok("2026-02-03T14:22:05Z", TIMESTAMP_NO_MINUS_ZERO).offset_seconds, 0);
}

static void test_no_fraction_refuses_a_fraction(void **state)
{
    (void)state;
    assert_int_equal(read_ok("2026-02-03T14:22:05Z", TIMESTAMP_NO_FRACTION).milliseconds, 0);
    assert_refused("2026-02-03T14:22:05.123Z", TIMESTAMP_NO_FRACTION);
}

static void test_no_offset_reads_a_local_time(void **state)
{
    (void)state;
    struct timestamp_reading r = read_ok("2026-02-03T14:22:05.75", TIMESTAMP_NO_OFFSET);
    assert_int_equal(r.unix_seconds, 1770128525);
    assert_int_equal(r.milliseconds, 750);
    assert_int_equal(r.offset_seconds, 0);
    assert_refused("2026-02-03T14:22:05Z", TIMESTAMP_NO_OFFSET);
    assert_refused("2026-02-03T14:22:05+01:00", TIMESTAMP_NO_OFFSET);
    assert_refused("2026-02-03T14:22:05 ", TIMESTAMP_NO_OFFSET);
}

/* The named uses of the reader: core's lenient one, Moodle's local time, xAPI's. */
static void test_the_flags_of_each_use(void **state)
{
    (void)state;
    const unsigned local = TIMESTAMP_ONLY_SPACE | TIMESTAMP_SECONDS_REQUIRED |
                           TIMESTAMP_NO_FRACTION | TIMESTAMP_NO_OFFSET;
    assert_int_equal(read_ok("2026-02-03 14:22:05", local).unix_seconds, 1770128525);
    assert_refused("2026-02-03 14:22:05.1", local);
    assert_refused("2026-02-03 14:22", local);
    const unsigned xapi =
        TIMESTAMP_SECONDS_REQUIRED | TIMESTAMP_LEAP_SECOND | TIMESTAMP_NO_MINUS_ZERO;
    assert_int_equal(read_ok("2024-03-01T23:30:00-07:00", xapi).offset_seconds, -7 * 3600);
    assert_refused("2024-03-01 10:00:00Z", xapi);
    int64_t seconds = 0;
    assert_true(timestamp_parse_iso8601("2026-02-03 14:22Z", &seconds));
    assert_int_equal(seconds, 1770128520);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_without_flags_an_offset_is_required),
        cmocka_unit_test(test_space_for_t_accepts_a_space_too),
        cmocka_unit_test(test_only_space_refuses_the_t),
        cmocka_unit_test(test_seconds_required_refuses_minutes_alone),
        cmocka_unit_test(test_leap_second_reads_sixty_as_the_next_minute),
        cmocka_unit_test(test_no_minus_zero_refuses_a_negative_zero_offset),
        cmocka_unit_test(test_no_fraction_refuses_a_fraction),
        cmocka_unit_test(test_no_offset_reads_a_local_time),
        cmocka_unit_test(test_the_flags_of_each_use),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
