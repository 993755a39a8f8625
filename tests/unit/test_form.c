/* Form fields keep what was typed and say what to fix next to the field. */
#include "helpers.h"

#include <string.h>

#include "web/html/form.h"
#include "core/banned.h"

/* The writers through an HTML writer on out, giving its status. */
static enum ct_status field_of(struct buf *out, const struct form_field *field)
{
    struct html h;
    html_start(&h, out);
    html_field(&h, field);
    return html_status(&h);
}

static enum ct_status alert_of(struct buf *out, enum form_alert_kind kind, const char *text)
{
    struct html h;
    html_start(&h, out);
    html_alert(&h, kind, text);
    return html_status(&h);
}

static void test_a_refused_field_says_why_and_keeps_the_value(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    struct form_field field = {.id = "credits",
                               .label = "Credits",
                               .hint = "0.5, 1, 1.5 ...",
                               .error = "Enter a multiple of 0.5.",
                               .value = "1.25 <b>"};
    assert_int_equal(field_of(&out, &field), CT_OK);
    assert_string_equal(
        buf_str(&out),
        "<div class=\"usa-form-group usa-form-group--error\">\n"
        "<label class=\"usa-label usa-label--error\" for=\"credits\">Credits</label>\n"
        "<div class=\"usa-hint\" id=\"credits-hint\">0.5, 1, 1.5 ...</div>\n"
        "<span class=\"usa-error-message\" id=\"credits-error\" role=\"alert\">Enter a multiple"
        " of 0.5.</span>\n"
        "<input class=\"usa-input usa-input--error\" id=\"credits\" name=\"credits\""
        " aria-describedby=\"credits-hint credits-error\" aria-invalid=\"true\" type=\"text\""
        " value=\"1.25 &lt;b&gt;\">\n</div>\n");
    buf_release(&out);
}

static void test_a_fine_field_has_no_error_markup(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    struct form_field field = {
        .id = "title", .label = "Title", .type = "text", .value = NULL, .required = true};
    assert_int_equal(field_of(&out, &field), CT_OK);
    const char *html = buf_str(&out);
    assert_null(strstr(html, "error"));
    assert_null(strstr(html, "aria-invalid"));
    assert_null(strstr(html, "aria-describedby"));
    assert_non_null(strstr(html, " required type=\"text\" value=\"\">"));
    assert_non_null(strstr(html, "<abbr title=\"required\""));
    buf_release(&out);
}

static void test_select_keeps_the_choice_and_textarea_the_text(void **state)
{
    (void)state;
    static const struct form_option kinds[] = {{"course", "Course"}, {"webinar", "Webinar"}};
    struct buf out;
    buf_init(&out, 8192);
    struct form_field select = {.id = "kind",
                                .label = "Kind",
                                .control = FORM_SELECT,
                                .value = "webinar",
                                .options = kinds,
                                .option_count = 2};
    assert_int_equal(field_of(&out, &select), CT_OK);
    assert_non_null(strstr(buf_str(&out), "<select class=\"usa-select\" id=\"kind\" name=\"kind\">"
                                          "<option value=\"\">- Choose -</option><option value="
                                          "\"course\">Course</option><option value=\"webinar\""
                                          " selected=\"selected\">Webinar</option></select>"));
    buf_release(&out);
    struct form_field text = {.id = "urls",
                              .label = "Course URLs",
                              .control = FORM_TEXTAREA,
                              .error = "Not a web address.",
                              .value = "https://a.example/?x=1&y=2\nftp://b"};
    assert_int_equal(field_of(&out, &text), CT_OK);
    assert_non_null(strstr(buf_str(&out),
                           "<textarea class=\"usa-textarea usa-input--error\""
                           " id=\"urls\" name=\"urls\" aria-describedby=\"urls-error\""
                           " aria-invalid=\"true\">\nhttps://a.example/?x=1&amp;y=2\n"
                           "ftp://b</textarea>"));
    buf_release(&out);
}

