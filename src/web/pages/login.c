#include "login.h"

#include <string.h>

#include "../../store/store_people.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../http/session.h"
#include "../../core/banned.h"

enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message)
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
    struct buf *out = &response->body;
    status = page_begin(request, response, "Sign in");
    if (status == CT_OK && message != NULL) {
        status = html_buf_markup(
            out, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\"><div "
                 "class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
        if (status == CT_OK) {
            status = html_buf_text(out, message);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</p></div></div>\n");
        }
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<form method=\"post\" action=\"/login\" class=\"usa-form\">\n"
                                 "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, token);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "\">\n<label class=\"usa-label\" for=\"email\">E-mail address</label>\n"
                 "<input class=\"usa-input\" id=\"email\" name=\"email\" type=\"email\""
                 " autocomplete=\"username\" required value=\"");
    }
    const char *email = web_form_value(request, "email");
    if (status == CT_OK) {
        status = html_buf_text(out, email != NULL ? email : "");
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "\">\n<label class=\"usa-label\" for=\"password\">Password</label>\n"
                 "<input class=\"usa-input\" id=\"password\" name=\"password\" type=\"password\""
                 " autocomplete=\"current-password\" required>\n"
                 "<button type=\"submit\" class=\"usa-button\">Sign in</button>\n</form>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
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
    int64_t address = 0, pair = 0, account = 0;
    enum ct_status status =
        store_login_wait_seconds(request->store, keys->address, request->now, &address, err);
    if (status == CT_OK) {
        status = store_login_wait_seconds(request->store, keys->account_at_address, request->now,
                                          &pair, err);
    }
    if (status == CT_OK) {
        status =
            store_login_wait_seconds(request->store, keys->account, request->now, &account, err);
    }
    *refused = address > 0 || pair > 0;
    *account_slowed = account > 0;
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

enum ct_status page_login_submit(struct web_request *request, struct web_response *response)
{
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
    if (email == NULL || password == NULL || email[0] == '\0' || password[0] == '\0') {
        response->status = 400;
        return page_login(request, response, "Enter your e-mail address and your password.");
    }
    int64_t person_id = 0;
    struct ct_err lookup = {0};
    if (store_person_find(request->store, email, &person_id, &lookup) != CT_OK) {
        person_id = 0;
    }
    struct login_keys keys;
    login_keys_make(&keys, person_id, email, request->client_address);
    bool refused = false, account_slowed = false;
    status = login_waits(request, &keys, &refused, &account_slowed, &err);
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
     * slow it: the slowdown never locks the owner out. */
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    status = store_session_create(request->store, person_id, request->now, id, csrf, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_session", id, true, SESSION_ABSOLUTE_SECONDS,
                       request->config->secure_cookies);
        web_redirect(response, "/");
    }
    return status;
}

enum ct_status page_logout(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    enum ct_status status = store_session_end(request->store, request->session_cookie, &err);
    web_set_cookie(response, "certtrack_session", "", true, 0, request->config->secure_cookies);
    web_redirect(response, "/login");
    return status;
}
