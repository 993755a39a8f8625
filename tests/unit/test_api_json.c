/* The API reads a JSON body into an action's input struct, refusing what does not fit,
 * and says what is wrong as JSON, naming the field. */
#include "helpers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/api/api_json.h"
#include "core/banned.h"

struct input {
    const char *title;
    const char *credits;
    int64_t event;
    struct action_ids activities;
    const char *urls;
    bool lms_verifies;
};

static const struct api_input_field fields[] = {
    API_INPUT("title", API_TEXT, struct input, title),
    API_INPUT("credits", API_NUMBER, struct input, credits),
    API_INPUT("event", API_ID, struct input, event),
    API_INPUT("activities", API_IDS, struct input, activities),
    API_INPUT("urls", API_LINES, struct input, urls),
    API_INPUT("lms_verifies", API_BOOL, struct input, lms_verifies),
};

#define FIELD_COUNT (sizeof fields / sizeof fields[0])

struct reading {
    struct web_request request;
    struct web_response response;
    struct input input;
    bool ok;
};

/* Reads body (with the content type) against fields, parsed as the server parses an
 * /api/ body; the caller ends it. */
static void read_body(struct reading *reading, const char *type, const char *body)
{
    memset(reading, 0, sizeof *reading);
    reading->request.path = "/api/v1/test";
    reading->request.content_type = type;
    reading->request.body = body;
    reading->request.body_length = body != NULL ? strlen(body) : 0;
    arena_init(&reading->request.arena);
    api_json_parse_body(&reading->request);
    reading->response.status = 200;
    buf_init(&reading->response.body, 1 << 20);
    assert_int_equal(api_json_read_input(&reading->request, &reading->response, fields, FIELD_COUNT,
                                         &reading->input, &reading->ok),
                     CT_OK);
}

static void end_reading(struct reading *reading)
{
    json_decref(reading->request.json);
    arena_release(&reading->request.arena);
    buf_release(&reading->response.body);
}

/* The refusal's status, code and field ("-" for none) as "400 invalid title". */
static void assert_refused(struct reading *reading, const char *expected)
{
    assert_false(reading->ok);
    json_t *answer = json_loads(buf_str(&reading->response.body), 0, NULL);
    assert_non_null(answer);
    const char *field =
        json_string_value(json_object_get(json_object_get(answer, "error"), "field"));
    char got[200];
    snprintf(got, sizeof got, "%u %s %s", reading->response.status,
             json_string_value(json_object_get(json_object_get(answer, "error"), "code")),
             field != NULL ? field : "-");
    assert_string_equal(got, expected);
    assert_string_equal(reading->response.content_type, "application/json");
    json_decref(answer);
}

static void test_a_json_body_becomes_the_actions_input(void **state)
{
    (void)state;
    struct reading reading;
    read_body(&reading, "application/json; charset=utf-8",
              "{\"title\": \"Grant <writing>\", \"credits\": 2.5, \"event\": 7,"
              " \"activities\": [3, 4], \"urls\": [\"https://a.example/1\", \"\"],"
              " \"lms_verifies\": true}");
    assert_true(reading.ok);
    struct input *input = &reading.input;
    assert_string_equal(input->title, "Grant <writing>");
    assert_string_equal(input->credits, "2.5");
    assert_int_equal(input->event, 7);
    assert_string_equal(input->urls, "https://a.example/1\n");
    assert_true(input->lms_verifies);
    assert_int_equal(input->activities.count, 2);
    assert_int_equal(input->activities.ids[0], 3);
    assert_int_equal(input->activities.ids[1], 4);
    end_reading(&reading);
}

static void test_null_false_and_an_empty_body_leave_fields_out(void **state)
{
    (void)state;
    struct reading reading;
    read_body(&reading, "application/json",
              "{\"title\": null, \"lms_verifies\": false, \"credits\": \"1.5\"}");
    assert_true(reading.ok);
    assert_null(reading.input.title);
    assert_false(reading.input.lms_verifies);
    assert_string_equal(reading.input.credits, "1.5");
    end_reading(&reading);
    /* No body at all is {}: whatever the content type. */
    read_body(&reading, NULL, NULL);
    assert_true(reading.ok);
    assert_null(reading.input.title);
    assert_null(reading.input.credits);
    assert_int_equal(reading.input.event, 0);
    assert_int_equal(reading.input.activities.count, 0);
    end_reading(&reading);
}

static void test_an_unknown_field_is_refused_by_name(void **state)
{
    (void)state;
    struct reading reading;
    read_body(&reading, "application/json", "{\"title\": \"x\", \"colour\": \"red\"}");
    assert_refused(&reading, "400 unknown-field colour");
    end_reading(&reading);
}

