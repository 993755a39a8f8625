#include "api.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/evaluation_json.h"
#include "../../store/store_progress.h"
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
    enum ct_status status =
        store_track_find_current(request->store, request->person_id, track, found, &err);
    if (status != CT_OK || *found) {
        return status;
    }
    return api_error(response, 404, "no-track", "You have no certification track.");
}

enum ct_status api_track_needing(struct web_request *request, struct web_response *response,
                                 enum track_need need, struct track_info *track, bool *found)
{
    struct ct_err err = {0};
    enum ct_status status =
        store_track_find_needing(request->store, request->person_id, need, track, found, &err);
    if (status != CT_OK || *found) {
        return status;
    }
    return api_error(response, 404, "no-track", "You have no certification track.");
}

/* A date as JSON text, or null when unset. */
static json_t *date_json(struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    return civil_date_is_set(date) ? json_string(store_date_text(date, text)) : json_null();
}

enum ct_status api_track_json(struct store *store, int64_t track_id, json_t **track,
                              struct ct_err *err)
{
    struct track_view view;
    bool found = false;
    *track = NULL;
    enum ct_status status = store_track_view(store, track_id, &view, &found, err);
    if (status == CT_OK && found) {
        *track =
            json_pack("{s:I,s:I,s:s,s:o,s:o,s:s,s:o}", "id", (json_int_t)view.track.id, "person",
                      (json_int_t)view.track.person_id, "program", view.track.program, "started",
                      date_json(view.track.started), "deadline", date_json(view.track.deadline),
                      "state", view.track.state, "comment", api_json_text(view.comment));
        status = *track != NULL ? CT_OK : ct_err_nomem(err);
    }
    store_track_view_release(&view);
    return status;
}

enum ct_status api_report_json(struct store *store, int64_t track_id, json_t **report,
                               struct ct_err *err)
{
    struct report_view view;
    bool found = false;
    *report = NULL;
    enum ct_status status = store_report_view(store, track_id, &view, &found, err);
    /* With no report yet, the track with every other member null. */
    if (status == CT_OK && found) {
        *report =
            json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "track", (json_int_t)view.track_id, "state",
                      api_json_text(view.state), "text", api_json_text(view.text), "comment",
                      api_json_text(view.comment), "submitted", api_json_text(view.submitted),
                      "accepted", api_json_text(view.accepted));
        status = *report != NULL ? CT_OK : ct_err_nomem(err);
    }
    store_report_view_release(&view);
    return status;
}

static enum ct_status progress_of(struct web_request *request, struct web_response *response,
                                  int64_t person_id, struct civil_date day)
{
    struct track_info track;
    struct ct_err err = {0};
    bool found = false;
    enum ct_status status =
        store_track_find_current(request->store, person_id, &track, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return api_error(response, 404, "no-track", "This person has no certification track.");
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    status = store_record_evaluate(request->store, track.id, day, &record, &evaluation, &err);
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

enum ct_status api_my_progress(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
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
