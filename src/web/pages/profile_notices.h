/*
 * profile_notices: a person's choices about the mail certtrack sends them
 * (/profile/notices, MAIL_SETTINGS_PATH of mail/mail_compose.h, the address every
 * message's footer names): notices gathered or in a daily digest, and each kind of
 * notice and reminder on or off (actions/notice_settings.h). Any signed-in person.
 */
#ifndef CERTTRACK_PROFILE_NOTICES_H
#define CERTTRACK_PROFILE_NOTICES_H

#include "../http/request.h"

/* GET /profile/notices: the form, with the person's choices. */
enum ct_status page_profile_notices(struct web_request *request, struct web_response *response,
                                    int64_t id) CT_MUST_CHECK;

/* POST /profile/notices: field delivery ("gathered" or "daily") and a checkbox on-KIND
 * for each kind that may be turned off (left empty: off). Redirects to the page saying
 * the choices are saved, or shows the form again with the fault (400). */
enum ct_status page_profile_notices_submit(struct web_request *request,
                                           struct web_response *response, int64_t id) CT_MUST_CHECK;

#endif
