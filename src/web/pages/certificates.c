#include "certificates.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_award.h"
#include "../../certificates/credential.h"
#include "../../store/store_settings.h"
#include "certificate_files.h"
#include "public.h"
#include "../html/form.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* ---- the list ---- */

static const struct paging_column columns[] = {
    {"number", "Number", "c.number", false},
    {"name", "Holder", "LOWER(p.name)", false},
    {"program", "Program", "c.program", false},
    {"issued", "Issued", "c.issued", false},
    {"valid_until", "Valid until", "c.valid_until", false},
    {"state", "State", "(c.revoked IS NOT NULL)", false},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 3, true, "c.id", 25, "certificates"};

enum { QUERY_MAX = 100 };

static const char filter_sql[] = CERTIFICATES_FILTER_FROM;

void certificates_like_pattern(const char *text, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    if (text == NULL || text[0] == '\0' || size < 4) {
        return;
    }
    out[used++] = '%';
    for (const char *c = text; *c != '\0' && used + 3 < size; c++) {
        if (*c == '%' || *c == '_' || *c == '\\') {
            out[used++] = '\\';
        }
        out[used++] = (char)tolower((unsigned char)*c);
    }
    out[used++] = '%';
    out[used] = '\0';
}

static enum ct_status certificate_row(struct buf *out, struct db_stmt *stmt)
{
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_link_cell(out, "/certificates/", db_column_int64(stmt, 0),
                                  db_column_text(stmt, 1));
    }
    for (int column = 2; column <= 5 && status == CT_OK; column++) {
        status = paging_cell(out, db_column_text(stmt, column), false);
    }
    const char *revoked = db_column_text(stmt, 6);
    char state[64];
    snprintf(state, sizeof state, revoked != NULL ? "Revoked on %s" : "Valid",
             revoked != NULL ? revoked : "");
    if (status == CT_OK) {
        status = paging_cell(out, state, false);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status certificate_rows(struct web_request *request, struct buf *out,
                                       const struct paging *paging, const char *pattern,
                                       struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 2048);
    enum ct_status status = buf_append_str(&sql, "SELECT c.id, c.number, p.name, c.program,"
                                                 " c.issued, c.valid_until, c.revoked");
    if (status == CT_OK) {
        status = buf_append_str(&sql, filter_sql);
    }
    if (status == CT_OK) {
        status = paging_order_sql(&sql, paging);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(
            stmt, STORE_PARAMS(DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern)), 3, err);
    }
    if (status == CT_OK) {
        status = paging_bind(stmt, 4, paging, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = certificate_row(out, stmt);
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status count_certificates(struct web_request *request, const char *pattern,
                                         int64_t *total, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 1024);
    enum ct_status status = buf_append_str(&sql, "SELECT COUNT(*)");
    if (status == CT_OK) {
        status = buf_append_str(&sql, filter_sql);
    }
    *total = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(request->store, buf_str(&sql), total, err, DB_TEXT(pattern),
                            DB_TEXT(pattern), DB_TEXT(pattern));
    }
    buf_release(&sql);
    return status;
}

static enum ct_status search_form(struct buf *out, const char *query, const struct paging *paging)
{
    enum ct_status status = html_buf_markup(out, "<form class=\"usa-form\" method=\"get\""
                                                 " action=\"/certificates\" role=\"search\">\n");
    struct form_field field = {.id = "q",
                               .label = "Number or name",
                               .hint = "Part of the certificate number or of the holder's name.",
                               .type = "search",
                               .value = query};
    if (status == CT_OK) {
        status = form_field_write(out, &field);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<input type=\"hidden\" name=\"sort\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, columns[paging->column].key);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\"><input type=\"hidden\" name=\"dir\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, paging->descending ? "desc" : "asc");
    }
    return status == CT_OK
               ? html_buf_markup(out, "\">\n<button class=\"usa-button\" type=\"submit\">"
                                      "Search</button>\n</form>\n")
               : status;
}

