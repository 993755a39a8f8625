/*
 * check: the public check of a certificate by its verification code, for anyone (an
 * employer, a library board) to see whether a certificate is valid or was revoked.
 */
#ifndef CERTTRACK_CHECK_H
#define CERTTRACK_CHECK_H

#include "web.h"

/* GET /check-certificate[?code=]: the form; with a code, the certificate it belongs to
 * (number, holder, program, dates, and whether and when it was revoked). A malformed
 * code is refused next to the field (400); an unknown one says so (404). */
enum ct_status page_certificate_check(struct web_request *request,
                                      struct web_response *response) CT_MUST_CHECK;

#endif
