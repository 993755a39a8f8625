#include "paging.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "../../core/banned.h"

static bool sorts(const struct paging_column *column)
{
    return column->key != NULL;
}

/* Digits only, no sign, no spaces: "7" but not "+7", "7x", "07.5" or "". */
static int64_t page_number(const char *text)
{
    if (text == NULL || text[0] == '\0' || strlen(text) > 7) {
        return 1;
    }
    int64_t value = 0;
    for (const char *c = text; *c != '\0'; c++) {
        if (*c < '0' || *c > '9') {
            return 1;
        }
        value = value * 10 + (*c - '0');
    }
    return value >= 1 && value <= PAGING_PAGE_MAX ? value : 1;
}

void paging_parse(struct paging *paging, const struct paging_list *list, const char *path,
                  const char *page, const char *sort, const char *dir)
{
    memset(paging, 0, sizeof *paging);
    paging->list = list;
    paging->total = -1;
    paging->pages = 1;
    if (path == NULL || path[0] != '/' || strlen(path) >= sizeof paging->path) {
        path = "/";
    }
    snprintf(paging->path, sizeof paging->path, "%s", path);
    paging->page = page_number(page);
    paging->column = list->default_column;
    for (size_t i = 0; sort != NULL && i < list->column_count; i++) {
        if (sorts(&list->columns[i]) && strcmp(list->columns[i].key, sort) == 0) {
            paging->column = i;
        }
    }
    if (dir != NULL && strcmp(dir, "asc") == 0) {
        paging->descending = false;
    } else if (dir != NULL && strcmp(dir, "desc") == 0) {
        paging->descending = true;
    } else {
        paging->descending = paging->column == list->default_column && list->default_descending;
    }
}

/* The name of one of the list's query parameters: "page", or "tracks_page" for the
 * prefix "tracks_" (so that two lists on one page page apart). */
static const char *parameter_name(const struct paging *paging, const char *base, char *out,
                                  size_t size)
{
    snprintf(out, size, "%s%s", paging->prefix, base);
    return out;
}

void paging_from_request(struct paging *paging, const struct paging_list *list,
                         const struct web_request *request)
{
    paging_from_request_prefixed(paging, list, request, "");
}

void paging_from_request_prefixed(struct paging *paging, const struct paging_list *list,
                                  const struct web_request *request, const char *prefix)
{
    char page[PAGING_PREFIX_SIZE + 8], sort[PAGING_PREFIX_SIZE + 8], dir[PAGING_PREFIX_SIZE + 8];
    struct paging named = {0};
    snprintf(named.prefix, sizeof named.prefix, "%s", prefix);
    paging_parse(paging, list, request->path,
                 web_query_value(request, parameter_name(&named, "page", page, sizeof page)),
                 web_query_value(request, parameter_name(&named, "sort", sort, sizeof sort)),
                 web_query_value(request, parameter_name(&named, "dir", dir, sizeof dir)));
    snprintf(paging->prefix, sizeof paging->prefix, "%s", prefix);
}

void paging_keep(struct paging *paging, const char *name, const char *value)
{
    if (value == NULL || value[0] == '\0' || paging->kept_count == PAGING_MAX_KEPT) {
        return;
    }
    paging->kept_names[paging->kept_count] = name;
    paging->kept_values[paging->kept_count] = value;
    paging->kept_count++;
}

void paging_set_total(struct paging *paging, int64_t total)
{
    int64_t per_page = paging->list->per_page > 0 ? paging->list->per_page : 1;
    paging->total = total > 0 ? total : 0;
    paging->pages = paging->total > 0 ? (paging->total + per_page - 1) / per_page : 1;
    if (paging->page > paging->pages) {
        paging->page = paging->pages;
    }
}

int64_t paging_offset(const struct paging *paging)
{
    return (paging->page - 1) * paging->list->per_page;
}

struct store_page paging_page(const struct paging *paging)
{
    return (struct store_page){.column = paging->column,
                               .descending = paging->descending,
                               .limit = paging->list->per_page,
                               .offset = paging_offset(paging)};
}

enum ct_status paging_order_sql(struct buf *sql, const struct paging *paging)
{
    const struct paging_column *column = &paging->list->columns[paging->column];
    if (column->order_by == NULL) {
        return CT_ERR_INPUT; /* a list sorted elsewhere (by the store) */
    }
    enum ct_status status = buf_append_str(sql, " ORDER BY ");
    if (status == CT_OK) {
        status = buf_append_str(sql, column->order_by);
    }
    if (status == CT_OK) {
        status = buf_append_str(sql, paging->descending ? " DESC" : " ASC");
    }
    if (status == CT_OK && paging->list->tiebreak != NULL) {
        status = buf_append_str(sql, ", ");
        if (status == CT_OK) {
            status = buf_append_str(sql, paging->list->tiebreak);
        }
    }
    return status == CT_OK ? buf_append_str(sql, " LIMIT ? OFFSET ?") : status;
}

