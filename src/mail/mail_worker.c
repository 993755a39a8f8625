#include "mail_worker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/store_jobs.h"
#include "../store/store_open.h"
#include "mail_notices.h"
#include "mail_sender.h"
#include "../core/banned.h"

/* The most messages one run sends. */
#define MAIL_WORKER_BATCH 100

/* How long the lease lasts beyond two intervals: longer than one message may take
 * (libcurl's limit, 60 seconds), since the lease is renewed after each message. */
#define MAIL_WORKER_LEASE_SECONDS 90

/* Takes or renews the lease of the job "mail"; false (said once) when another server
 * holds it. */
static bool worker_lease(struct mail_worker *worker, struct store *store)
{
    int64_t now = (int64_t)time(NULL);
    int64_t until = now + 2 * (int64_t)worker->interval + MAIL_WORKER_LEASE_SECONDS;
    bool held = false;
    struct ct_err err = {0};
    if (store_job_lease_take(store, MAIL_WORKER_JOB, worker->holder, now, until, &held, &err) !=
        CT_OK) {
        fprintf(stderr, "certtrack: mail: cannot take the sender's lease: %s\n", err.message);
        return false;
    }
    if (held != worker->held || !worker->told) {
        fprintf(stderr,
                held ? "certtrack: mail: this server sends the mail (lease %s)\n"
                     : "certtrack: mail: another server sends the mail; this one (%s) waits\n",
                worker->holder);
    }
    worker->held = held;
    worker->told = true;
    return held;
}

/* Sends the due messages one at a time, renewing the lease after each. */
static enum ct_status worker_send(struct mail_worker *worker, struct store *store,
                                  const struct mail_config *config, struct mail_send_result *total,
                                  struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (int i = 0; i < MAIL_WORKER_BATCH && status == CT_OK; i++) {
        struct mail_send_result one = {0};
        status = mail_send_due(store, config, (int64_t)time(NULL), false, 1, &one, err);
        total->sent += one.sent;
        total->failed += one.failed;
        total->refused += one.refused;
        if (one.last_error[0] != '\0') {
            snprintf(total->last_error, sizeof total->last_error, "%s", one.last_error);
        }
        if (status != CT_OK || one.sent + one.failed + one.refused == 0 ||
            !worker_lease(worker, store)) {
            break;
        }
    }
    return status;
}

/* One run, when this server holds the lease: the settings as they are now, the due
 * notices gathered, then the due messages sent. */
static void worker_run_once(struct mail_worker *worker, struct store *store)
{
    if (!worker_lease(worker, store)) {
        return;
    }
    struct mail_config config;
    struct ct_err err = {0};
    enum ct_status status = mail_config_load(store, &config, &err);
    struct mail_gather_result gathered = {0};
    struct mail_send_result result = {0};
    if (status == CT_OK) {
        status = mail_notices_gather(store, (int64_t)time(NULL), &gathered, &err);
    }
    if (status == CT_OK && config.configured) {
        status = worker_send(worker, store, &config, &result, &err);
    }
    mail_config_release(&config);
    if (status != CT_OK) {
        fprintf(stderr, "certtrack: mail: %s\n", err.message);
    } else if (result.failed > 0 || result.refused > 0) {
        fprintf(stderr,
                "certtrack: mail: %lld sent, %lld failed (tried again later), %lld refused by"
                " the relay (%s)\n",
                (long long)result.sent, (long long)result.failed, (long long)result.refused,
                result.last_error);
    }
}

static void worker_body(struct periodic *periodic, void *context)
{
    struct mail_worker *worker = context;
    struct store store;
    struct ct_err err = {0};
    if (store_open(&store, worker->db_path, false, worker->programs, &err) == CT_OK) {
        store.templates = worker->templates;
    } else {
        fprintf(stderr, "certtrack: mail: cannot open the database: %s\n", err.message);
        return;
    }
    do {
        worker_run_once(worker, &store);
    } while (!periodic_wait(periodic));
    if (worker->held &&
        store_job_lease_release(&store, MAIL_WORKER_JOB, worker->holder, &err) != CT_OK) {
        fprintf(stderr, "certtrack: mail: cannot give up the sender's lease: %s\n", err.message);
    }
    store_close(&store);
}

enum ct_status mail_worker_start(struct mail_worker *worker, const char *db_path,
                                 const struct program_set *programs,
                                 const struct mail_templates *templates, unsigned interval,
                                 struct ct_err *err)
{
    memset(worker, 0, sizeof *worker);
    worker->db_path = db_path;
    worker->programs = programs;
    worker->templates = templates;
    worker->interval = periodic_interval(interval, "CERTTRACK_MAIL_INTERVAL", MAIL_WORKER_INTERVAL);
    store_job_holder_make(worker->holder);
    return periodic_start(&worker->periodic, worker->interval, worker_body, worker, "mail sender",
                          err);
}

void mail_worker_stop(struct mail_worker *worker)
{
    periodic_stop(&worker->periodic);
}
