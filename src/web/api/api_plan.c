#include "api_plan.h"

#include <jansson.h>
#include <string.h>

#include "../../actions/plans.h"
#include "../../store/store_learning.h"
#include "api.h"
#include "api_json.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* ---- plans as JSON ---- */

static json_t *goal_json(const struct learning_goal *goal)
{
    return json_pack("{s:I, s:s?, s:s?, s:I, s:s?, s:s?}", "id", (json_int_t)goal->id, "goal",
                     goal->goal, "outcomes", goal->outcomes, "library_goal",
                     (json_int_t)goal->library_goal_id, "library_goal_code",
                     goal->library_goal_code, "library_goal_title", goal->library_goal_title);
}

static json_t *item_json(const struct learning_item *item)
{
    json_t *json = json_pack("{s:I, s:s?, s:s?, s:s?}", "id", (json_int_t)item->id, "kind",
                             item->kind, "key", item->key, "description", item->description);
    json_t *hours =
        item->planned_minutes > 0 ? json_real((double)item->planned_minutes / 60.0) : json_null();
    if (json == NULL) {
        json_decref(hours);
    }
    if (json != NULL &&
        (!api_json_set(json, "plan_goal",
                       item->plan_goal_id > 0 ? json_integer(item->plan_goal_id) : json_null()) ||
         !api_json_set(json, "hours", hours))) {
        json_decref(json);
        json = NULL;
    }
    return json;
}

/* The goals and items of version, as two arrays set on json. */
static bool contents_json(json_t *json, const struct learning_plan *plan, int64_t version)
{
    json_t *goals = json_array(), *items = json_array();
    bool built = goals != NULL && items != NULL;
    for (size_t i = 0; built && i < plan->goal_count; i++) {
        built = plan->goals[i].version_id != version ||
                json_array_append_new(goals, goal_json(&plan->goals[i])) == 0;
    }
    for (size_t i = 0; built && i < plan->item_count; i++) {
        built = plan->items[i].version_id != version ||
                json_array_append_new(items, item_json(&plan->items[i])) == 0;
    }
    if (!built) {
        json_decref(goals);
        json_decref(items);
        return false;
    }
    /* Each set takes its value, whatever happens. */
    bool goals_set = api_json_set(json, "goals", goals);
    bool items_set = api_json_set(json, "items", items);
    return goals_set && items_set;
}

/* A version with its goals and items; with its learner (person, name) when asked. */
static json_t *version_json(const struct learning_plan *plan, const struct learning_version *v,
                            bool with_learner)
{
    json_t *json = json_object();
    bool built = json != NULL && api_json_set(json, "id", json_integer(v->id)) &&
                 api_json_set(json, "track", json_integer(v->track_id)) &&
                 api_json_set(json, "version", json_integer(v->version)) &&
                 api_json_set(json, "state", json_string(v->state)) &&
                 api_json_set(json, "submitted", api_json_text(v->submitted)) &&
                 api_json_set(json, "learner_signed", api_json_text(v->learner_signed)) &&
                 api_json_set(json, "library_signed", api_json_text(v->library_signed)) &&
                 api_json_set(json, "comment", api_json_text(v->comment)) &&
                 api_json_set(json, "skill_gaps", api_json_text(v->skill_gaps)) &&
                 api_json_set(json, "learning_options", api_json_text(v->learning_options)) &&
                 contents_json(json, plan, v->id);
    if (built && with_learner) {
        built = api_json_set(json, "person", json_integer(v->person_id)) &&
                api_json_set(json, "name", api_json_text(v->person_name));
    }
    if (!built) {
        json_decref(json);
        return NULL;
    }
    return json;
}

/* Every version of plan as an array (NULL when memory runs out). */
/* Appends each version of plan to items. */
static enum ct_status append_versions(json_t *items, const struct learning_plan *plan,
                                      bool with_learner)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; status == CT_OK && i < plan->version_count; i++) {
        status = api_json_append(items, version_json(plan, &plan->versions[i], with_learner));
    }
    return status;
}

static json_t *versions_json(const struct learning_plan *plan, bool with_learner)
{
    json_t *versions = json_array();
    if (versions != NULL && append_versions(versions, plan, with_learner) != CT_OK) {
        json_decref(versions);
        versions = NULL;
    }
    return versions;
}

