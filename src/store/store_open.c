#include "store_open.h"

#include "db_open.h"
#include "migrations.h"
#include "store_track_summary.h"
#include "../core/banned.h"

enum ct_status store_open(struct store *store, const char *path, bool create,
                          const struct program_set *programs, struct ct_err *err)
{
    store->db = NULL;
    store->programs = programs;
    store->templates = NULL;
    store->before_commit = NULL;
    enum ct_status status = db_open(path, create, &store->db, err);
    if (status == CT_OK) {
        status = migrations_apply(store->db, NULL, err);
    }
    if (status == CT_OK) {
        store->before_commit = store_track_summary_refresh_touched;
        status = store_track_summary_fill(store, err);
    }
    if (status != CT_OK) {
        store_close(store);
    }
    return status;
}

void store_close(struct store *store)
{
    db_close(store->db);
    store->db = NULL;
}
