#include "reports_review.h"

#include <string.h>

#include "../store/store_tracks.h"
#include "award.h"
#include "coordinator.h"
#include "notices.h"
#include "../core/banned.h"

/* Applies action ("accept" or "return", with comment) to the final report of track_id,
 * once the input is checked. */
static enum ct_status review(struct store *store, const struct actor *actor, int64_t track_id,
                             const char *action, const char *comment,
                             struct action_outcome *outcome)
{
    if (track_id <= 0) {
        action_fault(outcome, "track", "Choose the track whose final report it is.");
    }
    enum ct_status status = coordinator_begin(store, actor, "reviews a final report", outcome);
    if (status != CT_OK) {
        return status;
    }
    struct track_info track;
    status = coordinator_track(store, track_id, &track, outcome);
    if (status == CT_OK) {
        /* The store refuses a track without a report, and a report not submitted. */
        status = store_final_report_act(store, actor->person_id, track_id, action, actor->today,
                                        comment, &outcome->err);
        status = coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    if (status == CT_OK) {
        status = notices_report_reviewed(
            store, actor, &track, strcmp(action, "return") == 0 ? comment : NULL, &outcome->err);
    }
    return action_end(store, status, outcome);
}

enum ct_status action_report_accept(struct store *store, const struct actor *actor,
                                    const struct report_accept_input *input,
                                    struct action_outcome *outcome)
{
    return review(store, actor, input->track_id, "accept", NULL, outcome);
}

enum ct_status action_report_return(struct store *store, const struct actor *actor,
                                    const struct report_return_input *input,
                                    struct action_outcome *outcome)
{
    if (input->comment == NULL || input->comment[0] == '\0') {
        action_fault(outcome, "comment", ACTION_RETURN_COMMENT_NEEDED);
    }
    return review(store, actor, input->track_id, "return", input->comment, outcome);
}
