/*
 * store_claim_notes: what the learner's progress page shows of their open claims beside
 * the engine's evaluation: each pending or rejected activity's row id (for withdrawing
 * a pending claim) and the reason it was rejected with (the verifier's words, or the
 * learner's when they withdrew it), and whether a rejected one was corrected and sent
 * again.
 */
#ifndef CERTTRACK_STORE_CLAIM_NOTES_H
#define CERTTRACK_STORE_CLAIM_NOTES_H

#include "store.h"

struct claim_note {
    char key[64];    /* the activity's record key */
    int64_t id;      /* its row id */
    char title[256]; /* its title ("" when it has none) */
    struct civil_date date;
    char status[16];  /* "pending" or "rejected" */
    char reason[512]; /* why it was rejected ("" when pending) */
    bool replaced;    /* rejected, then corrected and sent again (store_claim_versions.h) */
};

/* Every pending or rejected activity of person_id, by record key: rows (started as
 * {.size = sizeof(struct claim_note)}; the caller releases it) sorted by key. */
enum ct_status store_claim_notes(struct store *store, int64_t person_id, struct store_rows *rows,
                                 struct ct_err *err) CT_MUST_CHECK;

/* The note of the activity with key among rows (from store_claim_notes), or NULL. */
const struct claim_note *store_claim_note_find(const struct store_rows *rows, const char *key);

#endif
