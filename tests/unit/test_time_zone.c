/* Time zones and timestamps: the civil date an instant falls on in a site's zone. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/timestamp.h"
#include "core/tzif.h"
#include "io/time_zone.h"
#include "core/banned.h"

static int64_t instant(const char *text)
{
    int64_t seconds = 0;
    if (!timestamp_parse_iso8601(text, &seconds)) {
        fail_msg("not a timestamp: %s", text);
    }
    return seconds;
}

static void assert_date(struct civil_date date, const char *expected)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    assert_string_equal(text, expected);
}

static bool have_zoneinfo(void)
{
    return access("/usr/share/zoneinfo/America/Denver", R_OK) == 0;
}

static void test_iso8601_offsets_are_applied(void **state)
{
    (void)state;
    assert_int_equal(instant("1970-01-01T00:00:00Z"), 0);
    assert_int_equal(instant("2026-02-03T14:22:05Z"), 1770128525);
    assert_int_equal(instant("2026-02-03T07:22:05-07:00"), 1770128525);
    assert_int_equal(instant("2026-02-03T07:22:05.123456-0700"), 1770128525);
    assert_int_equal(instant("2026-02-03T16:22:05+02"), 1770128525);
    assert_int_equal(instant("2026-02-03t14:22:05z"), 1770128525);
    assert_int_equal(instant("2026-02-03T14:22Z"), 1770128520);
    assert_int_equal(instant("1969-12-31T23:59:59Z"), -1);
    int64_t seconds = 42;
    const char *bad[] = {
        "2026-02-03T14:22:05",     "2026-02-30T14:22:05Z",      "2026-02-03T24:00:00Z",
        "2026-02-03T14:22:60Z",    "2026-02-03T14:22:05+25:00", "2026-02-03T14:22:05.Z",
        "2026-02-03 14:22:05 Z",   "2026-02-03T14:22:05+07:0",  "",
        "2026-02-03T14:22:05Zjunk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (timestamp_parse_iso8601(bad[i], &seconds)) {
            fail_msg("accepted \"%s\"", bad[i]);
        }
    }
    assert_int_equal(seconds, 42);
}

static void test_local_times_give_their_date(void **state)
{
    (void)state;
    struct civil_date date = civil_date_unset();
    assert_true(timestamp_parse_local("2026-02-03 14:22:05", &date));
    assert_date(date, "2026-02-03");
    assert_true(timestamp_parse_local("2024-02-29 23:59:59", &date));
    assert_date(date, "2024-02-29");
    const char *bad[] = {"2026-02-03T14:22:05",  "2026-02-03 14:22",  "2025-02-29 10:00:00",
                         "2026-02-03 14:22:05Z", "2026-2-3 14:22:05", "",
                         "2026-02-03 25:00:00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (timestamp_parse_local(bad[i], &date)) {
            fail_msg("accepted \"%s\"", bad[i]);
        }
    }
}

static void test_fixed_offsets_move_the_date(void **state)
{
    (void)state;
    int64_t late_utc = instant("2026-02-04T03:30:00Z");
    assert_date(timestamp_civil_date_at_offset(late_utc, 0), "2026-02-04");
    assert_date(timestamp_civil_date_at_offset(late_utc, -7 * 3600), "2026-02-03");
    assert_date(timestamp_civil_date_at_offset(-1, 0), "1969-12-31");
}

static struct civil_date date_in(const char *zone_name, const char *timestamp)
{
    struct civil_date date = civil_date_unset();
    struct ct_err err = {0};
    if (time_zone_civil_date(zone_name, instant(timestamp), &date, &err) != CT_OK) {
        fail_msg("%s: %s", zone_name, err.message);
    }
    return date;
}

static void test_utc_needs_no_database(void **state)
{
    (void)state;
    assert_date(date_in("UTC", "2026-02-03T23:59:59-00:00"), "2026-02-03");
    assert_date(date_in("UTC", "2026-02-03T23:59:59-01:00"), "2026-02-04");
    assert_date(date_in("Etc/UTC", "2026-02-04T00:00:00Z"), "2026-02-04");
}

static void test_denver_across_daylight_saving_changes(void **state)
{
    (void)state;
    if (!have_zoneinfo()) {
        skip();
    }
    /* Winter: UTC-7. 06:59Z is still the day before in Denver. */
    assert_date(date_in("America/Denver", "2026-02-04T06:59:59Z"), "2026-02-03");
    assert_date(date_in("America/Denver", "2026-02-04T07:00:00Z"), "2026-02-04");
    /* Daylight time from 8 March 2026 02:00 MST: then UTC-6. */
    assert_date(date_in("America/Denver", "2026-03-09T05:59:59Z"), "2026-03-08");
    assert_date(date_in("America/Denver", "2026-03-09T06:00:00Z"), "2026-03-09");
    /* Back to standard time on 1 November 2026. */
    assert_date(date_in("America/Denver", "2026-11-01T05:59:59Z"), "2026-10-31");
    assert_date(date_in("America/Denver", "2026-11-02T06:59:59Z"), "2026-11-01");
    assert_date(date_in("America/Denver", "2026-11-02T07:00:00Z"), "2026-11-02");
    /* Far ahead, past the file's transitions, the footer's rule decides. */
    assert_date(date_in("America/Denver", "2090-07-01T05:59:59Z"), "2090-06-30");
    assert_date(date_in("America/Denver", "2090-12-01T06:59:59Z"), "2090-11-30");
    /* An offset timestamp: 23:30 in Montana in summer is 05:30Z the next day. */
    assert_date(date_in("America/Denver", "2026-07-14T23:30:00-06:00"), "2026-07-14");
    assert_date(date_in("Europe/Paris", "2026-07-14T23:30:00-06:00"), "2026-07-15");
}

