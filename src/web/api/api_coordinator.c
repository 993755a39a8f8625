#include "api_coordinator.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../../store/store_record.h"
#include "api.h"
#include "api_json.h"
#include "../pages/catalog.h"
#include "../pages/certificates.h"
#include "../pages/review.h"
#include "../../certificates/credential.h"
#include "../../store/store_settings.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- the catalog ---- */

static const struct api_column event_columns[] = {
    {"id", API_COLUMN_INT},
    {"title", API_COLUMN_TEXT},
    {"kind", API_COLUMN_TEXT},
    {"category", API_COLUMN_TEXT},
    {"credits", API_COLUMN_CREDITS},
    {"sponsor", API_COLUMN_TEXT},
    {"starts", API_COLUMN_TEXT},
    {"ends", API_COLUMN_TEXT},
    {"lms_verifies", API_COLUMN_BOOL},
};

#define EVENT_SELECT                                                                               \
    "SELECT e.id, e.title, e.kind, e.category, e.credit_halves, e.sponsor, e.starts, e.ends,"      \
    " e.lms_verifies FROM events e"

/* Gives every event of events its LMS links, as "links": [{"url", "activity"}]. */
static enum ct_status add_links(struct store *store, json_t *events, struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"url", API_COLUMN_TEXT},
        {"activity", API_COLUMN_TEXT},
    };
    enum ct_status status = CT_OK;
    size_t index;
    json_t *event;
    json_array_foreach(events, index, event)
    {
        json_t *links = NULL;
        status =
            api_json_rows(store,
                          "SELECT url, NULLIF(activity_name, '') FROM event_lms_links"
                          " WHERE event_id = ? ORDER BY url, activity_name",
                          STORE_PARAMS(DB_INT(json_integer_value(json_object_get(event, "id")))), 1,
                          columns, COUNT(columns), &links, err);
        if (status == CT_OK && !api_json_set(event, "links", links)) {
            status = ct_err_nomem(err);
        }
        if (status != CT_OK) {
            break;
        }
    }
    return status;
}

enum ct_status api_catalog_events(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t total = 0;
    json_t *items = NULL;
    status = store_exec(request->store, "SELECT COUNT(*) FROM events", NULL, 0, &total, &err);
    if (status == CT_OK) {
        status = api_json_rows(request->store,
                               EVENT_SELECT " ORDER BY e.starts DESC, e.id DESC LIMIT ? OFFSET ?",
                               STORE_PARAMS(DB_INT(page.per_page), DB_INT(api_json_offset(&page))),
                               2, event_columns, COUNT(event_columns), &items, &err);
    }
    if (status == CT_OK) {
        status = add_links(request->store, items, &err);
    }
    if (status != CT_OK) {
        json_decref(items);
        return status;
    }
    return api_json_send(response, 200, api_json_list(items, &page, total));
}

static const struct api_field event_fields[] = {
    {"title", NULL, API_TEXT},           {"kind", NULL, API_TEXT},
    {"starts", NULL, API_TEXT},          {"ends", NULL, API_TEXT},
    {"sponsor", NULL, API_TEXT},         {"credits", NULL, API_NUMBER},
    {"category", NULL, API_TEXT},        {"urls", NULL, API_LINES},
    {"activity_names", NULL, API_LINES}, {"lms_verifies", NULL, API_BOOL},
};

enum ct_status api_catalog_event_add(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    (void)id;
    bool ok = false;
    enum ct_status status =
        api_json_read_body(request, response, event_fields, COUNT(event_fields), &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t event_id = 0;
    status = catalog_event_add(request, &event_id, &err);
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, event_fields, COUNT(event_fields));
    }
    json_t *events = NULL;
    if (status == CT_OK) {
        status = api_json_rows(request->store, EVENT_SELECT " WHERE e.id = ?",
                               STORE_PARAMS(DB_INT(event_id)), 1, event_columns,
                               COUNT(event_columns), &events, &err);
    }
    if (status == CT_OK) {
        status = add_links(request->store, events, &err);
    }
    json_t *event = json_incref(json_array_get(events, 0));
    json_decref(events);
    if (status != CT_OK) {
        json_decref(event);
        return status;
    }
    return api_json_send(response, 201, event);
}

/* ---- certificates ---- */

