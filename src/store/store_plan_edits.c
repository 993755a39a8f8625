#include "store_plan_edits.h"

#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

/* Begins the change of a draft version: refused (rolled back) when the version is not
 * a draft, or when the row `table`.id (a goal or an item) is not one of the version's. */
static enum ct_status begin_draft(struct store *store, int64_t version_id, const char *table,
                                  int64_t row_id, const char *field, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char state[16] = "";
    bool found = false;
    status =
        store_query_text(store, "SELECT state FROM plan_versions WHERE id = ?",
                         STORE_PARAMS(DB_INT(version_id)), 1, state, sizeof state, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan version", "no plan version has the id %lld",
                            (long long)version_id);
    } else if (status == CT_OK && strcmp(state, "draft") != 0) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "plan version",
                       "a plan version that is %s cannot be edited; create a new version", state);
    }
    int64_t mine = 1;
    if (status == CT_OK && table != NULL) {
        const char *sql =
            strcmp(table, "plan_goals") == 0
                ? "SELECT COUNT(*) FROM plan_goals WHERE id = ? AND plan_version_id = ?"
                : "SELECT COUNT(*) FROM plan_items WHERE id = ? AND plan_version_id = ?";
        status = STORE_EXEC(store, sql, &mine, err, DB_INT(row_id), DB_INT(version_id));
    }
    if (status == CT_OK && mine == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, field, "not one of this version's");
    }
    if (status != CT_OK) {
        db_rollback(store->db);
    }
    return status;
}

/* The item's own checks: a key and a description, a goal of the same version. */
static enum ct_status check_item(struct store *store, int64_t version_id,
                                 const struct plan_item_new *item, struct ct_err *err)
{
    if (item->key == NULL || item->key[0] == '\0' || item->description == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "item", "a plan item needs a key and a description");
    }
    if (item->planned_minutes < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "hours", "planned hours must be positive");
    }
    int64_t same_version = 1;
    enum ct_status status = CT_OK;
    if (item->plan_goal_id > 0) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM plan_goals WHERE id = ? AND plan_version_id = ?",
                            &same_version, err, DB_INT(item->plan_goal_id), DB_INT(version_id));
    }
    if (status == CT_OK && same_version == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan_goal", "choose one of this version's goals");
    }
    return status;
}

#define ITEM_GOAL(item) ((item)->plan_goal_id > 0 ? DB_INT((item)->plan_goal_id) : DB_TEXT(NULL))
#define ITEM_MINUTES(item)                                                                         \
    ((item)->planned_minutes > 0 ? DB_INT((item)->planned_minutes) : DB_TEXT(NULL))