static void test_a_value_of_the_wrong_type_is_refused_at_its_field(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"{\"title\": 5}", "400 invalid title"},
        {"{\"credits\": true}", "400 invalid credits"},
        {"{\"event\": \"7\"}", "400 invalid event"},
        {"{\"event\": 0}", "400 invalid event"},
        {"{\"activities\": [1, -2]}", "400 invalid activities"},
        {"{\"activities\": 1}", "400 invalid activities"},
        {"{\"urls\": [\"https://a.example/1\\nhttps://b.example/2\"]}", "400 invalid urls"},
        {"{\"urls\": \"https://a.example/1\"}", "400 invalid urls"},
        {"{\"lms_verifies\": \"yes\"}", "400 invalid lms_verifies"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct reading reading;
        read_body(&reading, "application/json", cases[i][0]);
        assert_refused(&reading, cases[i][1]);
        end_reading(&reading);
    }
}

static void test_too_many_ids_are_refused(void **state)
{
    (void)state;
    struct buf body;
    buf_init(&body, 4096);
    assert_int_equal(buf_append_str(&body, "{\"activities\": [1"), CT_OK);
    for (int i = 2; i <= API_IDS_MAX + 1; i++) {
        assert_int_equal(buf_printf(&body, ", %d", i), CT_OK);
    }
    assert_int_equal(buf_append_str(&body, "]}"), CT_OK);
    struct reading reading;
    read_body(&reading, "application/json", buf_str(&body));
    assert_refused(&reading, "400 invalid activities");
    assert_int_equal(reading.input.activities.count, 0);
    end_reading(&reading);
    buf_release(&body);
}

static void test_a_body_that_is_not_a_json_object_is_refused(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"application/json", "{\"title\": ", "400 bad-json -"},
        {"application/json", "[\"title\"]", "400 bad-json -"},
        {"application/json", "{\"title\": \"a\", \"title\": \"b\"}", "400 bad-json -"},
        {"text/plain", "{\"title\": \"a\"}", "415 unsupported-media-type -"},
        {"application/x-www-form-urlencoded", "title=a", "415 unsupported-media-type -"},
        {NULL, "{\"title\": \"a\"}", "415 unsupported-media-type -"},
        {"application/jsonp", "{\"title\": \"a\"}", "415 unsupported-media-type -"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct reading reading;
        read_body(&reading, cases[i][0], cases[i][1]);
        assert_refused(&reading, cases[i][2]);
        end_reading(&reading);
    }
}

static void test_refusals_name_the_json_field_or_are_conflicts(void **state)
{
    (void)state;
    struct web_response response = {.status = 200};
    buf_init(&response.body, 4096);
    struct action_outcome outcome = {0};
    action_fault(&outcome, "activities", "select at least one claim first.");
    assert_int_equal(api_json_outcome(&response, &outcome), CT_OK);
    assert_int_equal(response.status, 400);
    assert_string_equal(buf_str(&response.body),
                        "{\"error\":{\"code\":\"invalid\",\"message\":\"Select at least one"
                        " claim first.\",\"field\":\"activities\",\"fields\":[{\"field\":"
                        "\"activities\",\"message\":\"select at least one claim first.\"}]}}");
    /* A refusal that names no field of the body: the record's state forbids it. */
    struct action_outcome state_outcome = {0};
    (void)action_refuse(&state_outcome, ACTION_WRONG_STATE, "plan version",
                        "a plan version that is approved cannot be signed");
    assert_int_equal(api_json_outcome(&response, &state_outcome), CT_OK);
    assert_int_equal(response.status, 409);
    assert_string_equal(buf_str(&response.body),
                        "{\"error\":{\"code\":\"conflict\",\"message\":\"A plan version that is"
                        " approved cannot be signed\"}}");
    buf_release(&response.body);
}

static void test_credits_print_as_numbers_and_text_stays_json(void **state)
{
    (void)state;
    json_t *half = api_json_credits(5);
    json_t *whole = api_json_credits(4);
    assert_true(json_is_real(half));
    assert_true(json_real_value(half) == 2.5);
    assert_true(json_is_integer(whole));
    assert_int_equal(json_integer_value(whole), 2);
    json_decref(half);
    json_decref(whole);
    /* Text that is not UTF-8 (a message cut inside a character) still makes JSON. */
    json_t *cut = api_json_text("Caf\xc3");
    assert_string_equal(json_string_value(cut), "Caf?");
    json_decref(cut);
    json_t *none = api_json_text(NULL);
    assert_true(json_is_null(none));
    json_decref(none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_json_body_becomes_the_actions_input),
        cmocka_unit_test(test_null_false_and_an_empty_body_leave_fields_out),
        cmocka_unit_test(test_an_unknown_field_is_refused_by_name),
        cmocka_unit_test(test_a_value_of_the_wrong_type_is_refused_at_its_field),
        cmocka_unit_test(test_too_many_ids_are_refused),
        cmocka_unit_test(test_a_body_that_is_not_a_json_object_is_refused),
        cmocka_unit_test(test_refusals_name_the_json_field_or_are_conflicts),
        cmocka_unit_test(test_credits_print_as_numbers_and_text_stays_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
