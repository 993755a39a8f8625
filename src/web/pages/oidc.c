#include "oidc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/sign_in.h"
#include "../../oidc/oidc_sign_in.h"
#include "../../store/store_oidc.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "login.h"
#include "../http/session.h"
#include "../../core/banned.h"

/* The cookie that holds the state of the sign-in this browser began. */
#define OIDC_COOKIE "certtrack_oidc"

/* The page of a sign-in that did not go through: what happened and the way back. */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              unsigned status, const char *reason, const char *detail)
{
    (void)request;
    buf_release(&response->body); /* nothing written before counts */
    response->status = status;
    web_set_title(response, "Sign-in refused");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<div class=\"usa-alert usa-alert--error\" role=\"alert\">"
                    "<div class=\"usa-alert__body\">"
                    "<h2 class=\"usa-alert__heading\">You are not signed in</h2>"
                    "<p class=\"usa-alert__text\">");
    html_text(&h, reason);
    if (detail != NULL && detail[0] != '\0') {
        html_markup(&h, " (");
        html_text(&h, detail);
        html_markup(&h, ")");
    }
    html_markup(&h, "</p></div></div>\n"
                    "<p><a class=\"usa-link\" href=\"/login\">Back to the sign-in page</a></p>\n");
    return html_status(&h);
}

/* The provider's trouble, for the operator's log and the page. */
static enum ct_status provider_trouble(struct web_request *request, struct web_response *response,
                                       const struct ct_err *err)
{
    char text[800];
    ct_err_format(err, text, sizeof text);
    fprintf(stderr, "certtrack: sign-in through the identity provider: %s\n", text);
    return refused(request, response, 502,
                   "The identity provider cannot be used right now. Try again later, or sign in"
                   " with your password.",
                   NULL);
}

/* The settings when the provider is set up: *on false (and a 404 page) when not. */
static enum ct_status settings_on(struct web_request *request, struct web_response *response,
                                  struct oidc_settings *settings, bool *on)
{
    struct ct_err err = {0};
    enum ct_status status = oidc_settings_load(request->store, settings, on, &err);
    if (status != CT_OK || *on) {
        return status;
    }
    return page_not_found(request, response, "sign-in service");
}

enum ct_status page_oidc_begin(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    struct oidc_settings settings;
    bool on = false;
    enum ct_status status = settings_on(request, response, &settings, &on);
    if (status != CT_OK || !on) {
        return status;
    }
    struct buf address;
    buf_init(&address, sizeof response->location - 1);
    struct ct_err err = {0};
    char state[OIDC_RANDOM_SIZE];
    status = oidc_sign_in_start(request->store, request->oidc_cache, &settings, request->now,
                                &address, state, &err);
    if (status == CT_OK) {
        /* The way back counts only in the browser that set out: a callback address sent
         * to someone else signs no one in (login CSRF). */
        web_set_cookie(response, OIDC_COOKIE, state, true, OIDC_SIGN_IN_SECONDS,
                       request->config->secure_cookies);
        web_redirect(response, buf_str(&address));
    } else if (status == CT_ERR_IO) {
        status = provider_trouble(request, response, &err);
    }
    buf_release(&address);
    return status;
}

/* Signs in the person identity names, or says why not. */
static enum ct_status sign_in_person(struct web_request *request, struct web_response *response,
                                     const struct oidc_settings *settings,
                                     const struct oidc_identity *identity)
{
    struct actor actor = actor_system(request->now, request->today);
    struct sign_in_match_input input = {identity->email, identity->email_verified, identity->name,
                                        settings->create_people};
    struct sign_in_match_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_sign_in_match(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, 403, outcome.err.message, NULL);
    }
    return status != CT_OK ? status : page_login_start_session(request, response, result.person_id);
}

/* The state the provider sent back, taken: CT_OK with *good when it is one of ours,
 * begun in this browser. */
static enum ct_status state_taken(struct web_request *request, struct web_response *response,
                                  struct oidc_sign_in *sign_in, bool *good)
{
    const char *state = web_query_value(request, "state");
    const char *cookie = web_cookie_value(request, OIDC_COOKIE);
    *good = false;
    web_set_cookie(response, OIDC_COOKIE, "", true, 0, request->config->secure_cookies);
    if (state != NULL && (cookie == NULL || !session_tokens_match(cookie, state))) {
        return refused(request, response, 400,
                       "This sign-in was begun in another browser, or its cookie is gone. Start"
                       " again from the sign-in page.",
                       NULL);
    }
    enum oidc_state_check check = OIDC_STATE_UNKNOWN;
    struct ct_err err = {0};
    enum ct_status status =
        store_oidc_sign_in_take(request->store, state, request->now, &check, sign_in, &err);
    *good = status == CT_OK && check == OIDC_STATE_GOOD;
    if (status != CT_OK || *good) {
        return status;
    }
    return refused(request, response, 400,
                   check == OIDC_STATE_EXPIRED
                       ? "This sign-in took more than ten minutes and has expired. Start again"
                         " from the sign-in page."
                       : "This sign-in is not one certtrack began, or it was finished already."
                         " Start again from the sign-in page.",
                   NULL);
}

enum ct_status page_oidc_callback(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct oidc_sign_in sign_in;
    bool good = false;
    enum ct_status status = state_taken(request, response, &sign_in, &good);
    if (status != CT_OK || !good) {
        return status;
    }
    const char *error = web_query_value(request, "error");
    const char *code = web_query_value(request, "code");
    if (error != NULL || code == NULL || code[0] == '\0') {
        return refused(request, response, 401, "The identity provider did not sign you in.",
                       error != NULL ? error : "it sent no code");
    }
    struct oidc_settings settings;
    bool on = false;
    status = settings_on(request, response, &settings, &on);
    if (status != CT_OK || !on) {
        return status;
    }
    enum oidc_token_check check = OIDC_TOKEN_REFUSED;
    struct oidc_identity identity;
    struct ct_err err = {0};
    status = oidc_sign_in_finish(request->oidc_cache, &settings, &sign_in, code, request->now,
                                 &check, &identity, &err);
    if (status != CT_OK) {
        return status == CT_ERR_IO ? provider_trouble(request, response, &err) : status;
    }
    if (check != OIDC_TOKEN_GOOD) {
        fprintf(stderr, "certtrack: an ID token was refused: %s\n", err.message);
        return refused(request, response, 401,
                       "certtrack could not trust the identity provider's answer.", err.message);
    }
    return sign_in_person(request, response, &settings, &identity);
}
