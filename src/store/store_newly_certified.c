#include "store_newly_certified.h"

#include "../core/banned.h"

static void certified_row(struct db_stmt *stmt, void *out)
{
    struct newly_certified_row *row = out;
    row->certificate_id = db_column_int64(stmt, 0);
    store_text_copy(row->number, sizeof row->number, db_column_text(stmt, 1));
    row->issued = store_date_value(db_column_text(stmt, 2));
    store_text_copy(row->program, sizeof row->program, db_column_text(stmt, 3));
    row->person_id = db_column_int64(stmt, 4);
    store_text_copy(row->name, sizeof row->name, db_column_text(stmt, 5));
    row->library_id = db_column_int64(stmt, 6);
    store_text_copy(row->library, sizeof row->library, db_column_text(stmt, 7));
    store_text_copy(row->city, sizeof row->city, db_column_text(stmt, 8));
}

enum ct_status store_newly_certified(struct store *store, struct civil_date from,
                                     struct civil_date to, const struct statewide_filter *filter,
                                     struct store_rows *rows, struct ct_err *err)
{
    char first[CIVIL_DATE_TEXT_SIZE], last[CIVIL_DATE_TEXT_SIZE];
    *rows = (struct store_rows){.size = sizeof(struct newly_certified_row)};
    return STORE_READ_ROWS(
        store,
        "SELECT c.id, c.number, c.issued, c.program, p.id, p.name, COALESCE(l.id, 0),"
        " COALESCE(l.name, ''), COALESCE(l.city, '')"
        " FROM certificates c JOIN people p ON p.id = c.person_id"
        " LEFT JOIN libraries l ON l.id = p.library_id"
        " WHERE c.provenance = 'awarded' AND c.revoked IS NULL AND c.issued >= ? AND c.issued <= ?"
        " AND (CAST(? AS TEXT) IS NULL OR c.program = ?) AND (CAST(? AS TEXT) IS NULL OR l.kind = "
        "?)"
        " AND (? = 0 OR EXISTS (SELECT 1 FROM library_consultants lc"
        " WHERE lc.library_id = l.id AND lc.person_id = ?))"
        " ORDER BY c.program, l.id IS NULL, LOWER(l.name), l.id, LOWER(p.name), c.id",
        certified_row, rows, err, DB_TEXT(store_date_text(from, first)),
        DB_TEXT(store_date_text(to, last)), DB_TEXT(filter->program), DB_TEXT(filter->program),
        DB_TEXT(filter->library_kind), DB_TEXT(filter->library_kind), DB_INT(filter->consultant_id),
        DB_INT(filter->consultant_id));
}
