/*
 * strategic_plans: a library's strategic plan, kept by the CE coordinator and by the
 * library's own administrator (role library-administrator, their own library only): its
 * title and period, and its goals added, edited, retired and deleted. A goal that a
 * staff plan serves (plan_goals.library_goal_id) is retired, never deleted: plans keep
 * pointing at it and show it as retired, and no new plan goal may serve it. A goal no
 * plan serves may be deleted. A closed library's plan is not changed.
 */
#ifndef CERTTRACK_ACTIONS_STRATEGIC_PLANS_H
#define CERTTRACK_ACTIONS_STRATEGIC_PLANS_H

#include "action.h"

/* Each field as typed; NULL leaves a field of a plan that exists as it is. */
struct strategic_plan_input {
    int64_t library_id; /* field "library" */
    const char *title;  /* field "title" */
    const char *starts; /* field "starts": YYYY-MM-DD */
    const char *ends;   /* field "ends": YYYY-MM-DD, on or after starts */
};

struct strategic_plan_result {
    int64_t id; /* the plan's */
};

/* Sets the title and period of the library's strategic plan, adding the plan when the
 * library has none. */
enum ct_status action_strategic_plan_save(struct store *store, const struct actor *actor,
                                          const struct strategic_plan_input *input,
                                          struct strategic_plan_result *result,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

/* Each field as typed; for an edit NULL leaves a field as it is. */
struct library_goal_input {
    int64_t library_id;      /* field "library" */
    int64_t goal_id;         /* field "goal": the goal edited, retired or deleted */
    const char *code;        /* field "code": "G1", unique in the plan */
    const char *title;       /* field "title" */
    const char *description; /* field "description" */
};

struct library_goal_result {
    int64_t id; /* the goal's */
};

/* Adds a goal to the library's strategic plan (refused, ACTION_WRONG_STATE "library",
 * when it has none yet). Refusals: "code" empty or taken, "title" empty. */
enum ct_status action_library_goal_add(struct store *store, const struct actor *actor,
                                       const struct library_goal_input *input,
                                       struct library_goal_result *result,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

/* Edits goal input->goal_id of the library (ACTION_NOT_FOUND "goal" when it is not one
 * of the library's): as action_library_goal_add. */
enum ct_status action_library_goal_edit(struct store *store, const struct actor *actor,
                                        const struct library_goal_input *input,
                                        struct action_outcome *outcome) CT_MUST_CHECK;

/* Retires the goal today; refused (ACTION_WRONG_STATE, "goal") when it is retired. */
enum ct_status action_library_goal_retire(struct store *store, const struct actor *actor,
                                          const struct library_goal_input *input,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

/* Deletes the goal; refused (ACTION_WRONG_STATE, "goal") when a staff plan serves it:
 * such a goal is retired instead. */
enum ct_status action_library_goal_delete(struct store *store, const struct actor *actor,
                                          const struct library_goal_input *input,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

/* True when actor may keep library_id's strategic plan: the CE coordinator, or a library
 * administrator of that library. */
bool strategic_plan_keeper(const struct actor *actor, int64_t library_id);

#endif
