/*
 * routes: the route table (method, path, who may call it, handler) and the dispatch
 * that applies it: authentication, role checks and CSRF checks happen here, once, for
 * every route.
 */
#ifndef CERTTRACK_ROUTES_H
#define CERTTRACK_ROUTES_H

#include "http/request.h"

/* Handles a request whose session (if any) is already loaded into request. */
enum ct_status routes_dispatch(struct web_request *request,
                               struct web_response *response) CT_MUST_CHECK;

/* False for the routes that authenticate otherwise than by a session (the xAPI
 * resource, /xapi/): no session is read for them, and they take larger bodies. */
bool routes_use_sessions(const char *path);

/* True when the route at method and path takes a file upload (multipart/form-data,
 * read as it arrives up to WEB_UPLOAD_LIMIT) from someone with roles (role bits): the
 * server then streams the body to a temporary file. Asked before the body is read, so
 * that nobody else can make the server keep a large file. */
bool routes_take_upload(const char *method, const char *path, unsigned roles);

/* Fills response with the refusal of a request body over its limit (413). */
enum ct_status routes_too_large(const char *path, struct web_response *response) CT_MUST_CHECK;

#endif
