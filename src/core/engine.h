/*
 * engine: the credit rules engine.
 *
 * Given one learner's record (record.h) and the program it names, decides exactly which
 * activities count on the record's as_of date, why each one does or does not, what
 * blocks completion, and when counted credits will next fall. The engine does no I/O,
 * keeps no state between calls, and uses only integer arithmetic (half-credits and
 * minutes), so the same record always gives the same evaluation.
 *
 * The rules, as the engine reads them, are in docs/rules.md; the program data decides
 * totals, windows, categories, conversions and limits.
 */
#ifndef CERTTRACK_ENGINE_H
#define CERTTRACK_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "civil_date.h"
#include "err.h"
#include "program.h"
#include "record.h"

enum decision {
    DECISION_COUNTED,
    DECISION_PARTIAL, /* a cap counted part of it */
    DECISION_EXCLUDED,
    DECISION_PENDING, /* waiting for verification */
};

/* Why an activity is not (fully) counted. The first applicable reason, in this order,
 * is the one given. */
enum reason {
    REASON_NONE,
    REASON_KIND_NOT_ACCEPTED,
    REASON_FUTURE_DATED,
    REASON_REJECTED,
    REASON_BEFORE_TRACK,
    REASON_EXPIRED,
    REASON_BEFORE_PLAN,
    REASON_BELOW_MINIMUM,
    REASON_ARCHIVED_WEBINAR_TOO_OLD,
    REASON_UNPLANNED_SELF_DIRECTED,
    REASON_NOT_VERIFIED,
    REASON_PRESENTING_TOPIC_LIMIT,
    REASON_SELF_DIRECTED_CAP,
};

enum track_status {
    TRACK_COMPLETE,
    TRACK_IN_PROGRESS,
    TRACK_INELIGIBLE,
    TRACK_EXPIRED,
};

/* What stops completion now, in the order the codes are reported. */
enum blocking_code {
    BLOCKING_CREDITS_SHORT,
    BLOCKING_CATEGORY_SHORT,
    BLOCKING_NO_PRIOR_CERTIFICATE,
    BLOCKING_PLAN_MISSING,
    BLOCKING_PLAN_NOT_APPROVED,
    BLOCKING_FINAL_REPORT_MISSING,
    BLOCKING_FINAL_REPORT_NOT_ACCEPTED,
    BLOCKING_TRACK_EXPIRED,
};

struct blocking_item {
    enum blocking_code code;
    int category; /* for BLOCKING_CATEGORY_SHORT: the program category index; else -1 */
};

struct activity_result {
    int64_t credit_halves;  /* what the activity is worth after conversion */
    int64_t counted_halves; /* what counts now */
    enum decision decision;
    enum reason reason;
    struct civil_date expires; /* the first day it no longer counts */
};

struct evaluation {
    const struct program *program; /* borrowed */
    struct civil_date as_of;
    struct civil_date deadline;
    enum track_status status;
    int64_t counted_halves;
    int64_t required_halves;
    int64_t remaining_halves;
    int64_t pending_halves;
    int64_t self_directed_halves;     /* counted self-directed credit */
    int64_t *category_counted_halves; /* one per program category */
    struct blocking_item *blocking;
    size_t blocking_count;
    struct activity_result *activities; /* one per record activity, in record order */
    size_t activity_count;
    /* The first day after as_of on which counted credit would be lower, or unset. */
    struct civil_date next_expiry;
    int64_t counted_after_next_expiry_halves;
};

/* Evaluates record (borrowed; it must outlive the result, which borrows its program).
 * On success *out is a new evaluation the caller frees with evaluation_free. Fails only
 * when memory runs out. */
enum ct_status engine_evaluate(const struct learner_record *record,
                               struct evaluation **out) CT_MUST_CHECK;

/* The plan version in force on day: the latest submitted on or before it (ties: the
 * higher version); NULL when none. Borrowed from record. The engine decides planned
 * self-directed learning and plan approval by this version. */
const struct plan_version *engine_plan_version_in_force(const struct learner_record *record,
                                                        struct civil_date day);

/* *which when no certificate was needed. */
#define ENGINE_NO_CERTIFICATE ((size_t)-1)

/* Whether the certificates (borrowed; count of them) meet program's prerequisite for a
 * track that starts on track_started, evaluated on as_of: a certificate of one of the
 * listed programs issued on or before both days (none needed when the program lists
 * none). *which is the index of the first certificate that meets it, else
 * ENGINE_NO_CERTIFICATE. The evaluation's "no-prior-certificate" is this rule, and an
 * enrolment asks it before the track exists. */
bool engine_prerequisite_met(const struct program *program,
                             const struct certificate_held *certificates, size_t count,
                             struct civil_date track_started, struct civil_date as_of,
                             size_t *which);

/* Frees an evaluation; NULL is a no-op. */
void evaluation_free(struct evaluation *evaluation);

/* Names used in output; never NULL. reason_code(REASON_NONE) is NULL-free: "". */
const char *decision_name(enum decision decision);
const char *reason_code(enum reason reason);
const char *track_status_name(enum track_status status);
const char *blocking_code_name(enum blocking_code code); /* without ":<category>" */

/* One sentence in plain words, for people; never NULL. */
const char *reason_description(enum reason reason);
const char *blocking_description(enum blocking_code code);

/* The words of evaluation's blocking item index, with its numbers ("12 more credits are
 * needed in Library Administration.") into out (size bytes). */
void blocking_item_words(const struct evaluation *evaluation, size_t index, char *out, size_t size);

#endif
