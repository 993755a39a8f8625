/*
 * profile: a signed-in person's own profile (/profile): their name, their password, their
 * e-mail address (shown), their second factor (/profile/second-factor, for the CE
 * coordinator and the consultants), and the download of their whole record
 * (/profile/record.json and their certificates' transcripts).
 */
#ifndef CERTTRACK_PROFILE_H
#define CERTTRACK_PROFILE_H

#include "../http/request.h"

/* GET /profile: the forms for the name and the password, and the record's links. */
enum ct_status page_profile(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

/* POST /profile: action name (field name) or password (fields current_password,
 * new_password). */
enum ct_status page_profile_submit(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* GET /profile/record.json: everything certtrack holds about the signed-in person, as a
 * file to save (store_person_record_json). */
enum ct_status page_profile_record(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

#endif
