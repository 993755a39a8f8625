#include "certificates.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/certificates.h"
#include "../../certificates/credential.h"
#include "../../core/credit.h"
#include "../../store/store_award.h"
#include "../../store/store_certificate_list.h"
#include "../../store/store_settings.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/paging.h"
#include "certificate_files.h"
#include "certificate_reissue.h"
#include "public.h"
#include "../../core/banned.h"

/* A cell of a date as YYYY-MM-DD (empty when unset). */
static void date_cell(struct html *h, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(date)) {
        civil_date_format(date, text);
    }
    paging_write_cell(h, text, false);
}

/* ---- the list ---- */

/* The columns in the order of the store's enum (store_certificate_list.h). */
static const struct paging_column columns[] = {
    [STORE_CERTIFICATE_NUMBER] = {"number", "Number", false},
    [STORE_CERTIFICATE_HOLDER] = {"name", "Holder", false},
    [STORE_CERTIFICATE_PROGRAM] = {"program", "Program", false},
    [STORE_CERTIFICATE_ISSUED] = {"issued", "Issued", false},
    [STORE_CERTIFICATE_VALID_UNTIL] = {"valid_until", "Valid until", false},
    [STORE_CERTIFICATE_STATE] = {"state", "State", false},
};

static const struct paging_list list = {columns,
                                        sizeof columns / sizeof columns[0],
                                        STORE_CERTIFICATE_ISSUED,
                                        true,
                                        25,
                                        "certificates",
                                        "certificate"};

/* "Valid", or "Revoked on DATE". */
static void state_words(const struct store_certificate_row *certificate, char out[64])
{
    char revoked[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(certificate->revoked)) {
        civil_date_format(certificate->revoked, revoked);
    }
    snprintf(out, 64, civil_date_is_set(certificate->revoked) ? "Revoked on %s" : "Valid", revoked);
}

static void certificate_row(struct html *h, const struct store_certificate_row *certificate)
{
    char state[64];
    state_words(certificate, state);
    html_markup(h, "<tr>");
    paging_write_link_cell(h, "/certificates/", certificate->id, certificate->number);
    paging_write_cell(h, certificate->holder, false);
    paging_write_cell(h, certificate->program, false);
    date_cell(h, certificate->issued);
    date_cell(h, certificate->valid_until);
    paging_write_cell(h, state, false);
    html_markup(h, "</tr>\n");
}

static void search_form(struct html *h, const char *query, const struct paging *paging)
{
    html_markup(h, "<form class=\"usa-form\" method=\"get\" action=\"/certificates\""
                   " role=\"search\">\n");
    struct form_field field = {.id = "q",
                               .label = "Number or name",
                               .hint = "Part of the certificate number or of the holder's name.",
                               .type = "search",
                               .value = query};
    html_field(h, &field);
    html_hidden(h, "sort", columns[paging->column].key);
    html_hidden(h, "dir", paging->descending ? "desc" : "asc");
    html_markup(h, "\n<button class=\"usa-button\" type=\"submit\">Search</button>\n</form>\n");
}

enum ct_status page_certificates(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    web_set_title(response, "Certificates");
    const char *query = web_query_value(request, "q");
    if (query != NULL && strlen(query) > STORE_CERTIFICATE_SEARCH_MAX) {
        query = NULL;
    }
    struct paging paging;
    paging_from_request(&paging, &list, request);
    paging_keep(&paging, "q", query);
    struct ct_err err = {0};
    int64_t total = 0;
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_certificate_list_count(request->store, query, &total, &err));
    paging_set_total(&paging, total);
    struct store_page page = paging_page(&paging);
    struct store_certificate_row *rows = NULL;
    size_t count = 0;
    html_fail(&h, store_certificate_list(request->store, query, &page, &request->arena, &rows,
                                         &count, &err));
    search_form(&h, query, &paging);
    paging_write_table_begin(&h, &paging, "Certificates issued");
    for (size_t i = 0; i < count; i++) {
        certificate_row(&h, &rows[i]);
    }
    paging_write_table_end(&h, &paging);
    return html_status(&h);
}

/* ---- one certificate ---- */

static void date_term(struct html *h, const char *name, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(date)) {
        civil_date_format(date, text);
    }
    html_term(h, name, text);
}

/* The verification URL, a link to the public check. */
static void verification_term(struct web_request *request, struct html *h, const char *code)
{
    char public_url[STORE_SETTING_SIZE], url[STORE_SETTING_SIZE + 64];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    html_fail(h, status);
    if (status != CT_OK) {
        return;
    }
    credential_verify_url(public_url, code, url, sizeof url);
    html_markup(h, "<dt>Verification URL</dt><dd><a href=\"/verify/");
    html_text(h, code);
    html_markup(h, "\">");
    html_text(h, url);
    html_markup(h, "</a></dd>\n");
}

