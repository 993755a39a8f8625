#include "oidc_sign_in.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

enum ct_status oidc_sign_in_start(struct store *store, struct oidc_cache *cache,
                                  const struct oidc_settings *settings, int64_t now,
                                  struct buf *address, char state[OIDC_RANDOM_SIZE],
                                  struct ct_err *err)
{
    state[0] = '\0';
    struct oidc_provider provider;
    enum ct_status status =
        oidc_provider_discover(cache, settings->issuer, now, false, &provider, err);
    struct oidc_sign_in sign_in;
    if (status == CT_OK) {
        status = store_oidc_sign_in_begin(store, "/", now, &sign_in, err);
    }
    if (status == CT_OK) {
        status = oidc_authorization_url(&provider, settings, &sign_in, address, err);
    }
    if (status == CT_OK) {
        memcpy(state, sign_in.state, OIDC_RANDOM_SIZE);
    }
    sodium_memzero(&sign_in, sizeof sign_in);
    oidc_provider_release(&provider);
    return status;
}

/* Checks id_token against the provider's keys, and against fresh ones when it names a
 * key the cached set lacks (the provider may have rotated its keys). */
static enum ct_status token_check(struct oidc_cache *cache, struct oidc_provider *provider,
                                  const char *id_token, const struct oidc_expect *expect,
                                  enum oidc_token_check *check, struct oidc_identity *identity,
                                  struct ct_err *err)
{
    enum ct_status status =
        oidc_id_token_check(id_token, provider->key_set, expect, check, identity, err);
    if (status != CT_OK || *check != OIDC_TOKEN_UNKNOWN_KEY) {
        return status;
    }
    oidc_provider_release(provider);
    struct ct_err fetch = {0};
    status = oidc_provider_discover(cache, expect->issuer, expect->now, true, provider, &fetch);
    if (status != CT_OK) {
        *err = fetch;
        return status;
    }
    status = oidc_id_token_check(id_token, provider->key_set, expect, check, identity, err);
    if (status == CT_OK && *check == OIDC_TOKEN_UNKNOWN_KEY) {
        *check = OIDC_TOKEN_REFUSED; /* not in the fresh set either */
    }
    return status;
}

enum ct_status oidc_sign_in_finish(struct oidc_cache *cache, const struct oidc_settings *settings,
                                   const struct oidc_sign_in *sign_in, const char *code,
                                   int64_t now, enum oidc_token_check *check,
                                   struct oidc_identity *identity, struct ct_err *err)
{
    *check = OIDC_TOKEN_REFUSED;
    memset(identity, 0, sizeof *identity);
    struct oidc_provider provider;
    char secret[OIDC_SECRET_SIZE] = "";
    char *id_token = NULL;
    enum ct_status status =
        oidc_provider_discover(cache, settings->issuer, now, false, &provider, err);
    if (status == CT_OK) {
        status = oidc_client_secret(settings, secret, sizeof secret, err);
    }
    if (status == CT_OK) {
        status = oidc_code_exchange(&provider, settings, secret, code, sign_in->code_verifier,
                                    &id_token, err);
    }
    const struct oidc_expect expect = {settings->issuer, settings->client_id, sign_in->nonce, now};
    if (status == CT_OK) {
        status = token_check(cache, &provider, id_token, &expect, check, identity, err);
    }
    sodium_memzero(secret, sizeof secret);
    free(id_token);
    oidc_provider_release(&provider);
    return status;
}
