/*
 * people_import: the libraries and people a State Library already keeps, brought in from
 * a CSV file (docs/operations.md, "Bringing in earlier records", names its columns). Each
 * line is a library (matched by the state directory's id, created when new, its name,
 * city and kind updated when changed) and, when it gives an e-mail address, a person of
 * it (matched by e-mail, created when new; name, library, position and roles updated
 * when changed, a change of library being a move) who may be its director or board
 * chair. Every change goes through the libraries and people actions, so it is checked
 * and audited as theirs are; reading the file again changes nothing. Each line's
 * outcome is kept for the reconciliation, like the history import's.
 */
#ifndef CERTTRACK_ACTIONS_PEOPLE_IMPORT_H
#define CERTTRACK_ACTIONS_PEOPLE_IMPORT_H

#include <stdio.h>

#include "../store/store_record_imports.h"
#include "action.h"

struct people_import_input {
    FILE *source;          /* read to its end (borrowed) */
    const char *file_name; /* as the import's record names it */
    const char *via;       /* "command line" or "web" */
    bool dry_run;          /* decide every line, keep nothing */
    int64_t refused_shown; /* how many refused lines result->refused holds at most */
};

struct people_import_result {
    int64_t import_id; /* the import's record; after a dry run, the one that was rolled back */
    char file_sha256[65];
    struct record_import_counts counts;
    struct store_rows refused; /* struct record_import_line: the first refused_shown refused
                                  lines, in line order; the caller releases it */
};

/* Reads the whole file in one transaction (the coordinator's, or the system's), each line
 * a savepoint of it: a file that is not a people file as a whole (its header) is
 * ACTION_BAD_INPUT at "file" and nothing is kept; a line that cannot be taken is refused
 * with its reason (nothing of it kept) and the rest go on. With dry_run, everything is
 * decided and counted, then rolled back. result->refused is filled in either case (start
 * it as {.size = sizeof (struct record_import_line)}). */
enum ct_status action_people_import(struct store *store, const struct actor *actor,
                                    const struct people_import_input *input,
                                    struct people_import_result *result,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

#endif
