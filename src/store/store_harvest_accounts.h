/*
 * store_harvest_accounts: a site's accounts linked to people.
 *
 * An account is a site's user (the xAPI account name, i.e. the Moodle user id) linked
 * to a person (store_harvest_mappings.h finds the person of an account). Linking one
 * applies the statements that waited for it (store_harvest_waiting.h) in the same
 * transaction.
 */
#ifndef CERTTRACK_STORE_HARVEST_ACCOUNTS_H
#define CERTTRACK_STORE_HARVEST_ACCOUNTS_H

#include <stdint.h>

#include "store.h"

/* Links the site's account (account_name, e.g. the Moodle user id) to a person, then
 * applies the statements waiting for that account (store_harvest_apply_waiting_account),
 * all in one transaction. Linking again to the same person changes nothing; to another
 * person it is refused ("account": already linked). *applied (may be NULL) gets the
 * number of waiting records applied. */
enum ct_status store_harvest_account_link(struct store *store, int64_t actor_id, int64_t site_id,
                                          const char *account_name, int64_t person_id,
                                          int64_t *applied, struct ct_err *err) CT_MUST_CHECK;

#endif
