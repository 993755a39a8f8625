#include "store_certificate_versions.h"

#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

static void version_read(struct db_stmt *stmt, void *row)
{
    struct certificate_version *v = row;
    v->id = db_column_int64(stmt, 0);
    v->version = db_column_int64(stmt, 1);
    store_text_copy(v->verification_code, sizeof v->verification_code, db_column_text(stmt, 2));
    store_text_copy(v->printed_name, sizeof v->printed_name, db_column_text(stmt, 3));
    v->issued = store_date_value(db_column_text(stmt, 4));
    store_text_copy(v->reason, sizeof v->reason, db_column_text(stmt, 5));
    store_text_copy(v->issued_by, sizeof v->issued_by, db_column_text(stmt, 6));
    v->superseded = store_date_value(db_column_text(stmt, 7));
}

enum ct_status store_certificate_versions(struct store *store, int64_t certificate_id,
                                          struct certificate_version **versions, size_t *count,
                                          struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct certificate_version)};
    enum ct_status status = STORE_READ_ROWS(
        store,
        "SELECT v.id, v.version, v.verification_code, v.printed_name, v.issued, v.reason,"
        " COALESCE(p.name, ''), v.superseded_at FROM certificate_versions v"
        " LEFT JOIN people p ON p.id = v.issued_by WHERE v.certificate_id = ?"
        " ORDER BY v.version DESC",
        version_read, &rows, err, DB_INT(certificate_id));
    *versions = rows.items;
    *count = rows.count;
    return status;
}

enum ct_status store_certificate_holder_name(struct store *store, int64_t certificate_id, char *out,
                                             size_t size, bool *found, struct ct_err *err)
{
    return store_query_text(store,
                            "SELECT p.name FROM certificates c JOIN people p ON p.id = c.person_id"
                            " WHERE c.id = ?",
                            STORE_PARAMS(DB_INT(certificate_id)), 1, out, size, found, err);
}

static enum ct_status check_reissue(const struct certificate_reissue *reissue, struct ct_err *err)
{
    if (reissue->reason == NULL || reissue->reason[0] == '\0' ||
        strlen(reissue->reason) > CERTIFICATE_REISSUE_REASON_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "reason",
                          "say why the documents are issued again, in at most %d characters",
                          CERTIFICATE_REISSUE_REASON_MAX);
    }
    if (reissue->printed_name == NULL || reissue->printed_name[0] == '\0' ||
        strlen(reissue->printed_name) >= sizeof((struct certificate_version *)NULL)->printed_name) {
        return ct_err_set(err, CT_ERR_INPUT, "name", "the name to print is empty or too long");
    }
    return CT_OK;
}

/* The certificate's newest version (its id, number and code into *current); refuses a
 * certificate that is not there or is revoked. */
static enum ct_status newest_version(struct store *store, int64_t certificate_id,
                                     struct certificate_version *current, struct ct_err *err)
{
    struct certificate_record record;
    bool found = false;
    enum ct_status status =
        store_certificate_find_by_id(store, certificate_id, &record, &found, err);
    if (status == CT_OK && !found) {
        return ct_err_set(err, CT_ERR_INPUT, "certificate", "no certificate has the id %lld",
                          (long long)certificate_id);
    }
    if (status == CT_OK && civil_date_is_set(record.revoked)) {
        char revoked[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(record.revoked, revoked);
        return ct_err_set(err, CT_ERR_INPUT, "certificate", "revoked on %s", revoked);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT id FROM certificate_versions WHERE certificate_id = ?"
                            " AND superseded_at IS NULL",
                            &current->id, err, DB_INT(certificate_id));
        current->version = record.version;
        store_text_copy(current->verification_code, sizeof current->verification_code,
                        record.verification_code);
    }
    return status;
}

/* Keeps the new version and supersedes current by it. */
static enum ct_status insert_version(struct store *store, int64_t actor_id,
                                     const struct certificate_reissue *reissue,
                                     const struct certificate_version *current,
                                     struct certificate_reissue_result *result, struct ct_err *err)
{
    char day[CIVIL_DATE_TEXT_SIZE];
    store_date_text(reissue->day, day);
    result->version = current->version + 1;
    enum ct_status status =
        STORE_EXEC(store, "UPDATE certificate_versions SET superseded_at = ? WHERE id = ?", NULL,
                   err, DB_TEXT(day), DB_INT(current->id));
    if (status == CT_OK) {
        status = STORE_EXEC(
            store,
            "INSERT INTO certificate_versions (certificate_id, version, verification_code,"
            " printed_name, issued, reason, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            &result->version_id, err, DB_INT(reissue->certificate_id), DB_INT(result->version),
            DB_TEXT(result->verification_code), DB_TEXT(reissue->printed_name), DB_TEXT(day),
            DB_TEXT(reissue->reason), actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL));
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE certificate_versions SET superseded_by = ? WHERE id = ?",
                            NULL, err, DB_INT(result->version_id), DB_INT(current->id));
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store, "UPDATE certificates SET verification_code = ? WHERE id = ?", NULL,
                       err, DB_TEXT(result->verification_code), DB_INT(reissue->certificate_id));
    }
    return status;
}

enum ct_status store_certificate_reissue(struct store *store, int64_t actor_id,
                                         const struct certificate_reissue *reissue,
                                         struct certificate_reissue_result *result,
                                         struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = check_reissue(reissue, err);
    if (status != CT_OK) {
        return status;
    }
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    struct certificate_version current = {0};
    status = newest_version(store, reissue->certificate_id, &current, err);
    char *before = NULL;
    if (status == CT_OK) {
        store_text_copy(result->old_code, sizeof result->old_code, current.verification_code);
        status = store_row_json(store, ENTITY_CERTIFICATE, reissue->certificate_id, &before, err);
    }
    if (status == CT_OK) {
        status = store_verification_code_make(result->verification_code, err);
    }
    if (status == CT_OK) {
        status = insert_version(store, actor_id, reissue, &current, result, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_CERTIFICATE, reissue->certificate_id,
                             "reissue", before, err);
    }
    if (status == CT_OK) { /* the new version: its name, its reason, who issued it */
        status = store_audit(store, actor_id, ENTITY_CERTIFICATE_VERSION, result->version_id,
                             "reissue", NULL, err);
    }
    free(before);
    return store_finish(store, status, err);
}
