#include "compliance.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_compliance.h"
#include "../html/csv.h"
#include "../html/html.h"
#include "../html/form.h"
#include "../html/paging.h"
#include "../../core/banned.h"

static const char *const statuses[] = {"complete", "in-progress", "ineligible", "expired"};

/* The columns; those that sort are ordered by the store (compliance_order). */
static const struct paging_column columns[] = {
    {"name", "Name", false},         {"library", "Library", false}, {"program", "Program", false},
    {"deadline", "Deadline", false}, {NULL, "Status", false},       {NULL, "Counted", true},
    {NULL, "Blocking", false},
};
static const enum compliance_order column_orders[] = {
    COMPLIANCE_BY_NAME, COMPLIANCE_BY_LIBRARY, COMPLIANCE_BY_PROGRAM, COMPLIANCE_BY_DEADLINE};

static const struct paging_list list = {columns, sizeof columns / sizeof columns[0], 3, false, 50,
                                        "tracks"};

struct view {
    struct web_request *request;
    struct buf *out; /* the CSV */
    struct html *h;  /* the page's rows */
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

static void html_row(struct view *view, const struct compliance_row *row)
{
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
    html_markup(view->h, "<tr>");
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        html_markup(view->h, "<td>");
        html_text(view->h, cells[i]);
        html_markup(view->h, "</td>");
    }
    html_markup(view->h, "</tr>\n");
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
    if (index >= view->first_row && index < view->first_row + view->per_page) {
        html_row(view, row);
    }
    return html_status(view->h);
}

/* The id of the program named value in the server's program set, or NULL. */
static const char *known_program(const struct web_request *request, const char *value)
{
    const struct program *program =
        value != NULL ? program_set_find(request->config->programs, value) : NULL;
    return program != NULL ? program->id : NULL;
}

static struct compliance_filter filter_for(struct web_request *request)
{
    struct compliance_filter filter = {0, NULL, 0, COMPLIANCE_BY_DEADLINE, false, NULL, NULL};
    filter.program = known_program(request, web_query_value(request, "program"));
    if ((request->roles & ROLE_CE_COORDINATOR) == 0) {
        filter.consultant_id = request->person_id; /* consultants: their libraries */
    }
    return filter;
}

static void select_begin(struct html *h, const char *name, const char *label)
{
    html_markup(h, "<label class=\"usa-label\" for=\"");
    html_text(h, name);
    html_markup(h, "\">");
    html_text(h, label);
    html_markup(h, "</label><select class=\"usa-select\" id=\"");
    html_text(h, name);
    html_markup(h, "\" name=\"");
    html_text(h, name);
    html_markup(h, "\"><option value=\"\">All</option>");
}

/* A select of values (count of them), each its own label, chosen selected. */
static void select_field(struct html *h, const char *name, const char *label,
                         const char *const *values, size_t count, const char *chosen)
{
    struct form_option options[8];
    size_t shown = count < 8 ? count : 8;
    for (size_t i = 0; i < shown; i++) {
        options[i] = (struct form_option){values[i], values[i]};
    }
    select_begin(h, name, label);
    html_options(h, options, shown, chosen);
    html_markup(h, "</select>\n");
}

/* The programs of the server's program set. */
static void program_field(struct html *h, const struct program_set *set, const char *chosen)
{
    select_begin(h, "program", "Program");
    for (size_t i = 0; i < set->count; i++) {
        struct form_option option = {set->programs[i]->id, set->programs[i]->id};
        html_options(h, &option, 1, chosen);
    }
    html_markup(h, "</select>\n");
}

/* The filters; the chosen order is kept, the page starts again at 1. */
static void filter_form(struct web_request *request, struct html *h, const char *program,
                        const char *status_name, const struct paging *paging)
{
    html_markup(h, "<form method=\"get\" action=\"/compliance\" class=\"filters\">\n");
    program_field(h, request->config->programs, program);
    select_field(h, "status", "Status", statuses, 4, status_name);
    html_hidden(h, "sort", columns[paging->column].key);
    html_hidden(h, "dir", paging->descending ? "desc" : "asc");
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Filter</button></form>\n");
}

/* Walks every open track the filter lets through, writing the page's rows through h;
 * afterwards the paging knows the total, and a page past the end is walked again as
 * the last page. */
static enum ct_status page_rows(struct web_request *request, const struct compliance_filter *filter,
                                const char *status_filter, struct paging *paging, struct html *h,
                                struct ct_err *err)
{
    struct view view = {request,       NULL, h,    status_filter, paging_offset(paging),
                        list.per_page, 0,    false};
    size_t start = h->out->length;
    enum ct_status status =
        store_compliance_each(request->store, request->today, filter, visit, &view, err);
    int64_t asked = paging->page;
    paging_set_total(paging, view.seen);
    if (status == CT_OK && paging->page != asked) {
        h->out->length = start; /* the rows of the page past the end, written again */
        view.first_row = paging_offset(paging);
        view.seen = 0;
        status = store_compliance_each(request->store, request->today, filter, visit, &view, err);
    }
    return status;
}

static void table_begin(struct html *h, const struct paging *paging)
{
    html_markup(h, "<p><a href=\"/compliance.csv\">Download every open track as"
                   " CSV</a></p>\n<table class=\"usa-table usa-table--borderless\">"
                   "\n<caption>Open tracks, by ");
    html_text(h, columns[paging->column].key);
    if (paging->descending) {
        html_markup(h, ", last first");
    }
    html_markup(h, "</caption>\n");
    paging_write_head(h, paging);
    html_markup(h, "<tbody>\n");
}

enum ct_status page_compliance(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
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
    buf_init(&rows, response->body.limit);
    struct html row_writer;
    html_start(&row_writer, &rows);
    enum ct_status status = page_rows(request, &filter, status_filter, &paging, &row_writer, &err);
    web_set_title(response, "Compliance");
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, status);
    filter_form(request, &h, filter.program, status_filter, &paging);
    table_begin(&h, &paging);
    if (h.status == CT_OK) {
        html_fail(&h, buf_append(h.out, buf_str(&rows), rows.length));
    }
    buf_release(&rows);
    html_markup(&h, "</tbody>\n</table>\n");
    paging_write_nav(&h, &paging);
    return html_status(&h);
}

enum ct_status page_compliance_csv(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    struct compliance_filter filter = filter_for(request);
    struct view view = {request, &response->body,
                        NULL,    known(web_query_value(request, "status"), statuses, 4),
                        0,       0,
                        0,       true};
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
