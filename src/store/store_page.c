#include "store_page.h"

#include "../core/banned.h"

enum ct_status store_page_sql(struct buf *sql, const char *const *order_by, size_t count,
                              const char *tiebreak, const struct store_page *page,
                              struct ct_err *err)
{
    if (page->column >= count || order_by[page->column] == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "sort", "the list cannot be sorted by column %zu",
                          page->column);
    }
    enum ct_status status = buf_append_str(sql, " ORDER BY ");
    if (status == CT_OK) {
        status = buf_append_str(sql, order_by[page->column]);
    }
    if (status == CT_OK) {
        status = buf_append_str(sql, page->descending ? " DESC" : " ASC");
    }
    if (status == CT_OK && tiebreak != NULL) {
        status = buf_printf(sql, ", %s", tiebreak);
    }
    if (status == CT_OK) {
        status = buf_append_str(sql, " LIMIT ? OFFSET ?");
    }
    return status == CT_OK ? CT_OK
                           : ct_err_set(err, status, "sort", "the list's query is too long");
}

enum ct_status store_page_bind(struct db_stmt *stmt, int index, const struct store_page *page,
                               struct ct_err *err)
{
    enum ct_status status = db_bind_int64(stmt, index, page->limit);
    if (status == CT_OK) {
        status = db_bind_int64(stmt, index + 1, page->offset);
    }
    return status == CT_OK ? CT_OK : ct_err_set(err, status, "paging", "cannot bind the page");
}

void store_page_clamp(struct store_page *page, int64_t total)
{
    if (page->limit <= 0) {
        return;
    }
    int64_t pages = total > 0 ? (total + page->limit - 1) / page->limit : 1;
    if (page->offset / page->limit + 1 > pages) {
        page->offset = (pages - 1) * page->limit;
    }
}
