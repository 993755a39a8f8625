/*
 * The records that wait for an account link or a course mapping (store_harvest.h).
 *
 * Report files keep nothing waiting: a row whose learner or course is unknown is
 * refused with its reason, and the coordinator imports the file again once the person
 * or the mapping exists. xAPI statements do wait; the xAPI side applies them here.
 */
#include "store_harvest.h"

#include "../core/banned.h"

enum ct_status store_harvest_apply_waiting_account(struct store *store, int64_t actor_id,
                                                   int64_t site_id, const char *account_name,
                                                   int64_t person_id, int64_t *applied,
                                                   struct ct_err *err)
{
    (void)store;
    (void)actor_id;
    (void)site_id;
    (void)account_name;
    (void)person_id;
    (void)err;
    *applied = 0;
    return CT_OK;
}

enum ct_status store_harvest_apply_waiting_event(struct store *store, int64_t actor_id,
                                                 int64_t event_id, int64_t *applied,
                                                 struct ct_err *err)
{
    (void)store;
    (void)actor_id;
    (void)event_id;
    (void)err;
    *applied = 0;
    return CT_OK;
}
