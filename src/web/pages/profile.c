#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/profile.h"
#include "../../actions/second_factor.h"
#include "../../mail/mail_compose.h"
#include "../../store/store_profile.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

/* What a refused change says beside its fields (NULL: nothing refused). */
struct profile_faults {
    const char *name;
    const char *new_email;
    const char *current_password;
    const char *new_password;
};

static const char *fault_message(const struct action_outcome *outcome, const char *field)
{
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, field) : NULL;
    return fault != NULL ? fault->message : NULL;
}

static void name_form(struct web_request *request, struct html *h, const char *error)
{
    html_markup(h, "<h2>Your name</h2>\n<form method=\"post\" action=\"/profile\""
                   " class=\"usa-form\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", "name");
    struct form_field name = {
        .id = "name",
        .label = "Name",
        .hint = "As it is printed on your certificates.",
        .error = error,
        .value = error != NULL ? web_form_value(request, "name") : request->name,
        .required = true,
    };
    html_field(h, &name);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Save the name</button>"
                   "</form>\n");
}

static void email_section(struct web_request *request, struct html *h, const char *error)
{
    char email[ACCOUNT_EMAIL_SIZE] = "";
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_person_email(request->store, request->person_id, email, sizeof email, &found,
                                    &err));
    html_markup(h, "<h2>Your e-mail address</h2>\n<p><strong>");
    html_text(h, email);
    html_markup(h, "</strong></p>\n<p>You sign in with this address.</p>\n"
                   "<h3>Change your e-mail address</h3>\n<form method=\"post\""
                   " action=\"/profile\" class=\"usa-form\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", "email");
    struct form_field field = {
        .id = "new_email",
        .label = "New e-mail address",
        .hint = "A link to confirm it goes to the new address and works once, within 24 hours;"
                " your address changes when you follow it.",
        .type = "email",
        .error = error,
        .value = error != NULL ? web_form_value(request, "new_email") : NULL,
        .required = true,
    };
    html_field(h, &field);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Send the link</button>"
                   "</form>\n");
}

static void password_form(struct web_request *request, struct html *h,
                          const struct profile_faults *faults)
{
    html_markup(h, "<h2>Your password</h2>\n<form method=\"post\" action=\"/profile\""
                   " class=\"usa-form\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", "password");
    struct form_field current = {
        .id = "current_password",
        .label = "Current password",
        .error = faults->current_password,
        .type = "password",
        .required = true,
    };
    html_field(h, &current);
    struct form_field new_password = {
        .id = "new_password",
        .label = "New password",
        .hint = "At least 12 characters.",
        .error = faults->new_password,
        .type = "password",
        .required = true,
    };
    html_field(h, &new_password);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Change the password</button>"
                   "</form>\n");
}

static void second_factor_section(struct web_request *request, struct html *h)
{
    if ((request->roles & SECOND_FACTOR_ROLES) == 0) {
        return;
    }
    bool confirmed = false;
    struct ct_err err = {0};
    html_fail(h, second_factor_confirmed(request->store, request->person_id, &confirmed, &err));
    html_markup(h, "<h2>Second factor</h2>\n<p>");
    if (confirmed) {
        html_markup(h, "Signing in asks for a code from your authenticator app.");
    } else {
        html_markup(h, "Signing in asks for your password only.");
    }
    html_markup(h, " <a class=\"usa-link\" href=\"/profile/second-factor\">");
    if (confirmed) {
        html_markup(h, "Remove the second factor");
    } else {
        html_markup(h, "Set up a second factor");
    }
    html_markup(h, "</a></p>\n");
}

static void certificate_links(struct web_request *request, struct html *h)
{
    struct store_rows rows = {.size = sizeof(struct store_own_certificate)};
    struct ct_err err = {0};
    html_fail(h, store_person_certificates(request->store, request->person_id, &rows, &err));
    if (rows.count == 0) {
        html_markup(h, "<p>You hold no certificate yet.</p>\n");
    }
    html_markup(h, "<ul class=\"usa-list\">\n");
    for (size_t i = 0; i < rows.count; i++) {
        const struct store_own_certificate *certificate =
            (const struct store_own_certificate *)rows.items + i;
        html_format(h, "<li><a class=\"usa-link\" href=\"/certificates/%lld/transcript.pdf\">",
                    (long long)certificate->id);
        html_markup(h, "Transcript of certificate ");
        html_text(h, certificate->number);
        html_markup(h, "</a> (");
        html_text(h, certificate->program);
        html_markup(h, ", ");
        html_text(h, certificate->issued);
        if (certificate->revoked) {
            html_markup(h, ", revoked");
        }
        html_markup(h, ")</li>\n");
    }
    html_markup(h, "</ul>\n");
    store_rows_release(&rows);
}

