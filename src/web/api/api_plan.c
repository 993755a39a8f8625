#include "api_plan.h"

#include <jansson.h>
#include <string.h>

#include "api.h"
#include "api_json.h"
#include "../pages/plan.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- plans as JSON ---- */

static enum ct_status goals_json(struct store *store, int64_t version, json_t **goals,
                                 struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"goal", API_COLUMN_TEXT},
        {"outcomes", API_COLUMN_TEXT},
        {"library_goal", API_COLUMN_INT},
        {"library_goal_code", API_COLUMN_TEXT},
        {"library_goal_title", API_COLUMN_TEXT},
    };
    return api_json_rows(store,
                         "SELECT p.id, p.goal, p.desired_outcomes, g.id, g.code, g.title"
                         " FROM plan_goals p JOIN library_goals g ON g.id = p.library_goal_id"
                         " WHERE p.plan_version_id = ? ORDER BY p.position, p.id",
                         STORE_PARAMS(DB_INT(version)), 1, columns, COUNT(columns), goals, err);
}

static const struct api_column item_columns[] = {
    {"id", API_COLUMN_INT},           {"kind", API_COLUMN_TEXT},     {"key", API_COLUMN_TEXT},
    {"description", API_COLUMN_TEXT}, {"plan_goal", API_COLUMN_INT},
};

/* A version with its goals and items (*version NULL when there is none). */
static enum ct_status version_json(struct store *store, int64_t version_id, json_t **version,
                                   struct ct_err *err)
{
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"track", API_COLUMN_INT},
        {"version", API_COLUMN_INT},
        {"state", API_COLUMN_TEXT},
        {"submitted", API_COLUMN_TEXT},
        {"learner_signed", API_COLUMN_TEXT},
        {"library_signed", API_COLUMN_TEXT},
        {"comment", API_COLUMN_TEXT},
        {"skill_gaps", API_COLUMN_TEXT},
        {"learning_options", API_COLUMN_TEXT},
    };
    json_t *goals = NULL, *items = NULL;
    enum ct_status status =
        api_json_first(store,
                       "SELECT id, track_id, version, state, submitted, learner_approved,"
                       " organization_approved, returned_comment, skill_gaps, learning_options"
                       " FROM plan_versions WHERE id = ?",
                       STORE_PARAMS(DB_INT(version_id)), 1, columns, COUNT(columns), version, err);
    if (status == CT_OK && *version != NULL) {
        status = goals_json(store, version_id, &goals, err);
    }
    if (status == CT_OK && *version != NULL) {
        status = api_json_rows(store,
                               "SELECT id, kind, item_key, description, plan_goal_id"
                               " FROM plan_items WHERE plan_version_id = ? ORDER BY id",
                               STORE_PARAMS(DB_INT(version_id)), 1, item_columns,
                               COUNT(item_columns), &items, err);
    }
    if (status == CT_OK && *version != NULL) {
        /* Each set takes its value, whatever happens. */
        bool goals_set = api_json_set(*version, "goals", goals);
        bool items_set = api_json_set(*version, "items", items);
        status = goals_set && items_set ? CT_OK : ct_err_nomem(err);
    } else {
        json_decref(goals);
        json_decref(items);
    }
    if (status != CT_OK) {
        json_decref(*version);
        *version = NULL;
    }
    return status;
}

/* The track's versions, oldest first. */
static enum ct_status versions_json(struct store *store, int64_t track, json_t **versions,
                                    struct ct_err *err)
{
    static const struct api_column id_column[] = {{"id", API_COLUMN_INT}};
    json_t *ids = NULL;
    enum ct_status status =
        api_json_rows(store, "SELECT id FROM plan_versions WHERE track_id = ? ORDER BY version",
                      STORE_PARAMS(DB_INT(track)), 1, id_column, 1, &ids, err);
    *versions = status == CT_OK ? json_array() : NULL;
    if (status == CT_OK && *versions == NULL) {
        status = ct_err_nomem(err);
    }
    size_t index;
    json_t *row;
    json_array_foreach(ids, index, row)
    {
        json_t *version = NULL;
        if (status == CT_OK) {
            status =
                version_json(store, json_integer_value(json_object_get(row, "id")), &version, err);
        }
        if (status == CT_OK && json_array_append_new(*versions, version) != 0) {
            status = ct_err_nomem(err);
        }
    }
    json_decref(ids);
    if (status != CT_OK) {
        json_decref(*versions);
        *versions = NULL;
    }
    return status;
}

