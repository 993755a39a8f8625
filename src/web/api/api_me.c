#include "api_me.h"

#include <jansson.h>
#include <string.h>

#include "../../store/store_record.h"
#include "api.h"
#include "api_json.h"
#include "../pages/activities.h"
#include "../pages/report.h"
#include "../pages/track.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- who am I ---- */

/* The request's roles as names, in the order of role_table. */
static json_t *roles_json(unsigned roles)
{
    json_t *names = json_array();
    for (size_t i = 0; names != NULL && i < ROLE_COUNT; i++) {
        if ((roles & role_table[i].bit) != 0 &&
            json_array_append_new(names, json_string(role_table[i].name))) {
            json_decref(names);
            names = NULL;
        }
    }
    return names;
}

enum ct_status api_me(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"name", API_COLUMN_TEXT},
        {"email", API_COLUMN_TEXT},
    };
    static const struct api_column library_columns[] = {
        {"id", API_COLUMN_INT},
        {"name", API_COLUMN_TEXT},
    };
    struct ct_err err = {0};
    json_t *me = NULL, *library = NULL;
    enum ct_status status = api_json_first(
        request->store, "SELECT id, name, email FROM people WHERE id = ?",
        STORE_PARAMS(DB_INT(request->person_id)), 1, columns, COUNT(columns), &me, &err);
    if (status == CT_OK) {
        status = api_json_first(request->store, "SELECT id, name FROM libraries WHERE id = ?",
                                STORE_PARAMS(DB_INT(request->library_id)), 1, library_columns,
                                COUNT(library_columns), &library, &err);
    }
    if (status != CT_OK || me == NULL) {
        json_decref(me);
        json_decref(library);
        return status != CT_OK ? status : CT_ERR_NOMEM;
    }
    /* Setting a member takes its value, also when it fails. */
    if (!api_json_set(me, "library", library != NULL ? library : json_null()) ||
        !api_json_set(me, "roles", roles_json(request->roles))) {
        json_decref(me);
        return CT_ERR_NOMEM;
    }
    return api_json_send(response, 200, me);
}

/* ---- activities ---- */

/* One activity of the record with the engine's result; titles finds the row by key. */
static json_t *activity_result_json(struct db_stmt *titles, int64_t person_id,
                                    const struct activity *activity,
                                    const struct activity_result *result, struct ct_err *err)
{
    db_reset(titles);
    bool has_row = false;
    enum ct_status status =
        db_bind_all(titles, STORE_PARAMS(DB_INT(person_id), DB_TEXT(activity->id)), 2, err);
    if (status == CT_OK) {
        status = db_step(titles, &has_row, err);
    }
    if (status != CT_OK) {
        return NULL;
    }
    char date[CIVIL_DATE_TEXT_SIZE], expires[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(activity->date, date);
    civil_date_format(result->expires, expires);
    const char *reason = reason_code(result->reason);
    json_t *item = json_object();
    bool built =
        item != NULL &&
        api_json_set(item, "id",
                     has_row ? json_integer(db_column_int64(titles, 0)) : json_null()) &&
        api_json_set(item, "key", api_json_text(activity->id)) &&
        api_json_set(item, "title", api_json_text(has_row ? db_column_text(titles, 1) : NULL)) &&
        api_json_set(item, "date", json_string(date)) &&
        api_json_set(item, "kind", json_string(activity_kind_name(activity->kind))) &&
        api_json_set(item, "status", json_string(activity_status_name(activity->status))) &&
        api_json_set(item, "worth", api_json_credits(result->credit_halves)) &&
        api_json_set(item, "counted", api_json_credits(result->counted_halves)) &&
        api_json_set(item, "decision", json_string(decision_name(result->decision))) &&
        api_json_set(item, "reason", reason[0] != '\0' ? json_string(reason) : json_null()) &&
        api_json_set(item, "why", json_string(reason_description(result->reason))) &&
        api_json_set(item, "expires",
                     civil_date_is_set(result->expires) ? json_string(expires) : json_null());
    if (!built) {
        json_decref(item);
        ct_err_nomem(err);
        return NULL;
    }
    return item;
}

/* The page of the record's activities, in the record's order (by date). */
static enum ct_status activities_page(struct web_request *request,
                                      const struct learner_record *record,
                                      const struct evaluation *evaluation,
                                      const struct api_page *page, json_t *items,
                                      struct ct_err *err)
{
    struct db_stmt *titles = NULL;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT id, title FROM activities WHERE person_id = ? AND record_key = ?", &titles, err);
    size_t first = (size_t)api_json_offset(page);
    for (size_t i = first;
         status == CT_OK && i < record->activity_count && i < first + (size_t)page->per_page; i++) {
        json_t *item = activity_result_json(titles, request->person_id, &record->activities[i],
                                            &evaluation->activities[i], err);
        if (item == NULL || json_array_append_new(items, item) != 0) {
            status = err->status != CT_OK ? err->status : CT_ERR_NOMEM;
        }
    }
    db_finalize(titles);
    return status;
}

enum ct_status api_me_activities(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    struct api_page page;
    struct track_info track;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status == CT_OK && ok) {
        status = api_current_track(request, response, &track, &ok);
    }
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    status =
        store_record_evaluate(request->store, track.id, request->today, &record, &evaluation, &err);
    json_t *items = status == CT_OK ? json_array() : NULL;
    if (status == CT_OK && items == NULL) {
        status = CT_ERR_NOMEM;
    }
    if (status == CT_OK) {
        status = activities_page(request, record, evaluation, &page, items, &err);
    }
    int64_t total = record != NULL ? (int64_t)record->activity_count : 0;
    evaluation_free(evaluation);
    record_free(record);
    if (status != CT_OK) {
        json_decref(items);
        return status;
    }
    json_t *list = api_json_list(items, &page, total);
    if (list != NULL && json_object_set_new(list, "track", json_integer(track.id)) != 0) {
        json_decref(list);
        list = NULL;
    }
    return api_json_send(response, 200, list);
}

