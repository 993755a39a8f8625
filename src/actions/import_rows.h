/*
 * import_rows: what the people and history imports share in reading their CSV files
 * line by line: the coordinator's transaction around the whole file and the import's
 * record, the header checked against the import's column names, each line's cells found
 * by column, and each line's outcome kept for the reconciliation (and counted). An
 * import holds a struct import_rows for the length of one file and decides each line
 * itself.
 */
#ifndef CERTTRACK_ACTIONS_IMPORT_ROWS_H
#define CERTTRACK_ACTIONS_IMPORT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../harvest/csv_table.h"
#include "../store/store_record_imports.h"
#include "action.h"

/* The most columns an import's file may name. */
#define IMPORT_ROWS_MAX_COLUMNS 32

/* What an import reads: the kind of its file and the file's columns, as
 * docs/operations.md lists them (all static). */
struct import_rows_format {
    enum record_import_kind kind;
    const char *file_kind;    /* "people", "history": as a refusal names the file */
    const char *doing;        /* what the coordinator does: "imports people" */
    const char *const *names; /* the header's names, by the import's column number */
    int count;                /* how many names (at most IMPORT_ROWS_MAX_COLUMNS) */
    int required;             /* the first required names must be in the header */
};

/* One import's reading of one file. store, actor and format are borrowed and set by the
 * import; the rest is filled here as the file is read. */
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

/* Reads rows->record, a line after the header (counted as read already), and keeps its
 * outcome (import_rows_keep_line). An error stops the reading. context is the file's. */
typedef enum ct_status (*import_rows_line)(void *context, struct ct_err *err);

/* The file an import reads, as the import's input gives it (all borrowed). */
struct import_rows_file {
    FILE *source;          /* read to its end */
    const char *file_name; /* as the import's record names it */
    const char *via;       /* "command line" or "web" */
    bool dry_run;          /* decide every line, keep nothing */
    int64_t refused_shown; /* how many refused lines *refused holds at most */
    import_rows_line line; /* called with context for each line */
    void *context;
};

/* Where the import's result goes: members of the import's own result (borrowed). */
struct import_rows_result {
    int64_t *import_id;
    struct record_import_counts *counts;
    char *file_sha256; /* CSV_TABLE_SHA256_SIZE bytes */
    struct store_rows *refused;
};

/* Reads the whole file in one transaction (the coordinator's, or the system's), as the
 * people and history imports' contracts say: a file whose header is not the format's is
 * ACTION_BAD_INPUT at "file" and nothing is kept; each line goes to file->line; the
 * import's record is ended with the counts and the first refused lines are appended to
 * *result->refused. With dry_run, everything is decided and counted, then rolled back.
 * result's import id and counts are written once the transaction has begun. */
enum ct_status import_rows_run(struct import_rows *rows, const struct import_rows_file *file,
                               const struct import_rows_result *result,
                               struct action_outcome *outcome) CT_MUST_CHECK;

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
