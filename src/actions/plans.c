#include "plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../core/workflow.h"
#include "../store/store_plan_edits.h"
#include "../store/store_learning.h"
#include "notices.h"
#include "../core/banned.h"

static bool given(const char *text)
{
    return text != NULL && text[0] != '\0';
}

/* The version an action acts on, read with its goals and items. */
struct plan_target {
    struct arena arena;
    struct learning_plan plan;
    const struct learning_version *version; /* plan.versions[0] once found */
};

static enum ct_status read_version(struct store *store, int64_t version_id,
                                   struct plan_target *target, struct action_outcome *outcome)
{
    enum ct_status status = store_learning_plan_version(store, version_id, &target->arena,
                                                        &target->plan, &outcome->err);
    target->version =
        status == CT_OK && target->plan.version_count > 0 ? &target->plan.versions[0] : NULL;
    return status;
}

/* The acting learner's current track: not found when they have none. */
static enum ct_status current_track(struct store *store, const struct actor *actor,
                                    struct track_info *track, struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = store_track_find_needing(store, actor->person_id, TRACK_NEEDS_PLAN,
                                                     track, &found, &outcome->err);
    if (status == CT_OK && (!found || actor->person_id == 0)) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "track",
                               "You are not enrolled in a certification track.");
    }
    return status;
}

/* Finds the version a learner's action names (0: the latest of their current track). */
static enum ct_status learner_version(struct store *store, const struct actor *actor,
                                      int64_t version_id, struct plan_target *target,
                                      struct action_outcome *outcome)
{
    enum ct_status status = CT_OK;
    if (version_id == 0) {
        struct track_info track;
        status = current_track(store, actor, &track, outcome);
        if (status == CT_OK) {
            status = store_learning_latest_version(store, track.id, &version_id, &outcome->err);
        }
        if (status == CT_OK && version_id == 0) {
            return action_refuse(outcome, ACTION_NOT_FOUND, "version",
                                 "You have no plan yet: start your plan first.");
        }
    }
    if (status == CT_OK) {
        status = read_version(store, version_id, target, outcome);
    }
    if (status == CT_OK && target->version == NULL) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "version",
                               "No plan version has the id %lld.", (long long)version_id);
    }
    return status;
}

/* The learner themself (or the system) acts on their version. */
static enum ct_status check_learner(const struct actor *actor,
                                    const struct learning_version *version,
                                    struct action_outcome *outcome)
{
    if (actor->person_id == 0 || version->person_id == actor->person_id) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL, "This is not your plan.");
}

static enum ct_status check_draft(const struct learning_version *version,
                                  struct action_outcome *outcome)
{
    if (strcmp(version->state, "draft") == 0) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_WRONG_STATE, NULL,
                         "a plan version that is %s cannot be edited; create a new version",
                         version->state);
}

/* The checks every learner's action on a version makes: the version, the faults noted
 * (by the caller, after the version is read), the learner, the state when draft. */
static enum ct_status learner_checks(const struct actor *actor, const struct plan_target *target,
                                     bool draft, struct action_outcome *outcome)
{
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK) {
        status = check_learner(actor, target->version, outcome);
    }
    if (status == CT_OK && draft) {
        status = check_draft(target->version, outcome);
    }
    return status;
}

/* A store refusal: a fault of field when the store names it, else a wrong state. */
static enum ct_status from_store(struct action_outcome *outcome, enum ct_status status,
                                 const char *field)
{
    bool named = status == CT_ERR_INPUT && field != NULL && strcmp(outcome->err.where, field) == 0;
    return action_from_store(outcome, status, ACTION_WRONG_STATE, named ? field : NULL);
}

/* Starts the action: a transaction, and the version named read. */
static enum ct_status begin(struct store *store, const struct actor *actor, int64_t version_id,
                            struct plan_target *target, struct action_outcome *outcome)
{
    arena_init(&target->arena);
    target->version = NULL;
    enum ct_status status = action_begin(store, outcome);
    return status == CT_OK ? learner_version(store, actor, version_id, target, outcome) : status;
}

static enum ct_status end(struct store *store, enum ct_status status, struct plan_target *target,
                          struct action_outcome *outcome)
{
    arena_release(&target->arena);
    return action_end(store, status, outcome);
}

/* ---- starting a version ---- */

