/*
 * claim_view: one claimed activity with its proof, for the people who may see its proof
 * (store_proof_viewer_allowed: the learner, their verifier, a coordinator).
 */
#ifndef CERTTRACK_CLAIM_VIEW_H
#define CERTTRACK_CLAIM_VIEW_H

#include "../http/request.h"

/* GET /activities/{id}: the activity (title, kind, date, status, the reason it was
 * rejected), the claim it corrects or the one that replaced it, and its proof files
 * (proofs.h); for its learner, "Correct and send again" on a rejected claim not yet
 * corrected; the corrections the CE coordinator made (when, by whom, why, the values
 * before and after) and, for the CE coordinator, "Correct this activity" on a verified
 * one (activity_correct.h; corrected=1: just corrected). Anyone else, and an activity
 * that does not exist: 404. */
enum ct_status page_claim_view(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

#endif