static const struct api_column certificate_columns[] = {
    {"id", API_COLUMN_INT},
    {"number", API_COLUMN_TEXT},
    {"person", API_COLUMN_INT},
    {"name", API_COLUMN_TEXT},
    {"program", API_COLUMN_TEXT},
    {"issued", API_COLUMN_TEXT},
    {"valid_until", API_COLUMN_TEXT},
    {"revoked", API_COLUMN_TEXT},
    {"revoked_reason", API_COLUMN_TEXT},
};

#define CERTIFICATE_COLUMNS                                                                        \
    "SELECT c.id, c.number, p.id, p.name, c.program, c.issued, c.valid_until, c.revoked,"          \
    " c.revoked_reason"

enum { QUERY_MAX = 100 };

enum ct_status api_certificates(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    const char *query = web_query_value(request, "q");
    if (query != NULL && strlen(query) > QUERY_MAX) {
        return api_json_error(response, 400, "invalid", "q must be at most 100 characters.", "q");
    }
    char pattern[2 * QUERY_MAX + 4];
    certificates_like_pattern(query, pattern, sizeof pattern);
    struct ct_err err = {0};
    int64_t total = 0;
    json_t *items = NULL;
    status = STORE_EXEC(request->store, "SELECT COUNT(*)" CERTIFICATES_FILTER_FROM, &total, &err,
                        DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern));
    if (status == CT_OK) {
        status = api_json_rows(request->store,
                               CERTIFICATE_COLUMNS CERTIFICATES_FILTER_FROM
                               " ORDER BY c.issued DESC, c.id DESC LIMIT ? OFFSET ?",
                               STORE_PARAMS(DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern),
                                            DB_INT(page.per_page), DB_INT(api_json_offset(&page))),
                               5, certificate_columns, COUNT(certificate_columns), &items, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, api_json_list(items, &page, total))
                           : status;
}

static enum ct_status certificate_json(struct store *store, int64_t id, json_t **certificate,
                                       struct ct_err *err)
{
    return api_json_first(store,
                          CERTIFICATE_COLUMNS " FROM certificates c JOIN people p"
                                              " ON p.id = c.person_id WHERE c.id = ?",
                          STORE_PARAMS(DB_INT(id)), 1, certificate_columns,
                          COUNT(certificate_columns), certificate, err);
}

enum ct_status api_certificate_revoke(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    static const struct api_field fields[] = {{"reason", NULL, API_TEXT}};
    bool ok = false;
    enum ct_status status = api_json_read_body(request, response, fields, COUNT(fields), &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    json_t *certificate = NULL;
    status = certificate_json(request->store, id, &certificate, &err);
    if (status == CT_OK && certificate == NULL) {
        return api_json_error(response, 404, "not-found", "There is no certificate with this id.",
                              NULL);
    }
    json_decref(certificate);
    certificate = NULL;
    if (status == CT_OK) {
        status = certificates_revoke(request, id, web_form_value(request, "reason"), &err);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, fields, COUNT(fields));
    }
    if (status == CT_OK) {
        status = certificate_json(request->store, id, &certificate, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, certificate) : status;
}

/* ---- review ---- */

/* The blocking codes of an evaluation, "category-short:technology" for a category. */
static json_t *blocking_json(const struct evaluation *evaluation)
{
    json_t *codes = json_array();
    for (size_t i = 0; codes != NULL && i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        char code[160];
        snprintf(code, sizeof code, "%s%s%s", blocking_code_name(item->code),
                 item->code == BLOCKING_CATEGORY_SHORT ? ":" : "",
                 item->code == BLOCKING_CATEGORY_SHORT
                     ? evaluation->program->categories[item->category].id
                     : "");
        if (json_array_append_new(codes, json_string(code)) != 0) {
            json_decref(codes);
            codes = NULL;
        }
    }
    return codes;
}

/* Adds to a row of a submitted track its evaluation today. */
static enum ct_status add_evaluation(struct web_request *request, json_t *track, struct ct_err *err)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, json_integer_value(json_object_get(track, "id")),
                              request->today, &record, &evaluation, err);
    if (status == CT_OK &&
        (!api_json_set(track, "status", json_string(track_status_name(evaluation->status))) ||
         !api_json_set(track, "counted", api_json_credits(evaluation->counted_halves)) ||
         !api_json_set(track, "required", api_json_credits(evaluation->required_halves)) ||
         !api_json_set(track, "blocking", blocking_json(evaluation)))) {
        status = ct_err_nomem(err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

/* A page of a review list: count_sql gives the total, rows_sql the page (two
 * parameters: LIMIT and OFFSET); with evaluate, each row gets its evaluation. */
static enum ct_status review_list(struct web_request *request, struct web_response *response,
                                  const char *count_sql, const char *rows_sql,
                                  const struct api_column *columns, size_t count, bool evaluate)
{
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t total = 0;
    json_t *items = NULL;
    status = store_exec(request->store, count_sql, NULL, 0, &total, &err);
    if (status == CT_OK) {
        status = api_json_rows(request->store, rows_sql,
                               STORE_PARAMS(DB_INT(page.per_page), DB_INT(api_json_offset(&page))),
                               2, columns, count, &items, &err);
    }
    size_t index;
    json_t *track;
    json_array_foreach(items, index, track)
    {
        if (status == CT_OK && evaluate) {
            status = add_evaluation(request, track, &err);
        }
    }
    if (status != CT_OK) {
        json_decref(items);
        return status;
    }
    return api_json_send(response, 200, api_json_list(items, &page, total));
}

enum ct_status api_review_tracks(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},       {"person", API_COLUMN_INT},   {"name", API_COLUMN_TEXT},
        {"program", API_COLUMN_TEXT}, {"started", API_COLUMN_TEXT}, {"deadline", API_COLUMN_TEXT},
    };
    return review_list(
        request, response, "SELECT COUNT(*)" REVIEW_TRACKS_FROM,
        "SELECT t.id, p.id, p.name, t.program, t.started, t.deadline" REVIEW_TRACKS_FROM
        " ORDER BY t.state_changed_at, t.id LIMIT ? OFFSET ?",
        columns, COUNT(columns), true);
}

