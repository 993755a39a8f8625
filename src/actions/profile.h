/*
 * profile: what a signed-in person changes about themself: their name and their
 * password. (Their e-mail address is changed by the coordinator for now.)
 */
#ifndef CERTTRACK_ACTIONS_PROFILE_H
#define CERTTRACK_ACTIONS_PROFILE_H

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

#endif
