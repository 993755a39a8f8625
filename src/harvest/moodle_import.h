/*
 * moodle_import: a Moodle activity completion report, read into the store.
 *
 * Each learner row is matched by e-mail (without case) to a person, each activity
 * column by its name to the catalog event the coordinator mapped it to (store_harvest),
 * and every completed activity becomes a completion: a new activity, a duplicate of one
 * already held, or one part of a course recorded (partial). "Not completed (set by
 * NAME)" later than a credited completion withdraws that column's proof of it (and the
 * credit, when no other proof remains: store_harvest_proof.h). Everything else is a refused record
 * with its line and reason. All of it, with the import's record (who, when, the file's SHA-256, the
 * counts) and a row per record for the reconciliation, is one transaction: a file refused whole
 * changes nothing.
 */
#ifndef CERTTRACK_MOODLE_IMPORT_H
#define CERTTRACK_MOODLE_IMPORT_H

#include "../store/store_harvest_sites.h"
#include "moodle_progress.h"

/* Why a record was refused, counted in the summary. */
enum moodle_refusal {
    MOODLE_REFUSED_BAD_LINE,
    MOODLE_REFUSED_UNKNOWN_LEARNER,
    MOODLE_REFUSED_UNMAPPED_COURSE,
    MOODLE_REFUSED_NOT_COMPLETED,
    MOODLE_REFUSED_UNKNOWN_STATE,
    MOODLE_REFUSED_BAD_DATE,
    MOODLE_REFUSED_BY_STORE,
    MOODLE_REFUSED_WITHOUT_PASSING,
    MOODLE_REFUSAL_COUNT,
};

struct moodle_import_summary {
    int64_t import_id;
    char file_sha256[HARVEST_SHA256_SIZE];
    enum moodle_encoding encoding;
    size_t activity_count; /* activity columns in the file */
    size_t mapped_count;   /* of them, mapped to a catalog event */
    struct harvest_counts counts;
    int64_t verified; /* of the created, verified because the LMS is proof enough */
    int64_t refused[MOODLE_REFUSAL_COUNT];
};

/* Reads the report from source into the store for site (borrowed), recording the
 * import as made by actor_id (0: none) via ("command line", "web") from file_name.
 * Fills *summary. A file that is not a report is refused (CT_ERR_INPUT, where "file")
 * and nothing is kept. */
enum ct_status moodle_import_run(struct store *store, int64_t actor_id, const char *via,
                                 const struct lms_site *site, const char *file_name,
                                 const struct moodle_progress_source *source,
                                 struct moodle_import_summary *summary,
                                 struct ct_err *err) CT_MUST_CHECK;

/* The reason's text as kept in the reconciliation: "unknown learner", ... */
const char *moodle_import_refusal_name(enum moodle_refusal refusal);

#endif
