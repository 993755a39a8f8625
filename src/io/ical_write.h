/*
 * ical_write: an iCalendar (RFC 5545) feed of events, written with libical. Formatting
 * only: the events come from the caller, who read them from the store.
 */
#ifndef CERTTRACK_IO_ICAL_WRITE_H
#define CERTTRACK_IO_ICAL_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"

/* One event of the feed, all-day from first to last (both included). Text borrowed. */
struct ical_event {
    const char *uid;         /* stable per event, e.g. "event-12@host"; required */
    const char *summary;     /* the title; required */
    const char *description; /* NULL or "": none */
    const char *location;    /* NULL or "": none */
    const char *url;         /* NULL or "": none */
    struct civil_date first; /* the first day */
    struct civil_date last;  /* the last day (not before first) */
    int cancelled;           /* nonzero: STATUS:CANCELLED, else STATUS:CONFIRMED */
};

/* The product identifier every feed names (PRODID). */
#define ICAL_WRITE_PRODID "-//certtrack//event calendar//EN"

/* Writes a VCALENDAR (PRODID, VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH, and
 * X-WR-CALNAME name) with one VEVENT per event of events (count of them), each with UID,
 * DTSTAMP (stamp, seconds since 1970 UTC), DTSTART and DTEND as VALUE=DATE (DTEND the
 * day after the last day, as RFC 5545 has it: the end is not included), SUMMARY, STATUS,
 * and LOCATION, URL and DESCRIPTION when given. *text gets the feed, CRLF line ends,
 * long lines folded (the caller's, free()). CT_ERR_INPUT (naming "event") for an event
 * without uid or summary or whose last day is before its first; CT_ERR_NOMEM. */
enum ct_status ical_write_feed(const char *name, const struct ical_event *events, size_t count,
                               int64_t stamp, char **text, struct ct_err *err) CT_MUST_CHECK;

/* The DTEND date of an all-day event whose last day is last: the day after. */
struct civil_date ical_write_end_date(struct civil_date last);

#endif
