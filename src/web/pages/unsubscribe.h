/*
 * unsubscribe: the one-click unsubscribe of RFC 8058 (mail/mail_unsubscribe.h), the
 * address a message's List-Unsubscribe header and footer name:
 * /unsubscribe?person=ID&kind=KIND&mac=HEX. Public: it needs no session, and its POST
 * no form token, as the RFC asks (a mail program posts it without either); the mac,
 * which only certtrack can make, is what allows it, and it changes only that person's
 * choice for that kind (actions/notice_settings.h).
 */
#ifndef CERTTRACK_UNSUBSCRIBE_H
#define CERTTRACK_UNSUBSCRIBE_H

#include "../http/request.h"

/* GET /unsubscribe: names the kind of mail and offers one button that stops it (a POST
 * to the same address). 400 when the address lacks a part, 403 when its mac is wrong;
 * nothing changes. */
enum ct_status page_unsubscribe(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /unsubscribe with the address's query and the body List-Unsubscribe=One-Click
 * (application/x-www-form-urlencoded, or multipart/form-data): turns the kind off for
 * the person, audited as them, and says so (200). 400 when the body or a part of the
 * address is missing, 403 when the mac is wrong, 404 when the person is gone; then
 * nothing changes. */
enum ct_status page_unsubscribe_submit(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

#endif
