/*
 * json_read: typed, checked reads of fields from jansson objects.
 *
 * Each reader names the field it reads by its path ("activities[3].date") in the
 * error it sets, so that every decoder reports bad input the same way. A field that
 * is absent or JSON null is "missing": an error when required, otherwise the output
 * is left as "unset" (see each function).
 */
#ifndef CERTTRACK_JSON_READ_H
#define CERTTRACK_JSON_READ_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"
#include "err.h"

#define JSON_PATH_SIZE 256

/* Writes prefix + "." + key (or key alone when prefix is empty) into out. */
void json_path_field(char out[JSON_PATH_SIZE], const char *prefix, const char *key);

/* Writes prefix + "[index]" into out. */
void json_path_index(char out[JSON_PATH_SIZE], const char *prefix, size_t index);

/* The type of value as an error names it: "an object", "an array", "a string", "a
 * number", "a boolean" or "null" (static text). */
const char *json_read_type_name(const json_t *value);

/* Sets err to CT_ERR_INPUT at where, "expected EXPECTED, found TYPE" (the type of value,
 * as json_read_type_name names it), and returns CT_ERR_INPUT. expected is written as
 * given ("a string", "an IRI (a string)"). */
enum ct_status json_read_wrong_type(const char *where, const char *expected, const json_t *value,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Fails unless value is an object; where names it ("expected an object, found ..."). */
enum ct_status json_read_expect_object(const json_t *value, const char *where,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Fails when object has a key that is not in allowed (a NULL-terminated list): for
 * files where a misspelt key must not pass unnoticed. */
enum ct_status json_read_only_keys(const json_t *object, const char *prefix,
                                   const char *const *allowed, struct ct_err *err) CT_MUST_CHECK;

/* *out is set to the borrowed (object-owned) string, or NULL when missing and not
 * required. An empty string is an error. */
enum ct_status json_read_string(const json_t *object, const char *prefix, const char *key,
                                bool required, const char **out, struct ct_err *err) CT_MUST_CHECK;

/* *out is set to a YYYY-MM-DD date, or civil_date_unset() when missing and not
 * required. */
enum ct_status json_read_date(const json_t *object, const char *prefix, const char *key,
                              bool required, struct civil_date *out,
                              struct ct_err *err) CT_MUST_CHECK;

/* *halves is set to a positive multiple of 0.5 credits in half-credits, or 0 when
 * missing and not required. */
enum ct_status json_read_credits(const json_t *object, const char *prefix, const char *key,
                                 bool required, int64_t *halves, struct ct_err *err) CT_MUST_CHECK;

/* Like json_read_credits, but zero is allowed (for minimums). */
enum ct_status json_read_credits_or_zero(const json_t *object, const char *prefix, const char *key,
                                         bool required, int64_t *halves,
                                         struct ct_err *err) CT_MUST_CHECK;

/* *minutes is set to a positive number of hours in whole minutes, or 0 when missing
 * and not required. */
enum ct_status json_read_hours(const json_t *object, const char *prefix, const char *key,
                               bool required, int64_t *minutes, struct ct_err *err) CT_MUST_CHECK;

/* *out is set to an integer in [min, max], or left untouched when missing and not
 * required. */
enum ct_status json_read_integer(const json_t *object, const char *prefix, const char *key,
                                 bool required, int64_t min, int64_t max, int64_t *out,
                                 struct ct_err *err) CT_MUST_CHECK;

/* *out is set to a boolean, or left untouched when missing and not required. */
enum ct_status json_read_bool(const json_t *object, const char *prefix, const char *key,
                              bool required, bool *out, struct ct_err *err) CT_MUST_CHECK;

/* *out is set to the borrowed array, or NULL when missing and not required. */
enum ct_status json_read_array(const json_t *object, const char *prefix, const char *key,
                               bool required, json_t **out, struct ct_err *err) CT_MUST_CHECK;

/* *out is set to the borrowed object, or NULL when missing and not required. */
enum ct_status json_read_object(const json_t *object, const char *prefix, const char *key,
                                bool required, json_t **out, struct ct_err *err) CT_MUST_CHECK;

/* Parses text (length bytes, UTF-8) as one JSON document; a syntax error names the
 * line and column. The caller owns *out (json_decref). */
enum ct_status json_read_document(const char *text, size_t length, json_t **out,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
