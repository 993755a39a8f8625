#include "tokens.h"

#include <string.h>

#include "../core/banned.h"

static void check_create(const struct token_create_input *input, struct action_outcome *outcome)
{
    if (input->name == NULL || input->name[0] == '\0' || strlen(input->name) > TOKEN_NAME_MAX) {
        action_fault(outcome, "name", "Give the token a name of up to %d characters.",
                     TOKEN_NAME_MAX);
    }
}

enum ct_status action_token_create(struct store *store, const struct actor *actor,
                                   const struct token_create_input *input,
                                   struct token_create_result *result,
                                   struct action_outcome *outcome)
{
    check_create(input, outcome);
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK && actor->person_id == 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "A token belongs to a person: name who it is for.");
    }
    if (status == CT_OK) {
        status = store_token_create(store, actor->person_id, actor->person_id, input->name,
                                    actor->now, result->token, &result->id, &outcome->err);
    }
    return status;
}

enum ct_status action_token_revoke(struct store *store, const struct actor *actor,
                                   const struct token_revoke_input *input,
                                   struct action_outcome *outcome)
{
    struct store_token token;
    bool found = false;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_token_get(store, input->token_id, &token, &found, &outcome->err);
    }
    if (status == CT_OK && (!found || token.person_id != actor->person_id)) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "token", "You hold no such token.");
    }
    if (status == CT_OK && token.revoked_at != 0) {
        status =
            action_refuse(outcome, ACTION_WRONG_STATE, "token", "This token is revoked already.");
    }
    if (status == CT_OK) {
        status =
            store_token_revoke(store, actor->person_id, input->token_id, actor->now, &outcome->err);
    }
    return action_end(store, status, outcome);
}