static enum ct_status check_none_open(struct store *store, int64_t track_id,
                                      struct plan_target *target, struct action_outcome *outcome)
{
    int64_t latest = 0;
    enum ct_status status = store_learning_latest_version(store, track_id, &latest, &outcome->err);
    if (status == CT_OK && latest != 0) {
        status = read_version(store, latest, target, outcome);
    }
    if (status == CT_OK && target->version != NULL &&
        (strcmp(target->version->state, "draft") == 0 ||
         strcmp(target->version->state, "submitted") == 0)) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, NULL,
                               "version %lld of this plan is still open; finish it first",
                               (long long)target->version->version);
    }
    return status;
}

enum ct_status action_plan_start(struct store *store, const struct actor *actor,
                                 const struct plan_start_input *input, struct plan_result *result,
                                 struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    arena_init(&target.arena);
    target.version = NULL;
    struct track_info track;
    bool found = true;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK && input->track_id == 0) {
        status = current_track(store, actor, &track, outcome);
    } else if (status == CT_OK) {
        status = store_learning_track_get(store, input->track_id, &track, &found, &outcome->err);
    }
    if (status == CT_OK && !found) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "track", "No track has the id %lld.",
                               (long long)input->track_id);
    }
    if (status == CT_OK && actor->person_id != 0 && track.person_id != actor->person_id) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "track", "This is not your track.");
    }
    if (status == CT_OK) {
        status = check_none_open(store, track.id, &target, outcome);
    }
    if (status == CT_OK) {
        struct plan_version_new text = {"", ""};
        status = store_plan_version_create(store, actor->person_id, track.id, &text,
                                           &result->version_id, &outcome->err);
        status = from_store(outcome, status, NULL);
        result->id = result->version_id;
    }
    if (status == CT_OK) {
        status = store_plan_version_carry_over(store, actor->person_id, result->version_id,
                                               &outcome->err);
        status = from_store(outcome, status, NULL);
    }
    return end(store, status, &target, outcome);
}

/* ---- editing a draft ---- */

enum ct_status action_plan_text(struct store *store, const struct actor *actor,
                                const struct plan_text_input *input, struct plan_result *result,
                                struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK) {
        status = learner_checks(actor, &target, true, outcome);
    }
    if (status == CT_OK) {
        result->version_id = result->id = target.version->id;
        struct plan_version_new text = {input->skill_gaps, input->learning_options};
        status = store_plan_version_update(store, actor->person_id, target.version->id, &text,
                                           &outcome->err);
        status = from_store(outcome, status, NULL);
    }
    return end(store, status, &target, outcome);
}

/* Whether the library goal is one of the learner's library's. */
static enum ct_status check_library_goal(struct store *store,
                                         const struct learning_version *version,
                                         int64_t library_goal_id, struct arena *arena,
                                         struct action_outcome *outcome)
{
    struct learning_library_goal *goals = NULL;
    size_t count = 0;
    enum ct_status status = store_learning_library_goals(store, version->library_id, arena, &goals,
                                                         &count, &outcome->err);
    bool known = false;
    for (size_t i = 0; i < count; i++) {
        known = known || goals[i].id == library_goal_id;
    }
    if (status == CT_OK && !known) {
        action_fault(outcome, "library_goal", "choose a goal of your own library's strategic plan");
    }
    return status;
}

enum ct_status action_plan_goal_add(struct store *store, const struct actor *actor,
                                    const struct plan_goal_input *input, struct plan_result *result,
                                    struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK && !given(input->goal)) {
        action_fault(outcome, "goal",
                     "Write your goal before adding it: what you will be able to do.");
    }
    if (status == CT_OK) {
        status = check_library_goal(store, target.version, input->library_goal_id, &target.arena,
                                    outcome);
    }
    if (status == CT_OK) {
        status = learner_checks(actor, &target, true, outcome);
    }
    if (status == CT_OK) {
        result->version_id = target.version->id;
        status =
            store_plan_goal_add(store, actor->person_id, target.version->id, input->library_goal_id,
                                input->goal, input->outcomes, &result->id, &outcome->err);
        status = from_store(outcome, status, "library_goal");
    }
    return end(store, status, &target, outcome);
}

/* The planned hours typed, in minutes (0 when not given); false when not a positive
 * number of hours. */
static bool read_hours(const char *text, int64_t *minutes)
{
    *minutes = 0;
    if (!given(text)) {
        return true;
    }
    char *end = NULL;
    double value = strtod(text, &end);
    return *end == '\0' && credit_minutes_from_hours(value, minutes) == CREDIT_PARSE_OK;
}

