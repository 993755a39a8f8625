/*
 * signing_key: the issuer's RSA key that signs credentials and the status list (RS256),
 * kept as a private JWK in a file beside the database, readable by its owner only. The
 * key is made on first need; its public half is what PUBLIC/keys/THUMBPRINT and
 * /.well-known/jwks.json publish.
 * Nothing here ever prints or logs the private key.
 */
#ifndef CERTTRACK_SIGNING_KEY_H
#define CERTTRACK_SIGNING_KEY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/err.h"

/* The key file of the database at db_path: db_path + SIGNING_KEY_SUFFIX. */
#define SIGNING_KEY_SUFFIX ".signing-key.jwk"

/* Writes the key file's path for the database at db_path into out (size bytes).
 * CT_ERR_TOO_LARGE when it does not fit. */
enum ct_status signing_key_path(const char *db_path, char *out, size_t size,
                                struct ct_err *err) CT_MUST_CHECK;

/* Reads the private key at path, or, when there is no file, makes a 2048-bit RSA key
 * and writes it there (mode 0600, written whole to a temporary file first and linked
 * into place, so two processes starting at once end up with the same key). *key gets
 * the private JWK with "alg": "RS256" and "kid" (its RFC 7638 thumbprint); the caller
 * frees it with json_decref. *created (may be NULL) says whether it was made now.
 * Refuses (CT_ERR_INPUT) a file that others can read or write, or that is not an RSA
 * private JWK. */
enum ct_status signing_key_load_or_create(const char *path, json_t **key, bool *created,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Copies the key at from (checked as signing_key_load_or_create checks it) to a new file
 * at to (mode 0600, written whole, then linked into place): what a backup of the
 * database takes beside it. *copied is false, and nothing happens, when there is no key
 * at from. Refuses (CT_ERR_INPUT) when to exists already. */
enum ct_status signing_key_copy(const char *from, const char *to, bool *copied,
                                struct ct_err *err) CT_MUST_CHECK;

/* key's public half as a JWK, {kty, n, e, alg, use, kid}, never with a private member;
 * its "kid" is key_id (borrowed; the address credential_key_id makes), or key's own
 * thumbprint when key_id is NULL. key is borrowed; the caller frees the result with
 * json_decref. NULL when out of memory. */
json_t *signing_key_public(const json_t *key, const char *key_id);

/* The JWK Set of key's public half: {"keys": [signing_key_public(key, key_id)]}, as
 * /.well-known/jwks.json publishes it. The caller json_decrefs it; NULL when out of
 * memory. */
json_t *signing_key_public_set(const json_t *key, const char *key_id);

#endif
