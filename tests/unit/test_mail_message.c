/* The mail as sent: RFC 5322 headers, MIME multipart/alternative of text/plain and
 * text/html in UTF-8, CRLF lines, RFC 8058 one-click unsubscribe on reminders. */
#include "helpers.h"

#include <string.h>

#include "mail/mail_message.h"
#include "core/banned.h"

static struct outbox_message message_of(const char *subject, const char *body)
{
    struct outbox_message message = {.id = 1, .created_at = 1796220000};
    snprintf(message.message_id, sizeof message.message_id, "%s", "<abc@certs.example.gov>");
    snprintf(message.recipient, sizeof message.recipient, "%s", "pat@example.gov");
    snprintf(message.subject, sizeof message.subject, "%s", subject);
    snprintf(message.body, sizeof message.body, "%s", body);
    return message;
}

static void test_a_plain_message_is_7bit_with_every_header(void **state)
{
    (void)state;
    struct outbox_message message = message_of("Your account", "Hello Pat,\n\n.one line\n");
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(mail_message_format(&message, "certtrack@example.gov", NULL, &out), CT_OK);
    assert_string_equal(buf_str(&out),
                        "Date: Wed, 02 Dec 2026 14:00:00 +0000\r\n"
                        "From: certtrack@example.gov\r\n"
                        "To: pat@example.gov\r\n"
                        "Subject: Your account\r\n"
                        "Message-ID: <abc@certs.example.gov>\r\n"
                        "MIME-Version: 1.0\r\n"
                        "Content-Type: multipart/alternative; boundary=\"=_certtrack_abc\"\r\n"
                        "\r\n"
                        "--=_certtrack_abc\r\n"
                        "Content-Type: text/plain; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: 7bit\r\n"
                        "\r\n"
                        "Hello Pat,\r\n\r\n.one line\r\n"
                        "--=_certtrack_abc\r\n"
                        "Content-Type: text/html; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: 7bit\r\n"
                        "\r\n"
                        "<!DOCTYPE html>\r\n<html lang=\"en\">\r\n<head>\r\n"
                        "<meta charset=\"utf-8\">\r\n<title>Your account</title>\r\n"
                        "</head>\r\n<body>\r\n<p>Hello Pat,</p>\r\n<p>.one line</p>\r\n"
                        "</body>\r\n</html>\r\n"
                        "--=_certtrack_abc--\r\n");
    buf_release(&out);
}

static void test_utf8_is_encoded_in_the_subject_and_the_body(void **state)
{
    (void)state;
    struct outbox_message message = message_of("Bienvenue à la bibliothèque", "Café = coffee\nend");
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(mail_message_format(&message, "certtrack@example.gov", NULL, &out), CT_OK);
    const char *text = buf_str(&out);
    assert_non_null(strstr(text, "Subject: =?UTF-8?B?QmllbnZlbnVlIMOgIGxhIGJpYmxpb3Ro"));
    assert_non_null(strstr(text, "Content-Transfer-Encoding: quoted-printable\r\n"));
    assert_non_null(strstr(text, "\r\n\r\nCaf=C3=A9 =3D coffee\r\nend\r\n"));
    buf_release(&out);
}

static void test_a_long_subject_is_split_into_short_encoded_words(void **state)
{
    (void)state;
    struct outbox_message message =
        message_of("ééééééééééééééééééééééééééééééééééééééééééééééééé", "x");
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(mail_message_format(&message, "c@example.gov", NULL, &out), CT_OK);
    const char *subject = strstr(buf_str(&out), "Subject: ");
    const char *end = strstr(subject, "\r\nMessage-ID");
    /* Every line of the header is at most 78 characters, and no character is cut. */
    for (const char *line = subject; line < end;) {
        const char *next = strstr(line, "\r\n");
        assert_true(next - line <= 78);
        line = next + 2;
    }
    assert_non_null(strstr(subject, "?=\r\n =?UTF-8?B?"));
    buf_release(&out);
}

