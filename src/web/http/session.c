#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "../../store/store_secrets.h"
#include "../../core/banned.h"

void session_random_token(char out[SESSION_TOKEN_SIZE])
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

enum ct_status session_create(struct store *store, int64_t person_id, int64_t now,
                              char id[SESSION_TOKEN_SIZE], char csrf[SESSION_TOKEN_SIZE],
                              struct ct_err *err)
{
    session_random_token(id);
    session_random_token(csrf);
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    return STORE_EXEC(store,
                      "INSERT INTO sessions (id_hash, person_id, csrf_token, created_at,"
                      " last_seen_at) VALUES (?, ?, ?, ?, ?)",
                      NULL, err, DB_TEXT(hash), DB_INT(person_id), DB_TEXT(csrf), DB_INT(now),
                      DB_INT(now));
}

/* Deletes every idle or too old session. */
static enum ct_status sessions_purge(struct store *store, int64_t now, struct ct_err *err)
{
    return STORE_EXEC(store, "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?",
                      NULL, err, DB_INT(now - SESSION_IDLE_SECONDS),
                      DB_INT(now - SESSION_ABSOLUTE_SECONDS));
}

/* True when a session last seen at last_seen_at, created at created_at, has ended by now. */
static bool session_ended(int64_t created_at, int64_t last_seen_at, int64_t now)
{
    return last_seen_at <= now - SESSION_IDLE_SECONDS ||
           created_at <= now - SESSION_ABSOLUTE_SECONDS;
}

enum ct_status session_find(struct store *store, const char *id, int64_t now, bool *found,
                            int64_t *person_id, char csrf[SESSION_TOKEN_SIZE], struct ct_err *err)
{
    *found = false;
    *person_id = 0;
    csrf[0] = '\0';
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
    int64_t last_seen_at = 0;
    if (status == CT_OK && has_row) {
        last_seen_at = db_column_int64(stmt, 3);
        /* An ended session finds nothing, so that a stolen old cookie is of no use. */
        *found = !session_ended(db_column_int64(stmt, 2), last_seen_at, now);
    }
    if (*found) {
        *person_id = db_column_int64(stmt, 0);
        snprintf(csrf, SESSION_TOKEN_SIZE, "%s", db_column_text(stmt, 1));
    }
    db_finalize(stmt);
    /* Marked used at most once every SESSION_TOUCH_SECONDS; ended sessions (this one
     * included) are deleted at the same time. */
    if (status == CT_OK && has_row && (!*found || now - last_seen_at >= SESSION_TOUCH_SECONDS)) {
        status = sessions_purge(store, now, err);
        if (status == CT_OK && *found) {
            status = STORE_EXEC(store, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?",
                                NULL, err, DB_INT(now), DB_TEXT(hash));
        }
    }
    return status;
}

enum ct_status session_end(struct store *store, const char *id, struct ct_err *err)
{
    if (id == NULL) {
        return CT_OK;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(id, hash);
    return STORE_EXEC(store, "DELETE FROM sessions WHERE id_hash = ?", NULL, err, DB_TEXT(hash));
}

bool session_tokens_match(const char *expected, const char *given)
{
    if (expected == NULL || given == NULL || expected[0] == '\0') {
        return false;
    }
    size_t length = strlen(expected);
    return strlen(given) == length && sodium_memcmp(expected, given, length) == 0;
}

enum ct_status session_login_token(struct store *store, const char *pre_session,
                                   char out[SESSION_TOKEN_SIZE], struct ct_err *err)
{
    out[0] = '\0';
    unsigned char key[STORE_SECRET_BYTES];
    enum ct_status status = store_secret_get(store, STORE_SECRET_FORM_HMAC, key, err);
    if (status == CT_OK) {
        unsigned char mac[crypto_auth_hmacsha256_BYTES];
        crypto_auth_hmacsha256_state state;
        crypto_auth_hmacsha256_init(&state, key, sizeof key);
        static const char purpose[] = "certtrack sign-in form\n";
        crypto_auth_hmacsha256_update(&state, (const unsigned char *)purpose, sizeof purpose - 1);
        crypto_auth_hmacsha256_update(&state, (const unsigned char *)pre_session,
                                      strlen(pre_session));
        crypto_auth_hmacsha256_final(&state, mac);
        sodium_bin2hex(out, SESSION_TOKEN_SIZE, mac, sizeof mac);
    }
    sodium_memzero(key, sizeof key);
    return status;
}

enum ct_status session_login_token_check(struct store *store, const char *pre_session,
                                         const char *token, bool *valid, struct ct_err *err)
{
    *valid = false;
    if (pre_session == NULL || token == NULL || strlen(pre_session) != SESSION_TOKEN_SIZE - 1) {
        return CT_OK;
    }
    char expected[SESSION_TOKEN_SIZE];
    enum ct_status status = session_login_token(store, pre_session, expected, err);
    *valid = status == CT_OK && session_tokens_match(expected, token);
    return status;
}

void login_keys_make(struct login_keys *keys, int64_t person_id, const char *email,
                     const char *client_address)
{
    snprintf(keys->address, sizeof keys->address, "address:%.60s", client_address);
    if (person_id > 0) {
        snprintf(keys->account, sizeof keys->account, "person:%" PRId64, person_id);
    } else {
        char folded[120];
        size_t i = 0;
        for (; email[i] != '\0' && i + 1 < sizeof folded; i++) {
            folded[i] = (char)tolower((unsigned char)email[i]);
        }
        folded[i] = '\0';
        snprintf(keys->account, sizeof keys->account, "email:%s", folded);
    }
    snprintf(keys->account_at_address, sizeof keys->account_at_address, "%.120s@%.60s",
             keys->account, client_address);
}

enum ct_status login_wait_seconds(struct store *store, const char *key, int64_t now, int64_t *wait,
                                  struct ct_err *err)
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

enum ct_status login_failure_record(struct store *store, const char *key, int64_t now,
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

enum ct_status api_token_create(struct store *store, int64_t person_id, const char *name,
                                int64_t now, char token[API_TOKEN_SIZE], struct ct_err *err)
{
    if (name == NULL || name[0] == '\0' || strlen(name) > 100) {
        return ct_err_set(err, CT_ERR_INPUT, "name",
                          "Give the token a name of up to 100 characters.");
    }
    char random[SESSION_TOKEN_SIZE], hash[SESSION_TOKEN_SIZE];
    session_random_token(random);
    snprintf(token, API_TOKEN_SIZE, "ct_%s", random);
    token_hash(token, hash);
    return STORE_EXEC(store,
                      "INSERT INTO api_tokens (person_id, name, token_hash, created_at)"
                      " VALUES (?, ?, ?, ?)",
                      NULL, err, DB_INT(person_id), DB_TEXT(name), DB_TEXT(hash), DB_INT(now));
}

enum ct_status api_token_person(struct store *store, const char *token, int64_t now,
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

enum ct_status api_token_revoke(struct store *store, int64_t person_id, int64_t token_id,
                                int64_t now, struct ct_err *err)
{
    return STORE_EXEC(store,
                      "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND person_id = ?"
                      " AND revoked_at IS NULL",
                      NULL, err, DB_INT(now), DB_INT(token_id), DB_INT(person_id));
}