static void test_checkbox_is_checked_when_it_was(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    struct form_field box = {
        .id = "lms_verifies", .label = "Proof enough", .control = FORM_CHECKBOX, .value = "yes"};
    assert_int_equal(field_of(&out, &box), CT_OK);
    assert_non_null(strstr(buf_str(&out), "<input class=\"usa-checkbox__input\" id=\"lms_verifies\""
                                          " name=\"lms_verifies\" type=\"checkbox\" value=\"yes\""
                                          " checked><label class=\"usa-checkbox__label\""
                                          " for=\"lms_verifies\">Proof enough</label>"));
    buf_release(&out);
    box.value = NULL;
    assert_int_equal(field_of(&out, &box), CT_OK);
    assert_null(strstr(buf_str(&out), "checked"));
    buf_release(&out);
}

static void test_file_field_offers_its_kinds_and_says_what_is_wrong(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    struct form_field field = {.id = "file",
                               .label = "Report file",
                               .error = "Choose the report file.",
                               .control = FORM_FILE,
                               .value = "ignored.csv",
                               .accept = ".csv,text/csv",
                               .required = true};
    assert_int_equal(field_of(&out, &field), CT_OK);
    assert_string_equal(
        buf_str(&out),
        "<div class=\"usa-form-group usa-form-group--error\">\n"
        "<label class=\"usa-label usa-label--error\" for=\"file\">Report file <abbr"
        " title=\"required\" class=\"usa-hint usa-hint--required\">*</abbr></label>\n"
        "<span class=\"usa-error-message\" id=\"file-error\" role=\"alert\">Choose the report"
        " file.</span>\n"
        "<input class=\"usa-file-input\" id=\"file\" name=\"file\" required"
        " aria-describedby=\"file-error\" aria-invalid=\"true\" type=\"file\""
        " accept=\".csv,text/csv\">\n</div>\n");
    buf_release(&out);
}

static void test_alerts_are_escaped_and_have_their_roles(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    assert_int_equal(alert_of(&out, FORM_ALERT_ERROR, "<x>"), CT_OK);
    assert_string_equal(buf_str(&out),
                        "<div class=\"usa-alert usa-alert--error\" role=\"alert\"><div"
                        " class=\"usa-alert__body\"><p class=\"usa-alert__text\">&lt;x&gt;</p>"
                        "</div></div>\n");
    buf_release(&out);
    assert_int_equal(alert_of(&out, FORM_ALERT_SUCCESS, "Saved."), CT_OK);
    assert_non_null(strstr(buf_str(&out), "usa-alert--success\" role=\"status\""));
    buf_release(&out);
}

static void test_a_day_is_typed_as_yyyy_mm_dd_and_its_hint_says_so(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8192);
    struct form_field day = {
        .id = "ends", .label = "Last day", .type = "date", .value = "2026-03-01"};
    assert_int_equal(field_of(&out, &day), CT_OK);
    assert_non_null(strstr(buf_str(&out), "<div class=\"usa-hint\" id=\"ends-hint\">As YYYY-MM-DD."
                                          "</div>\n<input class=\"usa-input\" id=\"ends\""
                                          " name=\"ends\" aria-describedby=\"ends-hint\""
                                          " type=\"text\" value=\"2026-03-01\">"));
    buf_release(&out);
    buf_init(&out, 8192);
    day.hint = "Empty for one day.";
    assert_int_equal(field_of(&out, &day), CT_OK);
    assert_non_null(
        strstr(buf_str(&out), "id=\"ends-hint\">Empty for one day. As YYYY-MM-DD.</div>"));
    buf_release(&out);
    buf_init(&out, 8192);
    day.hint = "The first day, as YYYY-MM-DD.";
    assert_int_equal(field_of(&out, &day), CT_OK);
    assert_non_null(strstr(buf_str(&out), "id=\"ends-hint\">The first day, as YYYY-MM-DD.</div>"));
    assert_null(strstr(buf_str(&out), "type=\"date\""));
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_refused_field_says_why_and_keeps_the_value),
        cmocka_unit_test(test_a_fine_field_has_no_error_markup),
        cmocka_unit_test(test_select_keeps_the_choice_and_textarea_the_text),
        cmocka_unit_test(test_checkbox_is_checked_when_it_was),
        cmocka_unit_test(test_file_field_offers_its_kinds_and_says_what_is_wrong),
        cmocka_unit_test(test_alerts_are_escaped_and_have_their_roles),
        cmocka_unit_test(test_a_day_is_typed_as_yyyy_mm_dd_and_its_hint_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
