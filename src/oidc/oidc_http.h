/*
 * oidc_http: the HTTP calls a relying party makes to its provider (discovery, the key
 * set, the token endpoint), through libcurl: never a hand-written client. Answers are
 * limited to OIDC_HTTP_LIMIT bytes and every call to OIDC_HTTP_TIMEOUT seconds; only
 * http and https are spoken, redirects are not followed, TLS certificates are checked.
 */
#ifndef CERTTRACK_OIDC_HTTP_H
#define CERTTRACK_OIDC_HTTP_H

#include <jansson.h>

#include "../core/err.h"

#define OIDC_HTTP_LIMIT   (256 * 1024)
#define OIDC_HTTP_TIMEOUT 10

/* A POST's client authentication by HTTP Basic (client_secret_basic): user and
 * password, borrowed; both NULL for none. */
struct oidc_http_basic {
    const char *user;
    const char *password;
};

/* GETs url (borrowed) and reads the answer as a JSON object into *answer (the caller
 * json_decrefs). *http_status gets the HTTP status. CT_ERR_IO, naming where (borrowed,
 * e.g. "discovery"), when the provider cannot be reached, answers other than 200, or
 * with something that is not a JSON object. */
enum ct_status oidc_http_get_json(const char *where, const char *url, json_t **answer,
                                  long *http_status, struct ct_err *err) CT_MUST_CHECK;

/* POSTs form (borrowed, application/x-www-form-urlencoded) to url with basic (NULL or
 * {NULL, NULL}: no Authorization) and reads the answer as a JSON object into *answer
 * (the caller json_decrefs), whatever the status, which goes to *http_status: a token
 * endpoint's refusal is a JSON object too. CT_ERR_IO when it cannot be reached or the
 * answer is not JSON. */
enum ct_status oidc_http_post_form(const char *where, const char *url, const char *form,
                                   const struct oidc_http_basic *basic, json_t **answer,
                                   long *http_status, struct ct_err *err) CT_MUST_CHECK;

/* The form-urlencoding of text (borrowed) into the new string *out (caller frees). */
enum ct_status oidc_http_escape(const char *text, char **out, struct ct_err *err) CT_MUST_CHECK;

#endif
