/*
 * jws_compact: JSON Web Signatures in the compact form (RFC 7515), RS256 only, over a
 * JSON payload: what a VC-JWT credential and the signed status list are. libjose does
 * the cryptography; this module only joins and splits the three base64url parts and
 * refuses any algorithm but RS256, whatever a header asks for.
 */
#ifndef CERTTRACK_JWS_COMPACT_H
#define CERTTRACK_JWS_COMPACT_H

#include <jansson.h>

#include "../core/err.h"

/* The largest compact JWS read (a credential is a few KiB; a status list about 1 KiB). */
#define JWS_COMPACT_LIMIT (1024 * 1024)

/* Signs payload with key (a private RSA JWK with "kid", signing_key.h) under the
 * protected header {"alg": "RS256", "kid": key_id, "typ": typ} and no other member;
 * key_id NULL is the key's own "kid". *compact gets "header.payload.signature" (caller
 * frees). key, key_id, typ and payload are borrowed. */
enum ct_status jws_compact_sign(const json_t *key, const char *key_id, const char *typ,
                                const json_t *payload, char **compact,
                                struct ct_err *err) CT_MUST_CHECK;

/* What checking a compact JWS found. */
enum jws_check {
    JWS_CHECK_SIGNED,       /* the signature is good: the payload is as the issuer wrote it */
    JWS_CHECK_MALFORMED,    /* not three base64url parts with a JSON header and payload */
    JWS_CHECK_UNKNOWN_KEY,  /* no key of the set has the header's kid */
    JWS_CHECK_WRONG_ALG,    /* the header names an algorithm other than RS256 */
    JWS_CHECK_BAD_SIGNATURE /* the signature does not match: changed after signing */
};

/* Checks compact (borrowed, NUL-terminated, surrounding white space ignored) against
 * the public keys of key_set (a JWK Set, borrowed). The signature is checked before the
 * payload is read, so a payload changed into something that is not JSON is
 * JWS_CHECK_BAD_SIGNATURE. *payload gets the decoded payload when it is a JSON object
 * (caller json_decrefs; else NULL), even when the signature is bad, so that a caller can
 * say what the token claimed. *check
 * says what was found, with the reason in err->message for anything but SIGNED.
 * Returns CT_OK unless memory ran out. */
enum ct_status jws_compact_check(const char *compact, const json_t *key_set, enum jws_check *check,
                                 json_t **payload, struct ct_err *err) CT_MUST_CHECK;

#endif
