/*
 * csv: the one way the web pages write CSV downloads (the compliance list, an import's
 * reconciliation, a site's statements).
 *
 * Every cell is quoted, a '"' in it doubled, and a cell that a spreadsheet would run as
 * a formula (it starts with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so that a learner's name or an LMS activity name can never become one.
 */
#ifndef CERTTRACK_CSV_H
#define CERTTRACK_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "../../core/buf.h"

/* Appends one cell (text borrowed; NULL is an empty cell), then a comma, or CRLF when
 * it is the last of its row. */
enum ct_status csv_write_cell(struct buf *out, const char *text, bool last) CT_MUST_CHECK;

/* Appends a whole row: count cells (each as csv_write_cell) and CRLF. */
enum ct_status csv_write_row(struct buf *out, const char *const *cells, size_t count) CT_MUST_CHECK;

#endif
