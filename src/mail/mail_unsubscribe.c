#include "mail_unsubscribe.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../store/store_secrets.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

static bool kind_is_word(const char *kind)
{
    if (kind == NULL || kind[0] == '\0' || strlen(kind) > 64) {
        return false;
    }
    for (const char *c = kind; *c != '\0'; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-')) {
            return false;
        }
    }
    return true;
}

enum ct_status mail_unsubscribe_mac(struct store *store, int64_t person_id, const char *kind,
                                    char mac[MAIL_UNSUBSCRIBE_MAC_SIZE], struct ct_err *err)
{
    unsigned char key[STORE_SECRET_BYTES];
    enum ct_status status = store_secret_get(store, STORE_SECRET_UNSUBSCRIBE_HMAC, key, err);
    if (status != CT_OK) {
        return status;
    }
    char message[128];
    int length = snprintf(message, sizeof message, "%lld:%s", (long long)person_id,
                          kind != NULL ? kind : "");
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key, sizeof key);
    crypto_auth_hmacsha256_update(&state, (const unsigned char *)message,
                                  (unsigned long long)(length > 0 ? length : 0));
    crypto_auth_hmacsha256_final(&state, digest);
    sodium_memzero(key, sizeof key);
    sodium_bin2hex(mac, MAIL_UNSUBSCRIBE_MAC_SIZE, digest, (MAIL_UNSUBSCRIBE_MAC_SIZE - 1) / 2);
    return CT_OK;
}

enum ct_status mail_unsubscribe_url(struct store *store, int64_t person_id, const char *kind,
                                    char *url, size_t size, struct ct_err *err)
{
    if (!kind_is_word(kind)) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "\"%s\" is not a kind of reminder",
                          kind != NULL ? kind : "");
    }
    char base[STORE_SETTING_SIZE], mac[MAIL_UNSUBSCRIBE_MAC_SIZE];
    enum ct_status status = store_setting_get(store, "public-url", base, err);
    status = status == CT_OK ? mail_unsubscribe_mac(store, person_id, kind, mac, err) : status;
    if (status != CT_OK) {
        return status;
    }
    int written = snprintf(url, size, "%s/unsubscribe?person=%lld&kind=%s&mac=%s", base,
                           (long long)person_id, kind, mac);
    if (written < 0 || (size_t)written >= size) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, "unsubscribe_url", "the address is too long");
    }
    return CT_OK;
}

enum ct_status mail_unsubscribe_check(struct store *store, int64_t person_id, const char *kind,
                                      const char *mac, bool *valid, struct ct_err *err)
{
    *valid = false;
    if (!kind_is_word(kind) || mac == NULL || strlen(mac) != MAIL_UNSUBSCRIBE_MAC_SIZE - 1) {
        return CT_OK;
    }
    char expected[MAIL_UNSUBSCRIBE_MAC_SIZE];
    enum ct_status status = mail_unsubscribe_mac(store, person_id, kind, expected, err);
    if (status == CT_OK) {
        *valid = sodium_memcmp(expected, mac, MAIL_UNSUBSCRIBE_MAC_SIZE - 1) == 0;
    }
    return status;
}
