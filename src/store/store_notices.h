/*
 * store_notices: what a person chose about the notices and reminders certtrack mails
 * them (migration 13: notice_opt_outs, notice_settings), and the notices waiting to be
 * gathered into mail (notices).
 *
 * A notice is kept rendered (its subject and body, from its template) in the
 * transaction of the change that causes it; the gathering (mail/mail_notices.h) later
 * puts every waiting notice of a person into one outbox message and marks each with
 * that message (outbox_id), or with why none could be sent (skipped). A notice belongs
 * to one message only: marking takes only the notices no other gathering took. Times
 * are Unix seconds, stored as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 */
#ifndef CERTTRACK_STORE_NOTICES_H
#define CERTTRACK_STORE_NOTICES_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define NOTICE_KIND_SIZE    64
#define NOTICE_SUBJECT_SIZE 256
#define NOTICE_BODY_SIZE    4096
#define NOTICE_REASON_SIZE  128
/* The most kinds a person may turn off. */
#define NOTICE_KINDS_MAX 32

/* *opted_out is true when person_id has turned off the mail of kind (a reminder's or a
 * notice's kind). */
enum ct_status store_notice_opted_out(struct store *store, int64_t person_id, const char *kind,
                                      bool *opted_out, struct ct_err *err) CT_MUST_CHECK;

/* ---- notices waiting to be gathered ---- */

/* Keeps a notice of kind (letters, digits and '-') for person_id, made at now, with its
 * subject (one line) and body (all borrowed), waiting to be gathered; its id into *id
 * (may be NULL). CT_ERR_INPUT naming "kind", "subject" or "body" when one is empty, too
 * long (NOTICE_*_SIZE) or (kind, subject) holds a line break. Call inside the
 * transaction of the change that causes it. */
enum ct_status store_notice_add(struct store *store, int64_t person_id, const char *kind,
                                const char *subject, const char *body, int64_t now, int64_t *id,
                                struct ct_err *err) CT_MUST_CHECK;

/* A person with notices waiting. */
struct notice_waiter {
    int64_t person_id;
    bool daily;     /* the person chose the daily digest */
    int64_t oldest; /* when the oldest waiting notice was made */
};

/* Every person with notices waiting, the longest waiting first, appended to rows
 * (started as {.size = sizeof (struct notice_waiter)}; the caller releases it). */
enum ct_status store_notice_waiters(struct store *store, struct store_rows *rows,
                                    struct ct_err *err) CT_MUST_CHECK;

/* A waiting notice. */
struct notice_waiting {
    int64_t id;
    char kind[NOTICE_KIND_SIZE];
    char subject[NOTICE_SUBJECT_SIZE];
    char body[NOTICE_BODY_SIZE];
    int64_t created_at;
};

/* person_id's waiting notices, oldest first, at most limit, appended to rows (started
 * as {.size = sizeof (struct notice_waiting)}). */
enum ct_status store_notices_waiting(struct store *store, int64_t person_id, int64_t limit,
                                     struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* Marks the waiting notices ids (count of them, borrowed) as gathered into outbox
 * message outbox_id; *taken says how many were still waiting (a notice another
 * gathering took already is left as it is). */
enum ct_status store_notices_gathered(struct store *store, const int64_t *ids, size_t count,
                                      int64_t outbox_id, size_t *taken,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Marks the waiting notices ids (count of them) as not sent, for reason (borrowed, cut to
 * NOTICE_REASON_SIZE): "turned off", "no e-mail address" ... */
enum ct_status store_notices_skip(struct store *store, const int64_t *ids, size_t count,
                                  const char *reason, struct ct_err *err) CT_MUST_CHECK;

/* Marks person_id's waiting notices of a kind they have turned off as skipped ("turned
 * off"); *skipped says how many (may be NULL). */
enum ct_status store_notices_skip_turned_off(struct store *store, int64_t person_id,
                                             size_t *skipped, struct ct_err *err) CT_MUST_CHECK;

/* ---- what a person chose ---- */

struct notice_choices {
    bool daily; /* the daily digest; false: gathered (the default) */
    size_t off_count;
    char off[NOTICE_KINDS_MAX][NOTICE_KIND_SIZE]; /* the kinds turned off, by name */
};

/* person_id's choices into *choices (the defaults when they chose nothing). */
enum ct_status store_notice_choices(struct store *store, int64_t person_id,
                                    struct notice_choices *choices,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Replaces person_id's choices with daily and the kinds off (count of them, borrowed
 * names, each checked by the caller), at now, as actor_id: each change audited (the
 * delivery as notice_settings "set", a kind turned off as notice_opt_outs "turn-off"
 * with how "settings", one turned on again as "turn-on"). Call inside a transaction. */
enum ct_status store_notice_choices_set(struct store *store, int64_t actor_id, int64_t person_id,
                                        bool daily, const char *const *off, size_t count,
                                        int64_t now, struct ct_err *err) CT_MUST_CHECK;

/* Turns kind off for person_id at now, how being "unsubscribe" or "settings", audited as
 * actor_id ("turn-off"); *changed is false when it was off already. Call inside a
 * transaction. */
enum ct_status store_notice_turn_off(struct store *store, int64_t actor_id, int64_t person_id,
                                     const char *kind, const char *how, int64_t now, bool *changed,
                                     struct ct_err *err) CT_MUST_CHECK;

/* ---- who is told ---- */

/* The ids of the CE coordinators whose accounts are active, lowest first, appended to
 * rows (started as {.size = sizeof (int64_t)}). */
enum ct_status store_notice_coordinators(struct store *store, struct store_rows *rows,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
