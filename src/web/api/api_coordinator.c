#include "api_coordinator.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/award.h"
#include "../../actions/catalog.h"
#include "../../actions/certificates.h"
#include "../../actions/reports_review.h"
#include "../../certificates/credential.h"
#include "../../store/store_certificate_list.h"
#include "../../store/store_event_list.h"
#include "../../store/store_review.h"
#include "../../store/store_settings.h"
#include "api.h"
#include "api_action.h"
#include "api_json.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- the catalog ---- */

static json_t *event_json(const struct store_event_row *event)
{
    json_t *links = json_array();
    for (size_t i = 0; links != NULL && i < event->link_count; i++) {
        const struct store_event_link_row *link = &event->links[i];
        const char *activity = link->activity_name[0] != '\0' ? link->activity_name : NULL;
        if (json_array_append_new(links, json_pack("{s:s, s:o}", "url", link->url, "activity",
                                                   api_json_text(activity))) != 0) {
            json_decref(links);
            links = NULL;
        }
    }
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:b, s:o}", "id",
                     (json_int_t)event->id, "title", event->title, "kind", event->kind, "category",
                     event->category, "credits", api_json_credits(event->credit_halves), "sponsor",
                     event->sponsor, "starts", api_json_date(event->starts), "ends",
                     api_json_date(event->ends), "lms_verifies", event->lms_verifies, "links",
                     links);
}

static enum ct_status fill_events(struct web_request *request, const struct api_page *page,
                                  json_t *items, int64_t *total, struct ct_err *err)
{
    struct store_event_row *events = NULL;
    size_t count = 0;
    struct store_page newest = api_json_store_page(page, STORE_EVENT_NEWEST, true);
    enum ct_status status = store_event_list_count(request->store, NULL, total, err);
    status = status != CT_OK ? status
                             : store_event_list(request->store, NULL, &newest, &request->arena,
                                                &events, &count, err);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        status = api_json_append(items, event_json(&events[i]));
    }
    return status;
}

enum ct_status api_catalog_events(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_events);
}

static const struct api_input_field event_fields[] = {
    API_INPUT("title", API_TEXT, struct catalog_event_input, title),
    API_INPUT("kind", API_TEXT, struct catalog_event_input, kind),
    API_INPUT("starts", API_TEXT, struct catalog_event_input, starts),
    API_INPUT("ends", API_TEXT, struct catalog_event_input, ends),
    API_INPUT("sponsor", API_TEXT, struct catalog_event_input, sponsor),
    API_INPUT("credits", API_NUMBER, struct catalog_event_input, credits),
    API_INPUT("category", API_TEXT, struct catalog_event_input, category),
    API_INPUT("urls", API_LINES, struct catalog_event_input, urls),
    API_INPUT("activity_names", API_LINES, struct catalog_event_input, activity_names),
    API_INPUT("lms_verifies", API_BOOL, struct catalog_event_input, lms_verifies),
};

enum ct_status api_catalog_event_add(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    (void)id;
    struct catalog_event_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, event_fields, COUNT(event_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct catalog_event_result result;
    status =
        action_catalog_event_add(request->store, &action.actor, &input, &result, &action.outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &action.outcome);
    }
    struct store_event_row event;
    bool found = false;
    status = status != CT_OK ? status
                             : store_event_list_get(request->store, result.id, &request->arena,
                                                    &event, &found, &action.outcome.err);
    if (status == CT_OK && !found) { /* removed since, by another request */
        return api_json_error(response, 404, "not-found", "There is no such event.", NULL);
    }
    return status != CT_OK ? status : api_json_send(response, 201, event_json(&event));
}

/* ---- certificates ---- */

static json_t *certificate_json(const struct store_certificate_row *certificate)
{
    return json_pack("{s:I, s:s, s:I, s:s, s:s, s:o, s:o, s:o, s:o}", "id",
                     (json_int_t)certificate->id, "number", certificate->number, "person",
                     (json_int_t)certificate->person_id, "name", certificate->holder, "program",
                     certificate->program, "issued", api_json_date(certificate->issued),
                     "valid_until", api_json_date(certificate->valid_until), "revoked",
                     api_json_date(certificate->revoked), "revoked_reason",
                     api_json_text(certificate->revoked_reason));
}

static enum ct_status fill_certificates(struct web_request *request, const struct api_page *page,
                                        json_t *items, int64_t *total, struct ct_err *err)
{
    const char *query = web_query_value(request, "q");
    if (query != NULL && strlen(query) > STORE_CERTIFICATE_SEARCH_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "q", "q must be at most 100 characters.");
    }
    struct store_certificate_row *rows = NULL;
    size_t count = 0;
    struct store_page newest = api_json_store_page(page, STORE_CERTIFICATE_NEWEST, true);
    enum ct_status status = store_certificate_list_count(request->store, query, total, err);
    status = status != CT_OK ? status
                             : store_certificate_list(request->store, query, &newest,
                                                      &request->arena, &rows, &count, err);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        status = api_json_append(items, certificate_json(&rows[i]));
    }
    return status;
}

enum ct_status api_certificates(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_certificates);
}

enum ct_status api_certificate_revoke(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    static const struct api_input_field fields[] = {
        API_INPUT("reason", API_TEXT, struct certificate_revoke_input, reason),
    };
    /* The request is the confirmation a page asks for with its checkbox. */
    struct certificate_revoke_input input = {.certificate_id = id, .confirmed = true};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, fields, COUNT(fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_certificate_revoke(request->store, &action.actor, &input, &action.outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &action.outcome);
    }
    struct store_certificate_row certificate;
    bool found = false;
    status = status != CT_OK ? status
                             : store_certificate_view(request->store, id, &request->arena,
                                                      &certificate, &found, &action.outcome.err);
    if (status == CT_OK && !found) {
        return api_json_error(response, 404, "not-found", "There is no such certificate.", NULL);
    }
    return status != CT_OK ? status : api_json_send(response, 200, certificate_json(&certificate));
}

