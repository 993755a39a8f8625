#include "store_certificate_list.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

#define CERTIFICATE_COLUMNS                                                                        \
    "SELECT c.id, c.number, p.id, p.name, p.email, c.program, c.credit_halves, c.issued,"          \
    " c.valid_until, c.revoked, c.revoked_reason, r.name, c.verification_code"                     \
    " FROM certificates c JOIN people p ON p.id = c.person_id"                                     \
    " LEFT JOIN people r ON r.id = c.revoked_by"

/* The certificates a search finds: three parameters, each the search's LIKE pattern
 * ("" for every certificate). */
#define SEARCH_WHERE                                                                               \
    " WHERE ? = '' OR LOWER(c.number) LIKE ? ESCAPE '\\' OR LOWER(p.name) LIKE ? ESCAPE '\\'"

static const char *const order_by[STORE_CERTIFICATE_COLUMNS] = {
    [STORE_CERTIFICATE_NUMBER] = "c.number",
    [STORE_CERTIFICATE_HOLDER] = "LOWER(p.name)",
    [STORE_CERTIFICATE_PROGRAM] = "c.program",
    [STORE_CERTIFICATE_ISSUED] = "c.issued",
    [STORE_CERTIFICATE_VALID_UNTIL] = "c.valid_until",
    [STORE_CERTIFICATE_STATE] = "(c.revoked IS NOT NULL)",
    [STORE_CERTIFICATE_NEWEST] = "c.issued DESC, c.id",
};

/* A copy of column's text in arena, or NULL for SQL NULL; *ok false when memory runs
 * out. */
static const char *column_copy(struct arena *arena, struct db_stmt *stmt, int column, bool *ok)
{
    const char *text = db_column_text(stmt, column);
    if (text == NULL) {
        return NULL;
    }
    char *copy = arena_strdup(arena, text);
    *ok &= copy != NULL;
    return copy;
}

static bool read_row(struct arena *arena, struct db_stmt *stmt, struct store_certificate_row *row)
{
    bool ok = true;
    row->id = db_column_int64(stmt, 0);
    row->number = column_copy(arena, stmt, 1, &ok);
    row->person_id = db_column_int64(stmt, 2);
    row->holder = column_copy(arena, stmt, 3, &ok);
    row->email = column_copy(arena, stmt, 4, &ok);
    row->program = column_copy(arena, stmt, 5, &ok);
    row->credit_halves = db_column_int64(stmt, 6);
    row->issued = store_date_value(db_column_text(stmt, 7));
    row->valid_until = store_date_value(db_column_text(stmt, 8));
    row->revoked = store_date_value(db_column_text(stmt, 9));
    row->revoked_reason = column_copy(arena, stmt, 10, &ok);
    row->revoked_by = column_copy(arena, stmt, 11, &ok);
    row->verification_code = column_copy(arena, stmt, 12, &ok);
    return ok;
}

enum ct_status store_certificate_list_count(struct store *store, const char *search, int64_t *total,
                                            struct ct_err *err)
{
    *total = 0;
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    enum ct_status status = store_like_pattern(search, pattern, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM certificates c JOIN people p"
                            " ON p.id = c.person_id" SEARCH_WHERE,
                            total, err, DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern));
    }
    return status;
}

/* Prepares one page of the search's list. */
static enum ct_status prepare_page(struct store *store, const char *pattern,
                                   const struct store_page *page, struct db_stmt **stmt,
                                   struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, CERTIFICATE_COLUMNS SEARCH_WHERE);
    if (status == CT_OK) {
        status = store_page_sql(&sql, order_by, STORE_CERTIFICATE_COLUMNS, "c.id", page, err);
    }
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(
            *stmt, STORE_PARAMS(DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern)), 3, err);
    }
    return status == CT_OK ? store_page_bind(*stmt, 4, page, err) : status;
}

enum ct_status store_certificate_list(struct store *store, const char *search,
                                      const struct store_page *page, struct arena *arena,
                                      struct store_certificate_row **rows, size_t *count,
                                      struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    if (page->limit < 1 || page->limit > STORE_CERTIFICATE_PAGE_MAX || page->offset < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "page", "a page holds 1 to %d rows",
                          STORE_CERTIFICATE_PAGE_MAX);
    }
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    struct db_stmt *stmt = NULL;
    enum ct_status status = store_like_pattern(search, pattern, err);
    if (status == CT_OK) {
        status = prepare_page(store, pattern, page, &stmt, err);
    }
    struct store_certificate_row *found =
        status == CT_OK ? arena_calloc(arena, (size_t)page->limit, sizeof *found) : NULL;
    if (status == CT_OK && found == NULL) {
        status = ct_err_nomem(err);
    }
    bool has_row = true;
    while (status == CT_OK && *count < (size_t)page->limit) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = read_row(arena, stmt, &found[*count]) ? CT_OK : ct_err_nomem(err);
        *count += status == CT_OK;
    }
    db_finalize(stmt);
    *rows = status == CT_OK && *count > 0 ? found : NULL;
    *count = status == CT_OK ? *count : 0;
    return status;
}

enum ct_status store_certificate_view(struct store *store, int64_t id, struct arena *arena,
                                      struct store_certificate_row *row, bool *found,
                                      struct ct_err *err)
{
    memset(row, 0, sizeof *row);
    *found = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db, CERTIFICATE_COLUMNS " WHERE c.id = ?", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found && !read_row(arena, stmt, row)) {
        status = ct_err_nomem(err);
    }
    db_finalize(stmt);
    return status;
}
