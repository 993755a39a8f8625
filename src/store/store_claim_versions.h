/*
 * store_claim_versions: a rejected claim corrected and sent again. The correction is a
 * new activity whose `replaces` names the rejected one; the rejected one is kept as it
 * was (rejected, its reason), marked replaced (`replaced_at`), and no longer holds its
 * event or its kind, title and date (store_activities.h's one-credit checks leave it out).
 */
#ifndef CERTTRACK_STORE_CLAIM_VERSIONS_H
#define CERTTRACK_STORE_CLAIM_VERSIONS_H

#include "store.h"

/* Where a claim stands among its versions. */
struct claim_version {
    int64_t replaces;          /* the earlier claim this one corrects, 0 for a first claim */
    char replaced_reason[512]; /* why that earlier claim was rejected ("" when none) */
    int64_t replaced_by;       /* the correction that replaces this one, 0 when none */
};

/* The versions around activity_id (all zero when it is none's). */
enum ct_status store_claim_version(struct store *store, int64_t activity_id,
                                   struct claim_version *version, struct ct_err *err) CT_MUST_CHECK;

/* Why the activity was rejected (status_reason, "" when none) into reason. */
enum ct_status store_claim_rejection(struct store *store, int64_t activity_id, char reason[512],
                                     struct ct_err *err) CT_MUST_CHECK;

/* Marks the rejected activity old_id replaced, audited ("replace"): before the
 * correction is recorded (store_activity_add), so that the one-credit checks leave it
 * out. CT_ERR_INPUT at "replaces" when it is not rejected or is replaced already. */
enum ct_status store_claim_mark_replaced(struct store *store, int64_t actor_id, int64_t old_id,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Links the new activity new_id to the one it replaces, old_id, audited ("resend"). */
enum ct_status store_claim_link(struct store *store, int64_t actor_id, int64_t new_id,
                                int64_t old_id, struct ct_err *err) CT_MUST_CHECK;

#endif
