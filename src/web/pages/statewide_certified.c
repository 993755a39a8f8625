#include "statewide_certified.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/announcement.h"
#include "../../store/store_newly_certified.h"
#include "../html/csv.h"
#include "../html/form.h"
#include "../html/html.h"
#include "statewide.h"
#include "../../core/banned.h"

/* What the request asks for: its filter and days, each day as typed (or the default)
 * with what is wrong with it. */
struct certified_query {
    struct statewide_filter filter;
    struct civil_date from;
    struct civil_date to;
    const char *from_text;
    const char *to_text;
    const char *from_error; /* NULL: fine */
    const char *to_error;
    char default_from[CIVIL_DATE_TEXT_SIZE];
    char default_to[CIVIL_DATE_TEXT_SIZE];
};

/* Reads one day of the query, or its default when absent or empty. */
static const char *read_day(const char *typed, const char *fallback, struct civil_date *day)
{
    const char *text = typed != NULL && typed[0] != '\0' ? typed : fallback;
    return civil_date_parse(text, day) ? NULL : "Enter the day as YYYY-MM-DD.";
}

static void query_of(const struct web_request *request, struct certified_query *query)
{
    memset(query, 0, sizeof *query);
    query->filter = statewide_filter_of(request);
    int year = 0, month = 0, day = 0;
    civil_date_to_ymd(request->today, &year, &month, &day);
    civil_date_format(civil_date_from_ymd(year - 1, 1, 1), query->default_from);
    civil_date_format(civil_date_from_ymd(year - 1, 12, 31), query->default_to);
    const char *from = web_query_value(request, "from");
    const char *to = web_query_value(request, "to");
    query->from_text = from != NULL && from[0] != '\0' ? from : query->default_from;
    query->to_text = to != NULL && to[0] != '\0' ? to : query->default_to;
    query->from_error = read_day(from, query->default_from, &query->from);
    query->to_error = read_day(to, query->default_to, &query->to);
    if (query->from_error == NULL && query->to_error == NULL &&
        civil_date_compare(query->from, query->to) > 0) {
        query->to_error = "The last day comes before the first.";
    }
}

static bool query_is_good(const struct certified_query *query)
{
    return query->from_error == NULL && query->to_error == NULL;
}

/* A query that cannot be answered: 400 with what is wrong, as plain text. */
static enum ct_status refuse_as_text(struct web_response *response,
                                     const struct certified_query *query)
{
    response->status = 400;
    response->content_type = "text/plain; charset=utf-8";
    return buf_printf(&response->body, "%s: %s\n", query->from_error != NULL ? "from" : "to",
                      query->from_error != NULL ? query->from_error : query->to_error);
}

/* The query's arguments for a link: "?from=F&amp;to=T" and the filter's. */
static void query_link(struct html *h, const struct certified_query *query)
{
    char from[CIVIL_DATE_TEXT_SIZE], to[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(query->from, from);
    civil_date_format(query->to, to);
    html_markup(h, "?from=");
    html_text(h, from);
    html_markup(h, "&amp;to=");
    html_text(h, to);
    statewide_filter_query(h, &query->filter, '&');
}

static void query_form(struct html *h, const struct web_request *request,
                       const struct certified_query *query)
{
    html_markup(h, "<form method=\"get\" action=\"/statewide/certified\" class=\"filters\">\n");
    html_field(h, &(struct form_field){.id = "from",
                                       .label = "First day",
                                       .hint = "As YYYY-MM-DD.",
                                       .error = query->from_error,
                                       .type = "date",
                                       .value = query->from_text});
    html_field(h, &(struct form_field){.id = "to",
                                       .label = "Last day",
                                       .hint = "As YYYY-MM-DD, included.",
                                       .error = query->to_error,
                                       .type = "date",
                                       .value = query->to_text});
    statewide_filter_fields(h, request, &query->filter);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Show</button></form>\n");
}

static void text_cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text);
    html_markup(h, "</td>");
}

