#include "profile.h"

#include <string.h>

#include "../io/password_quality.h"
#include "../store/store_people.h"
#include "../store/store_profile.h"
#include "../core/banned.h"

static bool has_control_character(const char *text)
{
    for (const char *c = text; *c != '\0'; c++) {
        if ((unsigned char)*c < ' ' || *c == 0x7f) {
            return true;
        }
    }
    return false;
}

/* The number of characters (UTF-8 code points) of text. */
static size_t characters(const char *text)
{
    size_t count = 0;
    for (const char *c = text; *c != '\0'; c++) {
        count += ((unsigned char)*c & 0xc0) != 0x80;
    }
    return count;
}

static enum ct_status person_acts(const struct actor *actor, struct action_outcome *outcome)
{
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK && actor->person_id == 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "A profile belongs to a person: sign in as them.");
    }
    return status;
}

enum ct_status action_profile_name_set(struct store *store, const struct actor *actor,
                                       const struct profile_name_input *input,
                                       struct action_outcome *outcome)
{
    const char *name = input->name;
    if (name == NULL || name[0] == '\0' || strlen(name) > PROFILE_NAME_MAX ||
        has_control_character(name) || name[0] == ' ') {
        action_fault(outcome, "name", "Give your name, 1 to %d characters, without line breaks.",
                     PROFILE_NAME_MAX);
    }
    enum ct_status status = person_acts(actor, outcome);
    if (status == CT_OK) {
        status =
            store_person_name_set(store, actor->person_id, actor->person_id, name, &outcome->err);
    }
    return action_from_store(outcome, status, ACTION_NOT_FOUND, NULL);
}

void profile_password_check(const char *password, const char *field, struct action_outcome *outcome)
{
    if (password == NULL || characters(password) < PROFILE_PASSWORD_MIN) {
        action_fault(outcome, field, "Choose a password of at least %d characters.",
                     PROFILE_PASSWORD_MIN);
    } else if (strlen(password) > PROFILE_PASSWORD_MAX) {
        action_fault(outcome, field, "Choose a password of at most %d characters.",
                     PROFILE_PASSWORD_MAX);
    } else {
        /* Long enough: not a common one either (libpwquality, as for invitations). */
        struct ct_err quality = {0};
        if (password_quality_check(password, NULL, field, &quality) != CT_OK) {
            action_fault(outcome, field, "This password %s.", quality.message);
        }
    }
}

enum ct_status action_profile_password_change(struct store *store, const struct actor *actor,
                                              const struct profile_password_input *input,
                                              struct action_outcome *outcome)
{
    profile_password_check(input->new_password, "new_password", outcome);
    bool matches = false;
    enum ct_status status = CT_OK;
    if (input->current_password == NULL || input->current_password[0] == '\0') {
        action_fault(outcome, "current_password", "Give your current password.");
    } else if (actor->person_id != 0) {
        status = store_person_check_password(store, actor->person_id, input->current_password,
                                             &matches, &outcome->err);
        if (status == CT_OK && !matches) {
            action_fault(outcome, "current_password", "This is not your current password.");
        }
    }
    if (status == CT_OK) {
        status = person_acts(actor, outcome);
    }
    if (status == CT_OK) {
        status = store_person_password_set(store, actor->person_id, actor->person_id,
                                           input->new_password, &outcome->err);
    }
    return action_from_store(outcome, status, ACTION_NOT_FOUND, NULL);
}
