#include "api_accounts.h"

#include <stdio.h>

#include "../../actions/accounts.h"
#include "../http/rate_limit.h"
#include "api.h"
#include "api_json.h"
#include "../../core/banned.h"

enum ct_status api_person_invitation(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    static const struct api_input_field no_fields[1] = {{NULL, API_TEXT, 0}};
    struct invitation_send_input input = {.person_id = id};
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, no_fields, 0, &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_invitation_send(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    /* The link lets whoever holds it choose the password: it goes to the coordinator only. */
    json_t *body = json_pack("{s:I, s:s}", "person", (json_int_t)result.person_id, "message_id",
                             result.message_id);
    if (body != NULL && (request->roles & ROLE_CE_COORDINATOR) != 0) {
        json_object_set_new(body, "link", json_string(result.link));
    }
    return api_json_send(response, 201, body);
}

enum ct_status api_password_reset(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    static const struct api_input_field fields[] = {
        API_INPUT("email", API_TEXT, struct password_reset_input, email),
    };
    struct password_reset_input input = {NULL};
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, fields, 1, &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    int64_t retry_after = 0;
    if (request->public_limit != NULL &&
        !rate_limit_take(request->public_limit, request->client_address, request->now,
                         &retry_after)) {
        return api_error(response, 429, "too-many-requests",
                         "Too many requests from this address: wait a minute.");
    }
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_password_reset_request(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    return status != CT_OK ? status
                           : api_json_send(response, 202, json_pack("{s:s}", "status", "accepted"));
}
