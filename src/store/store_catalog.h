/*
 * store_catalog: the catalog of coordinator-approved events, and the LMS courses and
 * activities mapped to them.
 *
 * Mapping a course (store_event_link_add, store_catalog_event_add) applies the xAPI
 * statements that were waiting for it (store_harvest_waiting.h) in the same
 * transaction, so this module sits above the harvest modules, which read the catalog's
 * mappings (store_harvest_mappings.h) but never change them.
 */
#ifndef CERTTRACK_STORE_CATALOG_H
#define CERTTRACK_STORE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/activity_kind.h"
#include "../core/civil_date.h"
#include "store.h"

struct event_new {
    const char *title;
    struct civil_date starts;
    struct civil_date ends;
    const char *sponsor;
    enum activity_kind kind;
    int64_t credit_halves;
    const char *category;
};

/* Where an event happens, who may register for it and when, and who hosts it: all
 * optional. */
struct event_details {
    const char *place;      /* where it happens; NULL when none */
    const char *online_url; /* where it is held online (http:// or https://); NULL when none */
    int64_t capacity;       /* how many may register; 0: no limit */
    struct civil_date registration_opens;  /* unset: from the day it is added */
    struct civil_date registration_closes; /* unset: until its first day */
    int64_t host_id;                       /* the person who hosts it; 0: none */
};

/* Adds an event to the catalog. A refusal names the field: "title", "sponsor",
 * "credits" (must be positive), "category" (known to a program) or "ends" (not before
 * the start). */
enum ct_status store_event_create(struct store *store, int64_t actor_id,
                                  const struct event_new *event, int64_t *id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Why event with details cannot be, as store_catalog_event_add refuses it (its fields,
 * its window, its host; not its LMS links); CT_OK when it can. Reads the host's row. */
enum ct_status store_catalog_event_check(struct store *store, const struct event_new *event,
                                         const struct event_details *details,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Maps an LMS course (url, an http:// or https:// address) and, optionally, one of its
 * activities by name to a catalog event, so that harvested completions find their
 * event. A url and name may map to one event only; a refusal names "url". */
enum ct_status store_event_link_add(struct store *store, int64_t actor_id, int64_t event_id,
                                    const char *url, const char *activity_name,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Checks that url is a web address (http:// or https://, a host, at most 2000 bytes)
 * that may be mapped to the event event_id, and reads that event as it is into *before
 * (JSON for the audit entry of the mapping; the caller's, free()); CT_ERR_INPUT naming
 * "url" or "event" otherwise. */
enum ct_status store_event_link_before(struct store *store, int64_t event_id, const char *url,
                                       char **before, struct ct_err *err) CT_MUST_CHECK;

/* An LMS course and, optionally, one of its activities (NULL or "": the whole course). */
struct event_link {
    const char *url;
    const char *activity_name;
};

struct catalog_event_new {
    struct event_new event;
    bool lms_verifies; /* a completion harvested from the LMS is proof enough */
    struct event_details details;
    const struct event_link *links;
    size_t link_count;
};

/* Adds an event with its LMS links in one transaction: all of it or, when anything is
 * refused, nothing. Refuses as store_event_create and store_event_link_add do, an
 * event the LMS verifies without any LMS link ("lms_verifies"), and details that cannot
 * be: "online_url" (not a web address), "capacity" (negative), "opens" or "closes" (a
 * window ending before it opens, or after the event's first day), "host" (no active
 * person). All pointers borrowed. */
enum ct_status store_catalog_event_add(struct store *store, int64_t actor_id,
                                       const struct catalog_event_new *event, int64_t *id,
                                       struct ct_err *err) CT_MUST_CHECK;

#endif
