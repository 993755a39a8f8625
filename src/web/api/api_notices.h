/*
 * api_notices: the signed-in person's choices about the mail certtrack sends them, as
 * /profile/notices shows them (actions/notice_settings.h).
 */
#ifndef CERTTRACK_API_NOTICES_H
#define CERTTRACK_API_NOTICES_H

#include "../http/request.h"

/* GET /api/v1/me/notices: {"delivery": "gathered" | "daily", "window_minutes",
 * "digest_time", "kinds": [{"kind", "label", "group": "notice" | "reminder" |
 * "account", "on", "may_turn_off"}]}. */
enum ct_status api_me_notices(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

/* PUT /api/v1/me/notices: body {"delivery", "off": [kind, ...]}, every kind not in off
 * on (action_notice_settings_set); answers the choices as GET does. */
enum ct_status api_me_notices_set(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
