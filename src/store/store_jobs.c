#include "store_jobs.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>
#include <unistd.h>

#include "../core/timestamp.h"
#include "store_outbox.h"
#include "../core/banned.h"

void store_job_holder_make(char out[JOB_HOLDER_SIZE])
{
    char host[64] = "";
    if (gethostname(host, sizeof host) != 0) {
        snprintf(host, sizeof host, "unknown");
    }
    host[sizeof host - 1] = '\0';
    unsigned char bytes[4] = {0};
    if (sodium_init() >= 0) {
        randombytes_buf(bytes, sizeof bytes);
    }
    snprintf(out, JOB_HOLDER_SIZE, "%s:%ld:%02x%02x%02x%02x", host, (long)getpid(), bytes[0],
             bytes[1], bytes[2], bytes[3]);
}

static enum ct_status check_names(const char *job, const char *holder, struct ct_err *err)
{
    if (job == NULL || job[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "job", "a job needs its name");
    }
    if (holder == NULL || holder[0] == '\0' || strlen(holder) >= JOB_HOLDER_SIZE) {
        return ct_err_set(err, CT_ERR_INPUT, "holder", "a lease needs its holder, shorter than %d",
                          JOB_HOLDER_SIZE);
    }
    return CT_OK;
}

enum ct_status store_job_lease_take(struct store *store, const char *job, const char *holder,
                                    int64_t now, int64_t until, bool *held, struct ct_err *err)
{
    *held = false;
    enum ct_status status = check_names(job, holder, err);
    if (status != CT_OK) {
        return status;
    }
    char when[OUTBOX_TIME_SIZE], ends[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    store_outbox_time_text(until, ends);
    status = db_begin(store->db, err);
    int64_t taken = 0;
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO job_leases (job, holder, until) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (job) DO UPDATE SET holder = excluded.holder,"
                       " until = excluded.until"
                       " WHERE job_leases.holder = excluded.holder OR job_leases.until <= ?4"
                       " RETURNING 1",
                       &taken, err, DB_TEXT(job), DB_TEXT(holder), DB_TEXT(ends), DB_TEXT(when));
    }
    status = store_finish(store, status, err);
    *held = status == CT_OK && taken == 1;
    return status;
}

enum ct_status store_job_lease_release(struct store *store, const char *job, const char *holder,
                                       struct ct_err *err)
{
    enum ct_status status = check_names(job, holder, err);
    return status == CT_OK
               ? STORE_EXEC(store, "DELETE FROM job_leases WHERE job = ? AND holder = ?", NULL, err,
                            DB_TEXT(job), DB_TEXT(holder))
               : status;
}

static enum ct_status read_lease(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct job_lease *lease = context;
    store_text_copy(lease->holder, sizeof lease->holder, db_column_text(stmt, 0));
    const char *until = db_column_text(stmt, 1);
    if (until == NULL || !timestamp_parse_iso8601(until, &lease->until)) {
        lease->until = 0;
    }
    return CT_OK;
}

enum ct_status store_job_lease_get(struct store *store, const char *job, struct job_lease *lease,
                                   struct ct_err *err)
{
    memset(lease, 0, sizeof *lease);
    return STORE_EACH_ROW(store, "SELECT holder, until FROM job_leases WHERE job = ?", read_lease,
                          lease, err, DB_TEXT(job));
}

enum ct_status store_job_run_start(struct store *store, const char *job, struct civil_date day,
                                   int64_t now, struct ct_err *err)
{
    char day_text[CIVIL_DATE_TEXT_SIZE], at[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, at);
    return STORE_EXEC(store,
                      "INSERT INTO job_runs (job, on_day, started_at) VALUES (?, ?, ?)"
                      " ON CONFLICT (job, on_day) DO UPDATE SET started_at = excluded.started_at,"
                      " finished_at = NULL",
                      NULL, err, DB_TEXT(job), DB_TEXT(store_date_text(day, day_text)),
                      DB_TEXT(at));
}

enum ct_status store_job_run_finish(struct store *store, const char *job, struct civil_date day,
                                    int64_t now, int64_t queued, struct ct_err *err)
{
    char day_text[CIVIL_DATE_TEXT_SIZE], at[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, at);
    return STORE_EXEC(store,
                      "UPDATE job_runs SET finished_at = ?, queued = queued + ?"
                      " WHERE job = ? AND on_day = ?",
                      NULL, err, DB_TEXT(at), DB_INT(queued), DB_TEXT(job),
                      DB_TEXT(store_date_text(day, day_text)));
}

static bool read_time(const char *text, int64_t *out)
{
    return text != NULL && timestamp_parse_iso8601(text, out);
}

static enum ct_status read_run(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct job_run *run = context;
    run->found = true;
    if (!read_time(db_column_text(stmt, 0), &run->started_at)) {
        run->started_at = 0;
    }
    run->finished = read_time(db_column_text(stmt, 1), &run->finished_at);
    run->queued = db_column_int64(stmt, 2);
    return CT_OK;
}

enum ct_status store_job_run_get(struct store *store, const char *job, struct civil_date day,
                                 struct job_run *run, struct ct_err *err)
{
    memset(run, 0, sizeof *run);
    char day_text[CIVIL_DATE_TEXT_SIZE];
    return STORE_EACH_ROW(store,
                          "SELECT started_at, finished_at, queued FROM job_runs"
                          " WHERE job = ? AND on_day = ?",
                          read_run, run, err, DB_TEXT(job),
                          DB_TEXT(store_date_text(day, day_text)));
}
