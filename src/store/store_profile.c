#include "store_profile.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

enum ct_status store_person_name_set(struct store *store, int64_t actor_id, int64_t person_id,
                                     const char *name, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK && before == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %lld",
                            (long long)person_id);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET name = ? WHERE id = ?", NULL, err,
                            DB_TEXT(name), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, "set-name", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_person_password_set(struct store *store, int64_t actor_id, int64_t person_id,
                                         const char *password, struct ct_err *err)
{
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "password", "libsodium cannot start");
    }
    if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return ct_err_nomem(err);
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK && before == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %lld",
                            (long long)person_id);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET password_hash = ? WHERE id = ?", NULL, err,
                            DB_TEXT(hash), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_PERSON, person_id, "set-password", before, err);
    }
    sodium_memzero(hash, sizeof hash);
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_person_email(struct store *store, int64_t person_id, char *out, size_t size,
                                  bool *found, struct ct_err *err)
{
    return store_query_text(store, "SELECT email FROM people WHERE id = ?",
                            STORE_PARAMS(DB_INT(person_id)), 1, out, size, found, err);
}

/* Columns never part of the record as downloaded. */
static bool is_private_column(const char *name)
{
    static const char *const private_columns[] = {"password_hash", "email_key",  "secret",
                                                  "secret_hash",   "token_hash", "code_hash"};
    for (size_t i = 0; i < sizeof private_columns / sizeof private_columns[0]; i++) {
        if (strcmp(name, private_columns[i]) == 0) {
            return true;
        }
    }
    return false;
}

static json_t *column_value(struct db_stmt *stmt, int column)
{
    if (db_column_is_null(stmt, column)) {
        return json_null();
    }
    if (db_column_is_integer(stmt, column)) {
        return json_integer(db_column_int64(stmt, column));
    }
    const char *text = db_column_text(stmt, column);
    return json_string(text != NULL ? text : "");
}

/* Appends the current row of stmt to the array context, without private columns. */
static enum ct_status append_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    json_t *row = json_object();
    if (row == NULL || json_array_append_new((json_t *)context, row) != 0) {
        return ct_err_nomem(err);
    }
    for (int c = 0; c < db_column_count(stmt); c++) {
        const char *name = db_column_name(stmt, c);
        if (!is_private_column(name) &&
            json_object_set_new(row, name, column_value(stmt, c)) != 0) {
            return ct_err_nomem(err);
        }
    }
    return CT_OK;
}

/* The rows of sql (one parameter: id) as a new array set as key of object. */
static enum ct_status rows_into(struct store *store, json_t *object, const char *key,
                                const char *sql, int64_t id, json_t **array, struct ct_err *err)
{
    json_t *rows = json_array();
    if (rows == NULL || json_object_set_new(object, key, rows) != 0) {
        return ct_err_nomem(err);
    }
    if (array != NULL) {
        *array = rows;
    }
    return STORE_EACH_ROW(store, sql, append_row, rows, err, DB_INT(id));
}

/* The id column of object, or 0. */
static int64_t id_of(const json_t *object)
{
    return json_integer_value(json_object_get(object, "id"));
}

static enum ct_status plan_versions(struct store *store, json_t *track, struct ct_err *err)
{
    json_t *versions = NULL;
    enum ct_status status = rows_into(store, track, "plan_versions",
                                      "SELECT * FROM plan_versions WHERE track_id = ? ORDER BY id",
                                      id_of(track), &versions, err);
    size_t i;
    json_t *version;
    json_array_foreach(versions, i, version)
    {
        if (status == CT_OK) {
            status = rows_into(store, version, "goals",
                               "SELECT * FROM plan_goals WHERE plan_version_id = ? ORDER BY id",
                               id_of(version), NULL, err);
        }
        if (status == CT_OK) {
            status = rows_into(store, version, "items",
                               "SELECT * FROM plan_items WHERE plan_version_id = ? ORDER BY id",
                               id_of(version), NULL, err);
        }
    }
    return status;
}

