/*
 * store_oidc: what certtrack keeps while someone signs in through the OpenID Connect
 * provider (migration 11, table oidc_sign_ins), and the reading of a person by the
 * e-mail address a provider vouches for.
 *
 * A sign-in begun on one server may be finished on another: the state (only its
 * SHA-256 hash is stored), the nonce, the PKCE code verifier and where to go after are
 * rows of the database, each used once and good for OIDC_SIGN_IN_SECONDS.
 */
#ifndef CERTTRACK_STORE_OIDC_H
#define CERTTRACK_STORE_OIDC_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* How long a begun sign-in may be finished. */
#define OIDC_SIGN_IN_SECONDS (10 * 60)

/* The state, the nonce and the code verifier: 43 base64url characters (256 bits) each,
 * and the NUL. */
#define OIDC_RANDOM_SIZE 44

/* The longest return_to kept, with its NUL. */
#define OIDC_RETURN_TO_SIZE 256

/* A begun sign-in as stored. */
struct oidc_sign_in {
    char state[OIDC_RANDOM_SIZE]; /* given to the provider; only its hash is stored */
    char nonce[OIDC_RANDOM_SIZE];
    char code_verifier[OIDC_RANDOM_SIZE];
    char return_to[OIDC_RETURN_TO_SIZE]; /* a path of certtrack's, starting with '/' */
    int64_t expires_at;                  /* Unix seconds */
};

/* Fills out with 256 random bits as base64url without padding (43 characters). */
void store_oidc_random(char out[OIDC_RANDOM_SIZE]);

/* Begins a sign-in at now: fresh state, nonce and code verifier into *sign_in, kept
 * until now + OIDC_SIGN_IN_SECONDS, with return_to (borrowed; a local path starting
 * with one '/', else "/" is kept). Deletes every sign-in that has expired. */
enum ct_status store_oidc_sign_in_begin(struct store *store, const char *return_to, int64_t now,
                                        struct oidc_sign_in *sign_in,
                                        struct ct_err *err) CT_MUST_CHECK;

/* What became of a state the provider sent back. */
enum oidc_state_check {
    OIDC_STATE_GOOD,    /* begun here, not expired, now used up */
    OIDC_STATE_UNKNOWN, /* never begun here, or already used */
    OIDC_STATE_EXPIRED, /* begun more than OIDC_SIGN_IN_SECONDS ago */
};

/* Takes the sign-in begun with state (borrowed): the row is deleted whatever it says,
 * so that a state is good once. *check says what it was; *sign_in holds its nonce,
 * code verifier and return_to when GOOD. */
enum ct_status store_oidc_sign_in_take(struct store *store, const char *state, int64_t now,
                                       enum oidc_state_check *check, struct oidc_sign_in *sign_in,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The person whose e-mail is email (any case): *person_id 0 when there is none;
 * *deactivated tells whether their record is deactivated. */
enum ct_status store_oidc_person_by_email(struct store *store, const char *email,
                                          int64_t *person_id, bool *deactivated,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
