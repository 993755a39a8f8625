/*
 * store_harvest_imports: the report files read, for the reconciliation.
 *
 * An import is one report file read from a site, with a row per record read (credited,
 * a duplicate, withdrawn, refused with its reason ...) so that the reconciliation can
 * be listed; its counts are those of store_harvest_types.h. The completions themselves
 * are recorded through store_harvest_completions.h, naming the import.
 */
#ifndef CERTTRACK_STORE_HARVEST_IMPORTS_H
#define CERTTRACK_STORE_HARVEST_IMPORTS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

/* Starts recording an import of a report file, inside the caller's transaction:
 * who (actor_id, 0 for none), how (via: "command line", "web"), when (now), which
 * site, the file's name (its last path component is kept) and SHA-256 (hex; NULL when
 * it is known only once the file is read: give it to store_harvest_import_finish). */
enum ct_status store_harvest_import_begin(struct store *store, int64_t actor_id, const char *via,
                                          int64_t site_id, const char *file_name,
                                          const char *file_sha256, int64_t *import_id,
                                          struct ct_err *err) CT_MUST_CHECK;

enum harvest_row_outcome {
    HARVEST_ROW_CREATED,
    HARVEST_ROW_DUPLICATE,
    HARVEST_ROW_WITHDRAWN,
    HARVEST_ROW_WAITING,
    HARVEST_ROW_REFUSED,
    HARVEST_ROW_PARTIAL,
};

/* One record of an import, for the reconciliation. Pointers borrowed; NULL for unknown. */
struct harvest_row {
    int64_t line; /* the line of the file it was read from */
    enum harvest_row_outcome outcome;
    const char *reason; /* e.g. "unknown learner", NULL when credited */
    const char *learner_email;
    const char *learner_name;
    const char *activity_name;
    const char *completed; /* the date as the file gives it */
    int64_t activity_id;   /* 0 when none */
    int64_t column;        /* the column of the file its cell is in (from 1); 0: the line */
};

/* Adds a row to an import, inside the caller's transaction. */
enum ct_status store_harvest_row_add(struct store *store, int64_t import_id,
                                     const struct harvest_row *row,
                                     struct ct_err *err) CT_MUST_CHECK;

/* Writes an import's counts (and its file's SHA-256 unless NULL) and its audit entry,
 * inside the caller's transaction. */
enum ct_status store_harvest_import_finish(struct store *store, int64_t actor_id, int64_t import_id,
                                           const struct harvest_counts *counts,
                                           const char *file_sha256,
                                           struct ct_err *err) CT_MUST_CHECK;

/* Calls each(context, row) for every row of an import, in line order, until it returns
 * other than CT_OK (which is then returned). The row's texts are borrowed for the call. */
enum ct_status store_harvest_rows_each(struct store *store, int64_t import_id,
                                       enum ct_status (*each)(void *context,
                                                              const struct harvest_row *row,
                                                              struct ct_err *err),
                                       void *context, struct ct_err *err) CT_MUST_CHECK;

/* An import as recorded. */
struct harvest_import_info {
    int64_t id;
    int64_t site_id;
    char file_name[256];
    char file_sha256[HARVEST_SHA256_SIZE];
    char imported_at[32];
    struct harvest_counts counts;
};

/* The import with this id; *found false when there is none. */
enum ct_status store_harvest_import_find(struct store *store, int64_t import_id,
                                         struct harvest_import_info *info, bool *found,
                                         struct ct_err *err) CT_MUST_CHECK;

/* The name of a row outcome as stored: "created", "duplicate", ... */
const char *store_harvest_row_outcome_name(enum harvest_row_outcome outcome);

#endif
