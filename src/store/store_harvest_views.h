/*
 * store_harvest_views: what the coordinator's harvest pages read, as structs: the LMS
 * sites with their counts, one site's reconciliation, its linked accounts and its
 * statements, the report imports, one import's reasons and records, and the inbox of
 * statements that wait for an account link or a course mapping (docs/harvest.md says
 * what each count means).
 *
 * A list that is shown a page at a time is sorted by one of its columns: its column
 * enum below, in the order the page declares its columns, and a struct store_page
 * (store_page.h). Its rows, and every text they point to, come from the caller's arena
 * (arena.h): they live as long as it does, and are never freed one by one. A text the
 * database holds no value for is NULL.
 */
#ifndef CERTTRACK_STORE_HARVEST_VIEWS_H
#define CERTTRACK_STORE_HARVEST_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_harvest_imports.h"
#include "store_harvest_sites.h"
#include "store_page.h"

/* ---- the sites ---- */

/* The columns of the list of sites; the first three sort. */
enum harvest_site_column {
    HARVEST_SITE_URL,
    HARVEST_SITE_ZONE,
    HARVEST_SITE_ADDED,
    HARVEST_SITE_ACCOUNTS,
    HARVEST_SITE_IMPORTS,
    HARVEST_SITE_STATEMENTS,
    HARVEST_SITE_WAITING,
    HARVEST_SITE_COLUMNS,
};

/* A site with its counts. */
struct harvest_site_item {
    int64_t id;
    const char *url;
    const char *time_zone;
    const char *created_at; /* "YYYY-MM-DDTHH:MM:SSZ" */
    int64_t accounts;       /* accounts linked to a person */
    int64_t imports;        /* report files imported */
    int64_t statements;     /* xAPI statements received */
    int64_t waiting;        /* of them, waiting in the inbox */
};

/* How many sites are registered. */
enum ct_status store_harvest_views_site_count(struct store *store, int64_t *total,
                                              struct ct_err *err) CT_MUST_CHECK;

/* One page of the sites (page->column a harvest_site_column) into *items (count of
 * them; from arena). */
