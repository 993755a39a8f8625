#include "api_libraries.h"

#include <jansson.h>

#include "../../actions/access.h"
#include "../../actions/libraries.h"
#include "../../actions/strategic_plans.h"
#include "../../store/store_libraries.h"
#include "api.h"
#include "api_action.h"
#include "api_json.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

static json_t *text_or_null(const char *text)
{
    return text[0] != '\0' ? json_string(text) : json_null();
}

static json_t *library_json(const struct library_view *library)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)library->id, "name",
                     library->name, "city", library->city, "kind", library->kind, "external_id",
                     text_or_null(library->external_id), "closed_on",
                     text_or_null(library->closed_on));
}

static json_t *goal_json(const struct library_goal_row *goal)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:I}", "id", (json_int_t)goal->id, "code",
                     goal->code, "title", goal->title, "description", goal->description,
                     "retired_on", text_or_null(goal->retired_on), "served_by",
                     (json_int_t)goal->served_by);
}

static enum ct_status fill_libraries(struct web_request *request, const struct api_page *page,
                                     json_t *items, int64_t *total, struct ct_err *err)
{
    struct store_page by_name = api_json_store_page(page, STORE_LIBRARY_NAME, false);
    struct store_rows rows = {.size = sizeof(struct library_row)};
    int64_t consultant = (request->roles & ROLE_CE_COORDINATOR) != 0 ? 0 : request->person_id;
    enum ct_status status =
        store_libraries_list(request->store, consultant, NULL, &by_name, &rows, total, err);
    const struct library_row *libraries = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        status = api_json_append(items, library_json(&libraries[i].library));
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status api_libraries(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_libraries);
}

/* The library the request may see into *library; otherwise *found is false and the
 * response says 404 (a library the asker may not see is not theirs to know of). */
static enum ct_status library_seen(struct web_request *request, struct web_response *response,
                                   int64_t id, struct library_view *library, bool *found)
{
    struct actor actor = web_actor(request);
    struct ct_err err = {0};
    bool allowed = false;
    enum ct_status status = access_may_see_library(request->store, &actor, id, &allowed, &err);
    *found = false;
    if (status == CT_OK && allowed) {
        status = store_library_get(request->store, id, library, found, &err);
    }
    if (status == CT_OK && !*found) {
        return api_error(response, 404, "not-found", "There is no such library.");
    }
    return status;
}

static json_t *consultants_json(struct web_request *request, int64_t id, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct consultant_row)};
    json_t *list = json_array();
    enum ct_status status = store_library_consultants(request->store, id, &rows, err);
    const struct consultant_row *consultants = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        status = api_json_append(
            list, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)consultants[i].id, "name",
                            consultants[i].name, "email", consultants[i].email));
    }
    store_rows_release(&rows);
    if (status != CT_OK) {
        json_decref(list);
        return NULL;
    }
    return list;
}

static json_t *plan_json(struct web_request *request, int64_t id, struct ct_err *err)
{
    struct strategic_plan_view plan;
    bool found = false;
    if (store_strategic_plan_current(request->store, id, &plan, &found, err) != CT_OK) {
        return NULL;
    }
    if (!found) {
        return json_null();
    }
    return json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)plan.id, "title", plan.title,
                     "starts", api_json_date(plan.starts), "ends", api_json_date(plan.ends));
}

