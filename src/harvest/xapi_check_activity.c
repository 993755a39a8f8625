#include "xapi_check_activity.h"

#include <stdbool.h>
#include <string.h>

#include "xapi_field.h"
#include "../core/json_read.h"
#include "../core/banned.h"

/* Interaction components (choices, scale, source, target, steps): {id, description}. */
static enum ct_status check_components(const json_t *definition, const char *prefix,
                                       const char *key, struct ct_err *err)
{
    static const char *const keys[] = {"id", "description", NULL};
    char where[JSON_PATH_SIZE];
    json_t *list = xapi_field_get(definition, prefix, key, where);
    if (list == NULL) {
        return CT_OK;
    }
    if (!json_is_array(list)) {
        return json_read_wrong_type(where, "an array", list, err);
    }
    size_t i;
    json_t *component;
    json_array_foreach(list, i, component)
    {
        char at[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = json_read_expect_object(component, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(component, at, keys, err);
        }
        if (status == CT_OK) {
            status = xapi_field_string(component, at, "id", true, err);
        }
        if (status == CT_OK) {
            status = xapi_field_language_map(component, at, "description", false, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* interactionType: one of xAPI's, and present whenever the definition describes an
 * interaction (xAPI-Data 2.4.4.1: "an Activity Definition uses interactionType if any
 * of correctResponsesPattern, choices, scale, source, target or steps are used";
 * XAPI-00064). */
static enum ct_status check_interaction_type(const json_t *definition, const char *prefix,
                                             struct ct_err *err)
{
    static const char *const types[] = {"true-false", "choice",      "fill-in",    "long-fill-in",
                                        "matching",   "performance", "sequencing", "likert",
                                        "numeric",    "other",       NULL};
    static const char *const interaction_keys[] = {
        "correctResponsesPattern", "choices", "scale", "source", "target", "steps", NULL};
    char where[JSON_PATH_SIZE];
    json_t *type = xapi_field_get(definition, prefix, "interactionType", where);
    if (type == NULL) {
        for (size_t i = 0; interaction_keys[i] != NULL; i++) {
            if (json_object_get(definition, interaction_keys[i]) != NULL) {
                return ct_err_set(err, CT_ERR_INPUT, where,
                                  "missing: a definition with %s is an interaction and names "
                                  "its interactionType",
                                  interaction_keys[i]);
            }
        }
        return CT_OK;
    }
    bool known = false;
    for (size_t i = 0; types[i] != NULL && json_is_string(type) && !known; i++) {
        known = strcmp(types[i], json_string_value(type)) == 0;
    }
    return known ? CT_OK : ct_err_set(err, CT_ERR_INPUT, where, "not an interaction type of xAPI");
}

static enum ct_status check_interaction(const json_t *definition, const char *prefix,
                                        struct ct_err *err)
{
    enum ct_status status = check_interaction_type(definition, prefix, err);
    if (status != CT_OK) {
        return status;
    }
    char where[JSON_PATH_SIZE];
    json_t *pattern = xapi_field_get(definition, prefix, "correctResponsesPattern", where);
    if (pattern != NULL) {
        if (!json_is_array(pattern)) {
            return json_read_wrong_type(where, "an array of strings", pattern, err);
        }
        size_t i;
        json_t *response;
        json_array_foreach(pattern, i, response)
        {
            if (!json_is_string(response)) {
                char at[JSON_PATH_SIZE];
                json_path_index(at, where, i);
                return json_read_wrong_type(at, "a string", response, err);
            }
        }
    }
    static const char *const lists[] = {"choices", "scale", "source", "target", "steps", NULL};
    for (size_t i = 0; lists[i] != NULL; i++) {
        status = check_components(definition, prefix, lists[i], err);
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

static enum ct_status check_definition(const json_t *activity, const char *prefix,
                                       struct ct_err *err)
{
    static const char *const keys[] = {"name",
                                       "description",
                                       "type",
                                       "moreInfo",
                                       "extensions",
                                       "interactionType",
                                       "correctResponsesPattern",
                                       "choices",
                                       "scale",
                                       "source",
                                       "target",
                                       "steps",
                                       NULL};
    char where[JSON_PATH_SIZE];
    json_t *definition = xapi_field_get(activity, prefix, "definition", where);
    if (definition == NULL) {
        return CT_OK;
    }
    enum ct_status status = json_read_expect_object(definition, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(definition, where, keys, err);
    }
    if (status == CT_OK) {
        status = xapi_field_language_map(definition, where, "name", false, err);
    }
    if (status == CT_OK) {
        status = xapi_field_language_map(definition, where, "description", false, err);
    }
    if (status == CT_OK) {
        status = xapi_field_optional_iri(definition, where, "type", err);
    }
    if (status == CT_OK) {
        status = xapi_field_optional_iri(definition, where, "moreInfo", err);
    }
    if (status == CT_OK) {
        status = xapi_field_extensions(definition, where, err);
    }
    if (status == CT_OK) {
        status = check_interaction(definition, where, err);
    }
    return status;
}

enum ct_status xapi_check_activity(const json_t *activity, const char *where, struct ct_err *err)
{
    static const char *const keys[] = {"objectType", "id", "definition", NULL};
    enum ct_status status = json_read_expect_object(activity, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(activity, where, keys, err);
    }
    const char *type = xapi_field_object_type(activity);
    if (status == CT_OK && json_object_get(activity, "objectType") != NULL &&
        (type == NULL || strcmp(type, "Activity") != 0)) {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, "objectType");
        status = ct_err_set(err, CT_ERR_INPUT, at, "expected \"Activity\"");
    }
    if (status == CT_OK) {
        status = xapi_field_required_iri(activity, where, "id", err);
    }
    if (status == CT_OK) {
        status = check_definition(activity, where, err);
    }
    return status;
}
