#include "store_claim_versions.h"

#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "../core/banned.h"

static enum ct_status read_version(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct claim_version *version = context;
    version->replaces = db_column_int64(stmt, 0);
    store_text_copy(version->replaced_reason, sizeof version->replaced_reason,
                    db_column_text(stmt, 1));
    version->replaced_by = db_column_int64(stmt, 2);
    return CT_OK;
}

enum ct_status store_claim_version(struct store *store, int64_t activity_id,
                                   struct claim_version *version, struct ct_err *err)
{
    memset(version, 0, sizeof *version);
    return STORE_EACH_ROW(store,
                          "SELECT COALESCE(a.replaces, 0), o.status_reason,"
                          " COALESCE((SELECT n.id FROM activities n WHERE n.replaces = a.id), 0)"
                          " FROM activities a LEFT JOIN activities o ON o.id = a.replaces"
                          " WHERE a.id = ?",
                          read_version, version, err, DB_INT(activity_id));
}

enum ct_status store_claim_rejection(struct store *store, int64_t activity_id, char reason[512],
                                     struct ct_err *err)
{
    bool found = false;
    reason[0] = '\0';
    return store_query_text(store,
                            "SELECT COALESCE(status_reason, '') FROM activities WHERE id = ?",
                            STORE_PARAMS(DB_INT(activity_id)), 1, reason, 512, &found, err);
}

enum ct_status store_claim_mark_replaced(struct store *store, int64_t actor_id, int64_t old_id,
                                         struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    char state[16] = "";
    bool found = false;
    if (status == CT_OK) {
        status =
            store_query_text(store,
                             "SELECT status FROM activities WHERE id = ? AND"
                             " replaced_at IS NULL AND superseded_by IS NULL",
                             STORE_PARAMS(DB_INT(old_id)), 1, state, sizeof state, &found, err);
    }
    if (status == CT_OK && (!found || strcmp(state, "rejected") != 0)) {
        status = ct_err_set(err, CT_ERR_INPUT, "replaces",
                            "only a rejected claim, not yet corrected, is sent again");
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, old_id, &before, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE activities SET replaced_at = ? WHERE id = ?", NULL, err,
                            DB_TEXT(now), DB_INT(old_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, old_id, "replace", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_claim_link(struct store *store, int64_t actor_id, int64_t new_id,
                                int64_t old_id, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, new_id, &before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE activities SET replaces = ? WHERE id = ?", NULL, err,
                            DB_INT(old_id), DB_INT(new_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, new_id, "resend", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}