enum ct_status paging_bind(struct db_stmt *stmt, int index, const struct paging *paging,
                           struct ct_err *err)
{
    enum ct_status status = db_bind_int64(stmt, index, paging->list->per_page);
    if (status == CT_OK) {
        status = db_bind_int64(stmt, index + 1, paging_offset(paging));
    }
    return status == CT_OK ? CT_OK : ct_err_set(err, status, "paging", "cannot bind the page");
}

/* Appends text percent-encoded for a URL: only unreserved characters (and "/" when
 * slash is true) stay as they are. */
static enum ct_status url_encode(struct buf *url, const char *text, bool slash)
{
    static const char hex[] = "0123456789ABCDEF";
    enum ct_status status = CT_OK;
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0' && status == CT_OK; c++) {
        bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.' || *c == '~' ||
                     (slash && *c == '/');
        if (plain) {
            status = buf_append(url, (const char *)c, 1);
        } else {
            char escaped[3] = {'%', hex[*c >> 4], hex[*c & 15]};
            status = buf_append(url, escaped, 3);
        }
    }
    return status;
}

static enum ct_status url_parameter(struct buf *url, const char *name, const char *value)
{
    enum ct_status status = buf_append_str(url, url->length > 0 ? "&" : "?");
    if (status == CT_OK) {
        status = url_encode(url, name, false);
    }
    if (status == CT_OK) {
        status = buf_append_str(url, "=");
    }
    return status == CT_OK ? url_encode(url, value, false) : status;
}

enum ct_status paging_href(struct buf *out, const struct paging *paging, size_t column,
                           bool descending, int64_t page)
{
    struct buf query;
    buf_init(&query, 4096);
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < paging->kept_count && status == CT_OK; i++) {
        status = url_parameter(&query, paging->kept_names[i], paging->kept_values[i]);
    }
    const char *key = paging->list->columns[column].key;
    char name[PAGING_PREFIX_SIZE + 8];
    if (status == CT_OK) {
        status = url_parameter(&query, parameter_name(paging, "sort", name, sizeof name),
                               key != NULL ? key : "");
    }
    if (status == CT_OK) {
        status = url_parameter(&query, parameter_name(paging, "dir", name, sizeof name),
                               descending ? "desc" : "asc");
    }
    char number[24];
    snprintf(number, sizeof number, "%" PRId64, page);
    if (status == CT_OK) {
        status = url_parameter(&query, parameter_name(paging, "page", name, sizeof name), number);
    }
    struct buf url;
    buf_init(&url, 4096 + PAGING_PATH_SIZE * 3);
    if (status == CT_OK) {
        status = url_encode(&url, paging->path, true);
    }
    if (status == CT_OK) {
        status = buf_append_str(&url, buf_str(&query));
    }
    if (status == CT_OK) {
        status = html_buf_text(out, buf_str(&url));
    }
    buf_release(&url);
    buf_release(&query);
    return status;
}

static enum ct_status sorting_header(struct buf *out, const struct paging *paging, size_t index)
{
    const struct paging_column *column = &paging->list->columns[index];
    bool sorted = index == paging->column;
    enum ct_status status = html_buf_markup(out, "<th scope=\"col\"");
    if (status == CT_OK && column->number) {
        status = html_buf_markup(out, " class=\"number\"");
    }
    if (status == CT_OK && sorted) {
        status = paging->descending ? html_buf_markup(out, " aria-sort=\"descending\"")
                                    : html_buf_markup(out, " aria-sort=\"ascending\"");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "><a href=\"");
    }
    /* A click on the sorted column turns it round; on another, sorts by it upwards. */
    if (status == CT_OK) {
        status = paging_href(out, paging, index, sorted && !paging->descending, 1);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, column->label);
    }
    if (status == CT_OK && sorted) {
        status = paging->descending
                     ? html_buf_markup(out, " <span aria-hidden=\"true\">\u25BC</span>")
                     : html_buf_markup(out, " <span aria-hidden=\"true\">\u25B2</span>");
    }
    return status == CT_OK ? html_buf_markup(out, "</a></th>") : status;
}

static enum ct_status plain_header(struct buf *out, const struct paging_column *column)
{
    enum ct_status status = column->number
                                ? html_buf_markup(out, "<th scope=\"col\" class=\"number\">")
                                : html_buf_markup(out, "<th scope=\"col\">");
    if (status == CT_OK) {
        status = html_buf_text(out, column->label);
    }
    return status == CT_OK ? html_buf_markup(out, "</th>") : status;
}

