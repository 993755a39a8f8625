#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../store/store_tracks.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum { REPORT_TEXT_SIZE = 20000 };

struct report_state {
    bool exists;
    char state[16];
    char comment[1024];
};

static enum ct_status read_report(struct web_request *request, int64_t track, char *text,
                                  struct report_state *report, struct ct_err *err)
{
    memset(report, 0, sizeof *report);
    text[0] = '\0';
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db,
                                       "SELECT text, state, COALESCE(returned_comment, '')"
                                       " FROM final_reports WHERE track_id = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(track)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, &report->exists, err);
    }
    if (status == CT_OK && report->exists) {
        snprintf(text, REPORT_TEXT_SIZE, "%s", db_column_text(stmt, 0));
        snprintf(report->state, sizeof report->state, "%s", db_column_text(stmt, 1));
        snprintf(report->comment, sizeof report->comment, "%s", db_column_text(stmt, 2));
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status paragraph(struct buf *out, const char *before, const char *text)
{
    enum ct_status status = html_buf_markup_literal(out, before);
    if (status == CT_OK) {
        status = html_buf_text(out, text);
    }
    return status == CT_OK ? html_buf_markup(out, "</p>\n") : status;
}

static enum ct_status report_form(struct web_request *request, struct buf *out, const char *text,
                                  const char *text_error)
{
    enum ct_status status =
        html_buf_markup(out, "<form method=\"post\" action=\"/report\""
                             " class=\"usa-form usa-form--large report-form\">\n");
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    if (status == CT_OK) {
        struct form_field reflection = {
            .id = "text",
            .label = "Your reflection: what you learned, and how it served your library's goals",
            .hint = "Save a draft as often as you like; the State Library sees it once you submit.",
            .error = text_error,
            .control = FORM_TEXTAREA,
            .value = text,
            .required = true,
        };
        status = form_field_write(out, &reflection);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<div class=\"actions\"><button type=\"submit\""
                 " class=\"usa-button usa-button--outline\" name=\"action\" value=\"save\">Save "
                 "draft</button> "
                 "<button type=\"submit\" class=\"usa-button\" name=\"action\" value=\"submit\">"
                 "Submit to the State Library</button></div>\n</form>\n");
    }
    return status;
}

static enum ct_status report_page(struct web_request *request, struct web_response *response,
                                  const char *message, const char *text_error)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    struct track_info track;
    enum ct_status status = page_begin(request, response, "Final report");
    if (status == CT_OK && message != NULL) {
        status = paragraph(
            out,
            text_error != NULL
                ? "<div class=\"usa-alert usa-alert--error usa-alert--slim\"><div "
                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">"
                : "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\"><div "
                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">",
            message);
        if (status == CT_OK) {
            status = html_buf_markup(out, "</div></div>\n");
        }
    }
    if (status == CT_OK &&
        store_track_current(request->store, request->person_id, &track, &err) != CT_OK) {
        status = html_buf_markup(out, "<p>You are not enrolled in a certification track.</p>\n");
        return status == CT_OK ? page_end(request, response) : status;
    }
    char *text = malloc(REPORT_TEXT_SIZE);
    struct report_state report;
    if (status == CT_OK && text == NULL) {
        status = CT_ERR_NOMEM;
    }
    if (status == CT_OK) {
        status = read_report(request, track.id, text, &report, &err);
    }
    const char *typed = web_form_value(request, "text");
    if (status == CT_OK && report.comment[0] != '\0' && strcmp(report.state, "draft") == 0) {
        status = paragraph(out,
                           "<div class=\"usa-alert usa-alert--warning usa-alert--slim\">"
                           "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">"
                           "Returned by the State Library: ",
                           report.comment);
        if (status == CT_OK) {
            status = html_buf_markup(out, "</div></div>\n");
        }
    }
    if (status == CT_OK && report.exists && strcmp(report.state, "draft") != 0) {
        status = paragraph(out, "<p>Your report is ", report.state);
        if (status == CT_OK) {
            status = paragraph(out, "<p class=\"report\">", text);
        }
    } else if (status == CT_OK) {
        status = report_form(request, out, typed != NULL ? typed : text, text_error);
    }
    free(text);
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_report(struct web_request *request, struct web_response *response,
                           const char *message)
{
    return report_page(request, response, message, NULL);
}

enum ct_status report_save(struct web_request *request, bool *submitted, struct ct_err *err)
{
    const char *text = web_form_value(request, "text");
    const char *action = web_form_value(request, "action");
    struct track_info track;
    *submitted = action != NULL && strcmp(action, "submit") == 0;
    if (action != NULL && !*submitted && strcmp(action, "save") != 0) {
        return ct_err_set(err, CT_ERR_INPUT, "action", "Choose save or submit.");
    }
    if (store_track_current(request->store, request->person_id, &track, err) != CT_OK) {
        return ct_err_set(err, CT_ERR_INPUT, "track",
                          "You are not enrolled in a certification track.");
    }
    if (text == NULL || text[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "text", "Write your reflection before saving it.");
    }
    enum ct_status status = db_begin(request->store->db, err);
    if (status == CT_OK) {
        status = store_final_report_save(request->store, request->person_id, track.id, text, err);
    }
    if (status == CT_OK && *submitted) {
        status = store_final_report_act(request->store, request->person_id, track.id, "submit",
                                        request->today, NULL, err);
    }
    return store_finish(request->store, status, err);
}

enum ct_status page_report_submit(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    bool submitted = false;
    enum ct_status status = report_save(request, &submitted, &err);
    if (status == CT_ERR_INPUT && strcmp(err.where, "text") == 0) {
        response->status = 400;
        return report_page(request, response, "Nothing was saved: see the reflection.",
                           err.message);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_report(request, response, err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/report", submitted ? "report-submitted" : "report-saved", 0);
    }
    return status;
}
