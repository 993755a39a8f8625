#include "activity_correct.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../store/store_learning.h"
#include "../store/store_tracks.h"
#include "notices.h"
#include "../core/banned.h"

static const char *given(const char *text)
{
    return text != NULL && text[0] != '\0' ? text : NULL;
}

/* The correction's values as typed, into correction; each one that cannot be read is a
 * fault of its own. */
static void read_input(const struct actor *actor, const struct activity_correct_input *input,
                       struct activity_correction *correction, struct action_outcome *outcome)
{
    *correction = (struct activity_correction){.activity_id = input->activity_id,
                                               .date = civil_date_unset(),
                                               .category = given(input->category),
                                               .reason = given(input->reason)};
    const char *kind = given(input->kind);
    if (kind == NULL || !activity_kind_from_name(kind, &correction->kind) ||
        !activity_kind_has_credit_value(correction->kind)) {
        action_fault(outcome, "kind",
                     "Choose the kind: course, workshop, conference session or webinar.");
    }
    const char *date = given(input->date);
    if (date == NULL || !civil_date_parse(date, &correction->date)) {
        correction->date = civil_date_unset();
        action_fault(outcome, "date", "Enter the date as YYYY-MM-DD.");
    } else if (civil_date_compare(correction->date, actor->today) > 0) {
        action_fault(outcome, "date", "The date cannot be after today.");
    }
    char *end = NULL;
    double credits = given(input->credits) != NULL ? strtod(input->credits, &end) : 0;
    if (end == NULL || *end != '\0' ||
        credit_halves_from_number(credits, &correction->credit_halves) != CREDIT_PARSE_OK) {
        action_fault(outcome, "credits", "Enter a positive multiple of 0.5, up to %d.",
                     CREDIT_INPUT_MAX);
    }
    if (correction->category == NULL) {
        action_fault(outcome, "category", "Choose the category.");
    }
    if (correction->reason == NULL) {
        action_fault(outcome, "reason", "Say why the activity is corrected.");
    } else if (strlen(correction->reason) > ACTIVITY_CORRECT_REASON_MAX) {
        action_fault(outcome, "reason", "Say why in at most %d characters.",
                     ACTIVITY_CORRECT_REASON_MAX);
    }
}

static void values_of(const struct learning_activity *a, struct activity_correct_values *out)
{
    store_text_copy(out->kind, sizeof out->kind, a->kind);
    store_text_copy(out->date, sizeof out->date, a->date);
    out->credit_halves = a->credit_halves;
    store_text_copy(out->category, sizeof out->category, a->category);
}

static void values_after(const struct activity_correction *c, struct activity_correct_values *out)
{
    char date[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(c->date)) {
        civil_date_format(c->date, date);
    }
    store_text_copy(out->kind, sizeof out->kind, activity_kind_name(c->kind));
    store_text_copy(out->date, sizeof out->date, date);
    out->credit_halves = c->credit_halves;
    store_text_copy(out->category, sizeof out->category, c->category);
}

static bool same_values(const struct activity_correct_values *a,
                        const struct activity_correct_values *b)
{
    return strcmp(a->kind, b->kind) == 0 && strcmp(a->date, b->date) == 0 &&
           a->credit_halves == b->credit_halves && strcmp(a->category, b->category) == 0;
}

/* The category must be one of the learner's current program (of some program when they
 * have no track: the store's own rule). */
static enum ct_status check_category(struct store *store, int64_t person_id, const char *category,
                                     struct action_outcome *outcome)
{
    struct track_info track;
    bool found = false;
    enum ct_status status =
        store_track_find_current(store, person_id, &track, &found, &outcome->err);
    const struct program *program =
        status == CT_OK && found ? program_set_find(store->programs, track.program) : NULL;
    if (status == CT_OK && category != NULL && program != NULL &&
        program_category_index(program, category) < 0) {
        action_fault(outcome, "category", "\"%.64s\" is not a category of the learner's program.",
                     category);
    }
    return status;
}

/* The field of the correction a store refusal names; NULL for a refusal of the state. */
static const char *field_of(const char *where)
{
    static const char *const fields[] = {"kind", "date", "credits", "category", "reason"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i], where) == 0) {
            return fields[i];
        }
    }
    if (strcmp(where, "title") == 0) {
        return "date"; /* a second activity of the same kind, title and date */
    }
    return strcmp(where, "recorded") == 0 ? "kind" : NULL;
}

static enum ct_status correct(struct store *store, const struct actor *actor,
                              const struct activity_correction *correction,
                              struct activity_correct_result *result,
                              struct action_outcome *outcome)
{
    enum ct_status status = store_activity_correct(store, actor->person_id, correction,
                                                   &result->correction_id, &outcome->err);
    if (status != CT_ERR_INPUT) {
        return status;
    }
    const char *field = field_of(outcome->err.where);
    bool missing = strcmp(outcome->err.where, "activity") == 0;
    return action_from_store(outcome, status, missing ? ACTION_NOT_FOUND : ACTION_WRONG_STATE,
                             field);
}

/* Reads the activity and checks what the record says of the correction. */
static enum ct_status check_record(struct store *store, const struct activity_correction *c,
                                   struct arena *arena, struct learning_activity *activity,
                                   struct activity_correct_result *result,
                                   struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        store_learning_activity(store, c->activity_id, arena, activity, &found, &outcome->err);
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "activity", "There is no such activity.");
    }
    if (status == CT_OK) {
        result->person_id = activity->person_id;
        store_text_copy(result->title, sizeof result->title, activity->title);
        values_of(activity, &result->before);
        values_after(c, &result->after);
        status = check_category(store, activity->person_id, c->category, outcome);
    }
    if (status == CT_OK && outcome->fault_count == 0 &&
        same_values(&result->before, &result->after)) {
        action_fault(outcome, "activity",
                     "Nothing would change: give at least one value the activity should have.");
    }
    return status == CT_OK ? action_checked(outcome) : status;
}

enum ct_status action_activity_correct(struct store *store, const struct actor *actor,
                                       const struct activity_correct_input *input,
                                       struct activity_correct_result *result,
                                       struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    if (!actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                             "Only the CE coordinator corrects a verified activity.");
    }
    struct activity_correction correction;
    read_input(actor, input, &correction, outcome);
    struct arena arena;
    arena_init(&arena);
    struct learning_activity activity;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = check_record(store, &correction, &arena, &activity, result, outcome);
    }
    if (status == CT_OK) {
        status = correct(store, actor, &correction, result, outcome);
    }
    if (status == CT_OK && !input->check_only) {
        status = notices_activity_corrected(store, actor, &activity, &correction, &outcome->err);
    }
    arena_release(&arena);
    if (status == CT_OK && input->check_only) {
        result->correction_id = 0;
        return action_discard(store);
    }
    return action_end(store, status, outcome);
}
