#include "claim_warning.h"

#include <stdio.h>
#include <string.h>

#include "../core/claim_check.h"
#include "../store/store_enrolment.h"
#include "../store/store_record.h"
#include "../core/banned.h"

/* What the engine decided for the activity on one track. */
static enum ct_status track_reason(struct store *store, const struct track_row *track,
                                   const char *key, struct civil_date today,
                                   struct claim_warning_track *out, struct ct_err *err)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(store, track->id, today, &record, &evaluation, err);
    if (status == CT_OK) {
        snprintf(out->program, sizeof out->program, "%s", evaluation->program->name);
        const struct activity_result *result = claim_check_find(record, evaluation, key);
        /* The store leaves out of a track's record what happened before it started. */
        out->reason = result != NULL ? result->reason : REASON_BEFORE_TRACK;
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status claim_warning_of(struct store *store, int64_t person_id, const char *key,
                                struct civil_date today, struct claim_warning *warning,
                                struct ct_err *err)
{
    memset(warning, 0, sizeof *warning);
    struct store_rows rows = {.size = sizeof(struct track_row)};
    enum ct_status status = store_track_rows(store, person_id, &rows, err);
    const struct track_row *tracks = rows.items;
    bool counted_somewhere = false;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        if (!store_track_state_open(tracks[i].state) ||
            warning->track_count == CLAIM_WARNING_TRACKS) {
            continue;
        }
        struct claim_warning_track *track = &warning->tracks[warning->track_count];
        status = track_reason(store, &tracks[i], key, today, track, err);
        warning->track_count += status == CT_OK;
        counted_somewhere = counted_somewhere || !claim_check_warns(track->reason);
    }
    warning->warned = status == CT_OK && warning->track_count > 0 && !counted_somewhere;
    store_rows_release(&rows);
    return status;
}
