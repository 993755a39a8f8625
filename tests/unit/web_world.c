#include "web_world.h"

#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_people.h"
#include "web/api/api_json.h"
#include "web/routes.h"
#include "core/banned.h"

#define TEST_CSRF "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* Splits "a=1&b=2" (in the arena) into the query's pairs. */
static void read_query(struct web_request *request, const char *query)
{
    char *copy = arena_strdup(&request->arena, query);
    assert_non_null(copy);
    for (char *pair = copy; pair != NULL && *pair != '\0';) {
        char *next = strchr(pair, '&');
        if (next != NULL) {
            *next++ = '\0';
        }
        char *equals = strchr(pair, '=');
        if (equals != NULL) {
            *equals++ = '\0';
        }
        web_pairs_add(&request->query, pair, equals);
        pair = next;
    }
}

static void sign_in(struct web_call *call, struct action_world *world, int64_t person_id)
{
    struct person_roles person;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_person_get_roles(&world->store, person_id, &person, &found, &err), &err);
    assert_true(found);
    struct web_request *request = &call->request;
    request->signed_in = true;
    request->person_id = person_id;
    request->roles = person.roles;
    request->library_id = person.library_id;
    snprintf(request->name, sizeof request->name, "%s", person.name);
    snprintf(request->csrf, sizeof request->csrf, "%s", TEST_CSRF);
}

void web_call_begin(struct web_call *call, struct action_world *world, const char *method,
                    const char *path, int64_t person_id, const char *today)
{
    memset(call, 0, sizeof *call);
    call->config = (struct web_config){.programs = test_msl_programs(), .threads = 1};
    struct web_request *request = &call->request;
    request->config = &call->config;
    request->method = method;
    request->client_address = "127.0.0.1";
    request->store = &world->store;
    request->today = test_day(today);
    request->now = (int64_t)request->today.days * 86400 + 12 * 3600;
    request->body = "";
    const char *question = strchr(path, '?');
    request->path = question != NULL ? arena_strdup(&request->arena, path) : path;
    if (question != NULL) {
        ((char *)request->path)[question - path] = '\0';
        read_query(request, question + 1);
        request->query_as_of = web_query_value(request, "as_of");
    }
    if (person_id != 0) {
        sign_in(call, world, person_id);
    }
    call->response = (struct web_response){.status = 200};
    buf_init(&call->response.body, (size_t)64 << 20);
}

void web_call_form(struct web_call *call, const char *name, const char *value)
{
    assert_int_equal(web_form_add(&call->request.form, name, value), CT_OK);
}

void web_call_json(struct web_call *call, const char *json)
{
    snprintf(call->body, sizeof call->body, "%s", json);
    call->request.body = call->body;
    call->request.body_length = strlen(call->body);
    call->request.content_type = "application/json";
    call->request.by_token = call->request.signed_in;
    api_json_parse_body(&call->request);
}

void web_call_run(struct web_call *call)
{
    if (call->request.signed_in && strcmp(call->request.method, "POST") == 0 &&
        !call->without_csrf) {
        web_call_form(call, "csrf_token", TEST_CSRF);
    }
    enum ct_status status = routes_dispatch(&call->request, &call->response);
    if (status != CT_OK) {
        fail_msg("%s %s failed: %s", call->request.method, call->request.path,
                 ct_status_name(status));
    }
}

const char *web_call_body(const struct web_call *call)
{
    return buf_str(&call->response.body);
}

void web_call_assert_body_has(const struct web_call *call, const char *text)
{
    if (strstr(web_call_body(call), text) == NULL) {
        fail_msg("the body of %s %s (%u) has no \"%s\":\n%.2000s", call->request.method,
                 call->request.path, call->response.status, text, web_call_body(call));
    }
}

void web_call_end(struct web_call *call)
{
    buf_release(&call->response.body);
    json_decref(call->request.json);
    for (size_t i = 0; i < call->request.form.count; i++) {
        free(call->request.form.names[i]);
        free(call->request.form.values[i]);
    }
    arena_release(&call->request.arena);
}
