/*
 * store_harvest: learning records harvested from an LMS (Moodle), by report file and by
 * xAPI, each credit with the record of where it came from.
 *
 * A site is an LMS the State Library harvests from: its address, its time zone (report
 * files carry local times without an offset) and the xAPI Basic-auth key and secret it
 * posts with. An account is a site's user (the xAPI account name, i.e. the Moodle user
 * id) linked to a person. A person holds one activity per catalog event: a completion
 * harvested again (a re-import, by file and by xAPI, through another mapping, on a later
 * day) is still that one activity, with one provenance record per distinct raw record
 * (store_harvest_proof.h). An import is one report file
 * read, with a row per record read so that the reconciliation can be listed.
 *
 * Functions named *_in_transaction run inside the caller's open transaction (db_begin)
 * and leave committing to it; the others open and finish their own.
 */
#ifndef CERTTRACK_STORE_HARVEST_H
#define CERTTRACK_STORE_HARVEST_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define LMS_URL_SIZE        2048 /* the longest site address, with its NUL */
#define LMS_TIME_ZONE_SIZE  64
#define LMS_API_KEY_SIZE    40 /* "ct_" and 32 hex digits, with the NUL */
#define LMS_SECRET_SIZE     65 /* 64 hex digits (256 random bits), with the NUL */
#define HARVEST_SHA256_SIZE 65 /* a SHA-256 in hex, with the NUL */

struct lms_site {
    int64_t id;
    char url[LMS_URL_SIZE];
    char time_zone[LMS_TIME_ZONE_SIZE];
    char api_key[LMS_API_KEY_SIZE];
};

/* The Basic-auth credentials of a new site, shown once: only a hash of the secret is
 * kept. */
struct lms_site_credentials {
    char api_key[LMS_API_KEY_SIZE];
    char secret[LMS_SECRET_SIZE];
};

/* Registers an LMS site at url (http:// or https://, without a trailing '/'; one site
 * per address) in time_zone (an IANA name; NULL or "" means "UTC"), and makes its key
 * and secret into *credentials. *site_id gets the new id. Refusals name "url" (not a web
 * address, or already registered) or "time_zone" (not a known zone). */
