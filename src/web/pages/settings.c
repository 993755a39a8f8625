#include "settings.h"

#include <stdio.h>
#include <string.h>

#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../../store/store_settings.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* What the form shows: the values (typed or in force) and any error of each. */
struct settings_form {
    const char *public_url;
    const char *issuer_name;
    const char *public_url_error;
    const char *issuer_name_error;
};

static enum ct_status key_section(struct web_request *request, struct buf *out)
{
    enum ct_status status = html_buf_markup(out, "<h2>Signing key</h2>\n");
    const char *key_id =
        request->config->signing_key != NULL
            ? json_string_value(json_object_get(request->config->signing_key, "kid"))
            : NULL;
    if (status == CT_OK && key_id == NULL) {
        return html_buf_markup(out, "<p>This server has no signing key: it issues no"
                                    " credentials.</p>\n");
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<p>Credentials and the revocation list are signed with the key"
                                 " whose id is <code>");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, key_id);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "</code>. Its public half is published at"
                                 " <a href=\"/.well-known/jwks.json\">/.well-known/jwks.json</a>"
                                 "; the private key stays in its file beside the database,"
                                 " which is backed up separately (see the operations"
                                 " guide).</p>\n");
    }
    return status;
}

static enum ct_status settings_page(struct web_request *request, struct web_response *response,
                                    const struct settings_form *form)
{
    struct buf *out = &response->body;
    enum ct_status status = page_begin(request, response, "Settings");
    if (status == CT_OK) {
        status = notice_write(request, out);
    }
    if (status == CT_OK && (form->public_url_error != NULL || form->issuer_name_error != NULL)) {
        status = form_alert(out, FORM_ALERT_ERROR,
                            "The settings were not saved: fix what is marked below.");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<form class=\"usa-form usa-form--large\" method=\"post\""
                                      " action=\"/settings\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    struct form_field public_url = {
        .id = "public_url",
        .label = "Public address",
        .hint = "Where people reach certtrack, e.g. https://certificates.example.gov. It is"
                " printed in QR codes and verification URLs and named in credentials.",
        .error = form->public_url_error,
        .type = "url",
        .value = form->public_url,
        .required = true};
    struct form_field issuer_name = {
        .id = "issuer_name",
        .label = "Issuer's name",
        .hint = "Who issues the certificates, as credentials and the public check name it.",
        .error = form->issuer_name_error,
        .value = form->issuer_name,
        .required = true};
    if (status == CT_OK) {
        status = form_field_write(out, &public_url);
    }
    if (status == CT_OK) {
        status = form_field_write(out, &issuer_name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Save the"
                                      " settings</button>\n</form>\n");
    }
    if (status == CT_OK) {
        status = key_section(request, out);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_settings(struct web_request *request, struct web_response *response)
{
    char public_url[STORE_SETTING_SIZE], issuer_name[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    if (status == CT_OK) {
        status = store_setting_get(request->store, "issuer-name", issuer_name, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    struct settings_form form = {.public_url = public_url, .issuer_name = issuer_name};
    return settings_page(request, response, &form);
}

/* The error to show for value of setting name, or NULL when it is fine; message is the
 * caller's buffer. */
static const char *field_error(const char *name, const char *value, char *message, size_t size)
{
    struct ct_err err = {0};
    if (store_setting_check(name, value != NULL ? value : "", &err) == CT_OK) {
        return NULL;
    }
    snprintf(message, size, "%s", err.message);
    if (message[0] >= 'a' && message[0] <= 'z') {
        message[0] = (char)(message[0] - 'a' + 'A');
    }
    return message;
}

enum ct_status page_settings_submit(struct web_request *request, struct web_response *response)
{
    struct settings_form form = {
        .public_url = web_form_value(request, "public_url"),
        .issuer_name = web_form_value(request, "issuer_name"),
    };
    char public_url_message[600], issuer_name_message[600];
    form.public_url_error =
        field_error("public-url", form.public_url, public_url_message, sizeof public_url_message);
    form.issuer_name_error = field_error("issuer-name", form.issuer_name, issuer_name_message,
                                         sizeof issuer_name_message);
    if (form.public_url_error != NULL || form.issuer_name_error != NULL) {
        response->status = 400;
        return settings_page(request, response, &form);
    }
    struct ct_err err = {0};
    enum ct_status status =
        store_setting_set(request->store, request->person_id, "public-url", form.public_url, &err);
    if (status == CT_OK) {
        status = store_setting_set(request->store, request->person_id, "issuer-name",
                                   form.issuer_name, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/settings", "settings-saved", 0);
    return CT_OK;
}
