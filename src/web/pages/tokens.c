#include "tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/tokens.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/moment.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

static void moment(struct html *h, int64_t seconds)
{
    html_markup(h, "<td>");
    html_moment_unix(h, seconds, "never");
    html_markup(h, "</td>");
}

static void token_row(struct web_request *request, struct html *h, const struct store_token *token)
{
    html_markup(h, "<tr><td>");
    html_text(h, token->name);
    html_markup(h, "</td>");
    moment(h, token->created_at);
    moment(h, token->last_used_at);
    html_markup(h, "<td>");
    if (token->revoked_at != 0) {
        html_markup(h, "revoked");
    } else {
        html_markup(h, "<form method=\"post\" action=\"/tokens\">");
        html_csrf(h, request->csrf);
        html_hidden(h, "action", "revoke");
        html_hidden_id(h, "token", token->id);
        html_markup(h, "<button type=\"submit\" class=\"usa-button\">Revoke</button></form>");
    }
    html_markup(h, "</td></tr>\n");
}

static void token_table(struct web_request *request, struct html *h)
{
    struct store_token *tokens = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_tokens_of(request->store, request->person_id, &tokens, &count, &err));
    html_markup(h, "<table class=\"usa-table usa-table--borderless\">\n<caption>Your API "
                   "tokens</caption>\n<thead><tr>"
                   "<th scope=\"col\">Name</th><th scope=\"col\">Created</th>"
                   "<th scope=\"col\">Last used</th><th scope=\"col\">State</th>"
                   "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < count; i++) {
        token_row(request, h, &tokens[i]);
    }
    html_markup(h, "</tbody>\n</table>\n");
    free(tokens);
}

static void new_token_alert(struct html *h, const char *new_token)
{
    html_markup(h, "<div class=\"usa-alert usa-alert--success\" role=\"status\"><div "
                   "class=\"usa-alert__body\"><p class=\"usa-alert__text\">Your new token (copy "
                   "it now; it is not shown again):</p><p class=\"usa-alert__text\"><code>");
    html_text(h, new_token);
    html_markup(h, "</code></p></div></div>\n");
}

static void create_form(struct web_request *request, struct html *h, const char *name_error)
{
    html_markup(h, "<h2>Create a token</h2>\n<form method=\"post\" action=\"/tokens\""
                   " class=\"usa-form\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", "create");
    struct form_field name = {
        .id = "name",
        .label = "Name of a new token",
        .hint = "Say which program uses it, so that you know which to revoke.",
        .error = name_error,
        .control = FORM_INPUT,
        .value = name_error != NULL ? web_form_value(request, "name") : NULL,
        .required = true,
    };
    html_field(h, &name);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Create a token</button></form>\n");
}

/* The page, with the error of a refused create next to the name field when
 * name_error is set (and the typed name kept). */
static enum ct_status tokens_page(struct web_request *request, struct web_response *response,
                                  const char *new_token, const char *message,
                                  const char *name_error)
{
    web_set_title(response, "API tokens");
    struct html h;
    html_start(&h, &response->body);
    html_slim_error(&h, message, name_error != NULL);
    if (new_token != NULL) {
        new_token_alert(&h, new_token);
    }
    html_markup(&h, "<p>Programs use a token with the header"
                    " <code>Authorization: Bearer TOKEN</code> on /api/v1.</p>\n");
    token_table(request, &h);
    create_form(request, &h, name_error);
    return html_status(&h);
}

/* The page with new_token shown once (or NULL) and message (or NULL) above the list. */
static enum ct_status show_tokens(struct web_request *request, struct web_response *response,
                                  const char *new_token, const char *message)
{
    return tokens_page(request, response, new_token, message, NULL);
}

enum ct_status page_tokens(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return show_tokens(request, response, NULL, NULL);
}

static enum ct_status create_token(struct web_request *request, struct web_response *response)
{
    struct actor actor = web_actor(request);
    struct token_create_input input = {.name = web_form_value(request, "name")};
    struct token_create_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_token_create(request->store, &actor, &input, &result, &outcome);
    if (status == CT_OK) {
        /* Shown once, on this response only. */
        return show_tokens(request, response, result.token, NULL);
    }
    const struct action_fault *name = action_fault_of(&outcome, "name");
    if (status == CT_ERR_INPUT && name != NULL) {
        response->status = 400;
        return tokens_page(request, response, NULL, "The token was not created: see the name.",
                           name->message);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return show_tokens(request, response, NULL, outcome.err.message);
    }
    return status;
}

static enum ct_status revoke_token(struct web_request *request, struct web_response *response)
{
    struct actor actor = web_actor(request);
    const char *id = web_form_value(request, "token");
    struct token_revoke_input input = {.token_id = id != NULL ? strtoll(id, NULL, 10) : 0};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_token_revoke(request->store, &actor, &input, &outcome);
    /* A token revoked already (a second click, an old page) is as asked. */
    if (status == CT_OK || outcome.refusal == ACTION_WRONG_STATE) {
        web_redirect(response, "/tokens");
        return CT_OK;
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return show_tokens(request, response, NULL, outcome.err.message);
    }
    return status;
}

enum ct_status page_tokens_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    if (action != NULL && strcmp(action, "create") == 0) {
        return create_token(request, response);
    }
    if (action != NULL && strcmp(action, "revoke") == 0) {
        return revoke_token(request, response);
    }
    response->status = 400;
    return show_tokens(request, response, NULL, "Choose create or revoke.");
}
