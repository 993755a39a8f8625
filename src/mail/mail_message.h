/*
 * mail_message: a queued message (store_outbox.h) as the RFC 5322 text sent to the relay:
 * Date (when it was queued), From (the sender's name and address), To, Subject (RFC 2047
 * encoded when it is not plain ASCII), Message-ID (the one made at queueing, so a resend
 * carries the same), List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) when the
 * message has a one-click unsubscribe, Auto-Submitted (RFC 3834) on notices and
 * reminders, and a MIME multipart/alternative body: the text as text/plain and the same
 * text as text/html (paragraphs, line breaks and links), each UTF-8, 7bit when it is
 * plain ASCII with lines of at most 998 bytes, else quoted-printable. Lines end in CRLF.
 * Dot-stuffing is the SMTP client's (libcurl's). No I/O.
 */
#ifndef CERTTRACK_MAIL_MESSAGE_H
#define CERTTRACK_MAIL_MESSAGE_H

#include "../core/buf.h"
#include "../store/store_outbox.h"

/* The largest message text. */
#define MAIL_MESSAGE_LIMIT (64 * 1024)

/* Appends message (borrowed) from the address from and the name from_name (borrowed;
 * NULL or empty: the address alone) to out. */
enum ct_status mail_message_format(const struct outbox_message *message, const char *from,
                                   const char *from_name, struct buf *out) CT_MUST_CHECK;

/* Appends text (borrowed) as an HTML document titled title (borrowed): each run of lines
 * between blank lines a paragraph, each line break kept, every character escaped, every
 * http:// or https:// address a link. */
enum ct_status mail_message_html(const char *text, const char *title,
                                 struct buf *out) CT_MUST_CHECK;

/* The Date header's value for unix_seconds ("Wed, 02 Dec 2026 13:59:18 +0000"). */
void mail_message_date(int64_t unix_seconds, char out[64]);

#endif
