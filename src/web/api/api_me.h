/*
 * api_me: the JSON API of the signed-in person about themself: who they are, and the
 * learner's activities (with the engine's decisions), claims, final report and the
 * request for the award. Each change is the action the page calls too
 * (src/actions/claims.h, reports.h, tracks.h): the same checks, the same refusals.
 *
 * Every handler has the route table's shape: the request, the response to fill, and
 * the {id} of the path (unused here).
 */
#ifndef CERTTRACK_API_ME_H
#define CERTTRACK_API_ME_H

#include "../http/request.h"

/* GET /api/v1/me: id, name, email, roles and library of the signed-in person. */
enum ct_status api_me(struct web_request *request, struct web_response *response,
                      int64_t id) CT_MUST_CHECK;

/* GET /api/v1/me/activities[?page=&per_page=]: the current track's activities with the
 * engine's decision and reason today. */
enum ct_status api_me_activities(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/activities: claims an activity (the claim form's fields); 201 with
 * the activity. */
enum ct_status api_me_claim(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

/* GET /api/v1/me/report: the current track's final report. */
enum ct_status api_me_report(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/report: saves (and with action "submit", submits) the final report. */
enum ct_status api_me_report_save(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/track/submit: sends the current track for the award. */
enum ct_status api_me_track_submit(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

#endif
