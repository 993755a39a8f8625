#include "oidc_provider.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/file_read.h"
#include "oidc_http.h"
#include "../core/banned.h"

enum ct_status oidc_settings_load(struct store *store, struct oidc_settings *settings, bool *on,
                                  struct ct_err *err)
{
    memset(settings, 0, sizeof *settings);
    *on = false;
    char create[STORE_SETTING_SIZE] = "", public_url[STORE_SETTING_SIZE] = "";
    enum ct_status status = store_setting_get(store, "oidc-issuer", settings->issuer, err);
    if (status == CT_OK) {
        status = store_setting_get(store, "oidc-client-id", settings->client_id, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "oidc-client-secret-file", settings->secret_file, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "oidc-button-label", settings->label, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "oidc-create-people", create, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "public-url", public_url, err);
    }
    if (status == CT_OK) {
        settings->create_people = strcmp(create, "yes") == 0;
        snprintf(settings->redirect_uri, sizeof settings->redirect_uri, "%s%s", public_url,
                 OIDC_CALLBACK_PATH);
        *on = settings->issuer[0] != '\0' && settings->client_id[0] != '\0';
    }
    return status;
}

enum ct_status oidc_client_secret(const struct oidc_settings *settings, char *out, size_t size,
                                  struct ct_err *err)
{
    out[0] = '\0';
    const char *variable = getenv(OIDC_SECRET_VARIABLE);
    if (variable != NULL && variable[0] != '\0') {
        snprintf(out, size, "%s", variable);
        return CT_OK;
    }
    if (settings->secret_file[0] == '\0') {
        return CT_OK;
    }
    char *data = NULL;
    size_t length = 0;
    enum ct_status status = file_read_all(settings->secret_file, size - 1, &data, &length, err);
    if (status != CT_OK) {
        return ct_err_set(err, CT_ERR_IO, "oidc-client-secret-file",
                          "the client secret cannot be read from %s", settings->secret_file);
    }
    size_t line = strcspn(data, "\r\n");
    snprintf(out, size, "%.*s", (int)line, data);
    sodium_memzero(data, length);
    free(data);
    return CT_OK;
}

void oidc_provider_release(struct oidc_provider *provider)
{
    json_decref(provider->key_set);
    memset(provider, 0, sizeof *provider);
}

void oidc_cache_init(struct oidc_cache *cache)
{
    pthread_mutex_init(&cache->lock, NULL);
    memset(&cache->provider, 0, sizeof cache->provider);
}

void oidc_cache_release(struct oidc_cache *cache)
{
    oidc_provider_release(&cache->provider);
    pthread_mutex_destroy(&cache->lock);
}

/* Copies the text member name of document into out (OIDC_URL_SIZE), which must be an
 * http(s) address. */
static enum ct_status endpoint(const json_t *document, const char *name, char *out,
                               struct ct_err *err)
{
    const char *value = json_string_value(json_object_get(document, name));
    if (value == NULL || strlen(value) >= OIDC_URL_SIZE ||
        (strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0)) {
        return ct_err_set(err, CT_ERR_IO, "oidc-issuer",
                          "the provider's discovery document names no usable %s", name);
    }
    snprintf(out, OIDC_URL_SIZE, "%s", value);
    return CT_OK;
}

/* Whether the document's token_endpoint_auth_methods_supported lists method. */
static bool auth_method_listed(const json_t *document, const char *method)
{
    const json_t *methods = json_object_get(document, "token_endpoint_auth_methods_supported");
    size_t index;
    const json_t *one;
    json_array_foreach(methods, index, one)
    {
        if (json_is_string(one) && strcmp(json_string_value(one), method) == 0) {
            return true;
        }
    }
    return false;
}

