#include "store_claim_notes.h"

#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

static void note_from_row(struct db_stmt *stmt, void *row)
{
    struct claim_note *note = row;
    store_text_copy(note->key, sizeof note->key, db_column_text(stmt, 0));
    note->id = db_column_int64(stmt, 1);
    store_text_copy(note->status, sizeof note->status, db_column_text(stmt, 2));
    store_text_copy(note->reason, sizeof note->reason, db_column_text(stmt, 3));
    note->replaced = db_column_int64(stmt, 4) != 0;
    store_text_copy(note->title, sizeof note->title, db_column_text(stmt, 5));
    note->date = store_date_value(db_column_text(stmt, 6));
}

enum ct_status store_claim_notes(struct store *store, int64_t person_id, struct store_rows *rows,
                                 struct ct_err *err)
{
    return STORE_READ_ROWS(
        store,
        "SELECT record_key, id, status, status_reason,"
        " CASE WHEN replaced_at IS NULL THEN 0 ELSE 1 END, title, date FROM activities"
        " WHERE person_id = ? AND status IN ('pending', 'rejected')"
        " ORDER BY record_key",
        note_from_row, rows, err, DB_INT(person_id));
}

static int compare_key(const void *key, const void *item)
{
    return strcmp(key, ((const struct claim_note *)item)->key);
}

const struct claim_note *store_claim_note_find(const struct store_rows *rows, const char *key)
{
    if (rows->count == 0 || key == NULL) {
        return NULL;
    }
    return bsearch(key, rows->items, rows->count, sizeof(struct claim_note), compare_key);
}
