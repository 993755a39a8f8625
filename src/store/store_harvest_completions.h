/*
 * store_harvest_completions: a harvested completion, recorded as an activity.
 *
 * A person holds one activity per catalog event: a completion harvested again (a
 * re-import, by file and by xAPI, through another mapping, on a later day) is still
 * that one activity, with one provenance record per distinct raw record
 * (store_harvest_proof.h).
 *
 * Functions named *_in_transaction run inside the caller's open transaction (db_begin)
 * and leave committing to it; the others open and finish their own.
 */
#ifndef CERTTRACK_STORE_HARVEST_COMPLETIONS_H
#define CERTTRACK_STORE_HARVEST_COMPLETIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

enum harvest_completion_result {
    HARVEST_CREATED,   /* a new activity */
    HARVEST_DUPLICATE, /* the activity existed: a provenance record was added, or it
                          already had this one */
    HARVEST_PARTIAL,   /* one part of a course recorded; the course is not complete yet */
};

struct harvest_completion_outcome {
    enum harvest_completion_result result;
    int64_t activity_id;
    bool verified;         /* created verified: the event's LMS is proof enough */
    bool provenance_added; /* a new provenance record (false: the same raw record again) */
    char missing[HARVEST_LINK_NAME_SIZE]; /* HARVEST_PARTIAL: the parts still missing */
};

/* Records a completion inside the caller's transaction. A completion of one named part
 * of a course is recorded as that part (store_harvest_proof_part_record); until every
 * part is complete the outcome is HARVEST_PARTIAL, naming the parts missing, and then
 * the event is complete on the day the last part was. A complete event creates the
 * activity (kind, title, credits and category of the catalog event; status verified
 * when the event says the LMS is proof enough, else pending; provenance harvest, source
 * the site's address) with its audit entry and provenance record or, when the person
 * holds an activity for that event already (on any day, in any state: one event, one
 * credit), only adds the provenance record to it. Refuses ("event") an event that does
 * not exist. */
enum ct_status store_harvest_completion_in_transaction(struct store *store, int64_t actor_id,
                                                       const struct harvest_completion *completion,
                                                       struct harvest_completion_outcome *outcome,
                                                       struct ct_err *err) CT_MUST_CHECK;

/* store_harvest_completion_in_transaction in a transaction of its own. */
enum ct_status store_harvest_completion(struct store *store, int64_t actor_id,
                                        const struct harvest_completion *completion,
                                        struct harvest_completion_outcome *outcome,
                                        struct ct_err *err) CT_MUST_CHECK;

#endif
