/*
 * account: the pages of the one-time links (accounts.h): choosing a password from an
 * invitation or a password-reset link (/account/password?token=...), and asking for a
 * reset link ("Forgot your password?", /password-reset); and confirming a new e-mail
 * address through the link mailed to it (/account/email?token=..., profile.h). Nobody is signed in
 * on them, so their forms carry the sign-in form's kind of token (session_login_token), tied to a
 * pre-session cookie.
 */
#ifndef CERTTRACK_PAGES_ACCOUNT_H
#define CERTTRACK_PAGES_ACCOUNT_H

#include "../http/request.h"

/* GET /account/password?token=T: the form, or why the link may not be used. */
enum ct_status page_account_password(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

/* POST /account/password: sets the password and signs the person in (to /), or the
 * form again naming what to fix. */
enum ct_status page_account_password_submit(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;

/* GET /password-reset: the form asking for the e-mail address. */
enum ct_status page_password_reset(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* POST /password-reset: the same answer whether or not the address is known. */
enum ct_status page_password_reset_submit(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;

/* GET /account/email?token=T: the form that confirms the new address the link names, or
 * why the link may not be used (404 unknown, 410 used or expired). Following a link
 * changes nothing until the form is sent (mail scanners follow links too). */
enum ct_status page_account_email(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /account/email (token): changes the address and says so; refusals 404, 410
 * (used, expired), 409 (another person has the address now), 403 (deactivated). */
enum ct_status page_account_email_submit(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;

#endif
