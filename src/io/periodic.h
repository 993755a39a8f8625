/*
 * periodic: a background thread that does its work every interval seconds until it is
 * stopped, for the server's jobs (the mail sender, the reminders' scheduler).
 *
 * The thread runs body(periodic, context) once; body does its setup, then loops on
 * periodic_wait, which sleeps the interval and says when the thread is asked to stop,
 * then cleans up and returns:
 *
 *     static void body(struct periodic *periodic, void *context)
 *     {
 *         ...open what it needs...
 *         do {
 *             ...one round...
 *         } while (!periodic_wait(periodic));
 *         ...close it...
 *     }
 */
#ifndef CERTTRACK_IO_PERIODIC_H
#define CERTTRACK_IO_PERIODIC_H

#include <pthread.h>
#include <stdbool.h>

#include "../core/err.h"

struct periodic;
typedef void (*periodic_body)(struct periodic *periodic, void *context);

struct periodic {
    unsigned interval; /* seconds between rounds */
    periodic_body body;
    void *context; /* borrowed, for the life of the thread */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    bool running;
};

/* Starts periodic's thread running body with context (borrowed until periodic_stop).
 * what names the job in the error when the thread cannot start. */
enum ct_status periodic_start(struct periodic *periodic, unsigned interval, periodic_body body,
                              void *context, const char *what, struct ct_err *err) CT_MUST_CHECK;

/* Waits periodic's interval, or less when asked to stop: true when asked to stop. Called
 * by body, on the thread. */
bool periodic_wait(struct periodic *periodic);

/* Asks the thread to stop and waits until body returns. A periodic never started is
 * left alone. */
void periodic_stop(struct periodic *periodic);

/* The interval in seconds: interval when not 0, else the environment variable variable
 * (1 to 86400) when it is set and valid, else fallback. */
unsigned periodic_interval(unsigned interval, const char *variable, unsigned fallback);

#endif
