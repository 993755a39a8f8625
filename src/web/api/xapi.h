/*
 * xapi: the xAPI Learning Record Store resource that LMS sites (Moodle's logstore_xapi
 * plugin) send statements to, versions 1.0.3 and 2.0.0.
 *
 *   GET  /xapi/about                          the versions spoken (no credentials needed)
 *   POST /xapi/statements                     one statement or an array: 200, their ids
 *   PUT  /xapi/statements?statementId=UUID    one statement with that id: 204
 *
 * A site authenticates with HTTP Basic, its key and secret (store_harvest_sites.h); no
 * session, no CSRF token. Every request but /about names its version in
 * X-Experience-API-Version ("1.0.x" or "2.0.0"), and every answer names the version
 * spoken. Errors are JSON ({"error": {"code", "message"}}): 400 malformed (nothing of
 * the request stored), 401 credentials, 409 an id stored before with other content,
 * 413 too large.
 */
#ifndef CERTTRACK_XAPI_H
#define CERTTRACK_XAPI_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/request.h"

/* True for the resource's paths (/xapi/...). */
bool xapi_is_path(const char *path);

/* Checks the site's Basic credentials and the version header: *allowed when both are
 * right (request->lms_site_id is then the site), else the response is the refusal. */
enum ct_status xapi_authenticate(struct web_request *request, struct web_response *response,
                                 bool *allowed) CT_MUST_CHECK;

enum ct_status xapi_about(struct web_request *request, struct web_response *response,
                          int64_t id) CT_MUST_CHECK;

enum ct_status xapi_statements_post(struct web_request *request, struct web_response *response,
                                    int64_t id) CT_MUST_CHECK;

enum ct_status xapi_statements_put(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* The most query-string arguments a statements request may carry and be told which
 * is wrong (it takes one at most). */
#define XAPI_QUERY_ARGUMENTS_MAX 8

/* Reads the query-string arguments of POST (put false) or PUT (put true) /xapi/statements,
 * count of them (arguments borrowed): PUT takes statementId alone, POST nothing. Names
 * are case-sensitive ("StatementId" is no statementId) and an unknown one is refused
 * (xAPI-Communication 3.2; XAPI-00324, XAPI-00325), as is statementId twice. *statement_id
 * is then PUT's statementId (borrowed from arguments), NULL for POST. A refusal is
 * CT_ERR_INPUT naming the argument in err->where. count may exceed
 * XAPI_QUERY_ARGUMENTS_MAX (web_query_arguments' count): that is refused too. */
enum ct_status xapi_statements_query_read(const struct web_query_argument *arguments, size_t count,
                                          bool put, const char **statement_id,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Fills response with a JSON error and the version header (for the request's version
 * when it names one this LRS speaks, else 2.0.0). request may be NULL. */
enum ct_status xapi_error(const struct web_request *request, struct web_response *response,
                          unsigned status, const char *code, const char *message) CT_MUST_CHECK;

#endif
