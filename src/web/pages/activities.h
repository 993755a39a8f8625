/*
 * activities: a learner claims an activity (pending until their verifier decides), on
 * the claim form. The claim is the action's (src/actions/claims.h).
 */
#ifndef CERTTRACK_CLAIM_H
#define CERTTRACK_CLAIM_H

#include "../http/request.h"

/* GET /activities/new: the claim form. */
enum ct_status page_claim(struct web_request *request, struct web_response *response,
                          int64_t id) CT_MUST_CHECK;

/* POST /activities/new: records the claim, or shows the form again with what was typed
 * and what to fix next to each field at fault (400). */
enum ct_status page_claim_submit(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

#endif
