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

/* Appends text percent-encoded for a URL: only unreserved characters (and "/" when
 * slash is true) stay as they are. */
static void url_encode(struct html *url, const char *text, bool slash)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.' || *c == '~' ||
                     (slash && *c == '/');
        char escaped[4] = {'%', hex[*c >> 4], hex[*c & 15], '\0'};
        if (plain) {
            escaped[0] = (char)*c;
            escaped[1] = '\0';
        }
        html_fail(url, url->status == CT_OK ? buf_append_str(url->out, escaped) : CT_OK);
    }
}

static void url_parameter(struct html *url, const char *name, const char *value)
{
    html_markup_literal(url, url->out->length > 0 ? "&" : "?");
    url_encode(url, name, false);
    html_markup(url, "=");
    url_encode(url, value, false);
}

/* The list's address sorted by column in direction descending, at page, with the kept
 * parameters, as an href. */
static void href(struct html *h, const struct paging *paging, size_t column, bool descending,
                 int64_t page)
{
    struct buf query_text, url_text;
    buf_init(&query_text, 4096);
    buf_init(&url_text, 4096 + PAGING_PATH_SIZE * 3);
    struct html query, url;
    html_start(&query, &query_text);
    html_start(&url, &url_text);
    for (size_t i = 0; i < paging->kept_count; i++) {
        url_parameter(&query, paging->kept_names[i], paging->kept_values[i]);
    }
    const char *key = paging->list->columns[column].key;
    char name[PAGING_PREFIX_SIZE + 8], number[24];
    url_parameter(&query, parameter_name(paging, "sort", name, sizeof name),
                  key != NULL ? key : "");
    url_parameter(&query, parameter_name(paging, "dir", name, sizeof name),
                  descending ? "desc" : "asc");
    snprintf(number, sizeof number, "%" PRId64, page);
    url_parameter(&query, parameter_name(paging, "page", name, sizeof name), number);
    url_encode(&url, paging->path, true);
    html_fail(&url, html_status(&query));
    html_fail(h, html_status(&url));
    html_text(h, buf_str(&url_text));
    html_text(h, buf_str(&query_text));
    buf_release(&url_text);
    buf_release(&query_text);
}

static void sorting_header(struct html *h, const struct paging *paging, size_t index)
{
    const struct paging_column *column = &paging->list->columns[index];
    bool sorted = index == paging->column;
    html_markup(h, "<th scope=\"col\"");
    if (column->number) {
        html_markup(h, " class=\"number\"");
    }
    if (sorted && paging->descending) {
        html_markup(h, " aria-sort=\"descending\"");
    } else if (sorted) {
        html_markup(h, " aria-sort=\"ascending\"");
    }
    html_markup(h, "><a href=\"");
    /* A click on the sorted column turns it round; on another, sorts by it upwards. */
    href(h, paging, index, sorted && !paging->descending, 1);
    html_markup(h, "\">");
    html_text(h, column->label);
    if (sorted && paging->descending) {
        html_markup(h, " <span aria-hidden=\"true\">\u25BC</span>");
    } else if (sorted) {
        html_markup(h, " <span aria-hidden=\"true\">\u25B2</span>");
    }
    html_markup(h, "</a></th>");
}

static void plain_header(struct html *h, const struct paging_column *column)
{
    if (column->number) {
        html_markup(h, "<th scope=\"col\" class=\"number\">");
    } else {
        html_markup(h, "<th scope=\"col\">");
    }
    html_text(h, column->label);
    html_markup(h, "</th>");
}

void paging_write_head(struct html *h, const struct paging *paging)
{
    html_markup(h, "<thead><tr>");
    for (size_t i = 0; i < paging->list->column_count; i++) {
        const struct paging_column *column = &paging->list->columns[i];
        if (sorts(column)) {
            sorting_header(h, paging, i);
        } else {
            plain_header(h, column);
        }
    }
    html_markup(h, "</tr></thead>\n");
}

