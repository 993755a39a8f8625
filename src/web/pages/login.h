/*
 * login: signing in (with the slowing down of failed attempts) and out.
 */
#ifndef CERTTRACK_LOGIN_H
#define CERTTRACK_LOGIN_H

#include "../http/request.h"

/* GET /login: the form, with message (NULL: none) above it. */
enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message) CT_MUST_CHECK;

/* POST /login. */
enum ct_status page_login_submit(struct web_request *request,
                                 struct web_response *response) CT_MUST_CHECK;

/* POST /logout. */
enum ct_status page_logout(struct web_request *request,
                           struct web_response *response) CT_MUST_CHECK;

#endif
