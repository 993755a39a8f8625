/*
 * oidc_provider: certtrack as an OpenID Connect relying party (OpenID Connect Core 1.0
 * and Discovery 1.0, PKCE by RFC 7636): the settings that name the provider, its
 * discovery document and key set (kept for OIDC_CACHE_SECONDS in a cache the server
 * owns), the address a browser is sent to, and the exchange of the code for the ID
 * token. The HTTP calls are oidc_http's (libcurl).
 *
 * The client secret is never a setting (settings are audited and shown): it is read
 * from the environment variable OIDC_SECRET_VARIABLE when set, else from the file the
 * oidc-client-secret-file setting names (its first line).
 */
#ifndef CERTTRACK_OIDC_PROVIDER_H
#define CERTTRACK_OIDC_PROVIDER_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../store/store_oidc.h"
#include "../store/store_settings.h"

#define OIDC_SECRET_VARIABLE "CERTTRACK_OIDC_CLIENT_SECRET"
#define OIDC_CACHE_SECONDS   (60 * 60)
#define OIDC_URL_SIZE        1024
#define OIDC_SECRET_SIZE     512

/* The redirect URI is the public-url setting and this path. */
#define OIDC_CALLBACK_PATH "/login/oidc/callback"

/* The settings of signing in through a provider (store_settings.h). */
struct oidc_settings {
    char issuer[STORE_SETTING_SIZE];
    char client_id[STORE_SETTING_SIZE];
    char secret_file[STORE_SETTING_SIZE];
    char label[STORE_SETTING_SIZE];
    bool create_people;
    char redirect_uri[STORE_SETTING_SIZE + sizeof OIDC_CALLBACK_PATH];
};

/* Reads the settings into *settings; *on tells whether an issuer and a client id are
 * both set, which turns the sign-in on. */
enum ct_status oidc_settings_load(struct store *store, struct oidc_settings *settings, bool *on,
                                  struct ct_err *err) CT_MUST_CHECK;

/* The client secret into out (size bytes): OIDC_SECRET_VARIABLE, else the first line
 * of the file settings name. "" when neither is there (a public client). CT_ERR_IO
 * naming the file when it cannot be read. */
enum ct_status oidc_client_secret(const struct oidc_settings *settings, char *out, size_t size,
                                  struct ct_err *err) CT_MUST_CHECK;

/* A provider as discovered. */
struct oidc_provider {
    char issuer[STORE_SETTING_SIZE];
    char authorization_endpoint[OIDC_URL_SIZE];
    char token_endpoint[OIDC_URL_SIZE];
    char jwks_uri[OIDC_URL_SIZE];
    bool secret_basic; /* client_secret_basic (else client_secret_post) */
    json_t *key_set;   /* owned: the provider's JWK Set */
    int64_t fetched_at;
};

/* Frees the provider's key set; the struct is then empty. */
void oidc_provider_release(struct oidc_provider *provider);

/* What the server keeps between requests: the last discovered provider. */
struct oidc_cache {
    pthread_mutex_t lock;
    struct oidc_provider provider; /* issuer "" when none yet */
};

void oidc_cache_init(struct oidc_cache *cache);
void oidc_cache_release(struct oidc_cache *cache);

/* The provider of issuer (borrowed) into *provider (the caller releases it): from cache
 * (NULL: no cache) when it was discovered there less than OIDC_CACHE_SECONDS before now
 * and refresh is false, else by GET {issuer}/.well-known/openid-configuration and its
 * jwks_uri, checked: the document's issuer must be issuer exactly, and it must name an
 * authorization endpoint, a token endpoint and a key set. CT_ERR_IO with the reason
 * (where "oidc-issuer") when the provider cannot be used. */
enum ct_status oidc_provider_discover(struct oidc_cache *cache, const char *issuer, int64_t now,
                                      bool refresh, struct oidc_provider *provider,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Appends to out the authorization endpoint's address for sign_in (borrowed):
 * response_type=code, scope "openid email profile", the client id, the redirect URI,
 * state, nonce and the PKCE S256 challenge of its code verifier. */
enum ct_status oidc_authorization_url(const struct oidc_provider *provider,
                                      const struct oidc_settings *settings,
                                      const struct oidc_sign_in *sign_in, struct buf *out,
                                      struct ct_err *err) CT_MUST_CHECK;

/* The PKCE S256 challenge of verifier: base64url(SHA-256(verifier)), 43 characters. */
void oidc_pkce_challenge(const char *verifier, char out[OIDC_RANDOM_SIZE]);

/* Exchanges code (borrowed) at the token endpoint, with the code verifier and the
 * client's secret (by Basic or in the form, as the provider says), for the ID token:
 * *id_token gets it (the caller frees). CT_ERR_IO with the provider's error when it
 * refuses. */
enum ct_status oidc_code_exchange(const struct oidc_provider *provider,
                                  const struct oidc_settings *settings, const char *secret,
                                  const char *code, const char *code_verifier, char **id_token,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
