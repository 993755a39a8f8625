#include "api.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evaluation_json.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "api_json.h"
#include "../core/banned.h"

enum ct_status api_error(struct web_response *response, unsigned status, const char *code,
                         const char *message)
{
    return api_json_error(response, status, code, message, NULL);
}

enum ct_status web_may_see_person(struct web_request *request, int64_t person_id, bool *allowed,
                                  struct ct_err *err)
{
    *allowed = person_id == request->person_id || (request->roles & WEB_ROLE_CE_COORDINATOR) != 0;
    if (*allowed) {
        return CT_OK;
    }
    int64_t library = 0;
    enum ct_status status =
        STORE_EXEC(request->store, "SELECT COALESCE(library_id, 0) FROM people WHERE id = ?",
                   &library, err, DB_INT(person_id));
    if (status != CT_OK || library == 0) {
        return status;
    }
    unsigned local_roles = WEB_ROLE_SUPERVISOR | WEB_ROLE_LIBRARY_ADMINISTRATOR;
    *allowed = (request->roles & local_roles) != 0 && library == request->library_id;
    if (!*allowed && (request->roles & WEB_ROLE_CONSULTANT) != 0) {
        int64_t consultant = 0;
        status = STORE_EXEC(request->store, "SELECT consultant_id FROM libraries WHERE id = ?",
                            &consultant, err, DB_INT(library));
        *allowed = consultant == request->person_id;
    }
    return status;
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
