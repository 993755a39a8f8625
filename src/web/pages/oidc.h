/*
 * oidc: signing in through the State's OpenID Connect provider (oidc/oidc_sign_in.h):
 * GET /login/oidc (to the provider) and GET
 * /login/oidc/callback (back from it: the state, the code exchanged for the ID token,
 * its checks, the person it names, a session). Refusals are pages that say why. The
 * button on the sign-in page is login.c's.
 */
#ifndef CERTTRACK_PAGES_OIDC_H
#define CERTTRACK_PAGES_OIDC_H

#include "../http/request.h"

/* GET /login/oidc: begins a sign-in and sends the browser to the provider. */
enum ct_status page_oidc_begin(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* GET /login/oidc/callback: finishes it, or says why not. */
enum ct_status page_oidc_callback(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