enum ct_status store_harvest_views_sites(struct store *store, const struct store_page *page,
                                         struct arena *arena, struct harvest_site_item **items,
                                         size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* A site to choose in a select: its id and address. */
struct harvest_site_choice {
    int64_t id;
    const char *url;
};

/* At most max sites, by address, into *choices (count of them; from arena). */
enum ct_status store_harvest_views_site_choices(struct store *store, size_t max,
                                                struct arena *arena,
                                                struct harvest_site_choice **choices, size_t *count,
                                                struct ct_err *err) CT_MUST_CHECK;

/* One site and the reconciliation of the xAPI statements it sent. */
struct harvest_site_view {
    struct lms_site site;
    char created_at[32];          /* "YYYY-MM-DDTHH:MM:SSZ", or "" */
    struct harvest_counts counts; /* store_xapi_site_counts: counts.refused is every
                                     statement ignored */
    int64_t refused;              /* of the ignored, those the store refused to record
                                     (their reason says "refused: ...") */
    int64_t without_passing;      /* of the ignored, completions without a pass */
};

/* The site with this id and its reconciliation; *found false when there is none. */
enum ct_status store_harvest_views_site(struct store *store, int64_t site_id,
                                        struct harvest_site_view *view, bool *found,
                                        struct ct_err *err) CT_MUST_CHECK;

/* ---- a site's accounts and statements ---- */

/* The columns of a site's linked accounts; all but the last sort. */
enum harvest_account_column {
    HARVEST_ACCOUNT_NAME,
    HARVEST_ACCOUNT_PERSON,
    HARVEST_ACCOUNT_EMAIL,
    HARVEST_ACCOUNT_LINKED,
    HARVEST_ACCOUNT_CREDITED,
    HARVEST_ACCOUNT_COLUMNS,
};

/* An account of a site and the person it is linked to. */
struct harvest_account_item {
    const char *name; /* the xAPI account name (the Moodle user id) */
    int64_t person_id;
    const char *person_name;
    const char *person_email;
    const char *linked_at; /* "YYYY-MM-DDTHH:MM:SSZ" */
    int64_t credited;      /* its statements credited */
};

/* How many accounts of the site are linked. */
enum ct_status store_harvest_views_account_count(struct store *store, int64_t site_id,
                                                 int64_t *total, struct ct_err *err) CT_MUST_CHECK;

/* One page of the site's linked accounts (page->column a harvest_account_column). */
enum ct_status store_harvest_views_accounts(struct store *store, int64_t site_id,
                                            const struct store_page *page, struct arena *arena,
                                            struct harvest_account_item **items, size_t *count,
                                            struct ct_err *err) CT_MUST_CHECK;

/* A statement a site sent, with what it did. Texts borrowed for the call of each. */
struct harvest_statement_item {
    const char *received_at;
    const char *id;
    const char *version;
    const char *verb;
    const char *account_name;
    const char *object_id;
    const char *object_name;
    const char *course_id;
    const char *occurred_at;
    const char *state;   /* "credited", "withdrawn", "waiting", "ignored" */
    bool created;        /* credited, and this statement created the activity */
    const char *reason;  /* why it is not credited, or NULL */
    int64_t activity_id; /* 0: none */
};

/* Calls each(context, statement) for every statement the site sent, in order of
 * arrival, until it returns other than CT_OK (which is then returned). */
enum ct_status store_harvest_views_statements_each(
    struct store *store, int64_t site_id,
    enum ct_status (*each)(void *context, const struct harvest_statement_item *statement,
                           struct ct_err *err),
    void *context, struct ct_err *err) CT_MUST_CHECK;

/* ---- the imports ---- */

/* The columns of the list of imports; those of a name (When, Site, File) and of a count
 * sort, By and SHA-256 do not. */
enum harvest_import_column {
    HARVEST_IMPORT_WHEN,
    HARVEST_IMPORT_SITE,
    HARVEST_IMPORT_FILE,
    HARVEST_IMPORT_BY,
    HARVEST_IMPORT_SHA256,
    HARVEST_IMPORT_READ,
    HARVEST_IMPORT_CREATED,
    HARVEST_IMPORT_DUPLICATES,
    HARVEST_IMPORT_WITHDRAWN,
    HARVEST_IMPORT_WAITING,
    HARVEST_IMPORT_REFUSED,
    HARVEST_IMPORT_COLUMNS,
};

/* An import of a report file, with its counts. */
struct harvest_import_item {
    int64_t id;
    const char *imported_at; /* "YYYY-MM-DDTHH:MM:SSZ" */
    const char *site_url;
    const char *file_name;
    const char *by; /* the person's name, or "the VIA" ("the command line") when none */
    const char *file_sha256;
    int64_t read, created, duplicates, withdrawn, waiting, refused;
};

/* How many imports there are (of the site, when site_id is not 0). */
enum ct_status store_harvest_views_import_count(struct store *store, int64_t site_id,
                                                int64_t *total, struct ct_err *err) CT_MUST_CHECK;

/* One page of the imports (of the site, when site_id is not 0; page->column a
 * harvest_import_column). */
enum ct_status store_harvest_views_imports(struct store *store, int64_t site_id,
                                           const struct store_page *page, struct arena *arena,
                                           struct harvest_import_item **items, size_t *count,
                                           struct ct_err *err) CT_MUST_CHECK;

/* One import as recorded, with its site and who made it. */
struct harvest_import_view {
    struct harvest_import_info info;
    bool site_found;
    char site_url[LMS_URL_SIZE]; /* "" when the site is not found */
    char by[300];                /* "NAME (via)", or "the via" when no person did it */
};

/* The import with this id; *found false when there is none. */
enum ct_status store_harvest_views_import(struct store *store, int64_t import_id,
                                          struct harvest_import_view *view, bool *found,
                                          struct ct_err *err) CT_MUST_CHECK;

/* A reason some of an import's records were refused for, and how many. */
struct harvest_reason_count {
    const char *reason; /* "" when the record has none */
    int64_t count;
};

/* Every reason the import's records were refused for, the most frequent first (then by
 * reason), into *reasons (count of them; from arena). */
enum ct_status store_harvest_views_import_reasons(struct store *store, int64_t import_id,
                                                  struct arena *arena,
                                                  struct harvest_reason_count **reasons,
                                                  size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* The columns of an import's records; all but the date sort. */
enum harvest_record_column {
    HARVEST_RECORD_LINE,
    HARVEST_RECORD_OUTCOME,
    HARVEST_RECORD_REASON,
    HARVEST_RECORD_LEARNER,
    HARVEST_RECORD_ACTIVITY,
    HARVEST_RECORD_DATE,
    HARVEST_RECORD_COLUMNS,
};

/* One record of an import. */
struct harvest_record_item {
    int64_t line;
    const char *outcome; /* store_harvest_row_outcome_name */
    const char *reason;
    const char *learner_name;
    const char *learner_email;
    const char *activity_name;
    const char *completed; /* the date as the file gives it */
};

/* How many records the import has (with that outcome, when outcome is not ""). */
enum ct_status store_harvest_views_record_count(struct store *store, int64_t import_id,
                                                const char *outcome, int64_t *total,
                                                struct ct_err *err) CT_MUST_CHECK;

/* One page of the import's records (with that outcome, when outcome is not "";
 * page->column a harvest_record_column). */
enum ct_status store_harvest_views_records(struct store *store, int64_t import_id,
                                           const char *outcome, const struct store_page *page,
                                           struct arena *arena, struct harvest_record_item **items,
                                           size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* ---- the inbox ---- */

/* The one column the inbox's groups sort by: when their first statement arrived. */
enum harvest_waiting_column {
    HARVEST_WAITING_SINCE,
    HARVEST_WAITING_COLUMNS,
};

/* An account of a site linked to no person, whose statements wait. */
struct harvest_waiting_account {
    int64_t site_id;
    const char *site_url;
    const char *account_name;
    int64_t waiting;   /* statements */
    const char *since; /* the first one's arrival, "YYYY-MM-DDTHH:MM:SSZ" */
    int64_t objects;   /* the courses and activities they are about */
};

/* How many accounts have statements waiting for a link. */
enum ct_status store_harvest_views_waiting_account_count(struct store *store, int64_t *total,
                                                         struct ct_err *err) CT_MUST_CHECK;

/* One page of those accounts (page->column a harvest_waiting_column). */
enum ct_status
store_harvest_views_waiting_accounts(struct store *store, const struct store_page *page,
                                     struct arena *arena, struct harvest_waiting_account **items,
                                     size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* A course or activity address mapped to no one catalog event, whose statements wait:
 * neither the address as a whole course, nor (the address being unmapped) its name
 * within its course (as store_xapi.c reads the mapping). */
struct harvest_waiting_course {
    const char *url;
    const char *name;   /* the object's name as a statement gives it, or NULL */
    const char *course; /* the course it belongs to, or NULL */
    int64_t waiting;    /* statements */
    const char *since;  /* the first one's arrival */
    int64_t sites;      /* the sites that sent them */
};

/* How many addresses have statements waiting for a mapping. */
enum ct_status store_harvest_views_waiting_course_count(struct store *store, int64_t *total,
                                                        struct ct_err *err) CT_MUST_CHECK;

/* One page of those addresses (page->column a harvest_waiting_column). */
enum ct_status store_harvest_views_waiting_courses(struct store *store,
                                                   const struct store_page *page,
                                                   struct arena *arena,
                                                   struct harvest_waiting_course **items,
                                                   size_t *count, struct ct_err *err) CT_MUST_CHECK;

/* A catalog event to map an address to: its id and "TITLE (KIND, STARTS)". */
struct harvest_event_choice {
    int64_t id;
    const char *label;
};

/* At most max catalog events, the latest first, into *choices (count; from arena). */
enum ct_status store_harvest_views_event_choices(struct store *store, size_t max,
                                                 struct arena *arena,
                                                 struct harvest_event_choice **choices,
                                                 size_t *count, struct ct_err *err) CT_MUST_CHECK;

#endif
