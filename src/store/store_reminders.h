/*
 * store_reminders: what the daily reminders job (actions/remind.h) reads and keeps
 * (migration 13): the reminders already queued (reminders_sent, one row per person,
 * kind and subject key, never two), the job's runs (job_runs), and the bulk reads it
 * decides from besides the open tracks (store_compliance.h): every open library's
 * director with their hire day and certificate, the CE coordinators, and the claims
 * that have waited for verification. Each read is one statement over all of its rows,
 * never one per person.
 */
#ifndef CERTTRACK_STORE_REMINDERS_H
#define CERTTRACK_STORE_REMINDERS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "store.h"

/* ---- the reminders queued ---- */

/* The log's two statements, prepared once for a run. */
struct reminder_log;

/* Prepares the log on store into a new *out the caller closes with reminder_log_close. */
enum ct_status reminder_log_open(struct store *store, struct reminder_log **out,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Finalizes the log's statements and frees it; NULL is a no-op. */
void reminder_log_close(struct reminder_log *log);

/* *sent is true when the reminder of kind about key (both borrowed) was queued for
 * person_id already. */
enum ct_status reminder_log_was_sent(struct reminder_log *log, int64_t person_id, const char *kind,
                                     const char *key, bool *sent, struct ct_err *err) CT_MUST_CHECK;

/* Records the reminder of kind about key as queued for person_id on day, at now, in the
 * message outbox_id: *recorded is false (and nothing is written) when it was recorded
 * already, by a run that went first. Call inside the transaction that queues the
 * message. */
enum ct_status reminder_log_record(struct reminder_log *log, int64_t person_id, const char *kind,
                                   const char *key, struct civil_date day, int64_t now,
                                   int64_t outbox_id, bool *recorded,
                                   struct ct_err *err) CT_MUST_CHECK;

/* ---- libraries' directors ---- */

struct reminder_director_row {
    int64_t library_id;
    char library[256];
    int64_t director_id;
    char director[128];
    int64_t chair_id; /* 0: the library names no (active) board chair */
    char chair[128];
    /* The day the director's library-administrator role began, else the earliest day a
     * role of theirs began; unset when none is recorded. */
    struct civil_date hire_day;
    /* While a director's certificate (core/reminder_rule.h) is in force on the day read
     * for: the latest first day one of them is no longer valid; else unset. */
    struct civil_date certified_until;
};

/* Every open library whose director is an active person (person_id 0), or only the one
 * person_id directs, with its director's standing on day for director_program
 * (borrowed), appended to rows (started as {.size = sizeof (struct
 * reminder_director_row)}; the caller releases it), by library id. */
enum ct_status store_reminder_directors(struct store *store, int64_t person_id,
                                        struct civil_date day, const char *director_program,
                                        struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* The first day a new director's letter about director_id was queued (to anyone) into
 * *day; unset when none was. */
enum ct_status store_reminder_letter_day(struct store *store, int64_t director_id,
                                         struct civil_date *day, struct ct_err *err) CT_MUST_CHECK;

/* The ids (int64_t) of the active CE coordinators, by id, appended to rows (started as
 * {.size = sizeof (int64_t)}). */
enum ct_status store_reminder_coordinators(struct store *store, struct store_rows *rows,
                                           struct ct_err *err) CT_MUST_CHECK;

/* ---- claims waiting for verification ---- */

struct reminder_claim_row {
    int64_t activity_id;
    int64_t learner_id;
    const char *learner; /* borrowed for the visit */
    const char *title;   /* borrowed for the visit; may be empty */
    struct civil_date date;
    struct civil_date claimed; /* the day it was recorded */
    int64_t recipient_id;      /* whom it is to be told to */
};

typedef enum ct_status (*reminder_claim_visit)(void *context, const struct reminder_claim_row *row,
                                               struct ct_err *err);

/* Calls visit for every pending claim (of an active learner, not superseded) recorded on
 * or before cutoff whose learner's verifier is an active person, who has not been told
 * of it yet (no reminder of kind with the claim's key, reminder_claim_key(id, days));
 * recipient_id is the verifier. By verifier, then the day claimed, then id. The visit
 * must not write to the store. */
enum ct_status store_reminder_claims_for_verifiers(struct store *store, struct civil_date cutoff,
                                                   const char *kind, int days,
                                                   reminder_claim_visit visit, void *context,
                                                   struct ct_err *err) CT_MUST_CHECK;

/* The same for one recipient (a CE coordinator): every such claim, whoever verifies it,
 * that recipient_id has not been told of; by the day claimed, then id. */
enum ct_status store_reminder_claims_for(struct store *store, int64_t recipient_id,
                                         struct civil_date cutoff, const char *kind, int days,
                                         reminder_claim_visit visit, void *context,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
