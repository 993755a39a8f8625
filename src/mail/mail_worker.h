/*
 * mail_worker: the server's background sender. A thread with its own database
 * connection that, every interval, takes (or renews) the lease of the job "mail"
 * (store_jobs.h), so that one server at a time sends; then gathers the due notices
 * into messages (mail_notices.h), reads the mail settings and, when a relay is
 * configured, sends the outbox's due messages (mail_sender.h), renewing the lease after
 * each. Without a relay it sends nothing: mail waits, and the settings page says so. A
 * server that does not hold the lease does nothing until the holder's lease ends (it
 * stopped without giving it up, or died); a server that stops gives its lease up.
 */
#ifndef CERTTRACK_MAIL_WORKER_H
#define CERTTRACK_MAIL_WORKER_H

#include <stdbool.h>

#include "../core/err.h"
#include "../core/program.h"
#include "../io/periodic.h"
#include "../store/store_jobs.h"
#include "mail_templates.h"

/* The name of the sender's lease. */
#define MAIL_WORKER_JOB "mail"

/* The default interval, in seconds; CERTTRACK_MAIL_INTERVAL=SECONDS overrides it. */
#define MAIL_WORKER_INTERVAL 30

struct mail_worker {
    const char *db_path;                    /* borrowed, for the life of the worker */
    const struct program_set *programs;     /* borrowed */
    const struct mail_templates *templates; /* borrowed; NULL: the built-in ones */
    unsigned interval;                      /* seconds between runs */
    struct periodic periodic;               /* the thread */
    char holder[JOB_HOLDER_SIZE];           /* this server, as the lease names it */
    bool held;                              /* it held the lease at its last run */
    bool told;                              /* the log said who holds it */
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
