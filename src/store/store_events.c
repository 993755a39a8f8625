#include "store_events.h"

#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "../core/banned.h"

struct calendar_read {
    struct arena *arena;
    struct store_calendar_event *rows;
    size_t count;
};

/* A copy of column's text in arena ("" for NULL); NULL when memory runs out. */
static const char *copy(struct arena *arena, struct db_stmt *stmt, int column)
{
    const char *text = db_column_text(stmt, column);
    return arena_strdup(arena, text != NULL ? text : "");
}

static enum ct_status read_calendar_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct calendar_read *read = context;
    if (read->count == STORE_CALENDAR_MAX) {
        return CT_OK;
    }
    struct store_calendar_event *row = &read->rows[read->count];
    row->id = db_column_int64(stmt, 0);
    row->title = copy(read->arena, stmt, 1);
    row->kind = copy(read->arena, stmt, 2);
    row->category = copy(read->arena, stmt, 3);
    row->credit_halves = db_column_int64(stmt, 4);
    row->sponsor = copy(read->arena, stmt, 5);
    row->starts = store_date_value(db_column_text(stmt, 6));
    row->ends = store_date_value(db_column_text(stmt, 7));
    row->place = copy(read->arena, stmt, 8);
    row->online_url = copy(read->arena, stmt, 9);
    row->registration_opens = store_date_value(db_column_text(stmt, 10));
    row->registration_closes = store_date_value(db_column_text(stmt, 11));
    row->withdrawn = db_column_int64(stmt, 12) != 0;
    if (row->title == NULL || row->kind == NULL || row->category == NULL || row->sponsor == NULL ||
        row->place == NULL || row->online_url == NULL) {
        return ct_err_nomem(err);
    }
    read->count++;
    return CT_OK;
}

enum ct_status store_events_upcoming(struct store *store, struct civil_date today,
                                     bool with_withdrawn, struct arena *arena,
                                     struct store_calendar_event **rows, size_t *count,
                                     struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    struct calendar_read read = {arena, arena_calloc(arena, STORE_CALENDAR_MAX, sizeof *read.rows),
                                 0};
    if (read.rows == NULL) {
        return ct_err_nomem(err);
    }
    char day[CIVIL_DATE_TEXT_SIZE];
    enum ct_status status = STORE_EACH_ROW(
        store,
        "SELECT id, title, kind, category, credit_halves, sponsor, starts, ends, place,"
        " online_url, registration_opens, registration_closes, withdrawn_at IS NOT NULL"
        " FROM events WHERE ends >= ?1 AND (?2 = 1 OR withdrawn_at IS NULL)"
        " ORDER BY starts, id LIMIT 500",
        read_calendar_row, &read, err, DB_TEXT(store_date_text(today, day)),
        DB_INT(with_withdrawn ? 1 : 0));
    if (status == CT_OK && read.count > 0) {
        *rows = read.rows;
        *count = read.count;
    }
    return status;
}

enum ct_status store_event_withdrawn(struct store *store, int64_t id, bool *found, bool *withdrawn,
                                     struct ct_err *err)
{
    int64_t state = -1;
    enum ct_status status = STORE_EXEC(
        store, "SELECT withdrawn_at IS NOT NULL FROM events WHERE id = ?", &state, err, DB_INT(id));
    *found = status == CT_OK && state >= 0;
    *withdrawn = status == CT_OK && state > 0;
    return status;
}

/* Refuses an event that does not exist or is withdrawn. */
static enum ct_status check_on(struct store *store, int64_t id, struct ct_err *err)
{
    bool found = false, withdrawn = false;
    enum ct_status status = store_event_withdrawn(store, id, &found, &withdrawn, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "event", "there is no such event");
    } else if (status == CT_OK && withdrawn) {
        status = ct_err_set(err, CT_ERR_INPUT, "event", "the event is withdrawn already");
    }
    return status;
}

static struct db_param optional_date(struct civil_date date, char text[CIVIL_DATE_TEXT_SIZE])
{
    return DB_TEXT(civil_date_is_set(date) ? store_date_text(date, text) : NULL);
}

/* Writes the checked fields and details of event id. */
static enum ct_status update_row(struct store *store, int64_t id, const struct event_new *event,
                                 const struct event_details *details, struct ct_err *err)
{
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    char opens[CIVIL_DATE_TEXT_SIZE], closes[CIVIL_DATE_TEXT_SIZE];
    return STORE_EXEC(
        store,
        "UPDATE events SET title = ?, starts = ?, ends = ?, sponsor = ?, kind = ?,"
        " credit_halves = ?, category = ?, place = ?, online_url = ?, capacity = ?,"
        " registration_opens = ?, registration_closes = ?, host_id = ? WHERE id = ?",
        NULL, err, DB_TEXT(event->title), DB_TEXT(store_date_text(event->starts, starts)),
        DB_TEXT(store_date_text(event->ends, ends)), DB_TEXT(event->sponsor),
        DB_TEXT(activity_kind_name(event->kind)), DB_INT(event->credit_halves),
        DB_TEXT(event->category), DB_TEXT(details->place), DB_TEXT(details->online_url),
        details->capacity > 0 ? DB_INT(details->capacity) : DB_TEXT(NULL),
        optional_date(details->registration_opens, opens),
        optional_date(details->registration_closes, closes),
        details->host_id > 0 ? DB_INT(details->host_id) : DB_TEXT(NULL), DB_INT(id));
}

enum ct_status store_event_update(struct store *store, int64_t actor_id, int64_t id,
                                  const struct event_new *event,
                                  const struct event_details *details, struct ct_err *err)
{
    enum ct_status status = check_on(store, id, err);
    if (status == CT_OK) {
        status = store_catalog_event_check(store, event, details, err);
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_EVENT, id, &before, err);
    }
    if (status == CT_OK) {
        status = update_row(store, id, event, details, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT, id, "edit", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_event_withdraw(struct store *store, int64_t actor_id, int64_t id,
                                    struct ct_err *err)
{
    enum ct_status status = check_on(store, id, err);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_EVENT, id, &before, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE events SET withdrawn_at = ? WHERE id = ?", NULL, err,
                            DB_TEXT(now), DB_INT(id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT, id, "withdraw", before, err);
    }
    free(before);
    return status;
}
