#include "store_library_edits.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../io/clock.h"
#include "audit.h"
#include "../core/banned.h"

static struct db_param optional_text(const char *text)
{
    return DB_TEXT(text != NULL && text[0] != '\0' ? text : NULL);
}

/* The library's consultant ids as {"consultants":[1,2]} into json (caller releases). */
static enum ct_status consultants_json(struct store *store, int64_t library_id, struct buf *json,
                                       struct ct_err *err)
{
    char ids[4096] = "";
    bool found = false;
    enum ct_status status = buf_append_str(json, "{\"consultants\":[");
    if (status == CT_OK) {
        status =
            store_query_text(store,
                             "SELECT COALESCE(group_concat(person_id, ','), '') FROM"
                             " (SELECT person_id FROM library_consultants WHERE library_id = ?"
                             " ORDER BY person_id) consultants",
                             STORE_PARAMS(DB_INT(library_id)), 1, ids, sizeof ids, &found, err);
    }
    if (status == CT_OK) {
        status = buf_append_str(json, ids);
    }
    return status == CT_OK ? buf_append_str(json, "]}") : status;
}

/* Replaces the library's consultants; audited (entity "library_consultants", the
 * library's id) when they change. Inside a transaction. */
static enum ct_status consultants_set(struct store *store, int64_t actor_id, int64_t library_id,
                                      const struct library_fields *library, struct ct_err *err)
{
    struct buf before, after;
    buf_init(&before, 4096);
    buf_init(&after, 4096);
    enum ct_status status = consultants_json(store, library_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "DELETE FROM library_consultants WHERE library_id = ?", NULL,
                            err, DB_INT(library_id));
    }
    for (size_t i = 0; status == CT_OK && i < library->consultant_count; i++) {
        status = STORE_EXEC(store,
                            "INSERT INTO library_consultants (library_id, person_id)"
                            " VALUES (?, ?) ON CONFLICT DO NOTHING",
                            NULL, err, DB_INT(library_id), DB_INT(library->consultants[i]));
    }
    if (status == CT_OK) {
        status = consultants_json(store, library_id, &after, err);
    }
    if (status == CT_OK && strcmp(buf_str(&before), buf_str(&after)) != 0) {
        char at[CLOCK_TIMESTAMP_SIZE];
        clock_now_utc(at);
        struct audit_entry entry = {actor_id,      "library_consultants", library_id,
                                    "consultants", buf_str(&before),      buf_str(&after)};
        status = audit_append(store->db, &entry, at, err);
    }
    buf_release(&before);
    buf_release(&after);
    return status;
}

