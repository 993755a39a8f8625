/*
 * store_page: one page of a list the store sorts: which column it is sorted by, which
 * way, and which rows. A list's store module keeps, for each column a page can sort by,
 * the SQL expression it sorts by (constants written in the code, never text from a
 * request), in a table indexed by the list's column enum, which the page's list
 * declares its columns in the same order of.
 */
#ifndef CERTTRACK_STORE_PAGE_H
#define CERTTRACK_STORE_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "db.h"

struct store_page {
    size_t column; /* the list's column enum value to sort by */
    bool descending;
    int64_t limit;  /* rows on a page */
    int64_t offset; /* rows before it */
};

/* Moves a page past the last of total rows to the last, as the page's paging does
 * (paging_set_total), so that the rows asked for are the rows the page numbers. */
void store_page_clamp(struct store_page *page, int64_t total);

/* Appends " ORDER BY <order_by[column]> ASC|DESC[, tiebreak] LIMIT ? OFFSET ?" to sql
 * (order_by has count expressions; tiebreak may be NULL). CT_ERR_INPUT when the column
 * has no expression. */
enum ct_status store_page_sql(struct buf *sql, const char *const *order_by, size_t count,
                              const char *tiebreak, const struct store_page *page,
                              struct ct_err *err) CT_MUST_CHECK;

/* Binds the page's LIMIT and OFFSET to parameters index and index + 1. */
enum ct_status store_page_bind(struct db_stmt *stmt, int index, const struct store_page *page,
                               struct ct_err *err) CT_MUST_CHECK;

#endif
