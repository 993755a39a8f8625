#include "xapi_check.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "xapi_check_activity.h"
#include "xapi_check_agent.h"
#include "xapi_check_context.h"
#include "xapi_field.h"
#include "xapi_time.h"
#include "../core/json_read.h"
#include "../core/banned.h"

/* The verb reserved for voiding a statement (xAPI-Data 2.3.2). */
#define VERB_VOIDED "http://adlnet.gov/expapi/verbs/voided"

static enum ct_status check_verb(const json_t *statement, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"id", "display", NULL};
    char where[JSON_PATH_SIZE];
    json_t *verb = xapi_field_get(statement, prefix, "verb", where);
    if (verb == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    enum ct_status status = json_read_expect_object(verb, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(verb, where, keys, err);
    }
    if (status == CT_OK) {
        status = xapi_field_required_iri(verb, where, "id", err);
    }
    if (status == CT_OK) {
        status = xapi_field_language_map(verb, where, "display", false, err);
    }
    return status;
}

struct reading {
    enum xapi_version version;
    bool sub_statement; /* checking the object of a statement that is a SubStatement */
};

static enum ct_status check_statement_body(const json_t *statement, const char *where,
                                           struct reading reading, struct ct_err *err);

static enum ct_status check_object(const json_t *statement, const char *prefix,
                                   struct reading reading, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *object = xapi_field_get(statement, prefix, "object", where);
    if (object == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    enum ct_status status = json_read_expect_object(object, where, err);
    if (status != CT_OK) {
        return status;
    }
    const char *type = xapi_field_object_type(object);
    if (type == NULL || strcmp(type, "Activity") == 0) {
        return xapi_check_activity(object, where, err);
    }
    if (strcmp(type, "Agent") == 0 || strcmp(type, "Group") == 0) {
        return xapi_check_agent(object, where, true, true, err);
    }
    if (strcmp(type, "StatementRef") == 0) {
        return xapi_field_statement_ref(object, where, err);
    }
    char at[JSON_PATH_SIZE];
    json_path_field(at, where, "objectType");
    if (strcmp(type, "SubStatement") == 0) {
        if (reading.sub_statement) {
            return ct_err_set(err, CT_ERR_INPUT, at, "a SubStatement cannot hold another");
        }
        reading.sub_statement = true;
        return check_statement_body(object, where, reading, err);
    }
    return ct_err_set(err, CT_ERR_INPUT, at,
                      "expected \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or "
                      "\"SubStatement\", found \"%.64s\"",
                      type);
}

/* An ISO 8601 duration: P[nY][nM][nD][T[nH][nM][nS]] or PnW, each n with an optional
 * fraction, at least one part, and at least one after a T. Weeks stand alone (ISO
 * 8601:2004 4.4.3.2; xAPI-Data 4.6: "P4W1D" is not valid). */
static bool is_duration(const char *text)
{
    if (text[0] != 'P') {
        return false;
    }
    const char *c = text + 1;
    const char *date_units = "YMWD";
    const char *time_units = "HMS";
    const char *units = date_units;
    bool any_time = false, in_time = false, weeks = false;
    int parts = 0;
    while (*c != '\0') {
        if (*c == 'T') {
            if (in_time) {
                return false;
            }
            in_time = true;
            units = time_units;
            c++;
            continue;
        }
        if (!isdigit((unsigned char)*c)) {
            return false;
        }
        while (isdigit((unsigned char)*c)) {
            c++;
        }
        if (*c == '.' || *c == ',') {
            c++;
            if (!isdigit((unsigned char)*c)) {
                return false;
            }
            while (isdigit((unsigned char)*c)) {
                c++;
            }
        }
        const char *unit = *c != '\0' ? strchr(units, *c) : NULL;
        if (unit == NULL) {
            return false;
        }
        units = unit + 1; /* units come in order, each once */
        parts++;
        weeks = weeks || *unit == 'W';
        any_time = any_time || in_time;
        c++;
    }
    if (weeks && parts > 1) {
        return false;
    }
    return parts > 0 && (!in_time || any_time);
}

static enum ct_status check_number(const json_t *score, const char *prefix, const char *key,
                                   double *value, bool *present, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *number = xapi_field_get(score, prefix, key, where);
    *present = number != NULL;
    if (number == NULL) {
        return CT_OK;
    }
    if (!json_is_number(number)) {
        return json_read_wrong_type(where, "a number", number, err);
    }
    *value = json_number_value(number);
    return CT_OK;
}

static enum ct_status check_score(const json_t *result, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"scaled", "raw", "min", "max", NULL};
    char where[JSON_PATH_SIZE];
    json_t *score = xapi_field_get(result, prefix, "score", where);
    if (score == NULL) {
        return CT_OK;
    }
    enum ct_status status = json_read_expect_object(score, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(score, where, keys, err);
    }
    double scaled = 0, raw = 0, min = 0, max = 0;
    bool has_scaled = false, has_raw = false, has_min = false, has_max = false;
    if (status == CT_OK) {
        status = check_number(score, where, "scaled", &scaled, &has_scaled, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "raw", &raw, &has_raw, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "min", &min, &has_min, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "max", &max, &has_max, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (has_scaled && (scaled < -1 || scaled > 1)) {
        return ct_err_set(err, CT_ERR_INPUT, where, "scaled must be between -1 and 1");
    }
    if (has_min && has_max && !(min < max)) {
        return ct_err_set(err, CT_ERR_INPUT, where, "min must be less than max");
    }
    if (has_raw && ((has_min && raw < min) || (has_max && raw > max))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "raw must be between min and max");
    }
    return CT_OK;
}

static enum ct_status check_result(const json_t *statement, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"score",    "success",    "completion", "response",
                                       "duration", "extensions", NULL};
    char where[JSON_PATH_SIZE];
    json_t *result = xapi_field_get(statement, prefix, "result", where);
    if (result == NULL) {
        return CT_OK;
    }
    enum ct_status status = json_read_expect_object(result, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(result, where, keys, err);
    }
    if (status == CT_OK) {
        status = check_score(result, where, err);
    }
    if (status == CT_OK) {
        status = xapi_field_boolean(result, where, "success", err);
    }
    if (status == CT_OK) {
        status = xapi_field_boolean(result, where, "completion", err);
    }
    if (status == CT_OK) {
        status = xapi_field_string(result, where, "response", false, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *duration = xapi_field_get(result, where, "duration", at);
    if (status == CT_OK && duration != NULL &&
        (!json_is_string(duration) || !is_duration(json_string_value(duration)))) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "not an ISO 8601 duration such as PT1H30M");
    }
    if (status == CT_OK) {
        status = xapi_field_extensions(result, where, err);
    }
    return status;
}

