/*
 * mail_message: a queued message (store_outbox.h) as the RFC 5322 text sent to the relay:
 * Date (when it was queued), From, To, Subject (RFC 2047 encoded when it is not plain
 * ASCII), Message-ID (the one made at queueing, so a resend carries the same), and a
 * MIME text/plain UTF-8 body, 7bit when it is plain ASCII with lines of at most 998 bytes, else
 * quoted-printable. Lines end in CRLF. Dot-stuffing is the SMTP client's (libcurl's).
 * No I/O.
 */
#ifndef CERTTRACK_MAIL_MESSAGE_H
#define CERTTRACK_MAIL_MESSAGE_H

#include "../core/buf.h"
#include "../store/store_outbox.h"

/* The largest message text. */
#define MAIL_MESSAGE_LIMIT (64 * 1024)

/* Appends message (borrowed) from the address from (borrowed) to out. */
enum ct_status mail_message_format(const struct outbox_message *message, const char *from,
                                   struct buf *out) CT_MUST_CHECK;

/* The Date header's value for unix_seconds ("Wed, 02 Dec 2026 13:59:18 +0000"). */
void mail_message_date(int64_t unix_seconds, char out[64]);

#endif
