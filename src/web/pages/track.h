/*
 * track: the learner sends a complete track to the State Library for the award.
 *
 * A track is awarded only once it is submitted (docs/workflows.md); this is where the
 * learner submits it, from the dashboard, once the engine calls it complete.
 */
#ifndef CERTTRACK_TRACK_H
#define CERTTRACK_TRACK_H

#include "../../core/engine.h"
#include "../../store/store_tracks.h"
#include "../http/request.h"

/* Appends, for the dashboard, the form that sends a complete active (or returned) track
 * for the award, or a line saying a submitted track waits for it; a returned track also
 * gets the State Library's comment. Everything borrowed. */
enum ct_status track_award_request(struct web_request *request, struct buf *out,
                                   const struct track_info *track,
                                   const struct evaluation *evaluation) CT_MUST_CHECK;

/* Sends the signed-in learner's current track for the award when it is open (active or
 * returned) and the engine calls it complete today; *track_id receives the track's id
 * (0 when there is none). A refusal is CT_ERR_INPUT with err->where "track" (no open
 * track), "complete" (not complete: the message says what still blocks it, in words),
 * or nothing when the track's state forbids it. */
enum ct_status track_submit_current(struct web_request *request, int64_t *track_id,
                                    struct ct_err *err) CT_MUST_CHECK;

/* POST /track, action=submit: submits the learner's current track when the engine calls
 * it complete today; otherwise a 400 page that says what still blocks it. */
enum ct_status page_track_submit(struct web_request *request,
                                 struct web_response *response) CT_MUST_CHECK;

#endif
