#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/banned.h"

/* Wraps activity JSON in a valid msl-strategic record. */
static void record_with_activities(char *out, size_t size, const char *activities)
{
    snprintf(out, size,
             "{\"program\": \"msl-strategic\", \"as_of\": \"2026-05-01\","
             " \"track_started\": \"2022-06-01\", \"activities\": [%s]}",
             activities);
}

static void assert_error(const char *json, const char *expected)
{
    struct ct_err err = {0};
    if (test_parse_error(test_msl_programs(), json, &err) != CT_ERR_INPUT) {
        fail_msg("accepted: %s", json);
    }
    char message[1024];
    ct_err_format(&err, message, sizeof message);
    if (strcmp(message, expected) != 0) {
        fail_msg("expected \"%s\", got \"%s\"", expected, message);
    }
}

static void assert_activity_error(const char *activities, const char *expected)
{
    char json[4096];
    record_with_activities(json, sizeof json, activities);
    assert_error(json, expected);
}

#define COURSE(extra)                                                                              \
    "{\"id\": \"a1\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\": \"verified\","   \
    " \"category\": \"technology\"" extra "}"

static void test_impossible_dates_name_the_field(void **state)
{
    (void)state;
    assert_activity_error(
        COURSE(", \"credits\": 1") ", {\"id\": \"a2\", \"kind\": \"course\", \"date\": "
                                   "\"2023-02-30\", \"credits\": 1, \"status\": \"verified\", "
                                   "\"category\": \"technology\"}",
        "activities[1].date: not a date: \"2023-02-30\"");
    assert_error("{\"program\": \"msl-staff\", \"as_of\": \"2026-13-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": []}",
                 "as_of: not a date: \"2026-13-01\"");
    assert_error("{\"program\": \"msl-staff\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " 20220601, \"activities\": []}",
                 "track_started: expected a date as \"YYYY-MM-DD\", found a number");
}

static void test_credit_values_must_be_positive_multiples_of_half(void **state)
{
    (void)state;
    assert_activity_error(COURSE(", \"credits\": 1.25"),
                          "activities[0].credits: not a positive multiple of 0.5: 1.25");
    assert_activity_error(COURSE(", \"credits\": 0"),
                          "activities[0].credits: not a positive multiple of 0.5: 0");
    assert_activity_error(COURSE(", \"credits\": -2"),
                          "activities[0].credits: not a positive multiple of 0.5: -2");
    assert_activity_error(COURSE(", \"credits\": \"2\""),
                          "activities[0].credits: expected a number, found a string");
    assert_activity_error("{\"id\": \"c\", \"kind\": \"college\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"category\": \"technology\","
                          " \"semester_credits\": 0.3}",
                          "activities[0].semester_credits: not a positive multiple of 0.5: 0.3");
    assert_activity_error("{\"id\": \"c\", \"kind\": \"college\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"category\": \"technology\","
                          " \"quarter_credits\": -1}",
                          "activities[0].quarter_credits: not a positive multiple of 0.5: -1");
}

static void test_unknown_names_are_bad_input(void **state)
{
    (void)state;
    assert_activity_error(
        "{\"id\": \"x\", \"kind\": \"lecture\", \"date\": \"2023-01-10\","
        " \"status\": \"verified\", \"credits\": 1, \"category\": \"technology\"}",
        "activities[0].kind: unknown kind \"lecture\"");
    assert_activity_error(
        "{\"id\": \"x\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\": \"approved\","
        " \"credits\": 1, \"category\": \"technology\"}",
        "activities[0].status: unknown status \"approved\" (pending, verified or rejected)");
    assert_activity_error(
        "{\"id\": \"x\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\": \"verified\","
        " \"credits\": 1, \"category\": \"cooking\"}",
        "activities[0].category: unknown category \"cooking\" for program msl-strategic");
    assert_error("{\"program\": \"msl-nope\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": []}",
                 "program: unknown program \"msl-nope\"");
}

static void test_duplicate_activity_id_names_the_repeat(void **state)
{
    (void)state;
    assert_activity_error(COURSE(", \"credits\": 1") ", " COURSE(", \"credits\": 2"),
                          "activities[1].id: duplicate activity id \"a1\"");
    char many[8192];
    snprintf(many, sizeof many, "%s",
             "{\"id\": \"z\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\":"
             " \"verified\", \"category\": \"technology\", \"credits\": 1},"
             "{\"id\": \"b\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\":"
             " \"verified\", \"category\": \"technology\", \"credits\": 1},"
             "{\"id\": \"z\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\":"
             " \"verified\", \"category\": \"technology\", \"credits\": 1},"
             "{\"id\": \"b\", \"kind\": \"course\", \"date\": \"2023-01-10\", \"status\":"
             " \"verified\", \"category\": \"technology\", \"credits\": 1}");
    assert_activity_error(many, "activities[2].id: duplicate activity id \"z\"");
}

