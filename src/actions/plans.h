/*
 * plans: the Professional Development Plan. The learner starts a version, writes its
 * texts, adds goals (each serving a goal of their library's strategic plan) and planned
 * items, submits it and signs it; the learner's verifier signs it for the library (the
 * second signature approves it) or returns it to draft with a comment.
 *
 * A learner's action names the version it acts on, or 0 for the latest version of the
 * acting learner's current track (what the plan page and the API act on): no track is
 * ACTION_NOT_FOUND at "track", no version yet ACTION_NOT_FOUND at "version". Another
 * person's version is ACTION_NOT_ALLOWED. Editing a version that is not a draft, and
 * signing one that is not submitted, is ACTION_WRONG_STATE.
 */
#ifndef CERTTRACK_ACTIONS_PLANS_H
#define CERTTRACK_ACTIONS_PLANS_H

#include "../store/store_tracks.h"
#include "action.h"

/* What a plan action acted on. */
struct plan_result {
    int64_t version_id; /* the version acted on (or started) */
    int64_t id;         /* the goal or item added; else the version's id */
    bool approved;      /* the version is approved afterwards (both signatures) */
};

struct plan_start_input {
    int64_t track_id; /* field "track": 0 for the acting learner's current track */
};

/* Starts the next version of the track's plan as a draft: the first version empty, a
 * later one holding what the version before it held (its text, goals and items), to be
 * changed. Refused (wrong state) while a version is a draft or submitted. */
enum ct_status action_plan_start(struct store *store, const struct actor *actor,
                                 const struct plan_start_input *input, struct plan_result *result,
                                 struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_text_input {
    int64_t version_id;           /* field "version": 0 for the latest */
    const char *skill_gaps;       /* "skill_gaps": NULL is empty */
    const char *learning_options; /* "learning_options": NULL is empty */
};

/* Rewrites a draft's skill gaps and learning options. */
enum ct_status action_plan_text(struct store *store, const struct actor *actor,
                                const struct plan_text_input *input, struct plan_result *result,
                                struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_goal_input {
    int64_t version_id;      /* field "version": 0 for the latest */
    int64_t library_goal_id; /* "library_goal": a goal of the learner's library's plans */
    const char *goal;        /* "goal": what the learner will be able to do (needed) */
    const char *outcomes;    /* "outcomes": the desired outcomes */
};

/* Adds a goal to a draft; result->id is the goal's. */
enum ct_status action_plan_goal_add(struct store *store, const struct actor *actor,
                                    const struct plan_goal_input *input, struct plan_result *result,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_item_input {
    int64_t version_id;      /* field "version": 0 for the latest */
    const char *kind;        /* "kind": "training" or "self-directed" */
    const char *key;         /* "key": what self-directed claims name as their plan item */
    const char *description; /* "description" (needed) */
    int64_t plan_goal_id;    /* "plan_goal": 0, or a goal of the same version it serves */
    const char *hours;       /* "hours": the planned hours, a positive number ("1.5"); needed
                                for a self-directed item, NULL or "" leaves a training item
                                without planned hours */
};

/* Plans an item in a draft; result->id is the item's. A key the version plans already
 * is a wrong state. */
enum ct_status action_plan_item_add(struct store *store, const struct actor *actor,
                                    const struct plan_item_input *input, struct plan_result *result,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

/* A goal of the draft as the editor shows it (field names "goals[N].library_goal",
 * "goals[N].goal", "goals[N].outcomes", N the row's position in the list from 1). */
struct plan_goal_edit {
    int64_t id;              /* "goals[N].id": a goal of the version */
    int64_t library_goal_id; /* as plan_goal_input (the one it serves now is kept even when
                                the library has retired it since) */
    const char *goal;        /* needed, unless removed */
    const char *outcomes;
    bool remove; /* removes the goal instead (its items then serve no goal) */
};

/* An item of the draft as the editor shows it ("items[N].kind", ".key", ".description",
 * ".hours", ".plan_goal"; N from 1). */
struct plan_item_edit {
    int64_t id;                  /* "items[N].id": an item of the version */
    struct plan_item_input item; /* its version_id is not read */
    bool remove;                 /* removes the item instead */
};

/* The whole draft as the plan editor sends it: what each of its buttons saves first. */
struct plan_draft_input {
    int64_t version_id; /* field "version": 0 for the latest */
    const char *skill_gaps;
    const char *learning_options;
    const struct plan_goal_edit *goals; /* goal_count of them; goals not listed are kept */
    size_t goal_count;
    const struct plan_item_edit *items; /* item_count of them; items not listed are kept */
    size_t item_count;
    const struct plan_goal_input *new_goal; /* NULL, or a goal to add ("new_goal.goal" ...) */
    const struct plan_item_input *new_item; /* NULL, or an item to add ("new_item.key" ...) */
};

/* Saves the draft in one transaction: its texts, each goal and item rewritten or
 * removed, then the new goal and the new item added. Every bad field is noted at once,
 * named as above (e.g. "goals[2].outcomes", "items[1].hours", "new_item.key"); a key
 * that two items would share is a fault of the later one's key. result->id is the new
 * item's, else the new goal's, else the version's. */
enum ct_status action_plan_draft_save(struct store *store, const struct actor *actor,
                                      const struct plan_draft_input *input,
                                      struct plan_result *result,
                                      struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_version_input {
    int64_t version_id; /* field "version": 0 for the latest */
};

/* Submits a draft on the actor's day; a draft without a goal is a wrong state at
 * "goal". */
enum ct_status action_plan_submit(struct store *store, const struct actor *actor,
                                  const struct plan_version_input *input,
                                  struct plan_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_sign_input {
    int64_t version_id;      /* field "version": for the learner, 0 for the latest */
    enum plan_signer signer; /* the learner (their own version), or the library (the
                                learner's verifier, or the system) */
};

/* Signs a submitted version on the actor's day. For the library, a version of a learner
 * the actor does not verify is ACTION_NOT_ALLOWED, the same whether it exists or not. */
enum ct_status action_plan_sign(struct store *store, const struct actor *actor,
                                const struct plan_sign_input *input, struct plan_result *result,
                                struct action_outcome *outcome) CT_MUST_CHECK;

struct plan_return_input {
    int64_t version_id;  /* field "version" */
    const char *comment; /* "comment": what to change (needed; the learner sees it) */
};

/* Returns a submitted version to draft with the comment, by the learner's verifier (or
 * the system); as action_plan_sign for the library otherwise. */
enum ct_status action_plan_return(struct store *store, const struct actor *actor,
                                  const struct plan_return_input *input, struct plan_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

#endif
