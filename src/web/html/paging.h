/*
 * paging: one way to show a list that can grow, a page at a time, sorted by a column.
 *
 * A list is described once, as data: its columns, which of them sort and by what SQL
 * expression (constants written in the code, never text from the request), the
 * default order and how many rows make a page. The request's ?page=N&sort=KEY&dir=asc|desc
 * is read against that description: a value that is not right falls back to the
 * default, never to an error. The list then asks for an ORDER BY ... LIMIT ? OFFSET ?
 * tail, writes its table head (links that sort, aria-sort on the sorted column) and the
 * pagination nav; every link keeps the list's other query parameters (its filters).
 */
#ifndef CERTTRACK_PAGING_H
#define CERTTRACK_PAGING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../core/buf.h"
#include "../../store/db.h"
#include "../../store/store_page.h"
#include "../http/request.h"
#include "html.h"

struct paging_column {
    const char *key;      /* ?sort=KEY; NULL: the column does not sort */
    const char *label;    /* the column heading */
    const char *order_by; /* the constant SQL expression it sorts by, for paging_order_sql;
                           * NULL for a list that the store sorts */
    bool number;          /* a numeric column (right-aligned) */
};

struct paging_list {
    const struct paging_column *columns;
    size_t column_count;
    size_t default_column; /* must sort */
    bool default_descending;
    const char *tiebreak; /* constant SQL after the sort, e.g. "e.id"; keeps pages stable */
    int64_t per_page;
    const char *noun; /* what a row is, plural: "events" */
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

/* Appends " ORDER BY <column> ASC|DESC, <tiebreak> LIMIT ? OFFSET ?" to sql: constants
 * only. Bind the two with paging_bind. CT_ERR_INPUT when the column has no order_by. */
enum ct_status paging_order_sql(struct buf *sql, const struct paging *paging) CT_MUST_CHECK;

/* Binds the page's LIMIT and OFFSET to parameters index and index + 1. */
enum ct_status paging_bind(struct db_stmt *stmt, int index, const struct paging *paging,
                           struct ct_err *err) CT_MUST_CHECK;

/* Writes the address of the list (HTML-escaped, for an href) sorted by column in
 * direction descending, at page, with the kept parameters. */
enum ct_status paging_href(struct buf *out, const struct paging *paging, size_t column,
                           bool descending, int64_t page) CT_MUST_CHECK;

/* Writes <thead> with one <th scope="col"> per column: a sorting column is a link
 * (the sorted one to the other direction, with aria-sort and a visible arrow). */
enum ct_status paging_table_head(struct buf *out, const struct paging *paging) CT_MUST_CHECK;

/* Writes one cell of a row: <td>text</td>, escaped (NULL is empty); class "number" for
 * a numeric column. */
enum ct_status paging_cell(struct buf *out, const char *text, bool number) CT_MUST_CHECK;

/* Writes a cell linking to path followed by id ("/people/" and 12: /people/12), with
 * text as the link's text. */
enum ct_status paging_link_cell(struct buf *out, const char *path, int64_t id,
                                const char *text) CT_MUST_CHECK;

/* Writes the pagination nav: Previous, "Page X of Y (N rows)", Next. Call after
 * paging_set_total. */
enum ct_status paging_nav(struct buf *out, const struct paging *paging) CT_MUST_CHECK;

/* ---- the same through the HTML writer ---- */

/* paging_table_head through h. */
void paging_write_head(struct html *h, const struct paging *paging);

/* paging_cell through h. */
void paging_write_cell(struct html *h, const char *text, bool number);

/* A numeric cell holding a whole number. */
void paging_write_count_cell(struct html *h, int64_t value);

/* paging_link_cell through h. */
void paging_write_link_cell(struct html *h, const char *path, int64_t id, const char *text);

/* paging_nav through h. */
void paging_write_nav(struct html *h, const struct paging *paging);

/* Called for each row of a page; returns CT_OK to go on. */
typedef enum ct_status (*paging_row_fn)(void *context, struct db_stmt *stmt, struct ct_err *err);

/* Runs base_sql (its WHERE bound with params) as one page of the list: the paging's
 * ORDER BY, LIMIT and OFFSET are added, and row is called for each row. */
enum ct_status paging_each_row(struct db *db, const char *base_sql, const struct db_param *params,
                               size_t count, const struct paging *paging, paging_row_fn row,
                               void *context, struct ct_err *err) CT_MUST_CHECK;

#endif
