/*
 * tracks: the learner sends a complete track to the State Library for the award.
 *
 * A track is awarded only once it is submitted (docs/workflows.md); the learner submits
 * it once the engine calls it complete.
 */
#ifndef CERTTRACK_ACTIONS_TRACKS_H
#define CERTTRACK_ACTIONS_TRACKS_H

#include "action.h"

struct track_submit_input {
    int64_t track_id; /* field "track": 0 for the acting learner's current track */
};

struct track_submit_result {
    int64_t track_id;
};

/* Submits the track for the award when it is open (active or returned) and the engine
 * calls it complete on the actor's day. No track is ACTION_NOT_FOUND at "track", another
 * person's ACTION_NOT_ALLOWED; a track that is not open is ACTION_WRONG_STATE at
 * "track", one that is not complete ACTION_WRONG_STATE at "complete", the message saying
 * what still blocks it, in words. */
enum ct_status action_track_submit(struct store *store, const struct actor *actor,
                                   const struct track_submit_input *input,
                                   struct track_submit_result *result,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

#endif