static void test_missing_required_fields_are_named(void **state)
{
    (void)state;
    assert_error("{\"as_of\": \"2026-01-01\", \"track_started\": \"2022-06-01\","
                 " \"activities\": []}",
                 "program: missing");
    assert_error("{\"program\": \"msl-staff\", \"track_started\": \"2022-06-01\","
                 " \"activities\": []}",
                 "as_of: missing");
    assert_error("{\"program\": \"msl-staff\", \"as_of\": \"2026-01-01\", \"activities\": []}",
                 "track_started: missing");
    assert_error("{\"program\": \"msl-staff\", \"as_of\": \"2026-01-01\","
                 " \"track_started\": \"2022-06-01\"}",
                 "activities: missing");
    assert_activity_error("{\"id\": \"x\", \"kind\": \"course\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"credits\": 1}",
                          "activities[0].category: missing");
    assert_activity_error(COURSE(""), "activities[0].credits: missing");
    assert_activity_error("{\"id\": \"s\", \"kind\": \"self-directed\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\"}",
                          "activities[0].hours: missing");
    assert_activity_error("{\"id\": \"p\", \"kind\": \"presenting\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"hours\": 1, \"category\": \"technology\"}",
                          "activities[0].topic: missing");
    assert_activity_error("{\"id\": \"p\", \"kind\": \"presenting\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"hours\": 1, \"topic\": \"  \","
                          " \"category\": \"technology\"}",
                          "activities[0].topic: must not be blank");
    assert_activity_error("{\"id\": \"w\", \"kind\": \"archived-webinar\", \"date\":"
                          " \"2023-01-10\", \"status\": \"verified\", \"credits\": 1,"
                          " \"category\": \"technology\"}",
                          "activities[0].recorded: missing");
    assert_activity_error("{\"id\": \"c\", \"kind\": \"college\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"category\": \"technology\"}",
                          "activities[0].semester_credits: missing (a college course has "
                          "semester_credits or quarter_credits)");
    assert_activity_error("{\"id\": \"c\", \"kind\": \"college\", \"date\": \"2023-01-10\","
                          " \"status\": \"verified\", \"category\": \"technology\","
                          " \"semester_credits\": 1, \"quarter_credits\": 1}",
                          "activities[0].quarter_credits: a college course has "
                          "semester_credits or quarter_credits, not both");
    assert_activity_error("{\"kind\": \"course\", \"date\": \"2023-01-10\", \"status\":"
                          " \"verified\", \"credits\": 1, \"category\": \"technology\"}",
                          "activities[0].id: missing");
    assert_activity_error(
        "{\"id\": \"\", \"kind\": \"course\", \"date\": \"2023-01-10\","
        " \"status\": \"verified\", \"credits\": 1, \"category\": \"technology\"}",
        "activities[0].id: must not be empty");
    assert_activity_error("\"a1\"", "activities[0]: expected an object, found a string");
}

static void test_plan_and_certificate_errors_are_named(void **state)
{
    (void)state;
    assert_error("{\"program\": \"msl-strategic\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": [], \"plan\": {\"versions\": [{\"version\": 1,"
                 " \"submitted\": \"2022-07-01\"}, {\"version\": 1}]}}",
                 "plan.versions[1].version: duplicate plan version 1");
    assert_error("{\"program\": \"msl-strategic\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": [], \"plan\": {\"versions\": [{\"version\": 1,"
                 " \"organization_approved\": \"2022-02-29\"}]}}",
                 "plan.versions[0].organization_approved: not a date: \"2022-02-29\"");
    assert_error("{\"program\": \"msl-strategic\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": [], \"plan\": {\"versions\": [{\"version\": 1,"
                 " \"planned_self_directed\": [\"sd1\", 2]}]}}",
                 "plan.versions[0].planned_self_directed[1]: expected a plan item id");
    assert_error("{\"program\": \"msl-strategic\", \"as_of\": \"2026-01-01\", \"track_started\":"
                 " \"2022-06-01\", \"activities\": [], \"certificates\": [{\"program\":"
                 " \"msl-staff\"}]}",
                 "certificates[0].issued: missing");
    assert_error(
        "{\"program\": \"msl-strategic\", \"as_of\": \"2026-01-01\", \"track_started\":"
        " \"2022-06-01\", \"activities\": [], \"final_report\": {\"submitted\": \"soon\"}}",
        "final_report.submitted: not a date: \"soon\"");
}