enum ct_status paging_table_head(struct buf *out, const struct paging *paging)
{
    enum ct_status status = html_buf_markup(out, "<thead><tr>");
    for (size_t i = 0; i < paging->list->column_count && status == CT_OK; i++) {
        const struct paging_column *column = &paging->list->columns[i];
        status = sorts(column) ? sorting_header(out, paging, i) : plain_header(out, column);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr></thead>\n") : status;
}

enum ct_status paging_cell(struct buf *out, const char *text, bool number)
{
    enum ct_status status =
        number ? html_buf_markup(out, "<td class=\"number\">") : html_buf_markup(out, "<td>");
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

enum ct_status paging_link_cell(struct buf *out, const char *path, int64_t id, const char *text)
{
    char number[24];
    snprintf(number, sizeof number, "%" PRId64, id);
    enum ct_status status = html_buf_markup(out, "<td><a href=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, path);
    }
    if (status == CT_OK) {
        status = html_buf_text(out, number);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</a></td>") : status;
}

static enum ct_status nav_link(struct buf *out, const struct paging *paging, int64_t page,
                               bool previous)
{
    enum ct_status status =
        previous
            ? html_buf_markup(out, "<li class=\"usa-pagination__item usa-pagination__arrow\">"
                                   "<a class=\"usa-pagination__link usa-pagination__previous-page\""
                                   " rel=\"prev\" href=\"")
            : html_buf_markup(out, "<li class=\"usa-pagination__item usa-pagination__arrow\">"
                                   "<a class=\"usa-pagination__link usa-pagination__next-page\""
                                   " rel=\"next\" href=\"");
    if (status == CT_OK) {
        status = paging_href(out, paging, paging->column, paging->descending, page);
    }
    if (status != CT_OK) {
        return status;
    }
    return previous
               ? html_buf_markup(out, "\" aria-label=\"Previous page\">"
                                      "<span class=\"usa-pagination__link-text\">Previous</span>"
                                      "</a></li>")
               : html_buf_markup(out, "\" aria-label=\"Next page\">"
                                      "<span class=\"usa-pagination__link-text\">Next</span>"
                                      "</a></li>");
}

enum ct_status paging_nav(struct buf *out, const struct paging *paging)
{
    enum ct_status status =
        html_buf_markup(out, "<nav aria-label=\"Pagination\" class=\"usa-pagination"
                             "\"><ul class=\"usa-pagination__list\">");
    if (status == CT_OK && paging->page > 1) {
        status = nav_link(out, paging, paging->page - 1, true);
    }
    char text[160];
    snprintf(text, sizeof text, "Page %" PRId64 " of %" PRId64 " (%" PRId64 " %s)", paging->page,
             paging->pages, paging->total > 0 ? paging->total : 0, paging->list->noun);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<li class=\"usa-pagination__item usa-pagination__page-no\">"
                                      "<span class=\"usa-pagination__button usa-current\""
                                      " aria-current=\"page\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, text);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</span></li>");
    }
    if (status == CT_OK && paging->page < paging->pages) {
        status = nav_link(out, paging, paging->page + 1, false);
    }
    return status == CT_OK ? html_buf_markup(out, "</ul></nav>\n") : status;
}

enum ct_status paging_each_row(struct db *db, const char *base_sql, const struct db_param *params,
                               size_t count, const struct paging *paging, paging_row_fn row,
                               void *context, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, base_sql);
    if (status == CT_OK) {
        status = paging_order_sql(&sql, paging);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK && count > 0) {
        status = db_bind_all(stmt, params, count, err);
    }
    if (status == CT_OK) {
        status = paging_bind(stmt, (int)count + 1, paging, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = row(context, stmt, err);
    }
    db_finalize(stmt);
    return status;
}

void paging_write_head(struct html *h, const struct paging *paging)
{
    if (h->status == CT_OK) {
        h->status = paging_table_head(h->out, paging);
    }
}

void paging_write_cell(struct html *h, const char *text, bool number)
{
    if (h->status == CT_OK) {
        h->status = paging_cell(h->out, text, number);
    }
}

void paging_write_count_cell(struct html *h, int64_t value)
{
    html_markup(h, "<td class=\"number\">");
    html_int(h, value);
    html_markup(h, "</td>");
}

void paging_write_link_cell(struct html *h, const char *path, int64_t id, const char *text)
{
    if (h->status == CT_OK) {
        h->status = paging_link_cell(h->out, path, id, text);
    }
}

void paging_write_nav(struct html *h, const struct paging *paging)
{
    if (h->status == CT_OK) {
        h->status = paging_nav(h->out, paging);
    }
}
