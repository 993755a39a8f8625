/*
 * claim: a learner claims an activity (pending until their verifier decides).
 */
#ifndef CERTTRACK_CLAIM_H
#define CERTTRACK_CLAIM_H

#include "../http/request.h"

/* GET /activities/new: the claim form. */
enum ct_status page_claim(struct web_request *request, struct web_response *response,
                          const char *error_field, const char *error) CT_MUST_CHECK;

/* Records the claim the request's fields describe (event, or kind, title, date,
 * category, credits, semester_credits, quarter_credits, hours, topic, plan_item,
 * recorded) as the signed-in learner's, pending; *id receives its row id. A refusal is
 * CT_ERR_INPUT with err->where the field to fix and err->message what to do. */
enum ct_status claim_add(struct web_request *request, int64_t *id,
                         struct ct_err *err) CT_MUST_CHECK;

/* POST /activities/new: records the claim, or shows the form again with what was typed
 * and what to fix next to the field. */
enum ct_status page_claim_submit(struct web_request *request,
                                 struct web_response *response) CT_MUST_CHECK;

#endif
