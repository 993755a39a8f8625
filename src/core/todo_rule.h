/*
 * todo_rule: when something that waits for a person is worth telling them about.
 *
 * A track's deadline is near from six months before it (the day six months after today
 * is still near), and past on the deadline itself and after it (the engine's rule: a
 * track that is not complete on its deadline is expired). A claim rejected, or an
 * import that refused rows, is news for 30 days. Something has waited the days from the
 * day it began waiting to today. Pure functions of dates: no I/O.
 */
#ifndef CERTTRACK_WAITING_RULE_H
#define CERTTRACK_WAITING_RULE_H

#include <stdint.h>

#include "civil_date.h"
#include "engine.h"

/* How far ahead a deadline is near, in months. */
#define WAITING_RULE_NEAR_MONTHS 6

/* How long a rejection or a refused import stays news, in days. */
#define WAITING_RULE_RECENT_DAYS 30

enum todo_deadline {
    WAITING_DEADLINE_FAR,    /* later than six months from today, or no deadline */
    WAITING_DEADLINE_NEAR,   /* after today, and at most six months from it */
    WAITING_DEADLINE_PASSED, /* today or before */
};

/* The last day on which a deadline is near, seen from today (set): the same day of the
 * month six months later, or the last day of that month when it is shorter (31 August
 * gives the end of February). */
struct civil_date todo_rule_near_until(struct civil_date today);

/* The first day of the recent window that ends today: WAITING_RULE_RECENT_DAYS days
 * before it (that day counts). */
struct civil_date todo_rule_recent_since(struct civil_date today);

/* Where deadline (unset: none) stands seen from today. */
enum todo_deadline todo_rule_deadline(struct civil_date deadline, struct civil_date today);

/* The whole days from since to today; 0 when since is unset or after today. */
int64_t todo_rule_waited_days(struct civil_date since, struct civil_date today);

/* Which of the evaluation's blocking items (borrowed) comes first as the next step: an
 * expired track, a missing prior certificate, the plan (missing, then not signed: no
 * activity counts before it), credits, a category, the final report (missing, then not
 * accepted). The index into evaluation->blocking, or -1 when nothing blocks. */
int todo_rule_next_blocking(const struct evaluation *evaluation);

#endif
