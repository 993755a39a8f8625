#include "store_oidc.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

void store_oidc_random(char out[OIDC_RANDOM_SIZE])
{
    /* Idempotent and thread-safe; libsodium must be started before its generator. */
    if (sodium_init() < 0) {
        abort();
    }
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2base64(out, OIDC_RANDOM_SIZE, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
}

static void state_hash(const char *state, char out[crypto_hash_sha256_BYTES * 2 + 1])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)state, strlen(state));
    sodium_bin2hex(out, crypto_hash_sha256_BYTES * 2 + 1, digest, sizeof digest);
}

/* Whether path is a path of this site: one '/', then no second '/' or '\' (which a
 * browser reads as another host), no control characters, and short enough to keep. */
static bool local_path(const char *path)
{
    if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
        strlen(path) >= OIDC_RETURN_TO_SIZE) {
        return false;
    }
    for (const char *c = path; *c != '\0'; c++) {
        if ((unsigned char)*c <= ' ' || (unsigned char)*c >= 0x7f || *c == '\\') {
            return false;
        }
    }
    return true;
}

enum ct_status store_oidc_sign_in_begin(struct store *store, const char *return_to, int64_t now,
                                        struct oidc_sign_in *sign_in, struct ct_err *err)
{
    memset(sign_in, 0, sizeof *sign_in);
    store_oidc_random(sign_in->state);
    store_oidc_random(sign_in->nonce);
    store_oidc_random(sign_in->code_verifier);
    snprintf(sign_in->return_to, sizeof sign_in->return_to, "%s",
             local_path(return_to) ? return_to : "/");
    sign_in->expires_at = now + OIDC_SIGN_IN_SECONDS;
    char hash[crypto_hash_sha256_BYTES * 2 + 1];
    state_hash(sign_in->state, hash);
    enum ct_status status =
        STORE_EXEC(store, "DELETE FROM oidc_sign_ins WHERE CAST(expires_at AS BIGINT) <= ?", NULL,
                   err, DB_INT(now));
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO oidc_sign_ins (state_hash, nonce, code_verifier,"
                            " return_to, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                            NULL, err, DB_TEXT(hash), DB_TEXT(sign_in->nonce),
                            DB_TEXT(sign_in->code_verifier), DB_TEXT(sign_in->return_to),
                            DB_INT(now), DB_INT(sign_in->expires_at));
    }
    return status;
}

struct taken {
    bool found;
    struct oidc_sign_in *sign_in;
};

static enum ct_status read_taken(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct taken *taken = context;
    taken->found = true;
    store_text_copy(taken->sign_in->nonce, sizeof taken->sign_in->nonce, db_column_text(stmt, 0));
    store_text_copy(taken->sign_in->code_verifier, sizeof taken->sign_in->code_verifier,
                    db_column_text(stmt, 1));
    store_text_copy(taken->sign_in->return_to, sizeof taken->sign_in->return_to,
                    db_column_text(stmt, 2));
    taken->sign_in->expires_at = db_column_int64(stmt, 3);
    return CT_OK;
}

enum ct_status store_oidc_sign_in_take(struct store *store, const char *state, int64_t now,
                                       enum oidc_state_check *check, struct oidc_sign_in *sign_in,
                                       struct ct_err *err)
{
    memset(sign_in, 0, sizeof *sign_in);
    *check = OIDC_STATE_UNKNOWN;
    if (state == NULL || state[0] == '\0') {
        return CT_OK;
    }
    char hash[crypto_hash_sha256_BYTES * 2 + 1];
    state_hash(state, hash);
    struct taken taken = {false, sign_in};
    /* One statement finds and deletes the row, so that of two callbacks racing with one
     * state (on two servers, say) only one gets it. */
    enum ct_status status =
        STORE_EACH_ROW(store,
                       "DELETE FROM oidc_sign_ins WHERE state_hash = ?"
                       " RETURNING nonce, code_verifier, return_to, CAST(expires_at AS BIGINT)",
                       read_taken, &taken, err, DB_TEXT(hash));
    if (status == CT_OK && taken.found) {
        *check = sign_in->expires_at > now ? OIDC_STATE_GOOD : OIDC_STATE_EXPIRED;
        snprintf(sign_in->state, sizeof sign_in->state, "%.*s", OIDC_RANDOM_SIZE - 1, state);
    }
    if (*check != OIDC_STATE_GOOD) {
        sodium_memzero(sign_in, sizeof *sign_in);
    }
    return status;
}

struct person_found {
    int64_t id;
    bool deactivated;
};

static enum ct_status read_person(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct person_found *found = context;
    found->id = db_column_int64(stmt, 0);
    found->deactivated = db_column_int64(stmt, 1) != 0;
    return CT_OK;
}

enum ct_status store_oidc_person_by_email(struct store *store, const char *email,
                                          int64_t *person_id, bool *deactivated, struct ct_err *err)
{
    *person_id = 0;
    *deactivated = false;
    char key[320];
    if (email == NULL || strlen(email) >= sizeof key) {
        return CT_OK;
    }
    size_t i = 0;
    for (; email[i] != '\0'; i++) {
        key[i] = (char)tolower((unsigned char)email[i]);
    }
    key[i] = '\0';
    /* A record merged into another, like a deactivated one, signs no one in. */
    struct person_found found = {0, false};
    enum ct_status status =
        STORE_EACH_ROW(store,
                       "SELECT id, deactivated_at IS NOT NULL OR merged_into IS NOT NULL"
                       " FROM people WHERE email_key = ?",
                       read_person, &found, err, DB_TEXT(key));
    if (status == CT_OK) {
        *person_id = found.id;
        *deactivated = found.deactivated;
    }
    return status;
}
