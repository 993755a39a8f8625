/*
 * store_account_links: the one-time links that let a person set their password (table
 * account_links): an invitation (after their account is made) and a password reset; and
 * the link that confirms a new e-mail address (an e-mail change), which names it.
 *
 * A link's token is 32 random bytes in base64url (43 characters), given to the person
 * once (in the mail) and stored only as its SHA-256 hash. A link is used once: using it
 * marks it used in the same transaction as the password it sets. Whether a link may be
 * used (expired, used) is the caller's rule (src/actions/accounts.h); this module
 * reads and writes.
 */
#ifndef CERTTRACK_STORE_ACCOUNT_LINKS_H
#define CERTTRACK_STORE_ACCOUNT_LINKS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define ACCOUNT_LINK_TOKEN_SIZE 44 /* 43 base64url characters and the NUL */

enum account_link_purpose {
    ACCOUNT_LINK_INVITATION,
    ACCOUNT_LINK_PASSWORD_RESET,
    ACCOUNT_LINK_EMAIL_CHANGE,
};

#define ACCOUNT_EMAIL_SIZE 320

/* "invitation", "password-reset" or "email-change". */
const char *store_account_link_purpose_name(enum account_link_purpose purpose);

/* Makes a link for person_id with purpose, made by created_by (0: the system or the
 * person themself) at now, expiring at expires_at; token receives the token (shown
 * once) and *id (may be NULL) its row id. */
enum ct_status store_account_link_create(struct store *store, int64_t person_id,
                                         enum account_link_purpose purpose, int64_t created_by,
                                         int64_t now, int64_t expires_at,
                                         char token[ACCOUNT_LINK_TOKEN_SIZE], int64_t *id,
                                         struct ct_err *err) CT_MUST_CHECK;

/* A link as read: never its token, which is not kept. */
struct account_link {
    int64_t id;
    int64_t person_id;
    enum account_link_purpose purpose;
    int64_t created_at;
    int64_t expires_at;
    int64_t used_at; /* 0: not used */
};

/* The invitation or password-reset link whose token is token (borrowed); *found is
 * false when there is none (an unknown or malformed token). */
enum ct_status store_account_link_find(struct store *store, const char *token,
                                       struct account_link *link, bool *found,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Makes person_id's e-mail change link to new_email (borrowed), by person_id at now,
 * expiring at expires_at; token receives the token (shown once, kept only as its hash). */
enum ct_status store_account_email_link_create(struct store *store, int64_t person_id,
                                               const char *new_email, int64_t now,
                                               int64_t expires_at,
                                               char token[ACCOUNT_LINK_TOKEN_SIZE],
                                               struct ct_err *err) CT_MUST_CHECK;

/* The e-mail change link whose token is token (borrowed), and the address it confirms
 * into new_email; *found is false when there is none (an invitation's or a reset's token
 * is none either). */
enum ct_status store_account_email_link_find(struct store *store, const char *token,
                                             struct account_link *link,
                                             char new_email[ACCOUNT_EMAIL_SIZE], bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

/* Sets person_id's e-mail address (and the key it is compared by, without case) to email
 * (borrowed, checked by the caller), audited as actor_id's "email-change" with the row as
 * it was. CT_ERR_INPUT ("email") when another person has the address. */
enum ct_status store_account_email_set(struct store *store, int64_t actor_id, int64_t person_id,
                                       const char *email, struct ct_err *err) CT_MUST_CHECK;

/* person_id's newest invitation that is unused and not expired at now; *found false
 * when there is none. */
enum ct_status store_account_link_open_invitation(struct store *store, int64_t person_id,
                                                  int64_t now, struct account_link *link,
                                                  bool *found, struct ct_err *err) CT_MUST_CHECK;

/* Marks link id used at now; *used is false when it had been used already (nothing
 * changes then). */
enum ct_status store_account_link_use(struct store *store, int64_t id, int64_t now, bool *used,
                                      struct ct_err *err) CT_MUST_CHECK;

/* What an account is, for the links: its e-mail and name, whether it has a password and
 * whether it is deactivated. *found is false when there is no such person. */
struct account_state {
    char email[ACCOUNT_EMAIL_SIZE];
    char name[128];
    bool has_password;
    bool deactivated;
};

enum ct_status store_account_state(struct store *store, int64_t person_id,
                                   struct account_state *state, bool *found,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Sets person_id's password (checked by the caller; hashed with Argon2id as at
 * sign-up, never stored itself), audited as actor_id's with action ("password-set"). */
enum ct_status store_account_password_set(struct store *store, int64_t actor_id, int64_t person_id,
                                          const char *password, const char *action,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Ends every session of person_id. */
enum ct_status store_account_sessions_end(struct store *store, int64_t person_id,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
