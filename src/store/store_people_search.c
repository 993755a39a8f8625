#include "store_people_search.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/text_key.h"
#include "../core/banned.h"

/* ?1 the folded query ('' for all), ?2 the consultant, ?3 the library, ?4 inactive too. */
#define PEOPLE_FROM                                                                                \
    " FROM people p LEFT JOIN libraries l ON l.id = p.library_id"                                  \
    " WHERE (?1 = '' OR instr(text_fold(p.name), ?1) > 0 OR instr(p.email_key, ?1) > 0"            \
    " OR instr(text_fold(COALESCE(l.name, '')), ?1) > 0)"                                          \
    " AND (?2 = 0 OR EXISTS (SELECT 1 FROM library_consultants c"                                  \
    " WHERE c.library_id = l.id AND c.person_id = ?2))"                                            \
    " AND (?3 = 0 OR p.library_id = ?3) AND (?4 = 1 OR p.deactivated_at IS NULL)"

static const char *const people_order[STORE_PEOPLE_COLUMNS] = {
    [STORE_PEOPLE_NAME] = "text_fold(p.name)",
    [STORE_PEOPLE_EMAIL] = "p.email_key",
    [STORE_PEOPLE_LIBRARY] = "text_fold(COALESCE(l.name, ''))",
};

static enum ct_status people_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct people_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    row->id = db_column_int64(stmt, 0);
    store_text_copy(row->name, sizeof row->name, db_column_text(stmt, 1));
    store_text_copy(row->email, sizeof row->email, db_column_text(stmt, 2));
    row->library_id = db_column_int64(stmt, 3);
    store_text_copy(row->library, sizeof row->library, db_column_text(stmt, 4));
    store_text_copy(row->position, sizeof row->position, db_column_text(stmt, 5));
    row->active = db_column_int64(stmt, 6) != 0;
    return CT_OK;
}

static enum ct_status search(struct store *store, const char *key, const struct people_scope *scope,
                             const struct store_page *page, struct store_rows *rows, int64_t *total,
                             struct ct_err *err)
{
    const int64_t inactive = scope->include_inactive ? 1 : 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT COUNT(*)" PEOPLE_FROM, total, err, DB_TEXT(key),
                   DB_INT(scope->consultant_id), DB_INT(scope->library_id), DB_INT(inactive));
    struct store_page shown = *page;
    store_page_clamp(&shown, *total);
    struct buf sql;
    buf_init(&sql, 2048);
    if (status == CT_OK) {
        status = buf_append_str(&sql, "SELECT p.id, p.name, p.email, COALESCE(p.library_id, 0),"
                                      " l.name, p.position, p.deactivated_at IS NULL" PEOPLE_FROM);
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, people_order, STORE_PEOPLE_COLUMNS, "p.id", &shown, err);
    }
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, buf_str(&sql), people_row, rows, err, DB_TEXT(key),
                                DB_INT(scope->consultant_id), DB_INT(scope->library_id),
                                DB_INT(inactive), DB_INT(shown.limit), DB_INT(shown.offset));
    }
    buf_release(&sql);
    return status;
}

enum ct_status store_people_search(struct store *store, const char *query,
                                   const struct people_scope *scope, const struct store_page *page,
                                   struct store_rows *rows, int64_t *total, struct ct_err *err)
{
    *total = 0;
    if (query != NULL && strlen(query) > STORE_PEOPLE_QUERY_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "q", "q must be at most %d characters.",
                          STORE_PEOPLE_QUERY_MAX);
    }
    char *key = NULL;
    enum ct_status status = text_key_search(query != NULL ? query : "", &key);
    if (status != CT_OK) {
        return ct_err_set(err, status, "q", "q must be text (UTF-8).");
    }
    /* Spaces at either end are not part of what is looked for. */
    char *start = key != NULL ? key : "";
    while (*start == ' ') {
        start++;
    }
    size_t length = strlen(start);
    while (length > 0 && start[length - 1] == ' ') {
        start[--length] = '\0';
    }
    status = search(store, start, scope, page, rows, total, err);
    free(key);
    return status;
}
