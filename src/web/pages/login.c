#include "login.h"

#include <string.h>

#include "../../oidc/oidc_provider.h"
#include "../../store/store_kept_forms.h"
#include "../../store/store_people.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../http/session.h"
#include "login_second_step.h"
#include "../../core/banned.h"

/* "Sign in with <label>", to /login/oidc, when an identity provider is set up. */
static void oidc_button(struct web_request *request, struct html *h)
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

/* One control of the sign-in form (id "email" or "password"), in its form group, marked
 * with its fault of faults (NULL: none); value as typed (NULL: none). */
static void login_control(struct html *h, const char *id, const char *label, bool password,
                          const char *value, const struct action_outcome *faults)
{
    const struct action_fault *fault = faults != NULL ? action_fault_of(faults, id) : NULL;
    html_group_begin(h, fault != NULL);
    html_markup(h, "<label class=\"usa-label\" for=\"");
    html_text(h, id);
    html_markup(h, "\">");
    html_text(h, label);
    html_markup(h, "</label>\n");
    html_field_error(h, id, fault != NULL ? fault->message : NULL);
    if (fault != NULL) {
        html_markup(h, "<input class=\"usa-input usa-input--error\" aria-invalid=\"true\""
                       " aria-describedby=\"");
        html_text(h, id);
        html_markup(h, "-error\"");
    } else {
        html_markup(h, "<input class=\"usa-input\"");
    }
    html_markup(h, " id=\"");
    html_text(h, id);
    html_markup(h, "\" name=\"");
    html_text(h, id);
    if (password) {
        html_markup(h, "\" type=\"password\" autocomplete=\"current-password\"");
    } else {
        html_markup(h, "\" type=\"email\" autocomplete=\"username\"");
    }
    if (value != NULL) {
        html_markup(h, " value=\"");
        html_text(h, value);
        html_markup(h, "\"");
    }
    html_markup(h, " required></div>\n");
}

/* The sign-in form's content, with the form's token and message (NULL: none) above it,
 * an error unless notice; or, for a form sent with fields missing, faults (NULL: none)
 * in the error summary and at each field. */
static enum ct_status login_form(struct web_request *request, struct web_response *response,
                                 const char *token, const char *message, bool notice,
                                 const struct action_outcome *faults)
{
    struct html h;
    html_start(&h, &response->body);
    if (message != NULL && notice) {
        html_alert(&h, FORM_ALERT_INFO, message);
    } else if (message != NULL) {
        html_markup(&h, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\">"
                        "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
        html_text(&h, message);
        html_markup(&h, "</p></div></div>\n");
    }
    static const struct error_summary_field fields[] = {
        {"email", NULL, "E-mail address"},
        {"password", NULL, "Password"},
    };
    html_refused_summary(&h, "You are not signed in", faults, fields,
                         sizeof fields / sizeof fields[0]);
    html_markup(&h, "<form method=\"post\" action=\"/login\" class=\"usa-form\">\n");
    html_csrf(&h, token);
    const char *email = web_form_value(request, "email");
    login_control(&h, "email", "E-mail address", false, email != NULL ? email : "", faults);
    login_control(&h, "password", "Password", true, NULL, faults);
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Sign in</button>\n</form>\n"
                    "<p><a href=\"/password-reset\">Forgot your password?</a></p>\n");
    oidc_button(request, &h);
    return html_status(&h);
}

static enum ct_status login_page(struct web_request *request, struct web_response *response,
                                 const char *message, bool notice,
                                 const struct action_outcome *faults)
{
    /* A pre-session cookie, and the form's token bound to it by the server's secret: a
     * cross-site form knows neither, and a planted pair that certtrack did not issue
     * together does not match. */
    char pre_session[SESSION_TOKEN_SIZE], token[SESSION_TOKEN_SIZE];
    store_session_random_token(pre_session);
    struct ct_err err = {0};
    enum ct_status status = session_login_token(request->store, pre_session, token, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_cookie(response, "certtrack_login", pre_session, true, 3600,
                   request->config->secure_cookies);
    web_set_title(response, "Sign in");
    return login_form(request, response, token, message, notice, faults);
}

enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message)
{
    return login_page(request, response, message, false, NULL);
}

enum ct_status page_login_notice(struct web_request *request, struct web_response *response,
                                 const char *message)
{
    return login_page(request, response, message, true, NULL);
}

static const char *const wrong_login = "The e-mail address or the password is not right.";
static const char *const too_many_logins =
    "Too many attempts to sign in. Wait a few minutes, then try again.";

/* The waits the attempt's keys are under: *refused when the client address (alone, or
 * for this account) must wait; *account_slowed when the account's failures from every
 * address passed their free ones. */