enum ct_status api_review_reports(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    static const struct api_column columns[] = {
        {"track", API_COLUMN_INT},    {"person", API_COLUMN_INT},     {"name", API_COLUMN_TEXT},
        {"program", API_COLUMN_TEXT}, {"submitted", API_COLUMN_TEXT}, {"text", API_COLUMN_TEXT},
    };
    return review_list(
        request, response, "SELECT COUNT(*)" REVIEW_REPORTS_FROM,
        "SELECT t.id, p.id, p.name, t.program, r.submitted, r.text" REVIEW_REPORTS_FROM
        " ORDER BY r.submitted, t.id LIMIT ? OFFSET ?",
        columns, COUNT(columns), false);
}

static const struct api_field comment_fields[] = {{"comment", NULL, API_TEXT}};

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

/* Applies a review decision on track id, as the review page does. */
static enum ct_status track_decision(struct web_request *request, struct web_response *response,
                                     int64_t id, const char *action, const struct api_field *fields,
                                     size_t count)
{
    bool ok = false;
    enum ct_status status = api_json_read_body(request, response, fields, count, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    json_t *answer = NULL;
    status = api_track_json(request->store, id, &answer, &err);
    if (status == CT_OK && answer == NULL) {
        return api_json_error(response, 404, "not-found", "There is no track with this id.", NULL);
    }
    json_decref(answer);
    answer = NULL;
    struct award_result result = {0};
    if (status == CT_OK) {
        status =
            review_decide(request, id, action, web_form_value(request, "comment"), &result, &err);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, fields, count);
    }
    if (status != CT_OK) {
        return status;
    }
    if (strcmp(action, "award") == 0) {
        char public_url[STORE_SETTING_SIZE];
        status = store_setting_get(request->store, "public-url", public_url, &err);
        return status == CT_OK ? api_json_send(response, 201, award_json(&result, public_url))
                               : status;
    }
    status = strstr(action, "report") != NULL ? api_report_json(request->store, id, &answer, &err)
                                              : api_track_json(request->store, id, &answer, &err);
    return status == CT_OK ? api_json_send(response, 200, answer) : status;
}

enum ct_status api_track_award(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    return track_decision(request, response, id, "award", NULL, 0);
}

enum ct_status api_track_return(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    return track_decision(request, response, id, "return-track", comment_fields,
                          COUNT(comment_fields));
}

enum ct_status api_report_accept(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    return track_decision(request, response, id, "accept-report", NULL, 0);
}

enum ct_status api_report_return(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    return track_decision(request, response, id, "return-report", comment_fields,
                          COUNT(comment_fields));
}
