#include "xapi_check_context.h"

#include <stdbool.h>
#include <string.h>

#include "xapi_check_activity.h"
#include "xapi_check_agent.h"
#include "xapi_field.h"
#include "xapi_language_tag.h"
#include "../core/json_read.h"
#include "../core/banned.h"

/* contextActivities: parent, grouping, category, other; each an Activity or an array. */
static enum ct_status check_context_activities(const json_t *context, const char *prefix,
                                               struct ct_err *err)
{
    static const char *const keys[] = {"parent", "grouping", "category", "other", NULL};
    char where[JSON_PATH_SIZE];
    json_t *activities = xapi_field_get(context, prefix, "contextActivities", where);
    if (activities == NULL) {
        return CT_OK;
    }
    enum ct_status status = json_read_expect_object(activities, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(activities, where, keys, err);
    }
    for (size_t k = 0; keys[k] != NULL && status == CT_OK; k++) {
        char at[JSON_PATH_SIZE];
        json_t *list = xapi_field_get(activities, where, keys[k], at);
        if (list == NULL) {
            continue;
        }
        if (json_is_object(list)) {
            status = xapi_check_activity(list, at, err);
            continue;
        }
        if (!json_is_array(list)) {
            status = json_read_wrong_type(at, "an array of Activities", list, err);
            continue;
        }
        size_t i;
        json_t *activity;
        json_array_foreach(list, i, activity)
        {
            char item[JSON_PATH_SIZE];
            json_path_index(item, at, i);
            status = xapi_check_activity(activity, item, err);
            if (status != CT_OK) {
                break;
            }
        }
    }
    return status;
}

/* A context agent's or group's relevantTypes, when given: an array of IRIs, not empty. */
static enum ct_status check_relevant_types(const json_t *entry, const char *at, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *types = xapi_field_get(entry, at, "relevantTypes", where);
    if (types == NULL) {
        return CT_OK;
    }
    if (!json_is_array(types) || json_array_size(types) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, where, "expected an array of IRIs");
    }
    size_t i;
    json_t *iri;
    json_array_foreach(types, i, iri)
    {
        char item[JSON_PATH_SIZE];
        json_path_index(item, where, i);
        enum ct_status status = xapi_field_iri(iri, item, err);
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* 2.0.0's contextAgents and contextGroups: arrays of {objectType, agent|group,
 * relevantTypes}. */
