/*
 * claim_warning: what the rules engine says of a claim on each of the learner's open
 * tracks, so that a claim the engine will not count is shown with the engine's own
 * reason before it is sent (the claim form's confirmation step) and beside it on the
 * verify queue. Nothing here decides: the reasons are the engine's (claim_check.h).
 */
#ifndef CERTTRACK_ACTIONS_CLAIM_WARNING_H
#define CERTTRACK_ACTIONS_CLAIM_WARNING_H

#include "../core/engine.h"
#include "../store/store.h"

/* The most open tracks a warning speaks of. */
#define CLAIM_WARNING_TRACKS 8

struct claim_warning_track {
    char program[128];  /* the program's name */
    enum reason reason; /* the engine's reason for the claim on this track */
};

struct claim_warning {
    size_t track_count; /* the open tracks the claim was evaluated on */
    struct claim_warning_track tracks[CLAIM_WARNING_TRACKS];
    /* True when the engine counts the claim on none of them, even once verified: every
     * track's reason warns (claim_check_warns). False when the learner has no open
     * track: the engine then has nothing to say of it. */
    bool warned;
};

/* Evaluates person_id's open tracks (the first CLAIM_WARNING_TRACKS) as of today and
 * fills *warning with what the engine decided for their activity whose record key is
 * key (borrowed). A track whose record does not hold the activity (it is dated before
 * the track's start) has REASON_BEFORE_TRACK, as the engine says of such activities. */
enum ct_status claim_warning_of(struct store *store, int64_t person_id, const char *key,
                                struct civil_date today, struct claim_warning *warning,
                                struct ct_err *err) CT_MUST_CHECK;

#endif
