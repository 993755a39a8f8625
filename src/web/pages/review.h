/*
 * review: the CE coordinator's work on submitted tracks and final reports.
 */
#ifndef CERTTRACK_REVIEW_H
#define CERTTRACK_REVIEW_H

#include <stdint.h>

#include "../http/request.h"

/* GET /review (laid out): submitted final reports (accept, or return with a comment)
 * and submitted tracks with their evaluation today (award, or return with a comment). */
enum ct_status page_review(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /review: fields track, action (award, return-track, accept-report,
 * return-report) and comment (needed to return): the decision's action (award.h,
 * reports_review.h), then a redirect with its notice, or the page again (400) with what
 * to fix. An award and an acceptance ask first: without confirm=yes, a confirmation
 * page says what will happen, and its button sends the decision with confirm=yes. */
enum ct_status page_review_submit(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
