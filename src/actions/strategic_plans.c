#include "strategic_plans.h"

#include <string.h>

#include "../store/store_libraries.h"
#include "../store/store_library_edits.h"
#include "../core/banned.h"

bool strategic_plan_keeper(const struct actor *actor, int64_t library_id)
{
    if (actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return true;
    }
    return actor_has_role(actor, ROLE_LIBRARY_ADMINISTRATOR) && actor->library_id != 0 &&
           actor->library_id == library_id;
}

/* Refuses the bad input noted already, anyone who may not keep the library's plan, a
 * library there is none of, and a closed library; then begins the action's transaction
 * (*begun then true: the caller ends it with action_end). */
static enum ct_status plan_begin(struct store *store, const struct actor *actor, int64_t library_id,
                                 bool *begun, struct action_outcome *outcome)
{
    *begun = false;
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK && !strategic_plan_keeper(actor, library_id)) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "library",
                             "Only the CE coordinator or the library's own administrator keeps"
                             " its strategic plan.");
    }
    struct library_view library;
    bool found = false;
    if (status == CT_OK) {
        status = store_library_get(store, library_id, &library, &found, &outcome->err);
    }
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "library", "There is no library %lld.",
                             (long long)library_id);
    }
    if (status == CT_OK && library.closed_on[0] != '\0') {
        return action_refuse(outcome, ACTION_WRONG_STATE, "library",
                             "%s closed on %s: its strategic plan is kept as it was.", library.name,
                             library.closed_on);
    }
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        *begun = status == CT_OK;
    }
    return status;
}

static const char *either(const char *typed, const char *stored)
{
    return typed != NULL ? typed : stored;
}

static void check_period(const struct strategic_plan_input *input,
                         const struct strategic_plan_view *plan, struct civil_date *starts,
                         struct civil_date *ends, struct action_outcome *outcome)
{
    char stored_starts[CIVIL_DATE_TEXT_SIZE] = "", stored_ends[CIVIL_DATE_TEXT_SIZE] = "";
    if (plan->id != 0) {
        civil_date_format(plan->starts, stored_starts);
        civil_date_format(plan->ends, stored_ends);
    }
    bool starts_ok = civil_date_parse(either(input->starts, stored_starts), starts);
    bool ends_ok = civil_date_parse(either(input->ends, stored_ends), ends);
    if (!starts_ok) {
        action_fault(outcome, "starts", "Enter the plan's first day as YYYY-MM-DD.");
    }
    if (!ends_ok) {
        action_fault(outcome, "ends", "Enter the plan's last day as YYYY-MM-DD.");
    } else if (starts_ok && civil_date_compare(*starts, *ends) > 0) {
        action_fault(outcome, "ends", "The plan cannot end before it starts.");
    }
}

enum ct_status action_strategic_plan_save(struct store *store, const struct actor *actor,
                                          const struct strategic_plan_input *input,
                                          struct strategic_plan_result *result,
                                          struct action_outcome *outcome)
{
    result->id = 0;
    struct strategic_plan_view plan;
    bool found = false;
    enum ct_status status =
        store_strategic_plan_current(store, input->library_id, &plan, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    const char *title = either(input->title, plan.title);
    if (title[0] == '\0') {
        action_fault(outcome, "title", "Enter the plan's title.");
    }
    struct civil_date starts = {0}, ends = {0};
    check_period(input, &plan, &starts, &ends, outcome);
    bool begun = false;
    status = plan_begin(store, actor, input->library_id, &begun, outcome);
    if (status == CT_OK) {
        status = store_strategic_plan_save(store, actor->person_id, input->library_id, plan.id,
                                           title, starts, ends, &result->id, &outcome->err);
    }
    return begun ? action_end(store, status, outcome) : status;
}

/* The goal acted on, as the library's goals hold it, and the plan it is in. */
struct goal_target {
    struct store_rows goals;             /* the library's goals (struct library_goal_row) */
    const struct library_goal_row *goal; /* the one acted on, or NULL */
    int64_t plan_id;
};

static enum ct_status target_read(struct store *store, const struct library_goal_input *input,
                                  struct goal_target *target, struct action_outcome *outcome)
{
    target->goals = (struct store_rows){.size = sizeof(struct library_goal_row)};
    enum ct_status status =
        store_library_goals(store, input->library_id, &target->goals, &outcome->err);
    const struct library_goal_row *goals = target->goals.items;
    for (size_t i = 0; status == CT_OK && i < target->goals.count; i++) {
        if (goals[i].id == input->goal_id && input->goal_id != 0) {
            target->goal = &goals[i];
        }
    }
    return status;
}

static void check_goal(const struct library_goal_input *input, const struct goal_target *target,
                       struct library_goal_fields *fields, struct action_outcome *outcome)
{
    const struct library_goal_row *goal = target->goal;
    fields->code = either(input->code, goal != NULL ? goal->code : "");
    fields->title = either(input->title, goal != NULL ? goal->title : "");
    fields->description = either(input->description, goal != NULL ? goal->description : "");
    if (fields->code[0] == '\0') {
        action_fault(outcome, "code", "Enter the goal's code, like G1.");
    }
    if (fields->title[0] == '\0') {
        action_fault(outcome, "title", "Enter the goal.");
    }
    const struct library_goal_row *goals = target->goals.items;
    for (size_t i = 0; i < target->goals.count; i++) {
        if (goals[i].strategic_plan_id == target->plan_id && goals[i].id != input->goal_id &&
            strcmp(goals[i].code, fields->code) == 0) {
            action_fault(outcome, "code", "The plan has a goal %.31s already.", fields->code);
        }
    }
}

enum ct_status action_library_goal_add(struct store *store, const struct actor *actor,
                                       const struct library_goal_input *input,
                                       struct library_goal_result *result,
                                       struct action_outcome *outcome)
{
    result->id = 0;
    struct strategic_plan_view plan;
    bool found = false;
    struct goal_target target = {0};
    struct library_goal_input adding = *input;
    bool begun = false;
    adding.goal_id = 0;
    enum ct_status status =
        store_strategic_plan_current(store, input->library_id, &plan, &found, &outcome->err);
    if (status == CT_OK) {
        status = target_read(store, &adding, &target, outcome);
    }
    target.plan_id = plan.id;
    struct library_goal_fields fields;
    if (status == CT_OK) {
        check_goal(&adding, &target, &fields, outcome);
        status = plan_begin(store, actor, input->library_id, &begun, outcome);
    }
    if (status == CT_OK && !found) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "library",
                               "The library has no strategic plan yet: set its period first.");
    }
    if (status == CT_OK) {
        status = store_library_goal_add(store, actor->person_id, plan.id, &fields, &result->id,
                                        &outcome->err);
    }
    if (begun) {
        status = action_end(store, status, outcome);
    }
    store_rows_release(&target.goals);
    return status;
}