static void test_a_long_line_is_wrapped_in_quoted_printable(void **state)
{
    (void)state;
    char body[1200];
    memset(body, 'a', 1100);
    body[1100] = '\0';
    struct outbox_message message = message_of("Long", body);
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(mail_message_format(&message, "c@example.gov", NULL, &out), CT_OK);
    assert_non_null(strstr(buf_str(&out), "quoted-printable"));
    assert_non_null(strstr(buf_str(&out), "=\r\naaaa"));
    buf_release(&out);
}

static void test_a_reminder_has_its_one_click_unsubscribe_and_the_senders_name(void **state)
{
    (void)state;
    struct outbox_message message = message_of("Credits expire", "x");
    snprintf(message.kind, sizeof message.kind, "%s", "reminder-expiry");
    snprintf(message.unsubscribe_url, sizeof message.unsubscribe_url, "%s",
             "https://certs.example.gov/unsubscribe?person=4&kind=reminder-expiry&mac=ab");
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(
        mail_message_format(&message, "c@example.gov", "Montana \"State\" Library", &out), CT_OK);
    const char *text = buf_str(&out);
    assert_non_null(strstr(text, "From: \"Montana \\\"State\\\" Library\" <c@example.gov>\r\n"));
    assert_non_null(strstr(text, "List-Unsubscribe: <https://certs.example.gov/unsubscribe?person=4"
                                 "&kind=reminder-expiry&mac=ab>\r\n"
                                 "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
    assert_non_null(strstr(text, "Auto-Submitted: auto-generated\r\n"));
    buf_release(&out);
    /* Mail a workflow needs has neither. */
    message = message_of("Your account", "x");
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(mail_message_format(&message, "c@example.gov", "", &out), CT_OK);
    assert_null(strstr(buf_str(&out), "List-Unsubscribe"));
    assert_null(strstr(buf_str(&out), "Auto-Submitted"));
    buf_release(&out);
}

static void test_the_html_alternative_escapes_and_links(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, MAIL_MESSAGE_LIMIT);
    assert_int_equal(
        mail_message_html("A <b> & \"c\"\nSee https://x.example/a?b=1&c=2.\n\n\nEnd", "T<>", &out),
        CT_OK);
    const char *html = buf_str(&out);
    assert_non_null(strstr(html, "<title>T&lt;&gt;</title>"));
    assert_non_null(strstr(html, "<p>A &lt;b&gt; &amp; &quot;c&quot;<br>\nSee <a href=\""
                                 "https://x.example/a?b=1&amp;c=2\">https://x.example/a?b=1&amp;c=2"
                                 "</a>.</p>\n<p>End</p>\n"));
    buf_release(&out);
}

static void test_the_date_is_in_english_and_utc(void **state)
{
    (void)state;
    char date[64];
    mail_message_date(0, date);
    assert_string_equal(date, "Thu, 01 Jan 1970 00:00:00 +0000");
}

static void test_retries_wait_twice_as_long_each_time_up_to_6_hours(void **state)
{
    (void)state;
    assert_int_equal(store_outbox_retry_delay(1), 60);
    assert_int_equal(store_outbox_retry_delay(2), 120);
    assert_int_equal(store_outbox_retry_delay(3), 240);
    assert_int_equal(store_outbox_retry_delay(9), 60 * 256);
    assert_int_equal(store_outbox_retry_delay(10), OUTBOX_RETRY_MAX_SECONDS);
    assert_int_equal(store_outbox_retry_delay(1000), OUTBOX_RETRY_MAX_SECONDS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_plain_message_is_7bit_with_every_header),
        cmocka_unit_test(test_utf8_is_encoded_in_the_subject_and_the_body),
        cmocka_unit_test(test_a_long_subject_is_split_into_short_encoded_words),
        cmocka_unit_test(test_a_long_line_is_wrapped_in_quoted_printable),
        cmocka_unit_test(test_a_reminder_has_its_one_click_unsubscribe_and_the_senders_name),
        cmocka_unit_test(test_the_html_alternative_escapes_and_links),
        cmocka_unit_test(test_the_date_is_in_english_and_utc),
        cmocka_unit_test(test_retries_wait_twice_as_long_each_time_up_to_6_hours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