static void certificate_summary(struct web_request *request, struct html *h,
                                const struct store_certificate_row *certificate)
{
    char holder[600], state[64], credits[CREDIT_TEXT_SIZE];
    snprintf(holder, sizeof holder, "%s (%s)", certificate->holder, certificate->email);
    state_words(certificate, state);
    credit_format(certificate->credit_halves, credits);
    bool revoked = civil_date_is_set(certificate->revoked);
    html_markup(h, "<dl class=\"summary\">\n");
    html_term(h, "Holder", holder);
    html_term(h, "Program", program_set_name(request->store->programs, certificate->program));
    html_term(h, "Credits", credits);
    date_term(h, "Issued", certificate->issued);
    date_term(h, "Valid until", certificate->valid_until);
    html_term(h, "State", state);
    if (revoked) {
        html_term(h, "Reason for revoking", certificate->revoked_reason);
    }
    if (revoked && certificate->revoked_by != NULL && certificate->revoked_by[0] != '\0') {
        html_term(h, "Revoked by", certificate->revoked_by);
    }
    verification_term(request, h, certificate->verification_code);
    html_markup(h, "<dt>Documents</dt><dd><ul class=\"usa-list usa-list--unstyled\">");
    certificate_files_list(h, certificate->id, revoked);
    html_markup(h, "</ul></dd>\n</dl>\n");
}

struct revoke_form {
    const char *reason_error;
    const char *alert; /* a refusal that belongs to no field */
};

static const struct revoke_form no_errors = {NULL, NULL};

static void revoke_form_write(struct web_request *request, struct html *h, int64_t id,
                              const struct revoke_form *form)
{
    html_markup(h, "<h2>Revoke this certificate</h2>\n<p>A revoked certificate no longer"
                   " counts as a prerequisite, and the public check says it was revoked."
                   " This cannot be undone. You will be asked to confirm.</p>\n<form"
                   " class=\"usa-form usa-form--large\" method=\"post\" action=\"/certificates/");
    html_int(h, id);
    html_markup(h, "\">\n");
    html_csrf(h, request->csrf);
    struct form_field reason = {.id = "reason",
                                .label = "Reason",
                                .hint = "Why it is revoked; it is kept with the certificate and in"
                                        " the audit trail.",
                                .error = form->reason_error,
                                .control = FORM_TEXTAREA,
                                .value = web_form_value(request, "reason"),
                                .required = true};
    html_field(h, &reason);
    html_markup(h, "<button class=\"usa-button usa-button--secondary\" type=\"submit\">Revoke"
                   " the certificate</button>\n</form>\n");
}

/* The alert at the top: a refusal, the fields to fix, or that it is revoked now. */
static void certificate_alert(struct web_request *request, struct html *h, bool revoked,
                              const struct revoke_form *form)
{
    if (form->alert != NULL) {
        html_alert(h, FORM_ALERT_ERROR, form->alert);
    } else if (form->reason_error != NULL) {
        html_alert(h, FORM_ALERT_ERROR,
                   "The certificate was not revoked: fix what is marked below.");
    } else if (web_query_value(request, "revoked") != NULL && revoked) {
        html_alert(h, FORM_ALERT_SUCCESS, "The certificate is revoked.");
    } else if (web_query_value(request, "reissued") != NULL) {
        html_alert(h, FORM_ALERT_SUCCESS,
                   "The documents are reissued: the PDF and the credential below are the new"
                   " ones, with a new verification code. The holder is told.");
    }
}

static enum ct_status certificate_page(struct web_request *request, struct web_response *response,
                                       int64_t id, const struct revoke_form *form)
{
    struct store_certificate_row certificate;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_certificate_view(request->store, id, &request->arena, &certificate, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "certificate");
    }
    web_set_title(response, "Certificate %s", certificate.number);
    bool revoked = civil_date_is_set(certificate.revoked);
    struct html h;
    html_start(&h, &response->body);
    certificate_alert(request, &h, revoked, form);
    certificate_summary(request, &h, &certificate);
    html_fail(&h, certificate_versions_table(request, &h, id));
    if (!revoked) {
        html_markup(&h, "<h2>Reissue the documents</h2>\n<p>After a name change, the"
                        " documents can be issued again in the holder's name as it is now;"
                        " the certificate keeps its number, award date and expiry. You will"
                        " be asked to confirm.</p>\n");
        html_format(&h,
                    "<p><a class=\"usa-button usa-button--outline\" href=\"/certificates/%" PRId64
                    "/reissue\">Reissue documents</a></p>\n",
                    id);
        revoke_form_write(request, &h, id, form);
    }
    html_markup(&h, "<p><a href=\"/certificates\">All certificates</a></p>\n");
    return html_status(&h);
}

