#include "store_record.h"

#include <stdio.h>
#include <string.h>

#include "store_tracks.h"
#include "../core/banned.h"

/* ---- JSON values ---- */

static json_t *credits_value(int64_t halves)
{
    return halves % 2 == 0 ? json_integer(halves / 2) : json_real((double)halves / 2.0);
}

static json_t *date_value(struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    return civil_date_is_set(date) ? json_string(store_date_text(date, text)) : json_null();
}

static json_t *text_column(struct db_stmt *stmt, int column)
{
    return db_column_is_null(stmt, column) ? json_null()
                                           : json_string(db_column_text(stmt, column));
}

/* Sets key to value (taking it) when value is not null; false when out of memory. */
static bool set_present(json_t *object, const char *key, json_t *value)
{
    if (value == NULL) {
        return false;
    }
    if (json_is_null(value)) {
        return true;
    }
    return json_object_set_new(object, key, value) == 0;
}

/* Runs a query with one integer parameter and appends one JSON value per row. */
typedef json_t *(*row_reader)(struct db_stmt *stmt);

static enum ct_status collect(struct store *store, const char *sql, const struct db_param *params,
                              size_t count, row_reader read, json_t *array, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        json_t *value = read(stmt);
        if (value == NULL || json_array_append_new(array, value) != 0) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    return status;
}

/* ---- rows ---- */

static json_t *certificate_row(struct db_stmt *stmt)
{
    return json_pack("{s:s, s:s}", "program", db_column_text(stmt, 0), "issued",
                     db_column_text(stmt, 1));
}

