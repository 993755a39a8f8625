#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "../../store/store_secrets.h"
#include "../../core/banned.h"

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

bool session_idle_seconds_parse(const char *text, int64_t *seconds)
{
    if (text == NULL || !isdigit((unsigned char)text[0])) {
        return false;
    }
    char *end = NULL;
    long long value = strtoll(text, &end, 10);
    if (*end != '\0' || value < SESSION_IDLE_MIN_SECONDS || value > SESSION_IDLE_MAX_SECONDS) {
        return false;
    }
    *seconds = value;
    return true;
}

int64_t session_warning_delay(int64_t seconds_left)
{
    return seconds_left > SESSION_WARNING_SECONDS ? seconds_left - SESSION_WARNING_SECONDS : 0;
}

void session_idle_words(int64_t idle_seconds, char *out, size_t size)
{
    if (idle_seconds % 60 == 0) {
        long long minutes = (long long)(idle_seconds / 60);
        snprintf(out, size, "%lld %s", minutes, minutes == 1 ? "minute" : "minutes");
    } else {
        snprintf(out, size, "%lld seconds", (long long)idle_seconds);
    }
}
