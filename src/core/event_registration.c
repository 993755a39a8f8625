#include "event_registration.h"

#include "banned.h"

enum event_registration_verdict
event_registration_decide(const struct event_registration_facts *facts, struct civil_date today)
{
    if (facts->held) {
        return EVENT_REGISTRATION_HELD;
    }
    if (civil_date_is_set(facts->opens) && civil_date_compare(today, facts->opens) < 0) {
        return EVENT_REGISTRATION_NOT_YET;
    }
    struct civil_date closes = civil_date_is_set(facts->closes) ? facts->closes : facts->starts;
    if (civil_date_compare(today, closes) > 0 || civil_date_compare(today, facts->starts) > 0) {
        return EVENT_REGISTRATION_CLOSED;
    }
    if (facts->capacity > 0 && facts->registered >= facts->capacity) {
        return EVENT_REGISTRATION_FULL;
    }
    return EVENT_REGISTRATION_OPEN;
}

const char *event_registration_verdict_text(enum event_registration_verdict verdict)
{
    switch (verdict) {
    case EVENT_REGISTRATION_HELD:
        return "You are registered for this event already.";
    case EVENT_REGISTRATION_NOT_YET:
        return "Registration for this event has not opened yet.";
    case EVENT_REGISTRATION_CLOSED:
        return "Registration for this event has closed.";
    case EVENT_REGISTRATION_FULL:
        return "This event is full: every seat is taken.";
    case EVENT_REGISTRATION_OPEN:
        break;
    }
    return "";
}

bool event_registration_cancellable(struct civil_date starts, struct civil_date today)
{
    return civil_date_compare(today, starts) <= 0;
}

bool event_attendance_recordable(struct civil_date starts, struct civil_date today)
{
    return civil_date_compare(today, starts) >= 0;
}

struct civil_date event_attendance_day(struct civil_date ends, struct civil_date today)
{
    return civil_date_compare(ends, today) > 0 ? today : ends;
}
