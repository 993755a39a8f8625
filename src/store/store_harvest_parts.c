#include "store_harvest_parts.h"

#include <stdlib.h>
#include <string.h>

#include "store_catalog.h"
#include "store_harvest_waiting.h"
#include "../core/banned.h"

/* The states of the statements about the course, at one moment. */
struct course_states {
    int64_t waiting;
    int64_t credited;
    int64_t withdrawn;
};

static enum ct_status course_states(struct store *store, const char *url,
                                    struct course_states *states, struct ct_err *err)
{
    memset(states, 0, sizeof *states);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db,
        "SELECT COALESCE(SUM(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE "
        "WHEN state = 'credited' THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN state = 'withdrawn' THEN 1 ELSE 0 END), 0) FROM xapi_statements"
        " WHERE object_id = ? OR course_id = ?",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(url), DB_TEXT(url)), 2, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        states->waiting = db_column_int64(stmt, 0);
        states->credited = db_column_int64(stmt, 1);
        states->withdrawn = db_column_int64(stmt, 2);
    }
    db_finalize(stmt);
    return status;
}

/* Maps one part, with its audit entry (before: the event as it was). */
static enum ct_status part_insert(struct store *store, int64_t actor_id, int64_t event_id,
                                  const char *url, const char *name, const char *before,
                                  struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(store,
                                       "INSERT INTO event_lms_links (event_id, url, activity_name)"
                                       " VALUES (?, ?, ?)",
                                       NULL, err, DB_INT(event_id), DB_TEXT(url), DB_TEXT(name));
    if (status == CT_ERR_INPUT) {
        return ct_err_set(err, CT_ERR_INPUT, "url", "already mapped to an event: %.200s %.200s",
                          url, name);
    }
    return status == CT_OK
               ? store_audit(store, actor_id, ENTITY_EVENT, event_id, "link-lms", before, err)
               : status;
}

static enum ct_status parts_insert(struct store *store, int64_t actor_id, int64_t event_id,
                                   const char *url, const char *const *names, size_t count,
                                   struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_event_link_before(store, event_id, url, &before, err);
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = part_insert(store, actor_id, event_id, url, names[i], before, err);
    }
    free(before);
    return status;
}

enum ct_status store_harvest_parts_map(struct store *store, int64_t actor_id, int64_t event_id,
                                       const char *url, const char *const *names, size_t count,
                                       struct harvest_release *release, struct ct_err *err)
{
    memset(release, 0, sizeof *release);
    struct course_states before, after;
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = course_states(store, url != NULL ? url : "", &before, err);
    if (status == CT_OK) {
        status = parts_insert(store, actor_id, event_id, url, names, count, err);
    }
    int64_t applied = 0;
    if (status == CT_OK) {
        status = store_harvest_apply_waiting_event(store, actor_id, event_id, &applied, err);
    }
    if (status == CT_OK) {
        status = course_states(store, url, &after, err);
    }
    status = store_finish(store, status, err);
    if (status == CT_OK) {
        release->applied = before.waiting - after.waiting;
        release->credited = after.credited - before.credited;
        release->withdrawn = after.withdrawn - before.withdrawn;
        release->still_waiting = after.waiting;
    }
    return status;
}
