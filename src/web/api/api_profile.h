/*
 * api_profile: the signed-in person's own record through the API.
 */
#ifndef CERTTRACK_API_PROFILE_H
#define CERTTRACK_API_PROFILE_H

#include "../http/request.h"

/* GET /api/v1/me/record: everything certtrack holds about the signed-in person
 * (store_person_record_json), as /profile/record.json gives it. */
enum ct_status api_me_record(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

#endif
