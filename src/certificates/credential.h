/*
 * credential: a certificate as an Open Badges 3.0 OpenBadgeCredential (W3C Verifiable
 * Credentials Data Model 2.0 plus the OB 3.0 context), secured as OB 3.0's VC-JWT
 * (section 8.2, "JSON Web Token Proof Format"): the credential is the JWT's payload,
 * with the registered claims iss (issuer.id), jti (id), sub (credentialSubject.id), nbf
 * (validFrom), iat and exp (validUntil) alongside, so that any JWT library checks its
 * dates. The JOSE header is {"alg": "RS256", "kid": KEY, "typ": "JWT"} and nothing
 * else, where KEY is the address of the issuer's public key (credential_key_id). Signed
 * with RS256 by the issuer's key (signing_key.h).
 *
 * The holder is the subject "urn:uuid:UUID", UUID drawn at random for the person once
 * and stored (schema_v9.sql.h): the same in all their credentials, and saying nothing
 * personal. Their name and hashed e-mail address are in credentialSubject.identifier.
 *
 * The addresses in a credential all grow from the public URL (store_settings.h):
 *   PUBLIC/verify/CODE               the credential's id, and the page that checks it
 *   PUBLIC/issuer                    the issuer's profile, naming its key
 *   PUBLIC/achievements/PROGRAM      the achievement (the program)
 *   PUBLIC/status/revocation         the revocation status list credential
 *   PUBLIC/keys/THUMBPRINT           the issuer's public key (a JWK): the header's kid
 *   PUBLIC/.well-known/jwks.json     the issuer's public keys (a JWK Set)
 */
#ifndef CERTTRACK_CREDENTIAL_H
#define CERTTRACK_CREDENTIAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"

/* A plan goal and the library goals it served (Strategic Track). */
struct credential_alignment {
    const char *plan_goal;
    const char *library_goals; /* the library goals, one a line */
};

/* What a credential says. Strings are borrowed; optional ones may be NULL. */
struct credential_facts {
    const char *public_url;  /* without a trailing '/' */
    const char *issuer_name; /* e.g. "Montana State Library" */
    const char *number;      /* the certificate number */
    const char *verification_code;
    int64_t status_index; /* the certificate's place in the status list */
    const char *learner_name;
    const char *subject_uuid;  /* the holder's subject id, a UUID in lower case (required) */
    const char *learner_email; /* optional: given, the subject is also identified by it,
                                  hashed (SHA-256, salted with the verification code) */
    const char *program_id;
    const char *program_name;
    const char *program_description; /* optional */
    int64_t credits_required_halves; /* what the program asks for */
    int64_t credits_earned_halves;
    struct civil_date issued;          /* the award: the credential's awardedDate */
    struct civil_date valid_from;      /* these documents' issue day (a reissue's): validFrom,
                                          nbf and iat; unset, or not after issued:
                                          issued */
    struct civil_date valid_until;     /* the first day no longer valid */
    struct civil_date report_accepted; /* the final report's acceptance; unset when none */
    const struct credential_alignment *alignment;
    size_t alignment_count;
};

/* The address at path under public_url ("PUBLIC/path"), into out (size bytes). */
void credential_url(const char *public_url, const char *path, char *out, size_t size);

/* A certificate's verification URL, PUBLIC/verify/CODE, into out (size bytes). */
void credential_verify_url(const char *public_url, const char *code, char *out, size_t size);

/* The address of key's public half (key borrowed, a JWK with "kid", its RFC 7638
 * thumbprint), PUBLIC/keys/THUMBPRINT, into out (size bytes): the "kid" of the JWT
 * header, of the JWK Set and of the issuer profile's verification method. */
void credential_key_id(const char *public_url, const json_t *key, char *out, size_t size);

/* Whether uuid (borrowed, may be NULL) is a UUID as stored: 8-4-4-4-12 hex digits in
 * lower case. */
bool credential_subject_uuid_valid(const char *uuid);

/* "YYYY-MM-DDT00:00:00Z" for date into out (24 bytes or more). */
void credential_date_time(struct civil_date date, char *out, size_t size);

/* The credential as JSON (unsigned), with the JWT claims; the caller json_decrefs it.
 * NULL when out of memory. */
json_t *credential_build(const struct credential_facts *facts);

/* The OB 3.0 Achievement of facts' program (its id PUBLIC/achievements/PROGRAM, type,
 * achievementType "Certification", name, description, criteria, creditsAvailable); only
 * public_url and the program_ fields and credits_required_halves are read. The caller
 * json_decrefs it; NULL when out of memory. */
json_t *credential_achievement(const struct credential_facts *facts);

/* The OB 3.0 issuer Profile published at PUBLIC/issuer (caller json_decrefs; NULL when
 * out of memory). With key (borrowed, may be NULL), it names the key as a W3C
 * controller document does: "verificationMethod" holds one JsonWebKey whose id is
 * credential_key_id's address, controlled by the issuer, with the public JWK as
 * "publicKeyJwk"; "assertionMethod" lists that id. */
json_t *credential_issuer_profile(const char *public_url, const char *issuer_name,
                                  const json_t *key);

/* Builds and signs the credential with key (borrowed private JWK): *jwt gets the compact
 * JWS (caller frees). CT_ERR_INPUT when facts has no valid subject_uuid. */
enum ct_status credential_issue(const json_t *key, const struct credential_facts *facts, char **jwt,
                                struct ct_err *err) CT_MUST_CHECK;

#endif
