#include "helpers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/evaluation_json.h"
#include "core/evaluation_text.h"
#include "core/banned.h"

static const char *const example_record =
    "{\"program\": \"msl-strategic\", \"as_of\": \"2026-05-01\", \"track_started\": \"2022-06-01\","
    " \"certificates\": [{\"program\": \"msl-staff\", \"issued\": \"2021-03-01\"}],"
    " \"plan\": {\"versions\": [{\"version\": 1, \"submitted\": \"2022-07-01\","
    " \"learner_approved\": \"2022-07-01\", \"organization_approved\": \"2022-07-15\","
    " \"planned_self_directed\": [\"sd1\"]}]},"
    " \"final_report\": {\"submitted\": \"2026-04-01\", \"accepted\": \"2026-04-10\"},"
    " \"activities\": ["
    "{\"id\": \"a1\", \"kind\": \"course\", \"date\": \"2022-08-10\", \"credits\": 2,"
    " \"category\": \"library-administration\", \"status\": \"verified\"},"
    "{\"id\": \"a2\", \"kind\": \"self-directed\", \"date\": \"2022-09-01\", \"hours\": 7.5,"
    " \"plan_item\": \"sd1\", \"status\": \"verified\"},"
    "{\"id\": \"a4\", \"kind\": \"college\", \"date\": \"2023-04-10\", \"quarter_credits\": 2,"
    " \"category\": \"technology\", \"status\": \"pending\"},"
    "{\"id\": \"a6\", \"kind\": \"archived-webinar\", \"date\": \"2023-03-01\", \"recorded\":"
    " \"2021-12-01\", \"credits\": 1, \"category\": \"technology\", \"status\": \"verified\"}]}";

static void test_json_has_the_fixed_fields_in_order(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), example_record);
    char *text = evaluation_to_json_text(e.evaluation, e.record);
    assert_non_null(text);
    const char *keys[] = {"\"program\"",          "\"as_of\"",
                          "\"status\"",           "\"counted_credits\"",
                          "\"required_credits\"", "\"remaining_credits\"",
                          "\"pending_credits\"",  "\"self_directed_credits\"",
                          "\"categories\"",       "\"blocking\"",
                          "\"deadline\"",         "\"activities\"",
                          "\"projection\""};
    const char *previous = text;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *at = strstr(text, keys[i]);
        if (at == NULL || at < previous) {
            fail_msg("%s missing or out of order", keys[i]);
        }
        previous = at;
    }
    assert_int_equal(text[strlen(text) - 1], '\n');
    free(text);
    test_evaluated_release(&e);
}

static void test_json_values_match_the_evaluation(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), example_record);
    json_t *root = evaluation_to_json(e.evaluation, e.record);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "status")), "in-progress");
    /* Whole numbers are integers; halves are reals. */
    assert_true(json_is_integer(json_object_get(root, "required_credits")));
    assert_int_equal(json_integer_value(json_object_get(root, "required_credits")), 60);
    assert_true(json_is_real(json_object_get(root, "counted_credits")));
    assert_true(json_real_value(json_object_get(root, "counted_credits")) == 4.5);
    assert_true(json_real_value(json_object_get(root, "remaining_credits")) == 55.5);
    assert_int_equal(json_integer_value(json_object_get(root, "pending_credits")), 4);
    assert_true(json_real_value(json_object_get(root, "self_directed_credits")) == 2.5);
    json_t *categories = json_object_get(root, "categories");
    assert_int_equal(json_object_size(categories), 4);
    json_t *admin = json_object_get(categories, "library-administration");
    assert_int_equal(json_integer_value(json_object_get(admin, "counted")), 2);
    assert_int_equal(json_integer_value(json_object_get(admin, "required")), 0);
    json_t *blocking = json_object_get(root, "blocking");
    assert_int_equal(json_array_size(blocking), 1);
    assert_string_equal(json_string_value(json_array_get(blocking, 0)), "credits-short");
    assert_string_equal(json_string_value(json_object_get(root, "deadline")), "2026-06-01");
    json_t *activities = json_object_get(root, "activities");
    assert_int_equal(json_array_size(activities), 4);
    json_t *first = json_array_get(activities, 0);
    assert_string_equal(json_string_value(json_object_get(first, "id")), "a1");
    assert_true(json_is_null(json_object_get(first, "reason")));
    assert_string_equal(json_string_value(json_object_get(first, "decision")), "counted");
    assert_string_equal(json_string_value(json_object_get(first, "expires")), "2026-08-10");
    json_t *pending = json_array_get(activities, 2);
    assert_string_equal(json_string_value(json_object_get(pending, "decision")), "pending");
    assert_string_equal(json_string_value(json_object_get(pending, "reason")), "not-verified");
    assert_int_equal(json_integer_value(json_object_get(pending, "credits")), 4);
    assert_int_equal(json_integer_value(json_object_get(pending, "counted")), 0);
    json_t *webinar = json_array_get(activities, 3);
    assert_string_equal(json_string_value(json_object_get(webinar, "reason")),
                        "archived-webinar-too-old");
    json_t *projection = json_object_get(root, "projection");
    assert_string_equal(json_string_value(json_object_get(projection, "next_expiry")),
                        "2026-08-10");
    assert_true(json_real_value(json_object_get(projection, "counted_after_next_expiry")) == 2.5);
    json_decref(root);
    test_evaluated_release(&e);
}

