#include "mail_worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>
#include <unistd.h>

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

/* Waits interval seconds or until stopped; true when stopped. */
static bool worker_wait(struct mail_worker *worker)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += worker->interval;
    pthread_mutex_lock(&worker->lock);
    int waited = 0;
    while (!worker->stop && waited != ETIMEDOUT) {
        waited = pthread_cond_timedwait(&worker->wake, &worker->lock, &until);
    }
    bool stop = worker->stop;
    pthread_mutex_unlock(&worker->lock);
    return stop;
}

static void *worker_main(void *context)
{
    struct mail_worker *worker = context;
    struct store store;
    struct ct_err err = {0};
    if (store_open(&store, worker->db_path, false, worker->programs, &err) == CT_OK) {
        store.templates = worker->templates;
    } else {
        fprintf(stderr, "certtrack: mail: cannot open the database: %s\n", err.message);
        return NULL;
    }
    do {
        worker_run_once(worker, &store);
    } while (!worker_wait(worker));
    if (worker->held &&
        store_job_lease_release(&store, MAIL_WORKER_JOB, worker->holder, &err) != CT_OK) {
        fprintf(stderr, "certtrack: mail: cannot give up the sender's lease: %s\n", err.message);
    }
    store_close(&store);
    return NULL;
}

static unsigned interval_of(unsigned interval)
{
    const char *variable = getenv("CERTTRACK_MAIL_INTERVAL");
    char *end = NULL;
    long seconds = variable != NULL ? strtol(variable, &end, 10) : 0;
    if (interval > 0) {
        return interval;
    }
    return variable != NULL && *end == '\0' && seconds > 0 && seconds <= 86400
               ? (unsigned)seconds
               : MAIL_WORKER_INTERVAL;
}

/* The lease's holder: this host, this process and a random part, so that a server
 * started again (after a crash) is a new holder. */
static void worker_holder(struct mail_worker *worker)
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
    snprintf(worker->holder, sizeof worker->holder, "%s:%ld:%02x%02x%02x%02x", host, (long)getpid(),
             bytes[0], bytes[1], bytes[2], bytes[3]);
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
    worker->interval = interval_of(interval);
    worker_holder(worker);
    pthread_mutex_init(&worker->lock, NULL);
    pthread_cond_init(&worker->wake, NULL);
    if (pthread_create(&worker->thread, NULL, worker_main, worker) != 0) {
        pthread_cond_destroy(&worker->wake);
        pthread_mutex_destroy(&worker->lock);
        return ct_err_set(err, CT_ERR_IO, "mail", "cannot start the mail sender's thread");
    }
    worker->running = true;
    return CT_OK;
}

void mail_worker_stop(struct mail_worker *worker)
{
    if (!worker->running) {
        return;
    }
    pthread_mutex_lock(&worker->lock);
    worker->stop = true;
    pthread_cond_signal(&worker->wake);
    pthread_mutex_unlock(&worker->lock);
    pthread_join(worker->thread, NULL);
    pthread_cond_destroy(&worker->wake);
    pthread_mutex_destroy(&worker->lock);
    worker->running = false;
}
