/*
 * mail_compose: a message made from a template (mail_templates.h) for one person and
 * queued in the outbox (store_outbox.h), inside the caller's transaction.
 *
 * The composer fills the common fields (name, public_url, issuer_name, settings_url,
 * unsubscribe_url), renders the template and the footer template after it, and queues
 * the result to the person's e-mail address. A reminder (unsubscribe true) carries the
 * one-click unsubscribe of its kind (mail_unsubscribe.h) in its List-Unsubscribe header
 * and in its footer, and is not queued for a person who turned that kind off. Nothing is
 * queued for a person without an e-mail address, whose account is deactivated, or whose
 * address the relay has refused so often that it is marked (store_outbox.h).
 */
#ifndef CERTTRACK_MAIL_COMPOSE_H
#define CERTTRACK_MAIL_COMPOSE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/text_template.h"
#include "../store/store_outbox.h"

/* The path of a person's notification settings page, under the public-url. */
#define MAIL_SETTINGS_PATH "/profile/notices"

struct mail_compose {
    const char *template_name; /* a known template (mail_templates.h) */
    int64_t person_id;         /* the recipient */
    const char *kind;          /* the outbox kind: NULL ("account"), "notices", a reminder's */
    bool unsubscribe;          /* a reminder of kind: one-click unsubscribe, opt-out kept */
    bool without_footer;       /* a notice, rendered to be gathered later into a message
                                  that has the footer (mail_notices.h) */
};

struct mail_compose_result {
    bool queued;       /* false: not queued, skipped says why */
    char skipped[128]; /* "no e-mail address", "deactivated", "turned off", "the relay
                          refused this address" */
    int64_t outbox_id; /* when queued */
    char message_id[OUTBOX_MESSAGE_ID_SIZE];
    char recipient[OUTBOX_RECIPIENT_SIZE];
    char subject[OUTBOX_SUBJECT_SIZE];
};

/* Renders mail for its person with data (borrowed; it gains the common fields) into
 * result->subject and body (appended: the text without its trailing blank lines, then,
 * unless without_footer, one blank line and the footer), without queueing it;
 * result->queued stays false and result->skipped says when it would not be queued. */
enum ct_status mail_compose_render(struct store *store, const struct mail_compose *mail,
                                   struct template_data *data, struct buf *body,
                                   struct mail_compose_result *result,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Renders mail as mail_compose_render does and queues it at now, unless it is skipped. */
enum ct_status mail_compose_queue(struct store *store, int64_t now, const struct mail_compose *mail,
                                  struct template_data *data, struct mail_compose_result *result,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
