/*
 * activity_kind: the kinds of learning a record can hold, and their statuses.
 *
 * The set of kinds is fixed by the record format; which kinds a program accepts, and
 * how each converts to credits, is program data (see program.h).
 */
#ifndef CERTTRACK_ACTIVITY_KIND_H
#define CERTTRACK_ACTIVITY_KIND_H

#include <stdbool.h>

enum activity_kind {
    ACTIVITY_KIND_COURSE,
    ACTIVITY_KIND_WORKSHOP,
    ACTIVITY_KIND_CONFERENCE_SESSION,
    ACTIVITY_KIND_WEBINAR,
    ACTIVITY_KIND_ARCHIVED_WEBINAR,
    ACTIVITY_KIND_COLLEGE,
    ACTIVITY_KIND_PRESENTING,
    ACTIVITY_KIND_SELF_DIRECTED,
    ACTIVITY_KIND_COUNT
};

enum activity_status {
    ACTIVITY_STATUS_PENDING,
    ACTIVITY_STATUS_VERIFIED,
    ACTIVITY_STATUS_REJECTED,
};

/* The kind's name in records and programs ("conference-session"); never NULL. */
const char *activity_kind_name(enum activity_kind kind);

/* The kind as people read it ("Conference session"), for documents and pages; never
 * NULL. */
const char *activity_kind_label(enum activity_kind kind);

/* Finds a kind by its name; false when name is not one. */
bool activity_kind_from_name(const char *name, enum activity_kind *kind);

/* True for the kinds whose worth is given directly as "credits". */
bool activity_kind_has_credit_value(enum activity_kind kind);

/* The status's name ("pending", "verified", "rejected"); never NULL. */
const char *activity_status_name(enum activity_status status);

bool activity_status_from_name(const char *name, enum activity_status *status);

#endif
