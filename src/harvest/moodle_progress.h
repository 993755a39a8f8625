/*
 * moodle_progress: a streaming reader of Moodle's "Activity completion" report
 * (report/progress), as described in shared/fixtures/moodle-csv/README.md.
 *
 * No I/O here: the reader pulls bytes from a source callback and hands the header, then
 * each learner row, to the caller's handler, keeping only one row in memory. Both of
 * Moodle's flavours are read: format=csv (UTF-8, a byte-order mark allowed, commas) and
 * format=excelcsv (a UTF-16LE byte-order mark, UTF-16LE text, tabs), with libcsv.
 *
 * What Moodle writes, and so what is read:
 *  - every value quoted, a '"' inside a value replaced by "'" (never doubled);
 *  - a header of an empty cell (the learners' names), the identity columns the site
 *    shows (one must be "Email address"), then two cells per activity: its name and its
 *    expected completion date (YYYY-MM-DD HH:MM:SS, or empty);
 *  - a row per learner: full name, identity values, then per activity the state text
 *    ("Completed", "Not completed", "Completed (achieved pass grade)", "Completed (did
 *    not achieve pass grade)", "Completed (set by NAME)", "Not completed (set by NAME)")
 *    and the local time it changed (YYYY-MM-DD HH:MM:SS in the site's zone, or empty).
 */
#ifndef CERTTRACK_MOODLE_PROGRESS_H
#define CERTTRACK_MOODLE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"

/* Limits that keep memory bounded whatever the input. */
#define MOODLE_PROGRESS_MAX_COLUMNS   4096
#define MOODLE_PROGRESS_MAX_ROW_BYTES (1024 * 1024)

/* Where the bytes come from: read fills buffer with up to size bytes and sets *got (0
 * at the end of the input). A failure's status and err are passed on unchanged. */
struct moodle_progress_source {
    enum ct_status (*read)(void *context, unsigned char *buffer, size_t size, size_t *got,
                           struct ct_err *err);
    void *context;
};

enum moodle_encoding { MOODLE_UTF8, MOODLE_UTF8_BOM, MOODLE_UTF16LE };

struct moodle_progress_header {
    enum moodle_encoding encoding;
    size_t identity_count;             /* identity columns, "Email address" among them */
    const char *const *identity_names; /* borrowed for the call */
    size_t email_identity;             /* index of "Email address" in identity_names */
    size_t activity_count;             /* at least one */
    const char *const *activity_names; /* borrowed for the call */
};

enum moodle_completion_state {
    MOODLE_COMPLETED,            /* "Completed", "(achieved pass grade)", "(set by NAME)" */
    MOODLE_COMPLETED_FAILED,     /* "Completed (did not achieve pass grade)" */
    MOODLE_NOT_COMPLETED,        /* "Not completed" */
    MOODLE_NOT_COMPLETED_SET_BY, /* "Not completed (set by NAME)": a completion taken back */
    MOODLE_STATE_UNKNOWN,        /* any other text */
};

struct moodle_activity_cell {
    const char *state_text; /* as written */
    enum moodle_completion_state state;
    const char *date_text;  /* as written; "" when empty */
    bool date_valid;        /* date_text is YYYY-MM-DD HH:MM:SS */
    struct civil_date date; /* its civil date (the site's zone), when date_valid */
};

/* One learner row. When problem is not NULL the row is unusable as a whole (e.g. a
 * wrong number of columns, or text that is not UTF-8) and only line is meaningful. */
struct moodle_progress_row {
    int64_t line;          /* the line of the file the row starts on (the header is 1) */
    const char *problem;   /* NULL for a row that has the header's shape */
    const char *full_name; /* borrowed for the call */
    const char *email;     /* borrowed for the call, spaces around it removed */
    size_t activity_count; /* as in the header */
    const struct moodle_activity_cell *activities;
};

/* What the caller does with the header and each row. A status other than CT_OK stops
 * the reading, and moodle_progress_read returns it with err as the handler set it. */
struct moodle_progress_handler {
    enum ct_status (*header)(void *context, const struct moodle_progress_header *header,
                             struct ct_err *err);
    enum ct_status (*row)(void *context, const struct moodle_progress_row *row, struct ct_err *err);
    void *context;
};

/* Reads a whole report. A file that is not a Moodle completion report (not text, no
 * header of that shape, a line past MOODLE_PROGRESS_MAX_ROW_BYTES) is refused with
 * CT_ERR_INPUT, where "file", and a message that says what is wrong; the handler may
 * have seen rows before such a refusal. Blank lines are skipped. */
enum ct_status moodle_progress_read(const struct moodle_progress_source *source,
                                    const struct moodle_progress_handler *handler,
                                    struct ct_err *err) CT_MUST_CHECK;

/* The state a state text says (see the list above). */
enum moodle_completion_state moodle_progress_state(const char *text);

/* The name of an encoding: "UTF-8", "UTF-8 with BOM", "UTF-16LE". */
const char *moodle_progress_encoding_name(enum moodle_encoding encoding);

#endif