static void test_not_json_is_refused_whole(void **state)
{
    (void)state;
    struct ct_err err = {0};
    assert_int_equal(test_parse_error(test_msl_programs(), "{\"program\": ", &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "not valid JSON"));
    assert_error("[]", "expected an object, found an array");
    assert_error("{\"program\": \"msl-staff\", \"program\": \"msl-trustee\"}",
                 "not valid JSON (line 1, column 34): duplicate object key near '\"program\"'");
}

static void test_valid_record_decodes_every_field(void **state)
{
    (void)state;
    struct evaluated e = test_evaluate(
        test_msl_programs(),
        "{\"program\": \"msl-strategic\", \"as_of\": \"2026-05-01\", \"track_started\":"
        " \"2022-06-01\", \"ignored_extra\": {\"x\": 1},"
        " \"certificates\": [{\"program\": \"msl-staff\", \"issued\": \"2021-03-01\"}],"
        " \"plan\": {\"versions\": [{\"version\": 1, \"submitted\": \"2022-07-01\","
        " \"learner_approved\": \"2022-07-01\", \"organization_approved\": null,"
        " \"planned_self_directed\": [\"sd1\"]}]},"
        " \"final_report\": {\"submitted\": \"2026-04-01\"},"
        " \"activities\": [{\"id\": \"p\", \"kind\": \"presenting\", \"date\": \"2023-05-02\","
        " \"hours\": 1.5, \"topic\": \"  Intro to CATALOGING \", \"category\":"
        " \"collection-management\", \"status\": \"pending\"}, {\"id\": \"s\", \"kind\":"
        " \"self-directed\", \"date\": \"2023-05-03\", \"hours\": 0.5, \"plan_item\": \"sd1\","
        " \"status\": \"verified\"}]}");
    const struct learner_record *r = e.record;
    assert_string_equal(r->program->id, "msl-strategic");
    assert_int_equal(r->certificate_count, 1);
    assert_string_equal(r->certificates[0].program, "msl-staff");
    assert_int_equal(r->plan_version_count, 1);
    assert_false(civil_date_is_set(r->plan_versions[0].organization_approved));
    assert_string_equal(r->plan_versions[0].planned_self_directed[0], "sd1");
    assert_true(civil_date_is_set(r->final_report_submitted));
    assert_false(civil_date_is_set(r->final_report_accepted));
    assert_int_equal(r->activity_count, 2);
    assert_int_equal(r->activities[0].minutes, 90);
    assert_int_equal(r->activities[0].status, ACTIVITY_STATUS_PENDING);
    assert_string_equal(r->activities[0].topic_key, "intro to cataloging");
    assert_int_equal(r->activities[1].category, -1);
    assert_string_equal(r->activities[1].plan_item, "sd1");
    test_evaluated_release(&e);
}

static void test_as_of_override_replaces_the_records(void **state)
{
    (void)state;
    const char *json = "{\"program\": \"msl-staff\", \"track_started\": \"2022-06-01\","
                       " \"activities\": []}";
    struct learner_record *record = NULL;
    struct ct_err err = {0};
    struct record_parse_options options = {civil_date_from_ymd(2025, 1, 2)};
    assert_int_equal(record_parse(json, strlen(json), test_msl_programs(), &options, &record, &err),
                     CT_OK);
    assert_int_equal(record->as_of.days, civil_date_from_ymd(2025, 1, 2).days);
    record_free(record);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_impossible_dates_name_the_field),
        cmocka_unit_test(test_credit_values_must_be_positive_multiples_of_half),
        cmocka_unit_test(test_unknown_names_are_bad_input),
        cmocka_unit_test(test_duplicate_activity_id_names_the_repeat),
        cmocka_unit_test(test_missing_required_fields_are_named),
        cmocka_unit_test(test_plan_and_certificate_errors_are_named),
        cmocka_unit_test(test_not_json_is_refused_whole),
        cmocka_unit_test(test_valid_record_decodes_every_field),
        cmocka_unit_test(test_as_of_override_replaces_the_records),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
