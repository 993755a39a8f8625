/*
 * store_harvest_types: what the harvest modules of the store hand each other.
 *
 * The store keeps learning records harvested from an LMS (Moodle), by report file and
 * by xAPI, each credit with the record of where it came from. Its modules, from the
 * bottom up:
 *   store_harvest_sites.h        the LMS sites harvested from, and their credentials
 *   store_harvest_mappings.h     what a harvested record maps to: an event, a person
 *   store_harvest_proof.h        what proves a harvested credit, and what takes it back
 *   store_harvest_completions.h  a completion, recorded as the person's one activity
 *   store_harvest_imports.h      report files read, row by row, for the reconciliation
 *   store_xapi.h                 xAPI statements, and what each one did
 *   store_harvest_waiting.h      applying the statements that waited
 *   store_harvest_accounts.h     a site's account linked to a person
 * and, above them, the coordinator's inbox, parts and views (store_harvest_inbox.h,
 * store_harvest_parts.h, store_harvest_views.h). This header holds the types and sizes
 * that more than one of them shares; nothing here runs.
 */
#ifndef CERTTRACK_STORE_HARVEST_TYPES_H
#define CERTTRACK_STORE_HARVEST_TYPES_H

#include <stdint.h>

#include "../core/civil_date.h"

#define LMS_URL_SIZE           2048 /* the longest site address, with its NUL */
#define HARVEST_SHA256_SIZE    65   /* a SHA-256 in hex, with the NUL */
#define HARVEST_LINK_NAME_SIZE 512

/* The mapping (an event_lms_links row) a completion came through: a whole course or
 * module (name "") or one named activity of a course, which is one part of the whole
 * that the course's named activities make (store_harvest_proof.h). */
struct harvest_link {
    char url[LMS_URL_SIZE];
    char name[HARVEST_LINK_NAME_SIZE];
};

enum harvest_source_kind { HARVEST_FROM_FILE, HARVEST_FROM_XAPI };

/* One completion, as harvested. All pointers borrowed. */
struct harvest_completion {
    int64_t site_id;
    int64_t person_id;
    int64_t event_id;
    struct civil_date date; /* the civil date in the site's time zone */
    enum harvest_source_kind source;
    int64_t import_id;               /* HARVEST_FROM_FILE: the import it was read in */
    const char *statement_id;        /* HARVEST_FROM_XAPI: the statement's id */
    const char *record_ref;          /* the source's own name for it: "import 3 line 7 column 4",
                                        a statement id; kept as the activity's source_record_id */
    const char *raw_hash;            /* SHA-256 (hex) of the raw record; the same raw record
                                        adds no second provenance record */
    const struct harvest_link *link; /* the mapping it came through; NULL when unknown */
};

/* The counts of a reconciliation. */
struct harvest_counts {
    int64_t read;       /* learner rows (files) or statements (xAPI) read */
    int64_t created;    /* activities created */
    int64_t duplicates; /* completions already held */
    int64_t withdrawn;  /* activities withdrawn */
    int64_t waiting;    /* records waiting for an account link or a course mapping */
    int64_t refused;    /* records not credited, each with its reason */
    int64_t partial;    /* parts of a course recorded, the course not yet complete */
};

#endif
