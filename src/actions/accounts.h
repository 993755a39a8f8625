/*
 * accounts: signing up by invitation and resetting a forgotten password, through
 * one-time links (store_account_links.h) sent by mail (store_outbox.h, queued in the
 * action's own transaction).
 *
 *   - An invitation link lasts ACCOUNT_INVITATION_SECONDS (7 days); a password-reset
 *     link ACCOUNT_RESET_SECONDS (1 hour). Each is used once.
 *   - A second invitation while one is still open (unused, unexpired) is refused: the
 *     person uses the one they have, or it expires and a new one can be sent. A person
 *     who has a password already is not invited: they use "Forgot your password?".
 *   - A new password has at least 12 characters and is not a common one
 *     (password_quality.h); setting it through a link ends every session of the person
 *     (the caller then signs them in afresh).
 *   - A reset asked for an address answers the same whether or not it names someone,
 *     and at most LOGIN_FREE_FAILURES requests for one address are honoured in
 *     LOGIN_WINDOW_SECONDS (store_sessions.h).
 */
#ifndef CERTTRACK_ACTIONS_ACCOUNTS_H
#define CERTTRACK_ACTIONS_ACCOUNTS_H

#include "../store/store_account_links.h"
#include "../store/store_outbox.h"
#include "action.h"
#include "people.h"

#define ACCOUNT_INVITATION_SECONDS (7 * 24 * 60 * 60)
#define ACCOUNT_RESET_SECONDS      (60 * 60)

/* The path a link's token is appended to, after the public-url setting. */
#define ACCOUNT_LINK_PATH "/account/password?token="

/* A link: the public-url setting, the path and the token. */
#define ACCOUNT_LINK_SIZE 640

/* What an invitation made: the link (shown to whoever sends it from the command line)
 * and the queued mail's Message-ID. */
struct invitation_result {
    int64_t person_id;
    char link[ACCOUNT_LINK_SIZE];
    char message_id[OUTBOX_MESSAGE_ID_SIZE];
};

struct invitation_send_input {
    int64_t person_id; /* field "person" */
};

/* Invites person: a link and its mail. The CE coordinator (or the system) for anyone; a
 * library administrator for the people of their own library who hold no State Library
 * role (else ACTION_NOT_ALLOWED). Refused with ACTION_NOT_FOUND for no such person,
 * ACTION_WRONG_STATE (field "person") for one deactivated, with a password already, or
 * with an invitation still open. */
enum ct_status action_invitation_send(struct store *store, const struct actor *actor,
                                      const struct invitation_send_input *input,
                                      struct invitation_result *result,
                                      struct action_outcome *outcome) CT_MUST_CHECK;

/* Adds a person as action_person_add (people.h: the same checks and refusals) and
 * invites them as action_invitation_send, in one transaction: both, or neither. */
enum ct_status action_person_add_invited(struct store *store, const struct actor *actor,
                                         const struct person_input *input,
                                         struct invitation_result *result,
                                         struct action_outcome *outcome) CT_MUST_CHECK;

struct user_add_input {
    const char *email;    /* field "email" */
    const char *name;     /* field "name" */
    const char *role;     /* field "role": a role's name (role.h) */
    int64_t library_id;   /* field "library": 0 for State Library staff */
    const char *position; /* field "position": NULL for staff at a library, none elsewhere */
};

/* Makes the person (with the one role, at library) through action_person_add_invited:
 * who may add whom, and every check of a new person, are the people action's. */
enum ct_status action_user_add(struct store *store, const struct actor *actor,
                               const struct user_add_input *input, struct invitation_result *result,
                               struct action_outcome *outcome) CT_MUST_CHECK;

struct password_reset_input {
    const char *email; /* field "email" */
};

/* Sends a reset link to the person email names, if any and not deactivated and under
 * the limit of requests; does nothing else otherwise, and answers CT_OK alike. Anyone
 * may ask (actor is who asks, usually the system: no one signed in). */
enum ct_status action_password_reset_request(struct store *store, const struct actor *actor,
                                             const struct password_reset_input *input,
                                             struct action_outcome *outcome) CT_MUST_CHECK;

enum account_link_state {
    ACCOUNT_LINK_USABLE,
    ACCOUNT_LINK_USED,
    ACCOUNT_LINK_EXPIRED,
};

/* Whether link (borrowed) may be used at now: not used, and now before its expiry. */
enum account_link_state account_link_state_at(const struct account_link *link, int64_t now);

/* What a person reads about a link that may not be used (state not USABLE). */
const char *account_link_refusal(enum account_link_state state, enum account_link_purpose purpose);

struct link_password_input {
    const char *token;        /* field "token": the link's */
    const char *password;     /* field "password" */
    const char *confirmation; /* field "confirmation": the password again; NULL: not asked */
};

struct link_password_result {
    int64_t person_id;
    enum account_link_purpose purpose;
};

/* Sets the password of the person the link names and uses the link up, ending every
 * session of the person. Refused: ACTION_NOT_FOUND (field "token") for an unknown
 * link; ACTION_WRONG_STATE (field "token") for one used or expired; faults of
 * "password" (too short, too common) and "confirmation" (not the same). */
enum ct_status action_link_password_set(struct store *store, const struct actor *actor,
                                        const struct link_password_input *input,
                                        struct link_password_result *result,
                                        struct action_outcome *outcome) CT_MUST_CHECK;

#endif
