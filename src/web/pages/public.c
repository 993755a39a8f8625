#include "public.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/api_json.h"
#include "../html/form.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../http/rate_limit.h"
#include "../../certificates/certificate_documents.h"
#include "../../certificates/credential.h"
#include "../../certificates/signing_key.h"
#include "../../io/clock.h"
#include "../../store/store_settings.h"
#include "../html/layout.h"
#include "../../core/banned.h"

bool certificate_code_normal(const char *text, char out[VERIFICATION_CODE_SIZE])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    size_t used = 0;
    for (const char *c = text; *c != '\0'; c++) {
        if (*c == ' ' || *c == '-') {
            continue;
        }
        char upper = (char)toupper((unsigned char)*c);
        if (used + 1 >= VERIFICATION_CODE_SIZE || upper == '\0' ||
            strchr(alphabet, upper) == NULL) {
            return false;
        }
        out[used++] = upper;
    }
    out[used] = '\0';
    return used + 1 == VERIFICATION_CODE_SIZE;
}

/* What a certificate's check says. */
enum check_state { CHECK_VALID, CHECK_EXPIRED, CHECK_REVOKED };

static enum check_state state_of(const struct certificate_record *record, struct civil_date today)
{
    if (civil_date_is_set(record->revoked)) {
        return CHECK_REVOKED;
    }
    return civil_date_compare(today, record->valid_until) >= 0 ? CHECK_EXPIRED : CHECK_VALID;
}

static const char *const state_words[] = {"valid", "expired", "revoked"};
static const char *const state_titles[] = {"Valid", "Expired", "Revoked"};

/* Whether the request asks for JSON (Accept names application/json). */
static bool wants_json(const struct web_request *request)
{
    const char *accept = web_header_value(request, "Accept");
    return accept != NULL && strstr(accept, "application/json") != NULL;
}

static enum ct_status verify_json(struct web_request *request, struct web_response *response,
                                  const struct certificate_record *record)
{
    char issued[CIVIL_DATE_TEXT_SIZE], until[CIVIL_DATE_TEXT_SIZE], revoked[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(record->issued, issued);
    civil_date_format(record->valid_until, until);
    enum check_state state = state_of(record, request->today);
    json_t *revocation = json_null();
    if (state == CHECK_REVOKED) {
        civil_date_format(record->revoked, revoked);
        revocation = json_pack("{s:s, s:s}", "date", revoked, "reason", record->revoked_reason);
    }
    json_t *superseded = json_null();
    if (civil_date_is_set(record->superseded)) {
        char day[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(record->superseded, day);
        superseded = json_pack("{s:s}", "date", day);
    }
    json_t *body = json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:s, s:s, s:o, s:I, s:o}", "status",
                             state_words[state], "number", record->number, "holder",
                             record->person_name, "program", "id", record->program, "name",
                             program_set_name(request->store->programs, record->program), "issued",
                             issued, "validUntil", until, "revoked", revocation, "version",
                             (json_int_t)record->version, "superseded", superseded);
    return api_json_send(response, 200, body);
}

/* The state in plain words, as an alert: a success for a valid certificate, an error
 * otherwise. */
static void state_alert(struct html *h, const struct certificate_record *record,
                        enum check_state state)
{
    char text[900], until[64], revoked[64];
    civil_date_format(record->valid_until, until);
    if (state == CHECK_REVOKED) {
        civil_date_format(record->revoked, revoked);
        snprintf(text, sizeof text,
                 "Revoked: this certificate is not valid. The issuer revoked it on %s.", revoked);
    } else if (state == CHECK_EXPIRED) {
        snprintf(text, sizeof text,
                 "Expired: this certificate is no longer valid. It was valid until %s.", until);
    } else {
        snprintf(text, sizeof text, "Valid: this certificate is valid until %s.", until);
    }
    html_alert(h, state == CHECK_VALID ? FORM_ALERT_SUCCESS : FORM_ALERT_ERROR, text);
}