enum ct_status store_library_add(struct store *store, int64_t actor_id,
                                 const struct library_fields *library, int64_t *id,
                                 struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "INSERT INTO libraries (name, city, kind, external_id) VALUES (?, ?, ?, ?)"
                        " RETURNING id",
                        id, err, DB_TEXT(library->name), DB_TEXT(library->city),
                        DB_TEXT(library->kind), optional_text(library->external_id));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY, *id, "create", NULL, err);
    }
    if (status == CT_OK) {
        status = consultants_set(store, actor_id, *id, library, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_library_update(struct store *store, int64_t actor_id, int64_t library_id,
                                    const struct library_fields *library, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_LIBRARY, library_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE libraries SET name = ?, city = ?, kind = ?, external_id = ?"
                            " WHERE id = ?",
                            NULL, err, DB_TEXT(library->name), DB_TEXT(library->city),
                            DB_TEXT(library->kind), optional_text(library->external_id),
                            DB_INT(library_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY, library_id, "edit", before, err);
    }
    if (status == CT_OK) {
        status = consultants_set(store, actor_id, library_id, library, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* Runs sql (binding text then id) on entity's row id, audited as action with the row
 * before: one change in its own transaction. */
static enum ct_status change_row(struct store *store, int64_t actor_id, enum store_entity entity,
                                 int64_t id, const char *action, const char *sql, const char *text,
                                 struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, entity, id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, sql, NULL, err, DB_TEXT(text), DB_INT(id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, entity, id, action, before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_library_close(struct store *store, int64_t actor_id, int64_t library_id,
                                   struct civil_date closed_on, struct ct_err *err)
{
    char day[CIVIL_DATE_TEXT_SIZE];
    return change_row(store, actor_id, ENTITY_LIBRARY, library_id, "close",
                      "UPDATE libraries SET closed_on = ? WHERE id = ?",
                      store_date_text(closed_on, day), err);
}

enum ct_status store_strategic_plan_save(struct store *store, int64_t actor_id, int64_t library_id,
                                         int64_t plan_id, const char *title,
                                         struct civil_date starts, struct civil_date ends,
                                         int64_t *id, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    char from[CIVIL_DATE_TEXT_SIZE], to[CIVIL_DATE_TEXT_SIZE];
    *id = plan_id;
    if (plan_id == 0) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO strategic_plans (library_id, title, starts, ends)"
                       " VALUES (?, ?, ?, ?) RETURNING id",
                       id, err, DB_INT(library_id), DB_TEXT(title),
                       DB_TEXT(store_date_text(starts, from)), DB_TEXT(store_date_text(ends, to)));
    } else {
        status = store_row_json(store, ENTITY_STRATEGIC_PLAN, plan_id, &before, err);
        status = status != CT_OK
                     ? status
                     : STORE_EXEC(store,
                                  "UPDATE strategic_plans SET title = ?, starts = ?,"
                                  " ends = ? WHERE id = ?",
                                  NULL, err, DB_TEXT(title), DB_TEXT(store_date_text(starts, from)),
                                  DB_TEXT(store_date_text(ends, to)), DB_INT(plan_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_STRATEGIC_PLAN, *id,
                             plan_id == 0 ? "create" : "edit", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_library_goal_add(struct store *store, int64_t actor_id, int64_t plan_id,
                                      const struct library_goal_fields *goal, int64_t *id,
                                      struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "INSERT INTO library_goals (strategic_plan_id, code, title, description)"
                        " VALUES (?, ?, ?, ?) RETURNING id",
                        id, err, DB_INT(plan_id), DB_TEXT(goal->code), DB_TEXT(goal->title),
                        DB_TEXT(goal->description != NULL ? goal->description : ""));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY_GOAL, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_library_goal_update(struct store *store, int64_t actor_id, int64_t goal_id,
                                         const struct library_goal_fields *goal, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_LIBRARY_GOAL, goal_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE library_goals SET code = ?, title = ?, description = ?"
                            " WHERE id = ?",
                            NULL, err, DB_TEXT(goal->code), DB_TEXT(goal->title),
                            DB_TEXT(goal->description != NULL ? goal->description : ""),
                            DB_INT(goal_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY_GOAL, goal_id, "edit", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_library_goal_retire(struct store *store, int64_t actor_id, int64_t goal_id,
                                         struct civil_date day, struct ct_err *err)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    return change_row(store, actor_id, ENTITY_LIBRARY_GOAL, goal_id, "retire",
                      "UPDATE library_goals SET retired_on = ? WHERE id = ?",
                      store_date_text(day, text), err);
}

enum ct_status store_library_goal_delete(struct store *store, int64_t actor_id, int64_t goal_id,
                                         struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t served = 0;
    char *before = NULL;
    status = STORE_EXEC(store, "SELECT COUNT(*) FROM plan_goals WHERE library_goal_id = ?", &served,
                        err, DB_INT(goal_id));
    if (status == CT_OK && served > 0) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "goal", "staff plans serve this goal: retire it instead");
    }
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_LIBRARY_GOAL, goal_id, &before, err);
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store, "DELETE FROM library_goals WHERE id = ?", NULL, err, DB_INT(goal_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY_GOAL, goal_id, "delete", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}
