/*
 * api_plan: the Professional Development Plan through the JSON API: the learner's plan
 * and its actions, and the supervisor's plans waiting for the library's signature.
 * Each change is the action the page calls too (src/actions/plans.h): the same checks
 * and the same rule of who signs whose plan.
 *
 * Every handler has the route table's shape: the request, the response to fill, and
 * the {id} of the path (the plan version's, where the path has one).
 */
#ifndef CERTTRACK_API_PLAN_H
#define CERTTRACK_API_PLAN_H

#include "../http/request.h"

/* GET /api/v1/me/plan: the current track's versions with their goals and items, and
 * the library goals a plan goal may serve. */
enum ct_status api_me_plan(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/versions: starts a new version (201). */
enum ct_status api_me_plan_new_version(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/text: rewrites the draft's skill_gaps and learning_options. */
enum ct_status api_me_plan_text(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/goals: adds a goal to the draft (201). */
enum ct_status api_me_plan_goal(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/items: adds a planned item to the draft (201). */
enum ct_status api_me_plan_item(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/submit: submits the draft. */
enum ct_status api_me_plan_submit(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/plan/sign: signs the submitted version as the learner. */
enum ct_status api_me_plan_sign(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* GET /api/v1/plans/waiting[?page=&per_page=]: the versions waiting for the signed-in
 * supervisor's signature for the library. */
enum ct_status api_plans_waiting(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /api/v1/plans/{id}/sign: signs version id for the library. */
enum ct_status api_plan_sign(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* POST /api/v1/plans/{id}/return: returns version id to its learner with a comment. */
enum ct_status api_plan_return(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

#endif
