#include "oidc_id_token.h"

#include <stdio.h>
#include <string.h>

#include "../certificates/jws_compact.h"
#include "../core/banned.h"

/* Refuses with the reason: *check REFUSED and err set. */
static enum oidc_token_check refuse(struct ct_err *err, const char *reason, const char *detail)
{
    ct_err_set(err, CT_ERR_INPUT, "id_token", "%s%s", reason, detail != NULL ? detail : "");
    return OIDC_TOKEN_REFUSED;
}

/* Whether the audience claim names client_id, and azp is client_id when the audience
 * is several or azp is there at all (Core 1.0 3.1.3.7). */
static bool audience_good(const json_t *claims, const char *client_id)
{
    const json_t *audience = json_object_get(claims, "aud");
    const json_t *authorized = json_object_get(claims, "azp");
    bool named = json_is_string(audience) && strcmp(json_string_value(audience), client_id) == 0;
    size_t count = json_is_string(audience) ? 1 : json_array_size(audience);
    size_t index;
    const json_t *one;
    json_array_foreach(audience, index, one)
    {
        named = named || (json_is_string(one) && strcmp(json_string_value(one), client_id) == 0);
    }
    if (authorized == NULL) {
        return named && count == 1;
    }
    return named && json_is_string(authorized) &&
           strcmp(json_string_value(authorized), client_id) == 0;
}

/* The checks of the signed claims, in the order Core 1.0 3.1.3.7 gives them. */
static enum oidc_token_check claims_check(const json_t *claims, const struct oidc_expect *expect,
                                          struct ct_err *err)
{
    const char *issuer = json_string_value(json_object_get(claims, "iss"));
    const json_t *expires = json_object_get(claims, "exp");
    const json_t *issued = json_object_get(claims, "iat");
    const char *nonce = json_string_value(json_object_get(claims, "nonce"));
    const char *subject = json_string_value(json_object_get(claims, "sub"));
    if (issuer == NULL || strcmp(issuer, expect->issuer) != 0) {
        return refuse(err, "the token's issuer is not the provider certtrack trusts: ", issuer);
    }
    if (!audience_good(claims, expect->client_id)) {
        return refuse(err, "the token was not issued to certtrack (its audience is another)", NULL);
    }
    if (!json_is_integer(expires) || json_integer_value(expires) + OIDC_CLOCK_SKEW <= expect->now) {
        return refuse(err, "the token has expired", NULL);
    }
    if (!json_is_integer(issued) || json_integer_value(issued) - OIDC_CLOCK_SKEW > expect->now) {
        return refuse(err, "the token's issue time is missing or in the future", NULL);
    }
    if (nonce == NULL || strcmp(nonce, expect->nonce) != 0) {
        return refuse(err, "the token's nonce is not the one of this sign-in", NULL);
    }
    if (subject == NULL || subject[0] == '\0' || strlen(subject) >= 256) {
        return refuse(err, "the token names no subject", NULL);
    }
    return OIDC_TOKEN_GOOD;
}

static void identity_read(const json_t *claims, struct oidc_identity *identity)
{
    const json_t *verified = json_object_get(claims, "email_verified");
    const char *email = json_string_value(json_object_get(claims, "email"));
    const char *name = json_string_value(json_object_get(claims, "name"));
    snprintf(identity->subject, sizeof identity->subject, "%s",
             json_string_value(json_object_get(claims, "sub")));
    /* An address too long to keep is no address: never a cut one that names another. */
    snprintf(identity->email, sizeof identity->email, "%s",
             email != NULL && strlen(email) < sizeof identity->email ? email : "");
    snprintf(identity->name, sizeof identity->name, "%s", name != NULL ? name : "");
    identity->email_verified =
        json_is_true(verified) ||
        (json_is_string(verified) && strcmp(json_string_value(verified), "true") == 0);
}

enum ct_status oidc_id_token_check(const char *id_token, const json_t *key_set,
                                   const struct oidc_expect *expect, enum oidc_token_check *check,
                                   struct oidc_identity *identity, struct ct_err *err)
{
    memset(identity, 0, sizeof *identity);
    *check = OIDC_TOKEN_REFUSED;
    if (id_token == NULL) {
        *check = refuse(err, "the provider sent no ID token", NULL);
        return CT_OK;
    }
    enum jws_check signature = JWS_CHECK_MALFORMED;
    json_t *claims = NULL;
    enum ct_status status = jws_compact_check(id_token, key_set, &signature, &claims, err);
    if (status != CT_OK) {
        return status;
    }
    if (signature == JWS_CHECK_SIGNED) {
        *check = claims_check(claims, expect, err);
    } else {
        *check = signature == JWS_CHECK_UNKNOWN_KEY ? OIDC_TOKEN_UNKNOWN_KEY : OIDC_TOKEN_REFUSED;
        snprintf(err->where, sizeof err->where, "id_token");
    }
    if (*check == OIDC_TOKEN_GOOD) {
        identity_read(claims, identity);
    }
    json_decref(claims);
    return CT_OK;
}
