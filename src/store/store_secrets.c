#include "store_secrets.h"

#include <sodium.h>
#include <string.h>

#include "../io/clock.h"
#include "../core/banned.h"

enum ct_status store_secret_get(struct store *store, const char *name,
                                unsigned char out[STORE_SECRET_BYTES], struct ct_err *err)
{
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "libsodium", "cannot start");
    }
    unsigned char drawn[STORE_SECRET_BYTES];
    char hex[2 * STORE_SECRET_BYTES + 1], now[CLOCK_TIMESTAMP_SIZE];
    randombytes_buf(drawn, sizeof drawn);
    sodium_bin2hex(hex, sizeof hex, drawn, sizeof drawn);
    sodium_memzero(drawn, sizeof drawn);
    clock_now_utc(now);
    char kept[2 * STORE_SECRET_BYTES + 1] = "";
    bool found = false;
    enum ct_status status =
        store_query_text(store, "SELECT value FROM server_secrets WHERE name = ?",
                         STORE_PARAMS(DB_TEXT(name)), 1, kept, sizeof kept, &found, err);
    /* The first to need it draws it; everyone else reads the one kept. */
    if (status == CT_OK && !found) {
        status = STORE_EXEC(store,
                            "INSERT INTO server_secrets (name, value, created_at)"
                            " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                            NULL, err, DB_TEXT(name), DB_TEXT(hex), DB_TEXT(now));
        if (status == CT_OK) {
            status =
                store_query_text(store, "SELECT value FROM server_secrets WHERE name = ?",
                                 STORE_PARAMS(DB_TEXT(name)), 1, kept, sizeof kept, &found, err);
        }
    }
    memcpy(hex, kept, sizeof hex);
    sodium_memzero(kept, sizeof kept);
    size_t length = 0;
    if (status == CT_OK &&
        (!found ||
         sodium_hex2bin(out, STORE_SECRET_BYTES, hex, strlen(hex), NULL, &length, NULL) != 0 ||
         length != STORE_SECRET_BYTES)) {
        status = ct_err_set(err, CT_ERR_INPUT, "server_secrets", "the secret %s is damaged", name);
    }
    sodium_memzero(hex, sizeof hex);
    return status;
}
