#include "sign_in.h"

#include <string.h>

#include "../core/role.h"
#include "../store/store_oidc.h"
#include "../store/store_people.h"
#include "../core/banned.h"

static enum ct_status create_learner(struct store *store, const struct actor *actor,
                                     const struct sign_in_match_input *input,
                                     struct sign_in_match_result *result,
                                     struct action_outcome *outcome)
{
    static const char *const roles[] = {ROLE_NAME_LEARNER, NULL};
    bool named = input->name != NULL && input->name[0] != '\0';
    struct person_new person = {
        .name = named ? input->name : input->email,
        .email = input->email,
        .roles = roles,
    };
    enum ct_status status =
        store_person_create(store, actor->person_id, &person, &result->person_id, &outcome->err);
    result->created = status == CT_OK;
    return action_from_store(outcome, status, ACTION_NOT_ALLOWED, "email");
}

enum ct_status action_sign_in_match(struct store *store, const struct actor *actor,
                                    const struct sign_in_match_input *input,
                                    struct sign_in_match_result *result,
                                    struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    if (input->email == NULL || input->email[0] == '\0') {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "email",
                             "The identity provider did not say your e-mail address.");
    }
    if (!input->email_verified) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "email",
                             "The identity provider has not verified your e-mail address %s.",
                             input->email);
    }
    bool deactivated = false;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_oidc_person_by_email(store, input->email, &result->person_id, &deactivated,
                                            &outcome->err);
    }
    if (status == CT_OK && deactivated) {
        status =
            action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                          "The account of %s is deactivated: it cannot sign in.", input->email);
    }
    if (status == CT_OK && result->person_id == 0 && !input->create_people) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "email",
                               "No one in certtrack has the e-mail address %s. Ask the CE"
                               " coordinator to add you.",
                               input->email);
    }
    if (status == CT_OK && result->person_id == 0) {
        status = create_learner(store, actor, input, result, outcome);
    }
    return action_end(store, status, outcome);
}
