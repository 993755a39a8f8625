#include "store_harvest_inbox.h"

#include <string.h>

#include "store_catalog.h"
#include "store_harvest_accounts.h"
#include "../core/banned.h"

/* The states of the statements concerned, at one moment. */
struct state_counts {
    int64_t waiting;
    int64_t credited;
    int64_t withdrawn;
};

#define COUNT_STATES                                                                               \
    "SELECT COALESCE(SUM(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END), 0),"                      \
    " COALESCE(SUM(CASE WHEN state = 'credited' THEN 1 ELSE 0 END), 0),"                           \
    " COALESCE(SUM(CASE WHEN state = 'withdrawn' THEN 1 ELSE 0 END), 0) FROM xapi_statements"

static enum ct_status count_states(struct store *store, const char *sql,
                                   const struct db_param *params, size_t count,
                                   struct state_counts *counts, struct ct_err *err)
{
    memset(counts, 0, sizeof *counts);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        counts->waiting = db_column_int64(stmt, 0);
        counts->credited = db_column_int64(stmt, 1);
        counts->withdrawn = db_column_int64(stmt, 2);
    }
    db_finalize(stmt);
    return status;
}

static void release_from(const struct state_counts *before, const struct state_counts *after,
                         struct harvest_release *release)
{
    release->applied = before->waiting - after->waiting;
    release->credited = after->credited - before->credited;
    release->withdrawn = after->withdrawn - before->withdrawn;
    release->still_waiting = after->waiting;
}

enum ct_status store_harvest_inbox_link_account(struct store *store, int64_t actor_id,
                                                int64_t site_id, const char *account_name,
                                                int64_t person_id, struct harvest_release *release,
                                                struct ct_err *err)
{
    memset(release, 0, sizeof *release);
    static const char sql[] = COUNT_STATES " WHERE site_id = ? AND account_name = ?";
    const struct db_param params[] = {DB_INT(site_id), DB_TEXT(account_name)};
    struct state_counts before, after;
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = count_states(store, sql, params, 2, &before, err);
    if (status == CT_OK) {
        status = store_harvest_account_link(store, actor_id, site_id, account_name, person_id, NULL,
                                            err);
    }
    if (status == CT_OK) {
        status = count_states(store, sql, params, 2, &after, err);
    }
    status = store_finish(store, status, err);
    if (status == CT_OK) {
        release_from(&before, &after, release);
    }
    return status;
}

enum ct_status store_harvest_inbox_map_url(struct store *store, int64_t actor_id, int64_t event_id,
                                           const char *url, struct harvest_release *release,
                                           struct ct_err *err)
{
    memset(release, 0, sizeof *release);
    static const char sql[] = COUNT_STATES " WHERE object_id = ?";
    const struct db_param params[] = {DB_TEXT(url)};
    struct state_counts before, after;
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = count_states(store, sql, params, 1, &before, err);
    if (status == CT_OK) {
        status = store_event_link_add(store, actor_id, event_id, url, NULL, err);
    }
    if (status == CT_OK) {
        status = count_states(store, sql, params, 1, &after, err);
    }
    status = store_finish(store, status, err);
    if (status == CT_OK) {
        release_from(&before, &after, release);
    }
    return status;
}

enum ct_status store_harvest_inbox_count(struct store *store, int64_t *waiting, struct ct_err *err)
{
    *waiting = 0;
    return store_exec(store, "SELECT COUNT(*) FROM xapi_statements WHERE state = 'waiting'", NULL,
                      0, waiting, err);
}
