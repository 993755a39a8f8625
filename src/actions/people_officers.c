#include "people_officers.h"

#include <stdio.h>
#include <string.h>

#include "../store/store_person_merge.h"
#include "people_checks.h"
#include "../core/banned.h"

/* ---- moving ---- */

static void check_move(const struct person_move_input *input, const struct person_view *person,
                       struct civil_date *moved_on, const char **position,
                       struct action_outcome *outcome)
{
    if (people_given(input->moved_on) != NULL && !civil_date_parse(input->moved_on, moved_on)) {
        action_fault(outcome, "moved_on", "Enter the day of the move as YYYY-MM-DD.");
    }
    *position = NULL;
    if (people_given(input->position) != NULL) {
        people_read_position(input->position, position, outcome);
    }
    const char *there = *position != NULL ? *position : person->position;
    if (input->library_id == 0) {
        there = "";
    }
    people_check_position(there, input->library_id, outcome);
    if (input->library_id == person->library_id && action_fault_of(outcome, "library") == NULL) {
        action_fault(outcome, "library", "%s is at this library already.", person->name);
    }
}

enum ct_status action_person_move(struct store *store, const struct actor *actor,
                                  const struct person_move_input *input,
                                  struct action_outcome *outcome)
{
    struct person_view person;
    struct library_officers library;
    struct civil_date moved_on = actor->today;
    const char *position = NULL;
    enum ct_status status = people_find(store, input->person_id, "person", &person, outcome);
    if (status == CT_OK && input->library_id > 0) {
        status = people_check_library(store, input->library_id, "library", &library, outcome);
    }
    if (status == CT_OK) {
        check_move(input, &person, &moved_on, &position, outcome);
        status = action_checked(outcome);
    }
    if (status == CT_OK && !actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "Only the CE coordinator moves a person to another library.");
    }
    if (status == CT_OK && person.deactivated_at[0] != '\0') {
        status =
            action_refuse(outcome, ACTION_WRONG_STATE, "person",
                          "%s is deactivated: a deactivated person does not move.", person.name);
    }
    if (status != CT_OK) {
        return status;
    }
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_person_move(store, actor->person_id, person.id, input->library_id, moved_on,
                                   position != NULL && position[0] != '\0' ? position : NULL,
                                   &outcome->err);
        status = action_end(store, status, outcome);
    }
    return status;
}

/* ---- merging ---- */

static enum ct_status check_merge(const struct person_view *merged, const struct person_view *kept,
                                  struct action_outcome *outcome)
{
    if (merged->id == kept->id) {
        action_fault(outcome, "into", "A record cannot be merged into itself: choose another.");
        return action_checked(outcome);
    }
    if (merged->merged_into != 0) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "person",
                             "This record was merged into person %lld already.",
                             (long long)merged->merged_into);
    }
    if (kept->deactivated_at[0] != '\0') {
        return action_refuse(outcome, ACTION_WRONG_STATE, "into",
                             "%s is deactivated%s: merge into an active record.", kept->name,
                             kept->merged_into != 0 ? " (merged)" : "");
    }
    return CT_OK;
}

enum ct_status action_person_merge(struct store *store, const struct actor *actor,
                                   const struct person_merge_input *input,
                                   struct action_outcome *outcome)
{
    enum ct_status status = CT_OK;
    if (!actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                             "Only the CE coordinator merges two records of one person.");
    }
    struct person_view merged, kept;
    status = people_find(store, input->person_id, "person", &merged, outcome);
    status = status != CT_OK ? status : people_find(store, input->into_id, "into", &kept, outcome);
    status = status != CT_OK ? status : check_merge(&merged, &kept, outcome);
    if (status != CT_OK) {
        return status;
    }
    char at[32];
    people_timestamp(actor->now, at);
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_person_merge(store, actor->person_id, kept.id, merged.id, at, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
        if (outcome->refusal == ACTION_WRONG_STATE && outcome->fault_count == 0) {
            (void)action_refuse(outcome, ACTION_WRONG_STATE, "person", "%s", outcome->err.message);
        }
        status = action_end(store, status, outcome);
    }
    return status;
}

/* ---- the officers ---- */

/* Notes a fault of field unless person_id (0: none) is an active person of library with
 * position. */
static enum ct_status check_officer(struct store *store, int64_t person_id,
                                    const struct library_officers *library, const char *position,
                                    const char *field, struct action_outcome *outcome)
{
    if (person_id == 0) {
        return CT_OK;
    }
    struct person_view person;
    bool found = false;
    enum ct_status status = store_person_get(store, person_id, &person, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (!found || person.deactivated_at[0] != '\0' || person.library_id != library->id ||
        strcmp(person.position, position) != 0) {
        action_fault(outcome, field, "%s %lld is not an active %s of %s.",
                     found ? person.name : "Person", (long long)person_id,
                     strcmp(position, "staff") == 0 ? "staff member" : "trustee", library->name);
    }
    return CT_OK;
}

enum ct_status action_library_officers(struct store *store, const struct actor *actor,
                                       const struct library_officers_input *input,
                                       struct action_outcome *outcome)
{
    struct library_officers library;
    enum ct_status status =
        people_check_library(store, input->library_id, "library", &library, outcome);
    if (status == CT_OK && library.id != 0) {
        status = check_officer(store, input->director_id, &library, "staff", "director", outcome);
    }
    if (status == CT_OK && library.id != 0) {
        status = check_officer(store, input->board_chair_id, &library, "trustee", "board_chair",
                               outcome);
    }
    status = status != CT_OK ? status : action_checked(outcome);
    status = status != CT_OK ? status
                             : people_may_act(actor, input->library_id,
                                              "name a library's director and board chair", outcome);
    if (status != CT_OK) {
        return status;
    }
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_library_set_officers(store, actor->person_id, library.id, input->director_id,
                                            input->board_chair_id, &outcome->err);
        status = action_end(store, status, outcome);
    }
    return status;
}

/* ---- a verifier by hand ---- */

static enum ct_status check_verifier(struct store *store, const struct person_verifier_input *input,
                                     struct action_outcome *outcome)
{
    if (input->verifier_id == 0) {
        return CT_OK;
    }
    if (input->verifier_id == input->person_id) {
        action_fault(outcome, "verifier", "Nobody verifies their own credits: choose another.");
        return CT_OK;
    }
    struct person_view verifier;
    bool found = false;
    enum ct_status status =
        store_person_get(store, input->verifier_id, &verifier, &found, &outcome->err);
    if (status == CT_OK && (!found || verifier.deactivated_at[0] != '\0')) {
        action_fault(outcome, "verifier", "No active person has the id %lld.",
                     (long long)input->verifier_id);
    }
    return status;
}

enum ct_status action_person_verifier(struct store *store, const struct actor *actor,
                                      const struct person_verifier_input *input,
                                      struct action_outcome *outcome)
{
    struct person_view person;
    enum ct_status status = people_find(store, input->person_id, "person", &person, outcome);
    status = status != CT_OK ? status : check_verifier(store, input, outcome);
    status = status != CT_OK ? status : action_checked(outcome);
    status = status != CT_OK
                 ? status
                 : people_may_act(actor, person.library_id, "set a person's verifier", outcome);
    if (status != CT_OK) {
        return status;
    }
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = store_person_verifier_by_hand(store, actor->person_id, person.id,
                                               input->verifier_id, &outcome->err);
        status = action_end(store, status, outcome);
    }
    return status;
}
