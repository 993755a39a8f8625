/*
 * claim: a learner claims an activity (pending until their verifier decides).
 */
#ifndef CERTTRACK_CLAIM_H
#define CERTTRACK_CLAIM_H

#include "web.h"

/* GET /activities/new: the claim form. */
enum ct_status page_claim(struct web_request *request, struct web_response *response,
                          const char *error_field, const char *error) CT_MUST_CHECK;

/* POST /activities/new: records the claim, or shows the form again with what was typed
 * and what to fix next to the field. */
enum ct_status page_claim_submit(struct web_request *request,
                                 struct web_response *response) CT_MUST_CHECK;

#endif
