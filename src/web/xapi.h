/*
 * xapi: the xAPI Learning Record Store resource that LMS sites (Moodle's logstore_xapi
 * plugin) send statements to, versions 1.0.3 and 2.0.0.
 *
 *   GET  /xapi/about                          the versions spoken (no credentials needed)
 *   POST /xapi/statements                     one statement or an array: 200, their ids
 *   PUT  /xapi/statements?statementId=UUID    one statement with that id: 204
 *
 * A site authenticates with HTTP Basic, its key and secret (store_harvest.h); no
 * session, no CSRF token. Every request but /about names its version in
 * X-Experience-API-Version ("1.0.x" or "2.0.0"), and every answer names the version
 * spoken. Errors are JSON ({"error": {"code", "message"}}): 400 malformed (nothing of
 * the request stored), 401 credentials, 409 an id stored before with other content,
 * 413 too large.
 */
#ifndef CERTTRACK_XAPI_H
#define CERTTRACK_XAPI_H

#include <stdbool.h>

#include "web.h"

/* True for the resource's paths (/xapi/...). */
bool xapi_is_path(const char *path);

/* Checks the site's Basic credentials and the version header: *allowed when both are
 * right (request->lms_site_id is then the site), else the response is the refusal. */
enum ct_status xapi_authenticate(struct web_request *request, struct web_response *response,
                                 bool *allowed) CT_MUST_CHECK;

enum ct_status xapi_about(struct web_request *request, struct web_response *response) CT_MUST_CHECK;

enum ct_status xapi_statements_post(struct web_request *request,
                                    struct web_response *response) CT_MUST_CHECK;

enum ct_status xapi_statements_put(struct web_request *request,
                                   struct web_response *response) CT_MUST_CHECK;

/* Fills response with a JSON error and the version header (for the request's version
 * when it names one this LRS speaks, else 2.0.0). request may be NULL. */
enum ct_status xapi_error(const struct web_request *request, struct web_response *response,
                          unsigned status, const char *code, const char *message) CT_MUST_CHECK;

#endif
