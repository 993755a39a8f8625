/*
 * store_events: the public calendar of upcoming catalog events, and the CE coordinator's
 * changes to an event once it is in the catalog: editing its fields and details, and
 * withdrawing it (migration 17: withdrawn_at). A withdrawn event keeps its row, its
 * registrations and the attendance recorded; it takes no more registrations
 * (store_event_registrations.h reads withdrawn) and leaves the calendar. Every change
 * runs inside the caller's transaction and writes its audit entry.
 */
#ifndef CERTTRACK_STORE_EVENTS_H
#define CERTTRACK_STORE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/civil_date.h"
#include "store.h"
#include "store_catalog.h"

/* The most events the calendar lists. */
#define STORE_CALENDAR_MAX 500

/* An event on the calendar. Text in the caller's arena ("" for none). */
struct store_calendar_event {
    int64_t id;
    const char *title;
    const char *kind;     /* activity_kind_name */
    const char *category; /* the category's id */
    int64_t credit_halves;
    const char *sponsor;
    struct civil_date starts;
    struct civil_date ends;
    const char *place;
    const char *online_url;
    struct civil_date registration_opens;  /* unset: open from the day it was added */
    struct civil_date registration_closes; /* unset: until its first day */
    bool withdrawn;
};

/* The upcoming events on today (those that have not ended: their last day is today or
 * later), by first day then id, at most
 * STORE_CALENDAR_MAX: withdrawn ones too when with_withdrawn (the feed, which shows them
 * cancelled), else only those not withdrawn (the page). *rows (from arena; NULL when
 * none) holds *count. */
enum ct_status store_events_upcoming(struct store *store, struct civil_date today,
                                     bool with_withdrawn, struct arena *arena,
                                     struct store_calendar_event **rows, size_t *count,
                                     struct ct_err *err) CT_MUST_CHECK;

/* Whether event id exists (*found) and is withdrawn (*withdrawn). */
enum ct_status store_event_withdrawn(struct store *store, int64_t id, bool *found, bool *withdrawn,
                                     struct ct_err *err) CT_MUST_CHECK;

/* Replaces the fields and details of event id (not its LMS links, its lms_verifies nor
 * its approver) with event and details, checked as store_catalog_event_check does
 * (CT_ERR_INPUT naming the field), audited "edit" by actor_id. An event that does not
 * exist or is withdrawn is CT_ERR_INPUT ("event"). Activities credited
 * already keep their own date and credits. */
enum ct_status store_event_update(struct store *store, int64_t actor_id, int64_t id,
                                  const struct event_new *event,
                                  const struct event_details *details,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Withdraws event id (withdrawn_at now), audited "withdraw" by actor_id. Its
 * registrations and attendance stay. CT_ERR_INPUT ("event") when there is no such event
 * or it is withdrawn already. */
enum ct_status store_event_withdraw(struct store *store, int64_t actor_id, int64_t id,
                                    struct ct_err *err) CT_MUST_CHECK;

#endif