/* Notes a fault of the field prefix + name. */
static void fault_at(struct action_outcome *outcome, const char *prefix, const char *name,
                     const char *message)
{
    char field[64];
    snprintf(field, sizeof field, "%s%s", prefix, name);
    action_fault(outcome, field, "%s", message);
}

/* Checks an item (its fields named prefix + "key" ...): *minutes its planned hours. A
 * goal listed in gone (count of them) is one being removed. */
static void check_item(const struct plan_item_input *input, const struct learning_plan *plan,
                       const char *prefix, int64_t *minutes, struct action_outcome *outcome)
{
    if (!given(input->key)) {
        fault_at(outcome, prefix, "key",
                 "Give the planned activity a short name, such as sd-reading.");
    }
    if (!given(input->description)) {
        fault_at(outcome, prefix, "description", "Say what the planned activity is.");
    }
    const char *kind = input->kind;
    bool self_directed = kind != NULL && strcmp(kind, "self-directed") == 0;
    if (kind == NULL || (strcmp(kind, "training") != 0 && !self_directed)) {
        fault_at(outcome, prefix, "kind", "Choose training or self-directed learning.");
    }
    if (!read_hours(input->hours, minutes)) {
        fault_at(outcome, prefix, "hours",
                 "Enter the planned hours as a positive number, like 1.5.");
    } else if (self_directed && *minutes == 0) {
        fault_at(outcome, prefix, "hours",
                 "Say how many hours of self-directed learning you plan: 3 hours earn 1 credit.");
    }
    bool goal_known = input->plan_goal_id <= 0;
    for (size_t i = 0; i < plan->goal_count; i++) {
        goal_known = goal_known || plan->goals[i].id == input->plan_goal_id;
    }
    if (!goal_known) {
        fault_at(outcome, prefix, "plan_goal", "choose one of this version's goals");
    }
}

static enum ct_status check_key_free(const struct plan_item_input *input,
                                     const struct learning_plan *plan,
                                     struct action_outcome *outcome)
{
    for (size_t i = 0; i < plan->item_count; i++) {
        if (strcmp(plan->items[i].key, input->key) == 0) {
            return action_refuse(outcome, ACTION_WRONG_STATE, NULL,
                                 "This version plans an item named %.100s already: give the new"
                                 " one another short name.",
                                 input->key);
        }
    }
    return CT_OK;
}

/* The item as the store writes it. */
static struct plan_item_new item_new(const struct plan_item_input *input, int64_t minutes)
{
    return (struct plan_item_new){input->key, input->kind, input->description, input->plan_goal_id,
                                  minutes};
}

enum ct_status action_plan_item_add(struct store *store, const struct actor *actor,
                                    const struct plan_item_input *input, struct plan_result *result,
                                    struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    int64_t minutes = 0;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK) {
        check_item(input, &target.plan, "", &minutes, outcome);
        status = learner_checks(actor, &target, true, outcome);
    }
    if (status == CT_OK) {
        status = check_key_free(input, &target.plan, outcome);
    }
    if (status == CT_OK) {
        result->version_id = target.version->id;
        struct plan_item_new item = item_new(input, minutes);
        status = store_plan_item_create(store, actor->person_id, target.version->id, &item,
                                        &result->id, &outcome->err);
        status = from_store(outcome, status, "plan_goal");
    }
    return end(store, status, &target, outcome);
}

/* ---- saving the whole draft ---- */

static const struct learning_goal *goal_of(const struct learning_plan *plan, int64_t id)
{
    for (size_t i = 0; i < plan->goal_count; i++) {
        if (plan->goals[i].id == id) {
            return &plan->goals[i];
        }
    }
    return NULL;
}

static bool item_listed(const struct plan_draft_input *input, int64_t item_id)
{
    for (size_t i = 0; i < input->item_count; i++) {
        if (input->items[i].id == item_id) {
            return true;
        }
    }
    return false;
}

static bool goal_removed(const struct plan_draft_input *input, int64_t goal_id)
{
    for (size_t i = 0; i < input->goal_count; i++) {
        if (input->goals[i].remove && input->goals[i].id == goal_id) {
            return true;
        }
    }
    return false;
}

/* The goals of the learner's library a goal may newly serve. */
struct library_choices {
    struct learning_library_goal *goals;
    size_t count;
};

