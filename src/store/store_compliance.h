/*
 * store_compliance: every open track, evaluated on one day, one row at a time; the
 * statewide compliance view of the command line and the web application.
 */
#ifndef CERTTRACK_STORE_COMPLIANCE_H
#define CERTTRACK_STORE_COMPLIANCE_H

#include "../core/engine.h"
#include "store.h"

struct compliance_row {
    int64_t track_id;
    int64_t person_id;
    const char *name;
    const char *email;
    const char *library;
    const char *program;
    const char *state; /* the track's workflow state */
    const char *deadline;
    const struct evaluation *evaluation;
    const struct learner_record *record; /* what was evaluated: the activities' dates */
};

/* The order of the rows; ties go by track id. */
enum compliance_order {
    COMPLIANCE_BY_DEADLINE, /* the default */
    COMPLIANCE_BY_NAME,
    COMPLIANCE_BY_LIBRARY,
    COMPLIANCE_BY_PROGRAM,
    COMPLIANCE_BY_PERSON, /* a person's tracks one after another (by person id) */
};

/* Which tracks: library_id 0 means every library; program NULL means every program. */
struct compliance_filter {
    int64_t library_id;
    const char *program;
    int64_t consultant_id; /* non-zero: only the libraries this consultant serves */
    enum compliance_order order;
    bool descending;
    const char *library_kind; /* non-NULL: only the people of libraries of this kind */
    /* Non-NULL ("YYYY-MM-DD"): certified tracks whose certificate was issued on or after
     * this day are visited too (their row's state is "certified"). */
    const char *certified_since;
};

typedef enum ct_status (*compliance_visit)(void *context, const struct compliance_row *row,
                                           struct ct_err *err);

/* Calls visit for every open track (active, submitted, returned) that filter lets
 * through (and the certified ones it asks for), in the filter's order, evaluated on day.
 * Rows are borrowed for the call. */
enum ct_status store_compliance_each(struct store *store, struct civil_date day,
                                     const struct compliance_filter *filter, compliance_visit visit,
                                     void *context, struct ct_err *err) CT_MUST_CHECK;

/* The blocking codes of an evaluation, space-separated ("credits-short
 * category-short:technology"). */
void compliance_blocking_codes(const struct evaluation *evaluation, char *out, size_t size);

#endif
