#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "text_key.h"
#include "banned.h"

static enum ct_status copy_string(struct learner_record *record, const char *text, const char **out,
                                  struct ct_err *err)
{
    *out = NULL;
    if (text == NULL) {
        return CT_OK;
    }
    *out = arena_strdup(&record->arena, text);
    return *out != NULL ? CT_OK : ct_err_nomem(err);
}

static enum ct_status read_copied_string(struct learner_record *record, const json_t *object,
                                         const char *prefix, const char *key, bool required,
                                         const char **out, struct ct_err *err)
{
    const char *text;
    enum ct_status status = json_read_string(object, prefix, key, required, &text, err);
    if (status != CT_OK) {
        return status;
    }
    return copy_string(record, text, out, err);
}

/* ---- certificates ---- */

static enum ct_status read_certificates(struct learner_record *record, const json_t *root,
                                        struct ct_err *err)
{
    json_t *array;
    enum ct_status status = json_read_array(root, "", "certificates", false, &array, err);
    if (status != CT_OK || array == NULL) {
        return status;
    }
    size_t count = json_array_size(array);
    if (count > RECORD_MAX_CERTIFICATES) {
        return ct_err_set(err, CT_ERR_INPUT, "certificates", "more than %d certificates",
                          RECORD_MAX_CERTIFICATES);
    }
    record->certificates = arena_calloc(&record->arena, count, sizeof *record->certificates);
    if (record->certificates == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < count; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, "certificates", i);
        const json_t *value = json_array_get(array, i);
        struct certificate_held *certificate = &record->certificates[i];
        status = json_read_expect_object(value, where, err);
        if (status == CT_OK) {
            status = read_copied_string(record, value, where, "program", true,
                                        &certificate->program, err);
        }
        if (status == CT_OK) {
            status = json_read_date(value, where, "issued", true, &certificate->issued, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    record->certificate_count = count;
    return CT_OK;
}

/* ---- plan ---- */

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static enum ct_status read_planned_items(struct learner_record *record, const json_t *value,
                                         const char *where, struct plan_version *version,
                                         struct ct_err *err)
{
    json_t *array;
    enum ct_status status =
        json_read_array(value, where, "planned_self_directed", false, &array, err);
    if (status != CT_OK || array == NULL) {
        return status;
    }
    size_t count = json_array_size(array);
    char list_where[JSON_PATH_SIZE];
    json_path_field(list_where, where, "planned_self_directed");
    if (count > RECORD_MAX_PLANNED_ITEMS) {
        return ct_err_set(err, CT_ERR_INPUT, list_where, "more than %d items",
                          RECORD_MAX_PLANNED_ITEMS);
    }
    version->planned_self_directed = arena_calloc(&record->arena, count, sizeof(char *));
    if (version->planned_self_directed == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t k = 0; k < count; k++) {
        char item_where[JSON_PATH_SIZE];
        json_path_index(item_where, list_where, k);
        const json_t *item = json_array_get(array, k);
        if (!json_is_string(item) || json_string_length(item) == 0) {
            return ct_err_set(err, CT_ERR_INPUT, item_where, "expected a plan item id");
        }
        status =
            copy_string(record, json_string_value(item), &version->planned_self_directed[k], err);
        if (status != CT_OK) {
            return status;
        }
    }
    version->planned_self_directed_count = count;
    qsort(version->planned_self_directed, count, sizeof(char *), compare_strings);
    return CT_OK;
}

static enum ct_status read_plan_version(struct learner_record *record, const json_t *value,
                                        const char *where, struct plan_version *version,
                                        struct ct_err *err)
{
    enum ct_status status = json_read_expect_object(value, where, err);
    if (status == CT_OK) {
        status =
            json_read_integer(value, where, "version", true, 1, INT32_MAX, &version->version, err);
    }
    if (status == CT_OK) {
        status = json_read_date(value, where, "submitted", false, &version->submitted, err);
    }
    if (status == CT_OK) {
        status = json_read_date(value, where, "learner_approved", false, &version->learner_approved,
                                err);
    }
    if (status == CT_OK) {
        status = json_read_date(value, where, "organization_approved", false,
                                &version->organization_approved, err);
    }
    if (status == CT_OK) {
        status = read_planned_items(record, value, where, version, err);
    }
    return status;
}

static enum ct_status read_plan(struct learner_record *record, const json_t *root,
                                struct ct_err *err)
{
    json_t *plan;
    enum ct_status status = json_read_object(root, "", "plan", false, &plan, err);
    if (status != CT_OK || plan == NULL) {
        return status;
    }
    json_t *array;
    status = json_read_array(plan, "plan", "versions", false, &array, err);
    if (status != CT_OK || array == NULL) {
        return status;
    }
    size_t count = json_array_size(array);
    if (count > RECORD_MAX_PLAN_VERSIONS) {
        return ct_err_set(err, CT_ERR_INPUT, "plan.versions", "more than %d versions",
                          RECORD_MAX_PLAN_VERSIONS);
    }
    record->plan_versions = arena_calloc(&record->arena, count, sizeof *record->plan_versions);
    if (record->plan_versions == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < count; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, "plan.versions", i);
        struct plan_version *version = &record->plan_versions[i];
        status = read_plan_version(record, json_array_get(array, i), where, version, err);
        if (status != CT_OK) {
            return status;
        }
        for (size_t k = 0; k < i; k++) {
            if (record->plan_versions[k].version == version->version) {
                char field[JSON_PATH_SIZE];
                json_path_field(field, where, "version");
                return ct_err_set(err, CT_ERR_INPUT, field, "duplicate plan version %lld",
                                  (long long)version->version);
            }
        }
    }
    record->plan_version_count = count;
    return CT_OK;
}

static enum ct_status read_final_report(struct learner_record *record, const json_t *root,
                                        struct ct_err *err)
{
    record->final_report_submitted = civil_date_unset();
    record->final_report_accepted = civil_date_unset();
    json_t *report;
    enum ct_status status = json_read_object(root, "", "final_report", false, &report, err);
    if (status != CT_OK || report == NULL) {
        return status;
    }
    status = json_read_date(report, "final_report", "submitted", false,
                            &record->final_report_submitted, err);
    if (status == CT_OK) {
        status = json_read_date(report, "final_report", "accepted", false,
                                &record->final_report_accepted, err);
    }
    return status;
}

/* ---- activities ---- */

static enum ct_status read_category(struct learner_record *record, const json_t *value,
                                    const char *where, struct activity *activity,
                                    struct ct_err *err)
{
    bool required = activity->kind != ACTIVITY_KIND_SELF_DIRECTED;
    const char *category;
    activity->category = -1;
    enum ct_status status = json_read_string(value, where, "category", required, &category, err);
    if (status != CT_OK || category == NULL) {
        return status;
    }
    activity->category = program_category_index(record->program, category);
    if (activity->category < 0) {
        char field[JSON_PATH_SIZE];
        json_path_field(field, where, "category");
        return ct_err_set(err, CT_ERR_INPUT, field, "unknown category \"%.64s\" for program %s",
                          category, record->program->id);
    }
    return CT_OK;
}

static enum ct_status read_college_credits(const json_t *value, const char *where,
                                           struct activity *activity, struct ct_err *err)
{
    enum ct_status status =
        json_read_credits(value, where, "semester_credits", false, &activity->semester_halves, err);
    if (status == CT_OK) {
        status = json_read_credits(value, where, "quarter_credits", false,
                                   &activity->quarter_halves, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (activity->semester_halves == 0 && activity->quarter_halves == 0) {
        char field[JSON_PATH_SIZE];
        json_path_field(field, where, "semester_credits");
        return ct_err_set(err, CT_ERR_INPUT, field,
                          "missing (a college course has semester_credits or quarter_credits)");
    }
    if (activity->semester_halves != 0 && activity->quarter_halves != 0) {
        char field[JSON_PATH_SIZE];
        json_path_field(field, where, "quarter_credits");
        return ct_err_set(err, CT_ERR_INPUT, field,
                          "a college course has semester_credits or quarter_credits, not both");
    }
    return CT_OK;
}

static enum ct_status read_topic(struct learner_record *record, const json_t *value,
                                 const char *where, struct activity *activity, struct ct_err *err)
{
    enum ct_status status =
        read_copied_string(record, value, where, "topic", true, &activity->topic, err);
    if (status != CT_OK) {
        return status;
    }
    char field[JSON_PATH_SIZE];
    json_path_field(field, where, "topic");
    status = text_key_make(activity->topic, &record->arena, &activity->topic_key);
    if (status == CT_ERR_NOMEM) {
        return ct_err_nomem(err);
    }
    if (status != CT_OK) {
        return ct_err_set(err, CT_ERR_INPUT, field, "not valid UTF-8 text");
    }
    if (activity->topic_key[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, field, "must not be blank");
    }
    return CT_OK;
}

/* Reads what the activity's kind measures it by. */
static enum ct_status read_quantities(struct learner_record *record, const json_t *value,
                                      const char *where, struct activity *activity,
                                      struct ct_err *err)
{
    enum ct_status status = CT_OK;
    if (activity_kind_has_credit_value(activity->kind)) {
        status = json_read_credits(value, where, "credits", true, &activity->credit_halves, err);
    }
    switch (activity->kind) {
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        if (status == CT_OK) {
            status = json_read_date(value, where, "recorded", true, &activity->recorded, err);
        }
        break;
    case ACTIVITY_KIND_COLLEGE:
        status = read_college_credits(value, where, activity, err);
        break;
    case ACTIVITY_KIND_PRESENTING:
        status = json_read_hours(value, where, "hours", true, &activity->minutes, err);
        if (status == CT_OK) {
            status = read_topic(record, value, where, activity, err);
        }
        break;
    case ACTIVITY_KIND_SELF_DIRECTED:
        status = json_read_hours(value, where, "hours", true, &activity->minutes, err);
        if (status == CT_OK) {
            status = read_copied_string(record, value, where, "plan_item", false,
                                        &activity->plan_item, err);
        }
        break;
    default:
        break;
    }
    return status;
}

static enum ct_status read_kind_and_status(const json_t *value, const char *where,
                                           struct activity *activity, struct ct_err *err)
{
    const char *kind;
    const char *status_name;
    char field[JSON_PATH_SIZE];
    enum ct_status status = json_read_string(value, where, "kind", true, &kind, err);
    if (status != CT_OK) {
        return status;
    }
    if (!activity_kind_from_name(kind, &activity->kind)) {
        json_path_field(field, where, "kind");
        return ct_err_set(err, CT_ERR_INPUT, field, "unknown kind \"%.64s\"", kind);
    }
    status = json_read_string(value, where, "status", true, &status_name, err);
    if (status != CT_OK) {
        return status;
    }
    if (!activity_status_from_name(status_name, &activity->status)) {
        json_path_field(field, where, "status");
        return ct_err_set(err, CT_ERR_INPUT, field,
                          "unknown status \"%.64s\" (pending, verified or rejected)", status_name);
    }
    return CT_OK;
}

static enum ct_status read_activity(struct learner_record *record, const json_t *value,
                                    const char *where, struct activity *activity,
                                    struct ct_err *err)
{
    activity->recorded = civil_date_unset();
    enum ct_status status = json_read_expect_object(value, where, err);
    if (status == CT_OK) {
        status = read_copied_string(record, value, where, "id", true, &activity->id, err);
    }
    if (status == CT_OK) {
        status = read_kind_and_status(value, where, activity, err);
    }
    if (status == CT_OK) {
        status = json_read_date(value, where, "date", true, &activity->date, err);
    }
    if (status == CT_OK) {
        status = read_category(record, value, where, activity, err);
    }
    if (status == CT_OK) {
        status = read_quantities(record, value, where, activity, err);
    }
    return status;
}

static int compare_id_entries(const void *a, const void *b)
{
    const struct activity *const *left = a;
    const struct activity *const *right = b;
    int order = strcmp((*left)->id, (*right)->id);
    if (order != 0) {
        return order;
    }
    return (*left > *right) - (*left < *right);
}

/* Finds a duplicate activity id in O(n log n); returns its later index or -1. */
static long find_duplicate_id(const struct learner_record *record)
{
    size_t count = record->activity_count;
    if (count < 2) {
        return -1;
    }
    const struct activity **sorted = malloc(count * sizeof *sorted);
    if (sorted == NULL) {
        return -2;
    }
    for (size_t i = 0; i < count; i++) {
        sorted[i] = &record->activities[i];
    }
    qsort(sorted, count, sizeof *sorted, compare_id_entries);
    long duplicate = -1;
    for (size_t i = 1; i < count; i++) {
        if (strcmp(sorted[i - 1]->id, sorted[i]->id) == 0) {
            /* Equal ids sort in input order: sorted[i] repeats an earlier one. */
            long index = (long)(sorted[i] - record->activities);
            if (duplicate < 0 || index < duplicate) {
                duplicate = index;
            }
        }
    }
    free(sorted);
    return duplicate;
}

static enum ct_status read_activities(struct learner_record *record, const json_t *root,
                                      struct ct_err *err)
{
    json_t *array;
    enum ct_status status = json_read_array(root, "", "activities", true, &array, err);
    if (status != CT_OK) {
        return status;
    }
    size_t count = json_array_size(array);
    if (count > RECORD_MAX_ACTIVITIES) {
        return ct_err_set(err, CT_ERR_INPUT, "activities", "more than %d activities",
                          RECORD_MAX_ACTIVITIES);
    }
    record->activities = arena_calloc(&record->arena, count, sizeof *record->activities);
    if (record->activities == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < count; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, "activities", i);
        status =
            read_activity(record, json_array_get(array, i), where, &record->activities[i], err);
        if (status != CT_OK) {
            return status;
        }
    }
    record->activity_count = count;
    long duplicate = find_duplicate_id(record);
    if (duplicate == -2) {
        return ct_err_nomem(err);
    }
    if (duplicate >= 0) {
        char where[JSON_PATH_SIZE];
        char field[JSON_PATH_SIZE];
        json_path_index(where, "activities", (size_t)duplicate);
        json_path_field(field, where, "id");
        return ct_err_set(err, CT_ERR_INPUT, field, "duplicate activity id \"%.64s\"",
                          record->activities[duplicate].id);
    }
    return CT_OK;
}

/* ---- the whole record ---- */

static enum ct_status read_header(struct learner_record *record, const json_t *root,
                                  const struct program_set *set,
                                  const struct record_parse_options *options, struct ct_err *err)
{
    const char *program_id;
    enum ct_status status = json_read_expect_object(root, "", err);
    if (status == CT_OK) {
        status = json_read_string(root, "", "program", true, &program_id, err);
    }
    if (status != CT_OK) {
        return status;
    }
    record->program = program_set_find(set, program_id);
    if (record->program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "program", "unknown program \"%.64s\"", program_id);
    }
    bool as_of_given = options != NULL && civil_date_is_set(options->as_of_override);
    status = json_read_date(root, "", "as_of", !as_of_given, &record->as_of, err);
    if (status == CT_OK && as_of_given) {
        record->as_of = options->as_of_override;
    }
    if (status == CT_OK) {
        status = json_read_date(root, "", "track_started", true, &record->track_started, err);
    }
    return status;
}

enum ct_status record_from_json(const json_t *root, const struct program_set *set,
                                const struct record_parse_options *options,
                                struct learner_record **out, struct ct_err *err)
{
    *out = NULL;
    struct learner_record *record = calloc(1, sizeof *record);
    if (record == NULL) {
        return ct_err_nomem(err);
    }
    arena_init(&record->arena);
    enum ct_status status = read_header(record, root, set, options, err);
    if (status == CT_OK) {
        status = read_certificates(record, root, err);
    }
    if (status == CT_OK) {
        status = read_plan(record, root, err);
    }
    if (status == CT_OK) {
        status = read_final_report(record, root, err);
    }
    if (status == CT_OK) {
        status = read_activities(record, root, err);
    }
    if (status != CT_OK) {
        record_free(record);
        return status;
    }
    *out = record;
    return CT_OK;
}

enum ct_status record_parse(const char *text, size_t length, const struct program_set *set,
                            const struct record_parse_options *options, struct learner_record **out,
                            struct ct_err *err)
{
    *out = NULL;
    json_t *root = NULL;
    enum ct_status status = json_read_document(text, length, &root, err);
    if (status != CT_OK) {
        return status;
    }
    status = record_from_json(root, set, options, out, err);
    json_decref(root);
    return status;
}

void record_free(struct learner_record *record)
{
    if (record == NULL) {
        return;
    }
    arena_release(&record->arena);
    free(record);
}
