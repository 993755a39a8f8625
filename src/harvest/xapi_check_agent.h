/*
 * xapi_check_agent: the Agents and Groups of a statement (its actor, an object that is
 * one, the context's instructor, team and 2.0.0's context agents and groups, and the
 * authority) checked as xAPI-Data 2.4.2 says: one inverse functional identifier each
 * (mbox, mbox_sha1sum, openid or account), none for an anonymous Group, which lists its
 * members. Errors name the field; every pointer is borrowed.
 */
#ifndef CERTTRACK_XAPI_CHECK_AGENT_H
#define CERTTRACK_XAPI_CHECK_AGENT_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/err.h"

/* agent (named where) is an Agent, or (when allow_group) a Group whose members are
 * Agents. object_type_required: as the object of a statement, where objectType tells an
 * Agent from an Activity. */
enum ct_status xapi_check_agent(const json_t *agent, const char *where, bool allow_group,
                                bool object_type_required, struct ct_err *err) CT_MUST_CHECK;

/* The statement's authority (at prefix.authority), when it has one: an Agent, or
 * (3-legged OAuth) an anonymous Group of exactly two Agents, the OAuth consumer and the
 * user (xAPI-Data 2.4.9; XAPI-00024, XAPI-00098, XAPI-00100). */
enum ct_status xapi_check_agent_authority(const json_t *statement, const char *prefix,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
