/*
 * store_xapi: the xAPI statements an LMS site sends, kept verbatim, and what each one did
 * for credit.
 *
 * A statement is stored once per id: the same id again with the same content (the same
 * canonical hash) changes nothing, with other content it is a conflict. Each new
 * statement is then interpreted at once:
 *   - "completed" on a course or course module mapped to a catalog event, by an account
 *     of the site linked to a person: a harvested completion (store_harvest_completions.h: one
 *     activity per learner, event and civil date in the site's time zone; "credited");
 *   - Moodle's "uncompleted" for the same learner and event: the latest such activity
 *     on or before that day is withdrawn, with the reason ("withdrawn");
 *   - an account not linked, or a course or module not mapped: "waiting", applied again
 *     when the coordinator links the account or maps the course
 *     (store_xapi_apply_waiting, called by store_harvest_account_link and by every
 *     catalog link through store_harvest_apply_waiting_*);
 *   - anything else: "ignored", with the reason.
 * The LMS acts as no one (actor 0) in the audit trail.
 */
#ifndef CERTTRACK_STORE_XAPI_H
#define CERTTRACK_STORE_XAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

enum xapi_record_meaning {
    XAPI_RECORD_OTHER,
    XAPI_RECORD_COMPLETED,
    XAPI_RECORD_UNCOMPLETED,
    XAPI_RECORD_FAILED,           /* completed without passing: stored as "other" */
    XAPI_RECORD_NOT_A_COMPLETION, /* "completed" of no course or activity: "other" */
};

/* One statement as received, read by the caller (harvest/xapi_statement.h). All
 * pointers borrowed; NULL where the statement has nothing. */
struct xapi_record {
    const char *id;           /* a UUID in lower case */
    const char *raw_json;     /* the statement's text as received */
    const char *content_hash; /* SHA-256 (hex) of its canonical form */
    const char *verb_id;
    enum xapi_record_meaning meaning;
    int completion;        /* result.completion: -1 absent, 0 false, 1 true */
    bool course_or_module; /* the object looks like an LMS course or course module */
    const char *account_home;
    const char *account_name;
    const char *object_id;
    const char *object_name;
    const char *course_id;    /* the course the object belongs to, from its context */
    const char *moodle_event; /* the Moodle event it translates, when it says */
    const char *occurred_at;  /* its timestamp in UTC, or when it was received */
    int64_t occurred_unix;    /* the same, in seconds since 1970 */
};

enum xapi_added {
    XAPI_ADDED_NEW,  /* stored and interpreted */
    XAPI_ADDED_SAME, /* this id with this content was stored before: nothing changed */
};

/* Stores the statements of one request from site_id (sent as xAPI version, e.g.
 * "1.0.3") and interprets each new one, in order, in one transaction: all of them or,
 * on any failure, none. added (count entries, may be NULL) says what became of each.
 * When a statement's id was stored before with other content, nothing is stored,
 * *conflict is true and the error names "statements[i].id". */
enum ct_status store_xapi_statements_add(struct store *store, int64_t site_id, const char *version,
                                         const struct xapi_record *records, size_t count,
                                         enum xapi_added *added, bool *conflict,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Which waiting statements to apply again: those of one account of a site, or those
 * about the courses and activities mapped to one catalog event. */
struct xapi_waiting_filter {
    int64_t site_id;          /* with account_name */
    const char *account_name; /* borrowed */
    int64_t event_id;         /* or this, alone */
};

/* Interprets again, in order of arrival, the waiting statements the filter selects,
 * inside the caller's transaction; *applied gets how many are no longer waiting. */
enum ct_status store_xapi_apply_waiting(struct store *store,
                                        const struct xapi_waiting_filter *filter, int64_t *applied,
                                        struct ct_err *err) CT_MUST_CHECK;

#define XAPI_STATE_SIZE  16
#define XAPI_REASON_SIZE 512

/* What one stored statement did. */
struct xapi_statement_outcome {
    char state[XAPI_STATE_SIZE]; /* "credited", "withdrawn", "waiting", "ignored" */
    char reason[XAPI_REASON_SIZE];
    bool created; /* credited: this statement created the activity */
    int64_t activity_id;
};

/* The outcome of the statement with this id; *found false when there is none. */
enum ct_status store_xapi_statement_outcome(struct store *store, const char *id,
                                            struct xapi_statement_outcome *outcome, bool *found,
                                            struct ct_err *err) CT_MUST_CHECK;

/* The reconciliation of the statements a site has sent (for the coordinator's view per
 * site): read (every statement stored), created (credited, creating the activity),
 * duplicates (credited, the activity already recorded), withdrawn, waiting, refused
 * (ignored, each with its reason in xapi_statements.reason), partial (one part of a course
 * recorded, the course not complete yet). */
enum ct_status store_xapi_site_counts(struct store *store, int64_t site_id,
                                      struct harvest_counts *counts,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
