/*
 * credential_check: checks a credential offline, as anyone holding the issuer's public
 * keys (and, for revocation, its status list) can: the signature (RS256 only), the JWT
 * claims against the credential as Open Badges 3.0 requires (iss = issuer.id, jti = id,
 * sub = credentialSubject.id, nbf = validFrom, exp = validUntil), the dates, and
 * whether the status list says revoked.
 */
#ifndef CERTTRACK_CREDENTIAL_CHECK_H
#define CERTTRACK_CREDENTIAL_CHECK_H

#include <jansson.h>

#include "../core/civil_date.h"
#include "../core/err.h"

enum credential_verdict {
    CREDENTIAL_VALID,
    CREDENTIAL_EXPIRED,       /* on or after validUntil */
    CREDENTIAL_NOT_YET_VALID, /* before validFrom */
    CREDENTIAL_REVOKED,       /* the status list has its bit set */
    CREDENTIAL_TAMPERED,      /* the signature does not match the issuer's keys */
    CREDENTIAL_MALFORMED,     /* not a VC-JWT OpenBadgeCredential at all, or its JWT claims
                                 disagree with the credential */
};

struct credential_check_result {
    enum credential_verdict verdict;
    char reason[512];    /* why, for anything but VALID */
    char name[512];      /* the credential's name, as it claims */
    char holder[256];    /* the learner's name, as it claims */
    char valid_from[32]; /* as it claims */
    char valid_until[32];
};

/* The verdict's word: "valid", "expired", "not yet valid", "revoked", "tampered",
 * "malformed". */
const char *credential_verdict_word(enum credential_verdict verdict);

/* Checks jwt (a compact VC-JWT, borrowed) against key_set (a JWK Set, borrowed) as of
 * day. status_list (borrowed, may be NULL) is the status list credential the credential
 * names, as a compact JWS signed by the same keys or as plain JSON; with it, a revoked
 * credential is found. Tampering outranks revocation, which outranks the dates.
 * Returns CT_ERR_INPUT (naming "status list") only when the status list itself is bad,
 * leaving the verdict about the credential alone; CT_ERR_NOMEM when memory ran out. */
enum ct_status credential_check(const char *jwt, const json_t *key_set, const char *status_list,
                                struct civil_date day, struct credential_check_result *result,
                                struct ct_err *err) CT_MUST_CHECK;

#endif
