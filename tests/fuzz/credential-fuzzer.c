/*
 * credential-fuzzer: libFuzzer target for what an offline verifier reads: a compact
 * VC-JWT (certtrack verify FILE), a status list's encodedList, and any JSON payload
 * certtrack might sign.
 *
 * Each input is:
 *   - checked as a credential against a key set (made once per run): the verdict is one
 *     of the known ones, and anything but valid says why; no input without a signature
 *     by the run's key is ever valid;
 *   - read as an encodedList at an index taken from its first bytes: a bit or a refusal
 *     that says why, nothing else;
 *   - when it is a JSON object, signed with the run's key: the token checks as signed
 *     with the same payload, and with any one character of its payload part changed it
 *     either no longer checks as signed or still decodes to the same payload; checked as
 *     a credential it is never tampered, and is malformed unless its "sub" claim is its
 *     credentialSubject.id (as Open Badges 3.0 requires).
 *
 *   build-test/tests/fuzz/credential-fuzzer -dict=tests/fuzz/credential.dict DIR
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "certificates/credential_check.h"
#include "certificates/jws_compact.h"
#include "certificates/status_list.h"
#include <jose/jose.h>
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static json_t *run_key;
static json_t *run_key_set;

static void make_key(void)
{
    if (run_key != NULL) {
        return;
    }
    run_key = json_pack("{s:s}", "alg", "RS256");
    assert(run_key != NULL && jose_jwk_gen(NULL, run_key));
    json_t *thumbprint = jose_jwk_thp(NULL, run_key, "S256");
    assert(thumbprint != NULL && json_object_set_new(run_key, "kid", thumbprint) == 0);
    json_t *public_key = json_deep_copy(run_key);
    assert(public_key != NULL && jose_jwk_pub(NULL, public_key));
    run_key_set = json_pack("{s:[o]}", "keys", public_key);
    assert(run_key_set != NULL);
}

static void check_as_credential(const char *text)
{
    struct credential_check_result result;
    struct ct_err err = {0};
    enum ct_status status =
        credential_check(text, run_key_set, NULL, civil_date_from_ymd(2027, 1, 1), &result, &err);
    assert(status == CT_OK);
    assert(result.verdict >= CREDENTIAL_VALID && result.verdict <= CREDENTIAL_MALFORMED);
    assert(result.verdict == CREDENTIAL_VALID || result.reason[0] != '\0');
    /* Nothing the fuzzer writes is signed by a key made in this process. */
    assert(result.verdict != CREDENTIAL_VALID && result.verdict != CREDENTIAL_EXPIRED &&
           result.verdict != CREDENTIAL_NOT_YET_VALID);
}

static void check_as_status_list(const char *text, const uint8_t *data, size_t size)
{
    int64_t index = size >= 2 ? (int64_t)(data[0] | (data[1] << 8)) * 3 : 0;
    bool set = false;
    struct ct_err err = {0};
    enum ct_status status = status_list_bit(text, index, &set, &err);
    assert(status == CT_OK || (status == CT_ERR_INPUT && err.message[0] != '\0'));
}

/* A token signed by the run's key, checked as a credential. */
static void check_signed_credential(const char *jwt, const json_t *object)
{
    struct credential_check_result result;
    struct ct_err err = {0};
    enum ct_status status =
        credential_check(jwt, run_key_set, NULL, civil_date_from_ymd(2027, 1, 1), &result, &err);
    assert(status == CT_OK);
    assert(result.verdict != CREDENTIAL_TAMPERED && result.verdict != CREDENTIAL_REVOKED);
    const char *sub = json_string_value(json_object_get(object, "sub"));
    const char *subject_id =
        json_string_value(json_object_get(json_object_get(object, "credentialSubject"), "id"));
    bool sub_agrees = sub != NULL && subject_id != NULL && strcmp(sub, subject_id) == 0;
    assert(sub_agrees || result.verdict == CREDENTIAL_MALFORMED);
}

static void check_signing_round_trip(const json_t *object)
{
    char *jwt = NULL;
    struct ct_err err = {0};
    if (jws_compact_sign(run_key, NULL, "JWT", object, &jwt, &err) != CT_OK) {
        assert(err.status == CT_ERR_TOO_LARGE || err.status == CT_ERR_NOMEM);
        return;
    }
    enum jws_check check = JWS_CHECK_MALFORMED;
    json_t *payload = NULL;
    assert(jws_compact_check(jwt, run_key_set, &check, &payload, &err) == CT_OK);
    assert(check == JWS_CHECK_SIGNED);
    assert(json_equal(payload, object));
    json_decref(payload);
    check_signed_credential(jwt, object);
    char *payload_part = strchr(jwt, '.') + 1;
    size_t payload_length = (size_t)(strchr(payload_part, '.') - payload_part);
    for (size_t i = 0; i < payload_length; i += 1 + payload_length / 8) {
        char kept = payload_part[i];
        payload_part[i] = kept == 'A' ? 'B' : 'A';
        payload = NULL;
        assert(jws_compact_check(jwt, run_key_set, &check, &payload, &err) == CT_OK);
        assert(check != JWS_CHECK_SIGNED || json_equal(payload, object));
        json_decref(payload);
        payload_part[i] = kept;
    }
    free(jwt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    make_key();
    char *text = malloc(size + 1);
    assert(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    check_as_credential(text);
    check_as_status_list(text, data, size);
    json_error_t error;
    json_t *object = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &error);
    if (json_is_object(object)) {
        check_signing_round_trip(object);
    }
    json_decref(object);
    free(text);
    return 0;
}
