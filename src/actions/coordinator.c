#include "coordinator.h"

#include "../store/store_tracks.h"
#include "../core/banned.h"

enum ct_status coordinator_only(const struct actor *actor, const char *doing,
                                struct action_outcome *outcome)
{
    if (actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL, "Only the CE coordinator %s.", doing);
}

enum ct_status coordinator_begin(struct store *store, const struct actor *actor, const char *doing,
                                 struct action_outcome *outcome)
{
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK) {
        status = coordinator_only(actor, doing, outcome);
    }
    return status != CT_OK ? status : action_begin(store, outcome);
}

enum ct_status coordinator_store_refusal(struct action_outcome *outcome, enum ct_status status,
                                         enum action_refusal kind, const char *field)
{
    if (status != CT_ERR_INPUT || outcome->refusal != ACTION_DONE) {
        return status;
    }
    /* outcome->err is set already, so action_refuse keeps it. */
    return action_refuse(outcome, kind, field, "%s", outcome->err.message);
}

enum ct_status coordinator_track(struct store *store, int64_t track_id, struct track_info *track,
                                 struct action_outcome *outcome)
{
    /* store_track_get refuses (CT_ERR_INPUT) only when no track has the id; any other
     * failure stays a failure. */
    enum ct_status status = store_track_get(store, track_id, track, &outcome->err);
    return coordinator_store_refusal(outcome, status, ACTION_NOT_FOUND, "track");
}
