/*
 * store_review: what waits for the CE coordinator's review: the tracks their learners
 * sent for the award, and the final reports submitted for review, a page at a time.
 *
 * Each list is sorted by one of its columns (the enum, in the order the review page
 * shows them; a column without an SQL expression does not sort) and read into rows
 * whose text lives in the caller's arena.
 */
#ifndef CERTTRACK_STORE_REVIEW_H
#define CERTTRACK_STORE_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_page.h"
#include "store_track_summary.h"

/* The most rows one page of a list holds. */
#define STORE_REVIEW_PAGE_MAX 1000

/* The columns of the tracks sent for the award: the learner's name, the program, the
 * day it was sent (these sort); the evaluation today, the credits counted and the
 * decision (these do not). */
enum store_review_track_column {
    STORE_REVIEW_TRACK_NAME,
    STORE_REVIEW_TRACK_PROGRAM,
    STORE_REVIEW_TRACK_SENT,
    STORE_REVIEW_TRACK_TODAY,
    STORE_REVIEW_TRACK_COUNTED,
    STORE_REVIEW_TRACK_DECISION,
    STORE_REVIEW_TRACK_COLUMNS
};

/* A track in the state "submitted", with its learner. Text is in the arena. */
struct store_review_track {
    int64_t track_id;
    int64_t person_id;
    const char *name;
    const char *program; /* the program's id */
    struct civil_date started;
    struct civil_date deadline;
    struct civil_date sent; /* the day it became submitted */
    /* Its summary as stored (as_of unset when it has none); as of the day asked for
     * from store_review_tracks_on. */
    struct track_summary summary;
};

/* How many tracks wait for the award. */
enum ct_status store_review_tracks_count(struct store *store, int64_t *total,
                                         struct ct_err *err) CT_MUST_CHECK;

/* One page of them (page->limit 1 to STORE_REVIEW_PAGE_MAX), sorted as page says, the
 * track's id breaking ties: *rows (from arena, borrowed; NULL when none) holds *count. */
enum ct_status store_review_tracks(struct store *store, const struct store_page *page,
                                   struct arena *arena, struct store_review_track **rows,
                                   size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* store_review_tracks with each row's summary as of day: a summary of another day (or
 * none) is evaluated in full, written and read again (store_track_summary_freshen), so
 * that at most the page's rows are evaluated; the page never sorts by a summary. */
enum ct_status store_review_tracks_on(struct store *store, struct civil_date day,
                                      const struct store_page *page, struct arena *arena,
                                      struct store_review_track **rows, size_t *count,
                                      struct ct_err *err) CT_MUST_CHECK;

/* The columns of the final reports waiting for review: the day submitted. */
enum store_review_report_column { STORE_REVIEW_REPORT_SUBMITTED, STORE_REVIEW_REPORT_COLUMNS };

/* A final report in the state "submitted", with its track and learner. */
struct store_review_report {
    int64_t track_id;
    int64_t person_id;
    const char *name;
    const char *program;
    struct civil_date submitted;
    const char *text; /* the reflection */
};

/* How many final reports wait for review. */
enum ct_status store_review_reports_count(struct store *store, int64_t *total,
                                          struct ct_err *err) CT_MUST_CHECK;

/* One page of them, as store_review_tracks gives its rows. */
enum ct_status store_review_reports(struct store *store, const struct store_page *page,
                                    struct arena *arena, struct store_review_report **rows,
                                    size_t *count, struct ct_err *err) CT_MUST_CHECK;

#endif
