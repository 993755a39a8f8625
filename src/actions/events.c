#include "events.h"

#include "../core/event_registration.h"
#include "../store/store_event_registrations.h"
#include "../store/store_events.h"
#include "coordinator.h"
#include "../core/banned.h"

/* Reads the event and the actor's registration for it inside the action's transaction;
 * refuses an event that does not exist. */
static enum ct_status read_state(struct store *store, const struct actor *actor, int64_t event_id,
                                 struct store_event_registration_state *state,
                                 struct action_outcome *outcome)
{
    enum ct_status status =
        store_event_registration_state(store, event_id, actor->person_id, state, &outcome->err);
    if (status == CT_OK && !state->found) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "event", "There is no such event.");
    }
    return status;
}

static enum ct_status check_event_id(int64_t event_id, struct action_outcome *outcome)
{
    if (event_id <= 0) {
        action_fault(outcome, "event", "Choose an event.");
    }
    return action_checked(outcome);
}

/* Refuses the system: only a person registers. */
static enum ct_status person_only(const struct actor *actor, struct action_outcome *outcome)
{
    if (actor->person_id > 0) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                         "Only a signed-in person registers for an event.");
}

static enum ct_status register_in(struct store *store, const struct actor *actor,
                                  const struct event_register_input *input,
                                  struct event_register_result *result,
                                  struct action_outcome *outcome)
{
    struct store_event_registration_state state;
    enum ct_status status = read_state(store, actor, input->event_id, &state, outcome);
    enum event_registration_verdict verdict =
        status == CT_OK ? event_registration_decide(&state.facts, actor->today)
                        : EVENT_REGISTRATION_OPEN;
    if (status == CT_OK && state.withdrawn) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "event",
                               "The event is withdrawn: it takes no registrations.");
    }
    if (status == CT_OK && verdict != EVENT_REGISTRATION_OPEN) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "event", "%s",
                               event_registration_verdict_text(verdict));
    }
    if (status == CT_OK) {
        status = store_event_register(store, actor->person_id, input->event_id, actor->person_id,
                                      &result->registration_id, &outcome->err);
        if (status == CT_ERR_INPUT) {
            status = action_refuse(outcome, ACTION_WRONG_STATE, "event", "%s",
                                   event_registration_verdict_text(EVENT_REGISTRATION_HELD));
        }
    }
    return status;
}

enum ct_status action_event_register(struct store *store, const struct actor *actor,
                                     const struct event_register_input *input,
                                     struct event_register_result *result,
                                     struct action_outcome *outcome)
{
    result->registration_id = 0;
    enum ct_status status = check_event_id(input->event_id, outcome);
    if (status == CT_OK) {
        status = person_only(actor, outcome);
    }
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        if (status == CT_OK) {
            status = action_end(store, register_in(store, actor, input, result, outcome), outcome);
        }
    }
    return status;
}

static enum ct_status cancel_in(struct store *store, const struct actor *actor, int64_t event_id,
                                struct action_outcome *outcome)
{
    struct store_event_registration_state state;
    enum ct_status status = read_state(store, actor, event_id, &state, outcome);
    if (status == CT_OK && state.registration_id == 0) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "event",
                               "You are not registered for this event.");
    }
    if (status == CT_OK && state.attended) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "event",
                               "Your attendance is recorded already: the registration stays.");
    }
    if (status == CT_OK && !event_registration_cancellable(state.facts.starts, actor->today)) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "event",
                               "The event has begun: the registration can no longer be"
                               " cancelled.");
    }
    if (status == CT_OK) {
        status = store_event_cancel(store, actor->person_id, state.registration_id, &outcome->err);
    }
    return status;
}

enum ct_status action_event_cancel(struct store *store, const struct actor *actor,
                                   const struct event_cancel_input *input,
                                   struct action_outcome *outcome)
{
    enum ct_status status = check_event_id(input->event_id, outcome);
    if (status == CT_OK) {
        status = person_only(actor, outcome);
    }
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        if (status == CT_OK) {
            status = action_end(store, cancel_in(store, actor, input->event_id, outcome), outcome);
        }
    }
    return status;
}

/* Refuses anyone but the event's host and the CE coordinator, and a day before the
 * event's first. */
static enum ct_status check_recorder(const struct actor *actor,
                                     const struct store_event_registration_state *state,
                                     struct action_outcome *outcome)
{
    bool host = actor->person_id > 0 && actor->person_id == state->host_id;
    if (!host && !actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                             "Only the event's host or the CE coordinator records attendance.");
    }
    if (state->withdrawn) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "event",
                             "The event is withdrawn: no more attendance is recorded.");
    }
    if (!event_attendance_recordable(state->facts.starts, actor->today)) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "event",
                             "Attendance is recorded from the event's first day.");
    }
    return CT_OK;
}