static json_t *library_goals_json(const struct learning_library_goal *goals, size_t count)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < count; i++) {
        json_t *goal = json_pack("{s:I, s:s?, s:s?}", "id", (json_int_t)goals[i].id, "code",
                                 goals[i].code, "title", goals[i].title);
        if (goal == NULL || json_array_append_new(list, goal) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

enum ct_status api_me_plan(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct track_info track;
    bool found = false;
    enum ct_status status = api_track_needing(request, response, TRACK_NEEDS_PLAN, &track, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct ct_err err = {0};
    struct learning_plan plan;
    struct learning_library_goal *goals = NULL;
    size_t goal_count = 0;
    status = store_learning_plan_of_track(request->store, track.id, &request->arena, &plan, &err);
    if (status != CT_OK) {
        return status;
    }
    status = store_learning_library_goals(request->store, request->library_id, &request->arena,
                                          &goals, &goal_count, &err);
    if (status != CT_OK) {
        return status;
    }
    json_t *versions = versions_json(&plan, false);
    json_t *library_goals = library_goals_json(goals, goal_count);
    if (versions == NULL || library_goals == NULL) {
        json_decref(versions);
        json_decref(library_goals);
        return CT_ERR_NOMEM;
    }
    return api_json_send(response, 200,
                         json_pack("{s:I, s:o, s:o}", "track", (json_int_t)track.id, "versions",
                                   versions, "library_goals", library_goals));
}

/* ---- the learner's actions ---- */

enum plan_made { MADE_VERSION, MADE_GOAL, MADE_ITEM };

/* Answers what a plan action made or changed: the goal, the item, else the version. */
static enum ct_status answer_made(struct web_request *request, struct web_response *response,
                                  const struct plan_result *result, enum plan_made made,
                                  unsigned status_code)
{
    struct ct_err err = {0};
    struct learning_plan plan;
    enum ct_status status = store_learning_plan_version(request->store, result->version_id,
                                                        &request->arena, &plan, &err);
    if (status != CT_OK) {
        return status;
    }
    json_t *answer = NULL;
    for (size_t i = 0; made == MADE_GOAL && i < plan.goal_count; i++) {
        answer = plan.goals[i].id == result->id ? goal_json(&plan.goals[i]) : answer;
    }
    for (size_t i = 0; made == MADE_ITEM && i < plan.item_count; i++) {
        answer = plan.items[i].id == result->id ? item_json(&plan.items[i]) : answer;
    }
    if (made == MADE_VERSION && plan.version_count > 0) {
        answer = version_json(&plan, &plan.versions[0], false);
    }
    return api_json_send(response, status_code, answer);
}

/* The learner's current track, and before the first version (unless starting one) the
 * answer 409 no-plan; *ok false when answered. */
static enum ct_status learner_plan(struct web_request *request, struct web_response *response,
                                   bool starting, bool *ok)
{
    struct track_info track;
    enum ct_status status = api_track_needing(request, response, TRACK_NEEDS_PLAN, &track, ok);
    if (status != CT_OK || !*ok || starting) {
        return status;
    }
    struct ct_err err = {0};
    int64_t latest = 0;
    status = store_learning_latest_version(request->store, track.id, &latest, &err);
    *ok = status == CT_OK && latest != 0;
    if (status != CT_OK || *ok) {
        return status;
    }
    return api_json_error(response, 409, "no-plan",
                          "You have no plan yet: start one with POST /api/v1/me/plan/versions.",
                          NULL);
}

/* Reads the body into input as fields say, and checks the learner's plan; *ok false
 * when answered. */
static enum ct_status learner_input(struct web_request *request, struct web_response *response,
                                    const struct api_input_field *fields, size_t count, void *input,
                                    bool starting, bool *ok)
{
    enum ct_status status = api_json_read_input(request, response, fields, count, input, ok);
    if (status == CT_OK && *ok) {
        status = learner_plan(request, response, starting, ok);
    }
    return status;
}

/* Answers an action's outcome: what it made (status_code), or its refusal. */
static enum ct_status learner_answer(struct web_request *request, struct web_response *response,
                                     enum ct_status status, const struct plan_result *result,
                                     const struct action_outcome *outcome, enum plan_made made,
                                     unsigned status_code)
{
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, outcome);
    }
    return status == CT_OK ? answer_made(request, response, result, made, status_code) : status;
}

enum ct_status api_me_plan_new_version(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct plan_start_input input = {0};
    bool ok = false;
    enum ct_status status = learner_input(request, response, NULL, 0, &input, true, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_start(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_VERSION, 201);
}

enum ct_status api_me_plan_text(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_input_field fields[] = {
        API_INPUT("skill_gaps", API_TEXT, struct plan_text_input, skill_gaps),
        API_INPUT("learning_options", API_TEXT, struct plan_text_input, learning_options),
    };
    struct plan_text_input input = {0};
    bool ok = false;
    enum ct_status status =
        learner_input(request, response, fields, COUNT(fields), &input, false, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_text(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_VERSION, 200);
}

enum ct_status api_me_plan_goal(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_input_field fields[] = {
        API_INPUT("library_goal", API_ID, struct plan_goal_input, library_goal_id),
        API_INPUT("goal", API_TEXT, struct plan_goal_input, goal),
        API_INPUT("outcomes", API_TEXT, struct plan_goal_input, outcomes),
    };
    struct plan_goal_input input = {0};
    bool ok = false;
    enum ct_status status =
        learner_input(request, response, fields, COUNT(fields), &input, false, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_goal_add(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_GOAL, 201);
}

enum ct_status api_me_plan_item(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    static const struct api_input_field fields[] = {
        API_INPUT("kind", API_TEXT, struct plan_item_input, kind),
        API_INPUT("key", API_TEXT, struct plan_item_input, key),
        API_INPUT("description", API_TEXT, struct plan_item_input, description),
        API_INPUT("plan_goal", API_ID, struct plan_item_input, plan_goal_id),
        API_INPUT("hours", API_NUMBER, struct plan_item_input, hours),
    };
    struct plan_item_input input = {0};
    bool ok = false;
    enum ct_status status =
        learner_input(request, response, fields, COUNT(fields), &input, false, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_item_add(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_ITEM, 201);
}

enum ct_status api_me_plan_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct plan_version_input input = {0};
    bool ok = false;
    enum ct_status status = learner_input(request, response, NULL, 0, &input, false, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_submit(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_VERSION, 200);
}

enum ct_status api_me_plan_sign(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    struct plan_sign_input input = {0, PLAN_SIGNER_LEARNER};
    bool ok = false;
    enum ct_status status = learner_input(request, response, NULL, 0, &input, false, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_sign(request->store, &actor, &input, &result, &outcome);
    return learner_answer(request, response, status, &result, &outcome, MADE_VERSION, 200);
}

/* ---- the supervisor's side ---- */

static enum ct_status fill_plans_waiting(struct web_request *request, const struct api_page *page,
                                         json_t *items, int64_t *total, struct ct_err *err)
{
    struct learning_plan plan;
    enum ct_status status =
        store_learning_plans_waiting(request->store, request->person_id, page->per_page,
                                     api_json_offset(page), &request->arena, &plan, total, err);
    return status != CT_OK ? status : append_versions(items, &plan, true);
}

enum ct_status api_plans_waiting(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_plans_waiting);
}

/* Answers a decision on version id for the library: the version, or the refusal. */
static enum ct_status library_answer(struct web_request *request, struct web_response *response,
                                     enum ct_status status, const struct plan_result *result,
                                     const struct action_outcome *outcome)
{
    return learner_answer(request, response, status, result, outcome, MADE_VERSION, 200);
}

enum ct_status api_plan_sign(struct web_request *request, struct web_response *response, int64_t id)
{
    struct plan_sign_input input = {id, PLAN_SIGNER_ORGANIZATION};
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, NULL, 0, &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_sign(request->store, &actor, &input, &result, &outcome);
    return library_answer(request, response, status, &result, &outcome);
}

enum ct_status api_plan_return(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    static const struct api_input_field fields[] = {
        API_INPUT("comment", API_TEXT, struct plan_return_input, comment),
    };
    struct plan_return_input input = {id, NULL};
    bool ok = false;
    enum ct_status status =
        api_json_read_input(request, response, fields, COUNT(fields), &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_plan_return(request->store, &actor, &input, &result, &outcome);
    return library_answer(request, response, status, &result, &outcome);
}
