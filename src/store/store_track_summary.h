/*
 * store_track_summary: a summary of each track's evaluation (status, counted and
 * required credits in halves, the blocking codes, the next expiry; and the next step:
 * the first blocking item todo_rule_next_blocking picks, its category's name, the
 * credits still needed and the engine's deadline), as of its day, kept
 * in the track_summaries table so that lists sort, filter and page with SQL instead of
 * evaluating every track per view.
 *
 * The invariant: a track's summary is what store_record_evaluate gives for the track as
 * of the summary's as_of day. The engine is never re-implemented here: a summary is cut
 * from the same evaluation the dashboard and the compliance report use. It holds because
 * every change of the record is audited (store_audit) and store_finish, before the
 * outermost commit of a change, refreshes the summaries of every person an audit entry of
 * that transaction is about (store_track_summary_refresh_touched), once per person; and
 * because the daily refresh (store_track_summary_refresh_before) moves every summary to
 * the new day for the passing of time (credits expiring, deadlines passing).
 */
#ifndef CERTTRACK_STORE_TRACK_SUMMARY_H
#define CERTTRACK_STORE_TRACK_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/engine.h"
#include "store.h"

#define TRACK_SUMMARY_BLOCKING_SIZE 1024
#define TRACK_SUMMARY_CATEGORY_SIZE 256

struct track_summary {
    int64_t track_id;
    int64_t person_id;
    enum track_status status;
    int64_t counted_halves;
    int64_t required_halves;
    char blocking[TRACK_SUMMARY_BLOCKING_SIZE]; /* compliance_blocking_codes */
    size_t blocking_count;
    struct civil_date next_expiry; /* unset: no counted credit falls */
    struct civil_date as_of;
    /* The next step (todo_rule_next_blocking): whether something blocks, the first thing
     * that does, and for BLOCKING_CATEGORY_SHORT the category's name ("" otherwise). */
    bool blocked;
    enum blocking_code next_blocking; /* BLOCKING_CREDITS_SHORT when not blocked */
    char next_category[TRACK_SUMMARY_CATEGORY_SIZE];
    int64_t remaining_halves;   /* credits still needed */
    struct civil_date deadline; /* the engine's; unset: none */
};

/* The summary of evaluation (borrowed) of track_id of person_id, into *out. */
void track_summary_from_evaluation(int64_t track_id, int64_t person_id,
                                   const struct evaluation *evaluation, struct track_summary *out);

/* Evaluates track_id as of day and writes its summary. Call inside a transaction. */
enum ct_status store_track_summary_refresh_track(struct store *store, int64_t track_id,
                                                 struct civil_date day,
                                                 struct ct_err *err) CT_MUST_CHECK;

/* The same for every track of person_id. Call inside a transaction. */
enum ct_status store_track_summary_refresh_person(struct store *store, int64_t person_id,
                                                  struct civil_date day,
                                                  struct ct_err *err) CT_MUST_CHECK;

/* The store's before_commit: refreshes, as of today (clock_today), the tracks of every
 * person an audit entry written since the last refresh is about (an entry of the
 * person, a track, plan version, plan goal or item, final report, activity or
 * certificate; a moved row counts for its person before and after), each person once,
 * and remembers the newest entry. Does nothing when the store has no programs (the
 * entries wait for the next store that has). Call inside the change's transaction. */
enum ct_status store_track_summary_refresh_touched(struct store *store,
                                                   struct ct_err *err) CT_MUST_CHECK;

/* The daily refresh: evaluates as of day every track whose summary is missing or as of
 * a day before day (every track when all is true), in transactions of a few hundred
 * tracks. *refreshed (may be NULL) is how many were written. */
enum ct_status store_track_summary_refresh_before(struct store *store, struct civil_date day,
                                                  bool all, size_t *refreshed,
                                                  struct ct_err *err) CT_MUST_CHECK;

/* The first fill, once per database (after migration 20, and again after 22): every
 * track as of today, in one transaction, and the audit entries until now counted as
 * refreshed. Does nothing when it already ran or the store has no programs. */
enum ct_status store_track_summary_fill(struct store *store, struct ct_err *err) CT_MUST_CHECK;

/* Reads track_id's summary into *out; *found tells whether it has one. */
enum ct_status store_track_summary_get(struct store *store, int64_t track_id,
                                       struct track_summary *out, bool *found,
                                       struct ct_err *err) CT_MUST_CHECK;

/* For the lists that show a summary per row: the columns a list's query selects from its
 * summaries (s, LEFT JOINed ON s.track_id = the row's track), in the order
 * track_summary_read_columns reads them. */
#define TRACK_SUMMARY_COLUMNS                                                                      \
    "s.status, s.counted_halves, s.required_halves, s.blocking, s.blocking_count,"                 \
    " s.next_expiry, s.as_of, s.next_blocking, s.next_category, s.remaining_halves, s.deadline"

/* Reads TRACK_SUMMARY_COLUMNS from column first of stmt on as the summary of track_id of
 * person_id into *out; a missing summary (its columns NULL) leaves out->as_of unset. */
void track_summary_read_columns(struct db_stmt *stmt, int first, int64_t track_id,
                                int64_t person_id, struct track_summary *out);

/* The most rows one call of store_track_summary_freshen takes: a list's page. */
#define TRACK_SUMMARY_FRESHEN_MAX 1000

/* Staleness on read, for a list's page: every summary in rows (count rows, stride bytes
 * apart, the struct track_summary at offset bytes within each) of a track (track_id not
 * 0) whose as_of is not day (a day that passed, or a missing summary) is evaluated in
 * full as of day, written, and replaced in its row, in one transaction (nested in the
 * caller's when it has one); fresh rows are not touched. *refreshed (may be NULL) is
 * how many. More than TRACK_SUMMARY_FRESHEN_MAX rows: CT_ERR_INPUT, nothing done. */
enum ct_status store_track_summary_freshen(struct store *store, struct civil_date day, void *rows,
                                           size_t count, size_t stride, size_t offset,
                                           size_t *refreshed, struct ct_err *err) CT_MUST_CHECK;

/* The codes of summary's blocking, in order, into codes (at most max of them); how many
 * were written. A name the engine does not know is skipped. */
size_t track_summary_blocking_codes(const struct track_summary *summary, enum blocking_code *codes,
                                    size_t max);

/* Called by the check for a track whose summary is missing (stored NULL) or differs
 * from the full evaluation (evaluated) as of the summary's day (both borrowed). */
typedef void (*track_summary_mismatch)(void *context, int64_t track_id,
                                       const struct track_summary *stored,
                                       const struct track_summary *evaluated);

/* The invariant, checked: evaluates every track in full as of its summary's day (today
 * when it has none) and compares. *checked is how many tracks, *mismatched how many did
 * not agree (each given to mismatch, which may be NULL). Writes nothing. */
enum ct_status store_track_summary_check(struct store *store, track_summary_mismatch mismatch,
                                         void *context, size_t *checked, size_t *mismatched,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Whether two summaries say the same: status, counted and required credits, blocking
 * codes, next expiry, day, next step (blocked, its code and category), remaining
 * credits and deadline. */
bool track_summary_equal(const struct track_summary *a, const struct track_summary *b);

/* The blocking code from its name (blocking_code_name); false when unknown. */
bool track_summary_blocking_parse(const char *name, enum blocking_code *out);

/* The track's status from its name (track_status_name); false when unknown. */
bool track_summary_status_parse(const char *name, enum track_status *out);

#endif
