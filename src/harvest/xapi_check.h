/*
 * xapi_check: a statement checked whole, as a Learning Record Store checks one (xAPI
 * 1.0.3 and 2.0.0, xAPI-Data.md "Statements"): required actor, verb and object; an id
 * that is a UUID; timestamps in ISO 8601 with their offset; no property the
 * specification does not name, outside extensions; and every rule ADL's LRS
 * conformance suite checks of a statement (tests/data/xapi-requirements.json). A refused
 * statement says which field and why, e.g.
 * "statements[2].verb.id: not an IRI: \"completed\"".
 */
#ifndef CERTTRACK_XAPI_CHECK_H
#define CERTTRACK_XAPI_CHECK_H

#include <jansson.h>

#include "xapi_version.h"
#include "../core/err.h"

/* Checks statement (borrowed; named where in errors, "statement", "statements[3]") as a
 * statement of that version, SubStatement object included. */
enum ct_status xapi_check_statement(const json_t *statement, const char *where,
                                    enum xapi_version version, struct ct_err *err) CT_MUST_CHECK;

#endif
