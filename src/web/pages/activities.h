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
 * and what to fix next to each field at fault (400). A claim the rules engine will not
 * count (claim_warning.h) is first shown with the engine's reasons on a confirmation
 * step and recorded only when the learner sends it from there (field step=send);
 * step=change shows the form again with what was typed. The form is multipart/form-data
 * and may carry a proof in its field "file" (action_claim_submit checks and keeps it); a
 * file is not kept between the steps: the confirmation step and a refused form ask for it
 * again, saying so. Field replaces: the rejected claim this one corrects. */
enum ct_status page_claim_submit(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /activities/{id}/withdraw: withdraws the signed-in learner's pending claim id
 * (action_claim_withdraw; optional field reason), back to the progress page; a claim
 * that is not theirs is 404, one already verified or rejected 409. */
enum ct_status page_claim_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* GET /activities/{id}/resend: the claim form filled in with the signed-in learner's
 * rejected claim id, with the reason it was rejected; sending it (POST /activities/new,
 * field replaces) makes a new claim that replaces it. Not their claim: 404; not
 * rejected, or corrected already: 409. */
enum ct_status page_claim_resend(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

#endif
