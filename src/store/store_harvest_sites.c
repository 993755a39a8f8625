#include "store_harvest_sites.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "../io/time_zone.h"
#include "../core/web_address.h"
#include "../core/banned.h"

bool store_harvest_site_address_key(const char *url, char out[LMS_URL_SIZE])
{
    size_t length = strlen(url);
    while (length > 0 && url[length - 1] == '/') {
        length--;
    }
    if (length >= LMS_URL_SIZE) {
        return false;
    }
    memcpy(out, url, length);
    out[length] = '\0';
    return true;
}

static void sha256_hex(const char *text, size_t length, char out[HARVEST_SHA256_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)text, length);
    sodium_bin2hex(out, HARVEST_SHA256_SIZE, digest, sizeof digest);
}

static void make_credentials(struct lms_site_credentials *credentials,
                             char secret_hash[HARVEST_SHA256_SIZE])
{
    /* Idempotent and thread-safe; libsodium must be started before its generator. */
    if (sodium_init() < 0) {
        abort();
    }
    unsigned char key_bytes[16], secret_bytes[32];
    randombytes_buf(key_bytes, sizeof key_bytes);
    randombytes_buf(secret_bytes, sizeof secret_bytes);
    char key_hex[2 * sizeof key_bytes + 1];
    sodium_bin2hex(key_hex, sizeof key_hex, key_bytes, sizeof key_bytes);
    snprintf(credentials->api_key, sizeof credentials->api_key, "ct_%s", key_hex);
    sodium_bin2hex(credentials->secret, sizeof credentials->secret, secret_bytes,
                   sizeof secret_bytes);
    sodium_memzero(secret_bytes, sizeof secret_bytes);
    sha256_hex(credentials->secret, strlen(credentials->secret), secret_hash);
}

static enum ct_status check_site(const char *url, const char *time_zone, char key[LMS_URL_SIZE],
                                 struct ct_err *err)
{
    if (url == NULL || !web_address_is_valid(url, LMS_URL_SIZE - 1, "?#") ||
        !store_harvest_site_address_key(url, key)) {
        return ct_err_set(err, CT_ERR_INPUT, "url",
                          "not a site address like https://learn.example.org: \"%.200s\"",
                          url != NULL ? url : "");
    }
    struct tzif_zone *zone = NULL;
    enum ct_status status = time_zone_load(time_zone, &zone, err);
    tzif_free(zone);
    return status;
}

enum ct_status store_harvest_site_add(struct store *store, int64_t actor_id, const char *url,
                                      const char *time_zone, int64_t *site_id,
                                      struct lms_site_credentials *credentials, struct ct_err *err)
{
    memset(credentials, 0, sizeof *credentials);
    *site_id = 0;
    if (time_zone == NULL || time_zone[0] == '\0') {
        time_zone = "UTC";
    }
    char key[LMS_URL_SIZE];
    enum ct_status status = check_site(url, time_zone, key, err);
    if (status != CT_OK) {
        return status;
    }
    char secret_hash[HARVEST_SHA256_SIZE];
    make_credentials(credentials, secret_hash);
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    bool exists = false;
    char found[16];
    status = store_query_text(store, "SELECT 'yes' FROM lms_sites WHERE url = ?",
                              STORE_PARAMS(DB_TEXT(key)), 1, found, sizeof found, &exists, err);
    if (status == CT_OK && exists) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "url", "a site is registered at %.200s already", key);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO lms_sites (url, time_zone, api_key, secret_hash,"
                            " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                            site_id, err, DB_TEXT(key), DB_TEXT(time_zone),
                            DB_TEXT(credentials->api_key), DB_TEXT(secret_hash), DB_TEXT(now));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LMS_SITE, *site_id, "create", NULL, err);
    }
    status = store_finish(store, status, err);
    if (status != CT_OK) {
        sodium_memzero(credentials, sizeof *credentials);
        *site_id = 0;
    }
    return status;
}

/* Runs a query whose row is (id, url, time_zone, api_key[, secret_hash]) into *site. */
static enum ct_status site_query(struct store *store, const char *sql, struct db_param param,
                                 struct lms_site *site, char secret_hash[HARVEST_SHA256_SIZE],
                                 bool *found, struct ct_err *err)
{
    *found = false;
    memset(site, 0, sizeof *site);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, &param, 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        site->id = db_column_int64(stmt, 0);
        store_text_copy(site->url, sizeof site->url, db_column_text(stmt, 1));
        store_text_copy(site->time_zone, sizeof site->time_zone, db_column_text(stmt, 2));
        store_text_copy(site->api_key, sizeof site->api_key, db_column_text(stmt, 3));
        if (secret_hash != NULL) {
            store_text_copy(secret_hash, HARVEST_SHA256_SIZE, db_column_text(stmt, 4));
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_harvest_site_find_by_url(struct store *store, const char *url,
                                              struct lms_site *site, bool *found,
                                              struct ct_err *err)
{
    char key[LMS_URL_SIZE];
    if (!store_harvest_site_address_key(url, key)) {
        *found = false;
        memset(site, 0, sizeof *site);
        return CT_OK;
    }
    return site_query(store, "SELECT id, url, time_zone, api_key FROM lms_sites WHERE url = ?",
                      DB_TEXT(key), site, NULL, found, err);
}

enum ct_status store_harvest_site_find_by_id(struct store *store, int64_t site_id,
                                             struct lms_site *site, bool *found, struct ct_err *err)
{
    return site_query(store, "SELECT id, url, time_zone, api_key FROM lms_sites WHERE id = ?",
                      DB_INT(site_id), site, NULL, found, err);
}

enum ct_status store_harvest_site_check_credentials(struct store *store, const char *api_key,
                                                    const char *secret, struct lms_site *site,
                                                    bool *matches, struct ct_err *err)
{
    *matches = false;
    api_key = api_key != NULL ? api_key : "";
    secret = secret != NULL ? secret : "";
    char stored[HARVEST_SHA256_SIZE] = {0};
    bool found = false;
    enum ct_status status = site_query(store,
                                       "SELECT id, url, time_zone, api_key, secret_hash"
                                       " FROM lms_sites WHERE api_key = ?",
                                       DB_TEXT(api_key), site, stored, &found, err);
    if (status != CT_OK) {
        return status;
    }
    /* The same work for an unknown key: hash, then compare with a hash no secret has. */
    char given[HARVEST_SHA256_SIZE];
    sha256_hex(secret, strlen(secret), given);
    if (!found || strlen(stored) != HARVEST_SHA256_SIZE - 1) {
        memset(stored, 'x', HARVEST_SHA256_SIZE - 1);
        stored[HARVEST_SHA256_SIZE - 1] = '\0';
    }
    bool same = sodium_memcmp(given, stored, HARVEST_SHA256_SIZE - 1) == 0;
    *matches = found && same;
    if (!*matches) {
        memset(site, 0, sizeof *site);
    }
    return CT_OK;
}
