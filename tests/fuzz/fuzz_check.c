#undef NDEBUG
#include <assert.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "core/buf.h"
#include "core/engine.h"
#include "core/evaluation_json.h"
#include "core/evaluation_text.h"
#include "core/banned.h"

/* How many activities' expiry days are re-evaluated to check the projection. */
enum { PROJECTION_DAYS_CHECKED = 16 };

/* The most text output one evaluation may render. */
#define TEXT_LIMIT ((size_t)1 << 30)

/* A new evaluation of record (borrowed); the caller frees it. */
static struct evaluation *evaluate(const struct learner_record *record)
{
    struct evaluation *evaluation = NULL;
    enum ct_status status = engine_evaluate(record, &evaluation);
    /* The engine fails only when memory runs out, and libFuzzer's malloc limit stops
     * the run before an allocation could fail. */
    assert(status == CT_OK);
    assert(evaluation != NULL);
    return evaluation;
}

/* ---- one activity ---- */

static void check_decision(const struct activity_result *result)
{
    switch (result->decision) {
    case DECISION_COUNTED:
        assert(result->reason == REASON_NONE);
        assert(result->counted_halves == result->credit_halves);
        break;
    case DECISION_PARTIAL:
        assert(result->reason == REASON_SELF_DIRECTED_CAP);
        assert(result->counted_halves > 0);
        assert(result->counted_halves < result->credit_halves);
        break;
    case DECISION_EXCLUDED:
        assert(result->reason != REASON_NONE);
        assert(result->counted_halves == 0);
        break;
    case DECISION_PENDING:
        assert(result->reason == REASON_NOT_VERIFIED);
        assert(result->counted_halves == 0);
        break;
    default:
        assert(!"unknown decision");
    }
}

static void check_activity(const struct activity *activity, const struct activity_result *result)
{
    assert(result->counted_halves >= 0);
    assert(result->counted_halves <= result->credit_halves);
    assert(civil_date_compare(result->expires, activity->date) > 0);
    check_decision(result);
    if (result->decision == DECISION_COUNTED || result->decision == DECISION_PARTIAL) {
        assert(activity->status == ACTIVITY_STATUS_VERIFIED);
        assert(result->counted_halves > 0);
    }
}

/* ---- totals ---- */

struct sums {
    int64_t counted;
    int64_t pending;
    int64_t self_directed;
};

static struct sums sum_activities(const struct learner_record *record,
                                  const struct evaluation *evaluation)
{
    struct sums sums = {0, 0, 0};
    for (size_t i = 0; i < record->activity_count; i++) {
        const struct activity *activity = &record->activities[i];
        const struct activity_result *result = &evaluation->activities[i];
        check_activity(activity, result);
        sums.counted += result->counted_halves;
        if (result->decision == DECISION_PENDING) {
            sums.pending += result->credit_halves;
        }
        if (activity->kind == ACTIVITY_KIND_SELF_DIRECTED) {
            sums.self_directed += result->counted_halves;
        }
    }
    return sums;
}

static void check_categories(const struct learner_record *record,
                             const struct evaluation *evaluation)
{
    const struct program *program = record->program;
    int64_t all_categories = 0;
    for (size_t c = 0; c < program->category_count; c++) {
        int64_t in_category = 0;
        for (size_t i = 0; i < record->activity_count; i++) {
            if (record->activities[i].category == (int)c) {
                in_category += evaluation->activities[i].counted_halves;
            }
        }
        assert(evaluation->category_counted_halves[c] == in_category);
        all_categories += in_category;
    }
    assert(all_categories <= evaluation->counted_halves);
}

static void check_totals(const struct learner_record *record, const struct evaluation *evaluation)
{
    const struct program *program = record->program;
    assert(evaluation->program == program);
    assert(evaluation->activity_count == record->activity_count);
    struct sums sums = sum_activities(record, evaluation);
    assert(evaluation->counted_halves == sums.counted);
    assert(evaluation->pending_halves == sums.pending);
    assert(evaluation->self_directed_halves == sums.self_directed);
    assert(evaluation->required_halves == program->total_halves);
    int64_t short_by = evaluation->required_halves - evaluation->counted_halves;
    assert(evaluation->remaining_halves == (short_by > 0 ? short_by : 0));
    int64_t self_directed_cap = program->kinds[ACTIVITY_KIND_SELF_DIRECTED].max_halves;
    if (self_directed_cap > 0) {
        assert(evaluation->self_directed_halves <= self_directed_cap);
    }
    check_categories(record, evaluation);
}

/* ---- status and blocking ---- */

static bool has_blocking(const struct evaluation *evaluation, enum blocking_code code)
{
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        if (evaluation->blocking[i].code == code) {
            return true;
        }
    }
    return false;
}

static void check_blocking_items(const struct evaluation *evaluation)
{
    const struct program *program = evaluation->program;
    assert(evaluation->blocking_count <= program->category_count + 8);
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        if (item->code == BLOCKING_CATEGORY_SHORT) {
            assert(item->category >= 0 && (size_t)item->category < program->category_count);
        } else {
            assert(item->category == -1);
        }
        if (i > 0) {
            assert(item->code >= evaluation->blocking[i - 1].code);
        }
    }
}

