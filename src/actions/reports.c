#include "reports.h"

#include <string.h>

#include "../store/store_learning.h"
#include "../store/store_progress.h"
#include "../store/store_tracks.h"
#include "notices.h"
#include "../core/banned.h"

/* The track the input names (0: the acting learner's current one), the learner's own. */
static enum ct_status report_track(struct store *store, const struct actor *actor, int64_t track_id,
                                   struct track_info *track, struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        track_id == 0 ? store_track_find_needing(store, actor->person_id, TRACK_NEEDS_FINAL_REPORT,
                                                 track, &found, &outcome->err)
                      : store_learning_track_get(store, track_id, track, &found, &outcome->err);
    if (status == CT_OK && (!found || (track_id == 0 && actor->person_id == 0))) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "track",
                             "You are not enrolled in a certification track.");
    }
    return status;
}

static void check_report(const struct report_save_input *input, bool *submitting,
                         struct action_outcome *outcome)
{
    *submitting = input->action != NULL && strcmp(input->action, "submit") == 0;
    if (input->action != NULL && !*submitting && strcmp(input->action, "save") != 0) {
        action_fault(outcome, "action", "Choose save or submit.");
    }
    if (input->text == NULL || input->text[0] == '\0') {
        action_fault(outcome, "text", "Write your reflection before saving it.");
    }
}

/* A report that exists is edited only as a draft. */
static enum ct_status check_draft(struct store *store, int64_t track_id,
                                  struct action_outcome *outcome)
{
    struct report_view report;
    bool found = false;
    enum ct_status status = store_report_view(store, track_id, &report, &found, &outcome->err);
    if (status == CT_OK && report.state != NULL && strcmp(report.state, "draft") != 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, NULL,
                               "a final report that is %s cannot be edited", report.state);
    }
    store_report_view_release(&report);
    return status;
}

enum ct_status action_report_save(struct store *store, const struct actor *actor,
                                  const struct report_save_input *input,
                                  struct report_save_result *result, struct action_outcome *outcome)
{
    struct track_info track;
    bool submitting = false;
    *result = (struct report_save_result){0, false};
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = report_track(store, actor, input->track_id, &track, outcome);
    }
    if (status == CT_OK) {
        check_report(input, &submitting, outcome);
        status = action_checked(outcome);
    }
    if (status == CT_OK && actor->person_id != 0 && track.person_id != actor->person_id) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "track",
                               "This is not your track: you write your own final report.");
    }
    if (status == CT_OK) {
        status = check_draft(store, track.id, outcome);
    }
    if (status == CT_OK) {
        result->track_id = track.id;
        status =
            store_final_report_save(store, actor->person_id, track.id, input->text, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    if (status == CT_OK && submitting) {
        status = store_final_report_act(store, actor->person_id, track.id, "submit", actor->today,
                                        NULL, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
        result->submitted = status == CT_OK;
    }
    if (status == CT_OK && submitting) {
        status = notices_report_submitted(store, actor, &track, &outcome->err);
    }
    return action_end(store, status, outcome);
}
