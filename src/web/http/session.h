/*
 * session: what the web layer adds to the stored sessions (store_sessions.h): the
 * sign-in form's token, tied to its pre-session cookie, the constant-time comparison of
 * tokens, and the keys that failed sign-ins are counted under.
 */
#ifndef CERTTRACK_SESSION_H
#define CERTTRACK_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "../../store/store_sessions.h"

/* True when the two tokens are equal, compared in constant time. */
bool session_tokens_match(const char *expected, const char *given);

/* The sign-in form's token for the pre-session cookie it was issued with: the HMAC-SHA256
 * of the cookie's value under the server's form-hmac secret (store_secrets.h), in hex.
 * A cookie and field that certtrack did not issue together never match. */
enum ct_status session_login_token(struct store *store, const char *pre_session,
                                   char out[SESSION_TOKEN_SIZE], struct ct_err *err) CT_MUST_CHECK;

/* *valid tells whether token is the one session_login_token gives for pre_session (either
 * may be NULL: then false). */
enum ct_status session_login_token_check(struct store *store, const char *pre_session,
                                         const char *token, bool *valid,
                                         struct ct_err *err) CT_MUST_CHECK;

#define LOGIN_KEY_SIZE 200

/* The keys a sign-in attempt is counted under: the client's address; the account (the
 * person the address names, or the address typed, in lower case, when it names no one),
 * whatever the case it was typed in; and the account from that client address. */
struct login_keys {
    char address[LOGIN_KEY_SIZE];
    char account[LOGIN_KEY_SIZE];
    char account_at_address[LOGIN_KEY_SIZE];
};

void login_keys_make(struct login_keys *keys, int64_t person_id, const char *email,
                     const char *client_address);

#endif
