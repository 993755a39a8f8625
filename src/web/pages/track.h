/*
 * track: the learner sends a complete track to the State Library for the award.
 *
 * A track is awarded only once it is submitted (docs/workflows.md); this is where the
 * learner submits it, from the dashboard, once the engine calls it complete. The
 * submission is the action's (src/actions/tracks.h).
 */
#ifndef CERTTRACK_TRACK_H
#define CERTTRACK_TRACK_H

#include "../../core/engine.h"
#include "../../store/store_tracks.h"
#include "../html/html.h"
#include "../http/request.h"

/* Writes, for the dashboard, the form that sends a complete active (or returned) track
 * for the award, or a line saying a submitted track waits for it; a returned track also
 * gets the State Library's comment. Everything borrowed. */
void track_award_block(struct web_request *request, struct html *h, const struct track_info *track,
                       const struct evaluation *evaluation);

/* track_award_block appended to out, its status returned (for a page that writes on a
 * plain buffer). */
enum ct_status track_award_request(struct web_request *request, struct buf *out,
                                   const struct track_info *track,
                                   const struct evaluation *evaluation) CT_MUST_CHECK;

/* POST /track, action=submit: submits the learner's current track when the engine calls
 * it complete today; otherwise a 400 page that says what still blocks it. */
enum ct_status page_track_submit(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

#endif