enum ct_status api_me_plan(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    static const struct api_column goal_columns[] = {
        {"id", API_COLUMN_INT},
        {"code", API_COLUMN_TEXT},
        {"title", API_COLUMN_TEXT},
    };
    struct track_info track;
    bool found = false;
    enum ct_status status = api_current_track(request, response, &track, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct ct_err err = {0};
    json_t *versions = NULL, *library_goals = NULL;
    status = versions_json(request->store, track.id, &versions, &err);
    if (status == CT_OK) {
        status = api_json_rows(request->store,
                               "SELECT g.id, g.code, g.title FROM library_goals g"
                               " JOIN strategic_plans s ON s.id = g.strategic_plan_id"
                               " WHERE s.library_id = ? ORDER BY g.code, g.id",
                               STORE_PARAMS(DB_INT(request->library_id)), 1, goal_columns,
                               COUNT(goal_columns), &library_goals, &err);
    }
    if (status != CT_OK) {
        json_decref(versions);
        return status;
    }
    return api_json_send(response, 200,
                         json_pack("{s:I, s:o, s:o}", "track", (json_int_t)track.id, "versions",
                                   versions, "library_goals", library_goals));
}

/* ---- the learner's actions ---- */

/* What a plan action made or changed, as JSON: the goal, the item, else the version. */
static enum ct_status made_json(struct store *store, const char *action, int64_t id, json_t **made,
                                struct ct_err *err)
{
    *made = NULL;
    if (strcmp(action, "add-item") == 0) {
        return api_json_first(store,
                              "SELECT id, kind, item_key, description, plan_goal_id"
                              " FROM plan_items WHERE id = ?",
                              STORE_PARAMS(DB_INT(id)), 1, item_columns, COUNT(item_columns), made,
                              err);
    }
    if (strcmp(action, "add-goal") != 0) {
        return version_json(store, id, made, err);
    }
    json_t *goals = NULL;
    int64_t version = 0;
    enum ct_status status = STORE_EXEC(store, "SELECT plan_version_id FROM plan_goals WHERE id = ?",
                                       &version, err, DB_INT(id));
    if (status == CT_OK) {
        status = goals_json(store, version, &goals, err);
    }
    size_t index;
    json_t *goal;
    json_array_foreach(goals, index, goal)
    {
        if (json_integer_value(json_object_get(goal, "id")) == id) {
            *made = json_incref(goal);
        }
    }
    json_decref(goals);
    return status;
}

/* Reads the body, applies the plan action and answers with what it made or changed. */
static enum ct_status learner_action(struct web_request *request, struct web_response *response,
                                     const char *action, const struct api_field *fields,
                                     size_t count)
{
    struct track_info track;
    bool ok = false;
    enum ct_status status = api_json_read_body(request, response, fields, count, &ok);
    if (status == CT_OK && ok) {
        status = api_current_track(request, response, &track, &ok);
    }
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t versions = 0;
    status = STORE_EXEC(request->store, "SELECT COUNT(*) FROM plan_versions WHERE track_id = ?",
                        &versions, &err, DB_INT(track.id));
    if (status == CT_OK && versions == 0 && strcmp(action, "new-version") != 0) {
        return api_json_error(response, 409, "no-plan",
                              "You have no plan yet: start one with POST /api/v1/me/plan/versions.",
                              NULL);
    }
    int64_t id = 0;
    if (status == CT_OK) {
        status = plan_learner_act(request, action, &id, &err);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, fields, count);
    }
    json_t *made = NULL;
    if (status == CT_OK) {
        status = made_json(request->store, action, id, &made, &err);
    }
    bool created = strcmp(action, "new-version") == 0 || strcmp(action, "add-goal") == 0 ||
                   strcmp(action, "add-item") == 0;
    return status == CT_OK ? api_json_send(response, created ? 201 : 200, made) : status;
}

