#include "dashboard.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_people.h"
#include "../../store/store_record.h"
#include "../../store/store_tracks.h"
#include "certificate_files.h"
#include "../html/chart.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "track.h"
#include "../../core/banned.h"

/* ---- the dashboard ---- */

static enum ct_status credit_cell(struct buf *out, int64_t halves)
{
    char text[CREDIT_TEXT_SIZE];
    credit_format(halves, text);
    return html_buf_text(out, text);
}

static enum ct_status date_cell(struct buf *out, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return html_buf_text(out, text);
}

const char *page_status_words(enum track_status status)
{
    switch (status) {
    case TRACK_COMPLETE:
        return "Complete: ready for the award";
    case TRACK_IN_PROGRESS:
        return "In progress";
    case TRACK_INELIGIBLE:
        return "Not eligible: a prior certificate is needed";
    case TRACK_EXPIRED:
        return "Past the deadline";
    }
    return "Unknown";
}

/* "N of at most M" self-directed credits, for a program that has a cap. */
static enum ct_status self_directed_summary(struct buf *out, const struct evaluation *evaluation)
{
    const struct kind_rule *rule = &evaluation->program->kinds[ACTIVITY_KIND_SELF_DIRECTED];
    if (!rule->accepted || rule->max_halves <= 0) {
        return CT_OK;
    }
    enum ct_status status = html_buf_markup(out, "</dd>\n<dt>Self-directed</dt><dd>");
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->self_directed_halves);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, " of at most ");
    }
    return status == CT_OK ? credit_cell(out, rule->max_halves) : status;
}

static enum ct_status progress_summary(struct buf *out, const struct track_info *track,
                                       const struct evaluation *evaluation)
{
    enum ct_status status = html_buf_markup(out, "<dl class=\"summary\">\n<dt>Program</dt><dd>");
    if (status == CT_OK) {
        status = html_buf_text(out, evaluation->program->name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dd>\n<dt>Started</dt><dd>");
    }
    if (status == CT_OK) {
        status = date_cell(out, track->started);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dd>\n<dt>Status</dt><dd>");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, page_status_words(evaluation->status));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dd>\n<dt>Credits counted</dt><dd>");
    }
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->counted_halves);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, " of ");
    }
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->required_halves);
    }
    if (status == CT_OK) {
        status = self_directed_summary(out, evaluation);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dd>\n<dt>Deadline</dt><dd>");
    }
    if (status == CT_OK) {
        status = date_cell(out, evaluation->deadline);
    }
    return status == CT_OK ? html_buf_markup(out, "</dd>\n</dl>\n") : status;
}

/* The link to the page where the learner does what a blocking item asks, or "". */
static const char *blocking_next_step(enum blocking_code code)
{
    switch (code) {
    case BLOCKING_CREDITS_SHORT:
    case BLOCKING_CATEGORY_SHORT:
        return " <a href=\"/activities/new\">Claim an activity</a>";
    case BLOCKING_PLAN_MISSING:
        return " <a href=\"/plan\">Write your plan</a>";
    case BLOCKING_PLAN_NOT_APPROVED:
        return " <a href=\"/plan\">See your plan</a>";
    case BLOCKING_FINAL_REPORT_MISSING:
        return " <a href=\"/report\">Write your final report</a>";
    case BLOCKING_FINAL_REPORT_NOT_ACCEPTED:
        return " <a href=\"/report\">See your final report</a>";
    case BLOCKING_NO_PRIOR_CERTIFICATE:
    case BLOCKING_TRACK_EXPIRED:
        break;
    }
    return "";
}

static enum ct_status blocking_list(struct buf *out, const struct evaluation *evaluation, bool own)
{
    if (evaluation->blocking_count == 0) {
        return own ? html_buf_markup(out, "<p>Nothing stands in the way of your certificate.</p>\n")
                   : html_buf_markup(out, "<p>Nothing stands in the way of the certificate.</p>\n");
    }
    enum ct_status status = html_buf_markup(out, "<h2>What is still needed</h2>\n<ul>\n");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        status = html_buf_markup(out, "<li>");
        if (status == CT_OK) {
            status = html_buf_text(out, blocking_description(item->code));
        }
        if (status == CT_OK && item->code == BLOCKING_CATEGORY_SHORT) {
            status = html_buf_markup(out, " (");
            if (status == CT_OK) {
                status = html_buf_text(out, evaluation->program->categories[item->category].name);
            }
            if (status == CT_OK) {
                status = html_buf_markup(out, ")");
            }
        }
        if (status == CT_OK && own) {
            status = html_buf_markup_literal(out, blocking_next_step(item->code));
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</li>\n");
        }
    }
    return status == CT_OK ? html_buf_markup(out, "</ul>\n") : status;
}

