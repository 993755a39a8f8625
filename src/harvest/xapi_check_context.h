/*
 * xapi_check_context: a statement's context checked as xAPI-Data 2.4.6 says: a UUID
 * for its registration; an Agent or Group for its instructor and a Group for its team;
 * Activities (one or an array) for each of its contextActivities; revision and platform
 * only for a statement about an Activity; a language tag for its language; a
 * StatementRef for its statement; and, under 2.0.0, its contextAgents and
 * contextGroups. Errors name the field; every pointer is borrowed.
 */
#ifndef CERTTRACK_XAPI_CHECK_CONTEXT_H
#define CERTTRACK_XAPI_CHECK_CONTEXT_H

#include <jansson.h>

#include "xapi_version.h"
#include "../core/err.h"

/* The context of statement (at prefix.context), when it has one, checked as version
 * shapes it. */
enum ct_status xapi_check_context(const json_t *statement, const char *prefix,
                                  enum xapi_version version, struct ct_err *err) CT_MUST_CHECK;

#endif
