#include "award.h"

#include <string.h>

#include "../core/workflow.h"
#include "../store/store_tracks.h"
#include "coordinator.h"
#include "notices.h"
#include "../core/banned.h"

static void check_track(int64_t track_id, struct action_outcome *outcome)
{
    if (track_id <= 0) {
        action_fault(outcome, "track", "Choose the track to decide on.");
    }
}

/* Refuses (ACTION_WRONG_STATE, the workflow's words) when the track's state does not
 * allow action. */
static enum ct_status check_state(const struct track_info *track, const char *action,
                                  struct action_outcome *outcome)
{
    const char *to = NULL;
    enum ct_status status = workflow_next(WORKFLOW_TRACK, track->state, action, &to, &outcome->err);
    return coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, NULL);
}

enum ct_status action_track_award(struct store *store, const struct actor *actor,
                                  const struct track_award_input *input,
                                  struct award_result *result, struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    check_track(input->track_id, outcome);
    enum ct_status status = coordinator_begin(store, actor, "awards a track", outcome);
    if (status != CT_OK) {
        return status;
    }
    struct track_info track;
    status = coordinator_track(store, input->track_id, &track, outcome);
    if (status == CT_OK) {
        status = check_state(&track, "award", outcome);
    }
    if (status == CT_OK) {
        /* The store evaluates the track as of the day and refuses an incomplete one. */
        status = store_award(store, actor->person_id, input->track_id, actor->today, result,
                             &outcome->err);
        status = coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    if (status == CT_OK) {
        status = notices_certificate_awarded(store, actor, &track, result, &outcome->err);
    }
    return action_end(store, status, outcome);
}

enum ct_status action_track_return(struct store *store, const struct actor *actor,
                                   const struct track_return_input *input,
                                   struct action_outcome *outcome)
{
    check_track(input->track_id, outcome);
    if (input->comment == NULL || input->comment[0] == '\0') {
        action_fault(outcome, "comment", ACTION_RETURN_COMMENT_NEEDED);
    }
    enum ct_status status = coordinator_begin(store, actor, "returns a track", outcome);
    if (status != CT_OK) {
        return status;
    }
    struct track_info track;
    status = coordinator_track(store, input->track_id, &track, outcome);
    if (status == CT_OK) {
        status = check_state(&track, "return", outcome);
    }
    if (status == CT_OK) {
        status = store_track_act(store, actor->person_id, input->track_id, "return", input->comment,
                                 &outcome->err);
        status = coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    if (status == CT_OK) {
        status = notices_track_returned(store, actor, &track, input->comment, &outcome->err);
    }
    return action_end(store, status, outcome);
}