enum ct_status page_certificate(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    return certificate_page(request, response, id, &no_errors);
}

/* The page again after a refused revoke (400), with what to fix. */
static enum ct_status revoke_refused(struct web_request *request, struct web_response *response,
                                     int64_t id, const struct action_outcome *outcome)
{
    const struct action_fault *reason = action_fault_of(outcome, "reason");
    struct revoke_form form = {reason != NULL ? reason->message : NULL, NULL};
    char alert[600];
    if (outcome->refusal != ACTION_BAD_INPUT) {
        /* Already revoked, or no such certificate (certificate_page says 404). */
        snprintf(alert, sizeof alert, "The certificate was not revoked: %s.", outcome->err.message);
        form.alert = alert;
    }
    response->status = 400;
    return certificate_page(request, response, id, &form);
}

bool page_revoke_confirmed(const char *confirm)
{
    return confirm != NULL && strcmp(confirm, "yes") == 0;
}

/* The page that asks before a revoke: what will happen, the reason as it will be shown,
 * the way back first, and the same request with confirm=yes. */
static enum ct_status revoke_confirm_page(struct web_request *request,
                                          struct web_response *response, int64_t id,
                                          const char *reason)
{
    struct store_certificate_row certificate;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_certificate_view(request->store, id, &request->arena, &certificate, &found, &err);
    if (status != CT_OK || !found || civil_date_is_set(certificate.revoked)) {
        return status != CT_OK ? status : certificate_page(request, response, id, &no_errors);
    }
    web_set_title(response, "Revoke certificate %s?", certificate.number);
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>Certificate ");
    html_text(&h, certificate.number);
    html_markup(&h, " will be revoked today. Anyone who verifies it (its public check, its"
                    " PDF's code or its credential) will be told it was revoked, and why:</p>\n"
                    "<blockquote class=\"revoke-reason\">");
    html_text(&h, reason);
    html_markup(
        &h, "</blockquote>\n<p>It will no longer count as a prerequisite. This cannot"
            " be undone.</p>\n<form method=\"post\" class=\"usa-form\" action=\"/certificates/");
    html_int(&h, id);
    html_markup(&h, "\">\n");
    html_csrf(&h, request->csrf);
    html_hidden(&h, "reason", reason);
    html_hidden(&h, "confirm", "yes");
    html_markup(&h, "<div class=\"actions\"><a class=\"usa-button\" href=\"/certificates/");
    html_int(&h, id);
    html_markup(&h, "\">Keep the certificate</a> <button type=\"submit\" class=\"usa-button"
                    " usa-button--secondary\">Revoke the certificate</button></div>\n</form>\n");
    return html_status(&h);
}

static bool blank(const char *text)
{
    for (; text != NULL && *text != '\0'; text++) {
        if (!isspace((unsigned char)*text)) {
            return false;
        }
    }
    return true;
}

enum ct_status page_certificate_revoke(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    const char *reason = web_form_value(request, "reason");
    bool confirmed = page_revoke_confirmed(web_form_value(request, "confirm"));
    if (!confirmed && !blank(reason)) {
        return revoke_confirm_page(request, response, id, reason);
    }
    /* Without a reason the action refuses, naming the field; the confirmation is asked
     * only once there is a reason to show. */
    struct certificate_revoke_input input = {
        .certificate_id = id, .reason = reason, .confirmed = confirmed || blank(reason)};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_certificate_revoke(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return revoke_refused(request, response, id, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    char location[80];
    snprintf(location, sizeof location, "/certificates/%" PRId64 "?revoked=1", id);
    web_redirect(response, location);
    return CT_OK;
}

/* ---- the public check ---- */

static void code_form(struct html *h, const char *typed, const char *error)
{
    html_markup(h, "<form class=\"usa-form\" method=\"get\" action=\"/check-certificate\">\n");
    struct form_field field = {.id = "code",
                               .label = "Verification code",
                               .hint = "The 32 letters and digits printed on the certificate.",
                               .error = error,
                               .value = typed,
                               .required = true};
    html_field(h, &field);
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Check</button>\n</form>\n");
}

enum ct_status page_certificate_check(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    const char *typed = web_query_value(request, "code");
    char code[VERIFICATION_CODE_SIZE];
    bool well_formed = typed != NULL && strlen(typed) < 100 && certificate_code_normal(typed, code);
    if (well_formed) {
        char location[64];
        snprintf(location, sizeof location, "/verify/%s", code);
        web_redirect(response, location);
        return CT_OK;
    }
    const char *error = NULL;
    if (typed != NULL) {
        error = "Enter the 32 letters and digits of the code, as printed on the certificate.";
        response->status = 400;
    }
    web_set_title(response, "Check a certificate");
    struct html h;
    html_start(&h, &response->body);
    code_form(&h, typed, error);
    return html_status(&h);
}