enum ct_status api_me_plan_new_version(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    return learner_action(request, response, "new-version", NULL, 0);
}

enum ct_status api_me_plan_text(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_field fields[] = {
        {"skill_gaps", NULL, API_TEXT},
        {"learning_options", NULL, API_TEXT},
    };
    return learner_action(request, response, "save-text", fields, COUNT(fields));
}

enum ct_status api_me_plan_goal(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_field fields[] = {
        {"library_goal", NULL, API_ID},
        {"goal", NULL, API_TEXT},
        {"outcomes", NULL, API_TEXT},
    };
    return learner_action(request, response, "add-goal", fields, COUNT(fields));
}

enum ct_status api_me_plan_item(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_field fields[] = {
        {"kind", "item_kind", API_TEXT},
        {"key", "item_key", API_TEXT},
        {"description", NULL, API_TEXT},
        {"plan_goal", NULL, API_ID},
    };
    return learner_action(request, response, "add-item", fields, COUNT(fields));
}

enum ct_status api_me_plan_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return learner_action(request, response, "submit", NULL, 0);
}

enum ct_status api_me_plan_sign(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    return learner_action(request, response, "sign", NULL, 0);
}

/* ---- the supervisor's side ---- */

enum ct_status api_plans_waiting(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"person", API_COLUMN_INT},
        {"name", API_COLUMN_TEXT},
    };
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t total = 0;
    json_t *rows = NULL, *items = json_array();
    status = STORE_EXEC(request->store, "SELECT COUNT(*)" PLAN_WAITING_FROM, &total, &err,
                        DB_INT(request->person_id));
    if (status == CT_OK) {
        status = api_json_rows(request->store,
                               "SELECT v.id, p.id, p.name" PLAN_WAITING_FROM
                               " ORDER BY v.submitted, v.id LIMIT ? OFFSET ?",
                               STORE_PARAMS(DB_INT(request->person_id), DB_INT(page.per_page),
                                            DB_INT(api_json_offset(&page))),
                               3, columns, COUNT(columns), &rows, &err);
    }
    size_t index;
    json_t *row;
    json_array_foreach(rows, index, row)
    {
        json_t *version = NULL;
        if (status == CT_OK) {
            status = version_json(request->store, json_integer_value(json_object_get(row, "id")),
                                  &version, &err);
        }
        /* Once in items, version is borrowed from it. */
        if (status == CT_OK && (version == NULL || json_array_append_new(items, version) != 0)) {
            status = ct_err_nomem(&err);
        }
        if (status == CT_OK &&
            (!api_json_set(version, "person", json_incref(json_object_get(row, "person"))) ||
             !api_json_set(version, "name", json_incref(json_object_get(row, "name"))))) {
            status = ct_err_nomem(&err);
        }
    }
    json_decref(rows);
    if (status != CT_OK || items == NULL) {
        json_decref(items);
        return status != CT_OK ? status : CT_ERR_NOMEM;
    }
    return api_json_send(response, 200, api_json_list(items, &page, total));
}

/* Signs or returns version id for the library, as the page does. */
static enum ct_status library_decision(struct web_request *request, struct web_response *response,
                                       int64_t id, const char *action,
                                       const struct api_field *fields, size_t count)
{
    bool ok = false;
    enum ct_status status = api_json_read_body(request, response, fields, count, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    bool allowed = false, approved = false;
    status = plan_library_decide(request, id, action, web_form_value(request, "comment"), &allowed,
                                 &approved, &err);
    if (status == CT_OK && !allowed) {
        /* The same answer whether the version exists or not. */
        return api_json_error(response, 403, "forbidden", "You do not sign this person's plan.",
                              NULL);
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, fields, count);
    }
    json_t *version = NULL;
    if (status == CT_OK) {
        status = version_json(request->store, id, &version, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, version) : status;
}

enum ct_status api_plan_sign(struct web_request *request, struct web_response *response, int64_t id)
{
    return library_decision(request, response, id, "sign", NULL, 0);
}

enum ct_status api_plan_return(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    static const struct api_field fields[] = {{"comment", NULL, API_TEXT}};
    return library_decision(request, response, id, "return", fields, COUNT(fields));
}
