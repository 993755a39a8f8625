/*
 * certificates: the CE coordinator's list of certificates, one certificate's page, and
 * revoking one with a reason (action_certificate_revoke, audited); and the public check
 * of a certificate by its verification code, for anyone (an employer, a library board)
 * to see whether it is valid or was revoked. Every page here is laid out (routes.c).
 */
#ifndef CERTTRACK_CERTIFICATES_H
#define CERTTRACK_CERTIFICATES_H

#include <stdint.h>

#include "../http/request.h"

/* GET /certificates[?q=&page=&sort=&dir=]: every certificate, a page at a time,
 * sortable, filtered by q (part of the number or of the holder's name). */
enum ct_status page_certificates(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* GET /certificates/{id}: the certificate; a revoked one with its date and reason, a
 * valid one with the form to revoke it. */
enum ct_status page_certificate(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /certificates/{id}: with a reason but without confirm=yes, a page that says what a
 * revoke does and asks (the way back first, then the same request with confirm=yes); with
 * both, revokes it; without a reason, the page again with what to fix next to the field
 * (400). */
enum ct_status page_certificate_revoke(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* True only for "yes" (confirm may be NULL): what makes a revoke act. */
bool page_revoke_confirmed(const char *confirm);

/* GET /check-certificate[?code=]: the form to type a verification code; with a
 * well-formed code, a redirect to its public check, /verify/CODE (certificate_public.h).
 * A malformed code is refused next to the field (400). */
enum ct_status page_certificate_check(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

#endif
