/*
 * xapi_statement: xAPI statements read as a Learning Record Store reads them.
 *
 * Versions 1.0.3 and 2.0.0 of the Experience API (xAPI-Data.md, "Statements"): a
 * statement is checked whole (xapi_check.h), and a refused one says which field and
 * why, e.g.
 * "statements[2].verb.id: not an IRI: \"completed\"".
 *
 * From a checked statement certtrack keeps what it interprets (the actor's account, the
 * verb, the activity, the course it belongs to, the time, result.completion) and a hash
 * of its canonical form (xapi_canonical.h), so that "the same id with the same content"
 * can be told from a conflict. A request body of statements is xapi_batch.h's.
 *
 * No I/O: the caller brings the text (and, for new ids, the random bytes).
 */
#ifndef CERTTRACK_XAPI_STATEMENT_H
#define CERTTRACK_XAPI_STATEMENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xapi_canonical.h"
#include "xapi_time.h"
#include "xapi_uuid.h"
#include "xapi_version.h"
#include "../core/civil_date.h"
#include "../core/err.h"

/* What certtrack reads from one checked statement. The strings are borrowed from the
 * statement's JSON, which the struct holds a reference to until xapi_statement_release. */
struct xapi_statement {
    json_t *json;             /* owned reference */
    char id[XAPI_UUID_SIZE];  /* in lower case; "" when the statement has none */
    const char *account_home; /* actor.account.homePage; NULL for another actor */
    const char *account_name; /* actor.account.name */
    const char *verb_id;      /* never NULL */
    const char *object_id;    /* the activity's IRI; NULL when the object is no Activity */
    const char *object_name;  /* object.definition.name ("en", "en-US" or the first) */
    const char *course_id;    /* the course activity in the context (parent or grouping) */
    bool has_timestamp;       /* timestamp given */
    struct xapi_time timestamp;
    int completion;                    /* result.completion: -1 absent, 0 false, 1 true */
    int success;                       /* result.success: -1 absent, 0 false, 1 true */
    const char *moodle_event;          /* logstore_xapi's event_name (the info extension) */
    char content_hash[XAPI_HASH_SIZE]; /* SHA-256 of the canonical form */
};

/* Checks value as a statement of that version and fills *out (which the caller
 * releases with xapi_statement_release, also after a failure). where names the value
 * in errors ("statement", "statements[3]"). value is borrowed; out takes a reference. */
enum ct_status xapi_statement_read(json_t *value, enum xapi_version version, const char *where,
                                   struct xapi_statement *out, struct ct_err *err) CT_MUST_CHECK;

/* Releases the statement's reference; the struct is then empty. NULL is a no-op. */
void xapi_statement_release(struct xapi_statement *statement);

/* Gives the statement an id (a valid UUID, copied in lower case); its hash is
 * unchanged, since the id is no part of the content. */
void xapi_statement_set_id(struct xapi_statement *statement, const char *id);

/* The canonical form's text (xapi_canonical_text; caller frees), or NULL when out of
 * memory. */
char *xapi_statement_canonical(const json_t *statement);

/* Verbs certtrack interprets. */
#define XAPI_VERB_COMPLETED        "http://adlnet.gov/expapi/verbs/completed"
#define XAPI_VERB_COMPLETED_TINCAN "http://id.tincanapi.com/verb/completed"
#define XAPI_VERB_UNCOMPLETED      "https://xapi.edlm/profiles/edlm-lms/concepts/verbs/uncompleted"
/* logstore_xapi's context extension naming the Moodle event a statement translates. */
#define XAPI_MOODLE_INFO_EXTENSION "http://lrs.learninglocker.net/define/extensions/info"

enum xapi_meaning {
    XAPI_MEANING_OTHER,            /* stored, no credit */
    XAPI_MEANING_COMPLETED,        /* a course or activity completed (result.completion not
                                      false, result.success not false) */
    XAPI_MEANING_UNCOMPLETED,      /* Moodle's "uncompleted": a completion taken back */
    XAPI_MEANING_FAILED,           /* completed without passing (result.success false) */
    XAPI_MEANING_NOT_A_COMPLETION, /* "completed" of something else: a lesson attempt
                                      ended, a SCORM status */
};

/* The Moodle events whose completions credit, as logstore_xapi names them. */
#define XAPI_MOODLE_COURSE_COMPLETED "\\core\\event\\course_completed"
#define XAPI_MOODLE_MODULE_COMPLETED "\\core\\event\\course_module_completion_updated"

/* What the statement means for credit. Only a course completion or an activity
 * completion credits: when the statement names its Moodle event (the info extension of
 * logstore_xapi), that event is course_completed or course_module_completion_updated;
 * when it names none, its object is not a lesson session or an attempt (and, unless its
 * address is mapped, a course or a course module: store_xapi.h). */
enum xapi_meaning xapi_statement_meaning(const struct xapi_statement *statement);

/* True when the statement's activity looks like an LMS course or course module: its
 * definition.type is a course or LMS module type, or its address is a Moodle course or
 * module page (".../course/view.php?id=", ".../mod/NAME/view.php?id="). */
bool xapi_statement_is_course_or_module(const struct xapi_statement *statement);

#endif
