#include "settings.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/settings.h"
#include "../../mail/mail_sender.h"
#include "../../store/store_outbox.h"
#include "../../store/store_settings.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "../html/notice.h"
#include "../../core/banned.h"

/* What the form shows: the values (typed or in force) and any error of each. */
struct settings_form {
    const char *public_url;
    const char *issuer_name;
    const char *public_url_error;
    const char *issuer_name_error;
    const struct action_outcome *outcome; /* the refusal, or NULL */
};

static void key_section(struct web_request *request, struct html *h)
{
    html_markup(h, "<h2>Signing key</h2>\n");
    const char *key_id =
        request->config->signing_key != NULL
            ? json_string_value(json_object_get(request->config->signing_key, "kid"))
            : NULL;
    if (key_id == NULL) {
        html_markup(h, "<p>This server has no signing key: it issues no credentials.</p>\n");
        return;
    }
    html_markup(h, "<p>Credentials and the revocation list are signed with the key whose id is"
                   " <code>");
    html_text(h, key_id);
    html_markup(h, "</code>. Its public half is published at"
                   " <a href=\"/.well-known/jwks.json\">/.well-known/jwks.json</a>; the private"
                   " key stays in its file beside the database, which is backed up separately"
                   " (see the operations guide).</p>\n");
}

/* The outbox: how many messages wait, and why (no relay, or the last error). */
static void mail_section(struct web_request *request, struct html *h)
{
    struct outbox_summary summary;
    struct mail_config config;
    struct ct_err err = {0};
    enum ct_status status = store_outbox_summary(request->store, &summary, &err);
    if (status == CT_OK) {
        status = mail_config_load(request->store, &config, &err);
        mail_config_release(&config);
    }
    if (status != CT_OK) {
        html_fail(h, status);
        return;
    }
    html_markup(h, "<h2>Mail</h2>\n<p>");
    if (config.configured) {
        html_markup(h, "Mail goes through the relay <code>");
        html_text(h, config.relay);
        html_markup(h, "</code>, from <code>");
        html_text(h, config.from);
        html_markup(h, "</code>. ");
    }
    html_int(h, summary.waiting);
    html_text(h,
              summary.waiting == 1 ? " message waits to be sent; " : " messages wait to be sent; ");
    html_int(h, summary.sent);
    html_markup(h, " sent.</p>\n");
    if (!config.configured && summary.waiting > 0) {
        html_alert(h, FORM_ALERT_ERROR,
                   "Mail waits because certtrack has no relay to send it"
                   " through. Set one with certtrack config set mail-relay"
                   " and mail-from (see the operations guide, \"Mail\").");
    } else if (!config.configured) {
        html_markup(h, "<p>No relay is configured: mail will wait until one is (certtrack config"
                       " set mail-relay, mail-from; see the operations guide).</p>\n");
    }
    if (summary.waiting > 0 && summary.last_error[0] != '\0') {
        html_markup(h, "<p>The last attempt failed: ");
        html_text(h, summary.last_error);
        html_markup(h, " It is tried again later; certtrack mail list shows each message.</p>\n");
    }
}

/* The most refused messages and addresses the page lists. */
#define SETTINGS_REFUSALS_SHOWN 20

static void refused_messages(struct web_request *request, struct html *h)
{
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    struct ct_err err = {0};
    html_fail(h, store_outbox_refused(request->store, SETTINGS_REFUSALS_SHOWN, &rows, &err));
    static const char *const columns[] = {"Refused", "To", "Subject", "The relay's reply"};
    html_table_begin(h, "Messages the relay refused", columns, 4);
    for (size_t i = 0; i < rows.count; i++) {
        const struct outbox_message *message = (const struct outbox_message *)rows.items + i;
        html_markup(h, "<tr><td>");
        html_moment_unix(h, message->refused_at, "");
        html_markup(h, "</td><td>");
        html_text(h, message->recipient);
        html_markup(h, "</td><td>");
        html_text(h, message->subject);
        html_markup(h, "</td><td>");
        html_text(h, message->last_error);
        html_markup(h, "</td></tr>\n");
    }
    html_table_end(h);
    store_rows_release(&rows);
}

static void refused_addresses(struct web_request *request, struct html *h)
{
    struct store_rows rows = {.size = sizeof(struct outbox_refusal)};
    struct ct_err err = {0};
    html_fail(h, store_outbox_refusals(request->store, SETTINGS_REFUSALS_SHOWN, &rows, &err));
    static const char *const columns[] = {"Address", "Refusals", "Last refused", "Marked"};
    html_table_begin(h, "Addresses the relay refused", columns, 4);
    for (size_t i = 0; i < rows.count; i++) {
        const struct outbox_refusal *refusal = (const struct outbox_refusal *)rows.items + i;
        html_markup(h, "<tr><td>");
        html_text(h, refusal->address);
        html_markup(h, "</td><td>");
        html_int(h, refusal->refusals);
        html_markup(h, "</td><td>");
        html_moment_unix(h, refusal->last_refused_at, "");
        html_markup(h, "</td><td>");
        html_moment_unix(h, refusal->marked_at, "no");
        html_markup(h, "</td></tr>\n");
    }
    html_table_end(h);
    store_rows_release(&rows);
}

