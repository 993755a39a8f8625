/*
 * credential: a certificate as an Open Badges 3.0 OpenBadgeCredential (W3C Verifiable
 * Credentials Data Model 2.0 plus the OB 3.0 context), secured as a VC-JWT: the
 * credential is the JWT's payload, with the registered claims iss, jti, nbf, iat and
 * exp alongside so that any JWT library checks its dates; the header says
 * "typ": "vc+jwt". Signed with RS256 by the issuer's key (signing_key.h).
 *
 * The addresses in a credential all grow from the public URL (store_settings.h):
 *   PUBLIC/verify/CODE               the credential's id, and the page that checks it
 *   PUBLIC/issuer                    the issuer's profile
 *   PUBLIC/achievements/PROGRAM      the achievement (the program)
 *   PUBLIC/status/revocation         the revocation status list credential
 *   PUBLIC/.well-known/jwks.json     the issuer's public keys
 */
#ifndef CERTTRACK_CREDENTIAL_H
#define CERTTRACK_CREDENTIAL_H

#include <jansson.h>
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
    const char *learner_email; /* optional: given, the subject is also identified by it,
                                  hashed (SHA-256, salted with the verification code) */
    const char *program_id;
    const char *program_name;
    const char *program_description; /* optional */
    int64_t credits_required_halves; /* what the program asks for */
    int64_t credits_earned_halves;
    struct civil_date issued;
    struct civil_date valid_until;     /* the first day no longer valid */
    struct civil_date report_accepted; /* the final report's acceptance; unset when none */
    const struct credential_alignment *alignment;
    size_t alignment_count;
};

/* The address at path under public_url ("PUBLIC/path"), into out (size bytes). */
void credential_url(const char *public_url, const char *path, char *out, size_t size);

/* A certificate's verification URL, PUBLIC/verify/CODE, into out (size bytes). */
void credential_verify_url(const char *public_url, const char *code, char *out, size_t size);

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

/* The OB 3.0 issuer Profile published at PUBLIC/issuer (caller json_decrefs). */
json_t *credential_issuer_profile(const char *public_url, const char *issuer_name);

/* Builds and signs the credential with key (borrowed private JWK): *jwt gets the compact
 * JWS (caller frees). */
enum ct_status credential_issue(const json_t *key, const struct credential_facts *facts, char **jwt,
                                struct ct_err *err) CT_MUST_CHECK;

#endif
