#include "remind_scheduler.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../core/notice_rule.h"
#include "../io/clock.h"
#include "../store/store_open.h"
#include "../store/store_settings.h"
#include "../store/store_track_summary.h"
#include "remind.h"
#include "../core/banned.h"

/* How long the lease of a run lasts: longer than a run over a state's people takes. */
#define REMIND_SCHEDULER_LEASE_SECONDS 3600

/* Logs a complaint about the setting once, until it changes. */
static void say_once(struct remind_scheduler *scheduler, const char *complaint)
{
    if (strcmp(scheduler->said, complaint) != 0) {
        fprintf(stderr, "certtrack: remind: %s\n", complaint);
        snprintf(scheduler->said, sizeof scheduler->said, "%s", complaint);
    }
}

/* True when the day's run is owed at now: reminder-time is set and the clock has read it
 * today, and *day is today. */
static bool run_is_owed(struct remind_scheduler *scheduler, struct store *store, int64_t now,
                        struct civil_date *day)
{
    char setting[STORE_SETTING_SIZE];
    int minutes = 0;
    struct ct_err err = {0};
    if (store_setting_get(store, "reminder-time", setting, &err) != CT_OK) {
        say_once(scheduler, err.message);
        return false;
    }
    if (setting[0] == '\0') {
        return false;
    }
    if (!notice_rule_time_of_day(setting, &minutes)) {
        say_once(scheduler, "the setting reminder-time is not HH:MM; no reminders are run");
        return false;
    }
    if (clock_today(day, &err) != CT_OK) {
        say_once(scheduler, err.message);
        return false;
    }
    scheduler->said[0] = '\0';
    return clock_local_time_reached(now, minutes);
}

/* True when day's run has finished (by this server or another). */
static bool run_finished(struct store *store, struct civil_date day)
{
    struct job_run run;
    struct ct_err err = {0};
    if (store_job_run_get(store, REMIND_JOB, day, &run, &err) != CT_OK) {
        fprintf(stderr, "certtrack: remind: cannot read the job's runs: %s\n", err.message);
        return true;
    }
    return run.found && run.finished;
}

/* Runs the reminders for day, under the lease already held. */
static void run_day(struct remind_scheduler *scheduler, struct store *store, struct civil_date day,
                    int64_t now)
{
    struct remind_summary summary;
    struct ct_err err = {0};
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(day, text);
    if (remind_run(store, day, now, false, NULL, NULL, &summary, &err) != CT_OK) {
        scheduler->failed_at = now;
        fprintf(stderr, "certtrack: remind: %s: %s (tried again in %d minutes)\n", text,
                err.message, REMIND_SCHEDULER_RETRY / 60);
        return;
    }
    scheduler->failed_at = 0;
    fprintf(stderr,
            "certtrack: remind: %s: %" PRId64 " messages queued (%" PRId64 " reminders), %" PRId64
            " skipped\n",
            text, summary.messages, summary.reminders, summary.skipped);
}

/* The track summaries moved to today for the passing of time (store_track_summary.h):
 * the first round of a day moves them all; the rounds after find none before today. With
 * several servers each may take part of it: a summary as of today is not done twice. */
static void refresh_summaries(struct store *store)
{
    struct civil_date today;
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        return; /* run_is_owed says why */
    }
    size_t refreshed = 0;
    if (store_track_summary_refresh_before(store, today, false, &refreshed, &err) != CT_OK) {
        fprintf(stderr, "certtrack: summaries: cannot refresh: %s\n", err.message);
    } else if (refreshed > 0) {
        fprintf(stderr, "certtrack: summaries: %zu track summaries refreshed\n", refreshed);
    }
}

/* One round: the day's run when it is owed, not finished, not put off after a failure,
 * and this server takes the lease. */
static void scheduler_round(struct remind_scheduler *scheduler, struct store *store)
{
    refresh_summaries(store);
    int64_t now = (int64_t)time(NULL);
    struct civil_date day;
    if (!run_is_owed(scheduler, store, now, &day) || run_finished(store, day) ||
        (scheduler->failed_at != 0 && now - scheduler->failed_at < REMIND_SCHEDULER_RETRY)) {
        return;
    }
    bool held = false;
    struct ct_err err = {0};
    if (store_job_lease_take(store, REMIND_JOB, scheduler->holder, now,
                             now + REMIND_SCHEDULER_LEASE_SECONDS, &held, &err) != CT_OK) {
        fprintf(stderr, "certtrack: remind: cannot take the job's lease: %s\n", err.message);
        return;
    }
    if (!held) {
        return; /* another server runs it */
    }
    if (!run_finished(store, day)) { /* it may have finished just before the lease came free */
        run_day(scheduler, store, day, now);
    }
    if (store_job_lease_release(store, REMIND_JOB, scheduler->holder, &err) != CT_OK) {
        fprintf(stderr, "certtrack: remind: cannot give up the job's lease: %s\n", err.message);
    }
}

static void scheduler_body(struct periodic *periodic, void *context)
{
    struct remind_scheduler *scheduler = context;
    struct store store;
    struct ct_err err = {0};
    if (store_open(&store, scheduler->db_path, false, scheduler->programs, &err) != CT_OK) {
        fprintf(stderr, "certtrack: remind: cannot open the database: %s\n", err.message);
        return;
    }
    store.templates = scheduler->templates;
    do {
        scheduler_round(scheduler, &store);
    } while (!periodic_wait(periodic));
    store_close(&store);
}

enum ct_status remind_scheduler_start(struct remind_scheduler *scheduler, const char *db_path,
                                      const struct program_set *programs,
                                      const struct mail_templates *templates, unsigned interval,
                                      struct ct_err *err)
{
    memset(scheduler, 0, sizeof *scheduler);
    scheduler->db_path = db_path;
    scheduler->programs = programs;
    scheduler->templates = templates;
    store_job_holder_make(scheduler->holder);
    return periodic_start(
        &scheduler->periodic,
        periodic_interval(interval, "CERTTRACK_REMIND_INTERVAL", REMIND_SCHEDULER_INTERVAL),
        scheduler_body, scheduler, "reminders' scheduler", err);
}

void remind_scheduler_stop(struct remind_scheduler *scheduler)
{
    periodic_stop(&scheduler->periodic);
}
