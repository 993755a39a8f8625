#include "store_sessions.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

void store_session_random_token(char out[SESSION_TOKEN_SIZE])
{
    /* Idempotent and thread-safe; libsodium must be started before its generator. */
    if (sodium_init() < 0) {
        abort();
    }
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2hex(out, SESSION_TOKEN_SIZE, bytes, sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
}

static void token_hash(const char *token, char out[SESSION_TOKEN_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(out, SESSION_TOKEN_SIZE, digest, sizeof digest);
}

enum ct_status store_session_create(struct store *store, int64_t person_id, int64_t now,
                                    char id[SESSION_TOKEN_SIZE], char csrf[SESSION_TOKEN_SIZE],
                                    struct ct_err *err)
{
    store_session_random_token(id);
    store_session_random_token(csrf);
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    return STORE_EXEC(store,
                      "INSERT INTO sessions (id_hash, person_id, csrf_token, created_at,"
                      " last_seen_at) VALUES (?, ?, ?, ?, ?)",
                      NULL, err, DB_TEXT(hash), DB_INT(person_id), DB_TEXT(csrf), DB_INT(now),
                      DB_INT(now));
}

/* Deletes every idle or too old session. */
static enum ct_status sessions_purge(struct store *store, int64_t now, int64_t idle_seconds,
                                     struct ct_err *err)
{
    return STORE_EXEC(store, "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?",
                      NULL, err, DB_INT(now - idle_seconds),
                      DB_INT(now - SESSION_ABSOLUTE_SECONDS));
}

/* True when a session last seen at last_seen_at, created at created_at, has ended by now. */
static bool session_ended(int64_t created_at, int64_t last_seen_at, int64_t now,
                          int64_t idle_seconds)
{
    return last_seen_at <= now - idle_seconds || created_at <= now - SESSION_ABSOLUTE_SECONDS;
}

int64_t store_session_touch_seconds(int64_t idle_seconds)
{
    int64_t quarter = idle_seconds / 4;
    return quarter < SESSION_TOUCH_SECONDS ? quarter : SESSION_TOUCH_SECONDS;
}

/* The seconds from now until the session ends, marked used at last_seen_at. */
static int64_t seconds_left(int64_t created_at, int64_t last_seen_at, int64_t now,
                            int64_t idle_seconds)
{
    int64_t idle_end = last_seen_at + idle_seconds;
    int64_t absolute_end = created_at + SESSION_ABSOLUTE_SECONDS;
    return (idle_end < absolute_end ? idle_end : absolute_end) - now;
}

enum ct_status store_session_find(struct store *store, const char *id, int64_t now, bool *found,
                                  int64_t *person_id, char csrf[SESSION_TOKEN_SIZE],
                                  struct ct_err *err)
{
    struct store_session_found session;
    enum ct_status status =
        store_session_find_idle(store, id, now, SESSION_IDLE_SECONDS, &session, err);
    *found = session.found;
    *person_id = session.person_id;
    snprintf(csrf, SESSION_TOKEN_SIZE, "%s", session.csrf);
    return status;
}

enum ct_status store_session_find_idle(struct store *store, const char *id, int64_t now,
                                       int64_t idle_seconds, struct store_session_found *session,
                                       struct ct_err *err)
{
    memset(session, 0, sizeof *session);
    bool *found = &session->found;
    int64_t *person_id = &session->person_id;
    char *csrf = session->csrf;
    if (id == NULL || strlen(id) != SESSION_TOKEN_SIZE - 1) {
        return CT_OK;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    /* A read first: most requests change nothing. A write on every request would make
     * requests wait in turn for the database's one writer, and every page wait, then
     * fail, while another process holds the write lock. */
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT person_id, csrf_token, created_at, last_seen_at"
                                       " FROM sessions WHERE id_hash = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(hash)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    int64_t last_seen_at = 0, created_at = 0;
    if (status == CT_OK && has_row) {
        created_at = db_column_int64(stmt, 2);
        last_seen_at = db_column_int64(stmt, 3);
        /* An ended session finds nothing, so that a stolen old cookie is of no use. */
        *found = !session_ended(created_at, last_seen_at, now, idle_seconds);
    }
    if (*found) {
        *person_id = db_column_int64(stmt, 0);
        snprintf(csrf, SESSION_TOKEN_SIZE, "%s", db_column_text(stmt, 1));
    }
    db_finalize(stmt);
    /* Marked used at most once every store_session_touch_seconds; ended sessions (this
     * one included) are deleted at the same time. */
    bool touch = now - last_seen_at >= store_session_touch_seconds(idle_seconds);
    if (status == CT_OK && has_row && (!*found || touch)) {
        status = sessions_purge(store, now, idle_seconds, err);
        if (status == CT_OK && *found) {
            status = STORE_EXEC(store, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?",
                                NULL, err, DB_INT(now), DB_TEXT(hash));
            last_seen_at = now;
        }
    }
    if (*found) {
        session->seconds_left = seconds_left(created_at, last_seen_at, now, idle_seconds);
    }
    return status;
}

enum ct_status store_session_keep(struct store *store, const char *id, int64_t now,
                                  int64_t idle_seconds, struct store_session_found *session,
                                  struct ct_err *err)
{
    enum ct_status status = store_session_find_idle(store, id, now, idle_seconds, session, err);
    if (status != CT_OK || !session->found) {
        return status;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    status = STORE_EXEC(store, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", NULL, err,
                        DB_INT(now), DB_TEXT(hash));
    return status == CT_OK ? store_session_find_idle(store, id, now, idle_seconds, session, err)
                           : status;
}

enum ct_status store_session_end(struct store *store, const char *id, struct ct_err *err)
{
    if (id == NULL) {
        return CT_OK;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    return STORE_EXEC(store, "DELETE FROM sessions WHERE id_hash = ?", NULL, err, DB_TEXT(hash));
}

enum ct_status store_token_create(struct store *store, int64_t actor_id, int64_t person_id,
                                  const char *name, int64_t now, char token[API_TOKEN_SIZE],
                                  int64_t *id, struct ct_err *err)
{
    char random[SESSION_TOKEN_SIZE], hash[SESSION_TOKEN_SIZE];
    store_session_random_token(random);
    snprintf(token, API_TOKEN_SIZE, "ct_%s", random);
    token_hash(token, hash);
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO api_tokens (person_id, name, token_hash, created_at)"
                            " VALUES (?, ?, ?, ?) RETURNING id",
                            id, err, DB_INT(person_id), DB_TEXT(name), DB_TEXT(hash), DB_INT(now));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_API_TOKEN, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_token_person(struct store *store, const char *token, int64_t now,
                                  int64_t *person_id, struct ct_err *err)
{
    *person_id = 0;
    if (token == NULL || strlen(token) != API_TOKEN_SIZE - 1 || strncmp(token, "ct_", 3) != 0) {
        return CT_OK;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(token, hash);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT person_id, COALESCE(last_used_at, 0) FROM api_tokens"
                                       " WHERE token_hash = ? AND revoked_at IS NULL",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(hash)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    int64_t last_used_at = 0;
    if (status == CT_OK && has_row) {
        *person_id = db_column_int64(stmt, 0);
        last_used_at = db_column_int64(stmt, 1);
    }
    db_finalize(stmt);
    /* Like a session's, the time of last use is written at most once a minute. */
    if (status == CT_OK && has_row && now - last_used_at >= SESSION_TOUCH_SECONDS) {
        status = STORE_EXEC(store, "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?",
                            NULL, err, DB_INT(now), DB_TEXT(hash));
    }
    return status;
}

enum ct_status store_token_revoke(struct store *store, int64_t actor_id, int64_t token_id,
                                  int64_t now, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_API_TOKEN, token_id, &before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", NULL, err,
                            DB_INT(now), DB_INT(token_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_API_TOKEN, token_id, "revoke", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

static void token_from_row(struct db_stmt *stmt, void *row)
{
    struct store_token *token = row;
    token->id = db_column_int64(stmt, 0);
    token->person_id = db_column_int64(stmt, 1);
    snprintf(token->name, sizeof token->name, "%s", db_column_text(stmt, 2));
    token->created_at = db_column_int64(stmt, 3);
    token->last_used_at = db_column_int64(stmt, 4);
    token->revoked_at = db_column_int64(stmt, 5);
}

#define TOKEN_COLUMNS                                                                              \
    "SELECT id, person_id, name, created_at, COALESCE(last_used_at, 0), COALESCE(revoked_at, 0)"   \
    " FROM api_tokens"

enum ct_status store_token_get(struct store *store, int64_t token_id, struct store_token *token,
                               bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status = db_prepare(store->db, TOKEN_COLUMNS " WHERE id = ?", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(token_id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        token_from_row(stmt, token);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_tokens_of(struct store *store, int64_t person_id, struct store_token **tokens,
                               size_t *count, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof **tokens};
    enum ct_status status = STORE_READ_ROWS(
        store, TOKEN_COLUMNS " WHERE person_id = ? ORDER BY created_at DESC, id DESC",
        token_from_row, &rows, err, DB_INT(person_id));
    *tokens = rows.items;
    *count = rows.count;
    return status;
}

enum ct_status store_login_wait_seconds(struct store *store, const char *key, int64_t now,
                                        int64_t *wait, struct ct_err *err)
{
    int64_t failures = 0;
    *wait = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT COUNT(*) FROM login_failures WHERE key = ? AND at > ?", &failures,
                   err, DB_TEXT(key), DB_INT(now - LOGIN_WINDOW_SECONDS));
    int64_t last = 0;
    if (status == CT_OK && failures >= LOGIN_FREE_FAILURES) {
        status = STORE_EXEC(store, "SELECT MAX(at) FROM login_failures WHERE key = ?", &last, err,
                            DB_TEXT(key));
        /* Doubling waits: 2, 4, 8 ... seconds, at most a quarter of an hour. */
        int64_t extra = failures - LOGIN_FREE_FAILURES;
        int64_t delay = extra >= 9 ? LOGIN_WINDOW_SECONDS : (int64_t)2 << extra;
        *wait = last + delay > now ? last + delay - now : 0;
    }
    return status;
}

enum ct_status store_login_failure_record(struct store *store, const char *key, int64_t now,
                                          struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(store, "DELETE FROM login_failures WHERE at <= ?", NULL, err,
                                       DB_INT(now - LOGIN_WINDOW_SECONDS));
    if (status == CT_OK) {
        status = STORE_EXEC(store, "INSERT INTO login_failures (key, at) VALUES (?, ?)", NULL, err,
                            DB_TEXT(key), DB_INT(now));
    }
    return status;
}
