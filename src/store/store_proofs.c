#include "store_proofs.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "audit.h"
#include "../core/banned.h"

static void hash_hex(const void *bytes, size_t size, char out[PROOF_SHA256_HEX_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes, size);
    sodium_bin2hex(out, PROOF_SHA256_HEX_SIZE, digest, sizeof digest);
}

/* The audit entry of a new proof: what it is, without its bytes (a 10 MiB file in the
 * audit trail would only repeat the table). */
static enum ct_status audit_proof(struct store *store, const struct proof_new *proof, int64_t id,
                                  const char *sha256, const char *at, struct ct_err *err)
{
    json_t *after = json_pack("{sI sI ss ss sI ss sI ss}", "id", (json_int_t)id, "activity_id",
                              (json_int_t)proof->activity_id, "sha256", sha256, "content_type",
                              proof->content_type, "size", (json_int_t)proof->size, "file_name",
                              proof->file_name, "uploaded_by", (json_int_t)proof->uploaded_by,
                              "uploaded_at", at);
    char *text = after != NULL ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(after);
    if (text == NULL) {
        return ct_err_nomem(err);
    }
    struct audit_entry entry = {proof->uploaded_by, "activity_proofs", id, "create", NULL, text};
    enum ct_status status = audit_append(store->db, &entry, at, err);
    free(text);
    return status;
}

enum ct_status store_proof_add(struct store *store, const struct proof_new *proof, int64_t *id,
                               char sha256[PROOF_SHA256_HEX_SIZE], struct ct_err *err)
{
    if (proof->size == 0 || proof->bytes == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "file", "the file is empty");
    }
    hash_hex(proof->bytes, proof->size, sha256);
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "INSERT INTO activity_proofs (activity_id, content, sha256, content_type,"
                        " size, file_name, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                        " ?) RETURNING id",
                        id, err, DB_INT(proof->activity_id), DB_BLOB(proof->bytes, proof->size),
                        DB_TEXT(sha256), DB_TEXT(proof->content_type), DB_INT((int64_t)proof->size),
                        DB_TEXT(proof->file_name), DB_INT(proof->uploaded_by), DB_TEXT(now));
    if (status == CT_OK) {
        status = audit_proof(store, proof, *id, sha256, now, err);
    }
    return store_finish(store, status, err);
}

#define PROOF_COLUMNS                                                                              \
    "p.id, p.activity_id, p.sha256, p.content_type, p.size, p.file_name, p.uploaded_at"

static void info_from_row(struct db_stmt *stmt, void *row)
{
    struct proof_info *info = row;
    info->id = db_column_int64(stmt, 0);
    info->activity_id = db_column_int64(stmt, 1);
    store_text_copy(info->sha256, sizeof info->sha256, db_column_text(stmt, 2));
    store_text_copy(info->content_type, sizeof info->content_type, db_column_text(stmt, 3));
    info->size = db_column_int64(stmt, 4);
    store_text_copy(info->file_name, sizeof info->file_name, db_column_text(stmt, 5));
    store_text_copy(info->uploaded_at, sizeof info->uploaded_at, db_column_text(stmt, 6));
}

enum ct_status store_proofs_of_activity(struct store *store, int64_t activity_id,
                                        struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "WITH RECURSIVE versions(id) AS (SELECT CAST(? AS BIGINT) UNION ALL"
                           " SELECT a.replaces FROM activities a JOIN versions v ON a.id = v.id"
                           " WHERE a.replaces IS NOT NULL)"
                           " SELECT " PROOF_COLUMNS " FROM activity_proofs p"
                           " JOIN versions v ON v.id = p.activity_id ORDER BY p.id",
                           info_from_row, rows, err, DB_INT(activity_id));
}

enum ct_status store_proof_viewer_allowed(struct store *store, int64_t activity_id,
                                          int64_t viewer_id, bool coordinator, bool *allowed,
                                          struct ct_err *err)
{
    *allowed = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT a.person_id, COALESCE(p.verifier_id, 0) FROM"
                                       " activities a JOIN people p ON p.id = a.person_id"
                                       " WHERE a.id = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(activity_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row && viewer_id > 0) {
        /* The learner, their verifier, a coordinator: no one else. */
        *allowed = coordinator || db_column_int64(stmt, 0) == viewer_id ||
                   db_column_int64(stmt, 1) == viewer_id;
    }
    db_finalize(stmt);
    return status;
}

/* The proof's row with its bytes (copied into file->bytes). */
static enum ct_status read_file(struct store *store, int64_t proof_id, struct proof_file *file,
                                bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db, "SELECT " PROOF_COLUMNS ", p.content FROM activity_proofs p WHERE p.id = ?",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(proof_id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        info_from_row(stmt, &file->info);
        size_t size = db_column_bytes(stmt, 7);
        file->bytes = malloc(size > 0 ? size : 1);
        if (file->bytes == NULL) {
            status = ct_err_nomem(err);
        } else {
            if (size > 0) {
                memcpy(file->bytes, db_column_blob(stmt, 7), size);
            }
            file->info.size = (int64_t)size;
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_proof_read(struct store *store, int64_t proof_id, int64_t viewer_id,
                                bool coordinator, struct proof_file *file, bool *found,
                                struct ct_err *err)
{
    memset(file, 0, sizeof *file);
    *found = false;
    enum ct_status status = read_file(store, proof_id, file, found, err);
    bool allowed = false;
    if (status == CT_OK && *found) {
        status = store_proof_viewer_allowed(store, file->info.activity_id, viewer_id, coordinator,
                                            &allowed, err);
    }
    if (status != CT_OK || !allowed) {
        free(file->bytes);
        memset(file, 0, sizeof *file);
        *found = false;
    }
    return status;
}
