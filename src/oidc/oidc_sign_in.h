/*
 * oidc_sign_in: the two halves of a sign-in through the provider, as the pages call
 * them: the start (a sign-in kept in the store, the provider's address to send the
 * browser to) and the finish (the code exchanged for the ID token, checked against the
 * provider's keys, fetched again once when the token names a key the cached set lacks).
 */
#ifndef CERTTRACK_OIDC_SIGN_IN_H
#define CERTTRACK_OIDC_SIGN_IN_H

#include "oidc_id_token.h"
#include "oidc_provider.h"

/* Begins a sign-in at now for settings (borrowed, on): discovers the provider (through
 * cache, NULL for none), keeps the sign-in (store_oidc_sign_in_begin), appends the
 * authorization address to address and copies its state into state (for the browser's
 * cookie, which ties the way back to the browser that set out). CT_ERR_IO, with the
 * reason, when the provider cannot be used (nothing is kept then). */
enum ct_status oidc_sign_in_start(struct store *store, struct oidc_cache *cache,
                                  const struct oidc_settings *settings, int64_t now,
                                  struct buf *address, char state[OIDC_RANDOM_SIZE],
                                  struct ct_err *err) CT_MUST_CHECK;

/* Finishes sign_in (taken from the store) with the provider's code (borrowed): *check
 * says what the ID token was found to be, err why unless GOOD, and *identity is who it
 * names when GOOD. CT_ERR_IO, with the reason, when the provider cannot be used or
 * refuses the code. */
enum ct_status oidc_sign_in_finish(struct oidc_cache *cache, const struct oidc_settings *settings,
                                   const struct oidc_sign_in *sign_in, const char *code,
                                   int64_t now, enum oidc_token_check *check,
                                   struct oidc_identity *identity,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