static void mail_section(struct html *h)
{
    html_markup(h, "<h2>Your mail</h2>\n<p><a class=\"usa-link\" href=\"" MAIL_SETTINGS_PATH
                   "\">Choose which mail certtrack sends you, and when</a></p>\n");
}

static void record_section(struct web_request *request, struct html *h)
{
    html_markup(h, "<h2>Your record</h2>\n<p><a class=\"usa-link\" href=\"/profile/record.json\""
                   " download>Download everything certtrack holds about you (JSON)</a></p>\n");
    certificate_links(request, h);
}

static enum ct_status profile_page(struct web_request *request, struct web_response *response,
                                   const char *done, const struct action_outcome *outcome)
{
    web_set_title(response, "Your profile");
    struct profile_faults faults = {
        .name = fault_message(outcome, "name"),
        .new_email = fault_message(outcome, "new_email"),
        .current_password = fault_message(outcome, "current_password"),
        .new_password = fault_message(outcome, "new_password"),
    };
    struct html h;
    html_start(&h, &response->body);
    static const struct error_summary_field fields[] = {
        {"name", NULL, "Name"},
        {"new_email", NULL, "New e-mail address"},
        {"current_password", NULL, "Current password"},
        {"new_password", NULL, "New password"},
    };
    size_t count = sizeof fields / sizeof fields[0];
    if (outcome != NULL && error_summary_count(outcome, fields, count) > 0) {
        html_error_summary(&h, "Nothing was changed: fix the fields marked below.", outcome, fields,
                           count);
    } else if (outcome != NULL) {
        html_slim_error(&h, outcome->err.message, false);
    }
    if (done != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, done);
    }
    name_form(request, &h, faults.name);
    email_section(request, &h, faults.new_email);
    password_form(request, &h, &faults);
    second_factor_section(request, &h);
    mail_section(&h);
    record_section(request, &h);
    return html_status(&h);
}

enum ct_status page_profile(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    const char *done = web_query_value(request, "done");
    const char *message = done == NULL                    ? NULL
                          : strcmp(done, "name") == 0     ? "Your name is saved."
                          : strcmp(done, "password") == 0 ? "Your password is changed."
                          : strcmp(done, "email") == 0
                              ? "A link to confirm your new address is on its way to it. Your"
                                " address changes when you follow it (within 24 hours)."
                              : NULL;
    return profile_page(request, response, message, NULL);
}

/* Runs the change action names ("name", "password" or "email"). */
static enum ct_status run_change(struct web_request *request, const char *action,
                                 struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    if (strcmp(action, "name") == 0) {
        struct profile_name_input input = {.name = web_form_value(request, "name")};
        return action_profile_name_set(request->store, &actor, &input, outcome);
    }
    if (strcmp(action, "email") == 0) {
        struct email_change_input input = {web_form_value(request, "new_email")};
        struct email_change_result result;
        return action_profile_email_change_ask(request->store, &actor, &input, &result, outcome);
    }
    struct profile_password_input input = {
        .current_password = web_form_value(request, "current_password"),
        .new_password = web_form_value(request, "new_password"),
    };
    return action_profile_password_change(request->store, &actor, &input, outcome);
}

static enum ct_status profile_change(struct web_request *request, struct web_response *response,
                                     const char *action)
{
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = run_change(request, action, &outcome);
    if (status == CT_OK) {
        char location[64];
        snprintf(location, sizeof location, "/profile?done=%s", action);
        web_redirect(response, location);
        return CT_OK;
    }
    if (status == CT_ERR_INPUT) {
        response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
        return profile_page(request, response, NULL, &outcome);
    }
    return status;
}

enum ct_status page_profile_submit(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    if (action != NULL && (strcmp(action, "name") == 0 || strcmp(action, "password") == 0 ||
                           strcmp(action, "email") == 0)) {
        return profile_change(request, response, action);
    }
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_fault(&outcome, "action", "Choose name, email or password.");
    enum ct_status status = action_checked(&outcome);
    response->status = 400;
    return status == CT_ERR_INPUT ? profile_page(request, response, NULL, &outcome) : status;
}

enum ct_status page_profile_record(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    char *json = NULL;
    struct ct_err err = {0};
    enum ct_status status =
        store_person_record_json(request->store, request->person_id, &json, &err);
    if (status == CT_OK && json == NULL) {
        return page_not_found(request, response, "record");
    }
    if (status == CT_OK) {
        response->content_type = "application/json";
        web_add_header(response, "Content-Disposition", "attachment; filename=\"record.json\"");
        status = buf_append_str(&response->body, json);
    }
    free(json);
    return status;
}
