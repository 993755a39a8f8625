/*
 * verify: the supervisor's queue of claimed credits waiting for verification. The
 * decision is the action's (src/actions/claims.h): all or none, only claims of the
 * people they verify.
 */
#ifndef CERTTRACK_VERIFY_H
#define CERTTRACK_VERIFY_H

#include "../http/request.h"

/* GET /verify: the activities that the signed-in supervisor verifies, still pending. */
enum ct_status page_verify(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /verify: verify or reject (with a reason) the selected activities (fields
 * activity, action, reason), all or none. Without confirm=yes, the decision is only
 * checked and a confirmation page shows what will happen (each claim with the engine's
 * warning); that page's button sends it again with confirm=yes. */
enum ct_status page_verify_submit(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
