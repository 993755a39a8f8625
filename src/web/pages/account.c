#include "account.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/accounts.h"
#include "../../actions/profile.h"
#include "../../io/password_quality.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../http/rate_limit.h"
#include "../http/session.h"
#include "../../core/banned.h"

/* A form token for a public form: a new pre-session cookie and its token into token. */
static enum ct_status public_form_token(struct web_request *request, struct web_response *response,
                                        char token[SESSION_TOKEN_SIZE])
{
    char pre_session[SESSION_TOKEN_SIZE];
    store_session_random_token(pre_session);
    struct ct_err err = {0};
    enum ct_status status = session_login_token(request->store, pre_session, token, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_login", pre_session, true, 3600,
                       request->config->secure_cookies);
    }
    return status;
}

/* Whether the posted form's token is the one issued with its pre-session cookie. */
static enum ct_status public_form_valid(struct web_request *request, bool *valid)
{
    struct ct_err err = {0};
    return session_login_token_check(request->store, request->login_csrf_cookie,
                                     web_form_value(request, "csrf_token"), valid, &err);
}

/* What the password form shows: the link's token and each field's error. */
struct password_form {
    const char *token;
    enum account_link_purpose purpose;
    const struct action_outcome *outcome; /* the refusal, or NULL */
    const char *password_error;
    const char *confirmation_error;
};

static enum ct_status password_page(struct web_request *request, struct web_response *response,
                                    const struct password_form *form)
{
    char csrf[SESSION_TOKEN_SIZE];
    enum ct_status status = public_form_token(request, response, csrf);
    if (status != CT_OK) {
        return status;
    }
    bool invitation = form->purpose == ACCOUNT_LINK_INVITATION;
    web_set_title(response, invitation ? "Choose your password" : "Choose a new password");
    struct html h;
    html_start(&h, &response->body);
    const struct error_summary_field fields[] = {
        {"password", NULL, invitation ? "Password" : "New password"},
        {"confirmation", NULL, "The same password again"},
    };
    html_refused_summary(&h, "The password was not saved", form->outcome, fields,
                         sizeof fields / sizeof fields[0]);
    html_markup(&h, "<p>A password of at least 12 characters that is not a common one: a few"
                    " unrelated words are easy to remember and hard to guess.</p>\n"
                    "<form method=\"post\" action=\"/account/password\" class=\"usa-form\">\n");
    html_csrf(&h, csrf);
    html_hidden(&h, "token", form->token);
    struct form_field password = {.id = "password",
                                  .label = invitation ? "Password" : "New password",
                                  .hint = "At least 12 characters.",
                                  .error = form->password_error,
                                  .type = "password",
                                  .required = true};
    struct form_field confirmation = {.id = "confirmation",
                                      .label = "The same password again",
                                      .error = form->confirmation_error,
                                      .type = "password",
                                      .required = true};
    html_field(&h, &password);
    html_field(&h, &confirmation);
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Save the password and sign"
                    " in</button>\n</form>\n");
    return html_status(&h);
}

enum ct_status page_account_password(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    (void)id;
    const char *token = web_query_value(request, "token");
    struct account_link link;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_account_link_find(request->store, token, &link, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_error(request, response, 404, "Link not known",
                          "This link is not known. Copy the whole link from the mail, or ask"
                          " for a new one.");
    }
    enum account_link_state state = account_link_state_at(&link, request->now);
    if (state != ACCOUNT_LINK_USABLE) {
        return page_error(request, response, 410, "Link no longer valid",
                          account_link_refusal(state, link.purpose));
    }
    struct password_form form = {.token = token, .purpose = link.purpose};
    return password_page(request, response, &form);
}

/* A new session for person_id, its cookie, and the dashboard. */
static enum ct_status sign_in(struct web_request *request, struct web_response *response,
                              int64_t person_id)
{
    char session[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        store_session_create(request->store, person_id, request->now, session, csrf, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_session", session, true, SESSION_ABSOLUTE_SECONDS,
                       request->config->secure_cookies);
        web_redirect(response, "/");
    }
    return status;
}

/* The form again (400), or the refusal of the link itself. */
static enum ct_status password_refused(struct web_request *request, struct web_response *response,
                                       const char *token, const struct action_outcome *outcome)
{
    const struct action_fault *password = action_fault_of(outcome, "password");
    const struct action_fault *confirmation = action_fault_of(outcome, "confirmation");
    if (outcome->refusal != ACTION_BAD_INPUT || (password == NULL && confirmation == NULL)) {
        return page_error(request, response, outcome->refusal == ACTION_NOT_FOUND ? 404 : 410,
                          "Link no longer valid", outcome->err.message);
    }
    char password_message[300], confirmation_message[300];
    snprintf(password_message, sizeof password_message, "The password %s.",
             password != NULL ? password->message : "");
    snprintf(confirmation_message, sizeof confirmation_message, "The second password %s.",
             confirmation != NULL ? confirmation->message : "");
    struct password_form form = {
        .token = token,
        .purpose = ACCOUNT_LINK_INVITATION,
        .outcome = outcome,
        .password_error = password != NULL ? password_message : NULL,
        .confirmation_error = confirmation != NULL ? confirmation_message : NULL,
    };
    struct account_link link;
    bool found = false;
    struct ct_err err = {0};
    if (store_account_link_find(request->store, token, &link, &found, &err) == CT_OK && found) {
        form.purpose = link.purpose;
    }
    response->status = 400;
    return password_page(request, response, &form);
}

