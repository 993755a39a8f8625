/*
 * record: one learner's record on one track, as the rules engine reads it.
 *
 * The JSON form is the input contract of `certtrack evaluate` (docs/evaluate.md):
 * program, as_of, track_started, certificates, plan versions, final report and
 * activities. Decoding checks everything the engine relies on, so that the engine never
 * meets bad data: unknown kinds, statuses, categories or programs, impossible dates,
 * credit values that are not positive multiples of 0.5 and duplicate ids are refused
 * with the path of the field ("activities[3].date").
 */
#ifndef CERTTRACK_RECORD_H
#define CERTTRACK_RECORD_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "activity_kind.h"
#include "arena.h"
#include "civil_date.h"
#include "err.h"
#include "program.h"

/* The most activities one record may hold, and the most of its other lists. */
#define RECORD_MAX_ACTIVITIES    100000
#define RECORD_MAX_PLAN_VERSIONS 1000
#define RECORD_MAX_PLANNED_ITEMS 1000
#define RECORD_MAX_CERTIFICATES  1000

struct activity {
    const char *id;
    enum activity_kind kind;
    enum activity_status status;
    struct civil_date date;
    int category;               /* index into the program's categories, or -1 when none */
    int64_t credit_halves;      /* kinds with a credit value */
    int64_t semester_halves;    /* college: semester credits, in halves */
    int64_t quarter_halves;     /* college: quarter credits, in halves */
    int64_t minutes;            /* presenting and self-directed: time spent */
    struct civil_date recorded; /* archived-webinar: when it was recorded */
    const char *topic;          /* presenting: as given */
    const char *topic_key;      /* presenting: trimmed and case-folded (text_key.h) */
    const char *plan_item;      /* self-directed: the plan item it carries out, or NULL */
};

struct certificate_held {
    const char *program;
    struct civil_date issued;
};

struct plan_version {
    int64_t version;
    struct civil_date submitted; /* unset for a draft that was never submitted */
    struct civil_date learner_approved;
    struct civil_date organization_approved;
    const char **planned_self_directed; /* sorted (strcmp), for binary search */
    size_t planned_self_directed_count;
};

struct learner_record {
    struct arena arena;            /* owns every string and array below */
    const struct program *program; /* borrowed from the program set */
    struct civil_date as_of;
    struct civil_date track_started;
    struct certificate_held *certificates;
    size_t certificate_count;
    struct plan_version *plan_versions;
    size_t plan_version_count;
    struct civil_date final_report_submitted;
    struct civil_date final_report_accepted;
    struct activity *activities;
    size_t activity_count;
};

/* Options for record_parse. */
struct record_parse_options {
    /* When set, replaces the record's as_of, which may then be absent. */
    struct civil_date as_of_override;
};

/* Decodes a record from JSON text (length bytes) against the programs in set (borrowed,
 * and must outlive the record). On success *out is a new record the caller frees with
 * record_free. options may be NULL. */
enum ct_status record_parse(const char *text, size_t length, const struct program_set *set,
                            const struct record_parse_options *options, struct learner_record **out,
                            struct ct_err *err) CT_MUST_CHECK;

/* The same, from an already parsed JSON document (borrowed). */
enum ct_status record_from_json(const json_t *root, const struct program_set *set,
                                const struct record_parse_options *options,
                                struct learner_record **out, struct ct_err *err) CT_MUST_CHECK;

/* Frees a record and everything it owns; NULL is a no-op. */
void record_free(struct learner_record *record);

#endif
