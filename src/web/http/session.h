/*
 * session: what the web layer adds to the stored sessions (store_sessions.h): the
 * sign-in form's token, tied to its pre-session cookie, the constant-time comparison of
 * tokens, and the keys that failed sign-ins are counted under.
 */
#ifndef CERTTRACK_SESSION_H
#define CERTTRACK_SESSION_H

#include <stdbool.h>
#include <stddef.h>
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

/* The idle sign-out (WCAG 2.1 SC 2.2.1): every signed-in page warns this many seconds
 * before its session would end idle, and offers to stay signed in (session.js). */
#define SESSION_WARNING_SECONDS 120

/* The shortest and longest idle time a server may be set up with. */
#define SESSION_IDLE_MIN_SECONDS 10
#define SESSION_IDLE_MAX_SECONDS SESSION_ABSOLUTE_SECONDS

/* Reads CERTTRACK_SESSION_IDLE_SECONDS's text (a whole number of seconds, from
 * SESSION_IDLE_MIN_SECONDS to SESSION_IDLE_MAX_SECONDS) into *seconds; false for anything
 * else (*seconds is then left alone). */
bool session_idle_seconds_parse(const char *text, int64_t *seconds);

/* Seconds from a page's arrival until it warns, for a session with seconds_left: its
 * warning lead SESSION_WARNING_SECONDS before the end, 0 (at once) when less is left. */
int64_t session_warning_delay(int64_t seconds_left);

/* The idle time in words ("30 minutes", "1 minute", "90 seconds"): into out (size bytes,
 * borrowed). */
void session_idle_words(int64_t idle_seconds, char *out, size_t size);

/* The browser cookie that holds a kept form's token (kept_form.h). */
#define KEPT_FORM_COOKIE "certtrack_kept"

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
