#include "audit.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

#define AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

enum { HASH_HEX_SIZE = crypto_hash_sha256_BYTES * 2 + 1 };

/* One field of the hashed text: its length, a colon, the bytes, so that no two
 * different entries give the same text. NULL is written as "-". */
static enum ct_status add_field(struct buf *text, const char *value)
{
    if (value == NULL) {
        return buf_append_str(text, "-;");
    }
    enum ct_status status = buf_printf(text, "%zu:", strlen(value));
    if (status == CT_OK) {
        status = buf_append_str(text, value);
    }
    return status == CT_OK ? buf_append_str(text, ";") : status;
}

/* Computes the entry's hash as lower-case hex. */
static enum ct_status entry_hash(int64_t id, const char *at, const struct audit_entry *entry,
                                 const char *previous_hash, char hex[HASH_HEX_SIZE])
{
    struct buf text;
    buf_init(&text, (size_t)64 << 20);
    char number[3][32];
    snprintf(number[0], sizeof number[0], "%" PRId64, id);
    snprintf(number[1], sizeof number[1], "%" PRId64, entry->actor_id);
    snprintf(number[2], sizeof number[2], "%" PRId64, entry->entity_id);
    const char *fields[] = {number[0],          at,
                            number[1],          entry->entity,
                            number[2],          entry->action,
                            entry->before_json, entry->after_json,
                            previous_hash};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = add_field(&text, fields[i]);
    }
    if (status == CT_OK) {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, (const unsigned char *)buf_str(&text), text.length);
        sodium_bin2hex(hex, HASH_HEX_SIZE, digest, sizeof digest);
    }
    buf_release(&text);
    return status;
}

