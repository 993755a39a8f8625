/*
 * store_kept_forms: a form kept across a sign-in that the idle timeout forced. When a
 * form arrives after its session ended, its fields (the web layer leaves out passwords
 * and the CSRF token) are kept under a random token, stored only as its SHA-256 hash, for
 * KEPT_FORM_SECONDS; the person who signs in with the token gets them back once.
 */
#ifndef CERTTRACK_STORE_KEPT_FORMS_H
#define CERTTRACK_STORE_KEPT_FORMS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_sessions.h"

#define KEPT_FORM_SECONDS   (15 * 60)
#define KEPT_FORM_PATH_SIZE 256

/* Keeps the form sent to path (borrowed) with fields (borrowed text, the web layer's
 * encoding) at now; token receives the new random token. Deletes every kept form older
 * than KEPT_FORM_SECONDS first. */
enum ct_status store_kept_form_put(struct store *store, const char *path, const char *fields,
                                   int64_t now, char token[SESSION_TOKEN_SIZE],
                                   struct ct_err *err) CT_MUST_CHECK;

/* Takes the form kept under token (borrowed) at now and deletes it: *found is false for an
 * unknown or too old one (or a token that is not 64 hex digits); else path receives its
 * path and *fields a new string the caller frees. */
enum ct_status store_kept_form_take(struct store *store, const char *token, int64_t now,
                                    bool *found, char path[KEPT_FORM_PATH_SIZE], char **fields,
                                    struct ct_err *err) CT_MUST_CHECK;

/* True when token is 64 lower-case hex digits, as store_kept_form_put makes them. */
bool store_kept_form_token_valid(const char *token);

#endif
