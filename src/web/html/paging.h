/*
 * paging: one way to show a list that can grow, a page at a time, sorted by a column.
 *
 * A list is described once, as data: its columns (declared in the order of the store's
 * column enum for the list), which of them sort, the default order and how many rows
 * make a page. The request's ?page=N&sort=KEY&dir=asc|desc is read against that
 * description: a value that is not right falls back to the default, never to an error.
 * The list then asks the store for that page (paging_page; the store keeps the SQL each
 * column sorts by, store_page.h), writes its table head (links that sort, aria-sort on
 * the sorted column) and the pagination nav; every link keeps the list's other query
 * parameters (its filters).
 */
#ifndef CERTTRACK_PAGING_H
#define CERTTRACK_PAGING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../core/buf.h"
#include "../../store/store_page.h"
#include "../http/request.h"
#include "html.h"

struct paging_column {
    const char *key;   /* ?sort=KEY; NULL: the column does not sort */
    const char *label; /* the column heading */
    bool number;       /* a numeric column (right-aligned) */
};

struct paging_list {
    const struct paging_column *columns;
    size_t column_count;
    size_t default_column; /* must sort */
    bool default_descending;
    int64_t per_page;
    const char *noun;     /* what a row is, plural: "events" */
    const char *noun_one; /* the same, of one row: "event" (NULL: the plural) */
};

#define PAGING_MAX_KEPT    4
#define PAGING_PAGE_MAX    1000000
#define PAGING_PATH_SIZE   128
#define PAGING_PREFIX_SIZE 16

struct paging {
    const struct paging_list *list; /* borrowed */
    char path[PAGING_PATH_SIZE];    /* the list's address, e.g. "/catalog" */
    size_t column;                  /* the sorted column */
    bool descending;
    int64_t page;                            /* 1-based */
    int64_t total;                           /* rows in the whole list; -1 until paging_set_total */
    int64_t pages;                           /* at least 1, once the total is known */
    const char *kept_names[PAGING_MAX_KEPT]; /* borrowed */
    const char *kept_values[PAGING_MAX_KEPT]; /* borrowed */
    size_t kept_count;
    char prefix[PAGING_PREFIX_SIZE]; /* before page, sort and dir in the query: "" or "tracks_" */
};

/* Reads the page, sort key and direction (each may be NULL) for list at path (borrowed,
 * copied; a path too long for PAGING_PATH_SIZE becomes "/"). The page must be written
 * in digits, 1 to PAGING_PAGE_MAX, else it is 1; an unknown sort key or one of a column
 * that does not sort gives the default column; dir "asc" or "desc", else the default
 * direction when the column is the default one, else ascending. */
void paging_parse(struct paging *paging, const struct paging_list *list, const char *path,
                  const char *page, const char *sort, const char *dir);

/* paging_parse with the request's path and its page, sort and dir query arguments. */
void paging_from_request(struct paging *paging, const struct paging_list *list,
                         const struct web_request *request);

/* The same for one of several lists on a page: its parameters are PREFIXpage,
 * PREFIXsort and PREFIXdir, and its links write them so. */
void paging_from_request_prefixed(struct paging *paging, const struct paging_list *list,
                                  const struct web_request *request, const char *prefix);

/* Keeps a query parameter (name and value borrowed; they must outlive paging) in every
 * link the list writes. An empty or NULL value is not kept; past PAGING_MAX_KEPT
 * parameters, the rest are dropped. */
void paging_keep(struct paging *paging, const char *name, const char *value);

/* Sets the number of rows in the whole list: the page count follows, and a page past
 * the last becomes the last. */
void paging_set_total(struct paging *paging, int64_t total);

/* The 0-based index of the first row of the page. */
int64_t paging_offset(const struct paging *paging);

/* The page the store is asked for: the sorted column's index (the list's columns are
 * declared in the order of the store's column enum), the direction, the rows. */
struct store_page paging_page(const struct paging *paging);

/* Writes <thead> with one <th scope="col"> per column: a sorting column is a link
 * (the sorted one to the other direction, with aria-sort and a visible arrow). */
void paging_write_head(struct html *h, const struct paging *paging);

/* Writes one cell of a row: <td>text</td>, escaped (NULL is empty); class "number" for
 * a numeric column. */
void paging_write_cell(struct html *h, const char *text, bool number);

/* A numeric cell holding a whole number. */
void paging_write_count_cell(struct html *h, int64_t value);

/* Writes a cell linking to path followed by id ("/people/" and 12: /people/12), with
 * text as the link's text. */
void paging_write_link_cell(struct html *h, const char *path, int64_t id, const char *text);

/* Writes the pagination nav: Previous, "Page X of Y (N rows)", Next. Call after
 * paging_set_total. */
void paging_write_nav(struct html *h, const struct paging *paging);

/* Sets the list's total (paging_set_total) and writes <h2>heading</h2>; when the list
 * is empty, writes <p>empty</p> and gives false: there is no table to write. heading
 * and empty are constant markup. */
bool paging_write_heading(struct html *h, struct paging *paging, int64_t total, const char *heading,
                          const char *empty);

/* Opens a paged table: <table class="usa-table usa-table--borderless"> with caption
 * (constant markup), its head (paging_write_head) and <tbody>. */
void paging_write_table_begin(struct html *h, const struct paging *paging, const char *caption);

/* Closes it: </tbody></table> and the pagination nav (paging_write_nav). */
void paging_write_table_end(struct html *h, const struct paging *paging);

#endif
