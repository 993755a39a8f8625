#include "store_record_imports.h"

#include <stdlib.h>

#include "../io/clock.h"
#include "../core/banned.h"

static const char *const outcome_names[RECORD_LINE_OUTCOMES] = {
    [RECORD_LINE_CREATED] = "created",
    [RECORD_LINE_UPDATED] = "updated",
    [RECORD_LINE_UNCHANGED] = "unchanged",
    [RECORD_LINE_REFUSED] = "refused",
};

const char *record_line_outcome_name(enum record_line_outcome outcome)
{
    return outcome < RECORD_LINE_OUTCOMES ? outcome_names[outcome] : "unknown";
}

enum ct_status store_record_import_begin(struct store *store, int64_t actor_id,
                                         enum record_import_kind kind, const char *via,
                                         const char *file_name, int64_t *id, struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    return STORE_EXEC(store,
                      "INSERT INTO record_imports (kind, imported_by, imported_via, imported_at,"
                      " file_name, file_sha256) VALUES (?, ?, ?, ?, ?, '') RETURNING id",
                      id, err, DB_TEXT(kind == RECORD_IMPORT_PEOPLE ? "people" : "history"),
                      actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL), DB_TEXT(via), DB_TEXT(now),
                      DB_TEXT(file_name));
}

enum ct_status store_record_import_line(struct store *store, int64_t import_id, int64_t line,
                                        enum record_line_outcome outcome, const char *reason,
                                        const char *what, struct ct_err *err)
{
    return STORE_EXEC(store,
                      "INSERT INTO record_import_rows (import_id, line, outcome, reason, what)"
                      " VALUES (?, ?, ?, ?, ?)",
                      NULL, err, DB_INT(import_id), DB_INT(line),
                      DB_TEXT(record_line_outcome_name(outcome)), DB_TEXT(reason),
                      DB_TEXT(what != NULL ? what : ""));
}

enum ct_status store_record_import_end(struct store *store, int64_t actor_id, int64_t import_id,
                                       const char *file_sha256,
                                       const struct record_import_counts *counts,
                                       struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(
        store,
        "UPDATE record_imports SET file_sha256 = ?, rows_read = ?, created = ?, updated = ?,"
        " unchanged = ?, refused = ? WHERE id = ?",
        NULL, err, DB_TEXT(file_sha256), DB_INT(counts->rows_read),
        DB_INT(counts->of[RECORD_LINE_CREATED]), DB_INT(counts->of[RECORD_LINE_UPDATED]),
        DB_INT(counts->of[RECORD_LINE_UNCHANGED]), DB_INT(counts->of[RECORD_LINE_REFUSED]),
        DB_INT(import_id));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_RECORD_IMPORT, import_id, "import", NULL, err);
    }
    return status;
}

static void read_line(struct db_stmt *stmt, void *row)
{
    struct record_import_line *line = row;
    line->line = db_column_int64(stmt, 0);
    store_text_copy(line->outcome, sizeof line->outcome, db_column_text(stmt, 1));
    store_text_copy(line->reason, sizeof line->reason, db_column_text(stmt, 2));
    store_text_copy(line->what, sizeof line->what, db_column_text(stmt, 3));
}

enum ct_status store_record_import_refused(struct store *store, int64_t import_id, int64_t limit,
                                           struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT line, outcome, reason, what FROM record_import_rows"
                           " WHERE import_id = ? AND outcome = 'refused' ORDER BY line LIMIT ?",
                           read_line, rows, err, DB_INT(import_id), DB_INT(limit));
}

#define IMPORT_VIEW_SQL                                                                            \
    "SELECT i.id, i.kind, COALESCE(p.name, ''), i.imported_via, i.imported_at, i.file_name,"       \
    " i.file_sha256, i.rows_read, i.created, i.updated, i.unchanged, i.refused"                    \
    " FROM record_imports i LEFT JOIN people p ON p.id = i.imported_by"

static void read_view(struct db_stmt *stmt, void *row)
{
    struct record_import_view *v = row;
    v->id = db_column_int64(stmt, 0);
    store_text_copy(v->kind, sizeof v->kind, db_column_text(stmt, 1));
    store_text_copy(v->by, sizeof v->by, db_column_text(stmt, 2));
    store_text_copy(v->via, sizeof v->via, db_column_text(stmt, 3));
    store_text_copy(v->at, sizeof v->at, db_column_text(stmt, 4));
    store_text_copy(v->file_name, sizeof v->file_name, db_column_text(stmt, 5));
    store_text_copy(v->file_sha256, sizeof v->file_sha256, db_column_text(stmt, 6));
    v->counts.rows_read = db_column_int64(stmt, 7);
    for (int i = 0; i < RECORD_LINE_OUTCOMES; i++) {
        v->counts.of[i] = db_column_int64(stmt, 8 + i);
    }
}

enum ct_status store_record_import_get(struct store *store, int64_t id,
                                       struct record_import_view *view, bool *found,
                                       struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof *view};
    enum ct_status status = STORE_READ_ROWS(store, IMPORT_VIEW_SQL " WHERE i.id = ?", read_view,
                                            &rows, err, DB_INT(id));
    *found = status == CT_OK && rows.count == 1;
    if (*found) {
        *view = *(const struct record_import_view *)rows.items;
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status store_record_imports_latest(struct store *store, int64_t limit,
                                           struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store, IMPORT_VIEW_SQL " ORDER BY i.id DESC LIMIT ?", read_view, rows,
                           err, DB_INT(limit));
}

static void read_activity(struct db_stmt *stmt, void *row)
{
    struct imported_activity *a = row;
    a->id = db_column_int64(stmt, 0);
    a->person_id = db_column_int64(stmt, 1);
    a->credit_halves = db_column_int64(stmt, 2);
    a->semester_halves = db_column_int64(stmt, 3);
    a->quarter_halves = db_column_int64(stmt, 4);
    a->minutes = db_column_int64(stmt, 5);
    store_text_copy(a->category, sizeof a->category, db_column_text(stmt, 6));
    store_text_copy(a->status, sizeof a->status, db_column_text(stmt, 7));
    store_text_copy(a->sponsor, sizeof a->sponsor, db_column_text(stmt, 8));
}

enum ct_status store_imported_activity_find(struct store *store, const char *key,
                                            struct imported_activity *activity, bool *found,
                                            struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof *activity};
    enum ct_status status = STORE_READ_ROWS(
        store,
        "SELECT id, person_id, credit_halves, semester_halves, quarter_halves, minutes,"
        " category, status, sponsor FROM activities WHERE source = ? AND source_record_id = ?",
        read_activity, &rows, err, DB_TEXT(STORE_HISTORY_SOURCE), DB_TEXT(key));
    *found = status == CT_OK && rows.count == 1;
    if (*found) {
        *activity = *(const struct imported_activity *)rows.items;
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status store_imported_activity_update(struct store *store, int64_t actor_id, int64_t id,
                                              const struct activity_new *activity,
                                              struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, id, &before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(
            store,
            "UPDATE activities SET credit_halves = ?, semester_halves = ?, quarter_halves = ?,"
            " minutes = ?, category = ?, status = ?, sponsor = ? WHERE id = ?",
            NULL, err, DB_INT(activity->credit_halves), DB_INT(activity->semester_halves),
            DB_INT(activity->quarter_halves), DB_INT(activity->minutes),
            DB_TEXT(activity->category), DB_TEXT(activity->status), DB_TEXT(activity->sponsor),
            DB_INT(id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, id, "import", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}
