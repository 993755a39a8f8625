/*
 * notice: the confirmation a page shows after a change.
 *
 * A form's handler changes the record, then redirects (Post/Redirect/Get) to a page with
 * ?done=CODE; that page shows the fixed sentence the table here holds for CODE, as a
 * status message. Only the table's sentences are shown, so a link cannot put words on
 * a page; the few facts a sentence names (how many claims, which certificate) are
 * whole numbers, or are looked up in the database.
 */
#ifndef CERTTRACK_NOTICE_H
#define CERTTRACK_NOTICE_H

#include "../http/request.h"
#include "html.h"

/* Makes the response a 303 redirect to path?done=code (path and code borrowed; code one
 * of the table's). count, when positive, is added as &count=N. */
void notice_redirect(struct web_response *response, const char *path, const char *code,
                     int64_t count);

/* Makes the response a 303 redirect to path?done=code&person=ID, code "invited" (an
 * invitation was sent to the person) or "person-added-invited" (added, and invited):
 * the notice names the person's address. */
void notice_redirect_invited(struct web_response *response, const char *path, const char *code,
                             int64_t person_id);

/* Makes the response a 303 redirect to path?done=awarded&certificate=number. */
void notice_redirect_award(struct web_response *response, const char *path, const char *number);

/* Makes the response a 303 redirect to path?done=code&applied=A&credited=C: what
 * linking an LMS account ("account-linked") or mapping an LMS address ("course-mapped")
 * released from the harvest inbox. */
void notice_redirect_released(struct web_response *response, const char *path, const char *code,
                              int64_t applied, int64_t credited);

/* Appends the notice that the request's ?done= asks for, or nothing when it names no
 * code of the table (or, for an award, no certificate). */
void notice_show(struct web_request *request, struct html *h);

#endif
