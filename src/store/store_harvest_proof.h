/*
 * store_harvest_proof: what proves a harvested credit, and what takes it back.
 *
 * One person holds at most one activity per catalog event. Every record that proves it
 * (a report row, an xAPI statement, through one mapping of the event or another) is a
 * provenance record of that activity, kept with the mapping it came through; the
 * learner's own claim of it proves it too. Separate mappings of an event (a whole
 * course, another course, another site) are alternatives: any one of them proves it.
 * The activities named under one course mapping (--course-url C --lms-name A
 * --lms-name B) are parts of one whole: the event is complete when every part is, on
 * the day the last one was.
 *
 * A withdrawal (Moodle's "uncompleted", or a report's "Not completed (set by ...)" later
 * than the credit) withdraws the proofs that came through its mapping; the credit itself
 * is withdrawn (rejected, with the reason) only when no other proof of it remains.
 *
 * All functions run inside the caller's transaction (store_harvest_withdraw opens one of
 * its own when there is none).
 */
#ifndef CERTTRACK_STORE_HARVEST_PROOF_H
#define CERTTRACK_STORE_HARVEST_PROOF_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

/* The activity the person holds for the catalog event (the one not superseded), or 0
 * in *activity_id when none. */
enum ct_status store_harvest_proof_holder(struct store *store, int64_t person_id, int64_t event_id,
                                          int64_t *activity_id, struct ct_err *err) CT_MUST_CHECK;

/* Records the completion of one part (completion->link names it; borrowed) and tells
 * whether the whole is now complete: *complete, with *date the day the last part was
 * completed; else missing (size bytes) lists the parts not complete, ", " between. */
enum ct_status store_harvest_proof_part_record(struct store *store,
                                               const struct harvest_completion *completion,
                                               bool *complete, struct civil_date *date,
                                               char *missing, size_t size,
                                               struct ct_err *err) CT_MUST_CHECK;

/* A withdrawal of a completion by the LMS. Pointers borrowed. */
struct harvest_withdrawal {
    int64_t person_id;
    int64_t event_id;
    const struct harvest_link *link; /* the mapping it came through; NULL: every one */
    struct civil_date date;          /* the civil day it was withdrawn on */
    const char *reason;              /* kept as the activity's reason when withdrawn */
};

enum harvest_withdrawal_result {
    HARVEST_WITHDREW_NOTHING, /* no credited completion of the event on or before that day */
    HARVEST_WITHDREW_PROOF,   /* this mapping's proof withdrawn; another proof keeps it */
    HARVEST_WITHDREW_CREDIT,  /* the activity withdrawn (rejected) */
};

#define HARVEST_NOTE_SIZE 300

struct harvest_withdrawal_outcome {
    enum harvest_withdrawal_result result;
    int64_t activity_id;
    char note[HARVEST_NOTE_SIZE]; /* why nothing, or what proof remains */
};

/* Applies a withdrawal as the header says, audited with actor_id (0: the LMS). */
enum ct_status store_harvest_proof_withdraw(struct store *store, int64_t actor_id,
                                            const struct harvest_withdrawal *withdrawal,
                                            struct harvest_withdrawal_outcome *outcome,
                                            struct ct_err *err) CT_MUST_CHECK;

/* Withdraws a harvested activity (e.g. the LMS says "uncompleted"): status rejected with
 * the reason (required), by and at recorded, audit entry kept; the row stays, so its
 * history does. *withdrawn is false, and nothing changes, when it was rejected already.
 * Runs inside the caller's transaction when one is open. */
enum ct_status store_harvest_withdraw(struct store *store, int64_t actor_id, int64_t activity_id,
                                      const char *reason, bool *withdrawn,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
