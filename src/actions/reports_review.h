/*
 * reports_review: the CE coordinator's review of a final report its learner submitted:
 * accept it, or return it to the learner with a comment. Only the CE coordinator (or
 * the system) reviews.
 */
#ifndef CERTTRACK_ACTIONS_REPORTS_REVIEW_H
#define CERTTRACK_ACTIONS_REPORTS_REVIEW_H

#include "action.h"

struct report_accept_input {
    int64_t track_id; /* field "track": the track whose final report it is */
};

/* Accepts the track's submitted final report on the actor's day. Refused: a track that
 * is not there (ACTION_NOT_FOUND); a track without a final report, or one whose report
 * is not submitted, as ACTION_WRONG_STATE with the store's words. */
enum ct_status action_report_accept(struct store *store, const struct actor *actor,
                                    const struct report_accept_input *input,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

struct report_return_input {
    int64_t track_id;    /* field "track" */
    const char *comment; /* field "comment": what to change, for the learner; needed */
};

/* Returns the track's submitted final report to draft with the comment; refused as
 * accepting is. */
enum ct_status action_report_return(struct store *store, const struct actor *actor,
                                    const struct report_return_input *input,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

#endif
