/*
 * api_action: the steps an /api/v1 endpoint that runs an action shares: the body read
 * into the action's input (api_json_read_input), who acts and the action's outcome made
 * ready, and the action's status answered: its refusal (api_json_outcome), a failure
 * returned as it is, or, when the action is done, the record as it is now, written by
 * the endpoint's sender (api_action_send).
 *
 *     struct library_input input = {.library_id = id};
 *     struct api_action action;
 *     enum ct_status status =
 *         api_action_read(request, response, fields, COUNT(fields), &input, &action);
 *     if (status != CT_OK || !action.ready) {
 *         return status;
 *     }
 *     status = action_library_edit(request->store, &action.actor, &input, &action.outcome);
 *     return api_action_answer(request, response, &action, status, send_library, 200, id);
 */
#ifndef CERTTRACK_API_ACTION_H
#define CERTTRACK_API_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../actions/action.h"
#include "../http/request.h"
#include "api_json.h"

/* What an endpoint holds while it runs an action: who acts and the action's outcome. */
struct api_action {
    bool ready;                    /* the action may run (false: the response refuses) */
    struct actor actor;            /* the request's person (web_actor) */
    struct action_outcome outcome; /* empty until the action runs */
};

/* Readies *action for request (borrowed for the call): its actor, an empty outcome. */
void api_action_init(struct api_action *action, const struct web_request *request);

/* Reads the body into input as api_json_read_input does (fields: a borrowed table of
 * count; input: the action's input struct; the refusals alike), then readies *action as
 * api_action_init does. action->ready is false when the body was refused (the response
 * says why) or reading it failed (the status says so). */
enum ct_status api_action_read(struct web_request *request, struct web_response *response,
                               const struct api_input_field *fields, size_t count, void *input,
                               struct api_action *action) CT_MUST_CHECK;

/* Answers status_code with record id as it is now, as JSON. */
typedef enum ct_status (*api_action_send)(struct web_request *request,
                                          struct web_response *response, unsigned status_code,
                                          int64_t id);

/* Answers the action's status: a refusal (CT_ERR_INPUT, action->outcome saying why) as
 * api_json_outcome does; another failure returned as it is; CT_OK by send with
 * status_code and id. */
enum ct_status api_action_answer(struct web_request *request, struct web_response *response,
                                 const struct api_action *action, enum ct_status status,
                                 api_action_send send, unsigned status_code,
                                 int64_t id) CT_MUST_CHECK;

/* Senders for api_action_answer: the track id as api_track_json writes it, and its final
 * report as api_report_json does (api.h). */
enum ct_status api_action_send_track(struct web_request *request, struct web_response *response,
                                     unsigned status_code, int64_t id) CT_MUST_CHECK;
enum ct_status api_action_send_report(struct web_request *request, struct web_response *response,
                                      unsigned status_code, int64_t id) CT_MUST_CHECK;

#endif
