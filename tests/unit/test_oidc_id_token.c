/* The checks of an OpenID Connect ID token, on tokens this test signs itself with
 * libjose: a good one, and each way one is refused (issuer, audience, expiry, issue
 * time, nonce, alg none, HS256, an unknown kid, a bad signature); the e-mail and its
 * verification as the token says; the PKCE challenge and the authorization address. */
#include "helpers.h"

#include <jose/jose.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certificates/jws_compact.h"
#include "certificates/signing_key.h"
#include "oidc/oidc_id_token.h"
#include "oidc/oidc_provider.h"
#include "core/banned.h"

#define ISSUER    "https://login.example.gov/oauth2/default"
#define CLIENT_ID "certtrack-client"
#define NONCE     "n-0S6_WzA2Mj"
#define NOW       ((int64_t)1780000000)
#define KID       "key-1"

struct fixture {
    char directory[256];
    json_t *key;       /* the provider's private key */
    json_t *other_key; /* a key that is not the provider's */
    json_t *key_set;   /* the provider's public key set, kid KID */
};

static json_t *make_key(const char *directory, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.jwk", directory, name);
    json_t *key = NULL;
    struct ct_err err = {0};
    test_ok(signing_key_load_or_create(path, &key, NULL, &err), &err);
    return key;
}

static int setup(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    assert_non_null(fixture);
    test_scratch_directory(fixture->directory, sizeof fixture->directory, "oidc-id-token");
    fixture->key = make_key(fixture->directory, "provider");
    fixture->other_key = make_key(fixture->directory, "other");
    fixture->key_set = signing_key_public_set(fixture->key, KID);
    assert_non_null(fixture->key_set);
    *state = fixture;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fixture = *state;
    json_decref(fixture->key);
    json_decref(fixture->other_key);
    json_decref(fixture->key_set);
    assert_int_equal(test_remove_directory(fixture->directory), 0);
    free(fixture);
    return 0;
}

/* The claims of a good token; a test changes one of them. */
static json_t *good_claims(void)
{
    json_t *claims = json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:s, s:b, s:s}", "iss", ISSUER,
                               "sub", "00u1ab2cd3", "aud", CLIENT_ID, "exp", (json_int_t)NOW + 300,
                               "iat", (json_int_t)NOW - 5, "nonce", NONCE, "email",
                               "Staff@Example.org", "email_verified", 1, "name", "Sam Staff");
    assert_non_null(claims);
    return claims;
}

/* claims (taken) signed by key under kid, RS256. The caller frees the token. */
static char *signed_token(const json_t *key, const char *kid, json_t *claims)
{
    char *token = NULL;
    struct ct_err err = {0};
    test_ok(jws_compact_sign(key, kid, "JWT", claims, &token, &err), &err);
    json_decref(claims);
    return token;
}

/* The base64url of text, into a new string. */
static char *base64url(const char *text)
{
    size_t length = jose_b64_enc_buf(text, strlen(text), NULL, 0);
    char *out = calloc(1, length + 1);
    assert_non_null(out);
    jose_b64_enc_buf(text, strlen(text), out, length);
    return out;
}

/* A token under header (JSON text) with claims (taken) and a made-up signature: what an
 * attacker writes when they choose the algorithm. */
static char *forged_token(const char *header, json_t *claims)
{
    char *payload_text = json_dumps(claims, JSON_COMPACT);
    json_decref(claims);
    char *header_part = base64url(header);
    char *payload_part = base64url(payload_text);
    size_t size = strlen(header_part) + strlen(payload_part) + 64;
    char *token = calloc(1, size);
    assert_non_null(token);
    snprintf(token, size, "%s.%s.c2lnbmF0dXJl", header_part, payload_part);
    free(payload_text);
    free(header_part);
    free(payload_part);
    return token;
}

static enum oidc_token_check check(struct fixture *fixture, char *token,
                                   struct oidc_identity *identity, struct ct_err *err)
{
    const struct oidc_expect expect = {ISSUER, CLIENT_ID, NONCE, NOW};
    enum oidc_token_check found = OIDC_TOKEN_GOOD;
    assert_int_equal(oidc_id_token_check(token, fixture->key_set, &expect, &found, identity, err),
                     CT_OK);
    free(token);
    return found;
}

/* Asserts that claims (taken), signed by the provider, are refused saying words. */
static void assert_claims_refused(struct fixture *fixture, json_t *claims, const char *words)
{
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_REFUSED);
    assert_string_equal(err.where, "id_token");
    if (strstr(err.message, words) == NULL) {
        fail_msg("refused as \"%s\", not for \"%s\"", err.message, words);
    }
    assert_string_equal(identity.email, "");
}

static void test_a_good_token_names_its_person(void **state)
{
    struct fixture *fixture = *state;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(
        check(fixture, signed_token(fixture->key, KID, good_claims()), &identity, &err),
        OIDC_TOKEN_GOOD);
    assert_string_equal(identity.subject, "00u1ab2cd3");
    assert_string_equal(identity.email, "Staff@Example.org");
    assert_true(identity.email_verified);
    assert_string_equal(identity.name, "Sam Staff");
}