/* ---- review ---- */

/* The summary's blocking codes (space-separated, as api_json_blocking writes them) as
 * an array; NULL when memory runs out. */
static json_t *summary_blocking_json(const struct track_summary *summary)
{
    json_t *codes = json_array();
    const char *at = summary->blocking;
    while (codes != NULL && *at != '\0') {
        size_t length = strcspn(at, " ");
        if (json_array_append_new(codes, json_stringn(at, length)) != 0) {
            json_decref(codes);
            codes = NULL;
        }
        at += length;
        at += *at == ' ';
    }
    return codes;
}

/* A submitted track with its summary as of today (store_review_tracks_on: never
 * evaluated here) as JSON; NULL when memory runs out. */
static json_t *review_track_json(const struct store_review_track *row)
{
    const struct track_summary *summary = &row->summary;
    return json_pack(
        "{s:I, s:I, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "id", (json_int_t)row->track_id,
        "person", (json_int_t)row->person_id, "name", row->name, "program", row->program, "started",
        api_json_date(row->started), "deadline", api_json_date(row->deadline), "status",
        track_status_name(summary->status), "counted", api_json_credits(summary->counted_halves),
        "required", api_json_credits(summary->required_halves), "blocking",
        summary_blocking_json(summary));
}

static enum ct_status fill_review_tracks(struct web_request *request, const struct api_page *page,
                                         json_t *items, int64_t *total, struct ct_err *err)
{
    struct store_review_track *rows = NULL;
    size_t count = 0;
    struct store_page oldest = api_json_store_page(page, STORE_REVIEW_TRACK_SENT, false);
    enum ct_status status = store_review_tracks_count(request->store, total, err);
    status = status != CT_OK ? status
                             : store_review_tracks_on(request->store, request->today, &oldest,
                                                      &request->arena, &rows, &count, err);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        json_t *track = review_track_json(&rows[i]);
        status = track != NULL ? api_json_append(items, track) : ct_err_nomem(err);
    }
    return status;
}

enum ct_status api_review_tracks(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_review_tracks);
}

static json_t *review_report_json(const struct store_review_report *report)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:o, s:s}", "track", (json_int_t)report->track_id,
                     "person", (json_int_t)report->person_id, "name", report->name, "program",
                     report->program, "submitted", api_json_date(report->submitted), "text",
                     report->text);
}

static enum ct_status fill_review_reports(struct web_request *request, const struct api_page *page,
                                          json_t *items, int64_t *total, struct ct_err *err)
{
    struct store_review_report *rows = NULL;
    size_t count = 0;
    struct store_page oldest = api_json_store_page(page, STORE_REVIEW_REPORT_SUBMITTED, false);
    enum ct_status status = store_review_reports_count(request->store, total, err);
    status = status != CT_OK ? status
                             : store_review_reports(request->store, &oldest, &request->arena, &rows,
                                                    &count, err);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        status = api_json_append(items, review_report_json(&rows[i]));
    }
    return status;
}

enum ct_status api_review_reports(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_review_reports);
}

/* ---- decisions on a track ---- */

/* The answer to an award: the certificate and the track that follows. */
static json_t *award_json(const struct award_result *result, const char *public_url)
{
    char valid_until[CIVIL_DATE_TEXT_SIZE], url[STORE_SETTING_SIZE + 64];
    civil_date_format(result->valid_until, valid_until);
    credential_verify_url(public_url, result->verification_code, url, sizeof url);
    return json_pack("{s:{s:I, s:s, s:s, s:s, s:s}, s:{s:I, s:s}}", "certificate", "id",
                     (json_int_t)result->certificate_id, "number", result->number,
                     "verification_code", result->verification_code, "verification_url", url,
                     "valid_until", valid_until, "next_track", "id",
                     (json_int_t)result->next_track_id, "program", result->next_program);
}

enum ct_status api_track_award(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    struct track_award_input input = {.track_id = id};
    struct api_action action;
    enum ct_status status = api_action_read(request, response, NULL, 0, &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct award_result result;
    status = action_track_award(request->store, &action.actor, &input, &result, &action.outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &action.outcome);
    }
    char public_url[STORE_SETTING_SIZE];
    status = status != CT_OK
                 ? status
                 : store_setting_get(request->store, "public-url", public_url, &action.outcome.err);
    return status != CT_OK ? status : api_json_send(response, 201, award_json(&result, public_url));
}

static const struct api_input_field track_return_fields[] = {
    API_INPUT("comment", API_TEXT, struct track_return_input, comment),
};

enum ct_status api_track_return(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    struct track_return_input input = {.track_id = id};
    struct api_action action;
    enum ct_status status = api_action_read(request, response, track_return_fields,
                                            COUNT(track_return_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_track_return(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, api_action_send_track, 200, id);
}

enum ct_status api_report_accept(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct report_accept_input input = {.track_id = id};
    struct api_action action;
    enum ct_status status = api_action_read(request, response, NULL, 0, &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_report_accept(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, api_action_send_report, 200, id);
}

static const struct api_input_field report_return_fields[] = {
    API_INPUT("comment", API_TEXT, struct report_return_input, comment),
};

enum ct_status api_report_return(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct report_return_input input = {.track_id = id};
    struct api_action action;
    enum ct_status status = api_action_read(request, response, report_return_fields,
                                            COUNT(report_return_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_report_return(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, api_action_send_report, 200, id);
}