static void check_status(const struct learner_record *record, const struct evaluation *evaluation)
{
    check_blocking_items(evaluation);
    bool complete = evaluation->status == TRACK_COMPLETE;
    assert(complete == (evaluation->blocking_count == 0));
    assert(has_blocking(evaluation, BLOCKING_CREDITS_SHORT) ==
           (evaluation->counted_halves < evaluation->required_halves));
    assert((evaluation->status == TRACK_INELIGIBLE) ==
           has_blocking(evaluation, BLOCKING_NO_PRIOR_CERTIFICATE));
    assert((evaluation->status == TRACK_EXPIRED) ==
           has_blocking(evaluation, BLOCKING_TRACK_EXPIRED));
    struct civil_date deadline =
        civil_date_add_years(record->track_started, record->program->window_years);
    assert(civil_date_compare(evaluation->deadline, deadline) == 0);
    if (evaluation->status == TRACK_EXPIRED) {
        assert(civil_date_compare(evaluation->as_of, evaluation->deadline) >= 0);
    }
}

/* ---- projection ---- */

static void check_projection_fields(const struct evaluation *evaluation)
{
    if (!civil_date_is_set(evaluation->next_expiry)) {
        assert(evaluation->counted_after_next_expiry_halves == evaluation->counted_halves);
        return;
    }
    assert(civil_date_compare(evaluation->next_expiry, evaluation->as_of) > 0);
    assert(evaluation->counted_after_next_expiry_halves >= 0);
    assert(evaluation->counted_after_next_expiry_halves < evaluation->counted_halves);
}

/* Counted credit of record when evaluated on day instead of its as_of. */
static int64_t counted_on(const struct learner_record *record, struct civil_date day)
{
    /* A shallow copy that borrows everything record owns; it is never released. */
    struct learner_record moved = *record;
    moved.as_of = day;
    struct evaluation *evaluation = evaluate(&moved);
    int64_t counted = evaluation->counted_halves;
    evaluation_free(evaluation);
    return counted;
}

/* Re-evaluates on the projected day and on expiry days before it. */
static void check_projection_days(const struct learner_record *record,
                                  const struct evaluation *evaluation)
{
    struct civil_date next = evaluation->next_expiry;
    bool has_next = civil_date_is_set(next);
    if (has_next) {
        assert(counted_on(record, next) == evaluation->counted_after_next_expiry_halves);
    }
    size_t checked = record->activity_count < PROJECTION_DAYS_CHECKED ? record->activity_count
                                                                      : PROJECTION_DAYS_CHECKED;
    for (size_t i = 0; i < checked; i++) {
        struct civil_date day = evaluation->activities[i].expires;
        if (civil_date_compare(day, evaluation->as_of) <= 0 ||
            (has_next && civil_date_compare(day, next) >= 0)) {
            continue;
        }
        assert(counted_on(record, day) >= evaluation->counted_halves);
    }
}

/* ---- rendering ---- */

static double number_field(const json_t *object, const char *key)
{
    const json_t *value = json_object_get(object, key);
    assert(json_is_number(value));
    return json_number_value(value);
}

/* The JSON text of evaluation, checked by parsing it again; the caller frees it. */
static char *checked_json_text(const struct learner_record *record,
                               const struct evaluation *evaluation)
{
    char *text = evaluation_to_json_text(evaluation, record);
    assert(text != NULL);
    json_error_t error;
    json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &error);
    assert(root != NULL);
    const json_t *program = json_object_get(root, "program");
    assert(json_is_string(program));
    assert(strcmp(json_string_value(program), record->program->id) == 0);
    assert(json_array_size(json_object_get(root, "activities")) == record->activity_count);
    assert(number_field(root, "counted_credits") * 2 == (double)evaluation->counted_halves);
    assert(number_field(root, "remaining_credits") * 2 == (double)evaluation->remaining_halves);
    json_decref(root);
    return text;
}

static void check_text(const struct learner_record *record, const struct evaluation *evaluation)
{
    struct buf out;
    buf_init(&out, TEXT_LIMIT);
    enum ct_status status = evaluation_to_text(evaluation, record, &out);
    assert(status == CT_OK);
    assert(out.length > 0 && buf_str(&out)[out.length - 1] == '\n');
    assert(strstr(buf_str(&out), record->program->id) != NULL);
    buf_release(&out);
}

/* ---- the whole check ---- */

void fuzz_check_record(const struct learner_record *record)
{
    struct evaluation *evaluation = evaluate(record);
    check_totals(record, evaluation);
    check_status(record, evaluation);
    check_projection_fields(evaluation);
    char *first = checked_json_text(record, evaluation);
    check_text(record, evaluation);
    check_projection_days(record, evaluation);
    evaluation_free(evaluation);

    struct evaluation *again = evaluate(record);
    char *second = evaluation_to_json_text(again, record);
    assert(second != NULL);
    assert(strcmp(first, second) == 0);
    free(second);
    evaluation_free(again);
    free(first);
}
