#include "api_profile.h"

#include <jansson.h>
#include <stdlib.h>

#include "../../actions/profile.h"
#include "../../actions/second_factor.h"
#include "../../store/store_profile.h"
#include "api.h"
#include "api_json.h"
#include "../../core/banned.h"

enum ct_status api_me_record(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    char *json = NULL;
    struct ct_err err = {0};
    enum ct_status status =
        store_person_record_json(request->store, request->person_id, &json, &err);
    if (status == CT_OK && json == NULL) {
        return api_error(response, 404, "not-found", "There is no such person.");
    }
    if (status == CT_OK) {
        response->content_type = "application/json";
        status = buf_append_str(&response->body, json);
    }
    free(json);
    return status;
}

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Runs a change read from the body into input (fields, count of them): change calls the
 * action; a done change answers {"done": true}. */
static enum ct_status api_change(struct web_request *request, struct web_response *response,
                                 const struct api_input_field *fields, size_t count, void *input,
                                 enum ct_status (*change)(struct store *, const struct actor *,
                                                          const void *, struct action_outcome *))
{
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, fields, count, input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = change(request->store, &actor, input, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    return status != CT_OK ? status : api_json_send(response, 200, json_pack("{s:b}", "done", 1));
}

static enum ct_status name_set(struct store *store, const struct actor *actor, const void *input,
                               struct action_outcome *outcome)
{
    return action_profile_name_set(store, actor, input, outcome);
}

static enum ct_status password_change(struct store *store, const struct actor *actor,
                                      const void *input, struct action_outcome *outcome)
{
    return action_profile_password_change(store, actor, input, outcome);
}

static enum ct_status factor_reset(struct store *store, const struct actor *actor,
                                   const void *input, struct action_outcome *outcome)
{
    return action_second_factor_reset(store, actor, input, outcome);
}

static const struct api_input_field name_fields[] = {
    API_INPUT("name", API_TEXT, struct profile_name_input, name),
};

static const struct api_input_field password_fields[] = {
    API_INPUT("current_password", API_TEXT, struct profile_password_input, current_password),
    API_INPUT("new_password", API_TEXT, struct profile_password_input, new_password),
};

enum ct_status api_me_name(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct profile_name_input input = {0};
    return api_change(request, response, name_fields, COUNT(name_fields), &input, name_set);
}

enum ct_status api_me_password(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    struct profile_password_input input = {0};
    return api_change(request, response, password_fields, COUNT(password_fields), &input,
                      password_change);
}

enum ct_status api_second_factor_reset(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    struct second_factor_reset_input input = {.person_id = id};
    return api_change(request, response, NULL, 0, &input, factor_reset);
}
