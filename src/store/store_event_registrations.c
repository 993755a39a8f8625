#include "store_event_registrations.h"

#include <stdlib.h>
#include <string.h>

#include "store_activities.h"
#include "../io/clock.h"
#include "../core/banned.h"

static void read_state(struct db_stmt *stmt, struct store_event_registration_state *state)
{
    state->found = true;
    state->facts.starts = store_date_value(db_column_text(stmt, 0));
    state->ends = store_date_value(db_column_text(stmt, 1));
    state->facts.opens = store_date_value(db_column_text(stmt, 2));
    state->facts.closes = store_date_value(db_column_text(stmt, 3));
    state->facts.capacity = db_column_int64(stmt, 4);
    state->host_id = db_column_int64(stmt, 5);
    state->facts.registered = db_column_int64(stmt, 6);
    state->registration_id = db_column_int64(stmt, 7);
    state->attended = db_column_int64(stmt, 8) != 0;
    state->facts.held = state->registration_id > 0;
    state->withdrawn = db_column_int64(stmt, 9) != 0;
}

enum ct_status store_event_registration_state(struct store *store, int64_t event_id,
                                              int64_t person_id,
                                              struct store_event_registration_state *state,
                                              struct ct_err *err)
{
    memset(state, 0, sizeof *state);
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT e.starts, e.ends, e.registration_opens, e.registration_closes,"
                   " COALESCE(e.capacity, 0), COALESCE(e.host_id, 0),"
                   " (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id"
                   "  AND r.cancelled_at IS NULL),"
                   " COALESCE((SELECT r.id FROM event_registrations r WHERE r.event_id = e.id"
                   "  AND r.person_id = ?1 AND r.cancelled_at IS NULL), 0),"
                   " COALESCE((SELECT r.attended FROM event_registrations r WHERE r.event_id = e.id"
                   "  AND r.person_id = ?1 AND r.cancelled_at IS NULL), 0),"
                   " e.withdrawn_at IS NOT NULL"
                   " FROM events e WHERE e.id = ?2",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(person_id), DB_INT(event_id)), 2, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        read_state(stmt, state);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_event_register(struct store *store, int64_t actor_id, int64_t event_id,
                                    int64_t person_id, int64_t *id, struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    enum ct_status status = STORE_EXEC(store,
                                       "INSERT INTO event_registrations (event_id, person_id,"
                                       " registered_at) VALUES (?, ?, ?) RETURNING id",
                                       id, err, DB_INT(event_id), DB_INT(person_id), DB_TEXT(now));
    if (status == CT_ERR_INPUT) {
        return ct_err_set(err, CT_ERR_INPUT, "event", "registered for this event already");
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_EVENT_REGISTRATION, *id, "register", NULL, err);
    }
    return status;
}

enum ct_status store_event_cancel(struct store *store, int64_t actor_id, int64_t registration_id,
                                  struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status =
        store_row_json(store, ENTITY_EVENT_REGISTRATION, registration_id, &before, err);
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE event_registrations SET cancelled_at = ? WHERE id = ?"
                            " AND cancelled_at IS NULL",
                            NULL, err, DB_TEXT(now), DB_INT(registration_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT_REGISTRATION, registration_id, "cancel",
                             before, err);
    }
    free(before);
    return status;
}

static bool read_roster_row(struct db_stmt *stmt, struct arena *arena, struct store_roster_row *row)
{
    row->registration_id = db_column_int64(stmt, 0);
    row->person_id = db_column_int64(stmt, 1);
    const char *name = db_column_text(stmt, 2), *email = db_column_text(stmt, 3);
    const char *at = db_column_text(stmt, 4);
    row->name = arena_strdup(arena, name != NULL ? name : "");
    row->email = arena_strdup(arena, email != NULL ? email : "");
    row->registered_at = arena_strdup(arena, at != NULL ? at : "");
    row->attended = db_column_int64(stmt, 5) != 0;
    row->activity_id = db_column_int64(stmt, 6);
    return row->name != NULL && row->email != NULL && row->registered_at != NULL;
}

enum ct_status store_event_roster(struct store *store, int64_t event_id, struct arena *arena,
                                  struct store_roster_row **rows, size_t *count, struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    int64_t total = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT COUNT(*) FROM event_registrations WHERE"
                                       " event_id = ? AND cancelled_at IS NULL",
                                       &total, err, DB_INT(event_id));
    if (status != CT_OK || total == 0) {
        return status;
    }
    struct store_roster_row *found = arena_calloc(arena, (size_t)total, sizeof *found);
    struct db_stmt *stmt = NULL;
    status = found != NULL
                 ? db_prepare(store->db,
                              "SELECT r.id, r.person_id, p.name, p.email, r.registered_at,"
                              " r.attended, COALESCE(r.activity_id, 0)"
                              " FROM event_registrations r JOIN people p ON"
                              " p.id = r.person_id WHERE r.event_id = ? AND"
                              " r.cancelled_at IS NULL ORDER BY LOWER(p.name), r.id",
                              &stmt, err)
                 : ct_err_nomem(err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(event_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK && *count < (size_t)total) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = read_roster_row(stmt, arena, &found[*count]) ? CT_OK : ct_err_nomem(err);
        *count += status == CT_OK;
    }
    db_finalize(stmt);
    *rows = status == CT_OK && *count > 0 ? found : NULL;
    *count = status == CT_OK ? *count : 0;
    return status;
}