/* Reads the goal acted on; refuses when it is not one of the library's. */
static enum ct_status goal_acted_on(struct store *store, const struct library_goal_input *input,
                                    struct goal_target *target, struct action_outcome *outcome)
{
    enum ct_status status = target_read(store, input, target, outcome);
    if (status == CT_OK && target->goal == NULL) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "goal", "The library has no goal %lld.",
                             (long long)input->goal_id);
    }
    if (status == CT_OK) {
        target->plan_id = target->goal->strategic_plan_id;
    }
    return status;
}

enum ct_status action_library_goal_edit(struct store *store, const struct actor *actor,
                                        const struct library_goal_input *input,
                                        struct action_outcome *outcome)
{
    struct goal_target target = {0};
    bool begun = false;
    enum ct_status status = goal_acted_on(store, input, &target, outcome);
    struct library_goal_fields fields;
    if (status == CT_OK) {
        check_goal(input, &target, &fields, outcome);
        status = plan_begin(store, actor, input->library_id, &begun, outcome);
    }
    if (status == CT_OK) {
        status = store_library_goal_update(store, actor->person_id, input->goal_id, &fields,
                                           &outcome->err);
    }
    if (begun) {
        status = action_end(store, status, outcome);
    }
    store_rows_release(&target.goals);
    return status;
}

enum ct_status action_library_goal_retire(struct store *store, const struct actor *actor,
                                          const struct library_goal_input *input,
                                          struct action_outcome *outcome)
{
    struct goal_target target = {0};
    bool begun = false;
    enum ct_status status = goal_acted_on(store, input, &target, outcome);
    if (status == CT_OK) {
        status = plan_begin(store, actor, input->library_id, &begun, outcome);
    }
    if (status == CT_OK && target.goal->retired_on[0] != '\0') {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "goal", "%s was retired on %s.",
                               target.goal->code, target.goal->retired_on);
    }
    if (status == CT_OK) {
        status = store_library_goal_retire(store, actor->person_id, input->goal_id, actor->today,
                                           &outcome->err);
    }
    if (begun) {
        status = action_end(store, status, outcome);
    }
    store_rows_release(&target.goals);
    return status;
}

enum ct_status action_library_goal_delete(struct store *store, const struct actor *actor,
                                          const struct library_goal_input *input,
                                          struct action_outcome *outcome)
{
    struct goal_target target = {0};
    bool begun = false;
    enum ct_status status = goal_acted_on(store, input, &target, outcome);
    if (status == CT_OK) {
        status = plan_begin(store, actor, input->library_id, &begun, outcome);
    }
    if (status == CT_OK && target.goal->served_by > 0) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "goal",
                               "Staff plans serve %s: retire it instead of deleting it.",
                               target.goal->code);
    }
    if (status == CT_OK) {
        status = store_library_goal_delete(store, actor->person_id, input->goal_id, &outcome->err);
    }
    if (begun) {
        status = action_end(store, status, outcome);
    }
    store_rows_release(&target.goals);
    return status;
}
