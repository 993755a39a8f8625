/*
 * api_profile: the signed-in person's own record and profile through the API, and the
 * CE coordinator's reset of a second factor.
 */
#ifndef CERTTRACK_API_PROFILE_H
#define CERTTRACK_API_PROFILE_H

#include "../http/request.h"

/* GET /api/v1/me/record: everything certtrack holds about the signed-in person
 * (store_person_record_json), as /profile/record.json gives it. */
enum ct_status api_me_record(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/name: body {"name"}; the actor's own name (action_profile_name_set). */
enum ct_status api_me_name(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /api/v1/me/password: body {"current_password", "new_password"}
 * (action_profile_password_change). */
enum ct_status api_me_password(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* POST /api/v1/people/{id}/second-factor/reset: the CE coordinator removes person id's
 * second factor (action_second_factor_reset); no body. */
enum ct_status api_second_factor_reset(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

#endif
