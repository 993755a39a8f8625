#include "request.h"

#include <stdarg.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../core/banned.h"

struct actor web_actor(const struct web_request *request)
{
    return (struct actor){.person_id = request->signed_in ? request->person_id : 0,
                          .roles = request->signed_in ? request->roles : 0,
                          .library_id = request->library_id,
                          .now = request->now,
                          .today = request->today};
}

const char *web_form_value(const struct web_request *request, const char *name)
{
    for (size_t i = 0; i < request->form.count; i++) {
        if (strcmp(request->form.names[i], name) == 0) {
            return request->form.values[i];
        }
    }
    return NULL;
}

enum ct_status web_form_add(struct web_form *form, const char *name, const char *value)
{
    if (form->count == WEB_FORM_MAX_FIELDS) {
        return CT_ERR_TOO_LARGE;
    }
    char *name_copy = strdup(name);
    char *value_copy = strdup(value);
    if (name_copy == NULL || value_copy == NULL) {
        free(name_copy);
        free(value_copy);
        return CT_ERR_NOMEM;
    }
    form->names[form->count] = name_copy;
    form->values[form->count] = value_copy;
    form->count++;
    return CT_OK;
}

void web_set_cookie(struct web_response *response, const char *name, const char *value,
                    bool http_only, int max_age_seconds, bool secure)
{
    if (response->cookie_count == WEB_MAX_COOKIES) {
        return;
    }
    snprintf(response->cookies[response->cookie_count++], sizeof response->cookies[0],
             "%s=%s; Path=/; Max-Age=%d; SameSite=Lax%s%s", name, value, max_age_seconds,
             http_only ? "; HttpOnly" : "", secure ? "; Secure" : "");
}

void web_add_header(struct web_response *response, const char *name, const char *value)
{
    if (response->header_count == WEB_MAX_HEADERS) {
        return;
    }
    response->headers[response->header_count].name = name;
    snprintf(response->headers[response->header_count].value, sizeof response->headers[0].value,
             "%s", value);
    response->header_count++;
}

void web_set_title(struct web_response *response, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(response->title, sizeof response->title, format, arguments);
    va_end(arguments);
}

void web_redirect(struct web_response *response, const char *location)
{
    response->status = 303;
    snprintf(response->location, sizeof response->location, "%s", location);
}

void web_pairs_add(struct web_pairs *pairs, const char *name, const char *value)
{
    if (pairs->count < WEB_MAX_PAIRS) {
        pairs->items[pairs->count++] = (struct web_pair){name, value};
    }
    pairs->total++;
}

/* The first value of the pair named name in any case, or NULL. */
static const char *pair_value(const struct web_pairs *pairs, const char *name)
{
    for (size_t i = 0; i < pairs->count; i++) {
        if (strcasecmp(pairs->items[i].name, name) == 0) {
            return pairs->items[i].value;
        }
    }
    return NULL;
}

const char *web_query_value(const struct web_request *request, const char *name)
{
    return pair_value(&request->query, name);
}

size_t web_query_arguments(const struct web_request *request, struct web_query_argument *arguments,
                           size_t max)
{
    for (size_t i = 0; i < request->query.count && i < max; i++) {
        arguments[i] = (struct web_query_argument){request->query.items[i].name,
                                                   request->query.items[i].value};
    }
    return request->query.total;
}

const char *web_header_value(const struct web_request *request, const char *name)
{
    return pair_value(&request->headers, name);
}

const char *web_cookie_value(const struct web_request *request, const char *name)
{
    return pair_value(&request->cookies, name);
}

int64_t web_session_idle_seconds(const struct web_config *config)
{
    return config != NULL && config->session_idle_seconds > 0 ? config->session_idle_seconds
                                                              : SESSION_IDLE_SECONDS;
}
