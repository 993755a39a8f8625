/*
 * oidc_id_token: the checks of an OpenID Connect ID token (OpenID Connect Core 1.0,
 * 3.1.3.7) before certtrack believes who it names: RS256 only (none, HS256 and every
 * other algorithm are refused whatever the header says), the signature against the
 * provider's key set (the key chosen by the header's kid), then the issuer, the
 * audience (it holds the client id; with several audiences azp is the client id), the
 * expiry and issue time (with OIDC_CLOCK_SKEW seconds of leeway) and the nonce of the
 * sign-in. No I/O: the key set is given.
 */
#ifndef CERTTRACK_OIDC_ID_TOKEN_H
#define CERTTRACK_OIDC_ID_TOKEN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/err.h"

/* The seconds a provider's clock may differ from ours. */
#define OIDC_CLOCK_SKEW 120

/* What the ID token must say. All borrowed. */
struct oidc_expect {
    const char *issuer;    /* the oidc-issuer setting, exactly */
    const char *client_id; /* the oidc-client-id setting */
    const char *nonce;     /* the nonce the sign-in was begun with */
    int64_t now;           /* Unix seconds */
};

/* Who a good ID token names. */
struct oidc_identity {
    char subject[256];   /* "sub" */
    char email[320];     /* "email", or "" */
    bool email_verified; /* "email_verified" is true (or "true") */
    char name[128];      /* "name", or "" */
};

/* What the check found. */
enum oidc_token_check {
    OIDC_TOKEN_GOOD,
    OIDC_TOKEN_UNKNOWN_KEY, /* no key of the set has the kid: the set may have rotated */
    OIDC_TOKEN_REFUSED,     /* anything else: err->message says what */
};

/* Checks id_token (borrowed) against key_set (a JWK Set, borrowed) and expect. *check
 * says what was found, err the reason (where "id_token") unless GOOD, and *identity
 * is filled when GOOD. Returns CT_OK unless memory ran out. */
enum ct_status oidc_id_token_check(const char *id_token, const json_t *key_set,
                                   const struct oidc_expect *expect, enum oidc_token_check *check,
                                   struct oidc_identity *identity,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
