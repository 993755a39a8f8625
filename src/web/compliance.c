#include "compliance.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../store/store_compliance.h"
#include "html.h"
#include "pages.h"
#include "../core/banned.h"

enum { ROWS_PER_PAGE = 50 };

static const char *const statuses[] = {"complete", "in-progress", "ineligible", "expired"};
static const char *const programs[] = {"msl-director-initial", "msl-director-renewal", "msl-staff",
                                       "msl-trustee", "msl-strategic"};

struct view {
    struct web_request *request;
    struct buf *out;
    const char *status_filter;
    int64_t first_row; /* 0-based index of the first row of the page */
    int64_t seen;      /* rows that passed the filter so far */
    bool csv;
};

static const char *known(const char *value, const char *const *allowed, size_t count)
{
    for (size_t i = 0; value != NULL && i < count; i++) {
        if (strcmp(value, allowed[i]) == 0) {
            return allowed[i];
        }
    }
    return NULL;
}

static enum ct_status html_row(struct view *view, const struct compliance_row *row)
{
    struct buf *out = view->out;
    char counted[CREDIT_TEXT_SIZE], blocking[1024];
    credit_format(row->evaluation->counted_halves, counted);
    compliance_blocking_codes(row->evaluation, blocking, sizeof blocking);
    const char *cells[] = {row->name,
                           row->library,
                           row->program,
                           row->deadline,
                           track_status_name(row->evaluation->status),
                           counted,
                           blocking};
    enum ct_status status = html_markup(out, "<tr>");
    for (size_t i = 0; i < sizeof cells / sizeof cells[0] && status == CT_OK; i++) {
        status = html_markup(out, "<td>");
        if (status == CT_OK) {
            status = html_text(out, cells[i]);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</td>");
        }
    }
    return status == CT_OK ? html_markup(out, "</tr>\n") : status;
}

/* One CSV cell; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
static enum ct_status csv_cell(struct buf *out, const char *text, bool last)
{
    bool formula = strchr("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
    enum ct_status status = buf_append_str(out, formula ? "\"'" : "\"");
    for (const char *c = text; status == CT_OK && *c != '\0'; c++) {
        status = *c == '"' ? buf_append_str(out, "\"\"") : buf_append(out, c, 1);
    }
    return status == CT_OK ? buf_append_str(out, last ? "\"\r\n" : "\",") : status;
}

static enum ct_status csv_row(struct view *view, const struct compliance_row *row)
{
    char counted[CREDIT_TEXT_SIZE], remaining[CREDIT_TEXT_SIZE], blocking[1024];
    credit_format(row->evaluation->counted_halves, counted);
    credit_format(row->evaluation->remaining_halves, remaining);
    compliance_blocking_codes(row->evaluation, blocking, sizeof blocking);
    const char *cells[] = {row->name,    row->email,    row->library,
                           row->program, row->deadline, track_status_name(row->evaluation->status),
                           counted,      remaining,     blocking};
    size_t count = sizeof cells / sizeof cells[0];
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = csv_cell(view->out, cells[i], i + 1 == count);
    }
    return status;
}

static enum ct_status visit(void *context, const struct compliance_row *row, struct ct_err *err)
{
    (void)err;
    struct view *view = context;
    if (view->status_filter != NULL &&
        strcmp(track_status_name(row->evaluation->status), view->status_filter) != 0) {
        return CT_OK;
    }
    int64_t index = view->seen++;
    if (view->csv) {
        return csv_row(view, row);
    }
    if (index < view->first_row || index >= view->first_row + ROWS_PER_PAGE) {
        return CT_OK;
    }
    return html_row(view, row);
}

static struct compliance_filter filter_for(struct web_request *request)
{
    struct compliance_filter filter = {0, NULL, 0};
    filter.program = known(web_query_value(request, "program"), programs, 5);
    if ((request->roles & WEB_ROLE_CE_COORDINATOR) == 0) {
        filter.consultant_id = request->person_id; /* consultants: their libraries */
    }
    return filter;
}

