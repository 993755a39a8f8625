/*
 * session: signed-in sessions and the slowing down of failed log-ins.
 *
 * A session id is 256 random bits (libsodium), given to the browser once and stored
 * only as its SHA-256 hash. Each session carries its own CSRF token. Sessions end after
 * SESSION_IDLE_SECONDS without a request or SESSION_ABSOLUTE_SECONDS after log-in.
 * A session's (and an API token's) time of last use is written at most once every
 * SESSION_TOUCH_SECONDS, so that requests need not wait in turn to write it; an idle
 * session may therefore end up to that much earlier, never later.
 */
#ifndef CERTTRACK_SESSION_H
#define CERTTRACK_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "../../store/store.h"

#define SESSION_TOKEN_SIZE       65 /* 64 hex digits and the NUL */
#define SESSION_IDLE_SECONDS     (30 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)
#define SESSION_TOUCH_SECONDS    60

/* Fills out with 256 random bits as hex. */
void session_random_token(char out[SESSION_TOKEN_SIZE]);

/* Starts a session for person at now (Unix seconds); id and csrf receive the new
 * session's id (for the cookie) and CSRF token. */
enum ct_status session_create(struct store *store, int64_t person_id, int64_t now,
                              char id[SESSION_TOKEN_SIZE], char csrf[SESSION_TOKEN_SIZE],
                              struct ct_err *err) CT_MUST_CHECK;

/* Finds the live session with this id and marks it used at now when it was last marked
 * SESSION_TOUCH_SECONDS ago or more (deleting every ended session then too). *found is
 * false for an unknown, idle or too old session (which is then deleted). */
enum ct_status session_find(struct store *store, const char *id, int64_t now, bool *found,
                            int64_t *person_id, char csrf[SESSION_TOKEN_SIZE],
                            struct ct_err *err) CT_MUST_CHECK;

/* Ends the session with this id (nothing happens for an unknown one). */
enum ct_status session_end(struct store *store, const char *id, struct ct_err *err) CT_MUST_CHECK;

/* True when the two tokens are equal, compared in constant time. */
bool session_tokens_match(const char *expected, const char *given);

/* Personal API tokens: "ct_" and 64 hex digits, shown once, stored as their hash. */
#define API_TOKEN_SIZE 68

/* Creates a token named name for person; token receives it. */
enum ct_status api_token_create(struct store *store, int64_t person_id, const char *name,
                                int64_t now, char token[API_TOKEN_SIZE],
                                struct ct_err *err) CT_MUST_CHECK;

/* The person a live token belongs to; *person_id is 0 for an unknown or revoked one.
 * Marks the token used at now when it was last marked SESSION_TOUCH_SECONDS ago or more. */
enum ct_status api_token_person(struct store *store, const char *token, int64_t now,
                                int64_t *person_id, struct ct_err *err) CT_MUST_CHECK;

/* Revokes one of person's tokens by id; revoking another person's token changes
 * nothing. */
enum ct_status api_token_revoke(struct store *store, int64_t person_id, int64_t token_id,
                                int64_t now, struct ct_err *err) CT_MUST_CHECK;

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

/* Failed log-ins are counted per key over the last LOGIN_WINDOW_SECONDS (see
 * login_keys_make); past LOGIN_FREE_FAILURES, each further attempt must wait. */
#define LOGIN_WINDOW_SECONDS (15 * 60)
#define LOGIN_FREE_FAILURES  5

/* Seconds the caller must wait before another attempt for key (0: go ahead). */
enum ct_status login_wait_seconds(struct store *store, const char *key, int64_t now, int64_t *wait,
                                  struct ct_err *err) CT_MUST_CHECK;

enum ct_status login_failure_record(struct store *store, const char *key, int64_t now,
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
