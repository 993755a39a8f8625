#include "claims.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../core/workflow.h"
#include "../io/content_type.h"
#include "../store/store_activities.h"
#include "../store/store_claim_versions.h"
#include "../store/store_learning.h"
#include "../store/store_proofs.h"
#include "notices.h"
#include "../core/banned.h"

/* ---- claiming ---- */

/* The claim's fields, as the store names them when it refuses one. */
static const char *const claim_fields[] = {
    "event",           "kind",  "title", "date",      "category", "credits", "semester_credits",
    "quarter_credits", "hours", "topic", "plan_item", "recorded",
};

/* The field of the claim a store refusal names; one the claim has no field for (the
 * record key, the state) is put to the kind. */
static const char *claim_field_of(const char *where)
{
    for (size_t i = 0; i < sizeof claim_fields / sizeof claim_fields[0]; i++) {
        if (strcmp(claim_fields[i], where) == 0) {
            return claim_fields[i];
        }
    }
    return "kind";
}

static const char *given(const char *text)
{
    return text != NULL && text[0] != '\0' ? text : NULL;
}

/* A multiple of 0.5 as typed ("" or NULL: 0). */
static bool read_halves(const char *text, int64_t *halves)
{
    char *end = NULL;
    *halves = 0;
    if (given(text) == NULL) {
        return true;
    }
    double value = strtod(text, &end);
    return *end == '\0' && credit_halves_from_number(value, halves) == CREDIT_PARSE_OK;
}

/* Hours as typed, in minutes ("" or NULL: 0). */
static bool read_minutes(const char *text, int64_t *minutes)
{
    char *end = NULL;
    *minutes = 0;
    if (given(text) == NULL) {
        return true;
    }
    double value = strtod(text, &end);
    return *end == '\0' && credit_minutes_from_hours(value, minutes) == CREDIT_PARSE_OK;
}

static const char *const date_message = "Enter the date as YYYY-MM-DD.";

/* A claim of a catalog event: its kind, title, credits, category and (unless another
 * day is given) last day. */
static void read_event_claim(const struct claim_submit_input *input,
                             const struct learning_event *event, struct activity_new *activity,
                             struct action_outcome *outcome)
{
    const char *date = given(input->date);
    if (date != NULL && !civil_date_parse(date, &activity->date)) {
        activity->date = civil_date_unset();
        action_fault(outcome, "date", "%s", date_message);
    }
    if (date == NULL) {
        activity->date = event->ends;
    }
    if (!activity_kind_from_name(event->kind, &activity->kind) ||
        (date == NULL && !civil_date_is_set(event->ends))) {
        action_fault(outcome, "event", "This catalog event cannot be claimed.");
    }
    activity->title = event->title;
    activity->credit_halves = event->credit_halves;
    activity->category = event->category;
    activity->recorded = civil_date_unset();
}

/* True when the category is one of the program's (of any program's when program is
 * NULL: the store's own rule). */
static bool category_of(const struct program_set *programs, const struct program *program,
                        const char *category)
{
    if (program != NULL) {
        return program_category_index(program, category) >= 0;
    }
    for (size_t i = 0; i < programs->count; i++) {
        if (program_category_index(programs->programs[i], category) >= 0) {
            return true;
        }
    }
    return false;
}

/* The quantities of an independent claim, each a fault of its own when it cannot be
 * read. */
static void read_quantities(const struct claim_submit_input *input, struct activity_new *activity,
                            struct action_outcome *outcome)
{
    const char *typed[] = {input->credits, input->semester_credits, input->quarter_credits};
    static const char *const names[] = {"credits", "semester_credits", "quarter_credits"};
    int64_t *targets[] = {&activity->credit_halves, &activity->semester_halves,
                          &activity->quarter_halves};
    for (size_t i = 0; i < 3; i++) {
        if (!read_halves(typed[i], targets[i])) {
            action_fault(outcome, names[i], "Enter a multiple of 0.5, like 1 or 2.5.");
        }
    }
    if (!read_minutes(input->hours, &activity->minutes)) {
        action_fault(outcome, "hours", "Enter a positive number of hours, like 1.5.");
    }
}

