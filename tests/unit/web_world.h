/*
 * web_world: requests made in a unit test, without a server: a struct web_request filled
 * as server.c fills it (a signed-in person of an action_world, the form, the query, a
 * JSON body), run through the route table (routes_dispatch: the same access, CSRF and
 * layout as the server), and the response read back.
 */
#ifndef CERTTRACK_TEST_WEB_WORLD_H
#define CERTTRACK_TEST_WEB_WORLD_H

#include <stdint.h>

#include "action_world.h"
#include "web/http/request.h"

struct web_call {
    struct web_config config;
    struct web_request request;
    struct web_response response;
    char body[64 * 1024]; /* the JSON body, when one is sent */
    bool without_csrf;    /* a POST that does not carry the form's CSRF token */
};

/* Starts a call of method on path (with its query after '?', when any) by person_id (0:
 * nobody signed in) on today ("YYYY-MM-DD"). A POST by a signed-in person carries the
 * session's CSRF token, as the pages' forms do (unless call->without_csrf is set before
 * web_call_run). */
void web_call_begin(struct web_call *call, struct action_world *world, const char *method,
                    const char *path, int64_t person_id, const char *today);

/* Adds a form field (copied). */
void web_call_form(struct web_call *call, const char *name, const char *value);

/* Sends json (copied) as the body, application/json, as an API client with a personal
 * token does. */
void web_call_json(struct web_call *call, const char *json);

/* Runs the call through the route table; fails the test when it fails (500). */
void web_call_run(struct web_call *call);

/* The response's body, NUL-terminated. */
const char *web_call_body(const struct web_call *call);

/* Asserts that the body holds text. */
void web_call_assert_body_has(const struct web_call *call, const char *text);

/* Releases what the call holds. */
void web_call_end(struct web_call *call);

#endif
