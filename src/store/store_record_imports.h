/*
 * store_record_imports: the record of each import of people or history (who, when, from
 * which file, its SHA-256, what it did) and its reconciliation, one row per line of the
 * file: created, updated, unchanged or refused (with the reason). The history import's
 * own reads and writes are here too: an imported activity found by its key, updated in
 * place, and an imported certificate with the certified track it stands on.
 */
#ifndef CERTTRACK_STORE_RECORD_IMPORTS_H
#define CERTTRACK_STORE_RECORD_IMPORTS_H

#include "store.h"
#include "store_activities.h"

/* The source that the history import's activities name (activities.source). */
#define STORE_HISTORY_SOURCE "history-import"

enum record_import_kind { RECORD_IMPORT_PEOPLE, RECORD_IMPORT_HISTORY };

enum record_line_outcome {
    RECORD_LINE_CREATED,
    RECORD_LINE_UPDATED,
    RECORD_LINE_UNCHANGED,
    RECORD_LINE_REFUSED,
    RECORD_LINE_OUTCOMES,
};

struct record_import_counts {
    int64_t rows_read;
    int64_t of[RECORD_LINE_OUTCOMES]; /* lines per outcome */
};

/* "created", "updated", "unchanged" or "refused". */
const char *record_line_outcome_name(enum record_line_outcome outcome);

/* Starts the record of an import by actor_id (0: none) via ("command line", "web") from
 * file_name; *id names it. Call inside the import's transaction. */
enum ct_status store_record_import_begin(struct store *store, int64_t actor_id,
                                         enum record_import_kind kind, const char *via,
                                         const char *file_name, int64_t *id,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Keeps the outcome of line (reason and what: borrowed, may be NULL). */
enum ct_status store_record_import_line(struct store *store, int64_t import_id, int64_t line,
                                        enum record_line_outcome outcome, const char *reason,
                                        const char *what, struct ct_err *err) CT_MUST_CHECK;

/* Ends the record: the file's SHA-256 (hex) and the counts; audited. */
enum ct_status store_record_import_end(struct store *store, int64_t actor_id, int64_t import_id,
                                       const char *file_sha256,
                                       const struct record_import_counts *counts,
                                       struct ct_err *err) CT_MUST_CHECK;

/* One line of an import's reconciliation. */
struct record_import_line {
    int64_t line;
    char outcome[16];
    char reason[512];
    char what[256];
};

/* The first limit refused lines of an import, in line order, appended to rows ({.size =
 * sizeof (struct record_import_line)}); the import's counts say how many there are. */
enum ct_status store_record_import_refused(struct store *store, int64_t import_id, int64_t limit,
                                           struct store_rows *rows,
                                           struct ct_err *err) CT_MUST_CHECK;

/* An import's record, as the coordinator's pages show it. */
struct record_import_view {
    int64_t id;
    char kind[16]; /* "people" or "history" */
    char by[128];  /* who imported it: a name, or "" for the system */
    char via[32];
    char at[32];
    char file_name[256];
    char file_sha256[65];
    struct record_import_counts counts;
};

/* The import id, when there is one. */
enum ct_status store_record_import_get(struct store *store, int64_t id,
                                       struct record_import_view *view, bool *found,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The latest limit imports, newest first, appended to rows ({.size = sizeof (struct
 * record_import_view)}). */
enum ct_status store_record_imports_latest(struct store *store, int64_t limit,
                                           struct store_rows *rows,
                                           struct ct_err *err) CT_MUST_CHECK;

/* What an imported activity holds now, to compare a line of the file with. */
struct imported_activity {
    int64_t id;
    int64_t person_id;
    int64_t credit_halves, semester_halves, quarter_halves, minutes;
    char category[128];
    char status[16];
    char sponsor[256];
};

/* The activity imported under key (activities.source_record_id of STORE_HISTORY_SOURCE). */
enum ct_status store_imported_activity_find(struct store *store, const char *key,
                                            struct imported_activity *activity, bool *found,
                                            struct ct_err *err) CT_MUST_CHECK;

/* Sets the quantities, category, status and sponsor of imported activity id to those of
 * activity; audited as "import"; all or nothing. */
enum ct_status store_imported_activity_update(struct store *store, int64_t actor_id, int64_t id,
                                              const struct activity_new *activity,
                                              struct ct_err *err) CT_MUST_CHECK;

#endif
