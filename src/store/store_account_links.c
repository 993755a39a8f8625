#include "store_account_links.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/timestamp.h"
#include "store_outbox.h"
#include "../core/banned.h"

const char *store_account_link_purpose_name(enum account_link_purpose purpose)
{
    return purpose == ACCOUNT_LINK_INVITATION       ? "invitation"
           : purpose == ACCOUNT_LINK_PASSWORD_RESET ? "password-reset"
                                                    : "email-change";
}

/* The SHA-256 of token, in hex (what is stored). */
static void token_hash(const char *token, char out[2 * crypto_hash_sha256_BYTES + 1])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(out, 2 * crypto_hash_sha256_BYTES + 1, digest, sizeof digest);
}

/* Makes a link (new_email NULL but for an e-mail change); as store_account_link_create. */
static enum ct_status insert_link(struct store *store, int64_t person_id,
                                  enum account_link_purpose purpose, int64_t created_by,
                                  int64_t now, int64_t expires_at, const char *new_email,
                                  char token[ACCOUNT_LINK_TOKEN_SIZE], int64_t *id,
                                  struct ct_err *err)
{
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "token", "libsodium cannot start");
    }
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2base64(token, ACCOUNT_LINK_TOKEN_SIZE, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    char hash[2 * crypto_hash_sha256_BYTES + 1];
    token_hash(token, hash);
    char created[OUTBOX_TIME_SIZE], expires[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, created);
    store_outbox_time_text(expires_at, expires);
    return STORE_EXEC(store,
                      "INSERT INTO account_links (person_id, purpose, token_hash, created_at,"
                      " created_by, expires_at, new_email) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      " RETURNING id",
                      id, err, DB_INT(person_id), DB_TEXT(store_account_link_purpose_name(purpose)),
                      DB_TEXT(hash), DB_TEXT(created),
                      created_by > 0 ? DB_INT(created_by) : DB_TEXT(NULL), DB_TEXT(expires),
                      DB_TEXT(new_email));
}

enum ct_status store_account_link_create(struct store *store, int64_t person_id,
                                         enum account_link_purpose purpose, int64_t created_by,
                                         int64_t now, int64_t expires_at,
                                         char token[ACCOUNT_LINK_TOKEN_SIZE], int64_t *id,
                                         struct ct_err *err)
{
    return insert_link(store, person_id, purpose, created_by, now, expires_at, NULL, token, id,
                       err);
}

enum ct_status store_account_email_link_create(struct store *store, int64_t person_id,
                                               const char *new_email, int64_t now,
                                               int64_t expires_at,
                                               char token[ACCOUNT_LINK_TOKEN_SIZE],
                                               struct ct_err *err)
{
    return insert_link(store, person_id, ACCOUNT_LINK_EMAIL_CHANGE, person_id, now, expires_at,
                       new_email, token, NULL, err);
}

static int64_t time_value(const char *text)
{
    int64_t seconds = 0;
    if (text == NULL || !timestamp_parse_iso8601(text, &seconds)) {
        return 0;
    }
    return seconds;
}

struct link_read {
    struct account_link *link;
    bool *found;
    char *new_email; /* ACCOUNT_EMAIL_SIZE bytes; NULL: not read */
};

static enum account_link_purpose purpose_of(const char *name)
{
    if (name != NULL && strcmp(name, "invitation") == 0) {
        return ACCOUNT_LINK_INVITATION;
    }
    return name != NULL && strcmp(name, "email-change") == 0 ? ACCOUNT_LINK_EMAIL_CHANGE
                                                             : ACCOUNT_LINK_PASSWORD_RESET;
}

static enum ct_status read_link(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct link_read *read = context;
    const char *purpose = db_column_text(stmt, 2);
    *read->found = true;
    *read->link = (struct account_link){
        .id = db_column_int64(stmt, 0),
        .person_id = db_column_int64(stmt, 1),
        .purpose = purpose_of(purpose),
        .created_at = time_value(db_column_text(stmt, 3)),
        .expires_at = time_value(db_column_text(stmt, 4)),
        .used_at = time_value(db_column_text(stmt, 5)),
    };
    if (read->new_email != NULL) {
        store_text_copy(read->new_email, ACCOUNT_EMAIL_SIZE, db_column_text(stmt, 6));
    }
    return CT_OK;
}

#define LINK_COLUMNS                                                                               \
    "SELECT id, person_id, purpose, created_at, expires_at, used_at, new_email FROM account_links"

