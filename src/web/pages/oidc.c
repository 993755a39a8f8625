#include "oidc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/sign_in.h"
#include "../../oidc/oidc_id_token.h"
#include "../../oidc/oidc_provider.h"
#include "../../store/store_oidc.h"
#include "../html/layout.h"
#include "login.h"
#include "../../core/banned.h"

void page_oidc_button(struct web_request *request, struct html *h)
{
    struct oidc_settings settings;
    bool on = false;
    struct ct_err err = {0};
    html_fail(h, oidc_settings_load(request->store, &settings, &on, &err));
    if (on) {
        html_markup(h, "<p class=\"margin-top-3\">Or, with your account at the State:</p>\n"
                       "<a class=\"usa-button usa-button--outline\" href=\"/login/oidc\">"
                       "Sign in with ");
        html_text(h, settings.label);
        html_markup(h, "</a>\n");
    }
}

/* The page of a sign-in that did not go through: what happened and the way back. */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              unsigned status, const char *reason, const char *detail)
{
    (void)request;
    buf_release(&response->body);
    buf_init(&response->body, response->body.limit);
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

enum ct_status page_oidc_begin(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    struct oidc_settings settings;
    bool on = false;
    struct ct_err err = {0};
    enum ct_status status = oidc_settings_load(request->store, &settings, &on, &err);
    if (status != CT_OK || !on) {
        return status != CT_OK ? status : page_not_found(request, response, "sign-in service");
    }
    struct oidc_provider provider;
    if (oidc_provider_discover(request->oidc_cache, settings.issuer, request->now, false, &provider,
                               &err) != CT_OK) {
        return provider_trouble(request, response, &err);
    }
    struct oidc_sign_in sign_in;
    struct buf address;
    buf_init(&address, sizeof response->location - 1);
    status = store_oidc_sign_in_begin(request->store, "/", request->now, &sign_in, &err);
    if (status == CT_OK) {
        status = oidc_authorization_url(&provider, &settings, &sign_in, &address, &err);
    }
    if (status == CT_OK) {
        web_redirect(response, buf_str(&address));
    }
    buf_release(&address);
    oidc_provider_release(&provider);
    return status;
}

/* The ID token for code, checked against the provider's keys (fetched again once when
 * the token names a key the cached set lacks). *check and err say what was found. */
static enum ct_status token_identity(struct web_request *request,
                                     const struct oidc_settings *settings,
                                     const struct oidc_sign_in *sign_in, const char *code,
                                     enum oidc_token_check *check, struct oidc_identity *identity,
                                     struct ct_err *err)
{
    struct oidc_provider provider;
    char secret[OIDC_SECRET_SIZE] = "";
    char *id_token = NULL;
    enum ct_status status = oidc_provider_discover(request->oidc_cache, settings->issuer,
                                                   request->now, false, &provider, err);
    if (status == CT_OK) {
        status = oidc_client_secret(settings, secret, sizeof secret, err);
    }
    if (status == CT_OK) {
        status = oidc_code_exchange(&provider, settings, secret, code, sign_in->code_verifier,
                                    &id_token, err);
    }
    const struct oidc_expect expect = {settings->issuer, settings->client_id, sign_in->nonce,
                                       request->now};
    if (status == CT_OK) {
        status = oidc_id_token_check(id_token, provider.key_set, &expect, check, identity, err);
    }
    if (status == CT_OK && *check == OIDC_TOKEN_UNKNOWN_KEY) {
        oidc_provider_release(&provider);
        status = oidc_provider_discover(request->oidc_cache, settings->issuer, request->now, true,
                                        &provider, err);
        if (status == CT_OK) {
            status = oidc_id_token_check(id_token, provider.key_set, &expect, check, identity, err);
        }
    }
    memset(secret, 0, sizeof secret);
    free(id_token);
    oidc_provider_release(&provider);
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

/* The state the provider sent back, taken: CT_OK with *good when it is one of ours. */
static enum ct_status state_taken(struct web_request *request, struct web_response *response,
                                  struct oidc_sign_in *sign_in, bool *good)
{
    enum oidc_state_check check = OIDC_STATE_UNKNOWN;
    struct ct_err err = {0};
    enum ct_status status = store_oidc_sign_in_take(
        request->store, web_query_value(request, "state"), request->now, &check, sign_in, &err);
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
    struct ct_err err = {0};
    status = oidc_settings_load(request->store, &settings, &on, &err);
    if (status != CT_OK || !on) {
        return status != CT_OK ? status : page_not_found(request, response, "sign-in service");
    }
    enum oidc_token_check check = OIDC_TOKEN_REFUSED;
    struct oidc_identity identity;
    if (token_identity(request, &settings, &sign_in, code, &check, &identity, &err) != CT_OK) {
        return provider_trouble(request, response, &err);
    }
    if (check != OIDC_TOKEN_GOOD) {
        fprintf(stderr, "certtrack: an ID token was refused: %s\n", err.message);
        return refused(request, response, 401,
                       "certtrack could not trust the identity provider's answer.", err.message);
    }
    return sign_in_person(request, response, &settings, &identity);
}
