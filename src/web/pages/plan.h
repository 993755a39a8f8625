/*
 * plan: the Professional Development Plan in the browser. The learner writes versions
 * (goals that serve the library's goals, gaps, learning options, planned items),
 * submits and signs them; the supervisor signs for the organization or returns them.
 */
#ifndef CERTTRACK_PLAN_H
#define CERTTRACK_PLAN_H

#include "../http/request.h"

/* GET /plan: the learner's plan, its versions, and the open draft's editor. */
enum ct_status page_plan(struct web_request *request, struct web_response *response,
                         const char *message) CT_MUST_CHECK;

/* POST /plan: action new-version, save-text, add-goal, add-item, submit or sign. */
enum ct_status page_plan_submit(struct web_request *request,
                                struct web_response *response) CT_MUST_CHECK;

/* Applies a learner's plan action to the signed-in learner's current track, reading
 * the request's fields: "new-version"; "save-text" (skill_gaps, learning_options);
 * "add-goal" (library_goal, goal, outcomes); "add-item" (item_kind, item_key,
 * description, plan_goal); "submit"; "sign". Every action but new-version acts on the
 * latest version. *id receives the new version's, goal's or item's id, else the
 * version's. A refusal is CT_ERR_INPUT, with err->where the field to fix, or naming
 * the plan version (or nothing) when its state forbids the action. */
enum ct_status plan_learner_act(struct web_request *request, const char *action, int64_t *id,
                                struct ct_err *err) CT_MUST_CHECK;

/* The plan versions waiting for a supervisor's signature: submitted versions (v) of
 * tracks (t) of people (p) whose verifier is the one parameter, not yet signed for the
 * library. */
#define PLAN_WAITING_FROM                                                                          \
    " FROM plan_versions v JOIN tracks t ON t.id = v.track_id JOIN people p"                       \
    " ON p.id = t.person_id WHERE p.verifier_id = ? AND v.state = 'submitted'"                     \
    " AND v.organization_approved IS NULL"

/* Signs (action "sign") or returns with a comment (action "return") a plan version
 * for the library, as the signed-in supervisor. *allowed is false, and nothing changes,
 * when they do not verify the plan's learner (the same whether the version exists or
 * not). *approved tells whether the version is approved afterwards. A refusal is
 * CT_ERR_INPUT with err->where "action", "comment", or the plan version when its state
 * forbids the action. */
enum ct_status plan_library_decide(struct web_request *request, int64_t version, const char *action,
                                   const char *comment, bool *allowed, bool *approved,
                                   struct ct_err *err) CT_MUST_CHECK;

/* GET /plans: plans waiting for the organization's signature, of the people the
 * signed-in supervisor verifies. */
enum ct_status page_plans_to_sign(struct web_request *request, struct web_response *response,
                                  const char *message) CT_MUST_CHECK;

/* POST /plans: fields version, action (sign or return) and comment (to return). */
enum ct_status page_plans_to_sign_submit(struct web_request *request,
                                         struct web_response *response) CT_MUST_CHECK;

#endif
