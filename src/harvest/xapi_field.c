#include "xapi_field.h"

#include <ctype.h>
#include <string.h>

#include "xapi_language_tag.h"
#include "xapi_uuid.h"
#include "../core/banned.h"

json_t *xapi_field_get(const json_t *object, const char *prefix, const char *key,
                       char where[JSON_PATH_SIZE])
{
    json_path_field(where, prefix, key);
    return json_object_get(object, key);
}

const char *xapi_field_object_type(const json_t *object)
{
    return json_string_value(json_object_get(object, "objectType"));
}

bool xapi_field_is_iri(const char *text)
{
    if (!isalpha((unsigned char)text[0])) {
        return false;
    }
    const char *c = text + 1;
    while (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.') {
        c++;
    }
    if (*c != ':' || c[1] == '\0') {
        return false;
    }
    for (const unsigned char *u = (const unsigned char *)text; *u != '\0'; u++) {
        if (*u <= ' ' || *u == 0x7f || strchr("<>\"{}|\\^`", *u) != NULL) {
            return false;
        }
    }
    return true;
}

enum ct_status xapi_field_iri(const json_t *value, const char *where, struct ct_err *err)
{
    if (!json_is_string(value)) {
        return json_read_wrong_type(where, "an IRI (a string)", value, err);
    }
    if (!xapi_field_is_iri(json_string_value(value))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not an IRI: \"%.200s\"",
                          json_string_value(value));
    }
    return CT_OK;
}

enum ct_status xapi_field_required_iri(const json_t *object, const char *prefix, const char *key,
                                       struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(object, prefix, key, where);
    if (value == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    return xapi_field_iri(value, where, err);
}

enum ct_status xapi_field_optional_iri(const json_t *object, const char *prefix, const char *key,
                                       struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(object, prefix, key, where);
    return value == NULL ? CT_OK : xapi_field_iri(value, where, err);
}

enum ct_status xapi_field_string(const json_t *object, const char *prefix, const char *key,
                                 bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(object, prefix, key, where);
    if (value == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    return json_is_string(value) ? CT_OK : json_read_wrong_type(where, "a string", value, err);
}

enum ct_status xapi_field_boolean(const json_t *object, const char *prefix, const char *key,
                                  struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(object, prefix, key, where);
    if (value == NULL || json_is_boolean(value)) {
        return CT_OK;
    }
    return json_read_wrong_type(where, "true or false", value, err);
}

enum ct_status xapi_field_language_map(const json_t *object, const char *prefix, const char *key,
                                       bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *map = xapi_field_get(object, prefix, key, where);
    if (map == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    if (!json_is_object(map)) {
        return json_read_wrong_type(where, "a language map (an object)", map, err);
    }
    const char *tag;
    json_t *text;
    json_object_foreach(map, tag, text)
    {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, tag);
        if (!xapi_language_tag_is_well_formed(tag)) {
            return ct_err_set(err, CT_ERR_INPUT, at, "not a language tag");
        }
        if (!json_is_string(text)) {
            return json_read_wrong_type(at, "a string", text, err);
        }
    }
    return CT_OK;
}

enum ct_status xapi_field_extensions(const json_t *object, const char *prefix, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *extensions = xapi_field_get(object, prefix, "extensions", where);
    if (extensions == NULL) {
        return CT_OK;
    }
    if (!json_is_object(extensions)) {
        return json_read_wrong_type(where, "an object", extensions, err);
    }
    const char *key;
    json_t *value;
    json_object_foreach(extensions, key, value)
    {
        if (!xapi_field_is_iri(key)) {
            char at[JSON_PATH_SIZE];
            json_path_field(at, where, key);
            return ct_err_set(err, CT_ERR_INPUT, at, "an extension's key must be an IRI");
        }
    }
    return CT_OK;
}

enum ct_status xapi_field_uuid(const json_t *object, const char *prefix, const char *key,
                               bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = xapi_field_get(object, prefix, key, where);
    if (value == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    if (!json_is_string(value) || !xapi_uuid_is_valid(json_string_value(value))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not a UUID (8-4-4-4-12 hexadecimal digits)");
    }
    return CT_OK;
}

enum ct_status xapi_field_statement_ref(const json_t *ref, const char *where, struct ct_err *err)
{
    static const char *const keys[] = {"objectType", "id", NULL};
    enum ct_status status = json_read_expect_object(ref, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(ref, where, keys, err);
    }
    const char *type = xapi_field_object_type(ref);
    if (status == CT_OK && (type == NULL || strcmp(type, "StatementRef") != 0)) {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, "objectType");
        status = ct_err_set(err, CT_ERR_INPUT, at, "expected \"StatementRef\"");
    }
    if (status == CT_OK) {
        status = xapi_field_uuid(ref, where, "id", true, err);
    }
    return status;
}
