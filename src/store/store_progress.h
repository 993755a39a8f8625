/*
 * store_progress: what a person's progress page shows beside the engine's evaluation:
 * the titles of the record's activities and the certificates the person holds.
 */
#ifndef CERTTRACK_STORE_PROGRESS_H
#define CERTTRACK_STORE_PROGRESS_H

#include "../core/record.h"
#include "store.h"
#include "store_award.h"
#include "store_tracks.h"

/* The title of each of record's activities (person_id's), in the record's order:
 * *titles is record->activity_count strings (NULL where an activity has no title), all
 * owned by record's arena. */
enum ct_status store_activity_titles(struct store *store, int64_t person_id,
                                     struct learner_record *record, const char ***titles,
                                     struct ct_err *err) CT_MUST_CHECK;

/* A certificate as its holder's page lists it. */
struct held_certificate {
    int64_t id;
    char number[CERTIFICATE_NUMBER_SIZE];
    char program[65]; /* the program's id */
    struct civil_date issued;
    struct civil_date valid_until;
    struct civil_date revoked; /* unset when not revoked */
    char verification_code[VERIFICATION_CODE_SIZE];
};

/* person_id's certificates, newest first: the new array *held (the caller frees it) of
 * *count. */
enum ct_status store_certificates_held(struct store *store, int64_t person_id,
                                       struct held_certificate **held, size_t *count,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The track that follows track_id (enrolled by its award) into *next; *found is false
 * when there is none. */
enum ct_status store_track_successor(struct store *store, int64_t track_id, struct track_info *next,
                                     bool *found, struct ct_err *err) CT_MUST_CHECK;

/* A track with the comment of its last return; the texts the caller frees
 * (store_track_view_release). */
struct track_view {
    struct track_info track;
    char *comment; /* NULL when there is none */
};

/* The track with track_id into *view; *found is false when there is none. */
enum ct_status store_track_view(struct store *store, int64_t track_id, struct track_view *view,
                                bool *found, struct ct_err *err) CT_MUST_CHECK;

void store_track_view_release(struct track_view *view);

/* A track's final report: every text NULL when the track has none (or the column is
 * empty); freed with store_report_view_release. */
struct report_view {
    int64_t track_id;
    char *state;
    char *text;
    char *comment; /* the comment it was last returned with */
    char *submitted;
    char *accepted;
};

/* The final report of track_id into *view; *found is false when there is no such
 * track. */
enum ct_status store_report_view(struct store *store, int64_t track_id, struct report_view *view,
                                 bool *found, struct ct_err *err) CT_MUST_CHECK;

void store_report_view_release(struct report_view *view);

#endif