static enum ct_status check_timestamp(const json_t *statement, const char *prefix, const char *key,
                                      enum xapi_version version, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(statement, prefix, key, where);
    struct xapi_time time;
    if (value != NULL &&
        (!json_is_string(value) || !xapi_time_parse(json_string_value(value), version, &time))) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "not an ISO 8601 time with its offset, such as "
                          "2024-03-01T14:05:00+01:00");
    }
    return CT_OK;
}

static enum ct_status check_attachments(const json_t *statement, const char *prefix,
                                        struct ct_err *err)
{
    static const char *const keys[] = {"usageType", "display", "description", "contentType",
                                       "length",    "sha2",    "fileUrl",     NULL};
    char where[JSON_PATH_SIZE];
    json_t *attachments = xapi_field_get(statement, prefix, "attachments", where);
    if (attachments == NULL) {
        return CT_OK;
    }
    if (!json_is_array(attachments)) {
        return json_read_wrong_type(where, "an array", attachments, err);
    }
    size_t i;
    json_t *attachment;
    json_array_foreach(attachments, i, attachment)
    {
        char at[JSON_PATH_SIZE], inner[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = json_read_expect_object(attachment, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(attachment, at, keys, err);
        }
        if (status == CT_OK) {
            status = xapi_field_required_iri(attachment, at, "usageType", err);
        }
        if (status == CT_OK) {
            status = xapi_field_language_map(attachment, at, "display", true, err);
        }
        if (status == CT_OK) {
            status = xapi_field_language_map(attachment, at, "description", false, err);
        }
        if (status == CT_OK) {
            status = xapi_field_string(attachment, at, "contentType", true, err);
        }
        if (status == CT_OK) {
            status = xapi_field_string(attachment, at, "sha2", true, err);
        }
        json_t *length = xapi_field_get(attachment, at, "length", inner);
        if (status == CT_OK && (!json_is_integer(length) || json_integer_value(length) < 0)) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected a whole number of bytes");
        }
        json_t *url = xapi_field_get(attachment, at, "fileUrl", inner);
        if (status == CT_OK && url == NULL) {
            status = ct_err_set(err, CT_ERR_INPUT, inner,
                                "certtrack takes no attachment content (multipart/mixed): "
                                "give the attachment's fileUrl");
        }
        if (status == CT_OK) {
            status = xapi_field_iri(url, inner, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* A statement's version: "1.0" or "1.0." and a number; under 2.0.0 also "2.0" or "2.0."
 * and a number. xAPI-Data 2.4.10 (1.0.3): "An LRS MUST reject all Statements with a
 * version specified that does not start with 1.0." (XAPI-00101). */
static bool is_statement_version(const char *text, enum xapi_version version)
{
    bool two = strncmp(text, "2.0", 3) == 0;
    if (strncmp(text, "1.0", 3) != 0 && !(two && version == XAPI_VERSION_2_0)) {
        return false;
    }
    if (text[3] == '\0') {
        return true;
    }
    if (text[3] != '.' || text[4] == '\0') {
        return false;
    }
    for (const char *c = text + 4; *c != '\0'; c++) {
        if (!isdigit((unsigned char)*c)) {
            return false;
        }
    }
    return true;
}

static enum ct_status check_version_property(const json_t *statement, const char *prefix,
                                             enum xapi_version version, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(statement, prefix, "version", where);
    if (value != NULL &&
        (!json_is_string(value) || !is_statement_version(json_string_value(value), version))) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          version == XAPI_VERSION_2_0
                              ? "expected \"1.0.x\" or \"2.0.x\""
                              : "expected \"1.0.x\" (a 1.0.3 request takes no other)");
    }
    return CT_OK;
}

/* A voiding statement (verb voided) names the statement it voids: its object is a
 * StatementRef (xAPI-Data 2.3.2; XAPI-00017). */
static enum ct_status check_voiding(const json_t *statement, const char *prefix, struct ct_err *err)
{
    const char *verb = json_string_value(json_object_get(json_object_get(statement, "verb"), "id"));
    const char *type = xapi_field_object_type(json_object_get(statement, "object"));
    if (verb == NULL || strcmp(verb, VERB_VOIDED) != 0 ||
        (type != NULL && strcmp(type, "StatementRef") == 0)) {
        return CT_OK;
    }
    char object[JSON_PATH_SIZE], where[JSON_PATH_SIZE];
    json_path_field(object, prefix, "object");
    json_path_field(where, object, "objectType");
    return ct_err_set(err, CT_ERR_INPUT, where,
                      "a voiding statement (verb %s) has a StatementRef as its object",
                      VERB_VOIDED);
}

/* A statement, or the SubStatement that is a statement's object. */
static enum ct_status check_statement_body(const json_t *statement, const char *where,
                                           struct reading reading, struct ct_err *err)
{
    static const char *const keys[] = {"id",        "actor",   "verb",        "object",
                                       "result",    "context", "timestamp",   "stored",
                                       "authority", "version", "attachments", NULL};
    static const char *const sub_keys[] = {"objectType", "actor",       "verb",
                                           "object",     "result",      "context",
                                           "timestamp",  "attachments", NULL};
    enum ct_status status = json_read_expect_object(statement, where, err);
    if (status == CT_OK) {
        status =
            json_read_only_keys(statement, where, reading.sub_statement ? sub_keys : keys, err);
    }
    if (status == CT_OK && !reading.sub_statement) {
        status = xapi_field_uuid(statement, where, "id", false, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *actor = xapi_field_get(statement, where, "actor", at);
    if (status == CT_OK && actor == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "missing");
    }
    if (status == CT_OK) {
        status = xapi_check_agent(actor, at, true, false, err);
    }
    if (status == CT_OK) {
        status = check_verb(statement, where, err);
    }
    if (status == CT_OK) {
        status = check_object(statement, where, reading, err);
    }
    if (status == CT_OK) {
        status = check_result(statement, where, err);
    }
    if (status == CT_OK) {
        status = xapi_check_context(statement, where, reading.version, err);
    }
    if (status == CT_OK) {
        status = check_timestamp(statement, where, "timestamp", reading.version, err);
    }
    if (status == CT_OK) {
        status = check_attachments(statement, where, err);
    }
    if (status != CT_OK || reading.sub_statement) {
        return status;
    }
    status = check_timestamp(statement, where, "stored", reading.version, err);
    if (status == CT_OK) {
        status = xapi_check_agent_authority(statement, where, err);
    }
    if (status == CT_OK) {
        status = check_version_property(statement, where, reading.version, err);
    }
    if (status == CT_OK) {
        status = check_voiding(statement, where, err);
    }
    return status;
}

enum ct_status xapi_check_statement(const json_t *statement, const char *where,
                                    enum xapi_version version, struct ct_err *err)
{
    struct reading reading = {.version = version, .sub_statement = false};
    return check_statement_body(statement, where, reading, err);
}