void claim_read_activity(const struct claim_submit_input *input, struct activity_new *activity,
                         struct action_outcome *outcome)
{
    const char *kind = given(input->kind);
    if (kind == NULL || !activity_kind_from_name(kind, &activity->kind)) {
        action_fault(outcome, "kind", "Choose the kind of activity.");
    }
    const char *date = given(input->date);
    if (date == NULL || !civil_date_parse(date, &activity->date)) {
        activity->date = civil_date_unset();
        action_fault(outcome, "date", "%s", date_message);
    }
    const char *recorded = given(input->recorded);
    activity->recorded = civil_date_unset();
    if (recorded != NULL && !civil_date_parse(recorded, &activity->recorded)) {
        action_fault(outcome, "recorded", "%s", date_message);
    }
    read_quantities(input, activity, outcome);
    activity->title = given(input->title);
    activity->category = given(input->category);
    activity->topic = given(input->topic);
    activity->plan_item = given(input->plan_item);
}

/* Notes field as missing (message) unless a fault of it is noted already. */
static void missing(struct action_outcome *outcome, const char *field, const char *message)
{
    if (action_fault_of(outcome, field) == NULL) {
        action_fault(outcome, field, "%s", message);
    }
}

/* What an independent claim of its kind needs (the store's rule, checked here so that
 * every missing field is named at once rather than the first the store meets): the
 * category, and the kind's quantity. Nothing when the kind itself is at fault. */
static void check_needed(const struct activity_new *a, struct action_outcome *outcome)
{
    if (action_fault_of(outcome, "kind") != NULL) {
        return;
    }
    if (a->category == NULL && a->kind != ACTIVITY_KIND_SELF_DIRECTED) {
        missing(outcome, "category", "Choose the category.");
    }
    if (a->kind == ACTIVITY_KIND_PRESENTING && a->topic == NULL) {
        missing(outcome, "topic", "Say what topic you presented.");
    }
    switch (a->kind) {
    case ACTIVITY_KIND_COLLEGE:
        if ((a->semester_halves > 0) == (a->quarter_halves > 0)) {
            missing(outcome, "semester_credits",
                    "Enter semester or quarter credits (one of them).");
        }
        return;
    case ACTIVITY_KIND_PRESENTING:
    case ACTIVITY_KIND_SELF_DIRECTED:
        if (a->minutes <= 0) {
            missing(outcome, "hours", "Enter a positive number of hours, like 1.5.");
        }
        return;
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        if (!civil_date_is_set(a->recorded)) {
            missing(outcome, "recorded", "Enter the day the webinar was recorded, as YYYY-MM-DD.");
        }
        break;
    default:
        break;
    }
    if (a->credit_halves <= 0) {
        missing(outcome, "credits", "Enter the credits the sponsor gave, like 1 or 2.5.");
    }
}

/* The learner's program (NULL when they have no track, or its program is not loaded). */
static enum ct_status learner_program(struct store *store, int64_t person_id,
                                      const struct program **program, struct ct_err *err)
{
    struct track_info track;
    bool found = false;
    *program = NULL;
    enum ct_status status = store_track_find_current(store, person_id, &track, &found, err);
    if (status == CT_OK && found) {
        *program = program_set_find(store->programs, track.program);
    }
    return status;
}

/* Reads the claim into activity, noting every field that is wrong. The event named, when
 * one is, is read into event (its texts in arena). */
