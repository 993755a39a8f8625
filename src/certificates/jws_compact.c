#include "jws_compact.h"

#include <jose/jose.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

enum ct_status jws_compact_sign(const json_t *key, const char *key_id, const char *typ,
                                const json_t *payload, char **compact, struct ct_err *err)
{
    *compact = NULL;
    if (json_string_value(json_object_get(key, "kid")) == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "signing key", "the key has no kid");
    }
    if (key_id == NULL) {
        key_id = json_string_value(json_object_get(key, "kid"));
    }
    char *payload_text = json_dumps(payload, JSON_COMPACT);
    if (payload_text == NULL) {
        return ct_err_nomem(err);
    }
    json_t *jws = json_pack("{s:o}", "payload", jose_b64_enc(payload_text, strlen(payload_text)));
    free(payload_text);
    json_t *template =
        json_pack("{s:{s:s, s:s, s:s}}", "protected", "alg", "RS256", "kid", key_id, "typ", typ);
    enum ct_status status = CT_OK;
    if (jws == NULL || template == NULL) {
        status = ct_err_nomem(err);
    } else if (!jose_jws_sig(NULL, jws, template, key)) {
        status = ct_err_set(err, CT_ERR_INPUT, "signing key", "signing failed");
    }
    struct buf out;
    buf_init(&out, JWS_COMPACT_LIMIT);
    if (status == CT_OK) {
        status = buf_printf(&out, "%s.%s.%s", json_string_value(json_object_get(jws, "protected")),
                            json_string_value(json_object_get(jws, "payload")),
                            json_string_value(json_object_get(jws, "signature")));
        if (status != CT_OK) {
            status = ct_err_set(err, status, "credential", "the signed credential is too large");
        }
    }
    json_decref(template);
    json_decref(jws);
    if (status == CT_OK) {
        *compact = buf_take(&out);
        if (*compact == NULL) {
            status = ct_err_nomem(err);
        }
    }
    buf_release(&out);
    return status;
}

/* Whether text[0..length) is non-empty base64url without padding. */
static bool is_base64url(const char *text, size_t length)
{
    if (length == 0) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* The JSON object that the base64url part encodes, or NULL. */
static json_t *decode_object(json_t *part)
{
    json_t *decoded = jose_b64_dec_load(part);
    if (decoded != NULL && !json_is_object(decoded)) {
        json_decref(decoded);
        decoded = NULL;
    }
    return decoded;
}

/* The key of key_set with key_id, or NULL. */
static const json_t *find_key(const json_t *key_set, const char *key_id)
{
    const json_t *keys = json_object_get(key_set, "keys");
    size_t index;
    const json_t *candidate;
    json_array_foreach(keys, index, candidate)
    {
        const char *candidate_id = json_string_value(json_object_get(candidate, "kid"));
        const char *type = json_string_value(json_object_get(candidate, "kty"));
        if (candidate_id != NULL && key_id != NULL && strcmp(candidate_id, key_id) == 0 &&
            type != NULL && strcmp(type, "RSA") == 0) {
            return candidate;
        }
    }
    return NULL;
}

/* Splits the trimmed token into the flattened JSON form libjose reads. */
static json_t *flatten(const char *compact, struct ct_err *err)
{
    while (*compact == ' ' || *compact == '\n' || *compact == '\r' || *compact == '\t') {
        compact++;
    }
    size_t length = strlen(compact);
    while (length > 0 && (compact[length - 1] == ' ' || compact[length - 1] == '\n' ||
                          compact[length - 1] == '\r' || compact[length - 1] == '\t')) {
        length--;
    }
    const char *first_dot = memchr(compact, '.', length);
    const char *second_dot =
        first_dot != NULL ? memchr(first_dot + 1, '.', length - (size_t)(first_dot + 1 - compact))
                          : NULL;
    if (length > JWS_COMPACT_LIMIT || second_dot == NULL) {
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   length > JWS_COMPACT_LIMIT ? "the token is too long"
                                              : "not a compact JWS: it needs three parts"
                                                " joined by dots");
        return NULL;
    }
    size_t header_length = (size_t)(first_dot - compact);
    size_t payload_length = (size_t)(second_dot - first_dot - 1);
    size_t signature_length = length - (size_t)(second_dot + 1 - compact);
    if (!is_base64url(compact, header_length) || !is_base64url(first_dot + 1, payload_length) ||
        !is_base64url(second_dot + 1, signature_length)) {
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   "not a compact JWS: a part is empty or not base64url");
        return NULL;
    }
    json_t *flat =
        json_pack("{s:s%, s:s%, s:s%}", "protected", compact, header_length, "payload",
                  first_dot + 1, payload_length, "signature", second_dot + 1, signature_length);
    if (flat == NULL) {
        ct_err_nomem(err);
    }
    return flat;
}

enum ct_status jws_compact_check(const char *compact, const json_t *key_set, enum jws_check *check,
                                 json_t **payload, struct ct_err *err)
{
    *check = JWS_CHECK_MALFORMED;
    *payload = NULL;
    json_t *flat = flatten(compact, err);
    if (flat == NULL) {
        return err->status == CT_ERR_NOMEM ? CT_ERR_NOMEM : CT_OK;
    }
    json_t *header = decode_object(json_object_get(flat, "protected"));
    if (header == NULL) {
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   "not a compact JWS: the header is not a JSON object");
        json_decref(flat);
        return CT_OK;
    }
    const char *algorithm = json_string_value(json_object_get(header, "alg"));
    const char *key_id = json_string_value(json_object_get(header, "kid"));
    const json_t *key = find_key(key_set, key_id);
    json_t *claims = decode_object(json_object_get(flat, "payload"));
    if (algorithm == NULL || strcmp(algorithm, "RS256") != 0) {
        *check = JWS_CHECK_WRONG_ALG;
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   "the header names the algorithm \"%s\"; only RS256 is accepted",
                   algorithm != NULL ? algorithm : "");
    } else if (key == NULL) {
        *check = JWS_CHECK_UNKNOWN_KEY;
        ct_err_set(err, CT_ERR_INPUT, "credential", "no key of the key set has the kid \"%s\"",
                   key_id != NULL ? key_id : "");
    } else if (!jose_jws_ver(NULL, flat, NULL, key, false)) {
        *check = JWS_CHECK_BAD_SIGNATURE;
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   "the signature does not match: it was changed after it was signed");
    } else if (claims == NULL) {
        ct_err_set(err, CT_ERR_INPUT, "credential",
                   "not a compact JWS: the payload is not a JSON object");
    } else {
        *check = JWS_CHECK_SIGNED;
    }
    *payload = claims;
    json_decref(header);
    json_decref(flat);
    return CT_OK;
}
