/*
 * remind: the daily reminders job. It decides, with the rules of core/reminder_rule.h,
 * who must be told what on a day, and queues it in the outbox:
 *
 *   - from every open track, read in one pass and evaluated by the engine
 *     (store_compliance.h, as the compliance report reads them): counted credits that
 *     expire soon, and the track's deadline with what still blocks it, to the learner;
 *   - from every open library's director (store_reminders.h): their certification
 *     deadline, to the director, the board chair and, listed, each CE coordinator; the
 *     new director's letter (its PDF at /people/ID/new-director-letter.pdf), to the
 *     director and the board chair;
 *   - claims waiting for verification more than 30 days, to the verifier, and more than
 *     60 days, to each CE coordinator.
 *
 * A person gets one message per kind (and, for a director's deadline, per part they
 * play: the director, the chair, a coordinator), listing every reminder of that kind
 * they are owed; a new director's letter is one message each. A reminder goes once: each
 * is recorded in reminders_sent in the transaction that queues its message, so a second
 * run on the day (or later) queues nothing twice. Reminders carry their one-click
 * unsubscribe and are not queued for a person who turned their kind off
 * (mail_compose.h); the letter cannot be turned off. The run is noted in job_runs.
 */
#ifndef CERTTRACK_ACTIONS_REMIND_H
#define CERTTRACK_ACTIONS_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"
#include "../store/store.h"
#include "remind_message.h"

/* The job's name in job_runs. */
#define REMIND_JOB "remind"

/* Runs the reminders for as_of at now (Unix seconds), reporting each message to report
 * (may be NULL) with context, and counting them in *summary. dry_run: decides and
 * renders everything, queues and records nothing (job_runs neither). Fails on a store or
 * template failure; what was queued before it stays queued (each message is its own
 * transaction), and the next run goes on from there. */
enum ct_status remind_run(struct store *store, struct civil_date as_of, int64_t now, bool dry_run,
                          remind_report report, void *context, struct remind_summary *summary,
                          struct ct_err *err) CT_MUST_CHECK;

#endif
