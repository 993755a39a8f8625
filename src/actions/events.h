/*
 * events: a person registers for a catalog event and cancels; the event's host (or the
 * CE coordinator) records who attended, each attendee credited once with a verified
 * activity of the event, verified by the host's word. The rules of when are
 * core/event_registration.h.
 */
#ifndef CERTTRACK_ACTIONS_EVENTS_H
#define CERTTRACK_ACTIONS_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "action.h"

struct event_register_input {
    int64_t event_id; /* field "event" */
};

struct event_register_result {
    int64_t registration_id;
};

/* Registers the acting person (not the system: ACTION_NOT_ALLOWED) for the event. An
 * event that does not exist is ACTION_NOT_FOUND ("event"); registering twice, before
 * the window opens, after it closes (or the event began) or when every seat is taken is
 * ACTION_WRONG_STATE ("event"), the message saying which. */
enum ct_status action_event_register(struct store *store, const struct actor *actor,
                                     const struct event_register_input *input,
                                     struct event_register_result *result,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

struct event_cancel_input {
    int64_t event_id; /* field "event" */
};

/* Cancels the acting person's registration for the event: ACTION_NOT_FOUND ("event")
 * when there is no such event or registration; ACTION_WRONG_STATE ("event") after the
 * event's first day or once attendance is recorded. */
enum ct_status action_event_cancel(struct store *store, const struct actor *actor,
                                   const struct event_cancel_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

struct event_attendance_input {
    int64_t event_id;                   /* field "event" */
    struct action_ids registration_ids; /* field "attended": the registrations ticked */
};

struct event_attendance_result {
    int credited; /* new verified activities */
    int recorded; /* attendances newly recorded (credited, or naming an activity held) */
};

/* Records that the people of the registrations ticked attended, all or none: only the
 * event's host or a CE coordinator (ACTION_NOT_ALLOWED), from the event's first day
 * (ACTION_WRONG_STATE, "event"); each must be a registration of the event not cancelled
 * ("attended"). Each attendee is credited once; an attendance recorded already, or a
 * second run, creates nothing. Attendance once recorded stays. */
enum ct_status action_event_attendance(struct store *store, const struct actor *actor,
                                       const struct event_attendance_input *input,
                                       struct event_attendance_result *result,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

#endif
