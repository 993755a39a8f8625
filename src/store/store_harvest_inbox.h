/*
 * store_harvest_inbox: the coordinator's harvest inbox, where xAPI statements wait for
 * an account link or a course mapping (store_xapi.h), and what releasing them did.
 *
 * Linking an account and mapping a course go through the same functions as the command
 * line (store_harvest_account_link, store_event_link_add), which apply the waiting
 * statements; these wrap each in one transaction with a count of the statements
 * concerned before and after, so that the coordinator is told exactly how many were
 * applied and credited.
 */
#ifndef CERTTRACK_STORE_HARVEST_INBOX_H
#define CERTTRACK_STORE_HARVEST_INBOX_H

#include <stdint.h>

#include "store.h"

/* What a link or a mapping released, among the statements it concerns (those of the
 * site's account, or those whose object is the course or activity address). */
struct harvest_release {
    int64_t applied;       /* statements that were waiting and no longer are */
    int64_t credited;      /* of them, now credited (a new activity or one held already) */
    int64_t withdrawn;     /* of them, now withdrawing an activity */
    int64_t still_waiting; /* statements concerned that still wait (for the other half) */
};

/* store_harvest_account_link (same refusals: "site", "person", "account"), counting
 * what it released into *release. */
enum ct_status store_harvest_inbox_link_account(struct store *store, int64_t actor_id,
                                                int64_t site_id, const char *account_name,
                                                int64_t person_id, struct harvest_release *release,
                                                struct ct_err *err) CT_MUST_CHECK;

/* Maps the LMS course or activity address url, as a whole, to the catalog event
 * (store_event_link_add, same refusals: "url", "event"), counting what it released into
 * *release. */
enum ct_status store_harvest_inbox_map_url(struct store *store, int64_t actor_id, int64_t event_id,
                                           const char *url, struct harvest_release *release,
                                           struct ct_err *err) CT_MUST_CHECK;

/* How many statements wait, in all. */
enum ct_status store_harvest_inbox_count(struct store *store, int64_t *waiting,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
