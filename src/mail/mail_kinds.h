/*
 * mail_kinds: the kinds of mail certtrack sends, as a person's notification settings
 * name them (/profile/notices): the notices (sent when something happens, gathered into
 * one message), the reminders (the daily job's), and the account mail a workflow needs
 * (an invitation, a password reset, an e-mail change), which cannot be turned off.
 *
 * A kind's name is the same everywhere: the notice's template (templates/NAME.txt for a
 * notice), the outbox's kind, the opt-out, and the one-click unsubscribe address.
 */
#ifndef CERTTRACK_MAIL_KINDS_H
#define CERTTRACK_MAIL_KINDS_H

#include <stdbool.h>
#include <stddef.h>

enum mail_kind_group {
    MAIL_KIND_NOTICE,   /* a notice: gathered, or in the daily digest */
    MAIL_KIND_REMINDER, /* a reminder of the daily job */
    MAIL_KIND_ACCOUNT,  /* mail a workflow needs: never turned off */
};

struct mail_kind {
    const char *name;  /* "notice-plan-to-sign", "reminder-expiry", "account" */
    const char *label; /* what it is, for a person: "A plan waits for your signature" */
    const char *who;   /* who gets it: "supervisors" */
    enum mail_kind_group group;
};

/* Every kind, notices first, then reminders, then the account mail; *count of them. */
const struct mail_kind *mail_kinds(size_t *count);

/* The kind called name (borrowed), or NULL. */
const struct mail_kind *mail_kind_find(const char *name);

/* True when a person may turn kind (a name, borrowed) off: a known notice or reminder. */
bool mail_kind_may_turn_off(const char *name);

#endif
