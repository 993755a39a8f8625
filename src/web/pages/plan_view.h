/*
 * plan_view: one version of a Professional Development Plan in full, as the learner and
 * the supervisor read it: its state, submission, signatures and returned comment, the
 * gaps and learning options, every goal with the library goal it serves and its desired
 * outcomes, every planned item with its kind, short name, planned hours and the goal it
 * serves.
 */
#ifndef CERTTRACK_PLAN_VIEW_H
#define CERTTRACK_PLAN_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "../../store/store_learning.h"
#include "../html/html.h"

/* Writes version v (one of plan's versions) as a section headed "title" (an <h2>,
 * escaped; its id plan-version-ID). All pointers borrowed. */
void plan_view_version(struct html *h, const struct learning_plan *plan,
                       const struct learning_version *v, const char *title);

/* As plan_view_version, leaving the section open: the caller adds to it (a form) and
 * closes it with "</section>". */
void plan_view_version_open(struct html *h, const struct learning_plan *plan,
                            const struct learning_version *v, const char *title);

/* Writes the goals and planned items of version_id of plan (without the texts and
 * signatures), as sub-sections headed <h3>. */
void plan_view_contents(struct html *h, const struct learning_plan *plan, int64_t version_id);

/* Writes minutes as hours in words: "12 hours", "1.5 hours", "1 hour". */
void plan_view_hours(struct html *h, int64_t minutes);

#endif
