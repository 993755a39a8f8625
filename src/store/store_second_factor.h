/*
 * store_second_factor: a person's second factor (TOTP, RFC 6238) and their recovery codes,
 * as stored (migration 11: second_factors, recovery_codes).
 *
 * The TOTP secret is kept encrypted (libsodium's secretbox) under the server's
 * STORE_SECRET_SECOND_FACTOR key (store_secrets.h), so that a copy of the database alone
 * does not give the secrets. A recovery code is kept only as its SHA-256 hash. Every
 * change is audited as a change of the person (the entry names no secret and no code).
 */
#ifndef CERTTRACK_STORE_SECOND_FACTOR_H
#define CERTTRACK_STORE_SECOND_FACTOR_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* The TOTP secret's length in bytes (160 bits, as RFC 4226 recommends). */
#define SECOND_FACTOR_SECRET_BYTES 20

/* How many recovery codes a confirmed factor gets. */
#define RECOVERY_CODE_COUNT 10

/* The key of the secrets' encryption (store_secret_get). */
#define STORE_SECRET_SECOND_FACTOR "second-factor-key"

struct store_second_factor {
    bool exists;           /* a factor is being set up or is confirmed */
    bool confirmed;        /* confirmed with a code: sign-in asks for it */
    int64_t last_step;     /* the newest time step used (a code of it or older is refused) */
    unsigned unused_codes; /* recovery codes not used yet */
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES]; /* decrypted; all zero when none */
};

/* person_id's factor into *factor (zeroed when there is none). The caller wipes
 * factor->secret after use (sodium_memzero). */
enum ct_status store_second_factor_get(struct store *store, int64_t person_id,
                                       struct store_second_factor *factor,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Starts setting up a factor for person_id with secret (borrowed), replacing one that is
 * not confirmed yet, at now (Unix seconds); audited as actor_id's "second-factor-begin".
 * CT_ERR_INPUT ("second_factor") when person_id has a confirmed factor. */
enum ct_status store_second_factor_begin(struct store *store, int64_t actor_id, int64_t person_id,
                                         const unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                                         int64_t now, struct ct_err *err) CT_MUST_CHECK;

/* Confirms person_id's factor at now with the time step step its code was of, and keeps
 * the hashes of codes (RECOVERY_CODE_COUNT texts, borrowed) as its recovery codes;
 * audited as "second-factor-confirm". CT_ERR_INPUT when there is no factor to confirm. */
enum ct_status store_second_factor_confirm(struct store *store, int64_t person_id, int64_t step,
                                           const char *const codes[RECOVERY_CODE_COUNT],
                                           int64_t now, struct ct_err *err) CT_MUST_CHECK;

/* Marks time step step used for person_id's factor: *accepted is true when step is newer
 * than every step used before (and is now the last), false for a replayed or older one. */
enum ct_status store_second_factor_use_step(struct store *store, int64_t person_id, int64_t step,
                                            bool *accepted, struct ct_err *err) CT_MUST_CHECK;

/* Uses recovery code (as typed, borrowed) of person_id at now: *accepted is true when it
 * was one of theirs and not used before (it is used from now on). */
enum ct_status store_recovery_code_use(struct store *store, int64_t person_id, const char *code,
                                       int64_t now, bool *accepted,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Removes person_id's factor and recovery codes, audited as actor_id's action (e.g.
 * "second-factor-remove", "second-factor-reset"). Nothing happens without a factor. */
enum ct_status store_second_factor_delete(struct store *store, int64_t actor_id, int64_t person_id,
                                          const char *action, struct ct_err *err) CT_MUST_CHECK;

#endif