static bool serves_known(const struct library_choices *library, int64_t library_goal_id)
{
    for (size_t i = 0; i < library->count; i++) {
        if (library->goals[i].id == library_goal_id) {
            return true;
        }
    }
    return false;
}

static void check_goal_edits(const struct plan_draft_input *input, const struct learning_plan *plan,
                             const struct library_choices *library, struct action_outcome *outcome)
{
    for (size_t i = 0; i < input->goal_count; i++) {
        const struct plan_goal_edit *edit = &input->goals[i];
        char prefix[32];
        snprintf(prefix, sizeof prefix, "goals[%zu].", i + 1);
        const struct learning_goal *goal = goal_of(plan, edit->id);
        if (goal == NULL) {
            fault_at(outcome, prefix, "id", "This goal is not one of this version's.");
            continue;
        }
        if (edit->remove) {
            continue;
        }
        if (!given(edit->goal)) {
            fault_at(outcome, prefix, "goal", "Write the goal: what you will be able to do.");
        }
        if (edit->library_goal_id != goal->library_goal_id &&
            !serves_known(library, edit->library_goal_id)) {
            fault_at(outcome, prefix, "library_goal",
                     "choose a goal of your own library's strategic plan");
        }
    }
}

/* Whether key is taken by an item the draft keeps as it is, or by an edit before
 * the one at before (count of edits looked at). */
static bool key_taken(const struct plan_draft_input *input, const struct learning_plan *plan,
                      const char *key, size_t before)
{
    for (size_t i = 0; i < plan->item_count; i++) {
        if (!item_listed(input, plan->items[i].id) && strcmp(plan->items[i].key, key) == 0) {
            return true;
        }
    }
    for (size_t i = 0; i < before && i < input->item_count; i++) {
        const struct plan_item_edit *edit = &input->items[i];
        if (!edit->remove && given(edit->item.key) && strcmp(edit->item.key, key) == 0) {
            return true;
        }
    }
    return false;
}

static const char key_taken_message[] =
    "Another planned activity has this short name: give this one another.";

/* Checks each item edit; minutes[i] gets edit i's planned hours. */
static void check_item_edits(const struct plan_draft_input *input, const struct learning_plan *plan,
                             int64_t *minutes, struct action_outcome *outcome)
{
    for (size_t i = 0; i < input->item_count; i++) {
        const struct plan_item_edit *edit = &input->items[i];
        char prefix[32];
        snprintf(prefix, sizeof prefix, "items[%zu].", i + 1);
        bool mine = false;
        for (size_t k = 0; k < plan->item_count; k++) {
            mine = mine || plan->items[k].id == edit->id;
        }
        if (!mine) {
            fault_at(outcome, prefix, "id", "This item is not one of this version's.");
        } else if (!edit->remove) {
            check_item(&edit->item, plan, prefix, &minutes[i], outcome);
            if (given(edit->item.key) && key_taken(input, plan, edit->item.key, i)) {
                fault_at(outcome, prefix, "key", key_taken_message);
            }
        }
    }
}

/* Checks the goal and the item to add. */
static void check_new(const struct plan_draft_input *input, const struct learning_plan *plan,
                      const struct library_choices *library, int64_t *minutes,
                      struct action_outcome *outcome)
{
    const struct plan_goal_input *goal = input->new_goal;
    if (goal != NULL && !given(goal->goal)) {
        action_fault(outcome, "new_goal.goal",
                     "Write your goal before adding it: what you will be able to do.");
    }
    if (goal != NULL && !serves_known(library, goal->library_goal_id)) {
        action_fault(outcome, "new_goal.library_goal",
                     "choose a goal of your own library's strategic plan");
    }
    const struct plan_item_input *item = input->new_item;
    if (item == NULL) {
        return;
    }
    check_item(item, plan, "new_item.", minutes, outcome);
    if (given(item->key) && key_taken(input, plan, item->key, input->item_count)) {
        action_fault(outcome, "new_item.key", "%s", key_taken_message);
    }
    if (item->plan_goal_id > 0 && goal_removed(input, item->plan_goal_id)) {
        action_fault(outcome, "new_item.plan_goal", "This goal is being removed: choose another.");
    }
}

