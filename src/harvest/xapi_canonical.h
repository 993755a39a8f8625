/*
 * xapi_canonical: the canonical form of a statement and its hash, so that "the same id
 * with the same content" can be told from a conflict.
 *
 * Written directly (no copy of the statement): keys sorted, no spaces, strings with only
 * '"', '\' and control characters escaped, whole-number reals as integers, other reals
 * as "%.17g", the statement's (and a SubStatement's) timestamp as its UTC instant to the
 * millisecond, a Group's members sorted by their own canonical text, and the properties
 * an LRS sets (id, stored, authority, version) left out of the statement.
 */
#ifndef CERTTRACK_XAPI_CANONICAL_H
#define CERTTRACK_XAPI_CANONICAL_H

#include <jansson.h>

#include "../core/err.h"

#define XAPI_HASH_SIZE 65 /* SHA-256 in hex and the NUL */

/* The canonical form's text of statement (borrowed; caller frees), or NULL when out of
 * memory or past the size limit (64 MiB). */
char *xapi_canonical_text(const json_t *statement);

/* Writes the SHA-256 of statement's canonical form (borrowed), in hexadecimal, into out.
 * CT_ERR_NOMEM, or CT_ERR_TOO_LARGE ("statement: too large to compare"), when it cannot
 * be written. */
enum ct_status xapi_canonical_hash(const json_t *statement, char out[XAPI_HASH_SIZE],
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
