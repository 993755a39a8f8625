#include "store_progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

struct keyed_title {
    const char *key;   /* an activity's record key, in the record's arena */
    const char *title; /* in the record's arena */
};

static int compare_keys(const void *a, const void *b)
{
    return strcmp(((const struct keyed_title *)a)->key, ((const struct keyed_title *)b)->key);
}

/* Every titled activity's key and title of person_id, sorted by key: the strings in the
 * record's arena, the array *keyed the caller's to free. */
static enum ct_status read_titles(struct store *store, int64_t person_id,
                                  struct learner_record *record, struct keyed_title **keyed,
                                  size_t *count, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *keyed = NULL;
    *count = 0;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT record_key, title FROM activities"
                                       " WHERE person_id = ? AND title IS NOT NULL",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(person_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        struct keyed_title *grown = realloc(*keyed, (*count + 1) * sizeof **keyed);
        if (grown == NULL) {
            status = ct_err_nomem(err);
            break;
        }
        *keyed = grown;
        struct keyed_title *entry = &(*keyed)[(*count)++];
        entry->key = arena_strdup(&record->arena, db_column_text(stmt, 0));
        entry->title = arena_strdup(&record->arena, db_column_text(stmt, 1));
        if (entry->key == NULL || entry->title == NULL) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    if (status == CT_OK && *count > 1) {
        qsort(*keyed, *count, sizeof **keyed, compare_keys);
    }
    return status;
}

enum ct_status store_activity_titles(struct store *store, int64_t person_id,
                                     struct learner_record *record, const char ***titles,
                                     struct ct_err *err)
{
    *titles = NULL;
    if (record->activity_count == 0) {
        return CT_OK;
    }
    struct keyed_title *keyed = NULL;
    size_t count = 0;
    enum ct_status status = read_titles(store, person_id, record, &keyed, &count, err);
    const char **out = NULL;
    if (status == CT_OK) {
        out = arena_calloc(&record->arena, record->activity_count, sizeof *out);
        status = out != NULL ? CT_OK : ct_err_nomem(err);
    }
    for (size_t i = 0; status == CT_OK && i < record->activity_count; i++) {
        struct keyed_title wanted = {record->activities[i].id, NULL};
        const struct keyed_title *found =
            count > 0 ? bsearch(&wanted, keyed, count, sizeof *keyed, compare_keys) : NULL;
        out[i] = found != NULL ? found->title : NULL;
    }
    free(keyed);
    *titles = status == CT_OK ? out : NULL;
    return status;
}

static void held_from_row(struct db_stmt *stmt, void *row)
{
    struct held_certificate *held = row;
    held->id = db_column_int64(stmt, 0);
    snprintf(held->number, sizeof held->number, "%s", db_column_text(stmt, 1));
    snprintf(held->program, sizeof held->program, "%s", db_column_text(stmt, 2));
    held->issued = store_date_value(db_column_text(stmt, 3));
    held->valid_until = store_date_value(db_column_text(stmt, 4));
    held->revoked = store_date_value(db_column_text(stmt, 5));
    const char *code = db_column_text(stmt, 6);
    snprintf(held->verification_code, sizeof held->verification_code, "%s",
             code != NULL ? code : "");
}

enum ct_status store_certificates_held(struct store *store, int64_t person_id,
                                       struct held_certificate **held, size_t *count,
                                       struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof **held};
    enum ct_status status = STORE_READ_ROWS(
        store,
        "SELECT id, number, program, issued, valid_until, revoked, verification_code"
        " FROM certificates WHERE person_id = ? ORDER BY issued DESC, id DESC",
        held_from_row, &rows, err, DB_INT(person_id));
    *held = rows.items;
    *count = rows.count;
    return status;
}

static enum ct_status track_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct track_info *next = context;
    next->id = db_column_int64(stmt, 0);
    next->person_id = db_column_int64(stmt, 1);
    snprintf(next->program, sizeof next->program, "%s", db_column_text(stmt, 2));
    next->started = store_date_value(db_column_text(stmt, 3));
    next->deadline = store_date_value(db_column_text(stmt, 4));
    snprintf(next->state, sizeof next->state, "%s", db_column_text(stmt, 5));
    return CT_OK;
}

enum ct_status store_track_successor(struct store *store, int64_t track_id, struct track_info *next,
                                     bool *found, struct ct_err *err)
{
    memset(next, 0, sizeof *next);
    enum ct_status status =
        STORE_EACH_ROW(store,
                       "SELECT id, person_id, program, started, deadline, state FROM tracks"
                       " WHERE previous_track_id = ? ORDER BY id LIMIT 1",
                       track_row, next, err, DB_INT(track_id));
    *found = status == CT_OK && next->id != 0;
    return status;
}

/* A copy of a text column, NULL for NULL; *failed when memory runs out. */
static char *column_copy(struct db_stmt *stmt, int column, bool *failed)
{
    const char *text = db_column_text(stmt, column);
    char *copy = text != NULL ? strdup(text) : NULL;
    *failed = *failed || (text != NULL && copy == NULL);
    return copy;
}

static enum ct_status track_view_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct track_view *view = context;
    enum ct_status status = track_row(&view->track, stmt, err);
    bool failed = false;
    view->comment = column_copy(stmt, 6, &failed);
    return failed ? ct_err_nomem(err) : status;
}

enum ct_status store_track_view(struct store *store, int64_t track_id, struct track_view *view,
                                bool *found, struct ct_err *err)
{
    memset(view, 0, sizeof *view);
    enum ct_status status = STORE_EACH_ROW(
        store,
        "SELECT id, person_id, program, started, deadline, state, state_comment FROM tracks"
        " WHERE id = ?",
        track_view_row, view, err, DB_INT(track_id));
    *found = status == CT_OK && view->track.id != 0;
    return status;
}

void store_track_view_release(struct track_view *view)
{
    free(view->comment);
    view->comment = NULL;
}

static enum ct_status report_view_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct report_view *view = context;
    bool failed = false;
    view->track_id = db_column_int64(stmt, 0);
    view->state = column_copy(stmt, 1, &failed);
    view->text = column_copy(stmt, 2, &failed);
    view->comment = column_copy(stmt, 3, &failed);
    view->submitted = column_copy(stmt, 4, &failed);
    view->accepted = column_copy(stmt, 5, &failed);
    return failed ? ct_err_nomem(err) : CT_OK;
}

enum ct_status store_report_view(struct store *store, int64_t track_id, struct report_view *view,
                                 bool *found, struct ct_err *err)
{
    memset(view, 0, sizeof *view);
    enum ct_status status = STORE_EACH_ROW(
        store,
        "SELECT t.id, r.state, r.text, r.returned_comment, r.submitted, r.accepted FROM tracks t"
        " LEFT JOIN final_reports r ON r.track_id = t.id WHERE t.id = ?",
        report_view_row, view, err, DB_INT(track_id));
    *found = status == CT_OK && view->track_id != 0;
    if (status != CT_OK) {
        store_report_view_release(view);
    }
    return status;
}

void store_report_view_release(struct report_view *view)
{
    free(view->state);
    free(view->text);
    free(view->comment);
    free(view->submitted);
    free(view->accepted);
    memset(view, 0, sizeof *view);
}
