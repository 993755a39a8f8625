/*
 * login: signing in (with the slowing down of failed attempts) and out.
 */
#ifndef CERTTRACK_LOGIN_H
#define CERTTRACK_LOGIN_H

#include "../http/request.h"

/* The sign-in page's content (laid out by its routes), with message (NULL: none) above
 * the form. */
enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message) CT_MUST_CHECK;

/* page_login with message as a notice (an information alert), not an error. */
enum ct_status page_login_notice(struct web_request *request, struct web_response *response,
                                 const char *message) CT_MUST_CHECK;

/* Signs person_id in: a new session, its cookie, and to the dashboard, or to the form
 * kept while the session had ended (kept_form.h) (the password's and the identity
 * provider's sign-in alike). */
enum ct_status page_login_start_session(struct web_request *request, struct web_response *response,
                                        int64_t person_id) CT_MUST_CHECK;

/* POST /login. */
enum ct_status page_login_submit(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /logout. */
enum ct_status page_logout(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /session/stay (the session's CSRF token): marks the session used now
 * (store_session_keep); answers {"seconds_left": N} to a request that accepts application/json (the
 * idle warning's script), else sends to the dashboard. */
enum ct_status page_session_stay(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* GET /login: the form, or to the dashboard when signed in already. */
enum ct_status page_login_form(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

#endif
