/*
 * routes: the route table (method, path, who may call it, handler) and the dispatch
 * that applies it: authentication, role checks and CSRF checks happen here, once, for
 * every route.
 */
#ifndef CERTTRACK_ROUTES_H
#define CERTTRACK_ROUTES_H

#include "web.h"

/* Handles a request whose session (if any) is already loaded into request. */
enum ct_status routes_dispatch(struct web_request *request,
                               struct web_response *response) CT_MUST_CHECK;

#endif
