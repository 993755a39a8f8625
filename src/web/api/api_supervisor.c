#include "api_supervisor.h"

#include <jansson.h>
#include <string.h>

#include "../../actions/claims.h"
#include "../../store/store_learning.h"
#include "api_json.h"
#include "api_learning.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

enum ct_status api_verifications(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    /* Oldest first. */
    struct store_page sorted = {VERIFY_QUEUE_DATE, false, page.per_page, api_json_offset(&page)};
    struct ct_err err = {0};
    int64_t total = 0;
    struct learning_activity *claims = NULL;
    size_t count = 0;
    status = store_learning_verify_queue(request->store, request->person_id, &sorted,
                                         &request->arena, &claims, &count, &total, &err);
    if (status != CT_OK) {
        return status;
    }
    json_t *items = json_array();
    for (size_t i = 0; items != NULL && i < count; i++) {
        json_t *claim = api_learning_claim(&claims[i]);
        if (claim == NULL || json_array_append_new(items, claim) != 0) {
            json_decref(items);
            items = NULL;
        }
    }
    return api_json_send(response, 200, items != NULL ? api_json_list(items, &page, total) : NULL);
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
