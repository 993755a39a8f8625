#include "review.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../store/store_award.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "html.h"
#include "notice.h"
#include "pages.h"
#include "../core/banned.h"

static enum ct_status text_cell(struct buf *out, const char *text)
{
    enum ct_status status = html_markup(out, "<td>");
    if (status == CT_OK) {
        status = html_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_markup(out, "</td>") : status;
}

/* A small form of one row: the track id, a comment box and two buttons. Return comes
 * first: Enter in the comment box presses the first button, and a comment is written
 * to return, never to accept or award. */
static enum ct_status row_form(struct web_request *request, struct buf *out, int64_t track,
                               const char *accept_action, const char *accept_label,
                               const char *return_action)
{
    char id[32];
    snprintf(id, sizeof id, "%" PRId64, track);
    enum ct_status status = html_markup(out, "<td><form method=\"post\" action=\"/review\">"
                                             "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    if (status == CT_OK) {
        status = html_text(out, request->csrf);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\"><input type=\"hidden\" name=\"track\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, id);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\"><label for=\"comment-");
    }
    if (status == CT_OK) {
        status = html_text(out, accept_action);
    }
    if (status == CT_OK) {
        status = html_text(out, id);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">Comment (needed to return)</label><input type=\"text\""
                                  " name=\"comment\" id=\"comment-");
    }
    if (status == CT_OK) {
        status = html_text(out, accept_action);
    }
    if (status == CT_OK) {
        status = html_text(out, id);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\"><button type=\"submit\" name=\"action\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, return_action);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">Return</button> <button type=\"submit\" name=\"action\""
                                  " value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, accept_action);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, accept_label);
    }
    return status == CT_OK ? html_markup(out, "</button></form></td>") : status;
}

static enum ct_status reports_table(struct web_request *request, struct buf *out,
                                    struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(request->store->db,
                   "SELECT t.id, p.name, t.program, r.submitted, r.text FROM final_reports r"
                   " JOIN tracks t ON t.id = r.track_id JOIN people p ON p.id = t.person_id"
                   " WHERE r.state = 'submitted' ORDER BY r.submitted, t.id LIMIT 100",
                   &stmt, err);
    if (status == CT_OK) {
        status = html_markup(out, "<h2>Final reports to review</h2>\n");
    }
    bool has_row = true;
    int rows = 0;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (rows++ == 0) {
            status =
                html_markup(out, "<table>\n<thead><tr>"
                                 "<th scope=\"col\">Learner</th><th scope=\"col\">Program</th>"
                                 "<th scope=\"col\">Submitted</th><th scope=\"col\">Report</th>"
                                 "<th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
        }
        if (status == CT_OK) {
            status = html_markup(out, "<tr>");
        }
        for (int column = 1; column <= 4 && status == CT_OK; column++) {
            status = text_cell(out, db_column_text(stmt, column));
        }
        if (status == CT_OK) {
            status = row_form(request, out, db_column_int64(stmt, 0), "accept-report", "Accept",
                              "return-report");
        }
        if (status == CT_OK) {
            status = html_markup(out, "</tr>\n");
        }
    }
    db_finalize(stmt);
    if (status == CT_OK && rows == 0) {
        return html_markup(out, "<p>No final report waits for review.</p>\n");
    }
    return status == CT_OK ? html_markup(out, "</tbody>\n</table>\n") : status;
}

static enum ct_status track_row(struct web_request *request, struct buf *out, struct db_stmt *stmt,
                                struct ct_err *err)
{
    int64_t track = db_column_int64(stmt, 0);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track, request->today, &record, &evaluation, err);
    char counted[CREDIT_TEXT_SIZE];
    if (status == CT_OK) {
        credit_format(evaluation->counted_halves, counted);
        status = html_markup(out, "<tr>");
    }
    if (status == CT_OK) {
        status = text_cell(out, db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = text_cell(out, db_column_text(stmt, 2));
    }
    if (status == CT_OK) {
        status = text_cell(out, track_status_name(evaluation->status));
    }
    if (status == CT_OK) {
        status = text_cell(out, counted);
    }
    if (status == CT_OK) {
        status = row_form(request, out, track, "award", "Award", "return-track");
    }
    evaluation_free(evaluation);
    record_free(record);
    return status == CT_OK ? html_markup(out, "</tr>\n") : status;
}

