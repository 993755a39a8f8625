#include "api.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/evaluation_json.h"
#include "../../store/store_record.h"
#include "../../store/store_tracks.h"
#include "../../actions/access.h"
#include "api_json.h"
#include "../../core/banned.h"

enum ct_status api_error(struct web_response *response, unsigned status, const char *code,
                         const char *message)
{
    return api_json_error(response, status, code, message, NULL);
}

enum ct_status web_may_see_person(struct web_request *request, int64_t person_id, bool *allowed,
                                  struct ct_err *err)
{
    struct actor actor = web_actor(request);
    return access_may_see_person(request->store, &actor, person_id, allowed, err);
}

enum ct_status api_current_track(struct web_request *request, struct web_response *response,
                                 struct track_info *track, bool *found)
{
    struct ct_err err = {0};
    *found = store_track_current(request->store, request->person_id, track, &err) == CT_OK;
    return *found ? CT_OK
                  : api_error(response, 404, "no-track", "You have no certification track.");
}

enum ct_status api_track_json(struct store *store, int64_t track_id, json_t **track,
                              struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},       {"person", API_COLUMN_INT},    {"program", API_COLUMN_TEXT},
        {"started", API_COLUMN_TEXT}, {"deadline", API_COLUMN_TEXT}, {"state", API_COLUMN_TEXT},
        {"comment", API_COLUMN_TEXT},
    };
    return api_json_first(store,
                          "SELECT id, person_id, program, started, deadline, state, state_comment"
                          " FROM tracks WHERE id = ?",
                          STORE_PARAMS(DB_INT(track_id)), 1, columns,
                          sizeof columns / sizeof columns[0], track, err);
}

enum ct_status api_report_json(struct store *store, int64_t track_id, json_t **report,
                               struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"track", API_COLUMN_INT},    {"state", API_COLUMN_TEXT},     {"text", API_COLUMN_TEXT},
        {"comment", API_COLUMN_TEXT}, {"submitted", API_COLUMN_TEXT}, {"accepted", API_COLUMN_TEXT},
    };
    /* With no report yet, the track with every other member null. */
    return api_json_first(store,
                          "SELECT t.id, r.state, r.text, r.returned_comment, r.submitted,"
                          " r.accepted FROM tracks t LEFT JOIN final_reports r"
                          " ON r.track_id = t.id WHERE t.id = ?",
                          STORE_PARAMS(DB_INT(track_id)), 1, columns,
                          sizeof columns / sizeof columns[0], report, err);
}

static enum ct_status progress_of(struct web_request *request, struct web_response *response,
                                  int64_t person_id, struct civil_date day)
{
    struct track_info track;
    struct ct_err err = {0};
    if (store_track_current(request->store, person_id, &track, &err) != CT_OK) {
        return api_error(response, 404, "no-track", "This person has no certification track.");
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track.id, day, &record, &evaluation, &err);
    char *text = status == CT_OK ? evaluation_to_json_text(evaluation, record) : NULL;
    if (status == CT_OK && text == NULL) {
        status = CT_ERR_NOMEM;
    }
    if (status == CT_OK) {
        response->content_type = "application/json";
        status = buf_append_str(&response->body, text);
    }
    free(text);
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status api_my_progress(struct web_request *request, struct web_response *response)
{
    return progress_of(request, response, request->person_id, request->today);
}

enum ct_status api_person_progress(struct web_request *request, struct web_response *response,
                                   int64_t person_id)
{
    struct civil_date day = request->today;
    if (request->query_as_of != NULL && !civil_date_parse(request->query_as_of, &day)) {
        return api_error(response, 400, "bad-as-of", "as_of must be a date as YYYY-MM-DD.");
    }
    bool allowed = false;
    struct ct_err err = {0};
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        /* The same answer whether the person exists or not. */
        return api_error(response, 403, "forbidden", "You may not see this person's record.");
    }
    return progress_of(request, response, person_id, day);
}
