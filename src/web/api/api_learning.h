/*
 * api_learning: what the learner's and the supervisor's endpoints (api_me.c, api_plan.c,
 * api_supervisor.c) share: the signed-in learner's current track, and activities,
 * tracks and reports as JSON, from the store's rows (store_learning.h).
 */
#ifndef CERTTRACK_API_LEARNING_H
#define CERTTRACK_API_LEARNING_H

#include <jansson.h>

#include "../../store/store_learning.h"
#include "../http/request.h"

/* The signed-in person's current track into *track (*found true), or a 404 no-track
 * answer (*found false); a failure to read it is a failure, not "no track". */
enum ct_status api_learning_track(struct web_request *request, struct web_response *response,
                                  struct track_info *track, bool *found) CT_MUST_CHECK;

/* Minutes as hours: 2, or 1.5. */
json_t *api_learning_hours(int64_t minutes);

/* An activity as the learner sees it: id, key, kind, title, date, category, credits,
 * semester_credits, quarter_credits, hours, topic, plan_item, recorded, status, event.
 * NULL when memory runs out. */
json_t *api_learning_activity(const struct learning_activity *activity);

/* A claim as its verifier sees it: id, person, name, date, kind, title, category,
 * credits, semester_credits, quarter_credits, hours, topic, plan_item, event. */
json_t *api_learning_claim(const struct learning_activity *claim);

#endif
