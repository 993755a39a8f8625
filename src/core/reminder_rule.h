/*
 * reminder_rule: which reminders the daily job (`certtrack remind`, actions/remind.h)
 * owes people on a day, decided from the engine's own evaluation and projection and
 * from a library's director, each with a stable subject key. A reminder is queued at
 * most once per person, kind and subject key (the store's reminders_sent), so a key
 * names exactly what one reminder is about: the same key on the next day is the same
 * reminder, not a new one. No I/O.
 *
 * What is owed (docs/operations.md, "Reminders"):
 *   - counted credits that expire within 90 and within 30 days: on the first day the
 *     projection's next expiry is at most 90 (30) days away, once per threshold and
 *     expiring batch (the day they expire);
 *   - a track's deadline 12, 6, 3 and 1 months before it: on the first day on or after
 *     the deadline less that many months, once per threshold and track, with what
 *     still blocks the track (the engine's unmet requirements);
 *   - a library director's certification deadline (their library's state aid depends on
 *     it): the same thresholds, and once when the deadline has come;
 *   - a newly hired director: the State Library's letter, while the hire day is at most
 *     REMINDER_NEW_DIRECTOR_DAYS old;
 *   - claims that have waited for verification more than 30 days (to the verifier) and
 *     more than 60 days (to the CE coordinators as well).
 * When a run finds several thresholds of one subject reached at once (the job did not
 * run for a while, or the subject is new), only the nearest one is owed: a message
 * saying "in 1 month" makes the ones saying "in 3 months" moot.
 */
#ifndef CERTTRACK_REMINDER_RULE_H
#define CERTTRACK_REMINDER_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "civil_date.h"
#include "engine.h"
#include "program.h"

/* The kinds of reminder: the outbox's kind and the opt-out's (notice_opt_outs.kind). */
#define REMINDER_KIND_EXPIRY            "reminder-expiry"
#define REMINDER_KIND_DEADLINE          "reminder-deadline"
#define REMINDER_KIND_DIRECTOR_DEADLINE "reminder-director-deadline"
#define REMINDER_KIND_CLAIMS_WAITING    "reminder-claims-waiting"
/* The letter to a newly hired director and their board: mail a workflow needs, which
 * cannot be turned off. */
#define REMINDER_KIND_NEW_DIRECTOR "letter-new-director"

/* The program a newly hired director certifies under; its window is theirs. */
#define REMINDER_DIRECTOR_PROGRAM "msl-director-initial"

/* The thresholds. */
#define REMINDER_EXPIRY_FIRST_DAYS      90
#define REMINDER_EXPIRY_LAST_DAYS       30
#define REMINDER_CLAIM_VERIFIER_DAYS    30
#define REMINDER_CLAIM_COORDINATOR_DAYS 60
#define REMINDER_NEW_DIRECTOR_DAYS      90

/* Room for a subject key ("track:123:deadline:2027-06-30:12m"). */
#define REMINDER_KEY_SIZE 96

/* The expiry threshold (in days) reached on as_of by credits that expire on
 * next_expiry: REMINDER_EXPIRY_LAST_DAYS when they expire at most that many days after
 * as_of, else REMINDER_EXPIRY_FIRST_DAYS when at most that many, else 0 (none; also
 * when next_expiry is unset or not after as_of). */
int reminder_expiry_threshold(struct civil_date as_of, struct civil_date next_expiry);

/* The month threshold (12, 6, 3 or 1) reached on as_of before deadline: the smallest
 * whose day (reminder_months_before) is on or before as_of; 0 when none is, or when
 * deadline is not after as_of (unset too). */
int reminder_deadline_threshold(struct civil_date as_of, struct civil_date deadline);

/* day less months calendar months; a day past the end of the month it lands in is that
 * month's last day (31 May less 3 months is 28 or 29 February). */
struct civil_date reminder_months_before(struct civil_date day, int months);

/* The last day on which a claim may have been made to have waited more than days on
 * as_of: as_of less days + 1. */
struct civil_date reminder_claims_cutoff(struct civil_date as_of, int days);

/* Whether a claim made on claimed has waited more than days on as_of. */
bool reminder_claim_waited(struct civil_date claimed, struct civil_date as_of, int days);

/* The subject key of the claim (an activity's id) waiting more than days:
 * "claim:ID:DAYS". The store's bulk read of waiting claims spells the same key in SQL
 * ('claim:' || id || ':' || days): the two must stay alike. */
void reminder_claim_key(int64_t activity_id, int days, char out[REMINDER_KEY_SIZE]);

/* ---- tracks ---- */

#define REMINDER_TRACK_MAX 2

struct track_reminder {
    const char *kind;            /* REMINDER_KIND_EXPIRY or REMINDER_KIND_DEADLINE */
    int threshold;               /* days before the expiry, or months before the deadline */
    struct civil_date day;       /* the day the credits expire, or the deadline */
    int64_t expiring_halves;     /* expiry: counted credit that stops counting on day */
    int64_t counted_halves;      /* expiry: counted credit now */
    int64_t falls_to_halves;     /* expiry: what counted credit falls to on day */
    char key[REMINDER_KEY_SIZE]; /* "track:ID:expiry:DAY:90d", "track:ID:deadline:DAY:12m" */
};

/* The reminders the learner of track track_id, in workflow state state (borrowed:
 * "active", "submitted" or "returned"), evaluated in evaluation (borrowed) on its
 * as_of, is owed: an expiry reminder while the track has not expired and its projection
 * says counted credit falls soon; a deadline reminder while the track is not with the
 * coordinator (not submitted). At most REMINDER_TRACK_MAX, into out; returns how many. */
size_t reminder_rule_track(int64_t track_id, const char *state, const struct evaluation *evaluation,
                           struct track_reminder out[REMINDER_TRACK_MAX]);

/* ---- directors ---- */

/* What the rule reads of a library's director. */
struct director_facts {
    int64_t library_id;
    int64_t director_id;
    struct civil_date hire_day;        /* unset when not recorded */
    struct civil_date certified_until; /* set while a director's certificate is in force:
                                          the first day it is no longer valid */
    int window_years;                  /* the director program's */
};

#define REMINDER_DIRECTOR_MAX 2

struct director_reminder {
    const char *kind;            /* REMINDER_KIND_DIRECTOR_DEADLINE or REMINDER_KIND_NEW_DIRECTOR */
    int threshold;               /* deadline: months before it, 0 once it has come */
    struct civil_date deadline;  /* the day the director must be certified by */
    bool certified;              /* the deadline is the end of the certificate in force */
    char key[REMINDER_KEY_SIZE]; /* the same for each recipient */
};

/* A director's certification deadline: the end of the certificate in force, else the
 * hire day plus the window (the first day they are late), else unset. */
struct civil_date reminder_director_deadline(const struct director_facts *facts);

/* The reminders about facts' director owed on as_of: their deadline at each threshold
 * and once when it has come (unknown without a hire day or a certificate); and the new
 * director's letter, to a director not certified whose hire day is on or before as_of
 * and at most REMINDER_NEW_DIRECTOR_DAYS before it. Into out; returns how many. */
size_t reminder_rule_director(const struct director_facts *facts, struct civil_date as_of,
                              struct director_reminder out[REMINDER_DIRECTOR_MAX]);

/* "in 12 months", "in 1 month", or "has come" (months 0), into out (size bytes). */
void reminder_months_words(int months, char *out, size_t size);

#endif