static enum ct_status check_context_actors(const json_t *context, const char *prefix,
                                           const char *key, bool groups, struct ct_err *err)
{
    static const char *const agent_keys[] = {"objectType", "agent", "relevantTypes", NULL};
    static const char *const group_keys[] = {"objectType", "group", "relevantTypes", NULL};
    char where[JSON_PATH_SIZE];
    json_t *list = xapi_field_get(context, prefix, key, where);
    if (list == NULL) {
        return CT_OK;
    }
    if (!json_is_array(list)) {
        return json_read_wrong_type(where, "an array", list, err);
    }
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry)
    {
        char at[JSON_PATH_SIZE], inner[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = json_read_expect_object(entry, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(entry, at, groups ? group_keys : agent_keys, err);
        }
        const char *type = xapi_field_object_type(entry);
        const char *expected = groups ? "contextGroup" : "contextAgent";
        if (status == CT_OK && (type == NULL || strcmp(type, expected) != 0)) {
            json_path_field(inner, at, "objectType");
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected \"%s\"", expected);
        }
        json_t *actor = xapi_field_get(entry, at, groups ? "group" : "agent", inner);
        if (status == CT_OK && actor == NULL) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "missing");
        }
        if (status == CT_OK) {
            status = xapi_check_agent(actor, inner, groups, false, err);
        }
        const char *actor_type = xapi_field_object_type(actor);
        if (status == CT_OK && groups && (actor_type == NULL || strcmp(actor_type, "Group") != 0)) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected a Group");
        }
        if (status == CT_OK) {
            status = check_relevant_types(entry, at, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* The context's revision and platform: strings, and only in a statement about an
 * Activity (XAPI-00084, XAPI-00085). */
static enum ct_status check_activity_only(const json_t *statement, const json_t *context,
                                          const char *where, struct ct_err *err)
{
    const char *type = xapi_field_object_type(json_object_get(statement, "object"));
    bool about_activity = type == NULL || strcmp(type, "Activity") == 0;
    static const char *const activity_only[] = {"revision", "platform"};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < 2 && status == CT_OK; i++) {
        status = xapi_field_string(context, where, activity_only[i], false, err);
        if (status == CT_OK && !about_activity &&
            json_object_get(context, activity_only[i]) != NULL) {
            char at[JSON_PATH_SIZE];
            json_path_field(at, where, activity_only[i]);
            status = ct_err_set(err, CT_ERR_INPUT, at, "only for a statement about an Activity");
        }
    }
    return status;
}

/* The context's instructor (an Agent or a Group) and team (a Group), when given. */
static enum ct_status check_instructor_and_team(const json_t *context, const char *where,
                                                struct ct_err *err)
{
    char at[JSON_PATH_SIZE];
    json_t *instructor = xapi_field_get(context, where, "instructor", at);
    if (instructor != NULL) {
        enum ct_status status = xapi_check_agent(instructor, at, true, false, err);
        if (status != CT_OK) {
            return status;
        }
    }
    json_t *team = xapi_field_get(context, where, "team", at);
    if (team == NULL) {
        return CT_OK;
    }
    enum ct_status status = xapi_check_agent(team, at, true, true, err);
    if (status == CT_OK && strcmp(xapi_field_object_type(team), "Group") != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "a team is a Group");
    }
    return status;
}

enum ct_status xapi_check_context(const json_t *statement, const char *prefix,
                                  enum xapi_version version, struct ct_err *err)
{
    static const char *const keys_1[] = {
        "registration", "instructor", "team",      "contextActivities", "revision",
        "platform",     "language",   "statement", "extensions",        NULL};
    static const char *const keys_2[] = {"registration",      "instructor",    "team",
                                         "contextActivities", "revision",      "platform",
                                         "language",          "statement",     "extensions",
                                         "contextAgents",     "contextGroups", NULL};
    char where[JSON_PATH_SIZE];
    json_t *context = xapi_field_get(statement, prefix, "context", where);
    if (context == NULL) {
        return CT_OK;
    }
    enum ct_status status = json_read_expect_object(context, where, err);
    if (status == CT_OK) {
        status =
            json_read_only_keys(context, where, version == XAPI_VERSION_2_0 ? keys_2 : keys_1, err);
    }
    if (status == CT_OK) {
        status = xapi_field_uuid(context, where, "registration", false, err);
    }
    if (status == CT_OK) {
        status = check_instructor_and_team(context, where, err);
    }
    if (status == CT_OK) {
        status = check_context_activities(context, where, err);
    }
    if (status == CT_OK) {
        status = check_activity_only(statement, context, where, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *language = xapi_field_get(context, where, "language", at);
    if (status == CT_OK && language != NULL &&
        (!json_is_string(language) ||
         !xapi_language_tag_is_well_formed(json_string_value(language)))) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "not a language tag");
    }
    json_t *ref = xapi_field_get(context, where, "statement", at);
    if (status == CT_OK && ref != NULL) {
        status = xapi_field_statement_ref(ref, at, err);
    }
    if (status == CT_OK) {
        status = xapi_field_extensions(context, where, err);
    }
    if (status == CT_OK && version == XAPI_VERSION_2_0) {
        status = check_context_actors(context, where, "contextAgents", false, err);
    }
    if (status == CT_OK && version == XAPI_VERSION_2_0) {
        status = check_context_actors(context, where, "contextGroups", true, err);
    }
    return status;
}
