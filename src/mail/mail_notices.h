/*
 * mail_notices: the notices certtrack sends when something happens (a plan to sign, a
 * claim rejected, a certificate awarded: mail_kinds.h), gathered into one message per
 * person.
 *
 * A notice is rendered from its own template (templates/KIND.txt, with the common
 * fields) in the transaction of the change that causes it, and kept waiting in the
 * store (store_notices.h). The gathering, run by the server's mail sender before each
 * of its runs and by `certtrack mail send`, puts every waiting notice of a person whose
 * notices are due (core/notice_rule.h: the notice-window setting, or the daily digest
 * at notice-digest-time in the process's time zone) into one message of the "notices"
 * template, with the footer, queued in the outbox; a message of notices of one kind
 * carries the one-click unsubscribe of that kind. Each person is gathered in a
 * transaction of their own, and a notice goes into one message only, so two processes
 * may gather at once.
 */
#ifndef CERTTRACK_MAIL_NOTICES_H
#define CERTTRACK_MAIL_NOTICES_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/notice_rule.h"
#include "../core/text_template.h"
#include "mail_compose.h"

/* The most notices one message gathers (more wait for the next). */
#define MAIL_NOTICES_PER_MESSAGE 20

/* Renders the notice of kind (a notice's kind, mail_kinds.h) for person_id with data
 * (borrowed; it gains the common fields) and keeps it waiting, made at now. Call inside
 * the transaction of the change that causes it. Nothing is kept for a person who turned
 * kind off, has no e-mail address or is deactivated: result->queued is then false and
 * result->skipped says why (result->subject is the notice's when kept). CT_ERR_INPUT
 * naming "kind" when kind is no notice's. */
enum ct_status mail_notice_keep(struct store *store, int64_t now, int64_t person_id,
                                const char *kind, struct template_data *data,
                                struct mail_compose_result *result,
                                struct ct_err *err) CT_MUST_CHECK;

/* When the gathering runs at now: the notice-window setting and the last
 * notice-digest-time in the process's time zone (io/clock.h). */
enum ct_status mail_notices_schedule(struct store *store, int64_t now,
                                     struct notice_schedule *schedule,
                                     struct ct_err *err) CT_MUST_CHECK;

/* What one gathering did. */
struct mail_gather_result {
    int64_t messages; /* queued in the outbox */
    int64_t notices;  /* gathered into them */
    int64_t skipped;  /* not sent: their kind turned off, no address ... */
};

/* Gathers the due notices of every person into messages queued at now, each person in a
 * transaction of their own (a notice another gathering took meanwhile is left to it).
 * Fails only when the store does; the people gathered before stay gathered. */
enum ct_status mail_notices_gather(struct store *store, int64_t now,
                                   struct mail_gather_result *result,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