/* Reads the discovery document into provider, checked against issuer. */
static enum ct_status document_read(const json_t *document, const char *issuer,
                                    struct oidc_provider *provider, struct ct_err *err)
{
    const char *named = json_string_value(json_object_get(document, "issuer"));
    if (named == NULL || strcmp(named, issuer) != 0) {
        return ct_err_set(err, CT_ERR_IO, "oidc-issuer",
                          "the provider calls itself \"%.200s\", not \"%.200s\"",
                          named != NULL ? named : "", issuer);
    }
    snprintf(provider->issuer, sizeof provider->issuer, "%s", issuer);
    enum ct_status status =
        endpoint(document, "authorization_endpoint", provider->authorization_endpoint, err);
    if (status == CT_OK) {
        status = endpoint(document, "token_endpoint", provider->token_endpoint, err);
    }
    if (status == CT_OK) {
        status = endpoint(document, "jwks_uri", provider->jwks_uri, err);
    }
    /* Discovery 1.0: without the list, client_secret_basic is the default. */
    provider->secret_basic =
        json_object_get(document, "token_endpoint_auth_methods_supported") == NULL ||
        auth_method_listed(document, "client_secret_basic") ||
        !auth_method_listed(document, "client_secret_post");
    return status;
}

/* Discovers issuer's provider over HTTP into provider. */
static enum ct_status discover(const char *issuer, int64_t now, struct oidc_provider *provider,
                               struct ct_err *err)
{
    char url[OIDC_URL_SIZE];
    size_t length = strlen(issuer);
    while (length > 0 && issuer[length - 1] == '/') {
        length--;
    }
    snprintf(url, sizeof url, "%.*s/.well-known/openid-configuration", (int)length, issuer);
    json_t *document = NULL;
    long http_status = 0;
    enum ct_status status = oidc_http_get_json("oidc-issuer", url, &document, &http_status, err);
    if (status == CT_OK) {
        status = document_read(document, issuer, provider, err);
    }
    json_decref(document);
    if (status == CT_OK) {
        status = oidc_http_get_json("oidc-issuer", provider->jwks_uri, &provider->key_set,
                                    &http_status, err);
    }
    if (status == CT_OK && !json_is_array(json_object_get(provider->key_set, "keys"))) {
        status = ct_err_set(err, CT_ERR_IO, "oidc-issuer",
                            "the provider's key set at %s has no \"keys\"", provider->jwks_uri);
    }
    provider->fetched_at = now;
    if (status != CT_OK) {
        oidc_provider_release(provider);
    }
    return status;
}

/* A copy of from into to, sharing its key set. */
static void provider_copy(struct oidc_provider *to, const struct oidc_provider *from)
{
    *to = *from;
    json_incref(to->key_set);
}

enum ct_status oidc_provider_discover(struct oidc_cache *cache, const char *issuer, int64_t now,
                                      bool refresh, struct oidc_provider *provider,
                                      struct ct_err *err)
{
    memset(provider, 0, sizeof *provider);
    if (cache == NULL) {
        return discover(issuer, now, provider, err);
    }
    pthread_mutex_lock(&cache->lock);
    bool fresh = !refresh && strcmp(cache->provider.issuer, issuer) == 0 &&
                 cache->provider.fetched_at + OIDC_CACHE_SECONDS > now;
    if (fresh) {
        provider_copy(provider, &cache->provider);
    }
    pthread_mutex_unlock(&cache->lock);
    if (fresh) {
        return CT_OK;
    }
    /* Discovered outside the lock: a slow provider holds up no other request. */
    enum ct_status status = discover(issuer, now, provider, err);
    if (status == CT_OK) {
        pthread_mutex_lock(&cache->lock);
        oidc_provider_release(&cache->provider);
        provider_copy(&cache->provider, provider);
        pthread_mutex_unlock(&cache->lock);
    }
    return status;
}

