#include "api_supervisor.h"

#include <jansson.h>
#include <string.h>

#include "../../actions/claims.h"
#include "../../store/store_learning.h"
#include "api_json.h"
#include "api_learning.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

static enum ct_status fill_verifications(struct web_request *request, const struct api_page *page,
                                         json_t *items, int64_t *total, struct ct_err *err)
{
    /* Oldest first. */
    struct store_page sorted = api_json_store_page(page, VERIFY_QUEUE_DATE, false);
    struct learning_activity *claims = NULL;
    size_t count = 0;
    enum ct_status status =
        store_learning_verify_queue(request->store, request->person_id, NULL, &sorted,
                                    &request->arena, &claims, &count, total, err);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        status = api_json_append(items, api_learning_claim(&claims[i]));
    }
    return status;
}

enum ct_status api_verifications(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_verifications);
}

static const struct api_input_field decision_fields[] = {
    API_INPUT("action", API_TEXT, struct claims_decide_input, action),
    API_INPUT("activities", API_IDS, struct claims_decide_input, activity_ids),
    API_INPUT("reason", API_TEXT, struct claims_decide_input, reason),
};

/* The ids decided, as the body named them. */
static json_t *decided_ids(const struct action_ids *ids)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < ids->count; i++) {
        if (json_array_append_new(list, json_integer(ids->ids[i])) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

enum ct_status api_verifications_decide(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    (void)id;
    struct claims_decide_input input;
    memset(&input, 0, sizeof input);
    bool ok = false;
    enum ct_status status = api_json_read_input(request, response, decision_fields,
                                                COUNT(decision_fields), &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct claims_decide_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_claims_decide(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal == ACTION_NOT_ALLOWED) {
        /* Nothing changed; the same answer whether the claims exist or not. */
        return api_json_error(response, 403, "forbidden",
                              "You do not verify one of these claims: none was changed.",
                              "activities");
    }
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    return api_json_send(response, 200,
                         json_pack("{s:s, s:i, s:o}", "action", input.action, "decided",
                                   result.decided, "activities", decided_ids(&input.activity_ids)));
}
