/* CSV downloads: every cell quoted, quotes doubled, formulas neutralised. */
#include "helpers.h"

#include <string.h>

#include "web/html/csv.h"
#include "core/banned.h"

static void test_a_row_is_quoted_and_ends_with_crlf(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 4096);
    const char *cells[] = {"O'Brien, Dana", "say \"hi\"", NULL, "line\nbreak"};
    assert_int_equal(csv_write_row(&out, cells, 4), CT_OK);
    assert_string_equal(buf_str(&out),
                        "\"O'Brien, Dana\",\"say \"\"hi\"\"\",\"\",\"line\nbreak\"\r\n");
    buf_release(&out);
}

static void test_what_a_spreadsheet_would_run_gets_an_apostrophe(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 4096);
    const char *cells[] = {"=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "a=b", "3"};
    assert_int_equal(csv_write_row(&out, cells, 8), CT_OK);
    assert_string_equal(buf_str(&out), "\"'=SUM(A1)\",\"'+1\",\"'-2\",\"'@cmd\",\"'\tx\",\"'\rx\","
                                       "\"a=b\",\"3\"\r\n");
    buf_release(&out);
}

static void test_a_full_buffer_is_an_error(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8);
    assert_int_equal(csv_write_cell(&out, "far too long for it", true), CT_ERR_TOO_LARGE);
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_row_is_quoted_and_ends_with_crlf),
        cmocka_unit_test(test_what_a_spreadsheet_would_run_gets_an_apostrophe),
        cmocka_unit_test(test_a_full_buffer_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
