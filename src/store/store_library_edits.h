/*
 * store_library_edits: the changes the CE coordinator and a library's administrator make
 * to libraries and their strategic plans: a library added, edited (its consultants in
 * library_consultants) and closed; the plan's title and period; goals added, edited,
 * retired and (when no staff plan serves them) deleted. Each change runs in its own
 * transaction (a savepoint inside an action's) and is audited with the actor. The old
 * libraries.consultant_id column is neither read nor written.
 *
 * These functions check only what the database must hold true; the actions
 * (actions/libraries.h, actions/strategic_plans.h) check the input and who may act.
 */
#ifndef CERTTRACK_STORE_LIBRARY_EDITS_H
#define CERTTRACK_STORE_LIBRARY_EDITS_H

#include <stddef.h>

#include "store.h"

/* The most consultants a library is given at once. */
#define LIBRARY_CONSULTANTS_MAX 16

/* A library's fields as stored; every pointer borrowed. */
struct library_fields {
    const char *name;
    const char *city;
    const char *kind;           /* "public", "tribal-college", "academic", "school", "special" */
    const char *external_id;    /* NULL: none */
    const int64_t *consultants; /* person ids, consultant_count of them */
    size_t consultant_count;
};

/* Adds a library with its consultants; its id into *id. */
enum ct_status store_library_add(struct store *store, int64_t actor_id,
                                 const struct library_fields *library, int64_t *id,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Replaces library_id's fields and its consultants (audited as "edit", and as
 * "consultants" with the ids before and after when they change). */
enum ct_status store_library_update(struct store *store, int64_t actor_id, int64_t library_id,
                                    const struct library_fields *library,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Sets library_id's closing day. */
enum ct_status store_library_close(struct store *store, int64_t actor_id, int64_t library_id,
                                   struct civil_date closed_on, struct ct_err *err) CT_MUST_CHECK;

/* Sets the title and period of strategic plan plan_id, or (plan_id 0) adds the library's
 * plan; the plan's id into *id. */
enum ct_status store_strategic_plan_save(struct store *store, int64_t actor_id, int64_t library_id,
                                         int64_t plan_id, const char *title,
                                         struct civil_date starts, struct civil_date ends,
                                         int64_t *id, struct ct_err *err) CT_MUST_CHECK;

/* A goal's fields; every pointer borrowed. */
struct library_goal_fields {
    const char *code;
    const char *title;
    const char *description; /* NULL: "" */
};

/* Adds a goal to strategic plan plan_id; its id into *id. */
enum ct_status store_library_goal_add(struct store *store, int64_t actor_id, int64_t plan_id,
                                      const struct library_goal_fields *goal, int64_t *id,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Replaces goal_id's code, title and description. */
enum ct_status store_library_goal_update(struct store *store, int64_t actor_id, int64_t goal_id,
                                         const struct library_goal_fields *goal,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Retires goal_id on day: plans keep pointing at it; no new plan goal may serve it. */
enum ct_status store_library_goal_retire(struct store *store, int64_t actor_id, int64_t goal_id,
                                         struct civil_date day, struct ct_err *err) CT_MUST_CHECK;

/* Deletes goal_id; refused (CT_ERR_INPUT, "goal") when any plan goal serves it. */
enum ct_status store_library_goal_delete(struct store *store, int64_t actor_id, int64_t goal_id,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
