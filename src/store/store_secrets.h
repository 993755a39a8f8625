/*
 * store_secrets: the server's own secrets (migration 10), 32 random bytes each, made at
 * first need and the same for every process on the database.
 */
#ifndef CERTTRACK_STORE_SECRETS_H
#define CERTTRACK_STORE_SECRETS_H

#include "store.h"

#define STORE_SECRET_BYTES 32

/* The secret called name (one of STORE_SECRET_FORM_HMAC, ...) into out, drawn at random
 * and kept when there is none yet. Two processes asking at once get the same one. */
enum ct_status store_secret_get(struct store *store, const char *name,
                                unsigned char out[STORE_SECRET_BYTES],
                                struct ct_err *err) CT_MUST_CHECK;

/* The key of the HMAC that binds the sign-in form's token to its pre-session cookie. */
#define STORE_SECRET_FORM_HMAC "form-hmac"

/* The key of the HMAC in each one-click unsubscribe address (mail/mail_unsubscribe.h). */
#define STORE_SECRET_UNSUBSCRIBE_HMAC "unsubscribe-hmac"

#endif
