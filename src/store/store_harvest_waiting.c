#include "store_harvest_waiting.h"

#include "store_xapi.h"
#include "../core/banned.h"

enum ct_status store_harvest_apply_waiting_account(struct store *store, int64_t actor_id,
                                                   int64_t site_id, const char *account_name,
                                                   int64_t person_id, int64_t *applied,
                                                   struct ct_err *err)
{
    (void)actor_id;  /* the statements are applied as the LMS's doing (actor 0) */
    (void)person_id; /* found again through the link, as for any statement */
    struct xapi_waiting_filter filter = {.site_id = site_id, .account_name = account_name};
    return store_xapi_apply_waiting(store, &filter, applied, err);
}

enum ct_status store_harvest_apply_waiting_event(struct store *store, int64_t actor_id,
                                                 int64_t event_id, int64_t *applied,
                                                 struct ct_err *err)
{
    (void)actor_id;
    struct xapi_waiting_filter filter = {.event_id = event_id};
    return store_xapi_apply_waiting(store, &filter, applied, err);
}
