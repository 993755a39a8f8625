/*
 * store_activities: learning activities with their provenance, and the catalog of
 * coordinator-approved events.
 */
#ifndef CERTTRACK_STORE_ACTIVITIES_H
#define CERTTRACK_STORE_ACTIVITIES_H

#include "../core/activity_kind.h"
#include "store.h"

enum activity_provenance {
    PROVENANCE_CLAIM,   /* claimed by the learner */
    PROVENANCE_CATALOG, /* registered for a catalog event */
    PROVENANCE_HARVEST, /* harvested from an LMS */
};

struct activity_new {
    int64_t person_id;
    const char *record_key; /* the id in the learner record; NULL: "a<row id>" */
    enum activity_kind kind;
    const char *title;
    struct civil_date date;
    int64_t credit_halves;
    int64_t semester_halves;
    int64_t quarter_halves;
    int64_t minutes;
    const char *category;       /* NULL for self-directed without one */
    const char *topic;          /* presenting */
    const char *plan_item;      /* self-directed */
    struct civil_date recorded; /* archived-webinar */
    const char *status;         /* "pending" (claims) or "verified" */
    enum activity_provenance provenance;
    int64_t event_id;   /* 0 when none */
    const char *source; /* harvest: the LMS site */
    const char *source_record_id;
    const char *raw_hash;
};

/* Records an activity. Its fields are checked as the evaluate input is: kind-specific
 * quantities present and positive, category known to the person's programs. */
enum ct_status store_activity_add(struct store *store, int64_t actor_id,
                                  const struct activity_new *activity, int64_t *id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Applies an activity workflow action: "verify", "reject" (reason required) or
 * "withdraw" (reason required), on day. */
enum ct_status store_activity_act(struct store *store, int64_t actor_id, int64_t activity_id,
                                  const char *action, const char *reason,
                                  struct ct_err *err) CT_MUST_CHECK;

struct event_new {
    const char *title;
    struct civil_date starts;
    struct civil_date ends;
    const char *sponsor;
    enum activity_kind kind;
    int64_t credit_halves;
    const char *category;
};

/* Adds an event to the catalog. A refusal names the field: "title", "sponsor",
 * "credits" (must be positive), "category" (known to a program) or "ends" (not before
 * the start). */
enum ct_status store_event_create(struct store *store, int64_t actor_id,
                                  const struct event_new *event, int64_t *id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Maps an LMS course (url, an http:// or https:// address) and, optionally, one of its
 * activities by name to a catalog event, so that harvested completions find their
 * event. A url and name may map to one event only; a refusal names "url". */
enum ct_status store_event_link_add(struct store *store, int64_t actor_id, int64_t event_id,
                                    const char *url, const char *activity_name,
                                    struct ct_err *err) CT_MUST_CHECK;

/* An LMS course and, optionally, one of its activities (NULL or "": the whole course). */
struct event_link {
    const char *url;
    const char *activity_name;
};

struct catalog_event_new {
    struct event_new event;
    bool lms_verifies; /* a completion harvested from the LMS is proof enough */
    const struct event_link *links;
    size_t link_count;
};

/* Adds an event with its LMS links in one transaction: all of it or, when anything is
 * refused, nothing. Refuses as store_event_create and store_event_link_add do, and an
 * event the LMS verifies without any LMS link ("lms_verifies"). All pointers borrowed. */
enum ct_status store_catalog_event_add(struct store *store, int64_t actor_id,
                                       const struct catalog_event_new *event, int64_t *id,
                                       struct ct_err *err) CT_MUST_CHECK;

#endif
