#include "people.h"

#include <stdio.h>
#include <string.h>

#include "../store/store_people.h"
#include "people_checks.h"
#include "../core/banned.h"

/* The roles a library administrator may not give: the State Library's. */
#define STATE_ROLES (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)

/* What add and edit read from the input. */
struct person_typed {
    const char *name;
    const char *email;
    const char *position; /* "staff", "trustee", "" for none; NULL: not given */
    struct person_role_held held[ROLE_COUNT];
    size_t held_count;
    bool roles_given;
};

static void read_details(const struct person_input *input, bool adding, struct person_typed *typed,
                         struct action_outcome *outcome)
{
    typed->name = people_given(input->name);
    if (adding && typed->name == NULL) {
        action_fault(outcome, "name", "Enter the person's name.");
    }
    typed->email = people_given(input->email);
    if (adding && typed->email == NULL) {
        action_fault(outcome, "email", "Enter the person's e-mail address.");
    } else if (typed->email != NULL && !people_looks_like_email(typed->email)) {
        action_fault(outcome, "email", "Enter an e-mail address, like name@example.org.");
    }
    typed->position = NULL;
    if (adding || people_given(input->position) != NULL) {
        people_read_position(input->position, &typed->position, outcome);
    }
    typed->roles_given = adding || input->roles != NULL;
    if (typed->roles_given) {
        people_read_roles(input->roles, typed->held, &typed->held_count, outcome);
    }
}

/* Refuses a library administrator who gives a State Library role. */
static enum ct_status check_roles_allowed(const struct actor *actor,
                                          const struct person_typed *typed,
                                          struct action_outcome *outcome)
{
    if (actor_has_role(actor, ROLE_CE_COORDINATOR) ||
        (people_role_bits(typed->held, typed->held_count) & STATE_ROLES) == 0) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_NOT_ALLOWED, "roles",
                         "Only the CE coordinator gives the roles ce-coordinator and consultant.");
}

/* A refusal of the store (a taken e-mail) as a fault of the field it names. */
static enum ct_status store_refusal(struct action_outcome *outcome, enum ct_status status)
{
    char field[sizeof outcome->err.where];
    snprintf(field, sizeof field, "%s", outcome->err.where);
    return action_from_store(outcome, status, ACTION_BAD_INPUT, field);
}

static enum ct_status add_person(struct store *store, const struct actor *actor,
                                 const struct person_typed *typed, int64_t library_id,
                                 struct person_result *result, struct action_outcome *outcome)
{
    const char *names[ROLE_COUNT + 1] = {NULL};
    struct civil_date began[ROLE_COUNT];
    for (size_t i = 0; i < typed->held_count; i++) {
        names[i] = role_of_bit(typed->held[i].bit)->name;
        began[i] = typed->held[i].began;
    }
    struct person_new person = {typed->name, typed->email, library_id, 0, names, NULL};
    struct person_details details = {typed->position[0] != '\0' ? typed->position : NULL, began};
    enum ct_status status =
        store_person_add(store, actor->person_id, &person, &details, &result->id, &outcome->err);
    return store_refusal(outcome, status);
}

enum ct_status action_person_add_within(struct store *store, const struct actor *actor,
                                        const struct person_input *input,
                                        struct person_result *result,
                                        struct action_outcome *outcome)
{
    result->id = 0;
    struct person_typed typed = {0};
    read_details(input, true, &typed, outcome);
    int64_t library_id = input->library_id;
    if (library_id == 0 && !actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        library_id = actor->library_id;
    }
    struct library_officers library;
    enum ct_status status =
        library_id > 0 ? people_check_library(store, library_id, "library", &library, outcome)
                       : CT_OK;
    people_check_position(typed.position, library_id, outcome);
    status = status != CT_OK ? status : action_checked(outcome);
    status = status != CT_OK ? status : people_may_act(actor, library_id, "add a person", outcome);
    status = status != CT_OK ? status : check_roles_allowed(actor, &typed, outcome);
    return status != CT_OK ? status : add_person(store, actor, &typed, library_id, result, outcome);
}

enum ct_status action_person_add(struct store *store, const struct actor *actor,
                                 const struct person_input *input, struct person_result *result,
                                 struct action_outcome *outcome)
{
    result->id = 0;
    enum ct_status status = action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    status = action_person_add_within(store, actor, input, result, outcome);
    return action_end(store, status, outcome);
}

static enum ct_status update_person(struct store *store, const struct actor *actor,
                                    const struct person_view *person,
                                    const struct person_typed *typed,
                                    struct action_outcome *outcome)
{
    struct person_change change = {.person_id = person->id,
                                   .name = typed->name,
                                   .email = typed->email,
                                   .position = typed->position,
                                   .roles_given = typed->roles_given,
                                   .held_count = typed->held_count};
    memcpy(change.held, typed->held, sizeof change.held);
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_person_update(store, actor->person_id, &change, &outcome->err);
        status = store_refusal(outcome, status);
        status = action_end(store, status, outcome);
    }
    return status;
}

/* A library administrator edits no one who holds a State Library role. */
static enum ct_status check_may_edit(const struct actor *actor, const struct person_view *person,
                                     const struct person_typed *typed,
                                     struct action_outcome *outcome)
{
    enum ct_status status = people_may_act(actor, person->library_id, "edit a person", outcome);
    if (status == CT_OK && !actor_has_role(actor, ROLE_CE_COORDINATOR) &&
        (person->roles & STATE_ROLES) != 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "Only the CE coordinator edits a person with a State Library role.");
    }
    return status == CT_OK ? check_roles_allowed(actor, typed, outcome) : status;
}

enum ct_status action_person_edit(struct store *store, const struct actor *actor,
                                  const struct person_input *input, struct action_outcome *outcome)
{
    struct person_typed typed = {0};
    read_details(input, false, &typed, outcome);
    struct person_view person;
    enum ct_status status = action_checked(outcome);
    status =
        status != CT_OK ? status : people_find(store, input->person_id, "person", &person, outcome);
    if (status == CT_OK && typed.position != NULL) {
        people_check_position(typed.position, person.library_id, outcome);
        status = action_checked(outcome);
    }
    status = status != CT_OK ? status : check_may_edit(actor, &person, &typed, outcome);
    if (status == CT_OK && person.merged_into != 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "person",
                               "This record was merged into person %lld: edit that one.",
                               (long long)person.merged_into);
    }
    return status != CT_OK ? status : update_person(store, actor, &person, &typed, outcome);
}

enum ct_status action_person_deactivate(struct store *store, const struct actor *actor,
                                        const struct person_id_input *input,
                                        struct action_outcome *outcome)
{
    struct person_view person;
    enum ct_status status = people_find(store, input->person_id, "person", &person, outcome);
    status = status != CT_OK
                 ? status
                 : people_may_act(actor, person.library_id, "deactivate a person", outcome);
    if (status == CT_OK && actor->person_id == person.id) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "person",
                               "You cannot deactivate yourself: ask the CE coordinator.");
    }
    if (status == CT_OK && person.deactivated_at[0] != '\0') {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "person", "%s was deactivated already.",
                               person.name);
    }
    if (status != CT_OK) {
        return status;
    }
    char at[32];
    people_timestamp(actor->now, at);
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_person_deactivate(store, actor->person_id, person.id, at, &outcome->err);
        status = action_end(store, status, outcome);
    }
    return status;
}
