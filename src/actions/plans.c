#include "plans.h"

#include <string.h>

#include "../core/workflow.h"
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

static void check_item(const struct plan_item_input *input, const struct learning_plan *plan,
                       struct action_outcome *outcome)
{
    if (!given(input->key)) {
        action_fault(outcome, "key", "Give the planned activity a short name, such as sd-reading.");
    }
    if (!given(input->description)) {
        action_fault(outcome, "description", "Say what the planned activity is.");
    }
    const char *kind = input->kind;
    if (kind == NULL || (strcmp(kind, "training") != 0 && strcmp(kind, "self-directed") != 0)) {
        action_fault(outcome, "kind", "Choose training or self-directed learning.");
    }
    bool goal_known = input->plan_goal_id <= 0;
    for (size_t i = 0; i < plan->goal_count; i++) {
        goal_known = goal_known || plan->goals[i].id == input->plan_goal_id;
    }
    if (!goal_known) {
        action_fault(outcome, "plan_goal", "choose one of this version's goals");
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

enum ct_status action_plan_item_add(struct store *store, const struct actor *actor,
                                    const struct plan_item_input *input, struct plan_result *result,
                                    struct action_outcome *outcome)
{
    *result = (struct plan_result){0, 0, false};
    struct plan_target target;
    enum ct_status status = begin(store, actor, input->version_id, &target, outcome);
    if (status == CT_OK) {
        check_item(input, &target.plan, outcome);
        status = learner_checks(actor, &target, true, outcome);
    }
    if (status == CT_OK) {
        status = check_key_free(input, &target.plan, outcome);
    }
    if (status == CT_OK) {
        result->version_id = target.version->id;
        status = store_plan_item_add(store, actor->person_id, target.version->id, input->key,
                                     input->kind, input->description, input->plan_goal_id,
                                     &result->id, &outcome->err);
        status = from_store(outcome, status, "plan_goal");
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