static void test_another_issuer_is_refused(void **state)
{
    json_t *claims = good_claims();
    json_object_set_new(claims, "iss", json_string("https://login.example.gov/oauth2/other"));
    assert_claims_refused(*state, claims, "issuer");
}

static void test_another_audience_is_refused(void **state)
{
    json_t *claims = good_claims();
    json_object_set_new(claims, "aud", json_string("another-client"));
    assert_claims_refused(*state, claims, "audience");
}

static void test_several_audiences_need_azp_to_be_certtrack(void **state)
{
    struct fixture *fixture = *state;
    json_t *claims = good_claims();
    json_object_set_new(claims, "aud", json_pack("[s, s]", "another-client", CLIENT_ID));
    assert_claims_refused(fixture, json_deep_copy(claims), "audience");
    json_object_set_new(claims, "azp", json_string(CLIENT_ID));
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_GOOD);
    /* One audience: azp need not be there, but when it is, it is certtrack. */
    claims = good_claims();
    json_object_set_new(claims, "azp", json_string("another-client"));
    assert_claims_refused(fixture, claims, "audience");
}

static void test_an_expired_token_is_refused_past_the_skew(void **state)
{
    struct fixture *fixture = *state;
    json_t *claims = good_claims();
    json_object_set_new(claims, "exp", json_integer(NOW - OIDC_CLOCK_SKEW));
    assert_claims_refused(fixture, claims, "expired");
    /* Within the skew, a provider's slightly fast clock is forgiven. */
    claims = good_claims();
    json_object_set_new(claims, "exp", json_integer(NOW - OIDC_CLOCK_SKEW + 1));
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_GOOD);
}

static void test_a_token_issued_in_the_future_is_refused(void **state)
{
    json_t *claims = good_claims();
    json_object_set_new(claims, "iat", json_integer(NOW + OIDC_CLOCK_SKEW + 1));
    assert_claims_refused(*state, claims, "issue time");
}

static void test_another_nonce_is_refused(void **state)
{
    json_t *claims = good_claims();
    json_object_set_new(claims, "nonce", json_string("a-nonce-of-another-sign-in"));
    assert_claims_refused(*state, claims, "nonce");
    claims = good_claims();
    json_object_del(claims, "nonce");
    assert_claims_refused(*state, claims, "nonce");
}

static void test_alg_none_is_refused(void **state)
{
    struct oidc_identity identity;
    struct ct_err err = {0};
    char *token = forged_token("{\"alg\":\"none\",\"kid\":\"" KID "\"}", good_claims());
    assert_int_equal(check(*state, token, &identity, &err), OIDC_TOKEN_REFUSED);
    assert_non_null(strstr(err.message, "only RS256"));
    assert_string_equal(identity.email, "");
}

/* The good claims as a real HS256 token, keyed with the provider's public modulus:
 * the classic confusion, since anyone can fetch the public key. */
static char *hs256_token(struct fixture *fixture)
{
    const json_t *public_key = json_array_get(json_object_get(fixture->key_set, "keys"), 0);
    json_t *hmac_key = json_pack("{s:s, s:O}", "kty", "oct", "k", json_object_get(public_key, "n"));
    json_t *claims = good_claims();
    char *payload_text = json_dumps(claims, JSON_COMPACT);
    json_decref(claims);
    json_t *jws = json_pack("{s:o}", "payload", jose_b64_enc(payload_text, strlen(payload_text)));
    json_t *template = json_pack("{s:{s:s, s:s}}", "protected", "alg", "HS256", "kid", KID);
    assert_true(jose_jws_sig(NULL, jws, template, hmac_key));
    size_t size = strlen(payload_text) * 2 + 1024;
    char *token = calloc(1, size);
    assert_non_null(token);
    snprintf(token, size, "%s.%s.%s", json_string_value(json_object_get(jws, "protected")),
             json_string_value(json_object_get(jws, "payload")),
             json_string_value(json_object_get(jws, "signature")));
    free(payload_text);
    json_decref(hmac_key);
    json_decref(template);
    json_decref(jws);
    return token;
}

static void test_hs256_is_refused_even_keyed_with_the_public_key(void **state)
{
    struct fixture *fixture = *state;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, hs256_token(fixture), &identity, &err), OIDC_TOKEN_REFUSED);
    assert_non_null(strstr(err.message, "only RS256"));
    assert_string_equal(identity.email, "");
}

static void test_an_unknown_kid_asks_for_the_keys_again(void **state)
{
    struct fixture *fixture = *state;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(
        check(fixture, signed_token(fixture->key, "key-2", good_claims()), &identity, &err),
        OIDC_TOKEN_UNKNOWN_KEY);
    assert_string_equal(err.where, "id_token");
    assert_string_equal(identity.email, "");
}

static void test_a_signature_by_another_key_is_refused(void **state)
{
    struct fixture *fixture = *state;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(
        check(fixture, signed_token(fixture->other_key, KID, good_claims()), &identity, &err),
        OIDC_TOKEN_REFUSED);
    assert_non_null(strstr(err.message, "signature"));
    assert_string_equal(identity.email, "");
}

