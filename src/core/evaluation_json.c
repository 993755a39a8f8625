#include "evaluation_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static json_t *credit_json(int64_t halves)
{
    if (halves % 2 == 0) {
        return json_integer((json_int_t)(halves / 2));
    }
    return json_real((double)halves / 2.0);
}

static json_t *date_json(struct civil_date date)
{
    if (!civil_date_is_set(date)) {
        return json_null();
    }
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return json_string(text);
}

/* Sets key to value, taking the reference to value; false when either is missing. */
static bool set(json_t *object, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(object, key, value) == 0;
}

static json_t *categories_json(const struct evaluation *evaluation)
{
    const struct program *program = evaluation->program;
    json_t *categories = json_object();
    if (categories == NULL) {
        return NULL;
    }
    for (size_t c = 0; c < program->category_count; c++) {
        json_t *entry = json_object();
        bool ok = entry != NULL &&
                  set(entry, "counted", credit_json(evaluation->category_counted_halves[c])) &&
                  set(entry, "required", credit_json(program->categories[c].minimum_halves));
        if (!ok || !set(categories, program->categories[c].id, entry)) {
            if (!ok) {
                json_decref(entry);
            }
            json_decref(categories);
            return NULL;
        }
    }
    return categories;
}

static json_t *blocking_json(const struct evaluation *evaluation)
{
    json_t *blocking = json_array();
    if (blocking == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        char code[128];
        if (item->code == BLOCKING_CATEGORY_SHORT) {
            snprintf(code, sizeof code, "%s:%s", blocking_code_name(item->code),
                     evaluation->program->categories[item->category].id);
        } else {
            snprintf(code, sizeof code, "%s", blocking_code_name(item->code));
        }
        if (json_array_append_new(blocking, json_string(code)) != 0) {
            json_decref(blocking);
            return NULL;
        }
    }
    return blocking;
}

static json_t *activity_json(const struct activity *activity, const struct activity_result *result)
{
    json_t *entry = json_object();
    if (entry == NULL) {
        return NULL;
    }
    bool ok = set(entry, "id", json_string(activity->id)) &&
              set(entry, "credits", credit_json(result->credit_halves)) &&
              set(entry, "counted", credit_json(result->counted_halves)) &&
              set(entry, "decision", json_string(decision_name(result->decision))) &&
              set(entry, "reason",
                  result->reason == REASON_NONE ? json_null()
                                                : json_string(reason_code(result->reason))) &&
              set(entry, "expires", date_json(result->expires));
    if (!ok) {
        json_decref(entry);
        return NULL;
    }
    return entry;
}

static json_t *activities_json(const struct evaluation *evaluation,
                               const struct learner_record *record)
{
    json_t *activities = json_array();
    if (activities == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        json_t *entry = activity_json(&record->activities[i], &evaluation->activities[i]);
        if (entry == NULL || json_array_append_new(activities, entry) != 0) {
            json_decref(activities);
            return NULL;
        }
    }
    return activities;
}

static json_t *projection_json(const struct evaluation *evaluation)
{
    json_t *projection = json_object();
    if (projection == NULL) {
        return NULL;
    }
    bool has_expiry = civil_date_is_set(evaluation->next_expiry);
    if (!set(projection, "next_expiry", date_json(evaluation->next_expiry)) ||
        !set(projection, "counted_after_next_expiry",
             has_expiry ? credit_json(evaluation->counted_after_next_expiry_halves)
                        : json_null())) {
        json_decref(projection);
        return NULL;
    }
    return projection;
}

json_t *evaluation_to_json(const struct evaluation *evaluation, const struct learner_record *record)
{
    json_t *root = json_object();
    if (root == NULL) {
        return NULL;
    }
    bool ok = set(root, "program", json_string(evaluation->program->id)) &&
              set(root, "as_of", date_json(evaluation->as_of)) &&
              set(root, "status", json_string(track_status_name(evaluation->status))) &&
              set(root, "counted_credits", credit_json(evaluation->counted_halves)) &&
              set(root, "required_credits", credit_json(evaluation->required_halves)) &&
              set(root, "remaining_credits", credit_json(evaluation->remaining_halves)) &&
              set(root, "pending_credits", credit_json(evaluation->pending_halves)) &&
              set(root, "self_directed_credits", credit_json(evaluation->self_directed_halves)) &&
              set(root, "categories", categories_json(evaluation)) &&
              set(root, "blocking", blocking_json(evaluation)) &&
              set(root, "deadline", date_json(evaluation->deadline)) &&
              set(root, "activities", activities_json(evaluation, record)) &&
              set(root, "projection", projection_json(evaluation));
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

char *evaluation_to_json_text(const struct evaluation *evaluation,
                              const struct learner_record *record)
{
    json_t *root = evaluation_to_json(evaluation, record);
    if (root == NULL) {
        return NULL;
    }
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(root);
    if (text == NULL) {
        return NULL;
    }
    size_t length = strlen(text);
    char *with_newline = realloc(text, length + 2);
    if (with_newline == NULL) {
        free(text);
        return NULL;
    }
    with_newline[length] = '\n';
    with_newline[length + 1] = '\0';
    return with_newline;
}