/* ---- claiming ---- */

static const struct api_field claim_fields[] = {
    {"event", NULL, API_ID},
    {"kind", NULL, API_TEXT},
    {"title", NULL, API_TEXT},
    {"date", NULL, API_TEXT},
    {"category", NULL, API_TEXT},
    {"credits", NULL, API_NUMBER},
    {"semester_credits", NULL, API_NUMBER},
    {"quarter_credits", NULL, API_NUMBER},
    {"hours", NULL, API_NUMBER},
    {"topic", NULL, API_TEXT},
    {"plan_item", NULL, API_TEXT},
    {"recorded", NULL, API_TEXT},
};

/* An activity row of the person as JSON (*activity NULL when there is none). */
static enum ct_status activity_json(struct store *store, int64_t person_id, int64_t activity_id,
                                    json_t **activity, struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"key", API_COLUMN_TEXT},
        {"kind", API_COLUMN_TEXT},
        {"title", API_COLUMN_TEXT},
        {"date", API_COLUMN_TEXT},
        {"category", API_COLUMN_TEXT},
        {"credits", API_COLUMN_CREDITS},
        {"semester_credits", API_COLUMN_CREDITS},
        {"quarter_credits", API_COLUMN_CREDITS},
        {"hours", API_COLUMN_HOURS},
        {"topic", API_COLUMN_TEXT},
        {"plan_item", API_COLUMN_TEXT},
        {"recorded", API_COLUMN_TEXT},
        {"status", API_COLUMN_TEXT},
        {"event", API_COLUMN_INT},
    };
    return api_json_first(
        store,
        "SELECT id, record_key, kind, title, date, category, credit_halves, semester_halves,"
        " quarter_halves, minutes, topic, plan_item, recorded, status, event_id FROM activities"
        " WHERE person_id = ? AND id = ?",
        STORE_PARAMS(DB_INT(person_id), DB_INT(activity_id)), 2, columns, COUNT(columns), activity,
        err);
}

enum ct_status api_me_claim(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    bool ok = false;
    enum ct_status status =
        api_json_read_body(request, response, claim_fields, COUNT(claim_fields), &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t activity_id = 0;
    status = claim_add(request, &activity_id, &err);
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, claim_fields, COUNT(claim_fields));
    }
    json_t *activity = NULL;
    if (status == CT_OK) {
        status = activity_json(request->store, request->person_id, activity_id, &activity, &err);
    }
    return status == CT_OK ? api_json_send(response, 201, activity) : status;
}

/* ---- the final report ---- */

enum ct_status api_me_report(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct track_info track;
    bool found = false;
    enum ct_status status = api_current_track(request, response, &track, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct ct_err err = {0};
    json_t *report = NULL;
    status = api_report_json(request->store, track.id, &report, &err);
    return status == CT_OK ? api_json_send(response, 200, report) : status;
}

static const struct api_field report_fields[] = {
    {"text", NULL, API_TEXT},
    {"action", NULL, API_TEXT},
};

enum ct_status api_me_report_save(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct track_info track;
    bool ok = false;
    enum ct_status status =
        api_json_read_body(request, response, report_fields, COUNT(report_fields), &ok);
    if (status == CT_OK && ok) {
        status = api_current_track(request, response, &track, &ok);
    }
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    bool submitted = false;
    status = report_save(request, &submitted, &err);
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, report_fields, COUNT(report_fields));
    }
    json_t *report = NULL;
    if (status == CT_OK) {
        status = api_report_json(request->store, track.id, &report, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, report) : status;
}

/* ---- the award ---- */

enum ct_status api_me_track_submit(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    struct track_info track;
    bool ok = false;
    enum ct_status status = api_json_read_body(request, response, NULL, 0, &ok);
    if (status == CT_OK && ok) {
        status = api_current_track(request, response, &track, &ok);
    }
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t track_id = 0;
    status = track_submit_current(request, &track_id, &err);
    if (status == CT_ERR_INPUT && strcmp(err.where, "complete") == 0) {
        return api_json_error(response, 409, "not-complete", err.message, NULL);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, NULL, 0);
    }
    json_t *submitted = NULL;
    if (status == CT_OK) {
        status = api_track_json(request->store, track_id, &submitted, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, submitted) : status;
}
