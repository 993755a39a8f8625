#include "tracks.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/engine.h"
#include "../store/store_learning.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "../core/banned.h"

static const char *const no_open_track = "You have no track to send for the award: it is already"
                                         " with the State Library, or you are not enrolled.";

static bool open_to_submit(const struct track_info *track)
{
    return strcmp(track->state, "active") == 0 || strcmp(track->state, "returned") == 0;
}

/* The track named (0: the acting learner's current one), theirs, and open. */
static enum ct_status open_track(struct store *store, const struct actor *actor,
                                 const struct track_submit_input *input, struct track_info *track,
                                 struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        input->track_id == 0
            ? store_track_find_current(store, actor->person_id, track, &found, &outcome->err)
            : store_learning_track_get(store, input->track_id, track, &found, &outcome->err);
    if (status == CT_OK && (!found || (input->track_id == 0 && actor->person_id == 0))) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "track", "%s", no_open_track);
    }
    if (status == CT_OK && actor->person_id != 0 && track->person_id != actor->person_id) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "track",
                             "This is not your track: a learner sends their own for the award.");
    }
    if (status == CT_OK && !open_to_submit(track)) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "track", "%s", no_open_track);
    }
    return status;
}

/* Refuses a track the engine does not call complete, saying what still blocks it. */
static enum ct_status check_complete(const struct evaluation *evaluation,
                                     struct action_outcome *outcome)
{
    if (evaluation->status == TRACK_COMPLETE) {
        return CT_OK;
    }
    struct buf text;
    buf_init(&text, sizeof outcome->err.message - 1);
    enum ct_status status = buf_append_str(&text, "Your track is not complete yet:");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        status = buf_printf(&text, " %s", blocking_description(evaluation->blocking[i].code));
    }
    if (status == CT_OK) {
        status = buf_append_str(&text, " Your progress page says what to do.");
    }
    if (status == CT_OK || status == CT_ERR_TOO_LARGE) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "complete", "%s", buf_str(&text));
        /* The fault's copy may be cut; the first fault's message is kept whole. */
        (void)ct_err_set(&outcome->err, CT_ERR_INPUT, "complete", "%s", buf_str(&text));
    }
    buf_release(&text);
    return status;
}

enum ct_status action_track_submit(struct store *store, const struct actor *actor,
                                   const struct track_submit_input *input,
                                   struct track_submit_result *result,
                                   struct action_outcome *outcome)
{
    struct track_info track;
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    result->track_id = 0;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = open_track(store, actor, input, &track, outcome);
    }
    if (status == CT_OK) {
        result->track_id = track.id;
        status = store_record_evaluate(store, track.id, actor->today, &record, &evaluation,
                                       &outcome->err);
    }
    if (status == CT_OK) {
        status = check_complete(evaluation, outcome);
    }
    if (status == CT_OK) {
        status = store_track_act(store, actor->person_id, track.id, "submit", NULL, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    evaluation_free(evaluation);
    record_free(record);
    return action_end(store, status, outcome);
}