enum ct_status page_certificates(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    const char *query = web_query_value(request, "q");
    if (query != NULL && strlen(query) > QUERY_MAX) {
        query = NULL;
    }
    char pattern[2 * QUERY_MAX + 4];
    certificates_like_pattern(query, pattern, sizeof pattern);
    struct paging paging;
    paging_from_request(&paging, &list, request);
    paging_keep(&paging, "q", query);
    struct ct_err err = {0};
    int64_t total = 0;
    enum ct_status status = count_certificates(request, pattern, &total, &err);
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = page_begin(request, response, "Certificates");
    }
    if (status == CT_OK) {
        status = search_form(out, query, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n"
                                      "<caption>Certificates issued</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = certificate_rows(request, out, &paging, pattern, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    if (status == CT_OK) {
        status = paging_nav(out, &paging);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

/* ---- one certificate ---- */

struct certificate {
    char number[CERTIFICATE_NUMBER_SIZE];
    char holder[256];
    char email[256];
    char program[128];
    char credits[CREDIT_TEXT_SIZE];
    char issued[CIVIL_DATE_TEXT_SIZE];
    char valid_until[CIVIL_DATE_TEXT_SIZE];
    char revoked[CIVIL_DATE_TEXT_SIZE]; /* "" when valid */
    char reason[1024];
    char revoked_by[256];
    char code[VERIFICATION_CODE_SIZE];
};

static void copy_column(struct db_stmt *stmt, int column, char *out, size_t size)
{
    const char *text = db_column_text(stmt, column);
    snprintf(out, size, "%s", text != NULL ? text : "");
}

#define CERTIFICATE_SELECT                                                                         \
    "SELECT c.number, p.name, p.email, c.program, c.credit_halves, c.issued, c.valid_until,"       \
    " c.revoked, c.revoked_reason, r.name, c.verification_code FROM certificates c"                \
    " JOIN people p ON p.id = c.person_id LEFT JOIN people r ON r.id = c.revoked_by"

static const char by_id_sql[] = CERTIFICATE_SELECT " WHERE c.id = ?";

/* Reads the certificate that sql (by_id_sql) finds with key. */
static enum ct_status certificate_read(struct web_request *request, const char *sql,
                                       struct db_param key, struct certificate *certificate,
                                       bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status = db_prepare(request->store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, &key, 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        copy_column(stmt, 0, certificate->number, sizeof certificate->number);
        copy_column(stmt, 1, certificate->holder, sizeof certificate->holder);
        copy_column(stmt, 2, certificate->email, sizeof certificate->email);
        copy_column(stmt, 3, certificate->program, sizeof certificate->program);
        credit_format(db_column_int64(stmt, 4), certificate->credits);
        copy_column(stmt, 5, certificate->issued, sizeof certificate->issued);
        copy_column(stmt, 6, certificate->valid_until, sizeof certificate->valid_until);
        copy_column(stmt, 7, certificate->revoked, sizeof certificate->revoked);
        copy_column(stmt, 8, certificate->reason, sizeof certificate->reason);
        copy_column(stmt, 9, certificate->revoked_by, sizeof certificate->revoked_by);
        copy_column(stmt, 10, certificate->code, sizeof certificate->code);
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status certificate_summary(struct web_request *request, struct buf *out, int64_t id,
                                          const struct certificate *certificate)
{
    char holder[600], state[64];
    snprintf(holder, sizeof holder, "%s (%s)", certificate->holder, certificate->email);
    snprintf(state, sizeof state, certificate->revoked[0] != '\0' ? "Revoked on %s" : "Valid",
             certificate->revoked);
    enum ct_status status = html_buf_markup(out, "<dl class=\"summary\">\n");
    if (status == CT_OK) {
        status = html_buf_term(out, "Holder", holder);
    }
    if (status == CT_OK) {
        status = html_buf_term(out, "Program",
                               program_set_name(request->store->programs, certificate->program));
    }
    if (status == CT_OK) {
        status = html_buf_term(out, "Credits", certificate->credits);
    }
    if (status == CT_OK) {
        status = html_buf_term(out, "Issued", certificate->issued);
    }
    if (status == CT_OK) {
        status = html_buf_term(out, "Valid until", certificate->valid_until);
    }
    if (status == CT_OK) {
        status = html_buf_term(out, "State", state);
    }
    if (status == CT_OK && certificate->revoked[0] != '\0') {
        status = html_buf_term(out, "Reason for revoking", certificate->reason);
        if (status == CT_OK && certificate->revoked_by[0] != '\0') {
            status = html_buf_term(out, "Revoked by", certificate->revoked_by);
        }
    }
    char public_url[STORE_SETTING_SIZE], url[STORE_SETTING_SIZE + 64];
    struct ct_err err = {0};
    if (status == CT_OK) {
        status = store_setting_get(request->store, "public-url", public_url, &err);
    }
    if (status == CT_OK) {
        credential_verify_url(public_url, certificate->code, url, sizeof url);
        status = html_buf_markup(out, "<dt>Verification URL</dt><dd><a href=\"/verify/");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, certificate->code);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, url);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</a></dd>\n<dt>Documents</dt><dd><ul class=\"usa-list"
                                      " usa-list--unstyled\">");
    }
    if (status == CT_OK) {
        status = certificate_files_links(out, id, certificate->revoked[0] != '\0');
    }
    return status == CT_OK ? html_buf_markup(out, "</ul></dd>\n</dl>\n") : status;
}

struct revoke_form {
    const char *reason_error;
    const char *confirm_error;
    const char *alert; /* a refusal that belongs to no field */
};

static enum ct_status revoke_form_write(struct web_request *request, struct buf *out, int64_t id,
                                        const struct revoke_form *form)
{
    char action[64];
    snprintf(action, sizeof action, "/certificates/%" PRId64, id);
    enum ct_status status =
        html_buf_markup(out, "<h2>Revoke this certificate</h2>\n<p>A revoked certificate no longer"
                             " counts as a prerequisite, and the public check says it was revoked."
                             " This cannot be undone.</p>\n<form class=\"usa-form usa-form--large\""
                             " method=\"post\" action=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, action);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    struct form_field reason = {.id = "reason",
                                .label = "Reason",
                                .hint = "Why it is revoked; it is kept with the certificate and in"
                                        " the audit trail.",
                                .error = form->reason_error,
                                .control = FORM_TEXTAREA,
                                .value = web_form_value(request, "reason"),
                                .required = true};
    struct form_field confirm = {.id = "confirm",
                                 .label = "Yes, revoke this certificate",
                                 .error = form->confirm_error,
                                 .control = FORM_CHECKBOX,
                                 .value = web_form_value(request, "confirm"),
                                 .required = true};
    if (status == CT_OK) {
        status = form_field_write(out, &reason);
    }
    if (status == CT_OK) {
        status = form_field_write(out, &confirm);
    }
    return status == CT_OK
               ? html_buf_markup(out, "<button class=\"usa-button usa-button--secondary\""
                                      " type=\"submit\">Revoke the certificate</button>\n"
                                      "</form>\n")
               : status;
}

static enum ct_status certificate_page(struct web_request *request, struct web_response *response,
                                       int64_t id, const struct revoke_form *form)
{
    struct certificate certificate;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        certificate_read(request, by_id_sql, DB_INT(id), &certificate, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_error(request, response, 404, "Page not found",
                          "There is no certificate at this address.");
    }
    char title[64];
    snprintf(title, sizeof title, "Certificate %s", certificate.number);
    struct buf *out = &response->body;
    status = page_begin(request, response, title);
    const char *revoked = web_query_value(request, "revoked");
    if (status == CT_OK && form->alert != NULL) {
        status = form_alert(out, FORM_ALERT_ERROR, form->alert);
    } else if (status == CT_OK && (form->reason_error != NULL || form->confirm_error != NULL)) {
        status = form_alert(out, FORM_ALERT_ERROR,
                            "The certificate was not revoked: fix what is"
                            " marked below.");
    } else if (status == CT_OK && revoked != NULL && certificate.revoked[0] != '\0') {
        status = form_alert(out, FORM_ALERT_SUCCESS, "The certificate is revoked.");
    }
    if (status == CT_OK) {
        status = certificate_summary(request, out, id, &certificate);
    }
    if (status == CT_OK && certificate.revoked[0] == '\0') {
        status = revoke_form_write(request, out, id, form);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p><a href=\"/certificates\">All certificates</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_certificate(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    struct revoke_form form = {NULL, NULL, NULL};
    return certificate_page(request, response, id, &form);
}

/* Whether reason says something: more than spaces. */
static bool reason_given(const char *reason)
{
    bool given = false;
    for (const char *c = reason; c != NULL && *c != '\0'; c++) {
        given |= !isspace((unsigned char)*c);
    }
    return given;
}

enum ct_status certificates_revoke(struct web_request *request, int64_t id, const char *reason,
                                   struct ct_err *err)
{
    if (!reason_given(reason)) {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "Say why the certificate is revoked.");
    }
    return store_certificate_revoke(request->store, request->person_id, id, request->today, reason,
                                    err);
}

enum ct_status page_certificate_revoke(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    const char *reason = web_form_value(request, "reason");
    const char *confirm = web_form_value(request, "confirm");
    struct revoke_form form = {NULL, NULL, NULL};
    if (!reason_given(reason)) {
        form.reason_error = "Say why the certificate is revoked.";
    }
    if (confirm == NULL || confirm[0] == '\0') {
        form.confirm_error = "Confirm that this certificate is to be revoked.";
    }
    struct ct_err err = {0};
    enum ct_status status = CT_OK;
    char alert[600];
    if (form.reason_error == NULL && form.confirm_error == NULL) {
        status = certificates_revoke(request, id, reason, &err);
        if (status == CT_OK) {
            char location[80];
            snprintf(location, sizeof location, "/certificates/%" PRId64 "?revoked=1", id);
            web_redirect(response, location);
            return CT_OK;
        }
        if (status != CT_ERR_INPUT) {
            return status;
        }
        /* Already revoked, or no such certificate (certificate_page says 404). */
        snprintf(alert, sizeof alert, "The certificate was not revoked: %s.", err.message);
        form.alert = alert;
    }
    response->status = 400;
    return certificate_page(request, response, id, &form);
}

/* ---- the public check ---- */

static enum ct_status code_form(struct buf *out, const char *typed, const char *error)
{
    enum ct_status status = html_buf_markup(out, "<form class=\"usa-form\" method=\"get\""
                                                 " action=\"/check-certificate\">\n");
    struct form_field field = {.id = "code",
                               .label = "Verification code",
                               .hint = "The 32 letters and digits printed on the certificate.",
                               .error = error,
                               .value = typed,
                               .required = true};
    if (status == CT_OK) {
        status = form_field_write(out, &field);
    }
    return status == CT_OK
               ? html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Check"
                                      "</button>\n</form>\n")
               : status;
}

enum ct_status page_certificate_check(struct web_request *request, struct web_response *response)
{
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
    enum ct_status status = page_begin(request, response, "Check a certificate");
    if (status == CT_OK) {
        status = code_form(&response->body, typed, error);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
