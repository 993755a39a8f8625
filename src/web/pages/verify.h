/*
 * verify: the supervisor's queue of claimed credits waiting for verification.
 */
#ifndef CERTTRACK_VERIFY_H
#define CERTTRACK_VERIFY_H

#include "../http/request.h"

/* GET /verify: the activities that the signed-in supervisor verifies, still pending. */
enum ct_status page_verify(struct web_request *request, struct web_response *response,
                           const char *message) CT_MUST_CHECK;

/* The claims waiting for a supervisor's verification: the pending activities (a) of
 * the people (p) whose verifier is the one parameter. */
#define VERIFY_QUEUE_FROM                                                                          \
    " FROM activities a JOIN people p ON p.id = a.person_id"                                       \
    " WHERE p.verifier_id = ? AND a.status = 'pending'"

/* Verifies or rejects (action "verify" or "reject"; a reason is needed to reject) every
 * activity the request's fields "activity" name, as the signed-in supervisor, all or
 * none. *allowed is false, and nothing changes, when one of them is not a claim of a
 * person they verify (the same whether it exists or not). *decided receives how many
 * changed. A refusal is CT_ERR_INPUT with err->where "action", "activity" (none
 * named), "reason", or "" when a claim's state forbids the action. */
enum ct_status verify_decide(struct web_request *request, const char *action, const char *reason,
                             bool *allowed, int *decided, struct ct_err *err) CT_MUST_CHECK;

/* POST /verify: verify or reject (with a reason) the selected activities, all or none. */
enum ct_status page_verify_submit(struct web_request *request,
                                  struct web_response *response) CT_MUST_CHECK;

#endif