enum ct_status store_account_link_find(struct store *store, const char *token,
                                       struct account_link *link, bool *found, struct ct_err *err)
{
    *found = false;
    memset(link, 0, sizeof *link);
    if (token == NULL || strlen(token) != ACCOUNT_LINK_TOKEN_SIZE - 1) {
        return CT_OK;
    }
    char hash[2 * crypto_hash_sha256_BYTES + 1];
    token_hash(token, hash);
    struct link_read read = {link, found, NULL};
    return STORE_EACH_ROW(store,
                          LINK_COLUMNS " WHERE token_hash = ?"
                                       " AND purpose IN ('invitation', 'password-reset')",
                          read_link, &read, err, DB_TEXT(hash));
}

enum ct_status store_account_email_link_find(struct store *store, const char *token,
                                             struct account_link *link,
                                             char new_email[ACCOUNT_EMAIL_SIZE], bool *found,
                                             struct ct_err *err)
{
    *found = false;
    memset(link, 0, sizeof *link);
    new_email[0] = '\0';
    if (token == NULL || strlen(token) != ACCOUNT_LINK_TOKEN_SIZE - 1) {
        return CT_OK;
    }
    char hash[2 * crypto_hash_sha256_BYTES + 1];
    token_hash(token, hash);
    struct link_read read = {link, found, new_email};
    return STORE_EACH_ROW(store, LINK_COLUMNS " WHERE token_hash = ? AND purpose = 'email-change'",
                          read_link, &read, err, DB_TEXT(hash));
}

enum ct_status store_account_link_open_invitation(struct store *store, int64_t person_id,
                                                  int64_t now, struct account_link *link,
                                                  bool *found, struct ct_err *err)
{
    *found = false;
    memset(link, 0, sizeof *link);
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    struct link_read read = {link, found, NULL};
    return STORE_EACH_ROW(store,
                          LINK_COLUMNS " WHERE person_id = ? AND purpose = 'invitation'"
                                       " AND used_at IS NULL AND expires_at > ?"
                                       " ORDER BY id DESC LIMIT 1",
                          read_link, &read, err, DB_INT(person_id), DB_TEXT(when));
}

enum ct_status store_account_link_use(struct store *store, int64_t id, int64_t now, bool *used,
                                      struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    int64_t changed = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "UPDATE account_links SET used_at = ?"
                                       " WHERE id = ? AND used_at IS NULL RETURNING id",
                                       &changed, err, DB_TEXT(when), DB_INT(id));
    *used = status == CT_OK && changed == id;
    return status;
}

static enum ct_status read_state(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct account_state *state = context;
    store_text_copy(state->email, sizeof state->email, db_column_text(stmt, 0));
    store_text_copy(state->name, sizeof state->name, db_column_text(stmt, 1));
    state->has_password = db_column_int64(stmt, 2) != 0;
    state->deactivated = db_column_int64(stmt, 3) != 0;
    return CT_OK;
}

enum ct_status store_account_state(struct store *store, int64_t person_id,
                                   struct account_state *state, bool *found, struct ct_err *err)
{
    memset(state, 0, sizeof *state);
    enum ct_status status = STORE_EACH_ROW(store,
                                           "SELECT email, name, password_hash IS NOT NULL,"
                                           " deactivated_at IS NOT NULL FROM people WHERE id = ?",
                                           read_state, state, err, DB_INT(person_id));
    *found = status == CT_OK && state->email[0] != '\0';
    return status;
}

enum ct_status store_account_password_set(struct store *store, int64_t actor_id, int64_t person_id,
                                          const char *password, const char *action,
                                          struct ct_err *err)
{
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "password", "libsodium cannot start");
    }
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return ct_err_nomem(err);
    }
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET password_hash = ? WHERE id = ?", NULL, err,
                            DB_TEXT(hash), DB_INT(person_id));
    }
    sodium_memzero(hash, sizeof hash);
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, action, before, err);
    }
    free(before);
    return status;
}

enum ct_status store_account_email_set(struct store *store, int64_t actor_id, int64_t person_id,
                                       const char *email, struct ct_err *err)
{
    char *key = strdup(email);
    if (key == NULL) {
        return ct_err_nomem(err);
    }
    for (char *c = key; *c != '\0'; c++) {
        *c = (char)tolower((unsigned char)*c);
    }
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET email = ?, email_key = ? WHERE id = ?", NULL,
                            err, DB_TEXT(email), DB_TEXT(key), DB_INT(person_id));
    }
    free(key);
    if (status == CT_ERR_INPUT) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "email", "another person has the e-mail %.80s", email);
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_PERSON, person_id, "email-change", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_account_sessions_end(struct store *store, int64_t person_id,
                                          struct ct_err *err)
{
    return STORE_EXEC(store, "DELETE FROM sessions WHERE person_id = ?", NULL, err,
                      DB_INT(person_id));
}
