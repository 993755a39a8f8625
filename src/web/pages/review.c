#include "review.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_award.h"
#include "../../store/store_record.h"
#include "../../store/store_tracks.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* A refused decision: which row's form, what to fix, and what was typed. */
struct review_problem {
    int64_t track;
    const char *form; /* "award" (the track) or "accept-report" (the final report) */
    const char *message;
    const char *comment;
};

static enum ct_status text_cell(struct buf *out, const char *text)
{
    enum ct_status status = html_buf_markup(out, "<td>");
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

/* The decision form of one row: the track id, a comment box and two buttons; the
 * comment box says what to fix when this row's decision was refused. */
static enum ct_status decision_form(struct web_request *request, struct buf *out, int64_t track,
                                    const char *accept_action, const char *accept_label,
                                    const char *return_action, const struct review_problem *problem)
{
    char id[64];
    snprintf(id, sizeof id, "comment-%s%" PRId64, accept_action, track);
    bool wrong =
        problem != NULL && problem->track == track && strcmp(problem->form, accept_action) == 0;
    enum ct_status status =
        html_buf_markup(out, "<form method=\"post\" action=\"/review\">"
                             "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, request->csrf);
    }
    if (status == CT_OK) {
        status = buf_printf(out, "\"><input type=\"hidden\" name=\"track\" value=\"%" PRId64 "\">",
                            track);
    }
    if (status == CT_OK) {
        status = wrong
                     ? html_buf_markup(out, "<div class=\"usa-form-group usa-form-group--error\">")
                     : html_buf_markup(out, "<div class=\"usa-form-group\">");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<label class=\"usa-label\" for=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Comment (needed to return)</label>");
    }
    if (status == CT_OK && wrong) {
        status = html_buf_markup(out, "<span class=\"usa-error-message\" role=\"alert\" id=\"");
        if (status == CT_OK) {
            status = html_buf_text(out, id);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "-error\">");
        }
        if (status == CT_OK) {
            status = html_buf_text(out, problem->message);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</span>");
        }
    }
    if (status == CT_OK) {
        status = wrong ? html_buf_markup(out, "<input class=\"usa-input usa-input--error\""
                                              " aria-invalid=\"true\" aria-describedby=\"")
                       : html_buf_markup(out, "<input class=\"usa-input");
    }
    if (status == CT_OK && wrong) {
        status = html_buf_text(out, id);
    }
    if (status == CT_OK) {
        status = wrong ? html_buf_markup(out, "-error\" type=\"text\" name=\"comment\" id=\"")
                       : html_buf_markup(out, "\" type=\"text\" name=\"comment\" id=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, wrong && problem->comment != NULL ? problem->comment : "");
    }
    if (status == CT_OK) {
        /* Return comes first: Enter in the comment box presses the first button, and a
         * comment is written to return, never to accept or award. */
        status = html_buf_markup(out, "\"></div><div class=\"actions\"><button type=\"submit\""
                                      " class=\"usa-button usa-button--outline\" name=\"action\""
                                      " value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, return_action);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Return</button> <button type=\"submit\""
                                      " class=\"usa-button\" name=\"action\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, accept_action);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, accept_label);
    }
    return status == CT_OK ? html_buf_markup(out, "</button></div></form>") : status;
}

/* The two lists of the page: final reports, and tracks sent for the award. Each pages
 * on its own (reports_page=, tracks_page=). */
static const struct paging_column report_columns[] = {
    {"submitted", "Submitted", "r.submitted", false},
};
static const struct paging_list report_list = {report_columns, 1, 0, false, "t.id", 10,
                                               "final reports"};

static const struct paging_column track_columns[] = {
    {"name", "Learner", "LOWER(p.name)", false},
    {"program", "Program", "t.program", false},
    {"sent", "Sent on", "t.state_changed_at", false},
    {NULL, "Today", NULL, false},
    {NULL, "Credits counted", NULL, true},
    {NULL, "Decision", NULL, false},
};
static const struct paging_list track_list = {
    track_columns, sizeof track_columns / sizeof track_columns[0], 2, false, "t.id", 25, "tracks"};

static const char reports_sql[] =
    "SELECT t.id, p.name, t.program, r.submitted, r.text" REVIEW_REPORTS_FROM;
static const char tracks_sql[] =
    "SELECT t.id, p.name, t.program, substr(t.state_changed_at, 1, 10)" REVIEW_TRACKS_FROM;

/* What one page of a list writes its rows with. */
struct review_rows {
    struct web_request *request;
    struct buf *out;
    const struct review_problem *problem;
};

/* A submitted final report: who, which program, when, the reflection itself, and the
 * decision. */
static enum ct_status report_entry(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct review_rows *page = context;
    struct buf *out = page->out;
    enum ct_status status =
        buf_printf(out,
                   "<section class=\"waiting-plan\" aria-labelledby=\"report-%" PRId64
                   "\"><h3 id=\"report-%" PRId64 "\">",
                   db_column_int64(stmt, 0), db_column_int64(stmt, 0));
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</h3>\n<p>");
    }
    if (status == CT_OK) {
        status = html_buf_text(
            out, program_set_name(page->request->config->programs, db_column_text(stmt, 2)));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, ". Submitted ");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 3));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, ".</p>\n<p class=\"report\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 4));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</p>\n");
    }
    if (status == CT_OK) {
        status = decision_form(page->request, out, db_column_int64(stmt, 0), "accept-report",
                               "Accept", "return-report", page->problem);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</section>\n");
    }
    return status;
}