/* Answers status with library id as it is now: its fields, consultants and plan. */
static enum ct_status send_library(struct web_request *request, struct web_response *response,
                                   unsigned status_code, int64_t id)
{
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_library_get(request->store, id, &library, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    json_t *body = library_json(&library);
    if (!api_json_set(body, "consultants", consultants_json(request, id, &err)) ||
        !api_json_set(body, "strategic_plan", plan_json(request, id, &err))) {
        json_decref(body);
        return err.status != CT_OK ? err.status : CT_ERR_NOMEM;
    }
    return api_json_send(response, status_code, body);
}

enum ct_status api_library(struct web_request *request, struct web_response *response, int64_t id)
{
    struct library_view library;
    bool found = false;
    enum ct_status status = library_seen(request, response, id, &library, &found);
    return status != CT_OK || !found ? status : send_library(request, response, 200, id);
}

static const struct api_input_field library_fields[] = {
    API_INPUT("name", API_TEXT, struct library_input, name),
    API_INPUT("city", API_TEXT, struct library_input, city),
    API_INPUT("kind", API_TEXT, struct library_input, kind),
    API_INPUT("external_id", API_TEXT, struct library_input, external_id),
    API_INPUT("consultants", API_LINES, struct library_input, consultants),
};

enum ct_status api_library_add(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    struct library_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, library_fields, COUNT(library_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct library_result result = {0};
    status = action_library_add(request->store, &action.actor, &input, &result, &action.outcome);
    return api_action_answer(request, response, &action, status, send_library, 201, result.id);
}

enum ct_status api_library_edit(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    struct library_input input = {.library_id = id};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, library_fields, COUNT(library_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_library_edit(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_library, 200, id);
}

enum ct_status api_library_close(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    static const struct api_input_field fields[] = {
        API_INPUT("closed_on", API_TEXT, struct library_close_input, closed_on),
    };
    struct library_close_input input = {.library_id = id};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, fields, COUNT(fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    status = action_library_close(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_library, 200, id);
}

enum ct_status api_library_plan(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    static const struct api_input_field fields[] = {
        API_INPUT("title", API_TEXT, struct strategic_plan_input, title),
        API_INPUT("starts", API_TEXT, struct strategic_plan_input, starts),
        API_INPUT("ends", API_TEXT, struct strategic_plan_input, ends),
    };
    struct strategic_plan_input input = {.library_id = id};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, fields, COUNT(fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct strategic_plan_result result;
    status =
        action_strategic_plan_save(request->store, &action.actor, &input, &result, &action.outcome);
    return api_action_answer(request, response, &action, status, send_library, 200, id);
}

enum ct_status api_library_goals(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct library_view library;
    bool found = false;
    enum ct_status status = library_seen(request, response, id, &library, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct store_rows rows = {.size = sizeof(struct library_goal_row)};
    struct ct_err err = {0};
    json_t *items = json_array();
    status = store_library_goals(request->store, id, &rows, &err);
    const struct library_goal_row *goals = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        status = api_json_append(items, goal_json(&goals[i]));
    }
    store_rows_release(&rows);
    if (status != CT_OK) {
        json_decref(items);
        return status;
    }
    return api_json_send(response, 200, json_pack("{s:o}", "items", items));
}

/* Answers status with the goal as it is now. */
static enum ct_status send_goal(struct web_request *request, struct web_response *response,
                                unsigned status_code, int64_t goal_id)
{
    struct library_goal_row goal;
    int64_t library_id = 0;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_library_goal_get(request->store, goal_id, &library_id, &goal, &found, &err);
    if (status == CT_OK && !found) {
        response->status = 204;
        return CT_OK;
    }
    return status != CT_OK ? status : api_json_send(response, status_code, goal_json(&goal));
}

static const struct api_input_field goal_fields[] = {
    API_INPUT("code", API_TEXT, struct library_goal_input, code),
    API_INPUT("title", API_TEXT, struct library_goal_input, title),
    API_INPUT("description", API_TEXT, struct library_goal_input, description),
};

enum goal_change { GOAL_ADD, GOAL_EDIT, GOAL_RETIRE, GOAL_DELETE };

/* Reads the body (none for a retirement or a deletion) and runs the change. */
static enum ct_status goal_change(struct web_request *request, struct web_response *response,
                                  int64_t id, enum goal_change change)
{
    struct library_goal_input input = {.library_id = id, .goal_id = request->sub_id};
    struct api_action action;
    size_t count = change == GOAL_ADD || change == GOAL_EDIT ? COUNT(goal_fields) : 0;
    enum ct_status status = api_action_read(request, response, goal_fields, count, &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct library_goal_result result = {request->sub_id};
    struct store *store = request->store;
    const struct actor *actor = &action.actor;
    struct action_outcome *outcome = &action.outcome;
    status = change == GOAL_ADD    ? action_library_goal_add(store, actor, &input, &result, outcome)
             : change == GOAL_EDIT ? action_library_goal_edit(store, actor, &input, outcome)
             : change == GOAL_RETIRE ? action_library_goal_retire(store, actor, &input, outcome)
                                     : action_library_goal_delete(store, actor, &input, outcome);
    unsigned status_code = change == GOAL_ADD ? 201 : 200;
    return api_action_answer(request, response, &action, status, send_goal, status_code, result.id);
}

enum ct_status api_library_goal_add(struct web_request *request, struct web_response *response,
                                    int64_t id)
{
    return goal_change(request, response, id, GOAL_ADD);
}

enum ct_status api_library_goal_edit(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    return goal_change(request, response, id, GOAL_EDIT);
}

enum ct_status api_library_goal_retire(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    return goal_change(request, response, id, GOAL_RETIRE);
}

enum ct_status api_library_goal_delete(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    return goal_change(request, response, id, GOAL_DELETE);
}
