#include "store_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/web_address.h"
#include "../core/banned.h"

static const struct {
    const char *name;
    const char *default_value;
} settings[] = {
    {"public-url", STORE_DEFAULT_PUBLIC_URL},
    {"issuer-name", STORE_DEFAULT_ISSUER_NAME},
};

static const char *default_of(const char *name)
{
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
        if (strcmp(settings[i].name, name) == 0) {
            return settings[i].default_value;
        }
    }
    return NULL;
}

bool store_setting_known(const char *name)
{
    return name != NULL && default_of(name) != NULL;
}

/* The length of url without its trailing slashes. */
static size_t trimmed_length(const char *url)
{
    size_t length = strlen(url);
    while (length > 0 && url[length - 1] == '/') {
        length--;
    }
    return length;
}

static enum ct_status check_public_url(const char *value, struct ct_err *err)
{
    size_t scheme = web_address_scheme_length(value);
    if (scheme == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "public-url",
                          "\"%s\" is not an address: it must start with https:// or http://",
                          value);
    }
    const char *host = value + scheme;
    size_t host_length = strcspn(host, "/");
    if (host_length == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "public-url", "\"%s\" names no host", value);
    }
    for (const char *c = value; *c != '\0'; c++) {
        unsigned char byte = (unsigned char)*c;
        if (byte <= ' ' || byte >= 0x7f) {
            return ct_err_set(err, CT_ERR_INPUT, "public-url",
                              "the address has a space or a character that is not plain ASCII"
                              " (encode it)");
        }
        if (*c == '?' || *c == '#') {
            return ct_err_set(err, CT_ERR_INPUT, "public-url",
                              "the address may not have a query or a fragment ('%c')", *c);
        }
    }
    if (memchr(host, '@', host_length) != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "public-url",
                          "the address may not carry a user name or password");
    }
    return CT_OK;
}

enum ct_status store_setting_check(const char *name, const char *value, struct ct_err *err)
{
    if (!store_setting_known(name)) {
        return ct_err_set(err, CT_ERR_INPUT, "setting",
                          "\"%s\" is not a setting (known: public-url, issuer-name)",
                          name != NULL ? name : "");
    }
    if (value == NULL || value[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is empty");
    }
    if (strlen(value) >= STORE_SETTING_SIZE) {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is longer than %d bytes",
                          STORE_SETTING_SIZE - 1);
    }
    if (strcmp(name, "public-url") == 0) {
        return check_public_url(value, err);
    }
    for (const char *c = value; *c != '\0'; c++) {
        if ((unsigned char)*c < ' ' || *c == 0x7f) {
            return ct_err_set(err, CT_ERR_INPUT, name, "the value has a control character");
        }
    }
    return CT_OK;
}

enum ct_status store_setting_get(struct store *store, const char *name,
                                 char out[STORE_SETTING_SIZE], struct ct_err *err)
{
    const char *default_value = default_of(name);
    if (default_value == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "setting", "\"%s\" is not a setting", name);
    }
    bool found = false;
    enum ct_status status =
        store_query_text(store, "SELECT value FROM settings WHERE name = ?",
                         STORE_PARAMS(DB_TEXT(name)), 1, out, STORE_SETTING_SIZE, &found, err);
    if (status == CT_OK && !found) {
        snprintf(out, STORE_SETTING_SIZE, "%s", default_value);
    }
    return status;
}

enum ct_status store_setting_set(struct store *store, int64_t actor_id, const char *name,
                                 const char *value, struct ct_err *err)
{
    enum ct_status status = store_setting_check(name, value, err);
    if (status != CT_OK) {
        return status;
    }
    char stored[STORE_SETTING_SIZE];
    size_t length = strcmp(name, "public-url") == 0 ? trimmed_length(value) : strlen(value);
    snprintf(stored, sizeof stored, "%.*s", (int)length, value);
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t id = 0;
    status = STORE_EXEC(store, "SELECT id FROM settings WHERE name = ?", &id, err, DB_TEXT(name));
    char *before = NULL;
    if (status == CT_OK && id > 0) {
        status = store_row_json(store, ENTITY_SETTING, id, &before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO settings (name, value) VALUES (?, ?)"
                            " ON CONFLICT (name) DO UPDATE SET value = excluded.value"
                            " RETURNING id",
                            &id, err, DB_TEXT(name), DB_TEXT(stored));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_SETTING, id, "set", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}
