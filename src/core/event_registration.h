/*
 * event_registration: when a person may register for a catalog event, and when its
 * attendance may be recorded. Rules only: the facts come from the store.
 */
#ifndef CERTTRACK_CORE_EVENT_REGISTRATION_H
#define CERTTRACK_CORE_EVENT_REGISTRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"

/* What the rules need to know of an event and of one person's registration. */
struct event_registration_facts {
    struct civil_date starts; /* the event's first day */
    struct civil_date opens;  /* registration opens on this day; unset: it is open already */
    struct civil_date closes; /* registration closes after this day; unset: the first day */
    int64_t capacity;         /* how many may register; 0: no limit */
    int64_t registered;       /* registrations not cancelled, the person's own included */
    bool held;                /* the person holds a registration not cancelled */
};

enum event_registration_verdict {
    EVENT_REGISTRATION_OPEN,    /* the person may register */
    EVENT_REGISTRATION_HELD,    /* registered already */
    EVENT_REGISTRATION_NOT_YET, /* the window has not opened */
    EVENT_REGISTRATION_CLOSED,  /* the window has closed (or the event has begun) */
    EVENT_REGISTRATION_FULL,    /* every seat is taken */
};

/* Whether the person may register on today: once only, inside the window (from opens
 * to closes, both included, and never after the first day), while a seat is free. */
enum event_registration_verdict
event_registration_decide(const struct event_registration_facts *facts, struct civil_date today);

/* The verdict in words for the person registering ("" for EVENT_REGISTRATION_OPEN);
 * static text. */
const char *event_registration_verdict_text(enum event_registration_verdict verdict);

/* Whether a registration may still be cancelled on today: until the event's first day,
 * that day included. */
bool event_registration_cancellable(struct civil_date starts, struct civil_date today);

/* Whether attendance may be recorded on today: from the event's first day. */
bool event_attendance_recordable(struct civil_date starts, struct civil_date today);

/* The day an attendance is credited on: the event's last day, or today when the event
 * has not ended yet. */
struct civil_date event_attendance_day(struct civil_date ends, struct civil_date today);

#endif
