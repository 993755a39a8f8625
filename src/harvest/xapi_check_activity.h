/*
 * xapi_check_activity: the Activities of a statement (its object, the context's
 * activities) checked as xAPI-Data 2.4.4.1 says: an IRI for an id, and a definition
 * whose names and descriptions are language maps, whose type and moreInfo are IRIs, and
 * which, when it describes an interaction, names its interactionType and lists its
 * components. Errors name the field; every pointer is borrowed.
 */
#ifndef CERTTRACK_XAPI_CHECK_ACTIVITY_H
#define CERTTRACK_XAPI_CHECK_ACTIVITY_H

#include <jansson.h>

#include "../core/err.h"

/* activity (named where) is an Activity: an object with an id, an objectType that is
 * "Activity" if any, and a well-formed definition if any. */
enum ct_status xapi_check_activity(const json_t *activity, const char *where,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
