#include "check.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../store/store_award.h"
#include "form.h"
#include "html.h"
#include "pages.h"
#include "../core/banned.h"

/* The code as issued: 32 of the characters of store_award's alphabet, upper case; spaces
 * and dashes people type are dropped. False when it cannot be one. */
static bool normal_code(const char *text, char out[VERIFICATION_CODE_SIZE])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    size_t used = 0;
    for (const char *c = text; *c != '\0'; c++) {
        if (*c == ' ' || *c == '-') {
            continue;
        }
        char upper = (char)toupper((unsigned char)*c);
        if (used + 1 >= VERIFICATION_CODE_SIZE || strchr(alphabet, upper) == NULL) {
            return false;
        }
        out[used++] = upper;
    }
    out[used] = '\0';
    return used + 1 == VERIFICATION_CODE_SIZE;
}

static enum ct_status code_form(struct buf *out, const char *typed, const char *error)
{
    enum ct_status status = html_markup(out, "<form class=\"usa-form\" method=\"get\""
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
    return status == CT_OK ? html_markup(out, "<button class=\"usa-button\" type=\"submit\">Check"
                                              "</button>\n</form>\n")
                           : status;
}

static enum ct_status term(struct buf *out, const char *name, const char *value)
{
    enum ct_status status = html_markup(out, "<dt>");
    if (status == CT_OK) {
        status = html_text(out, name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dt><dd>");
    }
    if (status == CT_OK) {
        status = html_text(out, value != NULL ? value : "");
    }
    return status == CT_OK ? html_markup(out, "</dd>\n") : status;
}

/* The certificate's row: its state first, as an alert, then the details. */
static enum ct_status certificate_found(struct web_request *request, struct buf *out,
                                        struct db_stmt *stmt)
{
    const char *valid_until = db_column_text(stmt, 4);
    const char *revoked = db_column_text(stmt, 5);
    char today[CIVIL_DATE_TEXT_SIZE], state[96];
    civil_date_format(request->today, today);
    bool lapsed = valid_until != NULL && strcmp(valid_until, today) < 0;
    if (revoked != NULL) {
        snprintf(state, sizeof state, "Revoked on %s: this certificate is not valid.", revoked);
    } else if (lapsed) {
        snprintf(state, sizeof state, "Expired on %s.", valid_until);
    } else {
        snprintf(state, sizeof state, "Valid until %s.", valid_until != NULL ? valid_until : "");
    }
    enum ct_status status =
        form_alert(out, revoked != NULL || lapsed ? FORM_ALERT_ERROR : FORM_ALERT_SUCCESS, state);
    const struct program *program =
        program_set_find(request->store->programs, db_column_text(stmt, 2));
    if (status == CT_OK) {
        status = html_markup(out, "<dl class=\"summary\">\n");
    }
    if (status == CT_OK) {
        status = term(out, "Number", db_column_text(stmt, 0));
    }
    if (status == CT_OK) {
        status = term(out, "Holder", db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = term(out, "Program", program != NULL ? program->name : db_column_text(stmt, 2));
    }
    if (status == CT_OK) {
        status = term(out, "Issued", db_column_text(stmt, 3));
    }
    if (status == CT_OK) {
        status = term(out, "Valid until", valid_until);
    }
    if (status == CT_OK && revoked != NULL) {
        status = term(out, "Revoked", revoked);
    }
    return status == CT_OK ? html_markup(out, "</dl>\n") : status;
}

static enum ct_status look_up(struct web_request *request, struct web_response *response,
                              const char *code, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT c.number, p.name, c.program, c.issued, c.valid_until, c.revoked"
        " FROM certificates c JOIN people p ON p.id = c.person_id WHERE c.verification_code = ?",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(code)), 1, err);
    }
    bool found = false;
    if (status == CT_OK) {
        status = db_step(stmt, &found, err);
    }
    if (status == CT_OK && found) {
        status = certificate_found(request, &response->body, stmt);
    } else if (status == CT_OK) {
        response->status = 404;
        status = form_alert(&response->body, FORM_ALERT_ERROR,
                            "No certificate has this verification code. Check the code as it is"
                            " printed on the certificate.");
    }
    db_finalize(stmt);
    return status;
}

enum ct_status page_certificate_check(struct web_request *request, struct web_response *response)
{
    const char *typed = web_query_value(request, "code");
    char code[VERIFICATION_CODE_SIZE];
    bool well_formed = typed != NULL && strlen(typed) < 100 && normal_code(typed, code);
    const char *error = NULL;
    if (typed != NULL && !well_formed) {
        error = "Enter the 32 letters and digits of the code, as printed on the certificate.";
        response->status = 400;
    }
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Check a certificate");
    if (status == CT_OK && well_formed) {
        status = look_up(request, response, code, &err);
    }
    if (status == CT_OK) {
        status = code_form(&response->body, typed, error);
    }
    return status == CT_OK ? page_end(response) : status;
}
