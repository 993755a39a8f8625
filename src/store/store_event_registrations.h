/*
 * store_event_registrations: people registering for catalog events, cancelling, and the
 * host's record of who attended, each attendance credited once as a verified activity
 * of the event (the one-event-one-credit rule of store_activities.h). The rules of when
 * are core/event_registration.h; the actions (actions/events.h) apply them. Every
 * change here runs inside the caller's transaction and writes its audit entry.
 */
#ifndef CERTTRACK_STORE_EVENT_REGISTRATIONS_H
#define CERTTRACK_STORE_EVENT_REGISTRATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/event_registration.h"
#include "store.h"

/* An event as registration sees it, with one person's registration. */
struct store_event_registration_state {
    bool found;                            /* the event exists */
    struct event_registration_facts facts; /* facts.held: the person's registration */
    struct civil_date ends;
    int64_t host_id;         /* 0: none */
    int64_t registration_id; /* the person's registration not cancelled; 0 when none */
    bool attended;           /* that registration's attendance is recorded */
    bool withdrawn;          /* the event is withdrawn (store_events.h) */
};

/* Reads event_id and person_id's registration for it into *state. */
enum ct_status store_event_registration_state(struct store *store, int64_t event_id,
                                              int64_t person_id,
                                              struct store_event_registration_state *state,
                                              struct ct_err *err) CT_MUST_CHECK;

/* Registers person_id for event_id; *id gets the registration's id. A registration held
 * already is refused (CT_ERR_INPUT, "event"). */
enum ct_status store_event_register(struct store *store, int64_t actor_id, int64_t event_id,
                                    int64_t person_id, int64_t *id,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Cancels registration registration_id (it keeps its row, with cancelled_at). */
enum ct_status store_event_cancel(struct store *store, int64_t actor_id, int64_t registration_id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* A registration on an event's roster. Text in the caller's arena. */
struct store_roster_row {
    int64_t registration_id;
    int64_t person_id;
    const char *name;
    const char *email;
    const char *registered_at; /* UTC timestamp */
    bool attended;
    int64_t activity_id; /* the activity the attendance credited; 0 when none */
};

/* The registrations of event_id not cancelled, by name: *rows (from arena; NULL when
 * none) holds *count. */
enum ct_status store_event_roster(struct store *store, int64_t event_id, struct arena *arena,
                                  struct store_roster_row **rows, size_t *count,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Records that the person of registration registration_id (of event_id, not cancelled:
 * else CT_ERR_INPUT naming "attended") attended, actor_id recording it, and credits it
 * on day: a verified activity of the event (verified by actor_id), unless the person
 * holds an activity of the event already, which the registration then names. An
 * attendance recorded already changes nothing. *recorded: the attendance is newly
 * recorded; *credited: a new activity was made. */
enum ct_status store_event_attendance_record(struct store *store, int64_t actor_id,
                                             int64_t event_id, int64_t registration_id,
                                             struct civil_date day, bool *recorded, bool *credited,
                                             struct ct_err *err) CT_MUST_CHECK;

#endif
