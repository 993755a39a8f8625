/*
 * store_plan_edits: the changes to a draft plan version's goals and items beyond adding
 * them (store_tracks.h adds them): a planned item with its planned hours, a goal or an
 * item rewritten, a goal or an item removed. Each is one transaction (nested in the
 * caller's when it has one), refused with CT_ERR_INPUT at "plan version" when the
 * version is not a draft, and audited.
 */
#ifndef CERTTRACK_STORE_PLAN_EDITS_H
#define CERTTRACK_STORE_PLAN_EDITS_H

#include <stdint.h>

#include "store.h"

/* A planned item as written (all texts borrowed). */
struct plan_item_new {
    const char *key;         /* what self-directed activities name as their plan_item */
    const char *kind;        /* "training" or "self-directed" */
    const char *description; /* needed */
    int64_t plan_goal_id;    /* 0, or a goal of the same version it serves */
    int64_t planned_minutes; /* 0 when not said, else positive */
};

/* Adds a planned item to the draft version_id; *id is the item's. A plan_goal_id of
 * another version is refused at "plan_goal". */
enum ct_status store_plan_item_create(struct store *store, int64_t actor_id, int64_t version_id,
                                      const struct plan_item_new *item, int64_t *id,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Rewrites item_id of the draft version_id (refused at "item" when it is not one of the
 * version's; at "key" when another item of the version has the key). */
enum ct_status store_plan_item_update(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t item_id, const struct plan_item_new *item,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Removes item_id of the draft version_id (refused at "item" when it is not one of the
 * version's). */
enum ct_status store_plan_item_remove(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t item_id, struct ct_err *err) CT_MUST_CHECK;

/* Rewrites goal_id of the draft version_id: the library goal it serves (one of the
 * learner's library's, refused at "library_goal"), its words (needed, "goal") and its
 * desired outcomes. Refused at "goal" when it is not one of the version's. */
enum ct_status store_plan_goal_update(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t goal_id, int64_t library_goal_id, const char *goal,
                                      const char *desired_outcomes,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Removes goal_id of the draft version_id; the items that served it then serve no goal
 * (each audited). Refused at "goal" when it is not one of the version's. */
enum ct_status store_plan_goal_remove(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t goal_id, struct ct_err *err) CT_MUST_CHECK;

#endif