/* Rewrites or removes each goal and item the draft lists, and saves its texts. */
static enum ct_status save_rows(struct store *store, const struct actor *actor, int64_t version,
                                const struct plan_draft_input *input, const int64_t *minutes,
                                struct ct_err *err)
{
    struct plan_version_new text = {input->skill_gaps, input->learning_options};
    enum ct_status status = store_plan_version_update(store, actor->person_id, version, &text, err);
    for (size_t i = 0; status == CT_OK && i < input->item_count; i++) {
        const struct plan_item_edit *edit = &input->items[i];
        struct plan_item_new item = item_new(&edit->item, minutes[i]);
        status =
            edit->remove
                ? store_plan_item_remove(store, actor->person_id, version, edit->id, err)
                : store_plan_item_update(store, actor->person_id, version, edit->id, &item, err);
    }
    for (size_t i = 0; status == CT_OK && i < input->goal_count; i++) {
        const struct plan_goal_edit *edit = &input->goals[i];
        if (!edit->remove) {
            status = store_plan_goal_update(store, actor->person_id, version, edit->id,
                                            edit->library_goal_id, edit->goal, edit->outcomes, err);
        }
    }
    for (size_t i = 0; status == CT_OK && i < input->goal_count; i++) {
        if (input->goals[i].remove) {
            status =
                store_plan_goal_remove(store, actor->person_id, version, input->goals[i].id, err);
        }
    }
    return status;
}

/* Adds the new goal and the new item; result->id the last one added. */
static enum ct_status add_new(struct store *store, const struct actor *actor, int64_t version,
                              const struct plan_draft_input *input, int64_t minutes,
                              struct plan_result *result, struct ct_err *err)
{
    enum ct_status status = CT_OK;
    const struct plan_goal_input *goal = input->new_goal;
    if (goal != NULL) {
        status = store_plan_goal_add(store, actor->person_id, version, goal->library_goal_id,
                                     goal->goal, goal->outcomes, &result->id, err);
    }
    if (status == CT_OK && input->new_item != NULL) {
        struct plan_item_new item = item_new(input->new_item, minutes);
        status = store_plan_item_create(store, actor->person_id, version, &item, &result->id, err);
    }
    return status;
}

/* Every check of the draft's fields, noted at once. */
static enum ct_status check_draft_input(struct store *store, const struct plan_draft_input *input,
                                        struct plan_target *target, int64_t *minutes,
                                        int64_t *new_minutes, struct action_outcome *outcome)
{
    struct library_choices library = {NULL, 0};
    enum ct_status status =
        store_learning_library_goals(store, target->version->library_id, &target->arena,
                                     &library.goals, &library.count, &outcome->err);
    if (status == CT_OK) {
        check_goal_edits(input, &target->plan, &library, outcome);
        check_item_edits(input, &target->plan, minutes, outcome);
        check_new(input, &target->plan, &library, new_minutes, outcome);
    }
    return status;
}

enum ct_status action_plan_draft_save(struct store *store, const struct actor *actor,
                                      const struct plan_draft_input *input,
                                      struct plan_result *result, struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    if (input->item_count > ACTION_FAULTS_MAX * 4 || input->goal_count > ACTION_FAULTS_MAX * 4) {
        action_fault(outcome, "items", "A plan version keeps at most %d goals and %d items.",
                     ACTION_FAULTS_MAX * 4, ACTION_FAULTS_MAX * 4);
        return action_checked(outcome);
    }
    int64_t minutes[ACTION_FAULTS_MAX * 4] = {0};
    int64_t new_minutes = 0;
    struct plan_target target;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK) {
        status = check_draft_input(store, input, &target, minutes, &new_minutes, outcome);
    }
    if (status == CT_OK) {
        status = learner_checks(actor, &target, true, outcome);
    }
    if (status == CT_OK) {
        result->version_id = result->id = target.version->id;
        status = save_rows(store, actor, target.version->id, input, minutes, &outcome->err);
        if (status == CT_OK) {
            status = add_new(store, actor, target.version->id, input, new_minutes, result,
                             &outcome->err);
        }
        status = from_store(outcome, status, NULL);
    }
    return end(store, status, &target, outcome);
}

/* ---- submitting and signing ---- */

/* Refuses (wrong state) a transition the version's state does not allow, with the
 * workflow's words. */
static enum ct_status check_transition(const struct learning_version *version, const char *action,
                                       struct action_outcome *outcome)
{
    const char *to = NULL;
    struct ct_err refusal = {0};
    if (workflow_next(WORKFLOW_PLAN_VERSION, version->state, action, &to, &refusal) == CT_OK) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_WRONG_STATE, NULL, "%s", refusal.message);
}