static void test_offsets_of_the_zone_file(void **state)
{
    (void)state;
    if (!have_zoneinfo()) {
        skip();
    }
    struct tzif_zone *zone = NULL;
    struct ct_err err = {0};
    assert_int_equal(time_zone_load("America/Denver", &zone, &err), CT_OK);
    assert_int_equal(tzif_offset_at(zone, instant("2026-03-08T08:59:59Z")), -7 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2026-03-08T09:00:00Z")), -6 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2026-11-01T07:59:59Z")), -6 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2026-11-01T08:00:00Z")), -7 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("1950-06-01T12:00:00Z")), -7 * 3600);
    tzif_free(zone);
    /* Southern hemisphere: daylight time spans the new year. */
    assert_int_equal(time_zone_load("Australia/Sydney", &zone, &err), CT_OK);
    assert_int_equal(tzif_offset_at(zone, instant("2080-01-15T00:00:00Z")), 11 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2080-07-15T00:00:00Z")), 10 * 3600);
    tzif_free(zone);
}

static void test_posix_rules(void **state)
{
    (void)state;
    struct tzif_zone *zone = NULL;
    struct ct_err err = {0};
    assert_int_equal(tzif_from_rule("MST7MDT,M3.2.0,M11.1.0", &zone, &err), CT_OK);
    assert_int_equal(tzif_offset_at(zone, instant("2026-03-08T08:59:59Z")), -7 * 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2026-03-08T09:00:00Z")), -6 * 3600);
    tzif_free(zone);
    assert_int_equal(tzif_from_rule("<+0545>-5:45", &zone, &err), CT_OK);
    assert_int_equal(tzif_offset_at(zone, 0), 5 * 3600 + 45 * 60);
    tzif_free(zone);
    assert_int_equal(tzif_from_rule("IST-1GMT0,M10.5.0,M3.5.0/1", &zone, &err), CT_OK);
    assert_int_equal(tzif_offset_at(zone, instant("2026-07-01T00:00:00Z")), 3600);
    assert_int_equal(tzif_offset_at(zone, instant("2026-01-01T00:00:00Z")), 0);
    tzif_free(zone);
    const char *bad[] = {
        "", "M7", "MST", "MST7MDT,M3.2.0", "MST7MDT,M13.2.0,M11.1.0", "MST7MDT,M3.2.0,M11.1.0junk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (tzif_from_rule(bad[i], &zone, &err) != CT_ERR_INPUT) {
            fail_msg("accepted \"%s\"", bad[i]);
        }
        assert_null(zone);
    }
}

static void test_zone_names_are_checked(void **state)
{
    (void)state;
    assert_true(time_zone_name_is_valid("America/Denver"));
    assert_true(time_zone_name_is_valid("America/Argentina/Buenos_Aires"));
    assert_true(time_zone_name_is_valid("Etc/GMT+7"));
    assert_false(time_zone_name_is_valid("../etc/passwd"));
    assert_false(time_zone_name_is_valid("America/../../etc"));
    assert_false(time_zone_name_is_valid("/etc/passwd"));
    assert_false(time_zone_name_is_valid(""));
    assert_false(time_zone_name_is_valid("America//Denver"));
    assert_false(time_zone_name_is_valid("America/Denver "));
    struct tzif_zone *zone = NULL;
    struct ct_err err = {0};
    assert_int_equal(time_zone_load("Nowhere/Special", &zone, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "time_zone");
    assert_null(zone);
}

static void test_malformed_zone_files_are_refused(void **state)
{
    (void)state;
    struct tzif_zone *zone = NULL;
    struct ct_err err = {0};
    const unsigned char not_tzif[] = "TZiX this is not a zone file at all, not at all.....";
    assert_int_equal(tzif_parse(not_tzif, sizeof not_tzif, &zone, &err), CT_ERR_INPUT);
    assert_null(zone);
    unsigned char header[44] = {'T', 'Z', 'i', 'f', '2'};
    header[39] = 1; /* one type, then nothing: cut short */
    assert_int_equal(tzif_parse(header, sizeof header, &zone, &err), CT_ERR_INPUT);
    assert_null(zone);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso8601_offsets_are_applied),
        cmocka_unit_test(test_local_times_give_their_date),
        cmocka_unit_test(test_fixed_offsets_move_the_date),
        cmocka_unit_test(test_utc_needs_no_database),
        cmocka_unit_test(test_denver_across_daylight_saving_changes),
        cmocka_unit_test(test_offsets_of_the_zone_file),
        cmocka_unit_test(test_posix_rules),
        cmocka_unit_test(test_zone_names_are_checked),
        cmocka_unit_test(test_malformed_zone_files_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
