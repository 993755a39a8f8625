/*
 * certificates: revoking an awarded certificate, with the reason kept with it and in
 * the audit trail. Only the CE coordinator (or the system) revokes.
 */
#ifndef CERTTRACK_ACTIONS_CERTIFICATES_H
#define CERTTRACK_ACTIONS_CERTIFICATES_H

#include <stdbool.h>

#include "action.h"

struct certificate_revoke_input {
    int64_t certificate_id; /* field "certificate" */
    const char *reason;     /* field "reason": why; more than spaces */
    bool confirmed;         /* field "confirm": the person confirmed it (a page's checkbox;
                               the API and the command line confirm by asking) */
};

/* Revokes the certificate on the actor's day. A revoked certificate no longer counts as
 * a prerequisite, and its public check says it was revoked. Refused: a certificate that
 * is not there (ACTION_NOT_FOUND), one revoked already (ACTION_WRONG_STATE); both name
 * "certificate". */
enum ct_status action_certificate_revoke(struct store *store, const struct actor *actor,
                                         const struct certificate_revoke_input *input,
                                         struct action_outcome *outcome) CT_MUST_CHECK;

#endif