void paging_write_cell(struct html *h, const char *text, bool number)
{
    if (number) {
        html_markup(h, "<td class=\"number\">");
    } else {
        html_markup(h, "<td>");
    }
    html_text(h, text != NULL ? text : "");
    html_markup(h, "</td>");
}

void paging_write_count_cell(struct html *h, int64_t value)
{
    html_markup(h, "<td class=\"number\">");
    html_int(h, value);
    html_markup(h, "</td>");
}

void paging_write_link_cell(struct html *h, const char *path, int64_t id, const char *text)
{
    html_markup(h, "<td><a href=\"");
    html_text(h, path);
    html_int(h, id);
    html_markup(h, "\">");
    html_text(h, text != NULL ? text : "");
    html_markup(h, "</a></td>");
}

static void nav_link(struct html *h, const struct paging *paging, int64_t page, bool previous)
{
    html_markup(h, "<li class=\"usa-pagination__item usa-pagination__arrow\">");
    if (previous) {
        html_markup(h, "<a class=\"usa-pagination__link usa-pagination__previous-page\""
                       " rel=\"prev\" href=\"");
    } else {
        html_markup(h, "<a class=\"usa-pagination__link usa-pagination__next-page\""
                       " rel=\"next\" href=\"");
    }
    href(h, paging, paging->column, paging->descending, page);
    if (previous) {
        html_markup(h, "\" aria-label=\"Previous page\">"
                       "<span class=\"usa-pagination__link-text\">Previous</span></a></li>");
    } else {
        html_markup(h, "\" aria-label=\"Next page\">"
                       "<span class=\"usa-pagination__link-text\">Next</span></a></li>");
    }
}

/* What the list's rows are, in the number the total needs: "1 library", "2 libraries". */
static const char *paging_noun(const struct paging *paging)
{
    if (paging->total == 1 && paging->list->noun_one != NULL) {
        return paging->list->noun_one;
    }
    return paging->list->noun;
}

void paging_write_nav(struct html *h, const struct paging *paging)
{
    html_markup(h, "<nav aria-label=\"Pagination\" class=\"usa-pagination"
                   "\"><ul class=\"usa-pagination__list\">");
    if (paging->page > 1) {
        nav_link(h, paging, paging->page - 1, true);
    }
    char text[160];
    snprintf(text, sizeof text, "Page %" PRId64 " of %" PRId64 " (%" PRId64 " %s)", paging->page,
             paging->pages, paging->total > 0 ? paging->total : 0, paging_noun(paging));
    html_markup(h, "<li class=\"usa-pagination__item usa-pagination__page-no\">"
                   "<span class=\"usa-pagination__button usa-current\" aria-current=\"page\">");
    html_text(h, text);
    html_markup(h, "</span></li>");
    if (paging->page < paging->pages) {
        nav_link(h, paging, paging->page + 1, false);
    }
    html_markup(h, "</ul></nav>\n");
}

void paging_write_table_begin(struct html *h, const struct paging *paging, const char *caption)
{
    html_markup(h, "<table class=\"usa-table usa-table--borderless\">\n<caption>");
    html_markup_literal(h, caption);
    html_markup(h, "</caption>\n");
    paging_write_head(h, paging);
    html_markup(h, "<tbody>\n");
}

void paging_write_table_end(struct html *h, const struct paging *paging)
{
    html_markup(h, "</tbody>\n</table>\n");
    paging_write_nav(h, paging);
}

bool paging_write_heading(struct html *h, struct paging *paging, int64_t total, const char *heading,
                          const char *empty)
{
    paging_set_total(paging, total);
    html_markup(h, "<h2>");
    html_markup_literal(h, heading);
    html_markup(h, "</h2>\n");
    if (total > 0) {
        return true;
    }
    html_markup(h, "<p>");
    html_markup_literal(h, empty);
    html_markup(h, "</p>\n");
    return false;
}
