/*
 * store_outbox: mail waiting to be sent (table mail_outbox).
 *
 * A message is queued in the same transaction as the change that causes it (an
 * invitation, a password reset), so that a change never happens without its mail and a
 * crash loses none. Its Message-ID is made when it is queued and kept, so that a resend
 * carries the same one. The sender (src/mail) reads the messages that are due, and marks
 * each sent or failed; a failed one waits longer after each attempt
 * (store_outbox_retry_delay). A message the relay refused for good (a 5xx reply during
 * the SMTP conversation) is marked refused and never tried again; its address's
 * refusals are counted, and an address refused OUTBOX_REFUSALS_TO_MARK times is marked,
 * so that no more mail is queued to it (mail/mail_compose.h). Times are Unix seconds,
 * stored as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 */
#ifndef CERTTRACK_STORE_OUTBOX_H
#define CERTTRACK_STORE_OUTBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define OUTBOX_TIME_SIZE       32
#define OUTBOX_MESSAGE_ID_SIZE 160
#define OUTBOX_RECIPIENT_SIZE  320
#define OUTBOX_SUBJECT_SIZE    256
#define OUTBOX_BODY_SIZE       16384
#define OUTBOX_KIND_SIZE       64
#define OUTBOX_URL_SIZE        1024
#define OUTBOX_ERROR_SIZE      512

/* The longest wait between two attempts, and the first one. */
#define OUTBOX_RETRY_FIRST_SECONDS 60
#define OUTBOX_RETRY_MAX_SECONDS   (6 * 60 * 60)

/* The refusals after which an address is marked. */
#define OUTBOX_REFUSALS_TO_MARK 3

/* unix_seconds as "YYYY-MM-DDTHH:MM:SSZ" into out. */
void store_outbox_time_text(int64_t unix_seconds, char out[OUTBOX_TIME_SIZE]);

/* The wait before the next attempt after attempts failed ones (1 or more): the first
 * wait doubled at each further failure, at most OUTBOX_RETRY_MAX_SECONDS. */
int64_t store_outbox_retry_delay(int64_t attempts);

/* A message to queue; every pointer borrowed. */
struct outbox_message_new {
    const char *recipient;       /* one e-mail address */
    int64_t person_id;           /* whom it is for, 0 when none */
    const char *subject;         /* one line of UTF-8 */
    const char *body;            /* UTF-8 text, lines ended by "\n" */
    const char *kind;            /* what mail it is: "account" (NULL: the default), "notices", or
                                    a reminder's kind ("reminder-expiry" ...) */
    const char *unsubscribe_url; /* the one-click unsubscribe (RFC 8058) the message's
                                    List-Unsubscribe names; NULL: none (mail a workflow
                                    needs) */
};

/* Queues message at now, due at once, with a new Message-ID ("<32 hex digits@host>",
 * the host of the public-url setting) into message_id (may be NULL) and its row id into
 * *id (may be NULL). CT_ERR_INPUT naming "recipient", "subject" or "body" when one is
 * empty, too long or (recipient, subject) holds a line break, "kind" or
 * "unsubscribe_url" when too long or holding a line break. Call inside the
 * transaction of the change that causes the mail. */
enum ct_status store_outbox_queue(struct store *store, const struct outbox_message_new *message,
                                  int64_t now, char message_id[OUTBOX_MESSAGE_ID_SIZE], int64_t *id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* A queued message as read. */
struct outbox_message {
    int64_t id;
    char message_id[OUTBOX_MESSAGE_ID_SIZE];
    char recipient[OUTBOX_RECIPIENT_SIZE];
    int64_t person_id;
    char subject[OUTBOX_SUBJECT_SIZE];
    char body[OUTBOX_BODY_SIZE];
    char kind[OUTBOX_KIND_SIZE];
    char unsubscribe_url[OUTBOX_URL_SIZE]; /* empty: none */
    int64_t created_at;
    int64_t attempts;
    int64_t next_attempt_at;
    int64_t sent_at; /* 0: waiting */
    char last_error[OUTBOX_ERROR_SIZE];
    int64_t refused_at; /* 0: not refused; else the relay refused it for good then */
};

/* The waiting messages due at now (next attempt at or before it; never one refused), oldest first,
 * at most limit of them, appended to rows (started as {.size = sizeof (struct outbox_message)}; the
 * caller releases it). */
enum ct_status store_outbox_due(struct store *store, int64_t now, int64_t limit,
                                struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* Every message, waiting ones first then the newest, at most limit, appended to rows. A
 * refused message is not waiting: it counts with the sent ones. */
enum ct_status store_outbox_list(struct store *store, int64_t limit, struct store_rows *rows,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Claims message id for one sender until until: *claimed is false when it is no longer
 * due by now (the time due messages were read for) (sent, or claimed by another sender). A claim
 * that is not marked sent or failed (a crash) lapses at until, and the message is sent again. */
enum ct_status store_outbox_claim(struct store *store, int64_t id, int64_t now, int64_t until,
                                  bool *claimed, struct ct_err *err) CT_MUST_CHECK;

/* Marks message id sent at now (one more attempt, no error); its address's count of
 * refusals starts again from none, unless the address is marked. */
enum ct_status store_outbox_mark_sent(struct store *store, int64_t id, int64_t now,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Marks message id refused for good at now with error (borrowed, cut): one more attempt,
 * never tried again. When address_refused (the relay refused the recipient, not the
 * sender), counts one more refusal of its address, and marks the address at the
 * OUTBOX_REFUSALS_TO_MARK-th. */
enum ct_status store_outbox_mark_refused(struct store *store, int64_t id, int64_t now,
                                         const char *error, bool address_refused,
                                         struct ct_err *err) CT_MUST_CHECK;

/* *marked is true when address (borrowed; any case) is marked as refused. */
enum ct_status store_outbox_address_marked(struct store *store, const char *address, bool *marked,
                                           struct ct_err *err) CT_MUST_CHECK;

/* An address the relay refused. */
struct outbox_refusal {
    char address[OUTBOX_RECIPIENT_SIZE];
    int64_t refusals;
    char last_refusal[OUTBOX_ERROR_SIZE];
    int64_t last_refused_at;
    int64_t marked_at; /* 0: not marked */
};

/* The addresses the relay refused, marked ones first then the most recently refused, at
 * most limit, appended to rows (started as {.size = sizeof (struct outbox_refusal)}). */
enum ct_status store_outbox_refusals(struct store *store, int64_t limit, struct store_rows *rows,
                                     struct ct_err *err) CT_MUST_CHECK;

/* The messages the relay refused, the newest first, at most limit, appended to rows
 * (started as {.size = sizeof (struct outbox_message)}). */
enum ct_status store_outbox_refused(struct store *store, int64_t limit, struct store_rows *rows,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Notes a failed attempt at now with error (borrowed, cut to OUTBOX_ERROR_SIZE): one
 * more attempt, the next one after store_outbox_retry_delay. */
enum ct_status store_outbox_mark_failed(struct store *store, int64_t id, int64_t now,
                                        const char *error, struct ct_err *err) CT_MUST_CHECK;

/* How many messages wait, and the last error of the most recently failed one (empty
 * when none failed). */
struct outbox_summary {
    int64_t waiting;
    int64_t sent;
    int64_t refused;          /* messages the relay refused for good */
    int64_t marked_addresses; /* addresses marked as refused */
    char last_error[OUTBOX_ERROR_SIZE];
};

enum ct_status store_outbox_summary(struct store *store, struct outbox_summary *summary,
                                    struct ct_err *err) CT_MUST_CHECK;

#endif
