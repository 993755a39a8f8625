#include "store_directors.h"

#include <string.h>

#include "../core/banned.h"

static const char *const kind_order[DIRECTOR_KIND_COUNT] = {"public", "tribal-college", "academic",
                                                            "school", "special"};

/* The walk over libraries and their directors' certificates, one row each pair. */
struct reading {
    struct director_picture *picture;
    const struct program_set *programs;
    struct civil_date day;
    const char *director_program;
    int window_years;
    bool certified; /* the library being read: a director's certificate of theirs is in force */
};

void director_picture_release(struct director_picture *picture)
{
    store_rows_release(&picture->libraries);
}

/* The standing of the library last read, now that all its certificates are seen. */
static void library_done(struct reading *reading)
{
    struct store_rows *rows = &reading->picture->libraries;
    if (rows->count == 0) {
        return;
    }
    struct director_row *row = (struct director_row *)rows->items + rows->count - 1;
    if (row->director_id == 0) {
        return;
    }
    row->window_end = director_window_end(row->hire_day, reading->window_years);
    row->standing = director_standing_on(reading->certified, row->hire_day, reading->window_years,
                                         reading->day);
}

static void library_begin(struct director_row *row, struct db_stmt *stmt)
{
    row->library_id = db_column_int64(stmt, 0);
    store_text_copy(row->library, sizeof row->library, db_column_text(stmt, 1));
    store_text_copy(row->kind, sizeof row->kind, db_column_text(stmt, 2));
    row->director_id = db_column_int64(stmt, 3);
    store_text_copy(row->director, sizeof row->director, db_column_text(stmt, 4));
    row->hire_day = store_date_value(db_column_text(stmt, 5));
    row->window_end = civil_date_unset();
}

/* Whether the certificate of the row (columns 6 to 9: program, issued, valid until,
 * revoked) is a director's certificate in force on the day. */
static bool certificate_counts(const struct reading *reading, struct db_stmt *stmt)
{
    return director_certificate_counts(reading->programs, reading->director_program,
                                       db_column_text(stmt, 6)) &&
           director_certificate_in_force(store_date_value(db_column_text(stmt, 7)),
                                         store_date_value(db_column_text(stmt, 8)),
                                         !db_column_is_null(stmt, 9), reading->day);
}

/* One row: a library (the first of its rows), with one of its director's certificates. */
static enum ct_status library_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct reading *reading = context;
    struct store_rows *rows = &reading->picture->libraries;
    const struct director_row *last =
        rows->count > 0 ? (const struct director_row *)rows->items + rows->count - 1 : NULL;
    if (last == NULL || last->library_id != db_column_int64(stmt, 0)) {
        library_done(reading);
        struct director_row *row = store_rows_push(rows, err);
        if (row == NULL) {
            return CT_ERR_NOMEM;
        }
        library_begin(row, stmt);
        reading->certified = false;
    }
    if (!db_column_is_null(stmt, 6) && certificate_counts(reading, stmt)) {
        reading->certified = true;
    }
    return CT_OK;
}

static void count_into(struct director_kind_row *kind, const struct director_row *row)
{
    kind->libraries++;
    if (row->director_id == 0) {
        kind->no_director++;
    } else {
        kind->directors[row->standing]++;
    }
}

/* The per-kind rows, in the schema's order, then the whole. */
static void count_kinds(struct director_picture *picture)
{
    const struct director_row *rows = picture->libraries.items;
    struct director_kind_row all = {.kind = "all"};
    for (size_t k = 0; k < DIRECTOR_KIND_COUNT; k++) {
        struct director_kind_row kind = {0};
        store_text_copy(kind.kind, sizeof kind.kind, kind_order[k]);
        for (size_t i = 0; i < picture->libraries.count; i++) {
            if (strcmp(rows[i].kind, kind_order[k]) == 0) {
                count_into(&kind, &rows[i]);
            }
        }
        if (kind.libraries > 0) {
            picture->kinds[picture->kind_count++] = kind;
        }
    }
    for (size_t i = 0; i < picture->libraries.count; i++) {
        count_into(&all, &rows[i]);
    }
    picture->kinds[picture->kind_count++] = all;
}

/* Each open library with its director, their hire day and each of their certificates. */
static const char directors_sql[] =
    "SELECT l.id, l.name, l.kind, COALESCE(l.director_id, 0), COALESCE(p.name, ''),"
    " " STORE_DIRECTOR_HIRE_DAY_SQL ","
    " c.program, c.issued, c.valid_until, c.revoked"
    " FROM libraries l LEFT JOIN people p ON p.id = l.director_id"
    " LEFT JOIN certificates c ON c.person_id = l.director_id"
    " WHERE l.closed_on IS NULL AND (CAST(? AS TEXT) IS NULL OR l.kind = ?)"
    " AND (? = 0 OR EXISTS (SELECT 1 FROM library_consultants lc"
    " WHERE lc.library_id = l.id AND lc.person_id = ?))"
    " ORDER BY LOWER(l.name), l.id, c.id";

enum ct_status store_directors_read(struct store *store, struct civil_date day,
                                    const char *director_program,
                                    const struct statewide_filter *filter,
                                    struct director_picture *out, struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    out->libraries.size = sizeof(struct director_row);
    const struct program *program = program_set_find(store->programs, director_program);
    if (program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "director_program", "unknown program \"%.80s\"",
                          director_program);
    }
    struct reading reading = {out,  store->programs, day, director_program, program->window_years,
                              false};
    enum ct_status status =
        STORE_EACH_ROW(store, directors_sql, library_row, &reading, err,
                       DB_TEXT(filter->library_kind), DB_TEXT(filter->library_kind),
                       DB_INT(filter->consultant_id), DB_INT(filter->consultant_id));
    if (status == CT_OK) {
        library_done(&reading);
        count_kinds(out);
    }
    return status;
}
