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

/* ---- the record as it is ---- */

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

/* ---- the record as it was at an audit entry ---- */

/* The status an activity had before a later change, from that change's before_json. */
static json_t *status_before(const char *before_json)
{
    json_t *row = before_json != NULL ? json_loads(before_json, 0, NULL) : NULL;
    json_t *status = json_object_get(row, "status");
    json_t *copy = json_is_string(status) ? json_string(json_string_value(status)) : NULL;
    json_decref(row);
    return copy;
}

/* Collects into changes (record key -> value) what happened to the person's activities
 * after audit entry audit_id: "" for one recorded after it, else its status before its
 * first later change (verified, rejected or withdrawn). Activities are never deleted
 * and change only in status, so this is all that differs. */
static enum ct_status later_changes(struct store *store, int64_t person_id, int64_t audit_id,
                                    json_t *changes, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT a.record_key, l.action, l.before_json FROM audit_log l"
                   " JOIN activities a ON a.id = l.entity_id WHERE l.id > ?"
                   " AND l.entity = 'activities' AND a.person_id = ? ORDER BY l.id",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(audit_id), DB_INT(person_id)), 2, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *key = db_column_text(stmt, 0);
        if (key == NULL || json_object_get(changes, key) != NULL) {
            continue; /* only the first change after the entry tells how it was */
        }
        const char *action = db_column_text(stmt, 1);
        json_t *value = action != NULL && strcmp(action, "create") == 0
                            ? json_string("")
                            : status_before(db_column_text(stmt, 2));
        if (value == NULL) {
            status = ct_err_set(err, CT_ERR_INPUT, "audit_log",
                                "the change of activity \"%s\" keeps no status before it", key);
        } else if (json_object_set_new(changes, key, value) != 0) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    return status;
}

/* Takes the changes back out of the record's activities. */
static enum ct_status rewind_activities(json_t *root, const json_t *changes, struct ct_err *err)
{
    json_t *activities = json_object_get(root, "activities");
    size_t i = 0;
    while (i < json_array_size(activities)) {
        json_t *activity = json_array_get(activities, i);
        const json_t *change =
            json_object_get(changes, json_string_value(json_object_get(activity, "id")));
        const char *before = json_string_value(change);
        if (before != NULL && before[0] == '\0') {
            if (json_array_remove(activities, i) != 0) {
                return ct_err_nomem(err);
            }
            continue;
        }
        if (before != NULL && json_object_set_new(activity, "status", json_string(before)) != 0) {
            return ct_err_nomem(err);
        }
        i++;
    }
    return CT_OK;
}

static enum ct_status rewind_record(struct store *store, const struct track_info *track,
                                    int64_t audit_id, json_t *root, struct ct_err *err)
{
    json_t *changes = json_object();
    if (changes == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = later_changes(store, track->person_id, audit_id, changes, err);
    if (status == CT_OK) {
        status = rewind_activities(root, changes, err);
    }
    json_decref(changes);
    return status;
}

/* ---- the whole record ---- */

/* The record of track_id as of a day; audit_id > 0 takes it back to when that audit
 * entry was written. */
static enum ct_status record_json(struct store *store, int64_t track_id, struct civil_date as_of,
                                  int64_t audit_id, json_t **out, struct ct_err *err)
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
        status = db_begin_read(store->db, err);
    }
    if (status == CT_OK) {
        status = fill_record(store, &track, root, err);
    }
    if (status == CT_OK && audit_id > 0) {
        status = rewind_record(store, &track, audit_id, root, err);
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

enum ct_status store_record_json(struct store *store, int64_t track_id, struct civil_date as_of,
                                 json_t **out, struct ct_err *err)
{
    return record_json(store, track_id, as_of, 0, out, err);
}

static enum ct_status evaluate(struct store *store, int64_t track_id, struct civil_date as_of,
                               int64_t audit_id, struct learner_record **record,
                               struct evaluation **evaluation, struct ct_err *err)
{
    *record = NULL;
    *evaluation = NULL;
    json_t *root = NULL;
    enum ct_status status = record_json(store, track_id, as_of, audit_id, &root, err);
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

enum ct_status store_record_evaluate(struct store *store, int64_t track_id, struct civil_date as_of,
                                     struct learner_record **record, struct evaluation **evaluation,
                                     struct ct_err *err)
{
    return evaluate(store, track_id, as_of, 0, record, evaluation, err);
}

enum ct_status store_record_evaluate_before(struct store *store, int64_t track_id,
                                            struct civil_date as_of, int64_t audit_id,
                                            struct learner_record **record,
                                            struct evaluation **evaluation, struct ct_err *err)
{
    if (audit_id <= 0) {
        return ct_err_set(err, CT_ERR_INPUT, "audit_id", "not an audit entry: %lld",
                          (long long)audit_id);
    }
    return evaluate(store, track_id, as_of, audit_id, record, evaluation, err);
}
