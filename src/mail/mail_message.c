#include "mail_message.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../core/banned.h"

void mail_message_date(int64_t unix_seconds, char out[64])
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t seconds = (time_t)unix_seconds;
    struct tm utc;
    if (gmtime_r(&seconds, &utc) == NULL) {
        snprintf(out, 64, "Thu, 01 Jan 1970 00:00:00 +0000");
        return;
    }
    /* Names in English whatever the locale (RFC 5322 section 3.3). */
    snprintf(out, 64, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday % 7], utc.tm_mday,
             months[utc.tm_mon % 12], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

static bool plain_ascii(const char *text)
{
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        if (*c >= 0x80 || (*c < ' ' && *c != '\n' && *c != '\t')) {
            return false;
        }
    }
    return true;
}

/* True when every line of text is at most 998 bytes (RFC 5322 section 2.1.1: 7bit is
 * then safe; a link in the mail stays whole on its line). */
static bool short_lines(const char *text)
{
    size_t line = 0;
    for (const char *c = text; *c != '\0'; c++) {
        line = *c == '\n' ? 0 : line + 1;
        if (line > 998) {
            return false;
        }
    }
    return true;
}

/* subject as RFC 2047 encoded words of base64 UTF-8, each at most 75 characters, never
 * cutting a character in two. */
static enum ct_status encoded_subject(const char *subject, struct buf *out)
{
    enum ct_status status = CT_OK;
    size_t length = strlen(subject);
    for (size_t start = 0; start < length && status == CT_OK;) {
        size_t end = start + 39 < length ? start + 39 : length;
        while (end > start + 1 && end < length && ((unsigned char)subject[end] & 0xc0) == 0x80) {
            end--;
        }
        char encoded[64];
        sodium_bin2base64(encoded, sizeof encoded, (const unsigned char *)subject + start,
                          end - start, sodium_base64_VARIANT_ORIGINAL);
        status = buf_printf(out, "%s=?UTF-8?B?%s?=", start > 0 ? "\r\n " : "", encoded);
        start = end;
    }
    return status;
}

/* text as quoted-printable (RFC 2045 section 6.7), "\n" as CRLF. */
static enum ct_status quoted_printable(const char *text, struct buf *out)
{
    enum ct_status status = CT_OK;
    size_t line = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0' && status == CT_OK; c++) {
        if (*c == '\n') {
            status = buf_append_str(out, "\r\n");
            line = 0;
            continue;
        }
        bool literal = (*c >= 33 && *c <= 126 && *c != '=') ||
                       ((*c == ' ' || *c == '\t') && c[1] != '\n' && c[1] != '\0');
        size_t width = literal ? 1 : 3;
        if (line + width > 75) {
            status = buf_append_str(out, "=\r\n");
            line = 0;
        }
        if (status == CT_OK) {
            status = literal ? buf_append(out, (const char *)c, 1) : buf_printf(out, "=%02X", *c);
        }
        line += width;
    }
    return status;
}

/* text with each "\n" as CRLF. */
static enum ct_status crlf_lines(const char *text, struct buf *out)
{
    enum ct_status status = CT_OK;
    for (const char *c = text; *c != '\0' && status == CT_OK;) {
        size_t length = strcspn(c, "\n");
        status = buf_append(out, c, length);
        c += length;
        if (status == CT_OK && *c == '\n') {
            status = buf_append_str(out, "\r\n");
            c++;
        }
    }
    return status;
}

enum ct_status mail_message_format(const struct outbox_message *message, const char *from,
                                   struct buf *out)
{
    char date[64];
    mail_message_date(message->created_at, date);
    enum ct_status status = buf_printf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", date,
                                       from, message->recipient);
    if (status == CT_OK) {
        status = plain_ascii(message->subject) ? buf_append_str(out, message->subject)
                                               : encoded_subject(message->subject, out);
    }
    bool seven_bit = plain_ascii(message->body) && short_lines(message->body);
    if (status == CT_OK) {
        status = buf_printf(out,
                            "\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\n"
                            "Content-Type: text/plain; charset=UTF-8\r\n"
                            "Content-Transfer-Encoding: %s\r\n\r\n",
                            message->message_id, seven_bit ? "7bit" : "quoted-printable");
    }
    if (status == CT_OK) {
        status = seven_bit ? crlf_lines(message->body, out) : quoted_printable(message->body, out);
    }
    if (status == CT_OK && out->length >= 2 && strcmp(out->data + out->length - 2, "\r\n") != 0) {
        status = buf_append_str(out, "\r\n");
    }
    return status;
}
