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
#include "catalog.h"

struct event_register_input {
    int64_t event_id; /* field "event" */
};

struct event_register_result {
    int64_t registration_id;
};

/* Registers the acting person (not the system: ACTION_NOT_ALLOWED) for the event. An
 * event that does not exist is ACTION_NOT_FOUND ("event"); registering twice, before
 * the window opens, after it closes (or the event began), when every seat is taken or
 * when the event is withdrawn is ACTION_WRONG_STATE ("event"), the message saying which. */
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
 * (ACTION_WRONG_STATE, "event"), never for a withdrawn event (ACTION_WRONG_STATE,
 * "event"); each must be a registration of the event not cancelled
 * ("attended"). Each attendee is credited once; an attendance recorded already, or a
 * second run, creates nothing. Attendance once recorded stays. */
enum ct_status action_event_attendance(struct store *store, const struct actor *actor,
                                       const struct event_attendance_input *input,
                                       struct event_attendance_result *result,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

/* The rules and records of action_event_attendance inside an action's transaction begun
 * already (the roster upload's, actions/event_roster_upload.h): refuses as it does, then
 * records the count registrations of registration_ids (borrowed), adding to *result.
 * With count 0, only checks that the actor may record attendance for the event now. */
enum ct_status event_attendance_record_in(struct store *store, const struct actor *actor,
                                          int64_t event_id, const int64_t *registration_ids,
                                          size_t count, struct event_attendance_result *result,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

struct event_edit_input {
    int64_t event_id; /* field "event" */
    /* The event's fields and details as typed, checked as action_catalog_event_add
     * checks them (fields "title", "kind", "starts", "ends", "sponsor", "credits",
     * "category", "place", "online_url", "capacity", "opens", "closes", "host"); its LMS
     * links (urls, activity_names, links, lms_verifies) are not changed here. Borrowed. */
    struct catalog_event_input fields;
};

/* Replaces the fields and details of an event in the catalog, all or nothing: only the
 * CE coordinator (ACTION_NOT_ALLOWED). Every field at fault is named at once
 * (ACTION_BAD_INPUT); an event that does not exist is ACTION_NOT_FOUND ("event"), a
 * withdrawn one ACTION_WRONG_STATE ("event"). Registrations, attendance and the
 * activities credited already stay as they are. */
enum ct_status action_event_edit(struct store *store, const struct actor *actor,
                                 const struct event_edit_input *input,
                                 struct action_outcome *outcome) CT_MUST_CHECK;

struct event_withdraw_input {
    int64_t event_id; /* field "event" */
};

/* Withdraws (cancels) an event: only the CE coordinator (ACTION_NOT_ALLOWED); an event
 * that does not exist is ACTION_NOT_FOUND ("event"), one withdrawn already
 * ACTION_WRONG_STATE ("event"). The event keeps its row, registrations and the
 * attendance recorded (and the activities it credited); it takes no more registrations
 * nor attendance and leaves the public calendar's list. */
enum ct_status action_event_withdraw(struct store *store, const struct actor *actor,
                                     const struct event_withdraw_input *input,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

#endif
