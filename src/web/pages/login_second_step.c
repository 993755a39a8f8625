#include "login_second_step.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/second_factor.h"
#include "../../store/store_secrets.h"
#include "../../store/store_sessions.h"
#include "../api/api.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../http/session.h"
#include "../../core/banned.h"

#define STEP_COOKIE     "certtrack_second_step"
#define STEP_TOKEN_SIZE 160

/* The HMAC of "PERSON.EXPIRES" in hex into mac. */
static enum ct_status step_mac(struct store *store, const char *signed_part,
                               char mac[2 * crypto_auth_hmacsha256_BYTES + 1], struct ct_err *err)
{
    unsigned char key[STORE_SECRET_BYTES];
    enum ct_status status = store_secret_get(store, STORE_SECRET_SECOND_STEP, key, err);
    if (status != CT_OK) {
        return status;
    }
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(digest, (const unsigned char *)signed_part, strlen(signed_part), key);
    sodium_memzero(key, sizeof key);
    sodium_bin2hex(mac, 2 * crypto_auth_hmacsha256_BYTES + 1, digest, sizeof digest);
    return CT_OK;
}

static enum ct_status step_token_make(struct store *store, int64_t person_id, int64_t now,
                                      char out[STEP_TOKEN_SIZE], struct ct_err *err)
{
    char signed_part[64];
    snprintf(signed_part, sizeof signed_part, "%" PRId64 ".%" PRId64, person_id,
             now + LOGIN_SECOND_STEP_SECONDS);
    char mac[2 * crypto_auth_hmacsha256_BYTES + 1];
    enum ct_status status = step_mac(store, signed_part, mac, err);
    if (status == CT_OK) {
        snprintf(out, STEP_TOKEN_SIZE, "%s.%s", signed_part, mac);
    }
    return status;
}

/* The person a live, well-signed step token names, or 0. */
static enum ct_status step_token_person(struct store *store, const char *token, int64_t now,
                                        int64_t *person_id, struct ct_err *err)
{
    *person_id = 0;
    long long person = 0, expires = 0;
    int used = 0;
    if (token == NULL || strlen(token) >= STEP_TOKEN_SIZE ||
        sscanf(token, "%lld.%lld.%n", &person, &expires, &used) != 2 || used == 0) {
        return CT_OK;
    }
    char signed_part[64];
    snprintf(signed_part, sizeof signed_part, "%.*s", used - 1, token);
    char mac[2 * crypto_auth_hmacsha256_BYTES + 1];
    enum ct_status status = step_mac(store, signed_part, mac, err);
    if (status == CT_OK && strlen(token + used) == strlen(mac) &&
        sodium_memcmp(token + used, mac, strlen(mac)) == 0 && expires > now && person > 0) {
        *person_id = person;
    }
    return status;
}

/* What the form's token is bound to (as the sign-in form's is to its pre-session
 * cookie): the step token's MAC, its last 64 hex digits. */
static const char *step_binding(const char *step_token)
{
    const char *dot = strrchr(step_token, '.');
    return dot != NULL ? dot + 1 : step_token;
}

