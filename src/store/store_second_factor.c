#include "store_second_factor.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_outbox.h"
#include "store_secrets.h"
#include "../core/banned.h"

/* The stored text: the nonce and the sealed secret, in hex. */
#define SEALED_BYTES                                                                               \
    (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SECOND_FACTOR_SECRET_BYTES)
#define SEALED_HEX (2 * SEALED_BYTES + 1)

/* The ISO 8601 UTC text of unix_seconds, written into at and returned. */
static const char *iso_time(int64_t unix_seconds, char at[OUTBOX_TIME_SIZE])
{
    store_outbox_time_text(unix_seconds, at);
    return at;
}

static enum ct_status seal(struct store *store,
                           const unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                           char out[SEALED_HEX], struct ct_err *err)
{
    unsigned char key[STORE_SECRET_BYTES];
    enum ct_status status = store_secret_get(store, STORE_SECRET_SECOND_FACTOR, key, err);
    if (status != CT_OK) {
        return status;
    }
    unsigned char sealed[SEALED_BYTES];
    randombytes_buf(sealed, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(sealed + crypto_secretbox_NONCEBYTES, secret, SECOND_FACTOR_SECRET_BYTES,
                          sealed, key);
    sodium_memzero(key, sizeof key);
    sodium_bin2hex(out, SEALED_HEX, sealed, sizeof sealed);
    return CT_OK;
}

static enum ct_status unseal(struct store *store, const char *hex,
                             unsigned char secret[SECOND_FACTOR_SECRET_BYTES], struct ct_err *err)
{
    unsigned char sealed[SEALED_BYTES];
    size_t length = 0;
    if (sodium_hex2bin(sealed, sizeof sealed, hex, strlen(hex), NULL, &length, NULL) != 0 ||
        length != sizeof sealed) {
        return ct_err_set(err, CT_ERR_INPUT, "second_factor", "the stored secret is damaged");
    }
    unsigned char key[STORE_SECRET_BYTES];
    enum ct_status status = store_secret_get(store, STORE_SECRET_SECOND_FACTOR, key, err);
    if (status == CT_OK &&
        crypto_secretbox_open_easy(secret, sealed + crypto_secretbox_NONCEBYTES,
                                   sizeof sealed - crypto_secretbox_NONCEBYTES, sealed, key) != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "second_factor",
                            "the stored secret does not open with this server's key");
    }
    sodium_memzero(key, sizeof key);
    return status;
}

static enum ct_status read_factor(struct store *store, int64_t person_id,
                                  struct store_second_factor *factor, char sealed[SEALED_HEX],
                                  struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT secret, confirmed_at IS NOT NULL, last_step,"
                   " (SELECT COUNT(*) FROM recovery_codes r WHERE r.person_id = f.person_id"
                   "  AND r.used_at IS NULL)"
                   " FROM second_factors f WHERE person_id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(person_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        factor->exists = true;
        store_text_copy(sealed, SEALED_HEX, db_column_text(stmt, 0));
        factor->confirmed = db_column_int64(stmt, 1) != 0;
        factor->last_step = db_column_int64(stmt, 2);
        factor->unused_codes = (unsigned)db_column_int64(stmt, 3);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_second_factor_get(struct store *store, int64_t person_id,
                                       struct store_second_factor *factor, struct ct_err *err)
{
    memset(factor, 0, sizeof *factor);
    char sealed[SEALED_HEX] = "";
    enum ct_status status = read_factor(store, person_id, factor, sealed, err);
    if (status == CT_OK && factor->exists) {
        status = unseal(store, sealed, factor->secret, err);
    }
    return status;
}

/* The audit entry of a change to person_id's factor, as a change of the person. */
static enum ct_status audit_factor(struct store *store, int64_t actor_id, int64_t person_id,
                                   const char *action, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK && before == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %lld",
                            (long long)person_id);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, action, before, err);
    }
    free(before);
    return status;
}

enum ct_status store_second_factor_begin(struct store *store, int64_t actor_id, int64_t person_id,
                                         const unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                                         int64_t now, struct ct_err *err)
{
    char at[OUTBOX_TIME_SIZE];
    char sealed[SEALED_HEX];
    enum ct_status status = seal(store, secret, sealed, err);
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    int64_t confirmed = 0;
    status = STORE_EXEC(store,
                        "SELECT 1 FROM second_factors WHERE person_id = ?"
                        " AND confirmed_at IS NOT NULL",
                        &confirmed, err, DB_INT(person_id));
    if (status == CT_OK && confirmed != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "second_factor",
                            "a second factor is set up already: remove it first");
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO second_factors (person_id, secret, created_at)"
                       " VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE"
                       " SET secret = excluded.secret, created_at = excluded.created_at,"
                       " last_step = 0",
                       NULL, err, DB_INT(person_id), DB_TEXT(sealed), DB_TEXT(iso_time(now, at)));
    }
    if (status == CT_OK) {
        status = audit_factor(store, actor_id, person_id, "second-factor-begin", err);
    }
    return store_finish(store, status, err);
}