enum ct_status action_plan_submit(struct store *store, const struct actor *actor,
                                  const struct plan_version_input *input,
                                  struct plan_result *result, struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK) {
        status = learner_checks(actor, &target, false, outcome);
    }
    if (status == CT_OK) {
        status = check_transition(target.version, "submit", outcome);
    }
    /* A plan is tethered to the library's strategic plan: no goal, nothing to sign. */
    if (status == CT_OK && target.plan.goal_count == 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "goal",
                               "Add at least one goal, serving a goal of your library's strategic"
                               " plan, before you submit the plan.");
    }
    if (status == CT_OK) {
        result->version_id = result->id = target.version->id;
        status = store_plan_version_submit(store, actor->person_id, target.version->id,
                                           actor->today, &outcome->err);
        status = from_store(outcome, status, NULL);
    }
    if (status == CT_OK) {
        status = notices_plan_submitted(store, actor, target.version, &outcome->err);
    }
    return end(store, status, &target, outcome);
}

/* The version a supervisor acts on for the library: read, and theirs to sign (the same
 * refusal whether it exists or not). */
static enum ct_status library_version(struct store *store, const struct actor *actor,
                                      int64_t version_id, struct plan_target *target,
                                      struct action_outcome *outcome)
{
    enum ct_status status = read_version(store, version_id, target, outcome);
    if (status == CT_OK &&
        (target->version == NULL ||
         (actor->person_id != 0 && target->version->verifier_id != actor->person_id))) {
        status =
            action_refuse(outcome, ACTION_NOT_ALLOWED, NULL, "You do not sign this person's plan.");
    }
    return status;
}

/* Whether the version is approved now. */
static enum ct_status read_approved(struct store *store, int64_t version_id,
                                    struct plan_result *result, struct action_outcome *outcome)
{
    struct plan_target after;
    arena_init(&after.arena);
    enum ct_status status = read_version(store, version_id, &after, outcome);
    result->approved =
        status == CT_OK && after.version != NULL && strcmp(after.version->state, "approved") == 0;
    arena_release(&after.arena);
    return status;
}

enum ct_status action_plan_sign(struct store *store, const struct actor *actor,
                                const struct plan_sign_input *input, struct plan_result *result,
                                struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    arena_init(&target.arena);
    target.version = NULL;
    bool learner = input->signer == PLAN_SIGNER_LEARNER;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK && learner) {
        status = learner_version(store, actor, input->version_id, &target, outcome);
    } else if (status == CT_OK) {
        status = library_version(store, actor, input->version_id, &target, outcome);
    }
    if (status == CT_OK && learner) {
        status = check_learner(actor, target.version, outcome);
    }
    if (status == CT_OK && strcmp(target.version->state, "submitted") != 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, NULL,
                               "a plan version that is %s cannot be signed (submit it first)",
                               target.version->state);
    }
    if (status == CT_OK) {
        result->version_id = result->id = target.version->id;
        status = store_plan_version_sign(store, actor->person_id, target.version->id, input->signer,
                                         actor->today, &outcome->err);
        status = from_store(outcome, status, NULL);
    }
    if (status == CT_OK) {
        status = read_approved(store, target.version->id, result, outcome);
    }
    if (status == CT_OK && !learner) {
        status = notices_plan_signed(store, actor, target.version, result->approved, &outcome->err);
    }
    return end(store, status, &target, outcome);
}

enum ct_status action_plan_return(struct store *store, const struct actor *actor,
                                  const struct plan_return_input *input, struct plan_result *result,
                                  struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    if (!given(input->comment)) {
        action_fault(outcome, "comment", "Say what to change: the learner sees your comment.");
        return action_checked(outcome);
    }
    struct plan_target target;
    arena_init(&target.arena);
    target.version = NULL;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = library_version(store, actor, input->version_id, &target, outcome);
    }
    if (status == CT_OK) {
        status = check_transition(target.version, "return", outcome);
    }
    if (status == CT_OK) {
        result->version_id = result->id = target.version->id;
        status = store_plan_version_return(store, actor->person_id, target.version->id,
                                           input->comment, &outcome->err);
        status = from_store(outcome, status, "comment");
    }
    if (status == CT_OK) {
        status = notices_plan_returned(store, actor, target.version, input->comment, &outcome->err);
    }
    return end(store, status, &target, outcome);
}