/* Reads registration_id of event_id, not cancelled: its person and attendance. */
static enum ct_status read_registration(struct store *store, int64_t event_id,
                                        int64_t registration_id, int64_t *person_id, bool *attended,
                                        struct ct_err *err)
{
    char text[64];
    bool found = false;
    enum ct_status status = store_query_text(
        store,
        "SELECT person_id || ' ' || attended FROM event_registrations WHERE id = ? AND"
        " event_id = ? AND cancelled_at IS NULL",
        STORE_PARAMS(DB_INT(registration_id), DB_INT(event_id)), 2, text, sizeof text, &found, err);
    if (status == CT_OK && !found) {
        return ct_err_set(err, CT_ERR_INPUT, "attended",
                          "registration %lld is not one of this event's",
                          (long long)registration_id);
    }
    char *end = NULL;
    *person_id = status == CT_OK ? strtoll(text, &end, 10) : 0;
    *attended = status == CT_OK && end != NULL && strcmp(end, " 1") == 0;
    return status;
}

/* The activity person_id holds of event_id already (not superseded), or 0. */
static enum ct_status held_activity(struct store *store, int64_t person_id, int64_t event_id,
                                    int64_t *activity_id, struct ct_err *err)
{
    *activity_id = 0;
    return STORE_EXEC(store,
                      "SELECT id FROM activities WHERE person_id = ? AND event_id = ? AND"
                      " superseded_by IS NULL AND replaced_at IS NULL ORDER BY id LIMIT 1",
                      activity_id, err, DB_INT(person_id), DB_INT(event_id));
}

/* The event's title, kind, credits and category into *activity (text from arena). */
static enum ct_status event_activity(struct store *store, int64_t event_id, struct arena *arena,
                                     struct activity_new *activity, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT title, kind, credit_halves, category FROM events"
                                       " WHERE id = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(event_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && !has_row) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "event", "no event has the id %lld", (long long)event_id);
    }
    if (status == CT_OK) {
        activity->title = arena_strdup(arena, db_column_text(stmt, 0));
        const char *kind = db_column_text(stmt, 1);
        activity->credit_halves = db_column_int64(stmt, 2);
        activity->category = arena_strdup(arena, db_column_text(stmt, 3));
        if (activity->title == NULL || activity->category == NULL) {
            status = ct_err_nomem(err);
        } else if (kind == NULL || !activity_kind_from_name(kind, &activity->kind)) {
            status = ct_err_set(err, CT_ERR_INPUT, "event", "the event's kind is unknown");
        }
    }
    db_finalize(stmt);
    return status;
}

/* A new verified activity of event_id for person_id on day, verified by actor_id. */
static enum ct_status credit_attendance(struct store *store, int64_t actor_id, int64_t event_id,
                                        int64_t person_id, struct civil_date day,
                                        int64_t *activity_id, struct ct_err *err)
{
    struct arena arena;
    arena_init(&arena);
    struct activity_new activity = {.person_id = person_id,
                                    .date = day,
                                    .status = "verified",
                                    .provenance = PROVENANCE_CATALOG,
                                    .event_id = event_id};
    enum ct_status status = event_activity(store, event_id, &arena, &activity, err);
    if (status == CT_OK) {
        status = store_activity_add(store, actor_id, &activity, activity_id, err);
    }
    arena_release(&arena);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, *activity_id, &before, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "UPDATE activities SET status_by = ?, status_at = ?, status_reason = ?"
                       " WHERE id = ?",
                       NULL, err, actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL), DB_TEXT(now),
                       DB_TEXT("attendance recorded by the event's host"), DB_INT(*activity_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, *activity_id, "verify-attendance",
                             before, err);
    }
    free(before);
    return status;
}

/* Marks the registration attended, naming activity_id, with its audit entry. */
static enum ct_status mark_attended(struct store *store, int64_t actor_id, int64_t registration_id,
                                    int64_t activity_id, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status =
        store_row_json(store, ENTITY_EVENT_REGISTRATION, registration_id, &before, err);
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE event_registrations SET attended = 1, recorded_by = ?,"
                            " recorded_at = ?, activity_id = ? WHERE id = ?",
                            NULL, err, actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
                            DB_TEXT(now), DB_INT(activity_id), DB_INT(registration_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT_REGISTRATION, registration_id,
                             "attended", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_event_attendance_record(struct store *store, int64_t actor_id,
                                             int64_t event_id, int64_t registration_id,
                                             struct civil_date day, bool *recorded, bool *credited,
                                             struct ct_err *err)
{
    *recorded = false;
    *credited = false;
    int64_t person_id = 0, activity_id = 0;
    bool attended = false;
    enum ct_status status =
        read_registration(store, event_id, registration_id, &person_id, &attended, err);
    if (status != CT_OK || attended) {
        return status;
    }
    status = held_activity(store, person_id, event_id, &activity_id, err);
    if (status == CT_OK && activity_id == 0) {
        status = credit_attendance(store, actor_id, event_id, person_id, day, &activity_id, err);
        *credited = status == CT_OK;
    }
    if (status == CT_OK) {
        status = mark_attended(store, actor_id, registration_id, activity_id, err);
        *recorded = status == CT_OK;
    }
    return status;
}