static enum ct_status tracks(struct store *store, json_t *record, int64_t person_id,
                             struct ct_err *err)
{
    json_t *list = NULL;
    enum ct_status status =
        rows_into(store, record, "tracks", "SELECT * FROM tracks WHERE person_id = ? ORDER BY id",
                  person_id, &list, err);
    size_t i;
    json_t *track;
    json_array_foreach(list, i, track)
    {
        if (status == CT_OK) {
            status = plan_versions(store, track, err);
        }
        if (status == CT_OK) {
            status = rows_into(store, track, "final_report",
                               "SELECT * FROM final_reports WHERE track_id = ?", id_of(track), NULL,
                               err);
        }
    }
    return status;
}

static enum ct_status activities(struct store *store, json_t *record, int64_t person_id,
                                 struct ct_err *err)
{
    json_t *list = NULL;
    enum ct_status status = rows_into(store, record, "activities",
                                      "SELECT * FROM activities WHERE person_id = ? ORDER BY id",
                                      person_id, &list, err);
    size_t i;
    json_t *activity;
    json_array_foreach(list, i, activity)
    {
        if (status == CT_OK) {
            status = rows_into(store, activity, "provenance",
                               "SELECT * FROM harvest_provenance WHERE activity_id = ? ORDER BY id",
                               id_of(activity), NULL, err);
        }
    }
    return status;
}

static enum ct_status record_parts(struct store *store, json_t *record, int64_t person_id,
                                   struct ct_err *err)
{
    enum ct_status status =
        rows_into(store, record, "roles",
                  "SELECT role, began FROM person_roles WHERE person_id = ? ORDER BY role",
                  person_id, NULL, err);
    if (status == CT_OK) {
        status = rows_into(store, record, "library",
                           "SELECT l.* FROM libraries l JOIN people p ON p.library_id = l.id"
                           " WHERE p.id = ?",
                           person_id, NULL, err);
    }
    if (status == CT_OK) {
        status = tracks(store, record, person_id, err);
    }
    if (status == CT_OK) {
        status = activities(store, record, person_id, err);
    }
    if (status == CT_OK) {
        status = rows_into(store, record, "certificates",
                           "SELECT * FROM certificates WHERE person_id = ? ORDER BY id", person_id,
                           NULL, err);
    }
    return status;
}

enum ct_status store_person_record_json(struct store *store, int64_t person_id, char **json,
                                        struct ct_err *err)
{
    *json = NULL;
    json_t *record = json_object();
    json_t *people = NULL;
    enum ct_status status = record != NULL ? CT_OK : ct_err_nomem(err);
    if (status == CT_OK) {
        status = rows_into(store, record, "person", "SELECT * FROM people WHERE id = ?", person_id,
                           &people, err);
    }
    if (status == CT_OK && json_array_size(people) == 1) {
        json_object_set(record, "person", json_array_get(people, 0));
        status = record_parts(store, record, person_id, err);
        if (status == CT_OK) {
            *json = json_dumps(record, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            status = *json != NULL ? CT_OK : ct_err_nomem(err);
        }
    }
    json_decref(record);
    return status;
}

static void read_certificate(struct db_stmt *stmt, void *row)
{
    struct store_own_certificate *certificate = row;
    certificate->id = db_column_int64(stmt, 0);
    store_text_copy(certificate->number, sizeof certificate->number, db_column_text(stmt, 1));
    store_text_copy(certificate->program, sizeof certificate->program, db_column_text(stmt, 2));
    store_text_copy(certificate->issued, sizeof certificate->issued, db_column_text(stmt, 3));
    certificate->revoked = !db_column_is_null(stmt, 4);
}

enum ct_status store_person_certificates(struct store *store, int64_t person_id,
                                         struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT id, number, program, issued, revoked FROM certificates"
                           " WHERE person_id = ? ORDER BY issued DESC, id DESC",
                           read_certificate, rows, err, DB_INT(person_id));
}
