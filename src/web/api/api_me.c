#include "api_me.h"

#include <jansson.h>
#include <string.h>

#include "../../actions/claims.h"
#include "../../actions/reports.h"
#include "../../actions/tracks.h"
#include "../../store/store_learning.h"
#include "../../store/store_record.h"
#include "api.h"
#include "api_json.h"
#include "api_learning.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Reads the body into input (as fields, count of them, say), then the id of the
 * signed-in person's track that the final report is about into *track_id; *ok is false when either
 * answered a refusal. */
static enum ct_status read_for_track(struct web_request *request, struct web_response *response,
                                     const struct api_input_field *fields, size_t count,
                                     void *input, int64_t *track_id, bool *ok)
{
    struct track_info track;
    enum ct_status status = api_json_read_input(request, response, fields, count, input, ok);
    if (status == CT_OK && *ok) {
        status = api_track_needing(request, response, TRACK_NEEDS_FINAL_REPORT, &track, ok);
    }
    if (status == CT_OK && *ok) {
        *track_id = track.id;
    }
    return status;
}

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

static json_t *library_json(const struct learning_identity *identity)
{
    if (identity->library_id == 0) {
        return json_null();
    }
    return json_pack("{s:I, s:s?}", "id", (json_int_t)identity->library_id, "name",
                     identity->library_name);
}

enum ct_status api_me(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct ct_err err = {0};
    struct learning_identity me;
    bool found = false;
    enum ct_status status = store_learning_identity(request->store, request->person_id,
                                                    &request->arena, &me, &found, &err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : CT_ERR_NOMEM;
    }
    json_t *answer = json_object();
    /* Setting a member takes its value, also when it fails. */
    bool built = answer != NULL && api_json_set(answer, "id", json_integer(me.id)) &&
                 api_json_set(answer, "name", api_json_text(me.name)) &&
                 api_json_set(answer, "email", api_json_text(me.email)) &&
                 api_json_set(answer, "library", library_json(&me)) &&
                 api_json_set(answer, "roles", roles_json(request->roles));
    if (!built) {
        json_decref(answer);
        return CT_ERR_NOMEM;
    }
    return api_json_send(response, 200, answer);
}

/* ---- activities ---- */

/* One activity of the record with the engine's result; its row is found by key. */
static json_t *activity_result_json(struct web_request *request, const struct activity *activity,
                                    const struct activity_result *result, struct ct_err *err)
{
    struct learning_activity row;
    bool has_row = false;
    if (store_learning_activity_by_key(request->store, request->person_id, activity->id,
                                       &request->arena, &row, &has_row, err) != CT_OK) {
        return NULL;
    }
    char date[CIVIL_DATE_TEXT_SIZE], expires[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(activity->date, date);
    civil_date_format(result->expires, expires);
    const char *reason = reason_code(result->reason);
    json_t *item = json_object();
    bool built =
        item != NULL && api_json_set(item, "id", has_row ? json_integer(row.id) : json_null()) &&
        api_json_set(item, "key", api_json_text(activity->id)) &&
        api_json_set(item, "title", api_json_text(has_row ? row.title : NULL)) &&
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
    enum ct_status status = CT_OK;
    size_t first = (size_t)api_json_offset(page);
    for (size_t i = first;
         status == CT_OK && i < record->activity_count && i < first + (size_t)page->per_page; i++) {
        json_t *item =
            activity_result_json(request, &record->activities[i], &evaluation->activities[i], err);
        if (item == NULL || json_array_append_new(items, item) != 0) {
            status = err->status != CT_OK ? err->status : CT_ERR_NOMEM;
        }
    }
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
    status =
        status != CT_OK ? status : activities_page(request, record, evaluation, &page, items, &err);
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

static const struct api_input_field claim_fields[] = {
    API_INPUT("event", API_ID, struct claim_submit_input, event_id),
    API_INPUT("kind", API_TEXT, struct claim_submit_input, kind),
    API_INPUT("title", API_TEXT, struct claim_submit_input, title),
    API_INPUT("date", API_TEXT, struct claim_submit_input, date),
    API_INPUT("category", API_TEXT, struct claim_submit_input, category),
    API_INPUT("credits", API_NUMBER, struct claim_submit_input, credits),
    API_INPUT("semester_credits", API_NUMBER, struct claim_submit_input, semester_credits),
    API_INPUT("quarter_credits", API_NUMBER, struct claim_submit_input, quarter_credits),
    API_INPUT("hours", API_NUMBER, struct claim_submit_input, hours),
    API_INPUT("topic", API_TEXT, struct claim_submit_input, topic),
    API_INPUT("plan_item", API_TEXT, struct claim_submit_input, plan_item),
    API_INPUT("recorded", API_TEXT, struct claim_submit_input, recorded),
};

enum ct_status api_me_claim(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct claim_submit_input input = {0};
    bool ok = false;
    enum ct_status status =
        api_json_read_input(request, response, claim_fields, COUNT(claim_fields), &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_claim_submit(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    struct learning_activity activity;
    bool found = false;
    status = store_learning_activity(request->store, result.activity_id, &request->arena, &activity,
                                     &found, &outcome.err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : CT_ERR_NOMEM;
    }
    return api_json_send(response, 201, api_learning_activity(&activity));
}

/* ---- the final report ---- */

enum ct_status api_me_report(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct track_info track;
    bool found = false;
    struct ct_err err = {0};
    json_t *report = NULL;
    enum ct_status status =
        api_track_needing(request, response, TRACK_NEEDS_FINAL_REPORT, &track, &found);
    if (status == CT_OK && found) {
        status = api_report_json(request->store, track.id, &report, &err);
        return status == CT_OK ? api_json_send(response, 200, report) : status;
    }
    return status;
}

static const struct api_input_field report_fields[] = {
    API_INPUT("text", API_TEXT, struct report_save_input, text),
    API_INPUT("action", API_TEXT, struct report_save_input, action),
};

enum ct_status api_me_report_save(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct report_save_input input = {0};
    bool ok = false;
    enum ct_status status = read_for_track(request, response, report_fields, COUNT(report_fields),
                                           &input, &input.track_id, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct report_save_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_report_save(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    json_t *report = NULL;
    status = status != CT_OK
                 ? status
                 : api_report_json(request->store, input.track_id, &report, &outcome.err);
    return status == CT_OK ? api_json_send(response, 200, report) : status;
}

/* ---- the award ---- */

enum ct_status api_me_track_submit(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    /* "track" names one of the learner's open tracks; without it, the current one. */
    static const struct api_input_field fields[] = {
        API_INPUT("track", API_ID, struct track_submit_input, track_id),
    };
    struct track_submit_input input = {0};
    bool ok = false;
    enum ct_status status =
        api_json_read_input(request, response, fields, COUNT(fields), &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct track_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_track_submit(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT && action_fault_of(&outcome, "complete") != NULL) {
        return api_json_error(response, 409, "not-complete", outcome.err.message, NULL);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    json_t *submitted = NULL;
    status = status != CT_OK
                 ? status
                 : api_track_json(request->store, result.track_id, &submitted, &outcome.err);
    return status == CT_OK ? api_json_send(response, 200, submitted) : status;
}