static void certified_table(struct html *h, const struct web_request *request,
                            const struct store_rows *rows)
{
    static const char *const columns[] = {"Program", "Library", "Person", "Issued", "Certificate"};
    const struct newly_certified_row *row = rows->items;
    html_table_begin(h, "Certificates awarded", columns, 5);
    for (size_t i = 0; i < rows->count; i++) {
        char issued[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(row[i].issued, issued);
        html_markup(h, "<tr>");
        text_cell(h, program_set_name(request->config->programs, row[i].program));
        text_cell(h, row[i].library_id != 0 ? row[i].library : "No library");
        text_cell(h, row[i].name);
        html_markup(h, "<td class=\"date\">");
        html_text(h, issued);
        html_markup(h, "</td>");
        text_cell(h, row[i].number);
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
}

/* The announcement drafted from the template, in a box to edit and copy, and its
 * download. */
static enum ct_status announcement_box(struct web_request *request, struct html *h,
                                       const struct certified_query *query,
                                       const struct store_rows *rows)
{
    struct buf text;
    buf_init(&text, 1 << 20);
    struct ct_err err = {0};
    enum ct_status status =
        announcement_draft(request->store, query->from, query->to, rows, &text, &err);
    if (status == CT_OK) {
        html_markup(h, "<h2>The announcement</h2>\n<p>Drafted from the template"
                       " announcement.txt, ready to edit: copy it from the box, or <a href=\""
                       "/statewide/certified.txt");
        query_link(h, query);
        html_markup(h, "\">download it as text</a>.</p>\n");
        html_field(h, &(struct form_field){.id = "announcement",
                                           .label = "Announcement",
                                           .control = FORM_TEXTAREA,
                                           .value = buf_str(&text)});
    }
    buf_release(&text);
    return status;
}

/* The list and its downloads, for a good query. */
static enum ct_status certified_list(struct web_request *request, struct html *h,
                                     const struct certified_query *query)
{
    struct store_rows rows;
    struct ct_err err = {0};
    enum ct_status status =
        store_newly_certified(request->store, query->from, query->to, &query->filter, &rows, &err);
    if (status == CT_OK) {
        html_format(h, "<p>%zu certificate%s awarded from ", rows.count,
                    rows.count == 1 ? "" : "s");
        html_text(h, query->from_text);
        html_markup(h, " to ");
        html_text(h, query->to_text);
        html_markup(h, ", both days included; certificates brought in from earlier records and"
                       " revoked ones are left out.</p>\n<p class=\"download\">"
                       "<a href=\"/statewide/certified.csv");
        query_link(h, query);
        html_markup(h, "\">Download the list as CSV</a></p>\n");
        certified_table(h, request, &rows);
        status = announcement_box(request, h, query, &rows);
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status page_statewide_certified(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    (void)id;
    struct certified_query query;
    query_of(request, &query);
    web_set_title(response, "The newly certified");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>The certificates awarded in a range of days, by program and library:"
                    " the list the State Library publishes each year. <a href=\"/statewide\">"
                    "The statewide picture</a>.</p>\n");
    query_form(&h, request, &query);
    if (query_is_good(&query)) {
        html_fail(&h, certified_list(request, &h, &query));
    } else {
        response->status = 400;
    }
    return html_status(&h);
}

static enum ct_status csv_rows(struct web_request *request, struct buf *out,
                               const struct store_rows *rows)
{
    const struct newly_certified_row *row = rows->items;
    enum ct_status status = buf_append_str(out, "\"program\",\"program_name\",\"library_id\","
                                                "\"library\",\"city\",\"person_id\",\"name\","
                                                "\"issued\",\"certificate\"\r\n");
    for (size_t i = 0; status == CT_OK && i < rows->count; i++) {
        char library[24], person[24], issued[CIVIL_DATE_TEXT_SIZE];
        snprintf(library, sizeof library, "%lld", (long long)row[i].library_id);
        snprintf(person, sizeof person, "%lld", (long long)row[i].person_id);
        civil_date_format(row[i].issued, issued);
        const char *cells[] = {row[i].program,
                               program_set_name(request->config->programs, row[i].program),
                               row[i].library_id != 0 ? library : "",
                               row[i].library,
                               row[i].city,
                               person,
                               row[i].name,
                               issued,
                               row[i].number};
        status = csv_write_row(out, cells, sizeof cells / sizeof cells[0]);
    }
    return status;
}

enum ct_status page_statewide_certified_csv(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    (void)id;
    struct certified_query query;
    query_of(request, &query);
    if (!query_is_good(&query)) {
        return refuse_as_text(response, &query);
    }
    statewide_csv_begin(request, response, "newly-certified");
    struct store_rows rows;
    struct ct_err err = {0};
    enum ct_status status =
        store_newly_certified(request->store, query.from, query.to, &query.filter, &rows, &err);
    if (status == CT_OK) {
        status = csv_rows(request, &response->body, &rows);
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status page_statewide_certified_text(struct web_request *request,
                                             struct web_response *response, int64_t id)
{
    (void)id;
    struct certified_query query;
    query_of(request, &query);
    if (!query_is_good(&query)) {
        return refuse_as_text(response, &query);
    }
    char from[CIVIL_DATE_TEXT_SIZE], to[CIVIL_DATE_TEXT_SIZE], disposition[120];
    civil_date_format(query.from, from);
    civil_date_format(query.to, to);
    snprintf(disposition, sizeof disposition, "attachment; filename=\"newly-certified-%s-%s.txt\"",
             from, to);
    response->content_type = "text/plain; charset=utf-8";
    web_add_header(response, "Content-Disposition", disposition);
    struct store_rows rows;
    struct ct_err err = {0};
    enum ct_status status =
        store_newly_certified(request->store, query.from, query.to, &query.filter, &rows, &err);
    if (status == CT_OK) {
        status =
            announcement_draft(request->store, query.from, query.to, &rows, &response->body, &err);
    }
    store_rows_release(&rows);
    return status;
}
