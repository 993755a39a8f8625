#include "mail_worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/store_open.h"
#include "mail_sender.h"
#include "../core/banned.h"

/* The most messages one run sends. */
#define MAIL_WORKER_BATCH 100

/* One run: the settings as they are now, then the due messages. */
static void worker_run_once(struct store *store)
{
    struct mail_config config;
    struct ct_err err = {0};
    enum ct_status status = mail_config_load(store, &config, &err);
    struct mail_send_result result = {0};
    if (status == CT_OK && config.configured) {
        status = mail_send_due(store, &config, (int64_t)time(NULL), false, MAIL_WORKER_BATCH,
                               &result, &err);
    }
    mail_config_release(&config);
    if (status != CT_OK) {
        fprintf(stderr, "certtrack: mail: %s\n", err.message);
    } else if (result.failed > 0) {
        fprintf(stderr,
                "certtrack: mail: %lld sent, %lld failed (%s); they are tried again later\n",
                (long long)result.sent, (long long)result.failed, result.last_error);
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
        worker_run_once(&store);
    } while (!worker_wait(worker));
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