/* Which documents these are, once they have been issued again. */
static void version_terms(struct html *h, const struct certificate_record *record)
{
    if (record->version <= 1 && !civil_date_is_set(record->superseded)) {
        return;
    }
    char day[64], version[24];
    snprintf(version, sizeof version, "%" PRId64, record->version);
    html_term(h, "Documents version", version);
    civil_date_format(record->document_issued, day);
    html_term(h, "Documents issued", day);
    if (civil_date_is_set(record->superseded)) {
        civil_date_format(record->superseded, day);
        html_term(h, "Superseded on", day);
    }
}

static void verify_summary(struct web_request *request, struct html *h,
                           const struct certificate_record *record, enum check_state state,
                           const char *issuer)
{
    char issued[64], until[64], credits[32];
    civil_date_format(record->issued, issued);
    civil_date_format(record->valid_until, until);
    snprintf(credits, sizeof credits, "%" PRId64 "%s", record->credit_halves / 2,
             record->credit_halves % 2 != 0 ? ".5" : "");
    html_markup(h, "<dl class=\"summary\">\n");
    const char *terms[][2] = {
        {"Status", state_titles[state]},
        {"Holder", record->person_name},
        {"Program", program_set_name(request->store->programs, record->program)},
        {"Credits earned", credits},
        {"Issued", issued},
        {"Valid until", until},
        {"Certificate number", record->number},
        {"Issuer", issuer},
    };
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        html_term(h, terms[i][0], terms[i][1]);
    }
    if (state == CHECK_REVOKED) {
        char revoked[64];
        civil_date_format(record->revoked, revoked);
        html_term(h, "Revoked on", revoked);
        html_term(h, "Reason", record->revoked_reason);
    }
    version_terms(h, record);
    html_markup(h, "</dl>\n");
}

/* For documents issued again since (a name change): that these are genuine but
 * superseded, and where the current ones are, linking to nothing. */
static void superseded_alert(struct html *h, const struct certificate_record *record)
{
    if (!civil_date_is_set(record->superseded)) {
        return;
    }
    char day[64], text[600];
    civil_date_format(record->superseded, day);
    snprintf(text, sizeof text,
             "Superseded: these documents are genuine, but the issuer issued the documents of"
             " certificate %s again on %s. The holder has the current documents, with a new"
             " verification code; the state below is the certificate's own.",
             record->number, day);
    html_alert(h, FORM_ALERT_INFO, text);
}

static enum ct_status verify_page(struct web_request *request, struct web_response *response,
                                  const struct certificate_record *record)
{
    char issuer[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "issuer-name", issuer, &err);
    enum check_state state = state_of(record, request->today);
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Certificate check");
    struct html h;
    html_start(&h, &response->body);
    superseded_alert(&h, record);
    state_alert(&h, record, state);
    verify_summary(request, &h, record, state, issuer);
    html_markup(&h, "<p>This page is the issuer's own record of the certificate, as of"
                    " today. <a href=\"/check-certificate\">Check another"
                    " certificate</a>.</p>\n");
    return html_status(&h);
}

static enum ct_status not_found(struct web_request *request, struct web_response *response)
{
    if (wants_json(request)) {
        return api_json_send(response, 404, json_pack("{s:s}", "status", "not-found"));
    }
    response->status = 404;
    web_set_title(response, "Certificate check");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_ERROR,
               "Not found: no certificate has this verification code. Check the"
               " address or the code as printed on the certificate.");
    html_markup(&h, "<p><a href=\"/check-certificate\">Type a verification code</a></p>\n");
    return html_status(&h);
}

static enum ct_status too_many(struct web_request *request, struct web_response *response,
                               int64_t retry_after)
{
    char seconds[24];
    snprintf(seconds, sizeof seconds, "%" PRId64, retry_after);
    web_add_header(response, "Retry-After", seconds);
    if (wants_json(request)) {
        return api_json_send(response, 429, json_pack("{s:s}", "status", "too-many-requests"));
    }
    return page_error(request, response, 429, "Too many checks",
                      "This address has checked many certificates in a short time. Wait a"
                      " minute, then try again.");
}

