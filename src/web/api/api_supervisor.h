/*
 * api_supervisor: a supervisor's claims to verify through the JSON API. The decision is
 * the action the page calls too (src/actions/claims.h): all or none, only claims of the
 * people they verify.
 *
 * Every handler has the route table's shape: the request, the response to fill, and
 * the {id} of the path (unused here).
 */
#ifndef CERTTRACK_API_SUPERVISOR_H
#define CERTTRACK_API_SUPERVISOR_H

#include "../http/request.h"

/* GET /api/v1/verifications[?page=&per_page=]: the claims waiting for the signed-in
 * supervisor's verification, oldest first. */
enum ct_status api_verifications(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /api/v1/verifications: {"action": "verify" | "reject", "activities": [ids],
 * "reason": ...}; all of them change, or none. */
enum ct_status api_verifications_decide(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

#endif
