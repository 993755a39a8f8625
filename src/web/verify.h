/*
 * verify: the supervisor's queue of claimed credits waiting for verification.
 */
#ifndef CERTTRACK_VERIFY_H
#define CERTTRACK_VERIFY_H

#include "web.h"

/* GET /verify: the activities that the signed-in supervisor verifies, still pending. */
enum ct_status page_verify(struct web_request *request, struct web_response *response,
                           const char *message) CT_MUST_CHECK;

/* POST /verify: verify or reject (with a reason) the selected activities, all or none. */
enum ct_status page_verify_submit(struct web_request *request,
                                  struct web_response *response) CT_MUST_CHECK;

#endif
