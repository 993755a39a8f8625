/*
 * review: the CE coordinator's work on submitted tracks and final reports.
 */
#ifndef CERTTRACK_REVIEW_H
#define CERTTRACK_REVIEW_H

#include "../../store/store_award.h"
#include "../http/request.h"

/* The tracks (t) submitted for the award, with their people (p). */
#define REVIEW_TRACKS_FROM                                                                         \
    " FROM tracks t JOIN people p ON p.id = t.person_id WHERE t.state = 'submitted'"

/* The final reports (r) submitted for review, with their tracks (t) and people (p). */
#define REVIEW_REPORTS_FROM                                                                        \
    " FROM final_reports r JOIN tracks t ON t.id = r.track_id JOIN people p"                       \
    " ON p.id = t.person_id WHERE r.state = 'submitted'"

/* Applies a CE coordinator's decision on a track: action "award" (result receives the
 * certificate; refused when the engine does not call the track complete),
 * "return-track", "accept-report" or "return-report" (a comment is needed to return).
 * A refusal is CT_ERR_INPUT with err->where "action", "comment", or the track or final
 * report (or nothing) when its state forbids the decision. */
enum ct_status review_decide(struct web_request *request, int64_t track, const char *action,
                             const char *comment, struct award_result *result,
                             struct ct_err *err) CT_MUST_CHECK;

/* GET /review: submitted final reports (accept, or return with a comment) and
 * submitted tracks with their evaluation today (award, or return with a comment). */
enum ct_status page_review(struct web_request *request, struct web_response *response,
                           const char *message) CT_MUST_CHECK;

/* POST /review: fields track, action (award, return-track, accept-report,
 * return-report) and comment (needed to return). */
enum ct_status page_review_submit(struct web_request *request,
                                  struct web_response *response) CT_MUST_CHECK;

#endif
