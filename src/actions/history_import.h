/*
 * history_import: the certificates and credit history a State Library already holds,
 * brought in from a CSV file (docs/operations.md names its columns). Each line is an
 * activity (date, title, kind, credits, category, status, sponsor) or a prior certificate
 * (program, issue date, number) of a person known by e-mail. Every activity is kept with
 * the provenance "imported" under a key of its person, date, kind and title, so that
 * reading the file again changes nothing and a line whose credits, category, status or
 * sponsor changed updates the activity (audited); a certificate is matched by its
 * number. Each line's outcome is kept for the reconciliation, like the Moodle import's.
 */
#ifndef CERTTRACK_ACTIONS_HISTORY_IMPORT_H
#define CERTTRACK_ACTIONS_HISTORY_IMPORT_H

#include <stdio.h>

#include "../store/store_record_imports.h"
#include "action.h"

struct history_import_input {
    FILE *source;          /* read to its end (borrowed) */
    const char *file_name; /* as the import's record names it */
    const char *via;       /* "command line" or "web" */
    bool dry_run;          /* decide every line, keep nothing */
    int64_t refused_shown; /* how many refused lines result->refused holds at most */
};

struct history_import_result {
    int64_t import_id; /* the import's record; after a dry run, the one that was rolled back */
    char file_sha256[65];
    struct record_import_counts counts;
    struct store_rows refused; /* struct record_import_line: the first refused_shown refused
                                  lines, in line order; the caller releases it */
};

/* Reads the whole file in one transaction (the coordinator's, or the system's): a file
 * that is not a history file as a whole (its header) is ACTION_BAD_INPUT at "file" and
 * nothing is kept; a line that cannot be taken is refused with its reason and the rest go
 * on. With dry_run, everything is decided and counted, then rolled back. result->refused
 * is filled in either case (start it as {.size = sizeof (struct record_import_line)}). */
enum ct_status action_history_import(struct store *store, const struct actor *actor,
                                     const struct history_import_input *input,
                                     struct history_import_result *result,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

#endif
