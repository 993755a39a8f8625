/*
 * claims_before_track: on the learner's progress page, the pending and rejected claims
 * dated before the track started. The track's record (store_record.h) reads only the
 * activities from its first day, so the engine never judges these and the activity
 * table never shows them; without this part a claim sent too early, and the verifier's
 * reason for rejecting it, would be seen nowhere.
 */
#ifndef CERTTRACK_CLAIMS_BEFORE_TRACK_H
#define CERTTRACK_CLAIMS_BEFORE_TRACK_H

#include <stdint.h>

#include "../../core/record.h"
#include "../html/html.h"
#include "../http/request.h"

/* A table of person_id's pending and rejected claims dated before record's track
 * started (record borrowed), each with why it does not count toward the track and the
 * verifier's reason; for its own learner (own) the way to withdraw a pending claim and to
 * correct a rejected one. Corrected claims are left out (their correction is listed
 * where its date puts it). Writes nothing when there is none. Failures go to h. */
void page_claims_before_track(struct web_request *request, struct html *h,
                              const struct learner_record *record, int64_t person_id, bool own);

#endif