static enum ct_status read_claim(struct store *store, const struct actor *actor,
                                 const struct claim_submit_input *input, struct arena *arena,
                                 struct learning_event *event, struct activity_new *activity,
                                 struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = CT_OK;
    if (input->event_id > 0) {
        status = store_learning_event(store, input->event_id, arena, event, &found, &outcome->err);
    }
    const struct program *program = NULL;
    if (status == CT_OK && input->event_id == 0) {
        status = learner_program(store, actor->person_id, &program, &outcome->err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (input->event_id != 0 && !found) {
        action_fault(outcome, "event", "Choose an event from the list.");
        return CT_OK;
    }
    if (found) {
        activity->event_id = event->id;
        read_event_claim(input, event, activity, outcome);
    } else {
        claim_read_activity(input, activity, outcome);
        check_needed(activity, outcome);
    }
    if (civil_date_is_set(activity->date) && civil_date_compare(activity->date, actor->today) > 0) {
        action_fault(outcome, "date", "Claim an activity once it has happened.");
    }
    if (!found && activity->category != NULL &&
        !category_of(store->programs, program, activity->category)) {
        action_fault(outcome, "category", "unknown category \"%.64s\"", activity->category);
    }
    return CT_OK;
}

/* ---- proof and correction ---- */

/* The types a proof may be, as libmagic reads them from its content. */
static const char *const proof_types[] = {"application/pdf", "image/png", "image/jpeg"};

static bool proof_type_allowed(const char *type)
{
    for (size_t i = 0; i < sizeof proof_types / sizeof proof_types[0]; i++) {
        if (strcmp(type, proof_types[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Checks the proof sent, if any: its size, then its type read from its content (into
 * type); each a fault at "file". */
static enum ct_status check_proof(const struct claim_proof *proof, char type[CONTENT_TYPE_SIZE],
                                  struct action_outcome *outcome)
{
    type[0] = '\0';
    if (!proof->given) {
        return CT_OK;
    }
    if (proof->too_large || proof->size > CLAIM_PROOF_LIMIT || proof->bytes == NULL) {
        action_fault(outcome, "file",
                     "The proof file is larger than 10 MiB: send a smaller PDF or image.");
        return CT_OK;
    }
    if (proof->size == 0) {
        action_fault(outcome, "file", "The proof file is empty: choose the file again.");
        return CT_OK;
    }
    enum ct_status status = content_type_of(proof->bytes, proof->size, type, &outcome->err);
    if (status == CT_OK && !proof_type_allowed(type)) {
        action_fault(outcome, "file",
                     "The proof file is not a PDF, PNG or JPEG image (its content is %.60s):"
                     " send the certificate or transcript as a PDF or an image.",
                     type);
    }
    return status;
}

/* Before a correction is recorded: the claim it replaces must be the learner's own and
 * rejected, not corrected yet; it is marked replaced. */
static enum ct_status replace_claim(struct store *store, const struct actor *actor, int64_t old_id,
                                    struct action_outcome *outcome)
{
    struct arena arena;
    arena_init(&arena);
    struct learning_activity claim;
    bool found = false;
    enum ct_status status =
        store_learning_activity(store, old_id, &arena, &claim, &found, &outcome->err);
    if (status == CT_OK &&
        (!found || actor->person_id == 0 || claim.person_id != actor->person_id)) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "replaces", "You have no such claim.");
    }
    if (status == CT_OK && strcmp(claim.status, "rejected") != 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "replaces",
                               "This claim is %s: only a rejected claim is corrected and sent"
                               " again.",
                               claim.status);
    }
    arena_release(&arena);
    if (status == CT_OK) {
        status = store_claim_mark_replaced(store, actor->person_id, old_id, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    return status;
}

/* After the claim is recorded: its proof kept with it, and the claim it corrects linked. */
static enum ct_status keep_with_claim(struct store *store, const struct actor *actor,
                                      const struct claim_submit_input *input,
                                      struct claim_submit_result *result,
                                      struct action_outcome *outcome)
{
    enum ct_status status = CT_OK;
    if (input->replaces > 0) {
        status = store_claim_link(store, actor->person_id, result->activity_id, input->replaces,
                                  &outcome->err);
    }
    if (status == CT_OK && input->proof.given) {
        struct proof_new proof = {
            .activity_id = result->activity_id,
            .bytes = input->proof.bytes,
            .size = input->proof.size,
            .content_type = result->proof_type,
            .file_name = input->proof.name != NULL ? input->proof.name : "",
            .uploaded_by = actor->person_id,
        };
        char sha256[PROOF_SHA256_HEX_SIZE];
        status = store_proof_add(store, &proof, &result->proof_id, sha256, &outcome->err);
    }
    return action_from_store(outcome, status, ACTION_BAD_INPUT, NULL);
}

/* The claim checked: its fields, its proof, and who claims. */
static enum ct_status check_claim(struct store *store, const struct actor *actor,
                                  const struct claim_submit_input *input, struct arena *arena,
                                  struct learning_event *event, struct activity_new *activity,
                                  struct claim_submit_result *result,
                                  struct action_outcome *outcome)
{
    enum ct_status status = read_claim(store, actor, input, arena, event, activity, outcome);
    if (status == CT_OK) {
        status = check_proof(&input->proof, result->proof_type, outcome);
    }
    if (status == CT_OK) {
        status = action_checked(outcome);
    }
    if (status == CT_OK && (actor->person_id == 0 || !actor_has_role(actor, ROLE_LEARNER))) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "A learner claims an activity, for themself.");
    }
    if (status == CT_OK && input->replaces > 0) {
        status = replace_claim(store, actor, input->replaces, outcome);
    }
    return status;
}

enum ct_status action_claim_submit(struct store *store, const struct actor *actor,
                                   const struct claim_submit_input *input,
                                   struct claim_submit_result *result,
                                   struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    struct arena arena;
    arena_init(&arena);
    struct learning_event event;
    struct activity_new activity = {.person_id = actor->person_id,
                                    .date = civil_date_unset(),
                                    .recorded = civil_date_unset(),
                                    .status = "pending",
                                    .provenance = PROVENANCE_CLAIM};
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = check_claim(store, actor, input, &arena, &event, &activity, result, outcome);
    }
    if (status == CT_OK) {
        status = store_activity_add(store, actor->person_id, &activity, &result->activity_id,
                                    &outcome->err);
        const char *field = status == CT_ERR_INPUT ? claim_field_of(outcome->err.where) : NULL;
        status = action_from_store(outcome, status, ACTION_BAD_INPUT, field);
    }
    if (status == CT_OK) {
        status = keep_with_claim(store, actor, input, result, outcome);
    }
    if (status == CT_OK) {
        char key[32];
        snprintf(key, sizeof key, "a%lld", (long long)result->activity_id);
        status = claim_warning_of(store, actor->person_id, key, actor->today, &result->warning,
                                  &outcome->err);
    }
    if (status == CT_OK && !input->check_only) {
        status = notices_claim_submitted(store, actor, result->activity_id, &outcome->err);
    }
    arena_release(&arena);
    if (status == CT_OK && input->check_only) {
        result->activity_id = 0;
        result->proof_id = 0;
        return action_discard(store);
    }
    return action_end(store, status, outcome);
}

/* ---- withdrawing ---- */

enum ct_status action_claim_withdraw(struct store *store, const struct actor *actor,
                                     const struct claim_withdraw_input *input,
                                     struct action_outcome *outcome)
{
    struct arena arena;
    arena_init(&arena);
    struct learning_activity claim;
    bool found = false;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_learning_activity(store, input->activity_id, &arena, &claim, &found,
                                         &outcome->err);
    }
    if (status == CT_OK &&
        (!found || actor->person_id == 0 || claim.person_id != actor->person_id)) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "activity", "You have no such claim.");
    }
    if (status == CT_OK && strcmp(claim.status, "pending") != 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "activity",
                               "This claim is %s already: only a pending claim is withdrawn.",
                               claim.status);
    }
    char reason[512] = "Withdrawn by the learner.";
    if (given(input->reason) != NULL) {
        snprintf(reason, sizeof reason, "Withdrawn by the learner: %.400s", input->reason);
    }
    if (status == CT_OK) {
        /* A pending claim's only way out but verification is rejection (workflow.h). */
        status = store_activity_act(store, actor->person_id, input->activity_id, "reject", reason,
                                    &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    arena_release(&arena);
    return action_end(store, status, outcome);
}

/* ---- deciding ---- */

static void check_decision(const struct claims_decide_input *input, bool *rejecting,
                           struct action_outcome *outcome)
{
    const char *action = input->action;
    *rejecting = action != NULL && strcmp(action, "reject") == 0;
    if (!*rejecting && (action == NULL || strcmp(action, "verify") != 0)) {
        action_fault(outcome, "action", "Choose Verify selected or Reject selected.");
    }
    if (input->activity_ids.count == 0) {
        action_fault(outcome, "activities", "Select at least one claim first.");
    }
    if (input->activity_ids.count > ACTION_IDS_MAX) {
        action_fault(outcome, "activities", "Select at most %d claims at once.", ACTION_IDS_MAX);
    }
    if (*rejecting && given(input->reason) == NULL) {
        action_fault(outcome, "reason",
                     "Say why the claims are rejected: the learner will see the reason.");
    }
}

/* Reads each claim named into claims[i]; refuses, before anything changes, when the actor
 * does not verify one of them (or it does not exist), then when one is not pending. */
static enum ct_status check_claims(struct store *store, const struct actor *actor,
                                   const struct claims_decide_input *input, struct arena *arena,
                                   struct learning_activity *claims, struct action_outcome *outcome)
{
    enum ct_status status = CT_OK;
    bool allowed = true;
    for (size_t i = 0; i < input->activity_ids.count && status == CT_OK && allowed; i++) {
        bool found = false;
        status = store_learning_activity(store, input->activity_ids.ids[i], arena, &claims[i],
                                         &found, &outcome->err);
        allowed = found && (actor->person_id == 0 || claims[i].verifier_id == actor->person_id);
    }
    if (status == CT_OK && !allowed) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "activities",
                             "You do not verify one of the selected claims.");
    }
    for (size_t i = 0; i < input->activity_ids.count && status == CT_OK; i++) {
        const char *to = NULL;
        struct ct_err refusal = {0};
        if (workflow_next(WORKFLOW_ACTIVITY, claims[i].status, input->action, &to, &refusal) !=
            CT_OK) {
            status = action_refuse(outcome, ACTION_WRONG_STATE, NULL, "%s", refusal.message);
        }
    }
    return status;
}

