#include "periodic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/banned.h"

static void *periodic_main(void *context)
{
    struct periodic *periodic = context;
    periodic->body(periodic, periodic->context);
    return NULL;
}

enum ct_status periodic_start(struct periodic *periodic, unsigned interval, periodic_body body,
                              void *context, const char *what, struct ct_err *err)
{
    memset(periodic, 0, sizeof *periodic);
    periodic->interval = interval;
    periodic->body = body;
    periodic->context = context;
    pthread_mutex_init(&periodic->lock, NULL);
    pthread_cond_init(&periodic->wake, NULL);
    if (pthread_create(&periodic->thread, NULL, periodic_main, periodic) != 0) {
        pthread_cond_destroy(&periodic->wake);
        pthread_mutex_destroy(&periodic->lock);
        return ct_err_set(err, CT_ERR_IO, what, "cannot start the %s thread", what);
    }
    periodic->running = true;
    return CT_OK;
}

bool periodic_wait(struct periodic *periodic)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += periodic->interval;
    pthread_mutex_lock(&periodic->lock);
    int waited = 0;
    while (!periodic->stop && waited != ETIMEDOUT) {
        waited = pthread_cond_timedwait(&periodic->wake, &periodic->lock, &until);
    }
    bool stop = periodic->stop;
    pthread_mutex_unlock(&periodic->lock);
    return stop;
}

void periodic_stop(struct periodic *periodic)
{
    if (!periodic->running) {
        return;
    }
    pthread_mutex_lock(&periodic->lock);
    periodic->stop = true;
    pthread_cond_signal(&periodic->wake);
    pthread_mutex_unlock(&periodic->lock);
    pthread_join(periodic->thread, NULL);
    pthread_cond_destroy(&periodic->wake);
    pthread_mutex_destroy(&periodic->lock);
    periodic->running = false;
}

unsigned periodic_interval(unsigned interval, const char *variable, unsigned fallback)
{
    if (interval > 0) {
        return interval;
    }
    const char *value = getenv(variable);
    if (value == NULL) {
        return fallback;
    }
    char *end = NULL;
    long seconds = strtol(value, &end, 10);
    return end != value && *end == '\0' && seconds > 0 && seconds <= 86400 ? (unsigned)seconds
                                                                           : fallback;
}
