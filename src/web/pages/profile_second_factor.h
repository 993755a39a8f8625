/*
 * profile_second_factor: setting up and removing one's second factor
 * (/profile/second-factor), for the CE coordinator and the consultants.
 */
#ifndef CERTTRACK_PROFILE_SECOND_FACTOR_H
#define CERTTRACK_PROFILE_SECOND_FACTOR_H

#include "../http/request.h"

/* GET /profile/second-factor: setting up a second factor (its secret as text and as a QR
 * code, and the form to confirm it with a code), or, once confirmed, the form to remove
 * it. */
enum ct_status page_second_factor(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /profile/second-factor: action confirm (shows the recovery codes once) or remove;
 * field code. */
enum ct_status page_second_factor_submit(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;

#endif
