#include "xapi_statement.h"

#include <ctype.h>
#include <string.h>

#include "xapi_check.h"
#include "xapi_field.h"
#include "../core/json_read.h"
#include "../core/banned.h"

static void copy_lower(char *out, size_t size, const char *text)
{
    size_t i = 0;
    for (; text[i] != '\0' && i + 1 < size; i++) {
        out[i] = (char)tolower((unsigned char)text[i]);
    }
    out[i] = '\0';
}

static const char *language_map_text(const json_t *map)
{
    static const char *const preferred[] = {"en", "en-US", "en-GB", NULL};
    for (size_t i = 0; preferred[i] != NULL; i++) {
        const char *text = json_string_value(json_object_get(map, preferred[i]));
        if (text != NULL) {
            return text;
        }
    }
    void *first = json_object_iter((json_t *)map);
    return first != NULL ? json_string_value(json_object_iter_value(first)) : NULL;
}

static bool is_course_activity(const json_t *activity)
{
    static const char *const course_types[] = {
        "https://w3id.org/xapi/cmi5/activitytype/course",
        "http://id.tincanapi.com/activitytype/lms/course",
        "http://adlnet.gov/expapi/activities/course",
        NULL,
    };
    const json_t *definition = json_object_get(activity, "definition");
    const char *type = json_string_value(json_object_get(definition, "type"));
    for (size_t i = 0; type != NULL && course_types[i] != NULL; i++) {
        if (strcmp(type, course_types[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* The first course among the context's parent and grouping activities. */
static const char *context_course(const json_t *statement)
{
    const json_t *activities =
        json_object_get(json_object_get(statement, "context"), "contextActivities");
    static const char *const lists[] = {"parent", "grouping", NULL};
    for (size_t k = 0; lists[k] != NULL; k++) {
        json_t *list = json_object_get(activities, lists[k]);
        if (json_is_object(list) && is_course_activity(list)) {
            return json_string_value(json_object_get(list, "id"));
        }
        size_t i;
        json_t *activity;
        json_array_foreach(list, i, activity)
        {
            if (is_course_activity(activity)) {
                return json_string_value(json_object_get(activity, "id"));
            }
        }
    }
    return NULL;
}

static void extract(struct xapi_statement *out, enum xapi_version version)
{
    const json_t *statement = out->json;
    const char *id = json_string_value(json_object_get(statement, "id"));
    if (id != NULL) {
        copy_lower(out->id, sizeof out->id, id);
    }
    const json_t *actor = json_object_get(statement, "actor");
    const char *actor_type = xapi_field_object_type(actor);
    const json_t *account = json_object_get(actor, "account");
    if ((actor_type == NULL || strcmp(actor_type, "Agent") == 0) && account != NULL) {
        out->account_home = json_string_value(json_object_get(account, "homePage"));
        out->account_name = json_string_value(json_object_get(account, "name"));
    }
    out->verb_id = json_string_value(json_object_get(json_object_get(statement, "verb"), "id"));
    const json_t *object = json_object_get(statement, "object");
    const char *type = xapi_field_object_type(object);
    if (type == NULL || strcmp(type, "Activity") == 0) {
        out->object_id = json_string_value(json_object_get(object, "id"));
        const json_t *names = json_object_get(json_object_get(object, "definition"), "name");
        out->object_name = names != NULL ? language_map_text(names) : NULL;
    }
    out->course_id = context_course(statement);
    const char *timestamp = json_string_value(json_object_get(statement, "timestamp"));
    out->has_timestamp = timestamp != NULL && xapi_time_parse(timestamp, version, &out->timestamp);
    const json_t *result = json_object_get(statement, "result");
    const json_t *completion = json_object_get(result, "completion");
    out->completion = completion == NULL ? -1 : json_is_true(completion) ? 1 : 0;
    const json_t *success = json_object_get(result, "success");
    out->success = success == NULL ? -1 : json_is_true(success) ? 1 : 0;
    const json_t *extensions = json_object_get(json_object_get(statement, "context"), "extensions");
    const json_t *info = json_object_get(extensions, XAPI_MOODLE_INFO_EXTENSION);
    out->moodle_event = json_string_value(json_object_get(info, "event_name"));
}

enum ct_status xapi_statement_read(json_t *value, enum xapi_version version, const char *where,
                                   struct xapi_statement *out, struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    out->completion = -1;
    out->success = -1;
    if (!json_is_object(value)) {
        return json_read_wrong_type(where, "a statement (an object)", value, err);
    }
    enum ct_status status = xapi_check_statement(value, where, version, err);
    if (status != CT_OK) {
        return status;
    }
    out->json = json_incref(value);
    extract(out, version);
    return xapi_canonical_hash(value, out->content_hash, err);
}

void xapi_statement_release(struct xapi_statement *statement)
{
    if (statement == NULL) {
        return;
    }
    json_decref(statement->json);
    memset(statement, 0, sizeof *statement);
    statement->completion = -1;
    statement->success = -1;
}

void xapi_statement_set_id(struct xapi_statement *statement, const char *id)
{
    copy_lower(statement->id, sizeof statement->id, id);
}

char *xapi_statement_canonical(const json_t *statement)
{
    return xapi_canonical_text(statement);
}

/* Object types of Moodle activities whose "completed" is no completion of the activity:
 * a lesson session ended, a quiz attempt. */
static bool is_session_type(const char *type)
{
    static const char *const session_types[] = {
        "https://xapi.edlm/profiles/edlm-lms/concepts/activity-types/lesson-session",
        "http://adlnet.gov/expapi/activities/attempt",
        NULL,
    };
    for (size_t i = 0; type != NULL && session_types[i] != NULL; i++) {
        if (strcmp(type, session_types[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* A course completion or an activity completion, as the header of xapi_statement_meaning
 * says. */
static bool is_course_or_activity_completion(const struct xapi_statement *statement)
{
    if (statement->moodle_event != NULL) {
        return strcmp(statement->moodle_event, XAPI_MOODLE_COURSE_COMPLETED) == 0 ||
               strcmp(statement->moodle_event, XAPI_MOODLE_MODULE_COMPLETED) == 0;
    }
    const json_t *definition =
        json_object_get(json_object_get(statement->json, "object"), "definition");
    return !is_session_type(json_string_value(json_object_get(definition, "type")));
}

enum xapi_meaning xapi_statement_meaning(const struct xapi_statement *statement)
{
    if (statement->object_id == NULL || statement->verb_id == NULL) {
        return XAPI_MEANING_OTHER;
    }
    if (strcmp(statement->verb_id, XAPI_VERB_UNCOMPLETED) == 0) {
        return XAPI_MEANING_UNCOMPLETED;
    }
    bool completed = strcmp(statement->verb_id, XAPI_VERB_COMPLETED) == 0 ||
                     strcmp(statement->verb_id, XAPI_VERB_COMPLETED_TINCAN) == 0;
    if (!completed || statement->completion == 0) {
        return XAPI_MEANING_OTHER;
    }
    if (!is_course_or_activity_completion(statement)) {
        return XAPI_MEANING_NOT_A_COMPLETION;
    }
    return statement->success == 0 ? XAPI_MEANING_FAILED : XAPI_MEANING_COMPLETED;
}

/* A Moodle course or module page: ".../course/view.php?id=" or ".../mod/NAME/view.php?id=". */
static bool is_moodle_page(const char *url)
{
    if (strstr(url, "/course/view.php?id=") != NULL) {
        return true;
    }
    const char *mod = strstr(url, "/mod/");
    if (mod == NULL) {
        return false;
    }
    const char *name = mod + 5;
    size_t length = strcspn(name, "/?#");
    return length > 0 && strncmp(name + length, "/view.php?id=", 13) == 0;
}

bool xapi_statement_is_course_or_module(const struct xapi_statement *statement)
{
    static const char *const module_types[] = {
        "http://id.tincanapi.com/activitytype/lms/module",
        "http://adlnet.gov/expapi/activities/module",
        NULL,
    };
    if (statement->object_id == NULL) {
        return false;
    }
    const json_t *object = json_object_get(statement->json, "object");
    if (is_course_activity(object)) {
        return true;
    }
    const char *type =
        json_string_value(json_object_get(json_object_get(object, "definition"), "type"));
    for (size_t i = 0; type != NULL && module_types[i] != NULL; i++) {
        if (strcmp(type, module_types[i]) == 0) {
            return true;
        }
    }
    return is_moodle_page(statement->object_id);
}
