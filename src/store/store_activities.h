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

/* A correction of a verified activity by the CE coordinator: its new kind, date, credits
 * and category, and why. Every pointer is borrowed. */
struct activity_correction {
    int64_t activity_id;
    enum activity_kind kind; /* a kind measured in credits */
    struct civil_date date;
    int64_t credit_halves;
    const char *category; /* a category some program knows */
    const char *reason;   /* required */
};

/* Corrects the activity as correction says, in one transaction: the corrected activity
 * passes the checks a new one does (category known, credits a positive multiple of 0.5
 * within the limits) and holds no credit the person holds already (one event, one
 * credit: an independent activity may not become a second of the same kind, title and
 * date). Keeps a row of activity_corrections with the values before and after
 * (*correction_id its id), sets the activity's corrected_at, corrected_by and
 * correction_reason, and audits "correct" with the row before. Refused (CT_ERR_INPUT,
 * err->where naming it): "reason" empty; "activity" no such activity; "status" not
 * verified, replaced by a corrected claim or merged into another, or of a kind measured
 * in semester or quarter credits or hours; "kind" a kind not measured in credits; else
 * the field the check names ("date", "category", "credits", "recorded", "title").
 * actor_id 0 (the system) is kept as no one. */
enum ct_status store_activity_correct(struct store *store, int64_t actor_id,
                                      const struct activity_correction *correction,
                                      int64_t *correction_id, struct ct_err *err) CT_MUST_CHECK;

/* One correction, as kept: when, by whom (their name; "the system"), why, and the
 * values before and after. */
struct activity_correction_row {
    int64_t id;
    char corrected_at[24]; /* YYYY-MM-DDTHH:MM:SSZ */
    char corrected_by[256];
    char reason[1024];
    char old_kind[32], old_date[16], old_category[64];
    int64_t old_credit_halves;
    char new_kind[32], new_date[16], new_category[64];
    int64_t new_credit_halves;
};

/* The corrections of activity_id, oldest first, into rows (struct activity_correction_row
 * items; the caller releases them with store_rows_release). */
enum ct_status store_activity_corrections(struct store *store, int64_t activity_id,
                                          struct store_rows *rows,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
