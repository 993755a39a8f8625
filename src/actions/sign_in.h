/*
 * sign_in: who a sign-in through the OpenID Connect provider signs in. The provider's
 * verified e-mail address names the person; an address the provider has not verified
 * names no one; a deactivated record signs no one in; an address no one has is refused
 * unless the oidc-create-people setting lets the sign-in make a new learner (audited as
 * the system's).
 */
#ifndef CERTTRACK_ACTIONS_SIGN_IN_H
#define CERTTRACK_ACTIONS_SIGN_IN_H

#include "action.h"

struct sign_in_match_input {
    const char *email;   /* field "email": the ID token's e-mail claim */
    bool email_verified; /* its email_verified claim */
    const char *name;    /* the name claim, for a new learner ("" or NULL: the address) */
    bool create_people;  /* the oidc-create-people setting */
};

struct sign_in_match_result {
    int64_t person_id;
    bool created; /* a new learner was made */
};

/* Finds (or, as the input allows, creates) the person the provider vouches for.
 * Refused: no address or an unverified one (ACTION_NOT_ALLOWED, "email"), a deactivated
 * person (ACTION_NOT_ALLOWED), no one with the address (ACTION_NOT_FOUND, "email"). */
enum ct_status action_sign_in_match(struct store *store, const struct actor *actor,
                                    const struct sign_in_match_input *input,
                                    struct sign_in_match_result *result,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

#endif