enum ct_status page_certificate_verify(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    int64_t retry_after = 0;
    if (request->public_limit != NULL &&
        !rate_limit_take(request->public_limit, request->client_address, request->now,
                         &retry_after)) {
        return too_many(request, response, retry_after);
    }
    const char *typed = strrchr(request->path, '/') + 1;
    char code[VERIFICATION_CODE_SIZE];
    if (strlen(typed) > 64 || !certificate_code_normal(typed, code)) {
        return not_found(request, response);
    }
    struct certificate_record record;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_certificate_find_by_code(request->store, code, &record, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return not_found(request, response);
    }
    web_add_header(response, "Access-Control-Allow-Origin", "*");
    return wants_json(request) ? verify_json(request, response, &record)
                               : verify_page(request, response, &record);
}

/* The answer when the server has no signing key. */
static enum ct_status no_signing_key(struct web_response *response)
{
    return api_json_send(response, 503, json_pack("{s:s}", "status", "no-signing-key"));
}

enum ct_status certificate_public_keys(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    const json_t *key = request->config->signing_key;
    if (key == NULL) {
        return no_signing_key(response);
    }
    json_t *key_set = NULL;
    struct ct_err err = {0};
    enum ct_status status = certificate_key_set(request->store, key, &key_set, &err);
    if (status != CT_OK) {
        return status;
    }
    web_add_header(response, "Cache-Control", "public, max-age=300");
    web_add_header(response, "Access-Control-Allow-Origin", "*");
    return api_json_send(response, 200, key_set);
}

enum ct_status certificate_public_key(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    const json_t *key = request->config->signing_key;
    if (key == NULL) {
        return no_signing_key(response);
    }
    const char *asked = strrchr(request->path, '/') + 1;
    const char *thumbprint = json_string_value(json_object_get(key, "kid"));
    if (thumbprint == NULL || strcmp(asked, thumbprint) != 0) {
        return api_json_send(response, 404, json_pack("{s:s}", "status", "not-found"));
    }
    char public_url[STORE_SETTING_SIZE], key_id[STORE_SETTING_SIZE + 128];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    if (status != CT_OK) {
        return status;
    }
    credential_key_id(public_url, key, key_id, sizeof key_id);
    web_add_header(response, "Cache-Control", "public, max-age=300");
    web_add_header(response, "Access-Control-Allow-Origin", "*");
    return api_json_send(response, 200, signing_key_public(key, key_id));
}

enum ct_status certificate_issuer_profile(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    (void)id;
    char public_url[STORE_SETTING_SIZE], issuer[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    if (status == CT_OK) {
        status = store_setting_get(request->store, "issuer-name", issuer, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    web_add_header(response, "Access-Control-Allow-Origin", "*");
    return api_json_send(
        response, 200, credential_issuer_profile(public_url, issuer, request->config->signing_key));
}

enum ct_status certificate_revocation_list(struct web_request *request,
                                           struct web_response *response, int64_t id)
{
    (void)id;
    const json_t *key = request->config->signing_key;
    if (key == NULL) {
        return no_signing_key(response);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    char *jwt = NULL;
    struct ct_err err = {0};
    enum ct_status status = certificate_status_list(request->store, key, now, &jwt, &err);
    if (status == CT_OK) {
        status = buf_append_str(&response->body, jwt);
        response->content_type = "application/vc+jwt";
        web_add_header(response, "Cache-Control", "no-cache");
        web_add_header(response, "Access-Control-Allow-Origin", "*");
    }
    free(jwt);
    return status;
}

enum ct_status certificate_achievement(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    const char *program_id = strrchr(request->path, '/') + 1;
    const struct program *program = program_set_find(request->store->programs, program_id);
    if (program == NULL) {
        return api_json_send(response, 404, json_pack("{s:s}", "status", "not-found"));
    }
    char public_url[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    if (status != CT_OK) {
        return status;
    }
    struct credential_facts facts = {
        .public_url = public_url,
        .program_id = program->id,
        .program_name = program->name,
        .program_description = program->description,
        .credits_required_halves = program->total_halves,
    };
    json_t *achievement = credential_achievement(&facts);
    if (achievement != NULL &&
        json_object_set_new(
            achievement, "@context",
            json_pack("[s,s]", "https://www.w3.org/ns/credentials/v2",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")) != 0) {
        json_decref(achievement);
        achievement = NULL;
    }
    web_add_header(response, "Access-Control-Allow-Origin", "*");
    return api_json_send(response, 200, achievement);
}
