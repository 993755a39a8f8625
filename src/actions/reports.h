/*
 * reports: the learner's final report (reflection) for a track: saved as a draft as often
 * as they like, and submitted to the State Library.
 */
#ifndef CERTTRACK_ACTIONS_REPORTS_H
#define CERTTRACK_ACTIONS_REPORTS_H

#include "action.h"

struct report_save_input {
    int64_t track_id;   /* field "track": 0 for the acting learner's current track */
    const char *text;   /* "text": the reflection (needed) */
    const char *action; /* "action": "save" (also NULL) keeps a draft, "submit" saves and
                           submits it in one change */
};

struct report_save_result {
    int64_t track_id;
    bool submitted;
};

/* Saves (and submits) the final report of the acting learner's track. No track is
 * ACTION_NOT_FOUND at "track", another person's ACTION_NOT_ALLOWED; a report that is
 * submitted or accepted is ACTION_WRONG_STATE. */
enum ct_status action_report_save(struct store *store, const struct actor *actor,
                                  const struct report_save_input *input,
                                  struct report_save_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

#endif
