/*
 * store_harvest_waiting: the records that wait for an account link or a course mapping.
 *
 * Report files keep nothing waiting: a row whose learner or course is unknown is
 * refused with its reason, and the coordinator imports the file again once the person
 * or the mapping exists. xAPI statements do wait (store_xapi.h): both changes that can
 * release them, linking an account (store_harvest_accounts.h) and mapping a course
 * (store_catalog.h, store_harvest_parts.h), call here, and both apply them through the
 * one function store_xapi_apply_waiting.
 */
#ifndef CERTTRACK_STORE_HARVEST_WAITING_H
#define CERTTRACK_STORE_HARVEST_WAITING_H

#include <stdint.h>

#include "store.h"

/* The hook for waiting records (xAPI statements that arrived before their account was
 * linked or their course mapped): applies those of the site's account, now linked to
 * person_id, inside the caller's transaction; *applied gets how many. */
enum ct_status store_harvest_apply_waiting_account(struct store *store, int64_t actor_id,
                                                   int64_t site_id, const char *account_name,
                                                   int64_t person_id, int64_t *applied,
                                                   struct ct_err *err) CT_MUST_CHECK;

/* Likewise for records waiting for a course or activity now mapped to event_id. */
enum ct_status store_harvest_apply_waiting_event(struct store *store, int64_t actor_id,
                                                 int64_t event_id, int64_t *applied,
                                                 struct ct_err *err) CT_MUST_CHECK;

#endif
