/*
 * csv_table: a CSV file with a header row (RFC 4180: comma-separated, fields quoted with
 * '"'; UTF-8, with or without a byte order mark), read one record at a time through
 * libcsv, in memory bounded by the limits below whatever the input. The header's names
 * are handed over once, then each record with its number (the header is record 1) and
 * its cells, borrowed for the call. The people and history imports read their files
 * through it.
 */
#ifndef CERTTRACK_CSV_TABLE_H
#define CERTTRACK_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/err.h"

#define CSV_TABLE_MAX_COLUMNS    64
#define CSV_TABLE_MAX_CELL_BYTES 4096

struct csv_table_record {
    int64_t line;             /* the record's number; the header is 1 */
    size_t count;             /* cells in this record (may differ from the header's) */
    const char *const *cells; /* count cells, each trimmed of surrounding spaces */
    const char *problem;      /* NULL, or why the record cannot be read ("a cell is not UTF-8") */
};

struct csv_table_reader {
    /* The header: refuse (return an error, where "file") a file not in the format. */
    enum ct_status (*header)(void *context, size_t count, const char *const *names,
                             struct ct_err *err);
    /* Each record after the header. An error stops the reading and is returned. */
    enum ct_status (*record)(void *context, const struct csv_table_record *record,
                             struct ct_err *err);
    void *context;
};

#define CSV_TABLE_SHA256_SIZE 65 /* hex digits and the terminating NUL */

/* Reads in to its end, and writes the SHA-256 of every byte read into sha256 (hex). A file that is
 * empty, has no header, has too many columns, or has a header that is not UTF-8 is refused
 * (CT_ERR_INPUT, where "file") before any record is handed over; a read error is CT_ERR_IO. Blank
 * records are skipped. */
enum ct_status csv_table_read(FILE *in, const struct csv_table_reader *reader,
                              char sha256[CSV_TABLE_SHA256_SIZE], struct ct_err *err) CT_MUST_CHECK;

#endif