/* Reads the chain's head: the newest id and hash (0 and the genesis hash when empty). */
static enum ct_status read_head(struct db *db, int64_t *last_id, char last_hash[HASH_HEX_SIZE],
                                struct ct_err *err)
{
    *last_id = 0;
    snprintf(last_hash, HASH_HEX_SIZE, "%s", AUDIT_GENESIS_HASH);
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(db, "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1", &stmt, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *last_id = db_column_int64(stmt, 0);
        snprintf(last_hash, HASH_HEX_SIZE, "%s", db_column_text(stmt, 1));
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status run_statement(struct db_stmt *stmt, struct ct_err *err)
{
    bool has_row;
    return db_step(stmt, &has_row, err);
}

static enum ct_status insert_entry(struct db *db, int64_t id, const char *at,
                                   const struct audit_entry *entry, const char *previous_hash,
                                   const char *hash, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        db,
        "INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, before_json,"
        " after_json, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &stmt, err);
    if (status != CT_OK) {
        return status;
    }
    if (db_bind_int64(stmt, 1, id) != CT_OK || db_bind_text(stmt, 2, at) != CT_OK ||
        db_bind_int64(stmt, 3, entry->actor_id) != CT_OK ||
        db_bind_text(stmt, 4, entry->entity) != CT_OK ||
        db_bind_int64(stmt, 5, entry->entity_id) != CT_OK ||
        db_bind_text(stmt, 6, entry->action) != CT_OK ||
        db_bind_text(stmt, 7, entry->before_json) != CT_OK ||
        db_bind_text(stmt, 8, entry->after_json) != CT_OK ||
        db_bind_text(stmt, 9, previous_hash) != CT_OK || db_bind_text(stmt, 10, hash) != CT_OK) {
        status = ct_err_nomem(err);
    } else {
        status = run_statement(stmt, err);
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status write_head(struct db *db, int64_t id, const char *hash, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(db,
                   "INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?)"
                   " ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id,"
                   " last_hash = excluded.last_hash",
                   &stmt, err);
    if (status == CT_OK) {
        if (db_bind_int64(stmt, 1, id) != CT_OK || db_bind_text(stmt, 2, hash) != CT_OK) {
            status = ct_err_nomem(err);
        } else {
            status = run_statement(stmt, err);
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status audit_append(struct db *db, const struct audit_entry *entry, const char *at,
                            struct ct_err *err)
{
    int64_t last_id;
    char previous_hash[HASH_HEX_SIZE];
    char hash[HASH_HEX_SIZE];
    enum ct_status status = read_head(db, &last_id, previous_hash, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t id = last_id + 1;
    status = entry_hash(id, at, entry, previous_hash, hash);
    if (status != CT_OK) {
        return ct_err_set(err, status, "audit", "cannot hash the entry: %s",
                          ct_status_name(status));
    }
    status = insert_entry(db, id, at, entry, previous_hash, hash, err);
    if (status == CT_OK) {
        status = write_head(db, id, hash, err);
    }
    return status;
}

/* Checks one stored row against the chain so far. */
static enum ct_status verify_row(struct db_stmt *stmt, int64_t expected_id,
                                 char previous_hash[HASH_HEX_SIZE], struct ct_err *err)
{
    int64_t id = db_column_int64(stmt, 0);
    struct audit_entry entry = {
        .actor_id = db_column_int64(stmt, 2),
        .entity = db_column_text(stmt, 3),
        .entity_id = db_column_int64(stmt, 4),
        .action = db_column_text(stmt, 5),
        .before_json = db_column_text(stmt, 6),
        .after_json = db_column_text(stmt, 7),
    };
    const char *stored_previous = db_column_text(stmt, 8);
    const char *stored_hash = db_column_text(stmt, 9);
    const char *at = db_column_text(stmt, 1);
    if (id != expected_id) {
        return ct_err_set(err, CT_ERR_INPUT, "audit",
                          "entry %lld is missing (found %lld next): the chain is broken",
                          (long long)expected_id, (long long)id);
    }
    char hash[HASH_HEX_SIZE];
    if (at == NULL || entry.entity == NULL || entry.action == NULL || stored_previous == NULL ||
        stored_hash == NULL || entry_hash(id, at, &entry, previous_hash, hash) != CT_OK ||
        strcmp(stored_previous, previous_hash) != 0 || strcmp(stored_hash, hash) != 0) {
        return ct_err_set(err, CT_ERR_INPUT, "audit",
                          "entry %lld does not match its hash: it was changed, or the chain "
                          "before it was",
                          (long long)id);
    }
    memcpy(previous_hash, hash, HASH_HEX_SIZE);
    return CT_OK;
}

enum ct_status audit_verify(struct db *db, int64_t *entries, struct ct_err *err)
{
    int64_t count = 0;
    char previous_hash[HASH_HEX_SIZE];
    snprintf(previous_hash, sizeof previous_hash, "%s", AUDIT_GENESIS_HASH);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(db,
                                       "SELECT id, at, actor_id, entity, entity_id, action,"
                                       " before_json, after_json, previous_hash, hash"
                                       " FROM audit_log ORDER BY id",
                                       &stmt, err);
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = verify_row(stmt, count + 1, previous_hash, err);
        count += status == CT_OK;
    }
    db_finalize(stmt);
    int64_t last_id = 0;
    char last_hash[HASH_HEX_SIZE];
    if (status == CT_OK) {
        status = read_head(db, &last_id, last_hash, err);
    }
    if (status == CT_OK && (last_id != count || strcmp(last_hash, previous_hash) != 0)) {
        /* The chain itself holds, but not its recorded end: rows were removed from or
         * added at the end. The first bad entry is where the two part. */
        int64_t first_bad = (last_id < count ? last_id : count) + 1;
        if (last_id == count) {
            first_bad = count;
        }
        status = ct_err_set(err, CT_ERR_INPUT, "audit",
                            "entry %lld: the chain ends at entry %lld but its head names entry "
                            "%lld (entries were removed or added at the end)",
                            (long long)first_bad, (long long)count, (long long)last_id);
    }
    if (entries != NULL) {
        *entries = count;
    }
    return status;
}
