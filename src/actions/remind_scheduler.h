/*
 * remind_scheduler: the server's own scheduler of the daily reminders (remind.h), for a
 * State Library that sets `reminder-time` (HH:MM, the process's time zone) instead of
 * running `certtrack remind` from the systemd timer.
 *
 * A thread with its own database connection that, every interval, reads the setting;
 * once the clock has read that time today and today's run is not finished (job_runs),
 * it takes the lease of the job "remind" (store_jobs.h), so that with several servers
 * one runs it, runs the reminders for today and gives the lease up. A run that stopped
 * (the server was killed) is run again on the next round: reminders already queued are
 * not queued twice. A failed run is tried again after REMIND_SCHEDULER_RETRY seconds.
 * With the setting empty (the default) it runs no reminders. Every round, whatever the
 * setting, it first moves the track summaries that are as of a day before today to today
 * (store_track_summary.h): the daily refresh for the passing of time.
 */
#ifndef CERTTRACK_ACTIONS_REMIND_SCHEDULER_H
#define CERTTRACK_ACTIONS_REMIND_SCHEDULER_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/program.h"
#include "../io/periodic.h"
#include "../mail/mail_templates.h"
#include "../store/store_jobs.h"

/* The default interval in seconds; CERTTRACK_REMIND_INTERVAL=SECONDS overrides it. */
#define REMIND_SCHEDULER_INTERVAL 60

/* How long after a failed run the next is tried. */
#define REMIND_SCHEDULER_RETRY 900

struct remind_scheduler {
    const char *db_path;                    /* borrowed, for the life of the scheduler */
    const struct program_set *programs;     /* borrowed */
    const struct mail_templates *templates; /* borrowed; NULL: the built-in ones */
    struct periodic periodic;               /* the thread */
    char holder[JOB_HOLDER_SIZE];           /* this server, as the lease names it */
    int64_t failed_at;                      /* when the last run failed, 0: it did not */
    char said[160];                         /* the last setting complaint logged */
};

/* Starts scheduler's thread for the database at db_path (borrowed until
 * remind_scheduler_stop, as are programs and templates), every interval seconds (0:
 * REMIND_SCHEDULER_INTERVAL or CERTTRACK_REMIND_INTERVAL). */
enum ct_status remind_scheduler_start(struct remind_scheduler *scheduler, const char *db_path,
                                      const struct program_set *programs,
                                      const struct mail_templates *templates, unsigned interval,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Stops the thread (after the run under way, if any) and waits for it. */
void remind_scheduler_stop(struct remind_scheduler *scheduler);

#endif