static enum ct_status tracks_table(struct web_request *request, struct buf *out, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db,
                                       "SELECT t.id, p.name, t.program FROM tracks t JOIN people p"
                                       " ON p.id = t.person_id WHERE t.state = 'submitted'"
                                       " ORDER BY t.state_changed_at, t.id LIMIT 100",
                                       &stmt, err);
    if (status == CT_OK) {
        status = html_markup(out, "<h2>Tracks submitted for the award</h2>\n");
    }
    bool has_row = true;
    int rows = 0;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (rows++ == 0) {
            status = html_markup(out, "<table>\n<thead><tr>"
                                      "<th scope=\"col\">Learner</th><th scope=\"col\">Program</th>"
                                      "<th scope=\"col\">Status today</th>"
                                      "<th scope=\"col\">Credits counted</th>"
                                      "<th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
        }
        if (status == CT_OK) {
            status = track_row(request, out, stmt, err);
        }
    }
    db_finalize(stmt);
    if (status == CT_OK && rows == 0) {
        return html_markup(out, "<p>No track waits for the award.</p>\n");
    }
    return status == CT_OK ? html_markup(out, "</tbody>\n</table>\n") : status;
}

enum ct_status page_review(struct web_request *request, struct web_response *response,
                           const char *message)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Review and award");
    if (status == CT_OK && message != NULL) {
        status = html_markup(out, "<div class=\"alert\" role=\"alert\"><p>");
        if (status == CT_OK) {
            status = html_text(out, message);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</p></div>\n");
        }
    }
    if (status == CT_OK) {
        status = reports_table(request, out, &err);
    }
    if (status == CT_OK) {
        status = tracks_table(request, out, &err);
    }
    return status == CT_OK ? page_end(response) : status;
}

/* Applies the decision; for an award, number receives the certificate's number. */
static enum ct_status act(struct web_request *request, int64_t track, const char *action,
                          const char *comment, char number[CERTIFICATE_NUMBER_SIZE],
                          struct ct_err *err)
{
    if (strcmp(action, "award") == 0) {
        struct award_result result;
        enum ct_status status =
            store_award(request->store, request->person_id, track, request->today, &result, err);
        snprintf(number, CERTIFICATE_NUMBER_SIZE, "%s", result.number);
        return status;
    }
    if (strcmp(action, "return-track") == 0) {
        return store_track_act(request->store, request->person_id, track, "return", comment, err);
    }
    const char *report_action = strcmp(action, "accept-report") == 0 ? "accept" : "return";
    return store_final_report_act(request->store, request->person_id, track, report_action,
                                  request->today, comment, err);
}

enum ct_status page_review_submit(struct web_request *request, struct web_response *response)
{
    static const char *const actions[] = {"award", "return-track", "accept-report",
                                          "return-report"};
    const char *action = web_form_value(request, "action");
    const char *comment = web_form_value(request, "comment");
    const char *track_text = web_form_value(request, "track");
    int64_t track = track_text != NULL ? strtoll(track_text, NULL, 10) : 0;
    bool known = false;
    for (size_t i = 0; action != NULL && i < sizeof actions / sizeof actions[0]; i++) {
        known |= strcmp(action, actions[i]) == 0;
    }
    if (!known || track <= 0) {
        response->status = 400;
        return page_review(request, response, "Choose a decision for one of the rows.");
    }
    bool returning = strncmp(action, "return", 6) == 0;
    if (returning && (comment == NULL || comment[0] == '\0')) {
        response->status = 400;
        return page_review(request, response,
                           "Say what to change when returning: the learner will see it.");
    }
    struct ct_err err = {0};
    char number[CERTIFICATE_NUMBER_SIZE] = "";
    enum ct_status status = act(request, track, action, returning ? comment : NULL, number, &err);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_review(request, response, err.message);
    }
    if (status == CT_OK && strcmp(action, "award") == 0) {
        notice_redirect_award(response, "/review", number);
    } else if (status == CT_OK) {
        notice_redirect(response, "/review",
                        strcmp(action, "accept-report") == 0   ? "report-accepted"
                        : strcmp(action, "return-report") == 0 ? "report-returned"
                                                               : "track-returned",
                        0);
    }
    return status;
}