enum ct_status action_claims_decide(struct store *store, const struct actor *actor,
                                    const struct claims_decide_input *input,
                                    struct claims_decide_result *result,
                                    struct action_outcome *outcome)
{
    result->decided = 0;
    bool rejecting = false;
    check_decision(input, &rejecting, outcome);
    enum ct_status status = action_checked(outcome);
    if (status != CT_OK) {
        return status;
    }
    struct arena arena;
    arena_init(&arena);
    struct learning_activity claims[ACTION_IDS_MAX];
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = check_claims(store, actor, input, &arena, claims, outcome);
    }
    if (status == CT_OK && input->check_only) {
        arena_release(&arena);
        result->decided = (int)input->activity_ids.count;
        return action_discard(store);
    }
    for (size_t i = 0; i < input->activity_ids.count && status == CT_OK; i++) {
        status = store_activity_act(store, actor->person_id, input->activity_ids.ids[i],
                                    input->action, rejecting ? input->reason : NULL, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
        result->decided += status == CT_OK;
    }
    if (status == CT_OK && rejecting) {
        status = notices_claims_rejected(store, actor, claims, input->activity_ids.count,
                                         input->reason, &outcome->err);
    }
    arena_release(&arena);
    status = action_end(store, status, outcome);
    if (status != CT_OK) {
        result->decided = 0;
    }
    return status;
}
