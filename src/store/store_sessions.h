/*
 * store_sessions: what proves who is signed in, as stored: browser sessions, personal API
 * tokens, and the failed sign-ins counted to slow down guessing.
 *
 * A session id is 256 random bits (libsodium), given to the browser once and stored
 * only as its SHA-256 hash. Each session carries its own CSRF token. Sessions end after
 * SESSION_IDLE_SECONDS without a request or SESSION_ABSOLUTE_SECONDS after log-in.
 * A session's (and an API token's) time of last use is written at most once every
 * SESSION_TOUCH_SECONDS, so that requests need not wait in turn to write it; an idle
 * session may therefore end up to that much earlier, never later.
 */
#ifndef CERTTRACK_STORE_SESSIONS_H
#define CERTTRACK_STORE_SESSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define SESSION_TOKEN_SIZE       65 /* 64 hex digits and the NUL */
#define SESSION_IDLE_SECONDS     (30 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)
#define SESSION_TOUCH_SECONDS    60

/* Fills out with 256 random bits as hex. */
void store_session_random_token(char out[SESSION_TOKEN_SIZE]);

/* Starts a session for person at now (Unix seconds); id and csrf receive the new
 * session's id (for the cookie) and CSRF token. */
enum ct_status store_session_create(struct store *store, int64_t person_id, int64_t now,
                                    char id[SESSION_TOKEN_SIZE], char csrf[SESSION_TOKEN_SIZE],
                                    struct ct_err *err) CT_MUST_CHECK;

/* Finds the live session with this id and marks it used at now when it was last marked
 * SESSION_TOUCH_SECONDS ago or more (deleting every ended session then too). *found is
 * false for an unknown, idle or too old session (which is then deleted). */
enum ct_status store_session_find(struct store *store, const char *id, int64_t now, bool *found,
                                  int64_t *person_id, char csrf[SESSION_TOKEN_SIZE],
                                  struct ct_err *err) CT_MUST_CHECK;

/* A session as store_session_find_idle finds it. */
struct store_session_found {
    bool found;
    int64_t person_id;
    char csrf[SESSION_TOKEN_SIZE];
    int64_t seconds_left; /* until it ends, idle or too old, unless used again */
};

/* store_session_find with idle_seconds (> 0) in place of SESSION_IDLE_SECONDS (a server
 * may be set up with a shorter one), and the seconds left before the session ends. The
 * session is marked used at most once every store_session_touch_seconds(idle_seconds). */
enum ct_status store_session_find_idle(struct store *store, const char *id, int64_t now,
                                       int64_t idle_seconds, struct store_session_found *session,
                                       struct ct_err *err) CT_MUST_CHECK;

/* store_session_find_idle, then marks the live session used at now whenever it was last
 * marked (the idle warning's "Stay signed in"), so that session->seconds_left is the full
 * idle time (or what the absolute limit leaves). */
enum ct_status store_session_keep(struct store *store, const char *id, int64_t now,
                                  int64_t idle_seconds, struct store_session_found *session,
                                  struct ct_err *err) CT_MUST_CHECK;

/* How often a session's use is written: SESSION_TOUCH_SECONDS, or a quarter of
 * idle_seconds when that is shorter. */
int64_t store_session_touch_seconds(int64_t idle_seconds);

/* Ends the session with this id (nothing happens for an unknown one). */
enum ct_status store_session_end(struct store *store, const char *id,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Personal API tokens: "ct_" and 64 hex digits, shown once, stored as their hash. */
#define API_TOKEN_SIZE 68

/* Creates a token named name (checked by the caller) for person_id, audited as actor_id's;
 * token receives it (shown once: only its hash is kept) and *id its row id. */
enum ct_status store_token_create(struct store *store, int64_t actor_id, int64_t person_id,
                                  const char *name, int64_t now, char token[API_TOKEN_SIZE],
                                  int64_t *id, struct ct_err *err) CT_MUST_CHECK;

/* The person a live token belongs to; *person_id is 0 for an unknown or revoked one.
 * Marks the token used at now when it was last marked SESSION_TOUCH_SECONDS ago or more. */
enum ct_status store_token_person(struct store *store, const char *token, int64_t now,
                                  int64_t *person_id, struct ct_err *err) CT_MUST_CHECK;

/* Revokes the token with id at now, audited as actor_id's (who may is the caller's
 * question). */
enum ct_status store_token_revoke(struct store *store, int64_t actor_id, int64_t token_id,
                                  int64_t now, struct ct_err *err) CT_MUST_CHECK;

/* A token as listed: never the token itself, which is not kept. */
struct store_token {
    int64_t id;
    int64_t person_id;
    char name[128];
    int64_t created_at;
    int64_t last_used_at; /* 0: never */
    int64_t revoked_at;   /* 0: live */
};

/* The token with id; *found is false when there is none. */
enum ct_status store_token_get(struct store *store, int64_t token_id, struct store_token *token,
                               bool *found, struct ct_err *err) CT_MUST_CHECK;

/* person_id's tokens, newest first, in the new array *tokens (the caller frees it) of
 * *count. */
enum ct_status store_tokens_of(struct store *store, int64_t person_id, struct store_token **tokens,
                               size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* Failed log-ins are counted per key over the last LOGIN_WINDOW_SECONDS (see
 * login_keys_make); past LOGIN_FREE_FAILURES, each further attempt must wait. */
#define LOGIN_WINDOW_SECONDS (15 * 60)
#define LOGIN_FREE_FAILURES  5

/* Seconds the caller must wait before another attempt for key (0: go ahead). */
enum ct_status store_login_wait_seconds(struct store *store, const char *key, int64_t now,
                                        int64_t *wait, struct ct_err *err) CT_MUST_CHECK;

enum ct_status store_login_failure_record(struct store *store, const char *key, int64_t now,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