enum ct_status event_attendance_record_in(struct store *store, const struct actor *actor,
                                          int64_t event_id, const int64_t *registration_ids,
                                          size_t count, struct event_attendance_result *result,
                                          struct action_outcome *outcome)
{
    struct store_event_registration_state state;
    enum ct_status status = read_state(store, actor, event_id, &state, outcome);
    if (status == CT_OK) {
        status = check_recorder(actor, &state, outcome);
    }
    struct civil_date day = event_attendance_day(state.ends, actor->today);
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        bool recorded = false, credited = false;
        status =
            store_event_attendance_record(store, actor->person_id, event_id, registration_ids[i],
                                          day, &recorded, &credited, &outcome->err);
        status = action_from_store(outcome, status, ACTION_BAD_INPUT, "attended");
        result->recorded += recorded;
        result->credited += credited;
    }
    return status;
}

static enum ct_status attendance_in(struct store *store, const struct actor *actor,
                                    const struct event_attendance_input *input,
                                    struct event_attendance_result *result,
                                    struct action_outcome *outcome)
{
    return event_attendance_record_in(store, actor, input->event_id, input->registration_ids.ids,
                                      input->registration_ids.count, result, outcome);
}

enum ct_status action_event_attendance(struct store *store, const struct actor *actor,
                                       const struct event_attendance_input *input,
                                       struct event_attendance_result *result,
                                       struct action_outcome *outcome)
{
    result->credited = 0;
    result->recorded = 0;
    enum ct_status status = check_event_id(input->event_id, outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        if (status == CT_OK) {
            status =
                action_end(store, attendance_in(store, actor, input, result, outcome), outcome);
        }
    }
    return status;
}

/* The event's state (not found, withdrawn) as the refusal of an edit or a withdrawal. */
static enum ct_status check_event_on(struct store *store, int64_t event_id,
                                     struct action_outcome *outcome)
{
    bool found = false, withdrawn = false;
    enum ct_status status =
        store_event_withdrawn(store, event_id, &found, &withdrawn, &outcome->err);
    if (status == CT_OK && !found) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "event", "There is no such event.");
    } else if (status == CT_OK && withdrawn) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "event", "The event is withdrawn.");
    }
    return status;
}

static enum ct_status edit_in(struct store *store, const struct actor *actor, int64_t event_id,
                              const struct event_new *event, const struct event_details *details,
                              struct action_outcome *outcome)
{
    enum ct_status status = check_event_on(store, event_id, outcome);
    if (status == CT_OK) {
        status =
            store_event_update(store, actor->person_id, event_id, event, details, &outcome->err);
        status = action_from_store(outcome, status, ACTION_BAD_INPUT,
                                   catalog_event_field(outcome->err.where));
    }
    return status;
}

enum ct_status action_event_edit(struct store *store, const struct actor *actor,
                                 const struct event_edit_input *input,
                                 struct action_outcome *outcome)
{
    enum ct_status status = check_event_id(input->event_id, outcome);
    struct event_new event = {0};
    struct event_details details = {0};
    if (status == CT_OK) {
        status = catalog_event_check(store, &input->fields, &event, &details, outcome);
    }
    if (status == CT_OK) {
        status = coordinator_begin(store, actor, "edits an event", outcome);
    }
    if (status == CT_OK) {
        status = action_end(
            store, edit_in(store, actor, input->event_id, &event, &details, outcome), outcome);
    }
    return status;
}

static enum ct_status withdraw_in(struct store *store, const struct actor *actor, int64_t event_id,
                                  struct action_outcome *outcome)
{
    enum ct_status status = check_event_on(store, event_id, outcome);
    if (status == CT_OK) {
        status = store_event_withdraw(store, actor->person_id, event_id, &outcome->err);
    }
    return status;
}

enum ct_status action_event_withdraw(struct store *store, const struct actor *actor,
                                     const struct event_withdraw_input *input,
                                     struct action_outcome *outcome)
{
    enum ct_status status = check_event_id(input->event_id, outcome);
    if (status == CT_OK) {
        status = coordinator_begin(store, actor, "withdraws an event", outcome);
    }
    if (status == CT_OK) {
        status = action_end(store, withdraw_in(store, actor, input->event_id, outcome), outcome);
    }
    return status;
}