static enum ct_status select_field(struct buf *out, const char *name, const char *label,
                                   const char *const *values, size_t count, const char *chosen)
{
    enum ct_status status = html_markup(out, "<label class=\"usa-label\" for=\"");
    if (status == CT_OK) {
        status = html_text(out, name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, label);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</label><select class=\"usa-select\" id=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\"><option value=\"\">All</option>");
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = html_markup(out, "<option");
        if (status == CT_OK && chosen != NULL && strcmp(chosen, values[i]) == 0) {
            status = html_markup(out, " selected");
        }
        if (status == CT_OK) {
            status = html_markup(out, ">");
        }
        if (status == CT_OK) {
            status = html_text(out, values[i]);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</option>");
        }
    }
    return status == CT_OK ? html_markup(out, "</select>\n") : status;
}

static enum ct_status filter_form(struct buf *out, const char *program, const char *status_name)
{
    enum ct_status status = html_markup(out, "<form method=\"get\" action=\"/compliance\""
                                             " class=\"filters\">\n");
    if (status == CT_OK) {
        status = select_field(out, "program", "Program", programs, 5, program);
    }
    if (status == CT_OK) {
        status = select_field(out, "status", "Status", statuses, 4, status_name);
    }
    return status == CT_OK
               ? html_markup(
                     out, "<button type=\"submit\" class=\"usa-button\">Filter</button></form>\n")
               : status;
}

static enum ct_status pager(struct buf *out, const struct view *view, int64_t page)
{
    char text[160];
    int64_t pages = (view->seen + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE;
    snprintf(text, sizeof text, "Page %" PRId64 " of %" PRId64 " (%" PRId64 " tracks)", page,
             pages > 0 ? pages : 1, view->seen);
    enum ct_status status = html_markup(out, "<p class=\"pager\">");
    if (status == CT_OK) {
        status = html_text(out, text);
    }
    if (status == CT_OK && page < pages) {
        snprintf(text, sizeof text, "%" PRId64, page + 1);
        status = html_markup(out, " <a href=\"/compliance?page=");
        if (status == CT_OK) {
            status = html_text(out, text);
        }
        if (status == CT_OK) {
            status = html_markup(out, "\">Next page</a>");
        }
    }
    return status == CT_OK ? html_markup(out, "</p>\n") : status;
}

enum ct_status page_compliance(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    const char *page_text = web_query_value(request, "page");
    int64_t page = page_text != NULL ? strtoll(page_text, NULL, 10) : 1;
    page = page >= 1 && page <= 100000 ? page : 1;
    struct compliance_filter filter = filter_for(request);
    struct view view = {request,
                        out,
                        known(web_query_value(request, "status"), statuses, 4),
                        (page - 1) * ROWS_PER_PAGE,
                        0,
                        false};
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Compliance");
    if (status == CT_OK) {
        status = filter_form(out, filter.program, view.status_filter);
    }
    if (status == CT_OK) {
        status = html_markup(out, "<p><a href=\"/compliance.csv\">Download every open track as"
                                  " CSV</a></p>\n<table class=\"usa-table "
                                  "usa-table--borderless\">\n<caption>Open tracks, by deadline"
                                  "</caption>\n<thead><tr><th scope=\"col\">Name</th>"
                                  "<th scope=\"col\">Library</th><th scope=\"col\">Program</th>"
                                  "<th scope=\"col\">Deadline</th><th scope=\"col\">Status</th>"
                                  "<th scope=\"col\">Counted</th><th scope=\"col\">Blocking</th>"
                                  "</tr></thead>\n<tbody>\n");
    }
    if (status == CT_OK) {
        status = store_compliance_each(request->store, request->today, &filter, visit, &view, &err);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</tbody>\n</table>\n");
    }
    if (status == CT_OK) {
        status = pager(out, &view, page);
    }
    return status == CT_OK ? page_end(response) : status;
}

enum ct_status page_compliance_csv(struct web_request *request, struct web_response *response)
{
    struct compliance_filter filter = filter_for(request);
    struct view view = {
        request, &response->body, known(web_query_value(request, "status"), statuses, 4), 0, 0,
        true};
    struct ct_err err = {0};
    response->content_type = "text/csv; charset=utf-8";
    enum ct_status status =
        buf_append_str(&response->body, "\"name\",\"email\",\"library\",\"program\",\"deadline\","
                                        "\"status\",\"counted_credits\",\"remaining_credits\","
                                        "\"blocking\"\r\n");
    if (status == CT_OK) {
        status = store_compliance_each(request->store, request->today, &filter, visit, &view, &err);
    }
    return status;
}