static void test_category_short_codes_name_the_category(void **state)
{
    (void)state;
    struct evaluated e =
        test_evaluate(test_msl_programs(),
                      "{\"program\": \"msl-trustee\", \"as_of\": \"2024-01-01\", \"track_started\":"
                      " \"2022-06-01\", \"activities\": []}");
    json_t *root = evaluation_to_json(e.evaluation, e.record);
    json_t *blocking = json_object_get(root, "blocking");
    assert_string_equal(json_string_value(json_array_get(blocking, 1)),
                        "category-short:library-administration");
    json_t *projection = json_object_get(root, "projection");
    assert_true(json_is_null(json_object_get(projection, "next_expiry")));
    assert_true(json_is_null(json_object_get(projection, "counted_after_next_expiry")));
    json_decref(root);
    test_evaluated_release(&e);
}

static void test_text_summary_reads_like_the_json(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), example_record);
    struct buf out;
    buf_init(&out, 1 << 20);
    assert_int_equal(evaluation_to_text(e.evaluation, e.record, &out), CT_OK);
    const char *text = buf_str(&out);
    const char *expected_lines[] = {
        "Program:        msl-strategic (Strategic Track to MSL Certification)\n",
        "Status:         in-progress\n",
        "Credits:        4.5 counted of 60 required, 55.5 remaining\n",
        "Pending:        4 awaiting verification\n",
        "Deadline:       2026-06-01\n",
        "  credits-short  55.5 more credits are needed.\n",
        "Next expiry:    2026-08-10 (counted credits fall to 2.5)\n",
        "ID  DATE        KIND              CREDITS  COUNTED  DECISION  REASON                    "
        "EXPIRES\n",
        "a1  2022-08-10  course            2        2        counted   -                         "
        "2026-08-10\n",
        "a6  2023-03-01  archived-webinar  1        0        excluded  archived-webinar-too-old  "
        "2027-03-01\n",
    };
    for (size_t i = 0; i < sizeof expected_lines / sizeof expected_lines[0]; i++) {
        if (strstr(text, expected_lines[i]) == NULL) {
            fail_msg("missing line \"%s\" in:\n%s", expected_lines[i], text);
        }
    }
    buf_release(&out);
    test_evaluated_release(&e);
}

static void test_text_summary_respects_its_size_limit(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(test_msl_programs(), example_record);
    struct buf out;
    buf_init(&out, 64);
    assert_int_equal(evaluation_to_text(e.evaluation, e.record, &out), CT_ERR_TOO_LARGE);
    buf_release(&out);
    test_evaluated_release(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_has_the_fixed_fields_in_order),
        cmocka_unit_test(test_json_values_match_the_evaluation),
        cmocka_unit_test(test_category_short_codes_name_the_category),
        cmocka_unit_test(test_text_summary_reads_like_the_json),
        cmocka_unit_test(test_text_summary_respects_its_size_limit),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
