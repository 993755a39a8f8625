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

/* The From header's value: "Name" <address>, the name an encoded word when it is not
 * plain ASCII; only the address when name is empty. */
static enum ct_status from_header(const char *from, const char *from_name, struct buf *out)
{
    if (from_name == NULL || from_name[0] == '\0') {
        return buf_append_str(out, from);
    }
    enum ct_status status = CT_OK;
    if (plain_ascii(from_name) && strpbrk(from_name, "\n\t") == NULL) {
        status = buf_append_str(out, "\"");
        for (const char *c = from_name; *c != '\0' && status == CT_OK; c++) {
            status = *c == '"' || *c == '\\' ? buf_printf(out, "\\%c", *c) : buf_append(out, c, 1);
        }
        status = status == CT_OK ? buf_append_str(out, "\"") : status;
    } else {
        status = encoded_subject(from_name, out);
    }
    return status == CT_OK ? buf_printf(out, " <%s>", from) : status;
}

/* Appends text HTML-escaped. */
static enum ct_status html_escaped(const char *text, size_t length, struct buf *out)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < length && status == CT_OK; i++) {
        const char *entity = text[i] == '&'   ? "&amp;"
                             : text[i] == '<' ? "&lt;"
                             : text[i] == '>' ? "&gt;"
                             : text[i] == '"' ? "&quot;"
                                              : NULL;
        status = entity != NULL ? buf_append_str(out, entity) : buf_append(out, text + i, 1);
    }
    return status;
}

/* One line of text as HTML: each http:// or https:// address a link to itself. */
static enum ct_status html_line(const char *line, size_t length, struct buf *out)
{
    enum ct_status status = CT_OK;
    size_t i = 0;
    while (i < length && status == CT_OK) {
        const char *rest = line + i;
        const char *found = NULL;
        for (size_t j = i; j < length && found == NULL; j++) {
            if (strncmp(line + j, "https://", 8) == 0 || strncmp(line + j, "http://", 7) == 0) {
                found = line + j;
            }
        }
        if (found == NULL) {
            return html_escaped(rest, length - i, out);
        }
        size_t before = (size_t)(found - rest);
        size_t url = 0;
        while (i + before + url < length && found[url] != ' ' && found[url] != '\t' &&
               found[url] != '<' && found[url] != '>' && found[url] != '"') {
            url++;
        }
        while (url > 0 && strchr(".,;:)", found[url - 1]) != NULL) {
            url--; /* the sentence's punctuation, not the address's */
        }
        status = html_escaped(rest, before, out);
        status = status == CT_OK ? buf_append_str(out, "<a href=\"") : status;
        status = status == CT_OK ? html_escaped(found, url, out) : status;
        status = status == CT_OK ? buf_append_str(out, "\">") : status;
        status = status == CT_OK ? html_escaped(found, url, out) : status;
        status = status == CT_OK ? buf_append_str(out, "</a>") : status;
        i += before + url;
    }
    return status;
}

enum ct_status mail_message_html(const char *text, const char *title, struct buf *out)
{
    enum ct_status status = buf_append_str(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                                "<meta charset=\"utf-8\">\n<title>");
    status = status == CT_OK ? html_escaped(title, strlen(title), out) : status;
    status = status == CT_OK ? buf_append_str(out, "</title>\n</head>\n<body>\n") : status;
    bool open = false;
    for (const char *c = text; *c != '\0' && status == CT_OK;) {
        size_t length = strcspn(c, "\n");
        bool empty = strspn(c, " \t") >= length;
        if (empty && open) {
            status = buf_append_str(out, "</p>\n");
            open = false;
        } else if (!empty) {
            status = buf_append_str(out, open ? "<br>\n" : "<p>");
            open = true;
            status = status == CT_OK ? html_line(c, length, out) : status;
        }
        c += length;
        c += *c == '\n';
    }
    if (status == CT_OK && open) {
        status = buf_append_str(out, "</p>\n");
    }
    return status == CT_OK ? buf_append_str(out, "</body>\n</html>\n") : status;
}

/* One MIME part: its headers and text, encoded 7bit when it may be, else
 * quoted-printable. */
static enum ct_status mime_part(const char *boundary, const char *type, const char *text,
                                struct buf *out)
{
    bool seven_bit = plain_ascii(text) && short_lines(text) && strstr(text, "=_") == NULL;
    enum ct_status status = buf_printf(out,
                                       "--%s\r\nContent-Type: %s; charset=UTF-8\r\n"
                                       "Content-Transfer-Encoding: %s\r\n\r\n",
                                       boundary, type, seven_bit ? "7bit" : "quoted-printable");
    if (status == CT_OK) {
        status = seven_bit ? crlf_lines(text, out) : quoted_printable(text, out);
    }
    if (status == CT_OK && out->length >= 2 && strcmp(out->data + out->length - 2, "\r\n") != 0) {
        status = buf_append_str(out, "\r\n");
    }
    return status;
}

static enum ct_status headers(const struct outbox_message *message, const char *from,
                              const char *from_name, struct buf *out)
{
    char date[64];
    mail_message_date(message->created_at, date);
    enum ct_status status = buf_printf(out, "Date: %s\r\nFrom: ", date);
    status = status == CT_OK ? from_header(from, from_name, out) : status;
    status =
        status == CT_OK ? buf_printf(out, "\r\nTo: %s\r\nSubject: ", message->recipient) : status;
    if (status == CT_OK) {
        status = plain_ascii(message->subject) ? buf_append_str(out, message->subject)
                                               : encoded_subject(message->subject, out);
    }
    status =
        status == CT_OK ? buf_printf(out, "\r\nMessage-ID: %s\r\n", message->message_id) : status;
    if (status == CT_OK && message->unsubscribe_url[0] != '\0') {
        /* RFC 8058: a one-click unsubscribe, by a POST of this body to the address. */
        status = buf_printf(out,
                            "List-Unsubscribe: <%s>\r\n"
                            "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
                            message->unsubscribe_url);
    }
    if (status == CT_OK && strcmp(message->kind, "account") != 0 && message->kind[0] != '\0') {
        status = buf_append_str(out, "Auto-Submitted: auto-generated\r\n");
    }
    return status;
}

enum ct_status mail_message_format(const struct outbox_message *message, const char *from,
                                   const char *from_name, struct buf *out)
{
    /* The boundary starts "=_", which quoted-printable never writes and 7bit parts are
     * kept from holding (mime_part). */
    char boundary[80];
    size_t id_length = strcspn(message->message_id + 1, "@>");
    snprintf(boundary, sizeof boundary, "=_certtrack_%.*s", (int)(id_length > 40 ? 40 : id_length),
             message->message_id + 1);
    enum ct_status status = headers(message, from, from_name, out);
    status = status == CT_OK ? buf_printf(out,
                                          "MIME-Version: 1.0\r\n"
                                          "Content-Type: multipart/alternative; boundary=\"%s\"\r\n"
                                          "\r\n",
                                          boundary)
                             : status;
    status = status == CT_OK ? mime_part(boundary, "text/plain", message->body, out) : status;
    struct buf html;
    buf_init(&html, MAIL_MESSAGE_LIMIT);
    status = status == CT_OK ? mail_message_html(message->body, message->subject, &html) : status;
    status = status == CT_OK ? mime_part(boundary, "text/html", buf_str(&html), out) : status;
    buf_release(&html);
    return status == CT_OK ? buf_printf(out, "--%s--\r\n", boundary) : status;
}
