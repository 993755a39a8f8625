#include "store_duplicates.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "../io/clock.h"
#include "../core/banned.h"

/* ---- superseding (migration 8) ---- */

/* A duplicate to supersede and the activity kept in its place. */
struct superseding {
    int64_t activity_id;
    int64_t kept_id;
};

/* A growing list of pairs. */
struct superseding_list {
    struct superseding *items; /* owned */
    size_t count;
    size_t capacity;
};

static enum ct_status list_push(struct superseding_list *list, int64_t activity_id, int64_t kept_id,
                                struct ct_err *err)
{
    if (list->count == list->capacity) {
        size_t grown = list->capacity == 0 ? 16 : list->capacity * 2;
        struct superseding *bigger = realloc(list->items, grown * sizeof *bigger);
        if (bigger == NULL) {
            return ct_err_nomem(err);
        }
        list->items = bigger;
        list->capacity = grown;
    }
    list->items[list->count++] = (struct superseding){activity_id, kept_id};
    return CT_OK;
}

/* Runs sql (no parameters; columns: activity id, kept id, and optionally a rank, where
 * rank 1 is skipped) and collects the pairs. */
static enum ct_status collect_pairs(struct store *store, const char *sql,
                                    struct superseding_list *list, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (db_column_count(stmt) > 2 && db_column_int64(stmt, 2) == 1) {
            continue;
        }
        status = list_push(list, db_column_int64(stmt, 0), db_column_int64(stmt, 1), err);
    }
    db_finalize(stmt);
    return status;
}

/* Every activity of a person and event after the first of its set, with that first one,
 * in the order the kept one is chosen by. Caller frees *out. */
static enum ct_status find_duplicates(struct store *store, struct superseding_list *list,
                                      struct ct_err *err)
{
    return collect_pairs(
        store,
        "SELECT id, first_value(id) OVER (PARTITION BY person_id, event_id ORDER BY"
        "  status = 'verified' DESC, status = 'pending' DESC, date, id),"
        " row_number() OVER (PARTITION BY person_id, event_id ORDER BY"
        "  status = 'verified' DESC, status = 'pending' DESC, date, id)"
        " FROM activities WHERE event_id IS NOT NULL AND superseded_by IS NULL"
        " ORDER BY person_id, event_id, 3",
        list, err);
}

static enum ct_status supersede_one(struct store *store, const struct superseding *one,
                                    struct ct_err *err)
{
    char key[64];
    bool found = false;
    enum ct_status status =
        store_query_text(store, "SELECT record_key FROM activities WHERE id = ?",
                         STORE_PARAMS(DB_INT(one->kept_id)), 1, key, sizeof key, &found, err);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, one->activity_id, &before, err);
    }
    char reason[160], now[CLOCK_TIMESTAMP_SIZE];
    snprintf(reason, sizeof reason,
             "superseded: the same catalog event as activity %s, which is counted once", key);
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE activities SET status = 'rejected', status_by = NULL,"
                            " status_at = ?, status_reason = ?, superseded_by = ? WHERE id = ?",
                            NULL, err, DB_TEXT(now), DB_TEXT(reason), DB_INT(one->kept_id),
                            DB_INT(one->activity_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, AUDIT_ACTOR_SYSTEM, ENTITY_ACTIVITY, one->activity_id,
                             "supersede", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_duplicates_supersede_all(struct db *db, struct ct_err *err)
{
    struct store store = {.db = db, .programs = NULL};
    struct superseding_list duplicates = {0};
    enum ct_status status = find_duplicates(&store, &duplicates, err);
    for (size_t i = 0; i < duplicates.count && status == CT_OK; i++) {
        status = supersede_one(&store, &duplicates.items[i], err);
    }
    free(duplicates.items);
    return status;
}

/* ---- listing ---- */

static void duplicate_read(struct db_stmt *stmt, struct duplicate *out)
{
    memset(out, 0, sizeof *out);
    out->activity_id = db_column_int64(stmt, 0);
    store_text_copy(out->record_key, sizeof out->record_key, db_column_text(stmt, 1));
    out->person_id = db_column_int64(stmt, 2);
    store_text_copy(out->person_email, sizeof out->person_email, db_column_text(stmt, 3));
    out->event_id = db_column_int64(stmt, 4);
    store_text_copy(out->event_title, sizeof out->event_title, db_column_text(stmt, 5));
    out->date = store_date_value(db_column_text(stmt, 6));
    out->kept_id = db_column_int64(stmt, 7);
    store_text_copy(out->kept_key, sizeof out->kept_key, db_column_text(stmt, 8));
    out->proofs = db_column_int64(stmt, 9);
    out->merged = !db_column_is_null(stmt, 10);
}

enum ct_status store_duplicates_each(struct store *store, store_duplicate_fn each, void *context,
                                     struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db,
        "SELECT a.id, a.record_key, a.person_id, p.email, a.event_id, e.title, a.date, k.id,"
        " k.record_key,"
        " (SELECT COUNT(*) FROM harvest_provenance h WHERE h.activity_id = a.id)"
        " + (SELECT COUNT(*) FROM harvest_rows r WHERE r.activity_id = a.id)"
        " + (SELECT COUNT(*) FROM xapi_statements x WHERE x.activity_id = a.id),"
        " a.merged_at"
        " FROM activities a JOIN people p ON p.id = a.person_id"
        " JOIN events e ON e.id = a.event_id JOIN activities k ON k.id = a.superseded_by"
        " ORDER BY a.person_id, a.event_id, a.id",
        &stmt, err);
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        struct duplicate duplicate;
        duplicate_read(stmt, &duplicate);
        status = each(context, &duplicate, err);
    }
    db_finalize(stmt);
    return status;
}

/* ---- merging ---- */

static enum ct_status move_proofs(struct store *store, int64_t from, int64_t to, struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(
        store,
        "UPDATE harvest_provenance SET activity_id = ? WHERE activity_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM harvest_provenance k WHERE k.activity_id = ? AND"
        " k.kind = harvest_provenance.kind AND k.raw_hash = harvest_provenance.raw_hash)",
        NULL, err, DB_INT(to), DB_INT(from), DB_INT(to));
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE harvest_rows SET activity_id = ? WHERE activity_id = ?",
                            NULL, err, DB_INT(to), DB_INT(from));
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store, "UPDATE xapi_statements SET activity_id = ? WHERE activity_id = ?",
                       NULL, err, DB_INT(to), DB_INT(from));
    }
    return status;
}

static enum ct_status merge_one(struct store *store, int64_t actor_id, int64_t activity_id,
                                int64_t kept_id, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_ACTIVITY, activity_id, &before, err);
    if (status == CT_OK) {
        status = move_proofs(store, activity_id, kept_id, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE activities SET merged_at = ? WHERE id = ?", NULL, err,
                            DB_TEXT(now), DB_INT(activity_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, activity_id, "merge", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_duplicates_merge(struct store *store, int64_t actor_id, int64_t *merged,
                                      struct ct_err *err)
{
    if (merged != NULL) {
        *merged = 0;
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    struct superseding_list pending = {0};
    status = collect_pairs(store,
                           "SELECT id, superseded_by FROM activities WHERE superseded_by IS NOT"
                           " NULL AND merged_at IS NULL ORDER BY id",
                           &pending, err);
    for (size_t i = 0; i < pending.count && status == CT_OK; i++) {
        status =
            merge_one(store, actor_id, pending.items[i].activity_id, pending.items[i].kept_id, err);
    }
    if (status == CT_OK && merged != NULL) {
        *merged = (int64_t)pending.count;
    }
    free(pending.items);
    return store_finish(store, status, err);
}