void oidc_pkce_challenge(const char *verifier, char out[OIDC_RANDOM_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)verifier, strlen(verifier));
    sodium_bin2base64(out, OIDC_RANDOM_SIZE, digest, sizeof digest,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Appends "name=" and the escaped value, after separator. */
static enum ct_status parameter(struct buf *out, char separator, const char *name,
                                const char *value, struct ct_err *err)
{
    char *escaped = NULL;
    enum ct_status status = oidc_http_escape(value, &escaped, err);
    if (status == CT_OK) {
        status = buf_printf(out, "%c%s=%s", separator, name, escaped);
        if (status != CT_OK) {
            status = ct_err_set(err, status, "oidc", "the address is too long");
        }
    }
    free(escaped);
    return status;
}

enum ct_status oidc_authorization_url(const struct oidc_provider *provider,
                                      const struct oidc_settings *settings,
                                      const struct oidc_sign_in *sign_in, struct buf *out,
                                      struct ct_err *err)
{
    char challenge[OIDC_RANDOM_SIZE];
    oidc_pkce_challenge(sign_in->code_verifier, challenge);
    const char *query = strchr(provider->authorization_endpoint, '?');
    enum ct_status status = buf_append_str(out, provider->authorization_endpoint);
    const struct {
        const char *name;
        const char *value;
    } parameters[] = {
        {"response_type", "code"},          {"scope", "openid email profile"},
        {"client_id", settings->client_id}, {"redirect_uri", settings->redirect_uri},
        {"state", sign_in->state},          {"nonce", sign_in->nonce},
        {"code_challenge", challenge},      {"code_challenge_method", "S256"},
    };
    for (size_t i = 0; i < sizeof parameters / sizeof parameters[0] && status == CT_OK; i++) {
        char separator = i == 0 && query == NULL ? '?' : '&';
        status = parameter(out, separator, parameters[i].name, parameters[i].value, err);
    }
    return status;
}

/* The token request's form: the code, the verifier, and (for client_secret_post, or
 * a public client) the client id and secret. */
static enum ct_status token_form(const struct oidc_provider *provider,
                                 const struct oidc_settings *settings, const char *secret,
                                 const char *code, const char *code_verifier, struct buf *form,
                                 struct ct_err *err)
{
    enum ct_status status = buf_append_str(form, "grant_type=authorization_code");
    if (status == CT_OK) {
        status = parameter(form, '&', "code", code, err);
    }
    if (status == CT_OK) {
        status = parameter(form, '&', "redirect_uri", settings->redirect_uri, err);
    }
    if (status == CT_OK) {
        status = parameter(form, '&', "code_verifier", code_verifier, err);
    }
    if (status == CT_OK && (!provider->secret_basic || secret[0] == '\0')) {
        status = parameter(form, '&', "client_id", settings->client_id, err);
    }
    if (status == CT_OK && !provider->secret_basic && secret[0] != '\0') {
        status = parameter(form, '&', "client_secret", secret, err);
    }
    return status;
}

/* Posts form to the token endpoint, by Basic when the provider takes it. */
static enum ct_status token_post(const struct oidc_provider *provider,
                                 const struct oidc_settings *settings, const char *secret,
                                 const char *form, json_t **answer, long *http_status,
                                 struct ct_err *err)
{
    /* RFC 6749 2.3.1: the id and secret are form-encoded before Basic joins them. */
    char *user = NULL, *password = NULL;
    enum ct_status status = CT_OK;
    if (provider->secret_basic && secret[0] != '\0') {
        status = oidc_http_escape(settings->client_id, &user, err);
        if (status == CT_OK) {
            status = oidc_http_escape(secret, &password, err);
        }
    }
    struct oidc_http_basic basic = {user, password};
    if (status == CT_OK) {
        status = oidc_http_post_form("oidc-token", provider->token_endpoint, form, &basic, answer,
                                     http_status, err);
    }
    if (password != NULL) {
        sodium_memzero(password, strlen(password));
    }
    free(password);
    free(user);
    return status;
}

enum ct_status oidc_code_exchange(const struct oidc_provider *provider,
                                  const struct oidc_settings *settings, const char *secret,
                                  const char *code, const char *code_verifier, char **id_token,
                                  struct ct_err *err)
{
    *id_token = NULL;
    struct buf form;
    buf_init(&form, 16 * 1024);
    json_t *answer = NULL;
    long http_status = 0;
    enum ct_status status = token_form(provider, settings, secret, code, code_verifier, &form, err);
    if (status == CT_OK) {
        status = token_post(provider, settings, secret, buf_str(&form), &answer, &http_status, err);
    }
    const char *token = json_string_value(json_object_get(answer, "id_token"));
    if (status == CT_OK && (http_status != 200 || token == NULL)) {
        const char *error = json_string_value(json_object_get(answer, "error"));
        status = ct_err_set(err, CT_ERR_IO, "oidc-token",
                            "the provider's token endpoint answered %ld%s%.200s", http_status,
                            error != NULL ? ": " : " with no ID token", error != NULL ? error : "");
    }
    if (status == CT_OK) {
        *id_token = strdup(token);
        status = *id_token != NULL ? CT_OK : ct_err_nomem(err);
    }
    if (form.data != NULL) {
        sodium_memzero(form.data, form.length);
    }
    buf_release(&form);
    json_decref(answer);
    return status;
}
