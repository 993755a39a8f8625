/*
 * profile: what a signed-in person changes about themself: their name, their password
 * and their e-mail address.
 *
 * A new e-mail address is confirmed through the address itself: asking for it mails a
 * link to the new address (PROFILE_EMAIL_LINK_PATH, lasting PROFILE_EMAIL_CHANGE_SECONDS,
 * 24 hours, working once; only its hash is kept), and following it changes the address
 * and tells the old one by mail. An address another person has is refused when asked
 * and again when confirmed.
 */
#ifndef CERTTRACK_ACTIONS_PROFILE_H
#define CERTTRACK_ACTIONS_PROFILE_H

#include "accounts.h"
#include "action.h"

#define PROFILE_NAME_MAX     200
#define PROFILE_PASSWORD_MIN 12
#define PROFILE_PASSWORD_MAX 1000

struct profile_name_input {
    const char *name; /* borrowed: 1 to PROFILE_NAME_MAX bytes of text, no control character */
};

/* Sets the actor's own name; audited. Faults: "name". A person must act (not the system). */
enum ct_status action_profile_name_set(struct store *store, const struct actor *actor,
                                       const struct profile_name_input *input,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

struct profile_password_input {
    const char *current_password; /* borrowed: the password the actor signs in with now */
    const char *new_password;     /* borrowed: the new one (profile_password_check) */
};

/* Notes a fault of field when password is not acceptable as a new password: fewer than
 * PROFILE_PASSWORD_MIN characters, more than PROFILE_PASSWORD_MAX bytes, or too easy to
 * guess as password_quality.h judges it (the check of invitations and resets too). */
void profile_password_check(const char *password, const char *field,
                            struct action_outcome *outcome);

/* Changes the actor's own password, after checking their current one; audited (without
 * the hash). Faults: "new_password" (profile_password_check), "current_password" (empty,
 * or not the actor's password). */
enum ct_status action_profile_password_change(struct store *store, const struct actor *actor,
                                              const struct profile_password_input *input,
                                              struct action_outcome *outcome) CT_MUST_CHECK;

#define PROFILE_EMAIL_CHANGE_SECONDS (24 * 60 * 60)
#define PROFILE_EMAIL_LINK_PATH      "/account/email?token="

struct email_change_input {
    const char *new_email; /* field "new_email": borrowed */
};

/* The link asked for (the public-url setting, the path, the token) and its mail. */
struct email_change_result {
    char link[ACCOUNT_LINK_SIZE];
    char message_id[OUTBOX_MESSAGE_ID_SIZE];
};

/* Asks to change the actor's own address to input->new_email: makes the link and
 * queues its mail to the new address; audited ("email-change-asked", without the
 * token). Faults of "new_email": empty, not an address, the actor's own already, or
 * another person's. A person must act (not the system). */
enum ct_status action_profile_email_change_ask(struct store *store, const struct actor *actor,
                                               const struct email_change_input *input,
                                               struct email_change_result *result,
                                               struct action_outcome *outcome) CT_MUST_CHECK;

struct email_confirm_input {
    const char *token; /* field "token": the link's, borrowed */
};

struct email_confirm_result {
    int64_t person_id;
    char old_email[ACCOUNT_EMAIL_SIZE];
    char new_email[ACCOUNT_EMAIL_SIZE];
};

/* Confirms an e-mail change through its link: uses the link up, sets the person's
 * address (audited "email-change", as the person's own) and queues a mail telling the
 * old address. Anyone holding the link may (actor: who follows it). Refused:
 * ACTION_NOT_FOUND (field "token") for an unknown link; ACTION_WRONG_STATE ("token")
 * for one used or expired, ("new_email") when another person has the address now;
 * ACTION_NOT_ALLOWED ("token") for a deactivated person. */
enum ct_status action_profile_email_change_confirm(struct store *store, const struct actor *actor,
                                                   const struct email_confirm_input *input,
                                                   struct email_confirm_result *result,
                                                   struct action_outcome *outcome) CT_MUST_CHECK;

/* What a person reads about an e-mail change link that may not be used (state not
 * USABLE). */
const char *profile_email_link_refusal(enum account_link_state state);

#endif
