#include "store_harvest_imports.h"

#include <stdio.h>
#include <string.h>

#include "../io/clock.h"
#include "../core/banned.h"

enum { FILE_NAME_MAX = 255 };

static const char *const row_outcome_names[] = {
    [HARVEST_ROW_CREATED] = "created",     [HARVEST_ROW_DUPLICATE] = "duplicate",
    [HARVEST_ROW_WITHDRAWN] = "withdrawn", [HARVEST_ROW_WAITING] = "waiting",
    [HARVEST_ROW_REFUSED] = "refused",     [HARVEST_ROW_PARTIAL] = "partial",
};

const char *store_harvest_row_outcome_name(enum harvest_row_outcome outcome)
{
    if ((unsigned)outcome > HARVEST_ROW_PARTIAL) {
        return "refused";
    }
    return row_outcome_names[outcome];
}

static const char *last_path_component(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

enum ct_status store_harvest_import_begin(struct store *store, int64_t actor_id, const char *via,
                                          int64_t site_id, const char *file_name,
                                          const char *file_sha256, int64_t *import_id,
                                          struct ct_err *err)
{
    *import_id = 0;
    if (file_sha256 != NULL && strlen(file_sha256) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "file_sha256", "a SHA-256 in hex is required");
    }
    char name[FILE_NAME_MAX + 1];
    snprintf(name, sizeof name, "%s", last_path_component(file_name != NULL ? file_name : ""));
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    return STORE_EXEC(store,
                      "INSERT INTO harvest_imports (site_id, imported_by, imported_via,"
                      " imported_at, file_name, file_sha256) VALUES (?, ?, ?, ?, ?, ?)"
                      " RETURNING id",
                      import_id, err, DB_INT(site_id),
                      actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
                      DB_TEXT(via != NULL ? via : "command line"), DB_TEXT(now), DB_TEXT(name),
                      DB_TEXT(file_sha256 != NULL ? file_sha256 : ""));
}

enum ct_status store_harvest_row_add(struct store *store, int64_t import_id,
                                     const struct harvest_row *row, struct ct_err *err)
{
    return STORE_EXEC(store,
                      "INSERT INTO harvest_rows (import_id, line, outcome, reason, learner_email,"
                      " learner_name, activity_name, completed, activity_id, column_number)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      NULL, err, DB_INT(import_id), DB_INT(row->line),
                      DB_TEXT(store_harvest_row_outcome_name(row->outcome)), DB_TEXT(row->reason),
                      DB_TEXT(row->learner_email), DB_TEXT(row->learner_name),
                      DB_TEXT(row->activity_name), DB_TEXT(row->completed),
                      row->activity_id > 0 ? DB_INT(row->activity_id) : DB_TEXT(NULL),
                      row->column > 0 ? DB_INT(row->column) : DB_TEXT(NULL));
}

enum ct_status store_harvest_import_finish(struct store *store, int64_t actor_id, int64_t import_id,
                                           const struct harvest_counts *counts,
                                           const char *file_sha256, struct ct_err *err)
{
    if (file_sha256 != NULL && strlen(file_sha256) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "file_sha256", "a SHA-256 in hex is required");
    }
    enum ct_status status = STORE_EXEC(
        store,
        "UPDATE harvest_imports SET rows_read = ?, created = ?, duplicates = ?, withdrawn = ?,"
        " waiting = ?, refused = ?, partial = ?, file_sha256 = COALESCE(?, file_sha256)"
        " WHERE id = ?",
        NULL, err, DB_INT(counts->read), DB_INT(counts->created), DB_INT(counts->duplicates),
        DB_INT(counts->withdrawn), DB_INT(counts->waiting), DB_INT(counts->refused),
        DB_INT(counts->partial), DB_TEXT(file_sha256), DB_INT(import_id));
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_HARVEST_IMPORT, import_id, "import", NULL, err);
    }
    return status;
}

static enum harvest_row_outcome row_outcome_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof row_outcome_names / sizeof row_outcome_names[0]; i++) {
        if (name != NULL && strcmp(name, row_outcome_names[i]) == 0) {
            return (enum harvest_row_outcome)i;
        }
    }
    return HARVEST_ROW_REFUSED;
}

enum ct_status store_harvest_rows_each(struct store *store, int64_t import_id,
                                       enum ct_status (*each)(void *context,
                                                              const struct harvest_row *row,
                                                              struct ct_err *err),
                                       void *context, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT line, outcome, reason, learner_email, learner_name,"
                                       " activity_name, completed, activity_id, column_number"
                                       " FROM harvest_rows"
                                       " WHERE import_id = ? ORDER BY line, id",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(import_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK && has_row) {
        status = db_step(stmt, &has_row, err);
        if (status == CT_OK && has_row) {
            struct harvest_row row = {
                .line = db_column_int64(stmt, 0),
                .outcome = row_outcome_from_name(db_column_text(stmt, 1)),
                .reason = db_column_text(stmt, 2),
                .learner_email = db_column_text(stmt, 3),
                .learner_name = db_column_text(stmt, 4),
                .activity_name = db_column_text(stmt, 5),
                .completed = db_column_text(stmt, 6),
                .activity_id = db_column_int64(stmt, 7),
                .column = db_column_int64(stmt, 8),
            };
            status = each(context, &row, err);
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_harvest_import_find(struct store *store, int64_t import_id,
                                         struct harvest_import_info *info, bool *found,
                                         struct ct_err *err)
{
    memset(info, 0, sizeof *info);
    *found = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT id, site_id, file_name, file_sha256, imported_at, rows_read, created,"
                   " duplicates, withdrawn, waiting, refused, partial FROM harvest_imports"
                   " WHERE id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(import_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        info->id = db_column_int64(stmt, 0);
        info->site_id = db_column_int64(stmt, 1);
        store_text_copy(info->file_name, sizeof info->file_name, db_column_text(stmt, 2));
        store_text_copy(info->file_sha256, sizeof info->file_sha256, db_column_text(stmt, 3));
        store_text_copy(info->imported_at, sizeof info->imported_at, db_column_text(stmt, 4));
        info->counts = (struct harvest_counts){db_column_int64(stmt, 5), db_column_int64(stmt, 6),
                                               db_column_int64(stmt, 7), db_column_int64(stmt, 8),
                                               db_column_int64(stmt, 9), db_column_int64(stmt, 10),
                                               db_column_int64(stmt, 11)};
    }
    db_finalize(stmt);
    return status;
}
