/*
 * import_rows: what the people and history imports share in reading their CSV files
 * line by line: the header checked against the import's column names, each line's cells
 * found by column, and each line's outcome kept for the reconciliation (and counted).
 * An import holds a struct import_rows for the length of one file; nothing here opens a
 * transaction or audits: the import's action does.
 */
#ifndef CERTTRACK_ACTIONS_IMPORT_ROWS_H
#define CERTTRACK_ACTIONS_IMPORT_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "../harvest/csv_table.h"
#include "../store/store_record_imports.h"
#include "action.h"

/* The most columns an import's file may name. */
#define IMPORT_ROWS_MAX_COLUMNS 32

/* The columns of an import's file, as docs/operations.md lists them. */
struct import_rows_format {
    const char *file_kind;    /* "people", "history": as a refusal names the file */
    const char *const *names; /* the header's names, by the import's column number (static) */
    int count;                /* how many names (at most IMPORT_ROWS_MAX_COLUMNS) */
    int required;             /* the first required names must be in the header */
};

/* One import's reading of one file. store, actor and format are borrowed and set by the
 * import before the header; the rest is filled here, record by the import for each line. */
struct import_rows {
    struct store *store;
    const struct actor *actor;
    const struct import_rows_format *format;
    int64_t import_id;                      /* the import's record (store_record_import_begin) */
    int column_of[IMPORT_ROWS_MAX_COLUMNS]; /* the header's index of each column, -1 if absent */
    struct record_import_counts counts;
    const struct csv_table_record *record; /* the line being read (borrowed for its call) */
    char what[256];                        /* what the line is about, for the reconciliation */
};

/* Reads the header's count names (borrowed) into rows->column_of. A name that is not one
 * of the format's, a name given twice or a required one missing refuses the file
 * (CT_ERR_INPUT at "file", naming the format's file_kind). */
enum ct_status import_rows_header(struct import_rows *rows, size_t count, const char *const *names,
                                  struct ct_err *err) CT_MUST_CHECK;

/* The cell of column (the format's number) in rows->record: "" when the file or the line
 * has none. Borrowed from the record: valid for the line's call. */
const char *import_rows_cell(const struct import_rows *rows, int column);

/* Counts rows->record's outcome and keeps it with reason (borrowed, NULL: none) and
 * rows->what. */
enum ct_status import_rows_keep_line(struct import_rows *rows, enum record_line_outcome outcome,
                                     const char *reason, struct ct_err *err) CT_MUST_CHECK;

/* Keeps rows->record as refused, its reason "field: message" (field NULL or "": the
 * message alone; both borrowed). */
enum ct_status import_rows_refuse_line(struct import_rows *rows, const char *field,
                                       const char *message, struct ct_err *err) CT_MUST_CHECK;

#endif
