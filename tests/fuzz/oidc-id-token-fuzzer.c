/*
 * oidc-id-token-fuzzer: libFuzzer target for the ID token an OpenID Connect provider
 * sends back (oidc/oidc_id_token.h).
 *
 * Each input is:
 *   - checked as an ID token against a key set made once per run: it is never good
 *     (nothing the fuzzer writes is signed by the run's key), and the reason is said;
 *   - when it is a JSON object, signed with the run's key (RS256) and checked: it is
 *     good exactly when its claims say the expected issuer, audience (azp with several),
 *     nonce, a live expiry and a past issue time and a subject; and then the identity
 *     is the claims' own.
 *
 *   build-test/tests/fuzz/oidc-id-token-fuzzer -dict=tests/fuzz/oidc-id-token.dict DIR
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "certificates/jws_compact.h"
#include "oidc/oidc_id_token.h"
#include <jose/jose.h>
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ISSUER    "https://idp.example.gov"
#define CLIENT_ID "certtrack"
#define NONCE     "n0nce"
#define NOW       ((json_int_t)1780000000)

static json_t *run_key;
static json_t *run_key_set;

static void make_key(void)
{
    if (run_key != NULL) {
        return;
    }
    run_key = json_pack("{s:s, s:s}", "alg", "RS256", "kid", "k1");
    assert(run_key != NULL && jose_jwk_gen(NULL, run_key));
    json_t *public_key = json_deep_copy(run_key);
    assert(public_key != NULL && jose_jwk_pub(NULL, public_key));
    run_key_set = json_pack("{s:[o]}", "keys", public_key);
    assert(run_key_set != NULL);
}

static const struct oidc_expect expect = {ISSUER, CLIENT_ID, NONCE, NOW};

static bool text_is(const json_t *claims, const char *name, const char *value)
{
    const char *text = json_string_value(json_object_get(claims, name));
    return text != NULL && strcmp(text, value) == 0;
}

/* What the checks should decide for claims, worked out independently. */
static bool claims_acceptable(const json_t *claims)
{
    const json_t *audience = json_object_get(claims, "aud");
    bool audience_good = text_is(claims, "aud", CLIENT_ID);
    if (json_is_array(audience) && json_array_size(audience) > 0) {
        size_t index;
        const json_t *one;
        bool named = false;
        json_array_foreach(audience, index, one)
        {
            named =
                named || (json_is_string(one) && strcmp(json_string_value(one), CLIENT_ID) == 0);
        }
        bool azp_given = json_object_get(claims, "azp") != NULL;
        audience_good =
            named &&
            (json_array_size(audience) > 1 || azp_given ? text_is(claims, "azp", CLIENT_ID) : true);
    } else if (audience_good && json_object_get(claims, "azp") != NULL) {
        audience_good = text_is(claims, "azp", CLIENT_ID);
    }
    const json_t *expires = json_object_get(claims, "exp");
    const json_t *issued = json_object_get(claims, "iat");
    const char *subject = json_string_value(json_object_get(claims, "sub"));
    return text_is(claims, "iss", ISSUER) && audience_good && json_is_integer(expires) &&
           json_integer_value(expires) + OIDC_CLOCK_SKEW > NOW && json_is_integer(issued) &&
           json_integer_value(issued) - OIDC_CLOCK_SKEW <= NOW && text_is(claims, "nonce", NONCE) &&
           subject != NULL && subject[0] != '\0' && strlen(subject) < 256;
}

static void check_signed(const json_t *claims)
{
    char *token = NULL;
    struct ct_err err = {0};
    if (jws_compact_sign(run_key, "k1", "JWT", claims, &token, &err) != CT_OK) {
        return; /* too large to sign, or out of memory */
    }
    enum oidc_token_check check = OIDC_TOKEN_REFUSED;
    struct oidc_identity identity;
    assert(oidc_id_token_check(token, run_key_set, &expect, &check, &identity, &err) == CT_OK);
    assert(check != OIDC_TOKEN_UNKNOWN_KEY);
    assert((check == OIDC_TOKEN_GOOD) == claims_acceptable(claims));
    if (check == OIDC_TOKEN_GOOD) {
        assert(text_is(claims, "sub", identity.subject));
        assert(identity.email[0] == '\0' || text_is(claims, "email", identity.email));
    } else {
        assert(err.message[0] != '\0' && strcmp(err.where, "id_token") == 0);
        assert(identity.email[0] == '\0');
    }
    free(token);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    make_key();
    char *text = malloc(size + 1);
    assert(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    enum oidc_token_check check = OIDC_TOKEN_GOOD;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert(oidc_id_token_check(text, run_key_set, &expect, &check, &identity, &err) == CT_OK);
    assert(check != OIDC_TOKEN_GOOD && err.message[0] != '\0');
    json_t *claims = json_loadb((const char *)data, size, 0, NULL);
    if (json_is_object(claims)) {
        check_signed(claims);
    }
    json_decref(claims);
    free(text);
    return 0;
}
