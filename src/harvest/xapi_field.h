/*
 * xapi_field: one field of a statement's JSON, looked up and checked; the parts the
 * statement's checkers (xapi_check*.h), its reading (xapi_statement.h) and its canonical
 * form (xapi_canonical.h) share. Internal to src/harvest.
 *
 * A check takes the object, the path of the object (prefix, "statement.verb") and the
 * key; the error it sets names the field's path ("statement.verb.id") and why, and it
 * returns CT_ERR_INPUT then. Every pointer is borrowed.
 */
#ifndef CERTTRACK_XAPI_FIELD_H
#define CERTTRACK_XAPI_FIELD_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/err.h"
#include "../core/json_read.h"

/* The field key of object (borrowed), NULL when absent; where receives its path. */
json_t *xapi_field_get(const json_t *object, const char *prefix, const char *key,
                       char where[JSON_PATH_SIZE]);

/* The object's objectType when it is a string (borrowed), else NULL (object NULL too). */
const char *xapi_field_object_type(const json_t *object);

/* An IRI (or IRL): a scheme, a colon, something after it, and nothing that may not
 * appear in one (spaces, controls, <>"{}|\^`). */
bool xapi_field_is_iri(const char *text);

/* value (named where) is a string that is an IRI. */
enum ct_status xapi_field_iri(const json_t *value, const char *where,
                              struct ct_err *err) CT_MUST_CHECK;

/* The field is present and an IRI. */
enum ct_status xapi_field_required_iri(const json_t *object, const char *prefix, const char *key,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The field is absent or an IRI. */
enum ct_status xapi_field_optional_iri(const json_t *object, const char *prefix, const char *key,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The field is a string (or absent, unless required). */
enum ct_status xapi_field_string(const json_t *object, const char *prefix, const char *key,
                                 bool required, struct ct_err *err) CT_MUST_CHECK;

/* The field is absent, true or false. */
enum ct_status xapi_field_boolean(const json_t *object, const char *prefix, const char *key,
                                  struct ct_err *err) CT_MUST_CHECK;

/* The field is a language map (or absent, unless required): an object whose keys are
 * well-formed language tags and whose values are strings. */
enum ct_status xapi_field_language_map(const json_t *object, const char *prefix, const char *key,
                                       bool required, struct ct_err *err) CT_MUST_CHECK;

/* The object's "extensions" is absent or an object whose keys are IRIs (the values are
 * anything). */
enum ct_status xapi_field_extensions(const json_t *object, const char *prefix,
                                     struct ct_err *err) CT_MUST_CHECK;

/* The field is a UUID (or absent, unless required). */
enum ct_status xapi_field_uuid(const json_t *object, const char *prefix, const char *key,
                               bool required, struct ct_err *err) CT_MUST_CHECK;

/* ref (named where) is a StatementRef: {"objectType": "StatementRef", "id": a UUID}. */
enum ct_status xapi_field_statement_ref(const json_t *ref, const char *where,
                                        struct ct_err *err) CT_MUST_CHECK;

#endif