enum ct_status store_plan_item_create(struct store *store, int64_t actor_id, int64_t version_id,
                                      const struct plan_item_new *item, int64_t *id,
                                      struct ct_err *err)
{
    enum ct_status status = begin_draft(store, version_id, NULL, 0, NULL, err);
    if (status != CT_OK) {
        return status;
    }
    status = check_item(store, version_id, item, err);
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO plan_items (plan_version_id, item_key, kind, description,"
                       " plan_goal_id, planned_minutes) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                       id, err, DB_INT(version_id), DB_TEXT(item->key), DB_TEXT(item->kind),
                       DB_TEXT(item->description), ITEM_GOAL(item), ITEM_MINUTES(item));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_ITEM, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_plan_item_update(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t item_id, const struct plan_item_new *item,
                                      struct ct_err *err)
{
    enum ct_status status = begin_draft(store, version_id, "plan_items", item_id, "item", err);
    if (status != CT_OK) {
        return status;
    }
    status = check_item(store, version_id, item, err);
    int64_t taken = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM plan_items WHERE plan_version_id = ?"
                            " AND item_key = ? AND id <> ?",
                            &taken, err, DB_INT(version_id), DB_TEXT(item->key), DB_INT(item_id));
    }
    if (status == CT_OK && taken > 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "key",
                            "another item of this version is named %.100s", item->key);
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_PLAN_ITEM, item_id, &before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE plan_items SET item_key = ?, kind = ?, description = ?,"
                            " plan_goal_id = ?, planned_minutes = ? WHERE id = ?",
                            NULL, err, DB_TEXT(item->key), DB_TEXT(item->kind),
                            DB_TEXT(item->description), ITEM_GOAL(item), ITEM_MINUTES(item),
                            DB_INT(item_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_ITEM, item_id, "edit", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* Deletes the row id of entity (plan_goals or plan_items), audited with what it was. */
static enum ct_status delete_row(struct store *store, int64_t actor_id, enum store_entity entity,
                                 int64_t id, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_row_json(store, entity, id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            entity == ENTITY_PLAN_GOAL ? "DELETE FROM plan_goals WHERE id = ?"
                                                       : "DELETE FROM plan_items WHERE id = ?",
                            NULL, err, DB_INT(id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, entity, id, "delete", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_plan_item_remove(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t item_id, struct ct_err *err)
{
    enum ct_status status = begin_draft(store, version_id, "plan_items", item_id, "item", err);
    if (status != CT_OK) {
        return status;
    }
    return store_finish(store, delete_row(store, actor_id, ENTITY_PLAN_ITEM, item_id, err), err);
}

enum ct_status store_plan_goal_update(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t goal_id, int64_t library_goal_id, const char *goal,
                                      const char *desired_outcomes, struct ct_err *err)
{
    if (goal == NULL || goal[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "goal", "must not be empty");
    }
    enum ct_status status = begin_draft(store, version_id, "plan_goals", goal_id, "goal", err);
    if (status != CT_OK) {
        return status;
    }
    int64_t same_library = 0;
    status =
        STORE_EXEC(store,
                   "SELECT COUNT(*) FROM library_goals g JOIN strategic_plans s"
                   " ON s.id = g.strategic_plan_id JOIN people p ON p.library_id = s.library_id"
                   " JOIN tracks t ON t.person_id = p.id JOIN plan_versions v"
                   " ON v.track_id = t.id WHERE g.id = ? AND v.id = ?",
                   &same_library, err, DB_INT(library_goal_id), DB_INT(version_id));
    if (status == CT_OK && same_library == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "library_goal",
                            "choose a goal of your own library's strategic plan");
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_PLAN_GOAL, goal_id, &before, err);
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "UPDATE plan_goals SET library_goal_id = ?, goal = ?,"
                       " desired_outcomes = ? WHERE id = ?",
                       NULL, err, DB_INT(library_goal_id), DB_TEXT(goal),
                       DB_TEXT(desired_outcomes != NULL ? desired_outcomes : ""), DB_INT(goal_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_GOAL, goal_id, "edit", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* Detaches, one at a time and each audited, the items that serve goal_id. */
static enum ct_status detach_items(struct store *store, int64_t actor_id, int64_t goal_id,
                                   struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (;;) {
        int64_t item = 0;
        status = STORE_EXEC(store,
                            "SELECT id FROM plan_items WHERE plan_goal_id = ? ORDER BY id"
                            " LIMIT 1",
                            &item, err, DB_INT(goal_id));
        if (status != CT_OK || item == 0) {
            return status;
        }
        char *before = NULL;
        status = store_row_json(store, ENTITY_PLAN_ITEM, item, &before, err);
        if (status == CT_OK) {
            status = STORE_EXEC(store, "UPDATE plan_items SET plan_goal_id = NULL WHERE id = ?",
                                NULL, err, DB_INT(item));
        }
        if (status == CT_OK) {
            status = store_audit(store, actor_id, ENTITY_PLAN_ITEM, item, "edit", before, err);
        }
        free(before);
        if (status != CT_OK) {
            return status;
        }
    }
}

enum ct_status store_plan_goal_remove(struct store *store, int64_t actor_id, int64_t version_id,
                                      int64_t goal_id, struct ct_err *err)
{
    enum ct_status status = begin_draft(store, version_id, "plan_goals", goal_id, "goal", err);
    if (status != CT_OK) {
        return status;
    }
    status = detach_items(store, actor_id, goal_id, err);
    if (status == CT_OK) {
        status = delete_row(store, actor_id, ENTITY_PLAN_GOAL, goal_id, err);
    }
    return store_finish(store, status, err);
}
