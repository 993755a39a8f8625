/*
 * api_libraries: libraries and their strategic plans through the JSON API: the list and
 * one library (the coordinator any, a consultant those they serve, a library's own
 * administrator or supervisor theirs), added, edited and closed by the coordinator; the
 * plan's period and goals kept by the coordinator and the library's administrator. Each
 * change is the page's own action (libraries.h, strategic_plans.h).
 *
 * Every handler has the route table's shape; id is the library's, request->sub_id the
 * goal's where the path has one.
 */
#ifndef CERTTRACK_API_LIBRARIES_H
#define CERTTRACK_API_LIBRARIES_H

#include "../http/request.h"

/* GET /api/v1/libraries[?page=&per_page=]: by name; a consultant's own. */
enum ct_status api_libraries(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* POST /api/v1/libraries: adds a library (201). */
enum ct_status api_library_add(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* GET /api/v1/libraries/{id}: the library with its consultants and strategic plan. */
enum ct_status api_library(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* PATCH /api/v1/libraries/{id}: changes the fields sent. */
enum ct_status api_library_edit(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/libraries/{id}/close: {"closed_on": ...} (today when left out). */
enum ct_status api_library_close(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* PATCH /api/v1/libraries/{id}/plan: the strategic plan's title and period. */
enum ct_status api_library_plan(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* GET /api/v1/libraries/{id}/goals: every goal, retired ones too. */
enum ct_status api_library_goals(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /api/v1/libraries/{id}/goals: adds a goal (201). */
enum ct_status api_library_goal_add(struct web_request *request, struct web_response *response,
                                    int64_t id) CT_MUST_CHECK;

/* PATCH /api/v1/libraries/{id}/goals/{goal}: changes the fields sent. */
enum ct_status api_library_goal_edit(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

/* POST /api/v1/libraries/{id}/goals/{goal}/retire. */
enum ct_status api_library_goal_retire(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* DELETE /api/v1/libraries/{id}/goals/{goal}: only a goal no staff plan serves (204). */
enum ct_status api_library_goal_delete(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

#endif