enum ct_status page_account_password_submit(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    (void)id;
    bool valid = false;
    enum ct_status status = public_form_valid(request, &valid);
    if (status != CT_OK) {
        return status;
    }
    const char *token = web_form_value(request, "token");
    if (!valid) {
        return page_error(request, response, 400, "Form expired",
                          "This form has expired. Follow the link from the mail again.");
    }
    struct link_password_input input = {
        .token = token,
        .password = web_form_value(request, "password"),
        .confirmation = web_form_value(request, "confirmation"),
    };
    if (input.confirmation == NULL) {
        input.confirmation = "";
    }
    struct actor actor = web_actor(request);
    struct link_password_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_link_password_set(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return password_refused(request, response, token != NULL ? token : "", &outcome);
    }
    return status != CT_OK ? status : sign_in(request, response, result.person_id);
}

/* The reset form, with message (NULL: none) and the e-mail field's error. */
static enum ct_status reset_page(struct web_request *request, struct web_response *response,
                                 const char *done, const char *email_error)
{
    char csrf[SESSION_TOKEN_SIZE];
    enum ct_status status = public_form_token(request, response, csrf);
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Forgot your password?");
    struct html h;
    html_start(&h, &response->body);
    if (done != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, done);
    }
    html_markup(&h, "<p>Enter the e-mail address you sign in with. If it belongs to an account,"
                    " a link to choose a new password is sent to it; the link works once, within"
                    " an hour.</p>\n"
                    "<form method=\"post\" action=\"/password-reset\" class=\"usa-form\">\n");
    html_csrf(&h, csrf);
    struct form_field email = {.id = "email",
                               .label = "E-mail address",
                               .error = email_error,
                               .type = "email",
                               .value = web_form_value(request, "email"),
                               .required = true};
    html_field(&h, &email);
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Send the link</button>\n"
                    "</form>\n<p><a href=\"/login\">Back to signing in</a></p>\n");
    return html_status(&h);
}

enum ct_status page_password_reset(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    return reset_page(request, response, NULL, NULL);
}

enum ct_status page_password_reset_submit(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    (void)id;
    bool valid = false;
    enum ct_status status = public_form_valid(request, &valid);
    if (status != CT_OK) {
        return status;
    }
    if (!valid) {
        response->status = 400;
        return reset_page(request, response, NULL, "This form has expired: send it again.");
    }
    int64_t retry_after = 0;
    if (request->public_limit != NULL &&
        !rate_limit_take(request->public_limit, request->client_address, request->now,
                         &retry_after)) {
        return page_error(request, response, 429, "Too many requests",
                          "This address has asked for many links in a short time. Wait a"
                          " minute, then try again.");
    }
    struct password_reset_input input = {web_form_value(request, "email")};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_password_reset_request(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return reset_page(request, response, NULL, "Enter the e-mail address you sign in with.");
    }
    return status != CT_OK ? status
                           : reset_page(request, response,
                                        "If this address belongs to an account, a link to choose"
                                        " a new password is on its way. It works once, within an"
                                        " hour.",
                                        NULL);
}

/* ---- confirming a new e-mail address ---- */

/* The confirmation form of an e-mail change link (token borrowed) to new_email. */
static enum ct_status email_page(struct web_request *request, struct web_response *response,
                                 const char *token, const char *new_email)
{
    char csrf[SESSION_TOKEN_SIZE];
    enum ct_status status = public_form_token(request, response, csrf);
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Confirm your new e-mail address");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>From now on you will sign in with <strong>");
    html_text(&h, new_email);
    html_markup(&h, "</strong>, and certtrack's mail will come there. The address you have now"
                    " is told of the change.</p>\n"
                    "<form method=\"post\" action=\"/account/email\" class=\"usa-form\">\n");
    html_csrf(&h, csrf);
    html_hidden(&h, "token", token);
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Confirm the new address"
                    "</button>\n</form>\n");
    return html_status(&h);
}

enum ct_status page_account_email(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    const char *token = web_query_value(request, "token");
    struct account_link link;
    char new_email[ACCOUNT_EMAIL_SIZE];
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_account_email_link_find(request->store, token, &link, new_email, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_error(request, response, 404, "Link not known",
                          "This link is not known. Copy the whole link from the mail, or ask"
                          " for a new one on your profile.");
    }
    enum account_link_state state = account_link_state_at(&link, request->now);
    if (state != ACCOUNT_LINK_USABLE) {
        return page_error(request, response, 410, "Link no longer valid",
                          profile_email_link_refusal(state));
    }
    return email_page(request, response, token, new_email);
}

/* The page a refused confirmation shows, by what refused it. */
static enum ct_status email_refused(struct web_request *request, struct web_response *response,
                                    const struct action_outcome *outcome)
{
    unsigned code = outcome->refusal == ACTION_NOT_FOUND     ? 404
                    : outcome->refusal == ACTION_NOT_ALLOWED ? 403
                    : action_fault_of(outcome, "new_email") != NULL ||
                            strcmp(outcome->err.where, "new_email") == 0
                        ? 409
                        : 410;
    return page_error(request, response, code, "The address was not changed", outcome->err.message);
}

enum ct_status page_account_email_submit(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    bool valid = false;
    enum ct_status status = public_form_valid(request, &valid);
    if (status != CT_OK) {
        return status;
    }
    if (!valid) {
        return page_error(request, response, 400, "Form expired",
                          "This form has expired. Follow the link from the mail again.");
    }
    struct email_confirm_input input = {web_form_value(request, "token")};
    struct actor actor = web_actor(request);
    struct email_confirm_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_profile_email_change_confirm(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return email_refused(request, response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Your e-mail address is changed");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_SUCCESS, "Your e-mail address is changed.");
    html_markup(&h, "<p>You sign in with <strong>");
    html_text(&h, result.new_email);
    html_markup(&h, "</strong> from now on. A mail to your old address says so.</p>\n"
                    "<p><a class=\"usa-link\" href=\"/\">Go on to certtrack</a></p>\n");
    return html_status(&h);
}
