/*
 * plan: the Professional Development Plan in the browser. The learner writes versions
 * (goals that serve the library's goals, gaps, learning options, planned items),
 * submits and signs them; the supervisor signs for the organization or returns them.
 * Every change is an action of src/actions/plans.h.
 */
#ifndef CERTTRACK_PLAN_H
#define CERTTRACK_PLAN_H

#include "../http/request.h"

/* GET /plan: the learner's plan, its versions, and the open draft's editor. */
enum ct_status page_plan(struct web_request *request, struct web_response *response,
                         int64_t id) CT_MUST_CHECK;

/* POST /plan: action new-version, save-text (skill_gaps, learning_options), add-goal
 * (library_goal, goal, outcomes), add-item (item_kind, item_key, description,
 * plan_goal), submit or sign, on the latest version of the learner's current track. */
enum ct_status page_plan_submit(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* GET /plans: plans waiting for the organization's signature, of the people the
 * signed-in supervisor verifies. */
enum ct_status page_plans_to_sign(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /plans: fields version, action (sign or return) and comment (to return). */
enum ct_status page_plans_to_sign_submit(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;

#endif