/* What the relay refused during the SMTP conversation: the messages (never tried again)
 * and the addresses, marked once refused OUTBOX_REFUSALS_TO_MARK times. */
static void refusals_section(struct web_request *request, struct html *h)
{
    struct outbox_summary summary;
    struct ct_err err = {0};
    enum ct_status status = store_outbox_summary(request->store, &summary, &err);
    if (status != CT_OK || summary.refused == 0) {
        html_fail(h, status);
        return;
    }
    html_markup(h, "<h2>Refused mail</h2>\n<p>The relay refused these messages for good while"
                   " certtrack talked to it (a 5xx reply): they are not tried again. An address"
                   " refused ");
    html_int(h, OUTBOX_REFUSALS_TO_MARK);
    html_markup(h, " times is marked, and certtrack queues no more mail to it until the person's"
                   " address is changed. certtrack receives no mail: a bounce the relay sends"
                   " later, having taken a message, goes to the mail-from address, out of"
                   " certtrack's sight.</p>\n");
    refused_messages(request, h);
    refused_addresses(request, h);
}

/* The page; its notice (?done=) is the layout's. */
static enum ct_status settings_page(struct web_request *request, struct web_response *response,
                                    const struct settings_form *form)
{
    web_set_title(response, "Settings");
    struct html h;
    html_start(&h, &response->body);
    if (form->outcome != NULL) {
        static const struct error_summary_field fields[] = {
            {"public-url", "public_url", "Public address"},
            {"issuer-name", "issuer_name", "Issuer's name"},
        };
        html_error_summary(&h, "The settings were not saved: fix what is marked below.",
                           form->outcome, fields, sizeof fields / sizeof fields[0]);
    }
    html_markup(&h, "<form class=\"usa-form usa-form--large\" method=\"post\""
                    " action=\"/settings\">\n");
    html_csrf(&h, request->csrf);
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
    html_field(&h, &public_url);
    html_field(&h, &issuer_name);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\">Save the settings</button>\n"
                    "</form>\n");
    key_section(request, &h);
    mail_section(request, &h);
    refusals_section(request, &h);
    return html_status(&h);
}

enum ct_status page_settings(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    char public_url[STORE_SETTING_SIZE], issuer_name[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "public-url", public_url, &err);
    status = status != CT_OK ? status
                             : store_setting_get(request->store, "issuer-name", issuer_name, &err);
    if (status != CT_OK) {
        return status;
    }
    struct settings_form form = {.public_url = public_url, .issuer_name = issuer_name};
    return settings_page(request, response, &form);
}

/* The fault of setting, as a sentence in message (the caller's), or NULL. */
static const char *fault_sentence(const struct action_outcome *outcome, const char *setting,
                                  char *message, size_t size)
{
    const struct action_fault *fault = action_fault_of(outcome, setting);
    if (fault == NULL) {
        return NULL;
    }
    snprintf(message, size, "%s", fault->message);
    if (message[0] >= 'a' && message[0] <= 'z') {
        message[0] = (char)(message[0] - 'a' + 'A');
    }
    return message;
}

/* The form again (400), with what was typed and what to fix next to each field. */
static enum ct_status settings_refused(struct web_request *request, struct web_response *response,
                                       struct settings_form *form,
                                       const struct action_outcome *outcome)
{
    char public_url_message[600], issuer_name_message[600];
    form->public_url_error =
        fault_sentence(outcome, "public-url", public_url_message, sizeof public_url_message);
    form->issuer_name_error =
        fault_sentence(outcome, "issuer-name", issuer_name_message, sizeof issuer_name_message);
    if (form->public_url_error == NULL && form->issuer_name_error == NULL) {
        /* A refusal of no field of the form. */
        return page_error(request, response, 400, "Request refused", outcome->err.message);
    }
    response->status = 400;
    form->outcome = outcome;
    return settings_page(request, response, form);
}

enum ct_status page_settings_submit(struct web_request *request, struct web_response *response,
                                    int64_t id)
{
    (void)id;
    struct settings_form form = {
        .public_url = web_form_value(request, "public_url"),
        .issuer_name = web_form_value(request, "issuer_name"),
    };
    struct settings_set_input input = {
        .settings = {{"public-url", form.public_url != NULL ? form.public_url : ""},
                     {"issuer-name", form.issuer_name != NULL ? form.issuer_name : ""}},
        .count = 2,
    };
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_settings_set(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return settings_refused(request, response, &form, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/settings", "settings-saved", 0);
    return CT_OK;
}
