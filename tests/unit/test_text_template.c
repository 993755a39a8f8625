/* The templates the State Library rewords: fields, sections over lists and values,
 * inverted sections, comments, lines taken by lone tags, and every refusal with its line. */
#include "helpers.h"

#include <string.h>

#include "core/text_template.h"
#include "core/banned.h"

static const char *const fields[] = {"name", "people", "program", "comment", NULL};

/* Renders text with data into out (size bytes); fails the test on a refusal. */
static void render(const char *text, const struct template_data *data, char *out, size_t size)
{
    struct text_template *template = NULL;
    struct ct_err err = {0};
    test_ok(text_template_parse("test.txt", text, 1, fields, &template, &err), &err);
    struct buf b;
    buf_init(&b, 4096);
    assert_int_equal(text_template_render(template, data, &b), CT_OK);
    snprintf(out, size, "%s", buf_str(&b));
    buf_release(&b);
    text_template_free(template);
}

/* The refusal of text: its where ("test.txt line N") into where. */
static void refusal(const char *text, char *where, size_t size, char *message, size_t message_size)
{
    struct text_template *template = NULL;
    struct ct_err err = {0};
    assert_int_equal(text_template_parse("test.txt", text, 1, fields, &template, &err),
                     CT_ERR_INPUT);
    assert_null(template);
    snprintf(where, size, "%s", err.where);
    snprintf(message, message_size, "%s", err.message);
}

static void test_fields_are_filled_and_missing_ones_are_empty(void **state)
{
    (void)state;
    struct template_data *data = template_data_new();
    assert_non_null(data);
    assert_int_equal(template_data_set(data, "name", "Ada"), CT_OK);
    assert_int_equal(template_data_setf(data, "program", "%s %d", "Track", 2), CT_OK);
    char out[256];
    render("Dear {{name}}, your {{ program }} {{comment}}ends.", data, out, sizeof out);
    assert_string_equal(out, "Dear Ada, your Track 2 ends.");
    template_data_free(data);
}

static void test_a_section_repeats_for_each_item_and_lone_tags_take_their_line(void **state)
{
    (void)state;
    struct template_data *data = template_data_new();
    assert_int_equal(template_data_set(data, "program", "Director"), CT_OK);
    const char *names[] = {"Ada", "Grace"};
    for (size_t i = 0; i < 2; i++) {
        struct template_data *item = template_data_add_item(data, "people");
        assert_non_null(item);
        assert_int_equal(template_data_set(item, "name", names[i]), CT_OK);
    }
    char out[256];
    render("Certified:\n  {{#people}}\n- {{name}} ({{program}})\n  {{/people}}\nEnd.\n", data, out,
           sizeof out);
    assert_string_equal(out, "Certified:\n- Ada (Director)\n- Grace (Director)\nEnd.\n");
    template_data_free(data);
}

static void test_a_value_section_shows_once_and_an_inverted_one_when_empty(void **state)
{
    (void)state;
    struct template_data *data = template_data_new();
    assert_int_equal(template_data_set(data, "comment", "Add a goal."), CT_OK);
    assert_int_equal(template_data_set(data, "name", ""), CT_OK);
    char out[256];
    render("{{#comment}}Comment: {{comment}}\n{{/comment}}{{^name}}No name.{{/name}}"
           "{{^people}} Nobody.{{/people}}{{! a note for the editor }}",
           data, out, sizeof out);
    assert_string_equal(out, "Comment: Add a goal.\nNo name. Nobody.");
    template_data_free(data);
}

static void test_an_unknown_field_is_refused_with_its_line(void **state)
{
    (void)state;
    char where[256], message[512];
    refusal("Dear {{name}},\n\nYour {{password}} is here.\n", where, sizeof where, message,
            sizeof message);
    assert_string_equal(where, "test.txt line 3");
    assert_non_null(strstr(message, "{{password}}"));
}

static void test_sections_left_open_or_closed_wrongly_are_refused(void **state)
{
    (void)state;
    char where[256], message[512];
    refusal("a\n{{#people}}\n{{name}}\n", where, sizeof where, message, sizeof message);
    assert_string_equal(where, "test.txt line 2");
    assert_non_null(strstr(message, "not closed"));
    refusal("{{#people}}{{/name}}", where, sizeof where, message, sizeof message);
    assert_non_null(strstr(message, "does not close"));
    refusal("x\n\n{{/people}}", where, sizeof where, message, sizeof message);
    assert_string_equal(where, "test.txt line 3");
    refusal("Dear {{name", where, sizeof where, message, sizeof message);
    assert_non_null(strstr(message, "not closed with }}"));
    refusal("{{na me}}", where, sizeof where, message, sizeof message);
    assert_non_null(strstr(message, "not a field name"));
    refusal("{{}}", where, sizeof where, message, sizeof message);
    assert_non_null(strstr(message, "names no field"));
}

static void test_rendering_stops_at_the_buffer_limit(void **state)
{
    (void)state;
    struct text_template *template = NULL;
    struct ct_err err = {0};
    test_ok(text_template_parse("test.txt", "{{name}}{{name}}", 1, fields, &template, &err), &err);
    struct template_data *data = template_data_new();
    assert_int_equal(template_data_set(data, "name", "0123456789"), CT_OK);
    struct buf b;
    buf_init(&b, 15);
    assert_int_equal(text_template_render(template, data, &b), CT_ERR_TOO_LARGE);
    buf_release(&b);
    template_data_free(data);
    text_template_free(template);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_are_filled_and_missing_ones_are_empty),
        cmocka_unit_test(test_a_section_repeats_for_each_item_and_lone_tags_take_their_line),
        cmocka_unit_test(test_a_value_section_shows_once_and_an_inverted_one_when_empty),
        cmocka_unit_test(test_an_unknown_field_is_refused_with_its_line),
        cmocka_unit_test(test_sections_left_open_or_closed_wrongly_are_refused),
        cmocka_unit_test(test_rendering_stops_at_the_buffer_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
