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
    {"oidc-issuer", ""},
    {"oidc-client-id", ""},
    {"oidc-client-secret-file", ""},
    {"oidc-button-label", STORE_DEFAULT_OIDC_BUTTON_LABEL},
    {"oidc-create-people", "no"},
    {"mail-relay", ""},
    {"mail-starttls", "required"},
    {"mail-user", ""},
    {"mail-from", ""},
    {"mail-password-file", ""},
    {"require-second-factor", "off"},
    {"mail-from-name", ""},
    {"notice-window", "10"},
    {"notice-digest-time", "07:00"},
    {"reminder-time", ""},
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

/* The names of every setting, joined by ", ", into out (size bytes). */
static void names_list(char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof settings / sizeof settings[0] && used < size; i++) {
        int written =
            snprintf(out + used, size - used, "%s%s", i > 0 ? ", " : "", settings[i].name);
        used += written > 0 ? (size_t)written : 0;
    }
}

/* Whether the host of an http:// address (host_length bytes at host) is this machine's
 * loopback, where a provider may be reached without TLS (a test's, a proxy's). */
static bool loopback_host(const char *host, size_t host_length)
{
    static const char *const loopback[] = {"127.0.0.1", "localhost", "[::1]"};
    for (size_t i = 0; i < sizeof loopback / sizeof loopback[0]; i++) {
        size_t length = strlen(loopback[i]);
        if (host_length >= length && strncmp(host, loopback[i], length) == 0 &&
            (host_length == length || host[length] == ':')) {
            return true;
        }
    }
    return false;
}

static enum ct_status check_url(const char *name, const char *value, struct ct_err *err)
{
    size_t scheme = web_address_scheme_length(value);
    if (scheme == 0) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "\"%s\" is not an address: it must start with https:// or http://",
                          value);
    }
    const char *host = value + scheme;
    size_t host_length = strcspn(host, "/");
    if (host_length == 0) {
        return ct_err_set(err, CT_ERR_INPUT, name, "\"%s\" names no host", value);
    }
    for (const char *c = value; *c != '\0'; c++) {
        unsigned char byte = (unsigned char)*c;
        if (byte <= ' ' || byte >= 0x7f) {
            return ct_err_set(err, CT_ERR_INPUT, name,
                              "the address has a space or a character that is not plain ASCII"
                              " (encode it)");
        }
        if (*c == '?' || *c == '#') {
            return ct_err_set(err, CT_ERR_INPUT, name,
                              "the address may not have a query or a fragment ('%c')", *c);
        }
    }
    if (memchr(host, '@', host_length) != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "the address may not carry a user name or password");
    }
    if (strcmp(name, "oidc-issuer") == 0 && strncmp(value, "https://", 8) != 0 &&
        !loopback_host(host, host_length)) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "the provider must be reached over https:// (plain http:// only on"
                          " this machine's loopback address)");
    }
    return CT_OK;
}

/* The mail settings: the relay is smtp://HOST[:PORT] or smtps://HOST[:PORT]; STARTTLS
 * is required or optional; the sender is an address; the others are one word. */
static enum ct_status check_mail_setting(const char *name, const char *value, struct ct_err *err)
{
    for (const char *c = value; *c != '\0'; c++) {
        if ((unsigned char)*c <= ' ' || *c == 0x7f) {
            return ct_err_set(err, CT_ERR_INPUT, name,
                              "the value has a space or a control character");
        }
    }
    if (strcmp(name, "mail-relay") == 0 && strncmp(value, "smtp://", 7) != 0 &&
        strncmp(value, "smtps://", 8) != 0) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "\"%s\" is not a relay: it must start with smtp:// or smtps://", value);
    }
    if (strcmp(name, "mail-relay") == 0 && strchr(value, '@') != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "the relay's address may not carry a user name or password (use"
                          " mail-user and mail-password-file)");
    }
    if (strcmp(name, "mail-starttls") == 0 && strcmp(value, "required") != 0 &&
        strcmp(value, "optional") != 0) {
        return ct_err_set(err, CT_ERR_INPUT, name, "must be \"required\" or \"optional\"");
    }
    if (strcmp(name, "mail-from") == 0 && strchr(value, '@') == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, name, "\"%s\" is not an e-mail address", value);
    }
    return CT_OK;
}

/* A number of minutes from 1 to 1440 (a day), in digits. */
static enum ct_status check_minutes(const char *name, const char *value, struct ct_err *err)
{
    long minutes = 0;
    for (const char *c = value; *c != '\0'; c++) {
        if (*c < '0' || *c > '9' || minutes > 1440) {
            return ct_err_set(err, CT_ERR_INPUT, name,
                              "the value is a number of minutes from 1 to 1440, not \"%s\"", value);
        }
        minutes = minutes * 10 + (*c - '0');
    }
    if (minutes < 1 || minutes > 1440) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "the value is a number of minutes from 1 to 1440, not \"%s\"", value);
    }
    return CT_OK;
}

/* A time of day as HH:MM, 00:00 to 23:59. */
static enum ct_status check_time_of_day(const char *name, const char *value, struct ct_err *err)
{
    bool shaped = strlen(value) == 5 && value[2] == ':';
    for (int i = 0; shaped && i < 5; i++) {
        shaped = i == 2 || (value[i] >= '0' && value[i] <= '9');
    }
    if (!shaped || (value[0] - '0') * 10 + (value[1] - '0') > 23 || value[3] > '5') {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "the value is a time of day as HH:MM (00:00 to 23:59), not \"%s\"",
                          value);
    }
    return CT_OK;
}

enum ct_status store_setting_check(const char *name, const char *value, struct ct_err *err)
{
    if (!store_setting_known(name)) {
        char known[256];
        names_list(known, sizeof known);
        return ct_err_set(err, CT_ERR_INPUT, "setting", "\"%s\" is not a setting (known: %s)",
                          name != NULL ? name : "", known);
    }
    /* A setting whose default is empty is off until set, and set empty to turn it off. */
    if (value != NULL && value[0] == '\0' && default_of(name)[0] == '\0') {
        return CT_OK;
    }
    if (value == NULL || value[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is empty");
    }
    if (strlen(value) >= STORE_SETTING_SIZE) {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is longer than %d bytes",
                          STORE_SETTING_SIZE - 1);
    }
    if (strcmp(name, "public-url") == 0 || strcmp(name, "oidc-issuer") == 0) {
        return check_url(name, value, err);
    }
    if (strcmp(name, "oidc-create-people") == 0 && strcmp(value, "yes") != 0 &&
        strcmp(value, "no") != 0) {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is yes or no, not \"%s\"", value);
    }
    if (strncmp(name, "mail-", 5) == 0 && strcmp(name, "mail-from-name") != 0) {
        return check_mail_setting(name, value, err);
    }
    if (strcmp(name, "notice-window") == 0) {
        return check_minutes(name, value, err);
    }
    if (strcmp(name, "notice-digest-time") == 0 || strcmp(name, "reminder-time") == 0) {
        return check_time_of_day(name, value, err);
    }
    if (strcmp(name, "require-second-factor") == 0 && strcmp(value, "on") != 0 &&
        strcmp(value, "off") != 0) {
        return ct_err_set(err, CT_ERR_INPUT, name, "the value is \"on\" or \"off\"");
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
