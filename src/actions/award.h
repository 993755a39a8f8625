/*
 * award: the CE coordinator's decision on a track its learner sent for the award: award
 * it (the certificate is issued) or return it with a comment. Only the CE coordinator
 * (or the system) decides.
 */
#ifndef CERTTRACK_ACTIONS_AWARD_H
#define CERTTRACK_ACTIONS_AWARD_H

#include "../store/store_award.h"
#include "action.h"

struct track_award_input {
    int64_t track_id; /* field "track" */
};

/* Awards a submitted track on the actor's day (store_award): issues the certificate
 * (result), marks the track certified and starts the program's next track the day
 * after. Refused: a track that is not there (ACTION_NOT_FOUND); one that is not
 * submitted, or that the rules engine does not call complete as of the actor's day
 * (credits, categories, the final report accepted where the program needs one), as
 * ACTION_WRONG_STATE with the store's words (the engine's blocking codes). */
enum ct_status action_track_award(struct store *store, const struct actor *actor,
                                  const struct track_award_input *input,
                                  struct award_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

struct track_return_input {
    int64_t track_id;    /* field "track" */
    const char *comment; /* field "comment": what to change, for the learner; needed */
};

/* Returns a submitted track to its learner with a comment. Refused as the award is, a
 * track that is not submitted being ACTION_WRONG_STATE. */
enum ct_status action_track_return(struct store *store, const struct actor *actor,
                                   const struct track_return_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

/* The words of a refused return without a comment, the same for the track and the
 * final report (reports_review.h). */
#define ACTION_RETURN_COMMENT_NEEDED "Say what to change when returning: the learner will see it."

#endif
