/*
 * store_activities: learning activities with their provenance. The catalog of
 * coordinator-approved events they may come from is store_catalog.h.
 */
#ifndef CERTTRACK_STORE_ACTIVITIES_H
#define CERTTRACK_STORE_ACTIVITIES_H

#include "../core/activity_kind.h"
#include "store.h"

enum activity_provenance {
    PROVENANCE_CLAIM,    /* claimed by the learner */
    PROVENANCE_CATALOG,  /* registered for a catalog event */
    PROVENANCE_HARVEST,  /* harvested from an LMS */
    PROVENANCE_IMPORTED, /* brought in from the State Library's earlier records */
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
    const char *sponsor; /* who offered it, when not a catalog event's; NULL when unknown */
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

#endif