enum ct_status store_harvest_site_add(struct store *store, int64_t actor_id, const char *url,
                                      const char *time_zone, int64_t *site_id,
                                      struct lms_site_credentials *credentials,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Finds the site registered at url (a trailing '/' ignored). *found tells whether there
 * is one; *site is filled when there is. */
enum ct_status store_harvest_site_find_by_url(struct store *store, const char *url,
                                              struct lms_site *site, bool *found,
                                              struct ct_err *err) CT_MUST_CHECK;

/* The site with this id; *found false when there is none. */
enum ct_status store_harvest_site_find_by_id(struct store *store, int64_t site_id,
                                             struct lms_site *site, bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

/* Checks Basic-auth credentials (api_key and secret borrowed; NULL counts as empty):
 * *matches is true and *site filled when the key names a site and secret is its secret. The
 * comparison takes the same time whether or not the key exists and however much of the secret is
 * right. */
enum ct_status store_harvest_site_check_credentials(struct store *store, const char *api_key,
                                                    const char *secret, struct lms_site *site,
                                                    bool *matches,
                                                    struct ct_err *err) CT_MUST_CHECK;

/* Links the site's account (account_name, e.g. the Moodle user id) to a person, then
 * applies the statements waiting for that account (store_harvest_apply_waiting_account),
 * all in one transaction. Linking again to the same person changes nothing; to another
 * person it is refused ("account": already linked). *applied (may be NULL) gets the
 * number of waiting records applied. */
enum ct_status store_harvest_account_link(struct store *store, int64_t actor_id, int64_t site_id,
                                          const char *account_name, int64_t person_id,
                                          int64_t *applied, struct ct_err *err) CT_MUST_CHECK;

/* The person linked to the site's account; *found false when the account is not linked. */
enum ct_status store_harvest_account_find(struct store *store, int64_t site_id,
                                          const char *account_name, int64_t *person_id, bool *found,
                                          struct ct_err *err) CT_MUST_CHECK;

/* The hook for waiting records (xAPI statements that arrived before their account was
 * linked or their course mapped): applies those of the site's account, now linked to
 * person_id, inside the caller's transaction; *applied gets how many. The file side
 * keeps nothing waiting, so this is where the xAPI side plugs in (store_harvest_waiting.c
 * holds it alone). */
enum ct_status store_harvest_apply_waiting_account(struct store *store, int64_t actor_id,
                                                   int64_t site_id, const char *account_name,
                                                   int64_t person_id, int64_t *applied,
                                                   struct ct_err *err) CT_MUST_CHECK;

/* Likewise for records waiting for a course or activity now mapped to event_id. */
enum ct_status store_harvest_apply_waiting_event(struct store *store, int64_t actor_id,
                                                 int64_t event_id, int64_t *applied,
                                                 struct ct_err *err) CT_MUST_CHECK;

/* How an activity column or a course is mapped to the catalog. */
enum harvest_mapping { HARVEST_MAPPED, HARVEST_UNMAPPED, HARVEST_AMBIGUOUS };

#define HARVEST_LINK_NAME_SIZE 512

/* The mapping (an event_lms_links row) a completion came through: a whole course or
 * module (name "") or one named activity of a course, which is one part of the whole
 * that the course's named activities make (store_harvest_proof.h). */
struct harvest_link {
    char url[LMS_URL_SIZE];
    char name[HARVEST_LINK_NAME_SIZE];
};

/* The catalog event the LMS activity called activity_name, in a course of the site at
 * site_url, is mapped to: event_lms_links with its url at the site and a name with the
 * same key (lms_name.h: tags stripped, character references decoded, '"' as the "'"
 * Moodle writes in its place). *mapping says whether exactly one event was found;
 * *event_id and *link (may be NULL) are set only then. */
enum ct_status store_harvest_event_by_activity_name(struct store *store, const char *site_url,
                                                    const char *activity_name,
                                                    enum harvest_mapping *mapping,
                                                    int64_t *event_id, struct harvest_link *link,
                                                    struct ct_err *err) CT_MUST_CHECK;

/* The catalog event an LMS course or activity address is mapped to (event_lms_links.url
 * equal, whole course: activity_name ""). */
enum ct_status store_harvest_event_by_course_url(struct store *store, const char *url,
                                                 enum harvest_mapping *mapping, int64_t *event_id,
                                                 struct ct_err *err) CT_MUST_CHECK;

/* The person whose e-mail is email (compared without case); *found false when none.
 * Unlike store_person_find, never reads a number as an id. */
enum ct_status store_harvest_person_by_email(struct store *store, const char *email,
                                             int64_t *person_id, bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

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

enum harvest_completion_result {
    HARVEST_CREATED,   /* a new activity */
    HARVEST_DUPLICATE, /* the activity existed: a provenance record was added, or it
                          already had this one */
    HARVEST_PARTIAL,   /* one part of a course recorded; the course is not complete yet */
};

struct harvest_completion_outcome {
    enum harvest_completion_result result;
    int64_t activity_id;
    bool verified;         /* created verified: the event's LMS is proof enough */
    bool provenance_added; /* a new provenance record (false: the same raw record again) */
    char missing[HARVEST_LINK_NAME_SIZE]; /* HARVEST_PARTIAL: the parts still missing */
};

/* Records a completion inside the caller's transaction. A completion of one named part
 * of a course is recorded as that part (store_harvest_proof_part_record); until every
 * part is complete the outcome is HARVEST_PARTIAL, naming the parts missing, and then
 * the event is complete on the day the last part was. A complete event creates the
 * activity (kind, title, credits and category of the catalog event; status verified
 * when the event says the LMS is proof enough, else pending; provenance harvest, source
 * the site's address) with its audit entry and provenance record or, when the person
 * holds an activity for that event already (on any day, in any state: one event, one
 * credit), only adds the provenance record to it. Refuses ("event") an event that does
 * not exist. */
enum ct_status store_harvest_completion_in_transaction(struct store *store, int64_t actor_id,
                                                       const struct harvest_completion *completion,
                                                       struct harvest_completion_outcome *outcome,
                                                       struct ct_err *err) CT_MUST_CHECK;

/* store_harvest_completion_in_transaction in a transaction of its own. */
enum ct_status store_harvest_completion(struct store *store, int64_t actor_id,
                                        const struct harvest_completion *completion,
                                        struct harvest_completion_outcome *outcome,
                                        struct ct_err *err) CT_MUST_CHECK;

/* Withdraws a harvested activity (e.g. the LMS says "uncompleted"): status rejected with
 * the reason (required), by and at recorded, audit entry kept; the row stays, so its
 * history does. *withdrawn is false, and nothing changes, when it was rejected already.
 * Runs inside the caller's transaction when one is open. */
enum ct_status store_harvest_withdraw(struct store *store, int64_t actor_id, int64_t activity_id,
                                      const char *reason, bool *withdrawn,
                                      struct ct_err *err) CT_MUST_CHECK;

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
