#include "api_tracks.h"

#include <jansson.h>
#include <string.h>

#include "../../actions/tracks.h"
#include "../../core/program_summary.h"
#include "../../store/store_enrolment.h"
#include "../../store/store_record.h"
#include "api.h"
#include "api_action.h"
#include "api_json.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- my tracks ---- */

/* The engine's summary of an open track today, or null for one that is not open. */
static json_t *evaluation_summary(struct web_request *request, const struct track_row *track,
                                  struct ct_err *err)
{
    if (!store_track_state_open(track->state)) {
        return json_null();
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    if (store_record_evaluate(request->store, track->id, request->today, &record, &evaluation,
                              err) != CT_OK) {
        return NULL;
    }
    json_t *summary = json_object();
    bool built =
        summary != NULL &&
        api_json_set(summary, "status", json_string(track_status_name(evaluation->status))) &&
        api_json_set(summary, "counted_credits", api_json_credits(evaluation->counted_halves)) &&
        api_json_set(summary, "required_credits", api_json_credits(evaluation->required_halves)) &&
        api_json_set(summary, "remaining_credits",
                     api_json_credits(evaluation->remaining_halves)) &&
        api_json_set(summary, "pending_credits", api_json_credits(evaluation->pending_halves)) &&
        api_json_set(summary, "blocking", api_json_blocking(evaluation));
    evaluation_free(evaluation);
    record_free(record);
    if (!built) {
        json_decref(summary);
        ct_err_nomem(err);
        return NULL;
    }
    return summary;
}

static json_t *track_row_json(struct web_request *request, const struct track_row *track,
                              struct ct_err *err)
{
    json_t *evaluation = evaluation_summary(request, track, err);
    if (evaluation == NULL) {
        return NULL;
    }
    json_t *item = json_object();
    bool built =
        item != NULL && api_json_set(item, "id", json_integer(track->id)) &&
        api_json_set(item, "program", json_string(track->program)) &&
        api_json_set(item, "program_name",
                     json_string(program_set_name(request->store->programs, track->program))) &&
        api_json_set(item, "state", json_string(track->state)) &&
        api_json_set(item, "started", api_json_date(track->started)) &&
        api_json_set(item, "deadline", api_json_date(track->deadline)) &&
        api_json_set(item, "previous_track",
                     track->previous_track_id != 0 ? json_integer(track->previous_track_id)
                                                   : json_null()) &&
        api_json_set(item, "comment",
                     api_json_text(track->comment[0] != '\0' ? track->comment : NULL)) &&
        api_json_set(item, "evaluation", evaluation);
    if (!built) {
        json_decref(item);
        ct_err_nomem(err);
        return NULL;
    }
    return item;
}

static enum ct_status fill_my_tracks(struct web_request *request, const struct api_page *page,
                                     json_t *items, int64_t *total, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct track_row)};
    enum ct_status status = store_track_rows(request->store, request->person_id, &rows, err);
    const struct track_row *tracks = rows.items;
    *total = (int64_t)rows.count;
    int64_t first = api_json_offset(page);
    for (int64_t i = first; i < *total && i < first + page->per_page && status == CT_OK; i++) {
        status = api_json_append(items, track_row_json(request, &tracks[i], err));
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status api_me_tracks(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_my_tracks);
}

/* ---- the programs open to me ---- */

static const char *verdict_name(enum enrolment_verdict verdict)
{
    switch (verdict) {
    case ENROLMENT_OPEN:
        return "open";
    case ENROLMENT_NEEDS_PRIOR:
        return "needs-prior-certificate";
    case ENROLMENT_ALREADY_OPEN:
        return "already-open";
    case ENROLMENT_CHAIN_STARTED:
        return "starts-too-early";
    }
    return "unknown";
}

static json_t *texts_json(const char *const *texts, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array != NULL && i < count; i++) {
        if (json_array_append_new(array, json_string(texts[i])) != 0) {
            json_decref(array);
            array = NULL;
        }
    }
    return array;
}

static json_t *summary_json(const struct store *store, const struct program *program)
{
    struct program_summary summary;
    if (program_summary_make(program, store->programs, &summary) != CT_OK) {
        return NULL;
    }
    const char *lines[PROGRAM_SUMMARY_MAX_LINES];
    for (size_t i = 0; i < summary.count; i++) {
        lines[i] = summary.lines[i];
    }
    return texts_json(lines, summary.count);
}

static json_t *choice_json(const struct store *store, const struct enrolment_choice *choice)
{
    char words[512];
    tracks_choice_words(choice, store->programs, words, sizeof words);
    const struct program *program = choice->program;
    json_t *item = json_object();
    bool built = item != NULL && api_json_set(item, "id", json_string(program->id)) &&
                 api_json_set(item, "name", json_string(program->name)) &&
                 api_json_set(item, "description", json_string(program->description)) &&
                 api_json_set(item, "eligibility", json_string(verdict_name(choice->verdict))) &&
                 api_json_set(item, "may_enrol", json_boolean(choice->verdict == ENROLMENT_OPEN)) &&
                 api_json_set(item, "why", json_string(words)) &&
                 api_json_set(item, "certificate",
                              api_json_text(choice->certificate_number[0] != '\0'
                                                ? choice->certificate_number
                                                : NULL)) &&
                 api_json_set(item, "open_track",
                              choice->open_track_id != 0 ? json_integer(choice->open_track_id)
                                                         : json_null()) &&
                 api_json_set(item, "asks", summary_json(store, program)) &&
                 api_json_set(item, "considerations",
                              texts_json(program->considerations, program->consideration_count));
    if (!built) {
        json_decref(item);
        return NULL;
    }
    return item;
}

static enum ct_status fill_choices(struct web_request *request, const struct api_page *page,
                                   json_t *items, int64_t *total, struct ct_err *err)
{
    struct enrolment_choices choices;
    enum ct_status status = store_enrolment_choices(request->store, request->person_id,
                                                    request->today, request->today, &choices, err);
    if (status != CT_OK) {
        return status;
    }
    *total = (int64_t)choices.count;
    int64_t first = api_json_offset(page);
    for (int64_t i = first; i < *total && i < first + page->per_page && status == CT_OK; i++) {
        status = api_json_append(items, choice_json(request->store, &choices.items[i]));
    }
    store_enrolment_choices_release(&choices);
    return status;
}

enum ct_status api_programs_available(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_choices);
}

/* ---- enrol, withdraw ---- */

static const struct api_input_field enrol_fields[] = {
    API_INPUT("program", API_TEXT, struct track_enrol_input, program),
    API_INPUT("start", API_TEXT, struct track_enrol_input, start),
};

/* Enrols person_id (0: me) as the body says; 201 with the new track. */
static enum ct_status enrol(struct web_request *request, struct web_response *response,
                            int64_t person_id)
{
    struct track_enrol_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, enrol_fields, COUNT(enrol_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    input.person_id = person_id;
    struct track_enrol_result result = {0};
    status = action_track_enrol(request->store, &action.actor, &input, &result, &action.outcome);
    return api_action_answer(request, response, &action, status, api_action_send_track, 201,
                             result.track_id);
}

enum ct_status api_me_enrol(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return enrol(request, response, 0);
}

enum ct_status api_person_enrol(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    return enrol(request, response, id);
}

enum ct_status api_track_withdraw(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    static const struct api_input_field fields[] = {
        API_INPUT("reason", API_TEXT, struct track_withdraw_input, reason),
    };
    struct track_withdraw_input input = {.track_id = id};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, fields, COUNT(fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_track_withdraw(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, api_action_send_track, 200, id);
}