static enum ct_status login_waits(struct web_request *request, const struct login_keys *keys,
                                  bool *refused, bool *account_slowed, struct ct_err *err)
{
    const char *const keyed[] = {keys->address, keys->account_at_address, keys->account};
    int64_t waits[3] = {0, 0, 0};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < 3 && status == CT_OK; i++) {
        status = store_login_wait_seconds(request->store, keyed[i], request->now, &waits[i], err);
    }
    *refused = waits[0] > 0 || waits[1] > 0;
    *account_slowed = waits[2] > 0;
    return status;
}

static enum ct_status login_failed(struct web_request *request, struct web_response *response,
                                   const struct login_keys *keys, bool account_slowed)
{
    struct ct_err err = {0};
    const char *const recorded[] = {keys->address, keys->account, keys->account_at_address};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < 3 && status == CT_OK; i++) {
        status = store_login_failure_record(request->store, recorded[i], request->now, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    response->status = account_slowed ? 429 : 401;
    return page_login(request, response, account_slowed ? too_many_logins : wrong_login);
}

/* Where a fresh sign-in goes: to the form kept while the session had ended (kept_form.h)
 * when the browser holds its cookie, else to the dashboard. */
static const char *after_sign_in(const struct web_request *request)
{
    return store_kept_form_token_valid(web_cookie_value(request, KEPT_FORM_COOKIE)) ? "/kept-form"
                                                                                    : "/";
}

enum ct_status page_login_start_session(struct web_request *request, struct web_response *response,
                                        int64_t person_id)
{
    char session[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        store_session_create(request->store, person_id, request->now, session, csrf, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_session", session, true, SESSION_ABSOLUTE_SECONDS,
                       request->config->secure_cookies);
        web_redirect(response, after_sign_in(request));
    }
    return status;
}

/* Checks the password of the account email names (person_id, 0 for none), under the
 * slowing down of failed attempts. */
static enum ct_status try_password(struct web_request *request, struct web_response *response,
                                   int64_t person_id, const char *email, const char *password)
{
    struct login_keys keys;
    login_keys_make(&keys, person_id, email, request->client_address);
    bool refused = false, account_slowed = false;
    struct ct_err err = {0};
    enum ct_status status = login_waits(request, &keys, &refused, &account_slowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (refused) {
        response->status = 429;
        return page_login(request, response, too_many_logins);
    }
    /* The same work whether or not the address names someone. */
    bool matches = false;
    if (person_id > 0) {
        status = store_person_check_password(request->store, person_id, password, &matches, &err);
    } else {
        store_person_check_no_password(password);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!matches) {
        return login_failed(request, response, &keys, account_slowed);
    }
    /* The right password goes through even while the account's failures from elsewhere
     * slow it: the slowdown never locks the owner out. A second factor asks for its
     * code first (login_second_step.h). */
    bool asked = false;
    status = login_second_step_begin(request, response, person_id, &asked);
    return status != CT_OK || asked ? status
                                    : page_login_start_session(request, response, person_id);
}

enum ct_status page_login_submit(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    const char *email = web_form_value(request, "email");
    const char *password = web_form_value(request, "password");
    struct ct_err err = {0};
    bool valid = false;
    enum ct_status status =
        session_login_token_check(request->store, request->login_csrf_cookie,
                                  web_form_value(request, "csrf_token"), &valid, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!valid) {
        response->status = 400;
        return page_login(request, response, "This form has expired. Please sign in again.");
    }
    struct action_outcome faults;
    action_outcome_init(&faults);
    if (email == NULL || email[0] == '\0') {
        action_fault(&faults, "email", "Enter your e-mail address.");
    }
    if (password == NULL || password[0] == '\0') {
        action_fault(&faults, "password", "Enter your password.");
    }
    if (faults.fault_count > 0) {
        response->status = 400;
        return login_page(request, response, NULL, false, &faults);
    }
    int64_t person_id = 0;
    struct ct_err lookup = {0};
    if (store_person_find(request->store, email, &person_id, &lookup) != CT_OK) {
        person_id = 0;
    }
    return try_password(request, response, person_id, email, password);
}

enum ct_status page_logout(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct ct_err err = {0};
    enum ct_status status = store_session_end(request->store, request->session_cookie, &err);
    web_set_cookie(response, "certtrack_session", "", true, 0, request->config->secure_cookies);
    web_redirect(response, "/login");
    return status;
}

enum ct_status page_login_form(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    if (request->signed_in) {
        web_redirect(response, "/");
        return CT_OK;
    }
    return page_login(request, response, NULL);
}

enum ct_status page_session_stay(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    const char *accept = web_header_value(request, "Accept");
    if (accept == NULL || strstr(accept, "application/json") == NULL) {
        web_redirect(response, "/");
        return CT_OK;
    }
    struct store_session_found session;
    struct ct_err err = {0};
    enum ct_status status =
        store_session_keep(request->store, request->session_cookie, request->now,
                           web_session_idle_seconds(request->config), &session, &err);
    if (status != CT_OK) {
        return status;
    }
    response->content_type = "application/json";
    return buf_printf(
        &response->body, "{\"seconds_left\": %lld}\n",
        (long long)(session.found ? session.seconds_left : request->session_seconds_left));
}
