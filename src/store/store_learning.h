/*
 * store_learning: what the learner's and the supervisor's workflows read: a track by id,
 * who a person is, the claim form's choices (catalog events, the plan's self-directed
 * items), activities, the claims waiting for a verifier, the Professional Development
 * Plan with its versions, goals and items, and the library goals a plan serves (the
 * current track is store_track_find_current's, the final report store_report_view's).
 * Reads only: the changes are the store_activities and store_tracks
 * functions, called by the actions (src/actions/claims.h, plans.h, reports.h, tracks.h).
 *
 * Rows and every text they hold are allocated in the caller's arena (borrowed; they
 * live as long as it does). A text column that is NULL in the database is NULL here.
 */
#ifndef CERTTRACK_STORE_LEARNING_H
#define CERTTRACK_STORE_LEARNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_page.h"
#include "store_tracks.h"

/* ---- tracks ---- */

/* A track by id: *found false when there is none. */
enum ct_status store_learning_track_get(struct store *store, int64_t track_id,
                                        struct track_info *track, bool *found,
                                        struct ct_err *err) CT_MUST_CHECK;

/* Who a person is, as they see themself. */
struct learning_identity {
    int64_t id;
    const char *name;
    const char *email;
    int64_t library_id;       /* 0 when none (State Library staff) */
    const char *library_name; /* NULL when none */
};

/* The person's identity: *found false when there is no such person. */
enum ct_status store_learning_identity(struct store *store, int64_t person_id, struct arena *arena,
                                       struct learning_identity *identity, bool *found,
                                       struct ct_err *err) CT_MUST_CHECK;

/* ---- the claim form ---- */

struct learning_event {
    int64_t id;
    const char *title;
    const char *kind; /* as stored: an activity kind's name */
    const char *category;
    struct civil_date ends;
    int64_t credit_halves;
};

/* The catalog events that end from first to last, newest first (by their last day, then
 * id), at most limit of them. */
enum ct_status store_learning_events(struct store *store, struct civil_date first,
                                     struct civil_date last, int64_t limit, struct arena *arena,
                                     struct learning_event **events, size_t *count,
                                     struct ct_err *err) CT_MUST_CHECK;

/* One catalog event: *found false when there is none. */
enum ct_status store_learning_event(struct store *store, int64_t event_id, struct arena *arena,
                                    struct learning_event *event, bool *found,
                                    struct ct_err *err) CT_MUST_CHECK;

/* A self-directed item planned in one of a track's plan versions, by its key (with the
 * greatest of its descriptions, when versions describe it differently). */
struct learning_planned_item {
    const char *key;
    const char *description;
};

