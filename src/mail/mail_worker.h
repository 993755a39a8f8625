/*
 * mail_worker: the server's background sender. A thread with its own database
 * connection that, every interval, reads the mail settings and, when a relay is
 * configured, sends the outbox's due messages (mail_sender.h). Without a relay it sends
 * nothing: mail waits, and the settings page says so.
 */
#ifndef CERTTRACK_MAIL_WORKER_H
#define CERTTRACK_MAIL_WORKER_H

#include <pthread.h>
#include <stdbool.h>

#include "../core/err.h"
#include "../core/program.h"
#include "mail_templates.h"

/* The default interval, in seconds; CERTTRACK_MAIL_INTERVAL=SECONDS overrides it. */
#define MAIL_WORKER_INTERVAL 30

struct mail_worker {
    const char *db_path;                    /* borrowed, for the life of the worker */
    const struct program_set *programs;     /* borrowed */
    const struct mail_templates *templates; /* borrowed; NULL: the built-in ones */
    unsigned interval;                      /* seconds between runs */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    bool running;
};

/* Starts worker's thread for the database at db_path (borrowed until mail_worker_stop, as
 * are programs and templates), running every interval seconds (0: MAIL_WORKER_INTERVAL or
 * CERTTRACK_MAIL_INTERVAL). */
enum ct_status mail_worker_start(struct mail_worker *worker, const char *db_path,
                                 const struct program_set *programs,
                                 const struct mail_templates *templates, unsigned interval,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Stops the thread (after the message being sent, if any) and waits for it. A worker
 * never started is left alone. */
void mail_worker_stop(struct mail_worker *worker);

#endif
