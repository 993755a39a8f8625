/*
 * review: the CE coordinator's work on submitted tracks and final reports.
 */
#ifndef CERTTRACK_REVIEW_H
#define CERTTRACK_REVIEW_H

#include "web.h"

/* GET /review: submitted final reports (accept, or return with a comment) and
 * submitted tracks with their evaluation today (award, or return with a comment). */
enum ct_status page_review(struct web_request *request, struct web_response *response,
                           const char *message) CT_MUST_CHECK;

/* POST /review: fields track, action (award, return-track, accept-report,
 * return-report) and comment (needed to return). */
enum ct_status page_review_submit(struct web_request *request,
                                  struct web_response *response) CT_MUST_CHECK;

#endif
