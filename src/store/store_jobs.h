/*
 * store_jobs: one server at a time runs a job (migration 13: job_leases, job_runs).
 *
 * With several servers on one database, a job that must not run twice at once (the
 * mail sender, the daily reminders) is run by the holder of its lease: a row of
 * job_leases naming the job, its holder (a text the process makes for itself, such as
 * "host:pid:random") and when the lease ends. A holder renews its lease before it ends;
 * a lease that has ended (its holder stopped or died) is free to be taken by another.
 * A daily job notes each day's run in job_runs: when it started and finished. Times are
 * Unix seconds, stored as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 */
#ifndef CERTTRACK_STORE_JOBS_H
#define CERTTRACK_STORE_JOBS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "store.h"

#define JOB_HOLDER_SIZE 128

/* A holder's name for this process: the host, the process id and a random part, so that
 * a server started again (after a crash) is a new holder. */
void store_job_holder_make(char out[JOB_HOLDER_SIZE]);

/* Takes or renews the lease of job (borrowed) for holder (borrowed) until until, at now:
 * *held is true when holder holds it afterwards (it was free, had ended by now, or was
 * holder's already), false when another holder's lease still runs. In a transaction of
 * its own; two processes asking at once never both hold it. */
enum ct_status store_job_lease_take(struct store *store, const char *job, const char *holder,
                                    int64_t now, int64_t until, bool *held,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Gives up holder's lease of job, if holder holds it, so that another may take it at
 * once. */
enum ct_status store_job_lease_release(struct store *store, const char *job, const char *holder,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Who holds the lease of job and until when: holder empty when nobody ever took it. */
struct job_lease {
    char holder[JOB_HOLDER_SIZE];
    int64_t until;
};

enum ct_status store_job_lease_get(struct store *store, const char *job, struct job_lease *lease,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Notes that the run of job (borrowed) for day started at now. A second run on one day
 * (the job was run again, or the first stopped before it finished) starts the day's row
 * again: finished_at is cleared, the queued count is kept and added to. */
enum ct_status store_job_run_start(struct store *store, const char *job, struct civil_date day,
                                   int64_t now, struct ct_err *err) CT_MUST_CHECK;

/* Notes that the run of job for day finished at now, having queued queued messages more. */
enum ct_status store_job_run_finish(struct store *store, const char *job, struct civil_date day,
                                    int64_t now, int64_t queued, struct ct_err *err) CT_MUST_CHECK;

/* A day's run of a daily job, as job_runs keeps it. */
struct job_run {
    bool found;          /* false: the job has not started a run for the day */
    bool finished;       /* the last run started that day finished */
    int64_t started_at;  /* Unix seconds */
    int64_t finished_at; /* when finished */
    int64_t queued;      /* messages queued by the day's runs */
};

/* Reads job's run for day into *run (found false when there is none). */
enum ct_status store_job_run_get(struct store *store, const char *job, struct civil_date day,
                                 struct job_run *run, struct ct_err *err) CT_MUST_CHECK;

#endif
