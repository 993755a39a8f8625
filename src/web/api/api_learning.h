/*
 * api_learning: what the learner's and the supervisor's endpoints (api_me.c,
 * api_supervisor.c) share: activities and claims as JSON, from the store's rows
 * (store_learning.h).
 */
#ifndef CERTTRACK_API_LEARNING_H
#define CERTTRACK_API_LEARNING_H

#include <jansson.h>

#include "../../store/store_learning.h"
#include "../http/request.h"

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