/* The self-directed items of every plan version of the track, by key. */
enum ct_status store_learning_self_directed_items(struct store *store, int64_t track_id,
                                                  struct arena *arena,
                                                  struct learning_planned_item **items,
                                                  size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* ---- activities ---- */

struct learning_activity {
    int64_t id;
    int64_t person_id;
    const char *person_name;
    const char *key; /* the id in the learner record (record_key) */
    const char *kind;
    const char *title;
    const char *date;
    const char *category;
    int64_t credit_halves;
    int64_t semester_halves;
    int64_t quarter_halves;
    int64_t minutes;
    const char *topic;
    const char *plan_item;
    const char *recorded;
    const char *status;
    int64_t event_id;    /* 0 when none */
    int64_t verifier_id; /* the person's verifier, 0 when none */
};

/* The activity with this id: *found false when there is none. */
enum ct_status store_learning_activity(struct store *store, int64_t activity_id,
                                       struct arena *arena, struct learning_activity *activity,
                                       bool *found, struct ct_err *err) CT_MUST_CHECK;

/* The person's activity whose record key is key: *found false when there is none. */
enum ct_status store_learning_activity_by_key(struct store *store, int64_t person_id,
                                              const char *key, struct arena *arena,
                                              struct learning_activity *activity, bool *found,
                                              struct ct_err *err) CT_MUST_CHECK;

/* The columns the claims waiting for verification sort by, in the order of the page's
 * table (the ones without an expression do not sort). */
enum verify_queue_column {
    VERIFY_QUEUE_SELECT,
    VERIFY_QUEUE_LEARNER,
    VERIFY_QUEUE_DATE,
    VERIFY_QUEUE_KIND,
    VERIFY_QUEUE_TITLE,
    VERIFY_QUEUE_CLAIMED,
    VERIFY_QUEUE_COLUMNS
};

/* What the queue is narrowed to (borrowed; NULL or "" in a field: no narrowing). */
struct store_queue_filter {
    const char *search; /* in the learner's name or the title, any case, LIKE's % and _
                           taken as themselves; at most STORE_SEARCH_MAX bytes */
    const char *kind;   /* the kind's name, e.g. "conference-session" */
};

/* One page of the pending activities of the people verifier_id verifies, narrowed by
 * filter (NULL: none), sorted as page says (ties by id); *total is how many of them
 * wait. A page past the last has no rows (a page that shows the last one instead clamps
 * it with store_page_clamp). A search too long is CT_ERR_INPUT at "q". */
enum ct_status store_learning_verify_queue(struct store *store, int64_t verifier_id,
                                           const struct store_queue_filter *filter,
                                           const struct store_page *page, struct arena *arena,
                                           struct learning_activity **claims, size_t *count,
                                           int64_t *total, struct ct_err *err) CT_MUST_CHECK;

/* ---- the Professional Development Plan ---- */

struct learning_version {
    int64_t id;
    int64_t track_id;
    int64_t version;
    char state[16];
    const char *submitted;      /* a date, or NULL */
    const char *learner_signed; /* the day the learner signed, or NULL */
    const char *library_signed; /* the day it was signed for the library, or NULL */
    const char *comment;        /* the library's, when it returned the version, or NULL */
    const char *skill_gaps;
    const char *learning_options;
    int64_t person_id; /* the track's learner */
    const char *person_name;
    int64_t verifier_id; /* the learner's verifier (who signs for the library), 0 when none */
    int64_t library_id;  /* the learner's library, 0 when none */
};

struct learning_goal {
    int64_t id;
    int64_t version_id;
    int64_t position;
    int64_t library_goal_id;
    const char *goal;
    const char *outcomes;
    const char *library_goal_code;
    const char *library_goal_title; /* ending " (retired)" when the library retired it */
};

struct learning_item {
    int64_t id;
    int64_t version_id;
    const char *kind; /* "training" or "self-directed" */
    const char *key;
    const char *description;
    int64_t plan_goal_id;    /* 0 when none */
    const char *plan_goal;   /* the goal's words, or NULL */
    int64_t planned_minutes; /* the planned hours in minutes, 0 when not said */
};

/* Plan versions with their goals (by version, then position) and items (by version,
 * then id). */
struct learning_plan {
    struct learning_version *versions;
    size_t version_count;
    struct learning_goal *goals;
    size_t goal_count;
    struct learning_item *items;
    size_t item_count;
};

/* Every version of the track, oldest first, with their goals and items. */
enum ct_status store_learning_plan_of_track(struct store *store, int64_t track_id,
                                            struct arena *arena, struct learning_plan *plan,
                                            struct ct_err *err) CT_MUST_CHECK;

/* One version with its goals and items (version_count 0 when there is none). */
enum ct_status store_learning_plan_version(struct store *store, int64_t version_id,
                                           struct arena *arena, struct learning_plan *plan,
                                           struct ct_err *err) CT_MUST_CHECK;

/* The versions waiting for verifier_id's signature for the library (submitted, of the
 * people they verify, not yet signed for the library), by the day submitted then id:
 * limit of them (-1: all) from offset, with their goals and items; *total is how many
 * wait in all. */
enum ct_status store_learning_plans_waiting(struct store *store, int64_t verifier_id, int64_t limit,
                                            int64_t offset, struct arena *arena,
                                            struct learning_plan *plan, int64_t *total,
                                            struct ct_err *err) CT_MUST_CHECK;

/* The id of the track's latest plan version, 0 when it has none. */
enum ct_status store_learning_latest_version(struct store *store, int64_t track_id,
                                             int64_t *version_id, struct ct_err *err) CT_MUST_CHECK;

struct learning_library_goal {
    int64_t id;
    const char *code;
    const char *title;
};

/* The goals of the library's strategic plans that are not retired (those a plan goal
 * may newly serve), by code then id. */
enum ct_status store_learning_library_goals(struct store *store, int64_t library_id,
                                            struct arena *arena,
                                            struct learning_library_goal **goals, size_t *count,
                                            struct ct_err *err) CT_MUST_CHECK;

#endif
