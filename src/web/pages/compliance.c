#include "compliance.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_compliance.h"
#include "../html/csv.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

static const char *const statuses[] = {"complete", "in-progress", "ineligible", "expired"};
static const char *const programs[] = {"msl-director-initial", "msl-director-renewal", "msl-staff",
                                       "msl-trustee", "msl-strategic"};

/* The columns; those that sort are ordered by the store (compliance_order). */
static const struct paging_column columns[] = {
    {"name", "Name", NULL, false},       {"library", "Library", NULL, false},
    {"program", "Program", NULL, false}, {"deadline", "Deadline", NULL, false},
    {NULL, "Status", NULL, false},       {NULL, "Counted", NULL, true},
    {NULL, "Blocking", NULL, false},
};
static const enum compliance_order column_orders[] = {
    COMPLIANCE_BY_NAME, COMPLIANCE_BY_LIBRARY, COMPLIANCE_BY_PROGRAM, COMPLIANCE_BY_DEADLINE};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 3, false, NULL, 50, "tracks"};

struct view {
    struct web_request *request;
    struct buf *out;
    const char *status_filter;
    int64_t first_row; /* 0-based index of the first row of the page */
    int64_t per_page;
    int64_t seen; /* rows that passed the filter so far */
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
    enum ct_status status = html_buf_markup(out, "<tr>");
    for (size_t i = 0; i < sizeof cells / sizeof cells[0] && status == CT_OK; i++) {
        status = html_buf_markup(out, "<td>");
        if (status == CT_OK) {
            status = html_buf_text(out, cells[i]);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</td>");
        }
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
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
    return csv_write_row(view->out, cells, sizeof cells / sizeof cells[0]);
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
    if (index < view->first_row || index >= view->first_row + view->per_page) {
        return CT_OK;
    }
    return html_row(view, row);
}

static struct compliance_filter filter_for(struct web_request *request)
{
    struct compliance_filter filter = {0, NULL, 0, COMPLIANCE_BY_DEADLINE, false};
    filter.program = known(web_query_value(request, "program"), programs, 5);
    if ((request->roles & ROLE_CE_COORDINATOR) == 0) {
        filter.consultant_id = request->person_id; /* consultants: their libraries */
    }
    return filter;
}

static enum ct_status select_field(struct buf *out, const char *name, const char *label,
                                   const char *const *values, size_t count, const char *chosen)
{
    enum ct_status status = html_buf_markup(out, "<label class=\"usa-label\" for=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, label);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</label><select class=\"usa-select\" id=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\"><option value=\"\">All</option>");
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = html_buf_markup(out, "<option");
        if (status == CT_OK && chosen != NULL && strcmp(chosen, values[i]) == 0) {
            status = html_buf_markup(out, " selected");
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, ">");
        }
        if (status == CT_OK) {
            status = html_buf_text(out, values[i]);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</option>");
        }
    }
    return status == CT_OK ? html_buf_markup(out, "</select>\n") : status;
}

static enum ct_status hidden(struct buf *out, const char *name, const char *value)
{
    enum ct_status status = html_buf_markup(out, "<input type=\"hidden\" name=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, value);
    }
    return status == CT_OK ? html_buf_markup(out, "\">") : status;
}

/* The filters; the chosen order is kept, the page starts again at 1. */
static enum ct_status filter_form(struct buf *out, const char *program, const char *status_name,
                                  const struct paging *paging)
{
    enum ct_status status = html_buf_markup(out, "<form method=\"get\" action=\"/compliance\""
                                                 " class=\"filters\">\n");
    if (status == CT_OK) {
        status = select_field(out, "program", "Program", programs, 5, program);
    }
    if (status == CT_OK) {
        status = select_field(out, "status", "Status", statuses, 4, status_name);
    }
    if (status == CT_OK) {
        status = hidden(out, "sort", columns[paging->column].key);
    }
    if (status == CT_OK) {
        status = hidden(out, "dir", paging->descending ? "desc" : "asc");
    }
    return status == CT_OK
               ? html_buf_markup(
                     out, "<button type=\"submit\" class=\"usa-button\">Filter</button></form>\n")
               : status;
}

/* Walks every open track the filter lets through, writing the page's rows into rows;
 * afterwards the paging knows the total, and a page past the end is walked again as
 * the last page. */
static enum ct_status page_rows(struct web_request *request, const struct compliance_filter *filter,
                                const char *status_filter, struct paging *paging, struct buf *rows,
                                struct ct_err *err)
{
    struct view view = {request,       rows, status_filter, paging_offset(paging),
                        list.per_page, 0,    false};
    enum ct_status status =
        store_compliance_each(request->store, request->today, filter, visit, &view, err);
    int64_t asked = paging->page;
    paging_set_total(paging, view.seen);
    if (status == CT_OK && paging->page != asked) {
        buf_release(rows);
        view.first_row = paging_offset(paging);
        view.seen = 0;
        status = store_compliance_each(request->store, request->today, filter, visit, &view, err);
    }
    return status;
}

enum ct_status page_compliance(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    struct paging paging;
    paging_from_request(&paging, &list, request);
    struct compliance_filter filter = filter_for(request);
    filter.order = column_orders[paging.column];
    filter.descending = paging.descending;
    const char *status_filter = known(web_query_value(request, "status"), statuses, 4);
    paging_keep(&paging, "program", filter.program);
    paging_keep(&paging, "status", status_filter);
    struct ct_err err = {0};
    struct buf rows;
    buf_init(&rows, out->limit);
    enum ct_status status = page_rows(request, &filter, status_filter, &paging, &rows, &err);
    if (status == CT_OK) {
        status = page_begin(request, response, "Compliance");
    }
    if (status == CT_OK) {
        status = filter_form(out, filter.program, status_filter, &paging);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<p><a href=\"/compliance.csv\">Download every open track as"
                                 " CSV</a></p>\n<table class=\"usa-table usa-table--borderless\">"
                                 "\n<caption>Open tracks, by ");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, columns[paging.column].key);
    }
    if (status == CT_OK && paging.descending) {
        status = html_buf_markup(out, ", last first");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = buf_append_str(out, buf_str(&rows));
    }
    buf_release(&rows);
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    if (status == CT_OK) {
        status = paging_nav(out, &paging);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_compliance_csv(struct web_request *request, struct web_response *response)
{
    struct compliance_filter filter = filter_for(request);
    struct view view = {
        request, &response->body, known(web_query_value(request, "status"), statuses, 4), 0, 0, 0,
        true};
    struct ct_err err = {0};
    response->content_type = "text/csv; charset=utf-8";
    char today[CIVIL_DATE_TEXT_SIZE], disposition[80];
    civil_date_format(request->today, today);
    snprintf(disposition, sizeof disposition, "attachment; filename=\"compliance-%s.csv\"", today);
    web_add_header(response, "Content-Disposition", disposition);
    enum ct_status status =
        buf_append_str(&response->body, "\"name\",\"email\",\"library\",\"program\",\"deadline\","
                                        "\"status\",\"counted_credits\",\"remaining_credits\","
                                        "\"blocking\"\r\n");
    if (status == CT_OK) {
        status = store_compliance_each(request->store, request->today, &filter, visit, &view, &err);
    }
    return status;
}
