/* moment: every page's one way of writing a point in time, "YYYY-MM-DD HH:MM UTC". */
#include "helpers.h"

#include <string.h>

#include "web/html/moment.h"
#include "core/banned.h"

static void assert_text(const char *stored, const char *expected)
{
    char out[MOMENT_TEXT_SIZE];
    moment_of_text(stored, out, sizeof out);
    assert_string_equal(out, expected);
}

static void test_unix_seconds_are_written_in_utc_to_the_minute(void **state)
{
    (void)state;
    char out[MOMENT_TEXT_SIZE];
    moment_of_unix(1772366400, out); /* 2026-03-01T12:00:00Z */
    assert_string_equal(out, "2026-03-01 12:00 UTC");
    moment_of_unix(1772366400 + 59, out);
    assert_string_equal(out, "2026-03-01 12:00 UTC");
    moment_of_unix(1772409599, out);
    assert_string_equal(out, "2026-03-01 23:59 UTC");
    moment_of_unix(1, out);
    assert_string_equal(out, "1970-01-01 00:00 UTC");
    moment_of_unix(-60, out);
    assert_string_equal(out, "1969-12-31 23:59 UTC");
}

static void test_no_time_is_empty(void **state)
{
    (void)state;
    char out[MOMENT_TEXT_SIZE] = "x";
    moment_of_unix(0, out);
    assert_string_equal(out, "");
}

static void test_the_database_text_is_read_in_every_form(void **state)
{
    (void)state;
    assert_text("2026-03-01T12:00:00Z", "2026-03-01 12:00 UTC");
    assert_text("2026-03-01T12:00:59.999Z", "2026-03-01 12:00 UTC");
    assert_text("2026-03-01 12:00:00", "2026-03-01 12:00 UTC");
    assert_text("2026-03-01T12:00", "2026-03-01 12:00 UTC");
    assert_text("1970-01-01T00:00:00Z", "1970-01-01 00:00 UTC");
}

static void test_an_offset_is_turned_to_utc(void **state)
{
    (void)state;
    assert_text("2026-06-10T21:30:00-06:00", "2026-06-11 03:30 UTC");
    assert_text("2026-01-01T00:30:00+01:00", "2025-12-31 23:30 UTC");
}

static void test_other_text_is_copied_as_it_is(void **state)
{
    (void)state;
    assert_text(NULL, "");
    assert_text("", "");
    assert_text("2026-03-01", "2026-03-01");
    assert_text("never", "never");
    assert_text("2026-13-01T12:00:00Z", "2026-13-01T12:00:00Z");
    char small[8];
    moment_of_text("2026-03-01T12:00:00Z", small, sizeof small);
    assert_string_equal(small, "2026-03");
}

static void test_the_writers_escape_and_say_none(void **state)
{
    (void)state;
    struct buf body;
    buf_init(&body, 1024);
    struct html h;
    html_start(&h, &body);
    html_moment(&h, "2026-03-01T12:00:00Z");
    html_markup(&h, "|");
    html_moment(&h, "<b>");
    html_markup(&h, "|");
    html_moment_unix(&h, 0, "never");
    html_markup(&h, "|");
    html_moment_unix(&h, 1772366400, "never");
    assert_int_equal(html_status(&h), CT_OK);
    assert_string_equal(buf_str(&body),
                        "2026-03-01 12:00 UTC|&lt;b&gt;|never|2026-03-01 12:00 UTC");
    buf_release(&body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unix_seconds_are_written_in_utc_to_the_minute),
        cmocka_unit_test(test_no_time_is_empty),
        cmocka_unit_test(test_the_database_text_is_read_in_every_form),
        cmocka_unit_test(test_an_offset_is_turned_to_utc),
        cmocka_unit_test(test_other_text_is_copied_as_it_is),
        cmocka_unit_test(test_the_writers_escape_and_say_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
