/*
 * coordinator: what the CE coordinator's actions share (award.h, reports_review.h,
 * certificates.h, catalog.h, settings.h, harvest.h): that only the coordinator (or the system)
 * acts, and a store's refusal reported as the action's.
 */
#ifndef CERTTRACK_ACTIONS_COORDINATOR_H
#define CERTTRACK_ACTIONS_COORDINATOR_H

#include "action.h"

/* CT_OK when actor is a CE coordinator (the system is); otherwise refuses with
 * ACTION_NOT_ALLOWED, saying "Only the CE coordinator " followed by doing ("awards a
 * track"). */
enum ct_status coordinator_only(const struct actor *actor, const char *doing,
                                struct action_outcome *outcome) CT_MUST_CHECK;

/* Refuses the bad input noted in outcome already (action_checked), then anyone but the
 * coordinator (coordinator_only, with doing), then begins the action's transaction:
 * CT_OK means the caller ends it with action_end. */
enum ct_status coordinator_begin(struct store *store, const struct actor *actor, const char *doing,
                                 struct action_outcome *outcome) CT_MUST_CHECK;

/* A store's refusal (status CT_ERR_INPUT, its words in outcome->err) as the action's
 * refusal of kind, noted as a fault of field when field is not NULL. outcome->err keeps
 * the store's words (where and message), as the command line has always printed them.
 * Any other status is returned as it is. */
enum ct_status coordinator_store_refusal(struct action_outcome *outcome, enum ct_status status,
                                         enum action_refusal kind, const char *field) CT_MUST_CHECK;

/* Reads track track_id (store_tracks.h) into *track inside the action's transaction;
 * refuses with ACTION_NOT_FOUND (field "track", the store's words) when there is none. */
struct track_info;
enum ct_status coordinator_track(struct store *store, int64_t track_id, struct track_info *track,
                                 struct action_outcome *outcome) CT_MUST_CHECK;

#endif