/* The second step's form, with message (NULL: none) above it. */
static enum ct_status step_form(struct web_request *request, struct web_response *response,
                                const char *step_token, const char *message)
{
    char form_token[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        session_login_token(request->store, step_binding(step_token), form_token, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Sign in: second step");
    struct html h;
    html_start(&h, &response->body);
    if (message != NULL) {
        html_alert(&h, FORM_ALERT_ERROR, message);
    }
    html_markup(&h, "<form method=\"post\" action=\"/login/second-step\" class=\"usa-form\">\n");
    html_csrf(&h, form_token);
    html_markup(&h, "<label class=\"usa-label\" for=\"code\">Code from your authenticator"
                    " app</label>\n<div class=\"usa-hint\" id=\"code-hint\">Or one of your"
                    " recovery codes.</div>\n<input class=\"usa-input\" id=\"code\" name=\"code\""
                    " aria-describedby=\"code-hint\" autocomplete=\"one-time-code\""
                    " inputmode=\"text\" required>\n<button type=\"submit\" class=\"usa-button\">"
                    "Sign in</button>\n</form>\n");
    return html_status(&h);
}

enum ct_status login_second_step_begin(struct web_request *request, struct web_response *response,
                                       int64_t person_id, bool *asked)
{
    struct ct_err err = {0};
    enum ct_status status = second_factor_confirmed(request->store, person_id, asked, &err);
    if (status != CT_OK || !*asked) {
        return status;
    }
    char token[STEP_TOKEN_SIZE];
    status = step_token_make(request->store, person_id, request->now, token, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_cookie(response, STEP_COOKIE, token, true, LOGIN_SECOND_STEP_SECONDS,
                   request->config->secure_cookies);
    return step_form(request, response, token, NULL);
}

static const char *const too_many_codes =
    "Too many wrong codes. Wait a few minutes, then try again.";

/* Whether this person or this address must wait before another code. */
static enum ct_status code_waits(struct web_request *request, const struct login_keys *keys,
                                 bool *refused, struct ct_err *err)
{
    const char *const keyed[] = {keys->address, keys->account, keys->account_at_address};
    enum ct_status status = CT_OK;
    *refused = false;
    for (size_t i = 0; i < 3 && status == CT_OK; i++) {
        int64_t wait = 0;
        status = store_login_wait_seconds(request->store, keyed[i], request->now, &wait, err);
        *refused = *refused || wait > 0;
    }
    return status;
}

static enum ct_status code_failed(struct web_request *request, const struct login_keys *keys,
                                  struct ct_err *err)
{
    const char *const recorded[] = {keys->address, keys->account, keys->account_at_address};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < 3 && status == CT_OK; i++) {
        status = store_login_failure_record(request->store, recorded[i], request->now, err);
    }
    return status;
}

static enum ct_status signed_in(struct web_request *request, struct web_response *response,
                                int64_t person_id)
{
    char session[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        store_session_create(request->store, person_id, request->now, session, csrf, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_session", session, true, SESSION_ABSOLUTE_SECONDS,
                       request->config->secure_cookies);
        web_set_cookie(response, STEP_COOKIE, "", true, 0, request->config->secure_cookies);
        web_redirect(response, "/");
    }
    return status;
}

/* Checks the code of person_id's half-done sign-in (the waits are checked): *accepted
 * when it is right; a wrong one is counted. */
static enum ct_status check_code(struct web_request *request, const struct login_keys *keys,
                                 int64_t person_id, bool *accepted, struct ct_err *err)
{
    enum ct_status status = second_factor_verify(
        request->store, person_id, web_form_value(request, "code"), request->now, accepted, err);
    if (status != CT_OK || *accepted) {
        return status;
    }
    return code_failed(request, keys, err);
}

/* Checks the code of person_id's half-done sign-in, under the slowing down of wrong ones. */
static enum ct_status try_code(struct web_request *request, struct web_response *response,
                               int64_t person_id, const char *step_token)
{
    struct login_keys keys;
    char account[64];
    snprintf(account, sizeof account, "second-factor:%" PRId64, person_id);
    login_keys_make(&keys, 0, account, request->client_address);
    bool refused = false, accepted = false;
    struct ct_err err = {0};
    enum ct_status status = code_waits(request, &keys, &refused, &err);
    if (status != CT_OK) {
        return status;
    }
    if (refused) {
        response->status = 429;
        return step_form(request, response, step_token, too_many_codes);
    }
    status = check_code(request, &keys, person_id, &accepted, &err);
    if (status != CT_OK) {
        return status;
    }
    if (accepted) {
        return signed_in(request, response, person_id);
    }
    response->status = 401;
    return step_form(request, response, step_token,
                     "The code is not right, or it was used already. Enter the code the app"
                     " shows now.");
}

enum ct_status page_login_second_step(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    const char *step_token = web_cookie_value(request, STEP_COOKIE);
    int64_t person_id = 0;
    bool valid = false;
    struct ct_err err = {0};
    enum ct_status status =
        step_token_person(request->store, step_token, request->now, &person_id, &err);
    if (status == CT_OK && person_id > 0) {
        status = session_login_token_check(request->store, step_binding(step_token),
                                           web_form_value(request, "csrf_token"), &valid, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (person_id == 0 || !valid) {
        /* An expired or forged half-done sign-in starts again from the password. */
        web_set_cookie(response, STEP_COOKIE, "", true, 0, request->config->secure_cookies);
        web_redirect(response, "/login");
        return CT_OK;
    }
    return try_code(request, response, person_id, step_token);
}

/* Whether path may be asked for by a person who must set up a second factor first. */
static bool open_while_held(const char *path)
{
    static const char *const open_paths[] = {"/profile/second-factor", "/logout",  "/login",
                                             "/login/second-step",     "/healthz", "/favicon.ico"};
    for (size_t i = 0; i < sizeof open_paths / sizeof open_paths[0]; i++) {
        if (strcmp(path, open_paths[i]) == 0) {
            return true;
        }
    }
    return strncmp(path, "/assets/", 8) == 0;
}

enum ct_status second_factor_hold(struct web_request *request, struct web_response *response,
                                  bool *held)
{
    *held = false;
    if (!request->signed_in || (request->roles & SECOND_FACTOR_ROLES) == 0 ||
        open_while_held(request->path)) {
        return CT_OK;
    }
    struct ct_err err = {0};
    enum ct_status status = second_factor_setup_required(request->store, request->person_id,
                                                         request->roles, held, &err);
    if (status != CT_OK || !*held) {
        return status;
    }
    if (strncmp(request->path, "/api/", 5) == 0) {
        return api_error(response, 403, "second-factor-required",
                         "Set up a second factor first: /profile/second-factor.");
    }
    web_redirect(response, "/profile/second-factor");
    return CT_OK;
}