static json_t *activity_row(struct db_stmt *stmt)
{
    json_t *a = json_pack("{s:s, s:s, s:s, s:s}", "id", db_column_text(stmt, 0), "kind",
                          db_column_text(stmt, 1), "date", db_column_text(stmt, 2), "status",
                          db_column_text(stmt, 3));
    if (a == NULL) {
        return NULL;
    }
    int64_t credit = db_column_int64(stmt, 4), semester = db_column_int64(stmt, 5);
    int64_t quarter = db_column_int64(stmt, 6), minutes = db_column_int64(stmt, 7);
    bool ok = (credit == 0 || set_present(a, "credits", credits_value(credit))) &&
              (semester == 0 || set_present(a, "semester_credits", credits_value(semester))) &&
              (quarter == 0 || set_present(a, "quarter_credits", credits_value(quarter))) &&
              (minutes == 0 || set_present(a, "hours", json_real((double)minutes / 60.0))) &&
              set_present(a, "category", text_column(stmt, 8)) &&
              set_present(a, "topic", text_column(stmt, 9)) &&
              set_present(a, "plan_item", text_column(stmt, 10)) &&
              set_present(a, "recorded", text_column(stmt, 11));
    if (!ok) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* ---- the plan ---- */

static enum ct_status planned_items(struct store *store, int64_t version_id, json_t **items,
                                    struct ct_err *err)
{
    *items = json_array();
    if (*items == NULL) {
        return ct_err_nomem(err);
    }
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT item_key FROM plan_items WHERE plan_version_id = ?"
                                       " AND kind = 'self-directed' ORDER BY item_key",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(version_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (json_array_append_new(*items, json_string(db_column_text(stmt, 0))) != 0) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status plan_versions(struct store *store, int64_t track_id, json_t *versions,
                                    struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT id, version, submitted, learner_approved,"
                                       " organization_approved FROM plan_versions"
                                       " WHERE track_id = ? ORDER BY version",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(track_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        json_t *items = NULL;
        status = planned_items(store, db_column_int64(stmt, 0), &items, err);
        json_t *version = json_pack("{s:I}", "version", (json_int_t)db_column_int64(stmt, 1));
        bool ok = status == CT_OK && version != NULL &&
                  set_present(version, "submitted", text_column(stmt, 2)) &&
                  set_present(version, "learner_approved", text_column(stmt, 3)) &&
                  set_present(version, "organization_approved", text_column(stmt, 4)) &&
                  json_object_set(version, "planned_self_directed", items) == 0 &&
                  json_array_append(versions, version) == 0;
        json_decref(items);
        json_decref(version);
        if (status == CT_OK && !ok) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status final_report(struct store *store, int64_t track_id, json_t *root,
                                   struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db, "SELECT submitted, accepted FROM final_reports WHERE track_id = ?", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(track_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        json_t *report = json_object();
        bool ok = report != NULL && set_present(report, "submitted", text_column(stmt, 0)) &&
                  set_present(report, "accepted", text_column(stmt, 1)) &&
                  json_object_set_new(root, "final_report", report) == 0;
        if (!ok) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    return status;
}

/* ---- the whole record ---- */

static enum ct_status fill_record(struct store *store, const struct track_info *track, json_t *root,
                                  struct ct_err *err)
{
    json_t *certificates = json_array();
    json_t *versions = json_array();
    json_t *activities = json_array();
    json_t *plan = json_pack("{s:O}", "versions", versions);
    enum ct_status status = CT_OK;
    if (certificates == NULL || versions == NULL || activities == NULL || plan == NULL ||
        json_object_set(root, "certificates", certificates) != 0 ||
        json_object_set(root, "plan", plan) != 0 ||
        json_object_set(root, "activities", activities) != 0) {
        status = ct_err_nomem(err);
    }
    char started[CIVIL_DATE_TEXT_SIZE];
    if (status == CT_OK) {
        status =
            collect(store,
                    "SELECT program, issued FROM certificates WHERE person_id = ?"
                    " AND revoked IS NULL ORDER BY issued, id",
                    STORE_PARAMS(DB_INT(track->person_id)), 1, certificate_row, certificates, err);
    }
    if (status == CT_OK) {
        status = plan_versions(store, track->id, versions, err);
    }
    if (status == CT_OK) {
        status = final_report(store, track->id, root, err);
    }
    if (status == CT_OK) {
        status = collect(store,
                         "SELECT record_key, kind, date, status, credit_halves, semester_halves,"
                         " quarter_halves, minutes, category, topic, plan_item, recorded"
                         " FROM activities WHERE person_id = ? AND date >= ? ORDER BY date, id",
                         STORE_PARAMS(DB_INT(track->person_id),
                                      DB_TEXT(store_date_text(track->started, started))),
                         2, activity_row, activities, err);
    }
    json_decref(certificates);
    json_decref(versions);
    json_decref(activities);
    json_decref(plan);
    return status;
}

enum ct_status store_record_json(struct store *store, int64_t track_id, struct civil_date as_of,
                                 json_t **out, struct ct_err *err)
{
    *out = NULL;
    struct track_info track;
    enum ct_status status = store_track_get(store, track_id, &track, err);
    if (status != CT_OK) {
        return status;
    }
    json_t *root = json_pack("{s:s, s:o, s:o}", "program", track.program, "as_of",
                             date_value(as_of), "track_started", date_value(track.started));
    if (root == NULL) {
        return ct_err_nomem(err);
    }
    /* One read transaction, so that the record is one consistent snapshot (or the
     * caller's transaction, when there is one). */
    bool own_transaction = !db_in_transaction(store->db);
    if (own_transaction) {
        status = db_exec(store->db, "BEGIN", err);
    }
    if (status == CT_OK) {
        status = fill_record(store, &track, root, err);
    }
    if (own_transaction) {
        db_rollback(store->db);
    }
    if (status != CT_OK) {
        json_decref(root);
        return status;
    }
    *out = root;
    return CT_OK;
}

enum ct_status store_record_evaluate(struct store *store, int64_t track_id, struct civil_date as_of,
                                     struct learner_record **record, struct evaluation **evaluation,
                                     struct ct_err *err)
{
    *record = NULL;
    *evaluation = NULL;
    json_t *root = NULL;
    enum ct_status status = store_record_json(store, track_id, as_of, &root, err);
    if (status == CT_OK) {
        status = record_from_json(root, store->programs, NULL, record, err);
        json_decref(root);
    }
    if (status == CT_OK && engine_evaluate(*record, evaluation) != CT_OK) {
        record_free(*record);
        *record = NULL;
        status = ct_err_nomem(err);
    }
    return status;
}
