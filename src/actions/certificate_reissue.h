/*
 * certificate_reissue: the CE coordinator issues a certificate's documents again after
 * the holder's name changed. The certificate keeps its number, award day, expiry and
 * place in the revocation status list (revoking it revokes every version); the new
 * version (store_certificate_versions.h) prints the holder's name as it is now, has a
 * new verification code, and its credential is signed again, valid from the reissue day.
 * The old documents keep verifying, saying they were superseded. The learner is told
 * (the notice notice-certificate-reissued).
 */
#ifndef CERTTRACK_ACTIONS_CERTIFICATE_REISSUE_H
#define CERTTRACK_ACTIONS_CERTIFICATE_REISSUE_H

#include "../store/store_certificate_versions.h"
#include "action.h"

/* A reissue as the form sends it. Each field is named as here. */
struct certificate_reissue_input {
    int64_t certificate_id; /* "certificate" */
    const char *reason;     /* "reason": why (a name change), more than spaces, at most
                               CERTIFICATE_REISSUE_REASON_MAX bytes */
    /* A dry run: everything is checked, nothing kept and no one told (the form's step
     * before its confirmation page). */
    bool check_only;
};

/* What a reissue did (or, on a dry run, would do). */
struct certificate_reissue_summary {
    int64_t person_id; /* the holder */
    char number[CERTIFICATE_NUMBER_SIZE];
    char old_name[256]; /* the name the superseded documents print */
    char new_name[256]; /* the holder's name now, which the new ones print */
    int64_t version;    /* the new version's number; 0 on a dry run */
    char verification_code[VERIFICATION_CODE_SIZE]; /* the new one's; "" on a dry run */
    char old_code[VERIFICATION_CODE_SIZE];          /* the superseded one's */
};

/* Reissues the certificate's documents on the actor's day, in one transaction. Only the
 * CE coordinator reissues (ACTION_NOT_ALLOWED). Faults, all at once: "reason" missing
 * or too long; "name" when the name the documents print is the holder's name already
 * (nothing would change). Refused: a certificate that is not there (ACTION_NOT_FOUND)
 * or is revoked (ACTION_WRONG_STATE), both naming "certificate". Done, the new version
 * is kept, audited ("reissue", with the actor) and the holder is told, all in the same
 * transaction. summary is filled in on a dry run too. */
enum ct_status action_certificate_reissue(struct store *store, const struct actor *actor,
                                          const struct certificate_reissue_input *input,
                                          struct certificate_reissue_summary *summary,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

#endif