static void test_a_changed_payload_is_refused(void **state)
{
    struct fixture *fixture = *state;
    char *token = signed_token(fixture->key, KID, good_claims());
    json_t *claims = good_claims();
    json_object_set_new(claims, "email", json_string("coordinator@example.org"));
    char *payload_text = json_dumps(claims, JSON_COMPACT);
    json_decref(claims);
    char *payload = base64url(payload_text);
    free(payload_text);
    /* header.PAYLOAD.signature, the payload swapped for another. */
    char *first = strchr(token, '.');
    char *second = strchr(first + 1, '.');
    size_t size = strlen(token) + strlen(payload) + 1;
    char *changed = calloc(1, size);
    assert_non_null(changed);
    snprintf(changed, size, "%.*s.%s%s", (int)(first - token), token, payload, second);
    free(token);
    free(payload);
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, changed, &identity, &err), OIDC_TOKEN_REFUSED);
    assert_string_equal(identity.email, "");
}

static void test_email_verified_false_is_told(void **state)
{
    struct fixture *fixture = *state;
    json_t *claims = good_claims();
    json_object_set_new(claims, "email_verified", json_false());
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_GOOD);
    assert_false(identity.email_verified);
    /* Absent is not verified either; the text "true" (some providers) is. */
    claims = good_claims();
    json_object_del(claims, "email_verified");
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_GOOD);
    assert_false(identity.email_verified);
    claims = good_claims();
    json_object_set_new(claims, "email_verified", json_string("true"));
    assert_int_equal(check(fixture, signed_token(fixture->key, KID, claims), &identity, &err),
                     OIDC_TOKEN_GOOD);
    assert_true(identity.email_verified);
}

static void test_no_token_or_no_subject_is_refused(void **state)
{
    struct fixture *fixture = *state;
    const struct oidc_expect expect = {ISSUER, CLIENT_ID, NONCE, NOW};
    enum oidc_token_check found = OIDC_TOKEN_GOOD;
    struct oidc_identity identity;
    struct ct_err err = {0};
    assert_int_equal(oidc_id_token_check(NULL, fixture->key_set, &expect, &found, &identity, &err),
                     CT_OK);
    assert_int_equal(found, OIDC_TOKEN_REFUSED);
    json_t *claims = good_claims();
    json_object_del(claims, "sub");
    assert_claims_refused(fixture, claims, "subject");
    assert_int_equal(check(fixture, strdup("not.a-token"), &identity, &err), OIDC_TOKEN_REFUSED);
}

static void test_the_pkce_challenge_is_rfc_7636s(void **state)
{
    (void)state;
    /* RFC 7636, appendix B. */
    char challenge[OIDC_RANDOM_SIZE];
    oidc_pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", challenge);
    assert_string_equal(challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void test_the_authorization_address_carries_the_sign_in(void **state)
{
    (void)state;
    struct oidc_provider provider = {.authorization_endpoint = ISSUER "/v1/authorize"};
    struct oidc_settings settings = {.client_id = CLIENT_ID,
                                     .redirect_uri = "https://ce.example.gov/login/oidc/callback"};
    struct oidc_sign_in sign_in = {.state = "st",
                                   .nonce = NONCE,
                                   .code_verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"};
    struct buf out;
    buf_init(&out, 4096);
    struct ct_err err = {0};
    test_ok(oidc_authorization_url(&provider, &settings, &sign_in, &out, &err), &err);
    assert_string_equal(buf_str(&out), ISSUER
                        "/v1/authorize?response_type=code&scope=openid%20email%20profile"
                        "&client_id=certtrack-client"
                        "&redirect_uri=https%3A%2F%2Fce.example.gov%2Flogin%2Foidc%2Fcallback"
                        "&state=st&nonce=" NONCE
                        "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                        "&code_challenge_method=S256");
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_good_token_names_its_person),
        cmocka_unit_test(test_another_issuer_is_refused),
        cmocka_unit_test(test_another_audience_is_refused),
        cmocka_unit_test(test_several_audiences_need_azp_to_be_certtrack),
        cmocka_unit_test(test_an_expired_token_is_refused_past_the_skew),
        cmocka_unit_test(test_a_token_issued_in_the_future_is_refused),
        cmocka_unit_test(test_another_nonce_is_refused),
        cmocka_unit_test(test_alg_none_is_refused),
        cmocka_unit_test(test_hs256_is_refused_even_keyed_with_the_public_key),
        cmocka_unit_test(test_an_unknown_kid_asks_for_the_keys_again),
        cmocka_unit_test(test_a_signature_by_another_key_is_refused),
        cmocka_unit_test(test_a_changed_payload_is_refused),
        cmocka_unit_test(test_email_verified_false_is_told),
        cmocka_unit_test(test_no_token_or_no_subject_is_refused),
        cmocka_unit_test(test_the_pkce_challenge_is_rfc_7636s),
        cmocka_unit_test(test_the_authorization_address_carries_the_sign_in),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
