#include "store_kept_forms.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

static void token_hash(const char *token, char out[SESSION_TOKEN_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(out, SESSION_TOKEN_SIZE, digest, sizeof digest);
}

bool store_kept_form_token_valid(const char *token)
{
    if (token == NULL || strlen(token) != SESSION_TOKEN_SIZE - 1) {
        return false;
    }
    for (const char *c = token; *c != '\0'; c++) {
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) {
            return false;
        }
    }
    return true;
}

enum ct_status store_kept_form_put(struct store *store, const char *path, const char *fields,
                                   int64_t now, char token[SESSION_TOKEN_SIZE], struct ct_err *err)
{
    store_session_random_token(token);
    char hash[SESSION_TOKEN_SIZE];
    token_hash(token, hash);
    enum ct_status status = STORE_EXEC(store, "DELETE FROM kept_forms WHERE created_at <= ?", NULL,
                                       err, DB_INT(now - KEPT_FORM_SECONDS));
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO kept_forms (token_hash, path, fields, created_at)"
                            " VALUES (?, ?, ?, ?)",
                            NULL, err, DB_TEXT(hash), DB_TEXT(path), DB_TEXT(fields), DB_INT(now));
    }
    return status;
}

struct kept_row {
    bool found;
    char *path;
    char *fields;
};

static enum ct_status read_kept(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct kept_row *row = context;
    row->found = true;
    row->path = strdup(db_column_text(stmt, 0));
    row->fields = strdup(db_column_text(stmt, 1));
    if (row->path == NULL || row->fields == NULL) {
        return ct_err_nomem(err);
    }
    return CT_OK;
}

enum ct_status store_kept_form_take(struct store *store, const char *token, int64_t now,
                                    bool *found, char path[KEPT_FORM_PATH_SIZE], char **fields,
                                    struct ct_err *err)
{
    *found = false;
    *fields = NULL;
    path[0] = '\0';
    if (!store_kept_form_token_valid(token)) {
        return CT_OK;
    }
    char hash[SESSION_TOKEN_SIZE];
    token_hash(token, hash);
    struct kept_row row = {false, NULL, NULL};
    enum ct_status status = STORE_EACH_ROW(
        store, "SELECT path, fields FROM kept_forms WHERE token_hash = ? AND created_at > ?",
        read_kept, &row, err, DB_TEXT(hash), DB_INT(now - KEPT_FORM_SECONDS));
    if (status == CT_OK) {
        status = STORE_EXEC(store, "DELETE FROM kept_forms WHERE token_hash = ?", NULL, err,
                            DB_TEXT(hash));
    }
    if (status == CT_OK && row.found) {
        *found = true;
        snprintf(path, KEPT_FORM_PATH_SIZE, "%s", row.path);
        *fields = row.fields;
        row.fields = NULL;
    }
    free(row.path);
    free(row.fields);
    return status;
}
