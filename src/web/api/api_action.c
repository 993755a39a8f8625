#include "api_action.h"

#include <jansson.h>

#include "api.h"
#include "../../core/banned.h"

void api_action_init(struct api_action *action, const struct web_request *request)
{
    action->ready = true;
    action->actor = web_actor(request);
    action_outcome_init(&action->outcome);
}

enum ct_status api_action_read(struct web_request *request, struct web_response *response,
                               const struct api_input_field *fields, size_t count, void *input,
                               struct api_action *action)
{
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, fields, count, input, &ok);
    if (status == CT_OK && ok) {
        api_action_init(action, request);
    } else {
        action->ready = false;
    }
    return status;
}

enum ct_status api_action_answer(struct web_request *request, struct web_response *response,
                                 const struct api_action *action, enum ct_status status,
                                 api_action_send send, unsigned status_code, int64_t id)
{
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &action->outcome);
    }
    return status != CT_OK ? status : send(request, response, status_code, id);
}

/* Answers status_code with the JSON json_of writes of track id. */
static enum ct_status send_made(struct web_request *request, struct web_response *response,
                                unsigned status_code, int64_t id,
                                enum ct_status (*json_of)(struct store *, int64_t, json_t **,
                                                          struct ct_err *))
{
    json_t *json = NULL;
    struct ct_err err = {0};
    enum ct_status status = json_of(request->store, id, &json, &err);
    return status != CT_OK ? status : api_json_send(response, status_code, json);
}

enum ct_status api_action_send_track(struct web_request *request, struct web_response *response,
                                     unsigned status_code, int64_t id)
{
    return send_made(request, response, status_code, id, api_track_json);
}

enum ct_status api_action_send_report(struct web_request *request, struct web_response *response,
                                      unsigned status_code, int64_t id)
{
    return send_made(request, response, status_code, id, api_report_json);
}
