/*
 * notice_settings: what a person chooses about the mail certtrack sends them
 * (mail/mail_kinds.h): their notices gathered (the default) or in a daily digest, and
 * each kind of notice or reminder on or off. Mail a workflow needs (an invitation, a
 * password reset, an e-mail change) cannot be turned off. The person chooses on their
 * settings page (/profile/notices, PUT /api/v1/me/notices), or turns one kind off with
 * the one-click unsubscribe address a message carries (RFC 8058, mail_unsubscribe.h).
 */
#ifndef CERTTRACK_ACTIONS_NOTICE_SETTINGS_H
#define CERTTRACK_ACTIONS_NOTICE_SETTINGS_H

#include "../store/store_notices.h"
#include "action.h"

struct notice_settings_input {
    const char *delivery; /* field "delivery": "gathered" or "daily" */
    const char *off;      /* field "off": the kinds turned off, one per line; NULL or "":
                             every kind on */
};

/* Replaces the acting person's choices with input's (the system has none): each change
 * audited with the actor. Faults: "delivery" (neither choice), "off" (a kind that is not
 * known, or cannot be turned off, named). */
enum ct_status action_notice_settings_set(struct store *store, const struct actor *actor,
                                          const struct notice_settings_input *input,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

struct notice_unsubscribe_input {
    int64_t person_id; /* field "person": whose, as the address names them */
    const char *kind;  /* field "kind": a kind that may be turned off */
    const char *mac;   /* field "mac": the address's mac (mail_unsubscribe.h) */
};

struct notice_unsubscribe_result {
    bool changed; /* false: the kind was off already */
};

/* Turns kind off for person_id (how "unsubscribe"), audited as the person: the actor is
 * the person the address names (the page that takes the address acts as them: the mac
 * proves it; nothing else is needed, no session and no form token, as RFC 8058 asks).
 * Faults: "person" (not a person's id), "kind" (not a kind that may be turned off).
 * ACTION_NOT_ALLOWED when the mac is not that of the person and the kind, or the actor
 * is not that person; ACTION_NOT_FOUND when the person is gone (merged). Changes nothing
 * else: only that person's choice for that kind. */
enum ct_status action_notice_unsubscribe(struct store *store, const struct actor *actor,
                                         const struct notice_unsubscribe_input *input,
                                         struct notice_unsubscribe_result *result,
                                         struct action_outcome *outcome) CT_MUST_CHECK;

#endif
