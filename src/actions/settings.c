#include "settings.h"

#include <string.h>

#include "../store/store_settings.h"
#include "coordinator.h"
#include "../core/banned.h"

static void check_settings(const struct settings_set_input *input, struct action_outcome *outcome)
{
    if (input->count == 0 || input->count > SETTINGS_SET_MAX) {
        action_fault(outcome, "setting", "name 1 to %d settings to set", SETTINGS_SET_MAX);
        return;
    }
    for (size_t i = 0; i < input->count; i++) {
        const struct setting_value *setting = &input->settings[i];
        struct ct_err err = {0};
        if (store_setting_check(setting->name, setting->value, &err) != CT_OK) {
            action_fault(outcome, err.where[0] != '\0' ? err.where : "setting", "%s", err.message);
        }
    }
}

/* The identity provider's settings say who may sign in as whom, and where the client
 * secret is sent: whoever runs the server sets them (the command line, as the system),
 * never a person through the pages or the API. */
static enum ct_status check_provider_settings(const struct actor *actor,
                                              const struct settings_set_input *input,
                                              struct action_outcome *outcome)
{
    for (size_t i = 0; i < input->count && actor->person_id != 0; i++) {
        const char *name = input->settings[i].name;
        if (name != NULL && strncmp(name, "oidc-", 5) == 0) {
            return action_refuse(outcome, ACTION_NOT_ALLOWED, name,
                                 "The identity provider's settings are set on the command line"
                                 " (certtrack config set), by whoever runs the server.");
        }
    }
    return CT_OK;
}

enum ct_status action_settings_set(struct store *store, const struct actor *actor,
                                   const struct settings_set_input *input,
                                   struct action_outcome *outcome)
{
    check_settings(input, outcome);
    enum ct_status status = coordinator_begin(store, actor, "changes the settings", outcome);
    if (status != CT_OK) {
        return status;
    }
    status = check_provider_settings(actor, input, outcome);
    if (status != CT_OK) {
        return action_end(store, status, outcome);
    }
    for (size_t i = 0; i < input->count && status == CT_OK; i++) {
        status = store_setting_set(store, actor->person_id, input->settings[i].name,
                                   input->settings[i].value, &outcome->err);
    }
    if (status == CT_ERR_INPUT) {
        /* Checked above, so not expected: the store's words, as a fault of the setting. */
        action_fault(outcome, outcome->err.where, "%s", outcome->err.message);
    }
    return action_end(store, status, outcome);
}