/* A cell of a table that stacks into label: value lines on a phone (usa-table--stacked). */
static enum ct_status stacked_cell(struct buf *out, const char *label, bool number)
{
    enum ct_status status = html_buf_markup(out, "<td data-label=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, label);
    }
    return status == CT_OK ? (number ? html_buf_markup(out, "\" class=\"number\">")
                                     : html_buf_markup(out, "\">"))
                           : status;
}

static enum ct_status text_cell(struct buf *out, const char *label, const char *text)
{
    enum ct_status status = stacked_cell(out, label, false);
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

static enum ct_status activity_row(struct buf *out, struct db_stmt *titles, int64_t person_id,
                                   const struct activity *activity,
                                   const struct activity_result *result, struct ct_err *err)
{
    db_reset(titles);
    enum ct_status status =
        db_bind_all(titles, STORE_PARAMS(DB_INT(person_id), DB_TEXT(activity->id)), 2, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(titles, &has_row, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tr>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Activity", has_row ? db_column_text(titles, 0) : activity->id);
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Date", false);
    }
    if (status == CT_OK) {
        status = date_cell(out, activity->date);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Kind", activity_kind_name(activity->kind));
    }
    if (status == CT_OK) {
        status = text_cell(out, "Status", activity_status_name(activity->status));
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Worth", true);
    }
    if (status == CT_OK) {
        status = credit_cell(out, result->credit_halves);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Counted", true);
    }
    if (status == CT_OK) {
        status = credit_cell(out, result->counted_halves);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Why", reason_description(result->reason));
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status activity_table(struct web_request *request, struct buf *out,
                                     const struct learner_record *record,
                                     const struct evaluation *evaluation, int64_t person_id,
                                     bool own, struct ct_err *err)
{
    if (record->activity_count == 0) {
        return own ? html_buf_markup(out, "<h2>Your activities</h2>\n<p>No activity counts toward"
                                          " this track yet. <a href=\"/activities/new\">Claim an"
                                          " activity</a> once it has taken place.</p>\n")
                   : html_buf_markup(out, "<h2>Activities</h2>\n<p>No activity counts toward this"
                                          " track yet.</p>\n");
    }
    struct db_stmt *titles = NULL;
    enum ct_status status = db_prepare(
        request->store->db, "SELECT title FROM activities WHERE person_id = ? AND record_key = ?",
        &titles, err);
    if (status == CT_OK) {
        status = own ? html_buf_markup(out, "<h2>Your activities</h2>\n")
                     : html_buf_markup(out, "<h2>Activities</h2>\n");
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<table class=\"usa-table usa-table--borderless"
                 " usa-table--stacked\">\n<caption>Each activity and what counts from it today"
                 "</caption>\n<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Date</th>"
                 "<th scope=\"col\">Kind</th><th scope=\"col\">Status</th>"
                 "<th scope=\"col\" class=\"number\">Worth</th><th scope=\"col\" "
                 "class=\"number\">Counted</th><th scope=\"col\">Why</th>"
                 "</tr></thead>\n<tbody>\n");
    }
    for (size_t i = 0; i < record->activity_count && status == CT_OK; i++) {
        status = activity_row(out, titles, person_id, &record->activities[i],
                              &evaluation->activities[i], err);
    }
    db_finalize(titles);
    return status == CT_OK ? html_buf_markup(out, "</tbody>\n</table>\n") : status;
}

/* The links of one certificate: its public check for anyone who sees the row, and its
 * documents for its holder. */
static enum ct_status certificate_links(struct buf *out, struct db_stmt *stmt, bool own)
{
    int64_t id = db_column_int64(stmt, 5);
    const char *code = db_column_text(stmt, 6);
    char href[96];
    enum ct_status status = stacked_cell(out, "Documents", false);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<ul class=\"usa-list usa-list--unstyled\">");
    }
    const char *state = db_column_text(stmt, 4);
    if (status == CT_OK && own) {
        status =
            certificate_files_links(out, id, state != NULL && strncmp(state, "revoked", 7) == 0);
    }
    if (status == CT_OK) {
        snprintf(href, sizeof href, "/verify/%s", code != NULL ? code : "");
        status = html_buf_markup(out, "<li><a href=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Public check</a></li></ul></td>");
    }
    return status;
}

static enum ct_status certificate_row(struct web_request *request, struct buf *out,
                                      struct db_stmt *stmt, bool own)
{
    static const char *const labels[] = {"Number", "Program", "Issued", "Valid until", "State"};
    enum ct_status status = html_buf_markup(out, "<tr>");
    for (int column = 0; column < 5 && status == CT_OK; column++) {
        const char *text = db_column_text(stmt, column);
        if (column == 1) {
            text = program_set_name(request->config->programs, text);
        }
        status = text_cell(out, labels[column], text);
    }
    if (status == CT_OK) {
        status = certificate_links(out, stmt, own);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

/* The certificates the person holds, newest first. */
static enum ct_status certificates_table(struct web_request *request, struct buf *out,
                                         int64_t person_id, bool own, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    char today[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(request->today, today);
    enum ct_status status =
        db_prepare(request->store->db,
                   "SELECT number, program, issued, valid_until,"
                   " CASE WHEN revoked IS NOT NULL THEN 'revoked ' || revoked"
                   " WHEN valid_until <= ? THEN 'expired' ELSE 'valid' END,"
                   " id, verification_code"
                   " FROM certificates WHERE person_id = ? ORDER BY issued DESC, id DESC",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(today), DB_INT(person_id)), 2, err);
    }
    bool has_row = true;
    bool any = false;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (!any) {
            status = own ? html_buf_markup(out, "<h2>Your certificates</h2>\n")
                         : html_buf_markup(out, "<h2>Certificates</h2>\n");
        }
        if (status == CT_OK && !any) {
            status =
                html_buf_markup(out, "<table class=\"usa-table "
                                     "usa-table--borderless usa-table--stacked\">\n<thead><tr>"
                                     "<th scope=\"col\">Number</th><th scope=\"col\">Program</th>"
                                     "<th scope=\"col\">Issued</th>"
                                     "<th scope=\"col\">Valid until</th>"
                                     "<th scope=\"col\">State</th>"
                                     "<th scope=\"col\">Documents</th></tr></thead>\n<tbody>\n");
            any = true;
        }
        if (status == CT_OK) {
            status = certificate_row(request, out, stmt, own);
        }
    }
    db_finalize(stmt);
    return status == CT_OK && any ? html_buf_markup(out, "</tbody>\n</table>\n") : status;
}

enum ct_status page_progress(struct web_request *request, struct buf *out, int64_t person_id,
                             bool own, struct ct_err *err)
{
    struct track_info track;
    struct ct_err lookup = {0};
    if (store_track_current(request->store, person_id, &track, &lookup) != CT_OK) {
        return own ? html_buf_markup(out, "<p>You are not enrolled in a certification track.</p>\n")
                   : html_buf_markup(out, "<p>Not enrolled in a certification track.</p>\n");
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track.id, request->today, &record, &evaluation, err);
    if (status == CT_OK) {
        status = progress_summary(out, &track, evaluation);
    }
    if (status == CT_OK) {
        status = chart_progress_svg(out, record, evaluation, request->today);
    }
    if (status == CT_OK) {
        status = blocking_list(out, evaluation, own);
    }
    if (status == CT_OK) {
        if (own) {
            status = track_award_request(request, out, &track, evaluation);
        }
    }
    if (status == CT_OK) {
        status = activity_table(request, out, record, evaluation, person_id, own, err);
    }
    if (status == CT_OK) {
        status = certificates_table(request, out, person_id, own, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status page_dashboard(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Your progress");
    if (status == CT_OK) {
        status = page_progress(request, &response->body, request->person_id, true, &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
