#include "kept_form.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../store/store_kept_forms.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../http/session.h"
#include "login.h"
#include "../../core/banned.h"

#define KEPT_FORM_MAX_BYTES (64 * 1024)

bool kept_form_field_dropped(const char *name)
{
    return strcmp(name, "csrf_token") == 0 || strstr(name, "password") != NULL;
}

/* The fields worth keeping as a JSON array of [name, value] pairs (a new string the
 * caller frees), or NULL when there are none or they are too large. */
static char *fields_json(const struct web_form *form)
{
    json_t *pairs = json_array();
    for (size_t i = 0; pairs != NULL && i < form->count; i++) {
        if (!kept_form_field_dropped(form->names[i])) {
            json_array_append_new(pairs, json_pack("[s, s]", form->names[i], form->values[i]));
        }
    }
    char *text = NULL;
    if (pairs != NULL && json_array_size(pairs) > 0) {
        text = json_dumps(pairs, JSON_COMPACT);
    }
    json_decref(pairs);
    if (text != NULL && strlen(text) > KEPT_FORM_MAX_BYTES) {
        free(text);
        text = NULL;
    }
    return text;
}

enum ct_status kept_form_hold(struct web_request *request, struct web_response *response)
{
    /* Only a browser's form from a session that ended: not an API client's request, not a
     * visitor who never signed in. */
    bool from_ended_session = request->bearer_token == NULL && request->session_cookie != NULL;
    char *fields = from_ended_session ? fields_json(&request->form) : NULL;
    if (fields == NULL || strlen(request->path) >= KEPT_FORM_PATH_SIZE) {
        free(fields);
        web_redirect(response, "/login");
        return CT_OK;
    }
    char token[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        store_kept_form_put(request->store, request->path, fields, request->now, token, &err);
    free(fields);
    if (status != CT_OK) {
        return status;
    }
    web_set_cookie(response, KEPT_FORM_COOKIE, token, true, KEPT_FORM_SECONDS,
                   request->config->secure_cookies);
    char words[64], message[300];
    session_idle_words(web_session_idle_seconds(request->config), words, sizeof words);
    snprintf(message, sizeof message,
             "You were signed out after %s without activity. What you typed is kept: sign in"
             " again to go back to it.",
             words);
    response->status = 401;
    status = page_login_notice(request, response, message);
    return status == CT_OK ? layout_wrap(request, response) : status;
}

/* One kept field: its name and what was typed, shown, and sent again as a hidden field. */
static void kept_field(struct html *h, const char *name, const char *value)
{
    html_markup(h, "<dt>");
    html_text(h, name);
    html_markup(h, "</dt><dd class=\"kept-value\">");
    html_text(h, value[0] != '\0' ? value : "(empty)");
    html_markup(h, "</dd>\n");
}

/* The page for the kept form: its fields and the form that sends them to path again. */
static void kept_page(struct web_request *request, struct html *h, const char *path, json_t *pairs)
{
    html_markup(h, "<p>Your session had ended when you sent this form, so it was kept while you"
                   " signed in again. Send it again to go on where you were, or leave it.</p>\n"
                   "<dl class=\"summary kept-fields\">\n");
    size_t index;
    json_t *pair;
    json_array_foreach(pairs, index, pair)
    {
        const char *name = json_string_value(json_array_get(pair, 0));
        const char *value = json_string_value(json_array_get(pair, 1));
        if (name != NULL && value != NULL) {
            kept_field(h, name, value);
        }
    }
    html_markup(h, "</dl>\n<form method=\"post\" class=\"usa-form\" action=\"");
    html_text(h, path);
    html_markup(h, "\">\n");
    html_csrf(h, request->csrf);
    json_array_foreach(pairs, index, pair)
    {
        const char *name = json_string_value(json_array_get(pair, 0));
        const char *value = json_string_value(json_array_get(pair, 1));
        if (name != NULL && value != NULL && !kept_form_field_dropped(name)) {
            html_hidden(h, name, value);
        }
    }
    html_markup(h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\">Send it"
                   " again</button> <a class=\"usa-button usa-button--outline\" href=\"/\">Leave"
                   " it</a></div>\n</form>\n");
}

enum ct_status page_kept_form(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    bool found = false;
    char path[KEPT_FORM_PATH_SIZE];
    char *fields = NULL;
    struct ct_err err = {0};
    enum ct_status status =
        store_kept_form_take(request->store, web_cookie_value(request, KEPT_FORM_COOKIE),
                             request->now, &found, path, &fields, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_cookie(response, KEPT_FORM_COOKIE, "", true, 0, request->config->secure_cookies);
    json_t *pairs = found ? json_loads(fields, 0, NULL) : NULL;
    free(fields);
    web_set_title(response, "What you typed");
    struct html h;
    html_start(&h, &response->body);
    if (json_is_array(pairs) && path[0] == '/') {
        kept_page(request, &h, path, pairs);
    } else {
        html_markup(&h, "<p>Nothing is kept for you any more: a form is kept for 15 minutes"
                        " after the sign-out, and shown once.</p>\n<p><a href=\"/\">Go to your"
                        " dashboard</a></p>\n");
    }
    json_decref(pairs);
    return html_status(&h);
}
