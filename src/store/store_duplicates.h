/*
 * store_duplicates: one catalog event, one credit.
 *
 * A person holds at most one activity per catalog event (a partial unique index,
 * migration 8). Databases written before it may hold more: migration 8 keeps one of
 * each set (the first verified one, else the first pending, else the first; first by
 * date, then id) and supersedes the others: rejected, with superseded_by naming the one
 * kept, and audited as "supersede" by the system. They stay in the record and never
 * count. `certtrack check` lists them, and with --merge moves their provenance (the
 * report rows, xAPI statements and provenance records that proved them) onto the
 * activity kept, audited as "merge": nothing is deleted.
 */
#ifndef CERTTRACK_STORE_DUPLICATES_H
#define CERTTRACK_STORE_DUPLICATES_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* Supersedes every duplicate activity of a person and catalog event, as above. Runs
 * inside the caller's transaction (migration 8's). */
enum ct_status store_duplicates_supersede_all(struct db *db, struct ct_err *err) CT_MUST_CHECK;

#define DUPLICATE_TEXT_SIZE 256

/* A superseded activity and the activity kept in its place. */
struct duplicate {
    int64_t activity_id;
    char record_key[64];
    int64_t person_id;
    char person_email[DUPLICATE_TEXT_SIZE];
    int64_t event_id;
    char event_title[DUPLICATE_TEXT_SIZE];
    struct civil_date date;
    int64_t kept_id;
    char kept_key[64];
    int64_t proofs; /* provenance records, report rows and statements still pointing at it */
    bool merged;    /* its provenance was moved onto the activity kept */
};

typedef enum ct_status (*store_duplicate_fn)(void *context, const struct duplicate *duplicate,
                                             struct ct_err *err);

/* Calls each (context borrowed) for every superseded activity, by person then event.
 * A failure from each stops the walk and is returned. */
enum ct_status store_duplicates_each(struct store *store, store_duplicate_fn each, void *context,
                                     struct ct_err *err) CT_MUST_CHECK;

/* Moves the provenance of every superseded activity not merged yet onto the activity
 * kept (a provenance record the kept one already has, the same raw record, stays where
 * it is), marks it merged and audits it with actor_id (0: the system). One transaction;
 * *merged (may be NULL) gets how many were merged. */
enum ct_status store_duplicates_merge(struct store *store, int64_t actor_id, int64_t *merged,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
