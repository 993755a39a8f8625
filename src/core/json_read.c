#include "json_read.h"

#include <stdio.h>
#include <string.h>

#include "credit.h"
#include "banned.h"

/* Appends text at out[at], cut to fit JSON_PATH_SIZE with its NUL; returns the new end. */
static size_t path_append(char out[JSON_PATH_SIZE], size_t at, const char *text)
{
    size_t length = strlen(text);
    if (length > JSON_PATH_SIZE - 1 - at) {
        length = JSON_PATH_SIZE - 1 - at;
    }
    memcpy(out + at, text, length);
    out[at + length] = '\0';
    return at + length;
}

/* Written without snprintf: readers build a path for every field they look at. */
void json_path_field(char out[JSON_PATH_SIZE], const char *prefix, const char *key)
{
    size_t at = 0;
    if (prefix != NULL && prefix[0] != '\0') {
        at = path_append(out, 0, prefix);
        at = path_append(out, at, ".");
    }
    (void)path_append(out, at, key);
}

void json_path_index(char out[JSON_PATH_SIZE], const char *prefix, size_t index)
{
    snprintf(out, JSON_PATH_SIZE, "%s[%zu]", prefix, index);
}

const char *json_read_type_name(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

enum ct_status json_read_wrong_type(const char *where, const char *expected, const json_t *value,
                                    struct ct_err *err)
{
    return ct_err_set(err, CT_ERR_INPUT, where, "expected %s, found %s", expected,
                      json_read_type_name(value));
}

enum ct_status json_read_expect_object(const json_t *value, const char *where, struct ct_err *err)
{
    return json_is_object(value) ? CT_OK : json_read_wrong_type(where, "an object", value, err);
}

enum ct_status json_read_only_keys(const json_t *object, const char *prefix,
                                   const char *const *allowed, struct ct_err *err)
{
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)object, key, value)
    {
        bool known = false;
        for (size_t i = 0; allowed[i] != NULL && !known; i++) {
            known = strcmp(key, allowed[i]) == 0;
        }
        if (!known) {
            char where[JSON_PATH_SIZE];
            json_path_field(where, prefix, key);
            return ct_err_set(err, CT_ERR_INPUT, where, "unknown field");
        }
    }
    return CT_OK;
}

/* Looks up key; *value is NULL when the field is missing or null. */
static enum ct_status field_lookup(const json_t *object, const char *prefix, const char *key,
                                   bool required, json_t **value, char where[JSON_PATH_SIZE],
                                   struct ct_err *err)
{
    json_path_field(where, prefix, key);
    json_t *found = json_object_get(object, key);
    if (found != NULL && json_is_null(found)) {
        found = NULL;
    }
    *value = found;
    if (found == NULL && required) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    return CT_OK;
}

enum ct_status json_read_string(const json_t *object, const char *prefix, const char *key,
                                bool required, const char **out, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    *out = NULL;
    enum ct_status status = field_lookup(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    if (!json_is_string(value)) {
        return json_read_wrong_type(where, "a string", value, err);
    }
    if (json_string_length(value) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, where, "must not be empty");
    }
    if (strlen(json_string_value(value)) != json_string_length(value)) {
        return ct_err_set(err, CT_ERR_INPUT, where, "must not contain a NUL character");
    }
    *out = json_string_value(value);
    return CT_OK;
}