static enum ct_status reports_section(struct web_request *request, struct buf *out,
                                      const struct review_problem *problem, struct paging *paging,
                                      struct ct_err *err)
{
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(request->store, "SELECT COUNT(*)" REVIEW_REPORTS_FROM, &total, err);
    paging_set_total(paging, total);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Final reports to review</h2>\n");
    }
    if (status == CT_OK && total == 0) {
        return html_buf_markup(out, "<p>No final report waits for review.</p>\n");
    }
    struct review_rows rows = {request, out, problem};
    if (status == CT_OK) {
        status = paging_each_row(request->store->db, reports_sql, NULL, 0, paging, report_entry,
                                 &rows, err);
    }
    return status == CT_OK && paging->pages > 1 ? paging_nav(out, paging) : status;
}

/* What stands in the way of a track's award, in plain words; "Complete" when nothing. */
static enum ct_status blocking_words(struct buf *out, const struct evaluation *evaluation)
{
    if (evaluation->blocking_count == 0) {
        return html_buf_markup(out, "Complete");
    }
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        if (i > 0) {
            status = html_buf_markup(out, " ");
        }
        if (status == CT_OK) {
            status = html_buf_text(out, blocking_description(evaluation->blocking[i].code));
        }
    }
    return status;
}

static enum ct_status track_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct review_rows *page = context;
    struct web_request *request = page->request;
    struct buf *out = page->out;
    int64_t track = db_column_int64(stmt, 0);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track, request->today, &record, &evaluation, err);
    char counted[CREDIT_TEXT_SIZE], required[CREDIT_TEXT_SIZE];
    if (status == CT_OK) {
        credit_format(evaluation->counted_halves, counted);
        credit_format(evaluation->required_halves, required);
        status = html_buf_markup(out, "<tr>");
    }
    if (status == CT_OK) {
        status = text_cell(out, db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status =
            text_cell(out, program_set_name(request->config->programs, db_column_text(stmt, 2)));
    }
    if (status == CT_OK) {
        status = text_cell(out, db_column_text(stmt, 3));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<td>");
    }
    if (status == CT_OK) {
        status = blocking_words(out, evaluation);
    }
    if (status == CT_OK) {
        status = buf_printf(out, "</td><td class=\"number\">%s of %s</td><td>", counted, required);
    }
    if (status == CT_OK) {
        status =
            decision_form(request, out, track, "award", "Award", "return-track", page->problem);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status == CT_OK ? html_buf_markup(out, "</td></tr>\n") : status;
}

static enum ct_status tracks_table(struct web_request *request, struct buf *out,
                                   const struct review_problem *problem, struct paging *paging,
                                   struct ct_err *err)
{
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(request->store, "SELECT COUNT(*)" REVIEW_TRACKS_FROM, &total, err);
    paging_set_total(paging, total);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Tracks submitted for the award</h2>\n");
    }
    if (status == CT_OK && total == 0) {
        return html_buf_markup(out, "<p>No track waits for the award.</p>\n");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    struct review_rows rows = {request, out, problem};
    if (status == CT_OK) {
        status =
            paging_each_row(request->store->db, tracks_sql, NULL, 0, paging, track_row, &rows, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK && paging->pages > 1 ? paging_nav(out, paging) : status;
}

static enum ct_status review_page(struct web_request *request, struct web_response *response,
                                  const char *message, const struct review_problem *problem)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Review and award");
    if (status == CT_OK && message != NULL) {
        /* When a field says what is wrong, it is the one alert; this box only points to it. */
        status =
            problem != NULL
                ? html_buf_markup(out,
                                  "<div class=\"usa-alert usa-alert--error usa-alert--slim\">"
                                  "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">")
                : html_buf_markup(out, "<div class=\"usa-alert usa-alert--error usa-alert--slim\""
                                       " role=\"alert\"><div class=\"usa-alert__body\">"
                                       "<p class=\"usa-alert__text\">");
        if (status == CT_OK) {
            status = html_buf_text(out, message);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</p></div></div>\n");
        }
    }
    struct paging reports, tracks;
    paging_from_request_prefixed(&reports, &report_list, request, "reports_");
    paging_from_request_prefixed(&tracks, &track_list, request, "tracks_");
    /* Each list's links keep where the other list is. */
    static const char *const kept[] = {"reports_page", "reports_sort", "reports_dir",
                                       "tracks_page",  "tracks_sort",  "tracks_dir"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        const char *value = web_query_value(request, kept[i]);
        if (value != NULL) {
            paging_keep(i < 3 ? &tracks : &reports, kept[i], value);
        }
    }
    if (status == CT_OK) {
        status = reports_section(request, out, problem, &reports, &err);
    }
    if (status == CT_OK) {
        status = tracks_table(request, out, problem, &tracks, &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_review(struct web_request *request, struct web_response *response,
                           const char *message)
{
    return review_page(request, response, message, NULL);
}

static const char *const actions[] = {"award", "return-track", "accept-report", "return-report"};

static bool known_action(const char *action)
{
    bool known = false;
    for (size_t i = 0; action != NULL && i < sizeof actions / sizeof actions[0]; i++) {
        known |= strcmp(action, actions[i]) == 0;
    }
    return known;
}

enum ct_status review_decide(struct web_request *request, int64_t track, const char *action,
                             const char *comment, struct award_result *result, struct ct_err *err)
{
    if (!known_action(action)) {
        return ct_err_set(err, CT_ERR_INPUT, "action", "Choose a decision for one of the rows.");
    }
    bool returning = strncmp(action, "return", 6) == 0;
    if (returning && (comment == NULL || comment[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "comment",
                          "Say what to change when returning: the learner will see it.");
    }
    if (strcmp(action, "award") == 0) {
        return store_award(request->store, request->person_id, track, request->today, result, err);
    }
    if (strcmp(action, "return-track") == 0) {
        return store_track_act(request->store, request->person_id, track, "return", comment, err);
    }
    const char *report_action = strcmp(action, "accept-report") == 0 ? "accept" : "return";
    return store_final_report_act(request->store, request->person_id, track, report_action,
                                  request->today, returning ? comment : NULL, err);
}

enum ct_status page_review_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    const char *comment = web_form_value(request, "comment");
    const char *track_text = web_form_value(request, "track");
    int64_t track = track_text != NULL ? strtoll(track_text, NULL, 10) : 0;
    if (!known_action(action) || track <= 0) {
        response->status = 400;
        return page_review(request, response, "Choose a decision for one of the rows.");
    }
    struct ct_err err = {0};
    struct award_result result = {0};
    enum ct_status status = review_decide(request, track, action, comment, &result, &err);
    if (status == CT_ERR_INPUT && strcmp(err.where, "comment") == 0) {
        response->status = 400;
        const char *form = strstr(action, "report") != NULL ? "accept-report" : "award";
        struct review_problem problem = {track, form, err.message, comment};
        return review_page(request, response, "The decision was not saved: see the comment box.",
                           &problem);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_review(request, response, err.message);
    }
    if (status == CT_OK && strcmp(action, "award") == 0) {
        notice_redirect_award(response, "/review", result.number);
    } else if (status == CT_OK) {
        notice_redirect(response, "/review",
                        strcmp(action, "accept-report") == 0   ? "report-accepted"
                        : strcmp(action, "return-report") == 0 ? "report-returned"
                                                               : "track-returned",
                        0);
    }
    return status;
}
