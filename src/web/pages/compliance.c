#include "compliance.h"

#include <ctype.h>
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
#include "dashboard.h"
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

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 3, false, 50, "tracks", "track"};

struct view {
    struct web_request *request;
    struct buf *out; /* the CSV */
    struct html *h;  /* the page's rows */
    const char *status_filter;
    const char *query; /* non-NULL: only names, e-mails or libraries holding it */
    int64_t first_row; /* 0-based index of the first row of the page */
    int64_t per_page;
    int64_t seen; /* rows that passed the filter so far */
    bool csv;
};

/* What the request narrows the list to (each NULL when it does not). */
struct view_filters {
    const char *program;
    const char *status;
    const char *query;
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

/* The blocking items of evaluation in words, one a line; "" when none. */
static void blocking_cell(struct html *h, const struct evaluation *evaluation)
{
    if (evaluation->blocking_count == 0) {
        return;
    }
    html_markup(h, "<ul class=\"usa-list usa-list--unstyled\">");
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        char words[256];
        blocking_item_words(evaluation, i, words, sizeof words);
        html_markup(h, "<li>");
        html_text(h, words);
        html_markup(h, "</li>");
    }
    html_markup(h, "</ul>");
}

static void text_cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text);
    html_markup(h, "</td>");
}

/* A row in words: the name links to the person, the program by its name, the status
 * and what blocks the track as the dashboard says them. */
static void html_row(struct view *view, const struct compliance_row *row)
{
    char counted[CREDIT_TEXT_SIZE], person[32];
    credit_format(row->evaluation->counted_halves, counted);
    snprintf(person, sizeof person, "/people/%" PRId64, row->person_id);
    html_markup(view->h, "<tr><td><a class=\"usa-link\" href=\"");
    html_text(view->h, person);
    html_markup(view->h, "\">");
    html_text(view->h, row->name);
    html_markup(view->h, "</a></td>");
    text_cell(view->h, row->library);
    text_cell(view->h, program_set_name(view->request->config->programs, row->program));
    text_cell(view->h, row->deadline);
    text_cell(view->h, page_status_words(row->evaluation->status));
    text_cell(view->h, counted);
    html_markup(view->h, "<td>");
    blocking_cell(view->h, row->evaluation);
    html_markup(view->h, "</td></tr>\n");
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

/* Whether text holds query, ignoring the case of ASCII letters. */
static bool holds(const char *text, const char *query)
{
    size_t length = strlen(query);
    for (const char *at = text; at != NULL && *at != '\0'; at++) {
        size_t i = 0;
        while (i < length && at[i] != '\0' &&
               tolower((unsigned char)at[i]) == tolower((unsigned char)query[i])) {
            i++;
        }
        if (i == length) {
            return true;
        }
    }
    return length == 0;
}

static bool row_matches(const struct view *view, const struct compliance_row *row)
{
    if (view->status_filter != NULL &&
        strcmp(track_status_name(row->evaluation->status), view->status_filter) != 0) {
        return false;
    }
    return view->query == NULL || holds(row->name, view->query) || holds(row->email, view->query) ||
           holds(row->library, view->query);
}

static enum ct_status visit(void *context, const struct compliance_row *row, struct ct_err *err)
{
    (void)err;
    struct view *view = context;
    if (!row_matches(view, row)) {
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

/* The filters of the request: a known program and status, a search of at most 100
 * characters with something in it. */
static struct view_filters filters_of(struct web_request *request)
{
    const char *query = web_query_value(request, "q");
    if (query != NULL && (query[0] == '\0' || strlen(query) > 100)) {
        query = NULL;
    }
    return (struct view_filters){
        known_program(request, web_query_value(request, "program")),
        known(web_query_value(request, "status"), statuses, 4),
        query,
    };
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
    html_markup(h, "<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"");
    html_text(h, name);
    html_markup(h, "\">");
    html_text(h, label);
    html_markup(h, "</label><select class=\"usa-select\" id=\"");
    html_text(h, name);
    html_markup(h, "\" name=\"");
    html_text(h, name);
    html_markup(h, "\"><option value=\"\">All</option>");
}

/* The statuses, in the dashboard's words. */
static void status_field(struct html *h, const char *chosen)
{
    static const enum track_status values[] = {TRACK_COMPLETE, TRACK_IN_PROGRESS, TRACK_INELIGIBLE,
                                               TRACK_EXPIRED};
    select_begin(h, "status", "Status");
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        struct form_option option = {track_status_name(values[i]), page_status_words(values[i])};
        html_options(h, &option, 1, chosen);
    }
    html_markup(h, "</select></div>\n");
}

/* The programs of the server's program set, by name. */
static void program_field(struct html *h, const struct program_set *set, const char *chosen)
{
    select_begin(h, "program", "Program");
    for (size_t i = 0; i < set->count; i++) {
        struct form_option option = {set->programs[i]->id, set->programs[i]->name};
        html_options(h, &option, 1, chosen);
    }
    html_markup(h, "</select></div>\n");
}

static void search_field(struct html *h, const char *query)
{
    html_markup(h, "<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"q\">"
                   "Name, e-mail or library</label><input class=\"usa-input\" id=\"q\""
                   " type=\"search\" name=\"q\" maxlength=\"100\" value=\"");
    html_text(h, query != NULL ? query : "");
    html_markup(h, "\"></div>\n");
}

/* The filters, on one row at desktop width; the chosen order is kept, the page starts
 * again at 1. */
static void filter_form(struct web_request *request, struct html *h,
                        const struct view_filters *filters, const struct paging *paging)
{
    html_markup(h, "<form method=\"get\" action=\"/compliance\" class=\"filters\""
                   " role=\"search\" aria-label=\"Filter the open tracks\">\n");
    search_field(h, filters->query);
    program_field(h, request->config->programs, filters->program);
    status_field(h, filters->status);
    html_hidden(h, "sort", columns[paging->column].key);
    html_hidden(h, "dir", paging->descending ? "desc" : "asc");
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Filter</button></form>\n");
}

/* Walks every open track the filter lets through, writing the page's rows through h;
 * afterwards the paging knows the total, and a page past the end is walked again as
 * the last page. */
static enum ct_status page_rows(struct web_request *request, const struct compliance_filter *filter,
                                const struct view_filters *filters, struct paging *paging,
                                struct html *h, struct ct_err *err)
{
    struct view view = {.request = request,
                        .h = h,
                        .status_filter = filters->status,
                        .query = filters->query,
                        .first_row = paging_offset(paging),
                        .per_page = list.per_page};
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
                   " CSV</a></p>\n<table class=\"usa-table usa-table--borderless\" tabindex=\"0\">"
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
    struct view_filters filters = filters_of(request);
    paging_keep(&paging, "q", filters.query);
    paging_keep(&paging, "program", filters.program);
    paging_keep(&paging, "status", filters.status);
    struct ct_err err = {0};
    struct buf rows;
    buf_init(&rows, response->body.limit);
    struct html row_writer;
    html_start(&row_writer, &rows);
    enum ct_status status = page_rows(request, &filter, &filters, &paging, &row_writer, &err);
    web_set_title(response, "Compliance");
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, status);
    filter_form(request, &h, &filters, &paging);
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
    struct view_filters filters = filters_of(request);
    struct view view = {.request = request,
                        .out = &response->body,
                        .status_filter = filters.status,
                        .query = filters.query,
                        .csv = true};
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