enum ct_status json_read_date(const json_t *object, const char *prefix, const char *key,
                              bool required, struct civil_date *out, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    *out = civil_date_unset();
    enum ct_status status = field_lookup(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    if (!json_is_string(value)) {
        return json_read_wrong_type(where, "a date as \"YYYY-MM-DD\"", value, err);
    }
    const char *text = json_string_value(value);
    if (strlen(text) != json_string_length(value) || !civil_date_parse(text, out)) {
        /* Quote at most a short prefix of what was given. */
        return ct_err_set(err, CT_ERR_INPUT, where, "not a date: \"%.40s\"", text);
    }
    return CT_OK;
}

static enum ct_status read_number(const json_t *object, const char *prefix, const char *key,
                                  bool required, json_t **value, char where[JSON_PATH_SIZE],
                                  struct ct_err *err)
{
    enum ct_status status = field_lookup(object, prefix, key, required, value, where, err);
    if (status != CT_OK || *value == NULL) {
        return status;
    }
    if (!json_is_number(*value)) {
        return json_read_wrong_type(where, "a number", *value, err);
    }
    return CT_OK;
}

enum ct_status json_read_credits(const json_t *object, const char *prefix, const char *key,
                                 bool required, int64_t *halves, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    *halves = 0;
    enum ct_status status = read_number(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    double number = json_number_value(value);
    enum credit_parse_result result = credit_halves_from_number(number, halves);
    if (result == CREDIT_PARSE_TOO_LARGE) {
        return ct_err_set(err, CT_ERR_INPUT, where, "too large: %g (at most %d)", number,
                          CREDIT_INPUT_MAX);
    }
    if (result != CREDIT_PARSE_OK) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not a positive multiple of 0.5: %g", number);
    }
    return CT_OK;
}

enum ct_status json_read_credits_or_zero(const json_t *object, const char *prefix, const char *key,
                                         bool required, int64_t *halves, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    *halves = 0;
    enum ct_status status = read_number(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL || json_number_value(value) == 0) {
        return status;
    }
    return json_read_credits(object, prefix, key, required, halves, err);
}

enum ct_status json_read_hours(const json_t *object, const char *prefix, const char *key,
                               bool required, int64_t *minutes, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    *minutes = 0;
    enum ct_status status = read_number(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    double hours = json_number_value(value);
    enum credit_parse_result result = credit_minutes_from_hours(hours, minutes);
    if (result == CREDIT_PARSE_TOO_LARGE) {
        return ct_err_set(err, CT_ERR_INPUT, where, "too large: %g (at most %d hours)", hours,
                          CREDIT_HOURS_MAX);
    }
    if (result != CREDIT_PARSE_OK) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not a positive number of hours: %g", hours);
    }
    return CT_OK;
}

enum ct_status json_read_integer(const json_t *object, const char *prefix, const char *key,
                                 bool required, int64_t min, int64_t max, int64_t *out,
                                 struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    enum ct_status status = field_lookup(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    if (!json_is_integer(value)) {
        return json_read_wrong_type(where, "a whole number", value, err);
    }
    json_int_t number = json_integer_value(value);
    if (number < min || number > max) {
        return ct_err_set(err, CT_ERR_INPUT, where, "out of range: %lld (expected %lld to %lld)",
                          (long long)number, (long long)min, (long long)max);
    }
    *out = number;
    return CT_OK;
}

enum ct_status json_read_bool(const json_t *object, const char *prefix, const char *key,
                              bool required, bool *out, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value;
    enum ct_status status = field_lookup(object, prefix, key, required, &value, where, err);
    if (status != CT_OK || value == NULL) {
        return status;
    }
    if (!json_is_boolean(value)) {
        return json_read_wrong_type(where, "true or false", value, err);
    }
    *out = json_is_true(value);
    return CT_OK;
}

enum ct_status json_read_array(const json_t *object, const char *prefix, const char *key,
                               bool required, json_t **out, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    enum ct_status status = field_lookup(object, prefix, key, required, out, where, err);
    if (status != CT_OK || *out == NULL) {
        return status;
    }
    if (!json_is_array(*out)) {
        enum ct_status type_status = json_read_wrong_type(where, "an array", *out, err);
        *out = NULL;
        return type_status;
    }
    return CT_OK;
}

enum ct_status json_read_object(const json_t *object, const char *prefix, const char *key,
                                bool required, json_t **out, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    enum ct_status status = field_lookup(object, prefix, key, required, out, where, err);
    if (status != CT_OK || *out == NULL) {
        return status;
    }
    if (!json_is_object(*out)) {
        enum ct_status type_status = json_read_wrong_type(where, "an object", *out, err);
        *out = NULL;
        return type_status;
    }
    return CT_OK;
}

enum ct_status json_read_document(const char *text, size_t length, json_t **out, struct ct_err *err)
{
    json_error_t error;
    *out = json_loadb(text, length, JSON_REJECT_DUPLICATES, &error);
    if (*out == NULL) {
        if (json_error_code(&error) == json_error_out_of_memory) {
            return ct_err_nomem(err);
        }
        return ct_err_set(err, CT_ERR_INPUT, NULL, "not valid JSON (line %d, column %d): %s",
                          error.line, error.column, error.text);
    }
    return CT_OK;
}
