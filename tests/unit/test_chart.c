#include "helpers.h"

#include <string.h>

#include "web/html/chart.h"
#include "core/banned.h"

/* A staff record on 2024-01-01: 2 credits from 2020-03-01 that expire on 2024-03-01,
 * and 3 from 2023-06-01 that stay. */
static const char record_json[] =
    "{\"program\": \"msl-staff\", \"as_of\": \"2024-01-01\", \"track_started\": \"2020-01-01\","
    " \"activities\": ["
    "{\"id\": \"old\", \"kind\": \"course\", \"date\": \"2020-03-01\", \"credits\": 2,"
    " \"category\": \"technology\", \"status\": \"verified\"},"
    "{\"id\": \"new\", \"kind\": \"course\", \"date\": \"2023-06-01\", \"credits\": 3,"
    " \"category\": \"technology\", \"status\": \"verified\"}]}";

static char *draw(const struct evaluated *e, const char *today)
{
    struct civil_date day;
    assert_true(civil_date_parse(today, &day));
    struct buf out;
    buf_init(&out, 1 << 20);
    assert_int_equal(chart_progress_svg(&out, e->record, e->evaluation, day), CT_OK);
    char *text = strdup(buf_str(&out));
    buf_release(&out);
    assert_non_null(text);
    return text;
}

static void test_the_chart_shows_what_expires_within_a_year(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), record_json);
    char *svg = draw(&e, "2024-01-01");
    assert_non_null(strstr(svg, "role=\"img\""));
    assert_non_null(strstr(svg, "5 of 60 credits counted"));
    assert_non_null(strstr(svg, "<p>2 credits expire within the next twelve months.</p>"));
    /* The dashed line drops when the old course expires, and the key names it. */
    assert_non_null(strstr(svg, "class=\"expiring\""));
    assert_non_null(strstr(svg, "swatch expiring"));
    /* The gridlines carry credit values. */
    assert_non_null(strstr(svg, ">0</text>"));
    assert_non_null(strstr(svg, ">60</text>"));
    free(svg);
    test_evaluated_release(&e);
}

static void test_nothing_expiring_draws_no_expiry_line(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), record_json);
    /* Two years earlier nothing counted expires within a year (the record is as of
     * 2024-01-01; the chart only looks ahead from the day it is given). */
    char *svg = draw(&e, "2021-01-01");
    assert_non_null(strstr(svg, "No counted credits expire within the next twelve months."));
    assert_null(strstr(svg, "class=\"expiring\""));
    assert_null(strstr(svg, "swatch expiring"));
    free(svg);
    test_evaluated_release(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_chart_shows_what_expires_within_a_year),
        cmocka_unit_test(test_nothing_expiring_draws_no_expiry_line),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
