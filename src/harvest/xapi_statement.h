/*
 * xapi_statement: xAPI statements read as a Learning Record Store reads them.
 *
 * Versions 1.0.3 and 2.0.0 of the Experience API (xAPI-Data.md, "Statements"): a
 * statement is checked whole (required actor, verb and object; an id that is a UUID; a
 * timestamp in ISO 8601 with its offset; no property the specification does not name,
 * outside extensions; no null; and every rule ADL's LRS conformance suite checks of a
 * statement, tests/data/xapi-requirements.json), and a refused one says which field and
 * why, e.g.
 * "statements[2].verb.id: not an IRI: \"completed\"".
 *
 * From a checked statement certtrack keeps what it interprets (the actor's account, the
 * verb, the activity, the course it belongs to, the time, result.completion) and a hash
 * of its canonical form, so that "the same id with the same content" can be told from a
 * conflict: the properties an LRS sets (stored, authority, version) and the id are left
 * out, keys are sorted, a timestamp becomes its UTC instant to the millisecond, Group
 * members are sorted and whole-number reals become integers.
 *
 * No I/O: the caller brings the text (and, for new ids, the random bytes).
 */
#ifndef CERTTRACK_XAPI_STATEMENT_H
#define CERTTRACK_XAPI_STATEMENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"

#define XAPI_UUID_SIZE      37 /* 36 characters and the NUL */
#define XAPI_HASH_SIZE      65 /* SHA-256 in hex and the NUL */
#define XAPI_TIMESTAMP_SIZE 32 /* "YYYY-MM-DDTHH:MM:SS.mmmZ" and the NUL */

/* The most statements one request may carry. */
#define XAPI_BATCH_MAX 1000

enum xapi_version {
    XAPI_VERSION_1_0, /* 1.0.0 to 1.0.3: answered as 1.0.3 */
    XAPI_VERSION_2_0, /* 2.0.0 */
};

/* Reads an X-Experience-API-Version header value: "1.0", "1.0.0" ... "1.0.9" or
 * "2.0.0". False (leaving *version untouched) for anything else, NULL included. */
bool xapi_version_parse(const char *header, enum xapi_version *version);

/* The version an LRS names in its answers for a request of that version: "1.0.3" or
 * "2.0.0" (static text). */
const char *xapi_version_name(enum xapi_version version);

/* An instant read from an ISO 8601 timestamp with its offset. */
struct xapi_time {
    int64_t utc_ms;     /* milliseconds since 1970-01-01T00:00:00Z */
    int offset_minutes; /* the offset it was written with, east of UTC positive */
};

/* Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM|+HHMM|+HH)" (T and Z in either
 * case; fractions past milliseconds are cut). A timestamp without an offset is refused,
 * and so is a zero offset written with "-" ("-00", "-0000", "-00:00": ISO 8601 writes
 * zero "+", RFC 3339 and 2.0.0 forbid "-00:00", and the 1.0.3 conformance suite refuses
 * all three). Both versions read timestamps alike today; version is for a rule one of
 * them alone may come to have. False for anything else. Stricter
 * than core/timestamp.h's reader (seconds required, no space for the T) and to the
 * millisecond, as statements are compared to the millisecond; the civil date of an
 * instant in a site's zone is core/tzif.h's. */
bool xapi_time_parse(const char *text, enum xapi_version version, struct xapi_time *out);

/* Writes the instant as "YYYY-MM-DDTHH:MM:SS.mmmZ" into out. */
void xapi_time_format_utc(int64_t utc_ms, char out[XAPI_TIMESTAMP_SIZE]);

/* True when text is a UUID written as 8-4-4-4-12 hexadecimal digits (either case). */
bool xapi_uuid_is_valid(const char *text);

/* Writes a version 4 (random) UUID made from 16 random bytes, in lower case. */
void xapi_uuid_from_random(const unsigned char random[16], char out[XAPI_UUID_SIZE]);

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

/* The canonical form's text (caller frees), or NULL when out of memory. */
char *xapi_statement_canonical(const json_t *statement);

/* A request body of statements: one statement object or an array of them. */
struct xapi_batch {
    struct xapi_statement *statements; /* owned, count of them */
    char **raw;                        /* each statement's own text from the body, owned */
    size_t *raw_length;
    size_t count;
    bool is_array; /* the body was an array (POST answers ids for either) */
    json_t *root;  /* owned */
};

/* Reads body (borrowed, length bytes) as one
 * statement or an array of at most XAPI_BATCH_MAX, every one checked: the first one
 * refused fails the whole batch (its index in where). Two statements with the same id
 * in one batch are refused too. *batch is released by the caller with
 * xapi_batch_release, also after a failure. */
enum ct_status xapi_batch_read(const char *body, size_t length, enum xapi_version version,
                               struct xapi_batch *batch, struct ct_err *err) CT_MUST_CHECK;

/* Frees the batch's contents; the struct is then empty. NULL is a no-op. */
void xapi_batch_release(struct xapi_batch *batch);

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