/* A recovery code as compared: its letters and digits in upper case, nothing else. */
static void code_key(const char *code, char *out, size_t size)
{
    size_t length = 0;
    for (const char *c = code; *c != '\0' && length + 1 < size; c++) {
        if (isalnum((unsigned char)*c)) {
            out[length++] = (char)toupper((unsigned char)*c);
        }
    }
    out[length] = '\0';
}

static void code_hash(const char *code, char out[2 * crypto_hash_sha256_BYTES + 1])
{
    char key[64];
    code_key(code, key, sizeof key);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)key, strlen(key));
    sodium_bin2hex(out, 2 * crypto_hash_sha256_BYTES + 1, digest, sizeof digest);
}

static enum ct_status keep_codes(struct store *store, int64_t person_id,
                                 const char *const codes[RECOVERY_CODE_COUNT], struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(store, "DELETE FROM recovery_codes WHERE person_id = ?",
                                       NULL, err, DB_INT(person_id));
    for (size_t i = 0; i < RECOVERY_CODE_COUNT && status == CT_OK; i++) {
        char hash[2 * crypto_hash_sha256_BYTES + 1];
        code_hash(codes[i], hash);
        status =
            STORE_EXEC(store, "INSERT INTO recovery_codes (person_id, code_hash) VALUES (?, ?)",
                       NULL, err, DB_INT(person_id), DB_TEXT(hash));
    }
    return status;
}

enum ct_status store_second_factor_confirm(struct store *store, int64_t person_id, int64_t step,
                                           const char *const codes[RECOVERY_CODE_COUNT],
                                           int64_t now, struct ct_err *err)
{
    char at[OUTBOX_TIME_SIZE];
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t confirmed = 0;
    status =
        STORE_EXEC(store,
                   "UPDATE second_factors SET confirmed_at = ?, last_step = ?"
                   " WHERE person_id = ? AND confirmed_at IS NULL RETURNING 1",
                   &confirmed, err, DB_TEXT(iso_time(now, at)), DB_INT(step), DB_INT(person_id));
    if (status == CT_OK && confirmed == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "second_factor",
                            "there is no second factor being set up");
    }
    if (status == CT_OK) {
        status = keep_codes(store, person_id, codes, err);
    }
    if (status == CT_OK) {
        status = audit_factor(store, person_id, person_id, "second-factor-confirm", err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_second_factor_use_step(struct store *store, int64_t person_id, int64_t step,
                                            bool *accepted, struct ct_err *err)
{
    /* One statement: of two requests with the same code, only one moves last_step. */
    int64_t moved = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "UPDATE second_factors SET last_step = ?"
                                       " WHERE person_id = ? AND last_step < ? RETURNING 1",
                                       &moved, err, DB_INT(step), DB_INT(person_id), DB_INT(step));
    *accepted = status == CT_OK && moved != 0;
    return status;
}

enum ct_status store_recovery_code_use(struct store *store, int64_t person_id, const char *code,
                                       int64_t now, bool *accepted, struct ct_err *err)
{
    char at[OUTBOX_TIME_SIZE];
    char hash[2 * crypto_hash_sha256_BYTES + 1];
    code_hash(code, hash);
    int64_t used = 0;
    enum ct_status status =
        STORE_EXEC(store,
                   "UPDATE recovery_codes SET used_at = ? WHERE person_id = ? AND code_hash = ? "
                   "AND used_at IS NULL RETURNING 1",
                   &used, err, DB_TEXT(iso_time(now, at)), DB_INT(person_id), DB_TEXT(hash));
    *accepted = status == CT_OK && used != 0;
    return status;
}

enum ct_status store_second_factor_delete(struct store *store, int64_t actor_id, int64_t person_id,
                                          const char *action, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t deleted = 0;
    status = STORE_EXEC(store, "DELETE FROM second_factors WHERE person_id = ? RETURNING 1",
                        &deleted, err, DB_INT(person_id));
    if (status == CT_OK) {
        status = STORE_EXEC(store, "DELETE FROM recovery_codes WHERE person_id = ?", NULL, err,
                            DB_INT(person_id));
    }
    if (status == CT_OK && deleted != 0) {
        status = audit_factor(store, actor_id, person_id, action, err);
    }
    return store_finish(store, status, err);
}
