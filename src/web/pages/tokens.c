#include "tokens.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../html/form.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../../core/banned.h"

static enum ct_status wrap(struct buf *out, const char *before, const char *text, const char *after)
{
    enum ct_status status = html_markup_literal(out, before);
    if (status == CT_OK) {
        status = html_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_markup_literal(out, after) : status;
}

static void moment(int64_t seconds, char *out, size_t size)
{
    if (seconds <= 0) {
        snprintf(out, size, "never");
        return;
    }
    time_t when = (time_t)seconds;
    struct tm utc;
    if (gmtime_r(&when, &utc) == NULL) {
        snprintf(out, size, "?");
        return;
    }
    strftime(out, size, "%Y-%m-%d %H:%M UTC", &utc);
}

static enum ct_status token_row(struct web_request *request, struct buf *out, struct db_stmt *stmt)
{
    char created[40], used[40], id[32];
    moment(db_column_int64(stmt, 2), created, sizeof created);
    moment(db_column_int64(stmt, 3), used, sizeof used);
    snprintf(id, sizeof id, "%" PRId64, db_column_int64(stmt, 0));
    bool revoked = !db_column_is_null(stmt, 4);
    enum ct_status status = wrap(out, "<tr><td>", db_column_text(stmt, 1), "</td>");
    if (status == CT_OK) {
        status = wrap(out, "<td>", created, "</td>");
    }
    if (status == CT_OK) {
        status = wrap(out, "<td>", used, "</td><td>");
    }
    if (status == CT_OK && revoked) {
        status = html_markup(out, "revoked");
    } else if (status == CT_OK) {
        status = wrap(out,
                      "<form method=\"post\" action=\"/tokens\"><input type=\"hidden\""
                      " name=\"csrf_token\" value=\"",
                      request->csrf, "\"><input type=\"hidden\" name=\"action\" value=\"revoke\">");
        if (status == CT_OK) {
            status = wrap(out, "<input type=\"hidden\" name=\"token\" value=\"", id,
                          "\"><button type=\"submit\" class=\"usa-button\">Revoke</button></form>");
        }
    }
    return status == CT_OK ? html_markup(out, "</td></tr>\n") : status;
}

static enum ct_status token_table(struct web_request *request, struct buf *out, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db,
                                       "SELECT id, name, created_at, COALESCE(last_used_at, 0),"
                                       " revoked_at FROM api_tokens WHERE person_id = ?"
                                       " ORDER BY created_at DESC, id DESC",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(request->person_id)), 1, err);
    }
    if (status == CT_OK) {
        status =
            html_markup(out, "<table class=\"usa-table usa-table--borderless\">\n<caption>Your API "
                             "tokens</caption>\n<thead><tr>"
                             "<th scope=\"col\">Name</th><th scope=\"col\">Created</th>"
                             "<th scope=\"col\">Last used</th><th scope=\"col\">State</th>"
                             "</tr></thead>\n<tbody>\n");
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = token_row(request, out, stmt);
    }
    db_finalize(stmt);
    return status == CT_OK ? html_markup(out, "</tbody>\n</table>\n") : status;
}

/* The page, with the error of a refused create next to the name field when
 * name_error is set (and the typed name kept). */
static enum ct_status tokens_page(struct web_request *request, struct web_response *response,
                                  const char *new_token, const char *message,
                                  const char *name_error)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "API tokens");
    if (status == CT_OK && message != NULL) {
        status = wrap(
            out,
            name_error != NULL
                ? "<div class=\"usa-alert usa-alert--error usa-alert--slim\"><div "
                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">"
                : "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\"><div "
                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">",
            message, "</p></div></div>\n");
    }
    if (status == CT_OK && new_token != NULL) {
        status = wrap(
            out,
            "<div class=\"usa-alert usa-alert--success\" role=\"status\"><div "
            "class=\"usa-alert__body\"><p class=\"usa-alert__text\">Your new token (copy it now;"
            " it is not shown again):</p><p class=\"usa-alert__text\"><code>",
            new_token, "</code></p></div></div>\n");
    }
    if (status == CT_OK) {
        status = html_markup(out, "<p>Programs use a token with the header"
                                  " <code>Authorization: Bearer TOKEN</code> on /api/v1.</p>\n");
    }
    if (status == CT_OK) {
        status = token_table(request, out, &err);
    }
    if (status == CT_OK) {
        status = html_markup(out, "<h2>Create a token</h2>\n<form method=\"post\""
                                  " action=\"/tokens\" class=\"usa-form\">");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    if (status == CT_OK) {
        status = html_markup(out, "<input type=\"hidden\" name=\"action\" value=\"create\">");
    }
    if (status == CT_OK) {
        struct form_field name = {
            .id = "name",
            .label = "Name of a new token",
            .hint = "Say which program uses it, so that you know which to revoke.",
            .error = name_error,
            .control = FORM_INPUT,
            .value = name_error != NULL ? web_form_value(request, "name") : NULL,
            .required = true,
        };
        status = form_field_write(out, &name);
    }
    if (status == CT_OK) {
        status = html_markup(
            out, "<button type=\"submit\" class=\"usa-button\">Create a token</button></form>\n");
    }
    return status == CT_OK ? page_end(response) : status;
}

enum ct_status page_tokens(struct web_request *request, struct web_response *response,
                           const char *new_token, const char *message)
{
    return tokens_page(request, response, new_token, message, NULL);
}

enum ct_status page_tokens_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    struct ct_err err = {0};
    enum ct_status status = CT_OK;
    if (action != NULL && strcmp(action, "create") == 0) {
        char token[API_TOKEN_SIZE];
        status = api_token_create(request->store, request->person_id,
                                  web_form_value(request, "name"), request->now, token, &err);
        if (status == CT_OK) {
            /* Shown once, on this response only. */
            return page_tokens(request, response, token, NULL);
        }
    } else if (action != NULL && strcmp(action, "revoke") == 0) {
        const char *id = web_form_value(request, "token");
        status = api_token_revoke(request->store, request->person_id,
                                  id != NULL ? strtoll(id, NULL, 10) : 0, request->now, &err);
    } else {
        status = ct_err_set(&err, CT_ERR_INPUT, "action", "Choose create or revoke.");
    }
    if (status == CT_ERR_INPUT && strcmp(err.where, "name") == 0) {
        response->status = 400;
        return tokens_page(request, response, NULL, "The token was not created: see the name.",
                           err.message);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_tokens(request, response, NULL, err.message);
    }
    if (status == CT_OK) {
        web_redirect(response, "/tokens");
    }
    return status;
}
