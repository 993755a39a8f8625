#include "helpers.h"

#include <string.h>

#include "web/html/confirm_page.h"
#include "web/html/html.h"
#include "core/banned.h"

/* Text and markup through an HTML writer on out, giving its status. */
static enum ct_status text_of(struct buf *out, const char *text)
{
    struct html h;
    html_start(&h, out);
    html_text(&h, text);
    return html_status(&h);
}

static enum ct_status markup_of(struct buf *out, const char *markup)
{
    struct html h;
    html_start(&h, out);
    html_markup_literal(&h, markup);
    return html_status(&h);
}

static void test_text_is_escaped_so_it_never_becomes_markup(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 1024);
    assert_int_equal(text_of(&out, "<script>alert(\"x\")</script> & O'Brien"), CT_OK);
    assert_string_equal(buf_str(&out),
                        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien");
    buf_release(&out);
}

static void test_plain_and_unicode_text_pass_unchanged(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 1024);
    assert_int_equal(text_of(&out, "Siobhán Østergaard, Ryegate"), CT_OK);
    assert_int_equal(text_of(&out, ""), CT_OK);
    assert_string_equal(buf_str(&out), "Siobhán Østergaard, Ryegate");
    buf_release(&out);
}

static void test_markup_takes_literals(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 1024);
    assert_int_equal(markup_of(&out, "<p>"), CT_OK);
    assert_int_equal(text_of(&out, "a<b"), CT_OK);
    assert_int_equal(markup_of(&out, "</p>"), CT_OK);
    assert_string_equal(buf_str(&out), "<p>a&lt;b</p>");
    buf_release(&out);
}

static void test_escaping_respects_the_buffer_limit(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 8);
    assert_int_equal(text_of(&out, "<<<<"), CT_ERR_TOO_LARGE);
    buf_release(&out);
}

/* A table scrolls sideways on a phone: it must take the focus, or a keyboard cannot
 * scroll it (WCAG 2.1.1; axe's scrollable-region-focusable). */
static void test_a_table_takes_the_focus_to_scroll(void **state)
{
    (void)state;
    static const char *const columns[] = {"Name", "E-mail"};
    struct buf out;
    buf_init(&out, 1024);
    struct html h;
    html_start(&h, &out);
    html_table_begin(&h, "Staff", columns, 2);
    html_table_end(&h);
    assert_int_equal(html_status(&h), CT_OK);
    assert_non_null(strstr(buf_str(&out), "<table class=\"usa-table usa-table--borderless\""
                                          " tabindex=\"0\">"));
    assert_non_null(strstr(buf_str(&out), "<th scope=\"col\">E-mail</th>"));
    buf_release(&out);
}

static void test_a_confirmation_posts_either_step_and_keeps_a_way_back(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 4096);
    struct html h;
    html_start(&h, &out);
    const struct confirm_page page = {.record = "/activities",
                                      .id = 42,
                                      .verb = "correct",
                                      .confirm = "Correct the activity",
                                      .change = "Change the correction",
                                      .keep = "Keep the activity as it is"};
    confirm_page_begin(&h, &page, "0123abcd");
    html_markup(&h, "<!-- the hidden fields -->\n");
    confirm_page_end(&h, &page);
    assert_int_equal(html_status(&h), CT_OK);
    assert_string_equal(
        buf_str(&out),
        "<form method=\"post\" action=\"/activities/42/correct\">\n"
        "<input type=\"hidden\" name=\"csrf_token\" value=\"0123abcd\">\n"
        "<!-- the hidden fields -->\n"
        "<ul class=\"usa-button-group\">\n<li class=\"usa-button-group__item\"><button"
        " type=\"submit\" class=\"usa-button\" name=\"step\" value=\"confirm\">Correct the"
        " activity</button></li>\n<li class=\"usa-button-group__item\"><button type=\"submit\""
        " class=\"usa-button usa-button--outline\" name=\"step\" value=\"change\">Change the"
        " correction</button></li>\n</ul>\n</form>\n"
        "<p><a href=\"/activities/42\">Keep the activity as it is</a></p>\n");
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_is_escaped_so_it_never_becomes_markup),
        cmocka_unit_test(test_plain_and_unicode_text_pass_unchanged),
        cmocka_unit_test(test_markup_takes_literals),
        cmocka_unit_test(test_escaping_respects_the_buffer_limit),
        cmocka_unit_test(test_a_table_takes_the_focus_to_scroll),
        cmocka_unit_test(test_a_confirmation_posts_either_step_and_keeps_a_way_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
