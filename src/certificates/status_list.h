/*
 * status_list: the W3C Bitstring Status List 1.0 that says which certificates are
 * revoked. Each certificate has a place in the list (its statusListIndex, drawn at
 * random by the award: store_award.h); a set bit there means revoked. The list is published as the
 * credential's "encodedList": the bitstring, GZIP-compressed, base64url-encoded without
 * padding, with the multibase prefix 'u'. Bit 0 is the most significant bit of the
 * first byte. The list has at least STATUS_LIST_MIN_BITS bits (16 KiB), so that one
 * certificate cannot be told from its neighbours by the list's size.
 */
#ifndef CERTTRACK_STATUS_LIST_H
#define CERTTRACK_STATUS_LIST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/err.h"

#define STATUS_LIST_MIN_BITS 131072
/* The largest list decoded: 2^27 bits (16 MiB), far beyond any state's certificates. */
#define STATUS_LIST_MAX_BITS (INT64_C(1) << 27)

/* Encodes a list in which the indexes of revoked (count of them, each >= 0 and below
 * STATUS_LIST_MAX_BITS) are set. *encoded gets "u..." (caller frees). */
enum ct_status status_list_encode(const int64_t *revoked, size_t count, char **encoded,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Reads bit index of an encoded list (borrowed) into *set. CT_ERR_INPUT when the text
 * is not such a list or index is past its end. */
enum ct_status status_list_bit(const char *encoded, int64_t index, bool *set,
                               struct ct_err *err) CT_MUST_CHECK;

/* The status list credential (unsigned), a BitstringStatusListCredential with
 * id list_url, issued by issuer_id, validFrom valid_from ("YYYY-MM-DDThh:mm:ssZ"),
 * around encoded. All borrowed; the caller json_decrefs the result, NULL when out of
 * memory. */
json_t *status_list_credential(const char *list_url, const char *issuer_id, const char *valid_from,
                               const char *encoded);

/* The "encodedList" of a status list credential, or NULL when it has none (borrowed
 * from credential). */
const char *status_list_credential_list(const json_t *credential);

#endif
