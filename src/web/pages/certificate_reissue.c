#include "certificate_reissue.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/certificate_reissue.h"
#include "../../store/store_certificate_versions.h"
#include "../html/confirm_page.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../../core/banned.h"

static const struct error_summary_field fields[] = {
    {"reason", NULL, "Reason"},
    {"name", "names", "Name printed"},
};

/* The certificate to reissue (its newest documents), or the page answered (404, 409);
 * *answered tells. */
static enum ct_status read_certificate(struct web_request *request, struct web_response *response,
                                       int64_t id, struct certificate_record *record,
                                       bool *answered)
{
    bool found = false;
    struct ct_err err = {0};
    *answered = true;
    enum ct_status status = store_certificate_find_by_id(request->store, id, record, &found, &err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : page_not_found(request, response, "certificate");
    }
    if (civil_date_is_set(record->revoked)) {
        return page_error(request, response, 409, "Cannot be reissued",
                          "This certificate is revoked: its documents are no longer issued.");
    }
    *answered = false;
    return CT_OK;
}

/* The name the documents print and the holder's name now, as a list. */
static void names_list(struct web_request *request, struct html *h,
                       const struct certificate_record *record)
{
    char now[256] = "";
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_certificate_holder_name(request->store, record->id, now, sizeof now, &found,
                                               &err));
    char issued[64], until[64];
    civil_date_format(record->issued, issued);
    civil_date_format(record->valid_until, until);
    html_markup(h, "<dl class=\"summary\" id=\"names\">\n");
    html_term(h, "Certificate", record->number);
    html_term(h, "Program", program_set_name(request->store->programs, record->program));
    html_term(h, "Awarded", issued);
    html_term(h, "Valid until", until);
    html_term(h, "Name the documents print", record->person_name);
    html_term(h, "The holder's name now", now);
    html_markup(h, "</dl>\n");
}

static void what_happens(struct html *h, const struct certificate_record *record, const char *today)
{
    html_markup(h, "<h2>What a reissue does</h2>\n<ul class=\"usa-list\">\n<li>Certificate ");
    html_text(h, record->number);
    html_markup(h, " keeps its number, its award date and its expiry; revoking it later still"
                   " revokes every version.</li>\n<li>The new PDF and credential print the"
                   " holder's name as it is now, with a new verification code. The credential"
                   " is signed again, valid from today.</li>\n<li>The old documents keep"
                   " verifying as genuine, but their check says they were superseded on ");
    html_text(h, today);
    html_markup(h, " and that the current documents are with the holder, who downloads them"
                   " from their dashboard.</li>\n<li>The holder is told by mail, with the"
                   " reason.</li>\n</ul>\n");
}

static enum ct_status form_page(struct web_request *request, struct web_response *response,
                                const struct certificate_record *record, const char *reason,
                                const struct action_outcome *outcome)
{
    web_set_title(response, "Reissue the documents of certificate %s", record->number);
    char today[64];
    civil_date_format(request->today, today);
    struct html h;
    html_start(&h, &response->body);
    html_error_summary(&h, "The documents were not reissued: fix what is marked below.", outcome,
                       fields, sizeof fields / sizeof fields[0]);
    names_list(request, &h, record);
    what_happens(&h, record, today);
    html_format(&h,
                "<form class=\"usa-form usa-form--large\" method=\"post\""
                " action=\"/certificates/%" PRId64 "/reissue\">\n",
                record->id);
    html_csrf(&h, request->csrf);
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, "reason") : NULL;
    struct form_field field = {.id = "reason",
                               .label = "Reason",
                               .hint = "Why the documents are issued again, for example \"name"
                                       " change\". The holder is told it; it is kept with the"
                                       " version and in the audit trail.",
                               .error = fault != NULL ? fault->message : NULL,
                               .control = FORM_TEXTAREA,
                               .value = reason,
                               .required = true};
    html_field(&h, &field);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\" name=\"step\" value=\"check\">"
                    "Review the reissue</button>\n</form>\n");
    html_format(&h, "<p><a href=\"/certificates/%" PRId64 "\">Back to the certificate</a></p>\n",
                record->id);
    return html_status(&h);
}

enum ct_status page_certificate_reissue(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct certificate_record record;
    bool answered = false;
    enum ct_status status = read_certificate(request, response, id, &record, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    return form_page(request, response, &record, "", NULL);
}

static enum ct_status confirm_page(struct web_request *request, struct web_response *response,
                                   const struct certificate_record *record, const char *reason,
                                   const struct certificate_reissue_summary *summary)
{
    web_set_title(response, "Reissue the documents of certificate %s?", record->number);
    char today[64], issued[64], until[64];
    civil_date_format(request->today, today);
    civil_date_format(record->issued, issued);
    civil_date_format(record->valid_until, until);
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>Certificate ");
    html_text(&h, record->number);
    html_markup(&h, " keeps its number, its award date (");
    html_text(&h, issued);
    html_markup(&h, ") and its expiry (");
    html_text(&h, until);
    html_markup(&h, "). Its new documents print the holder's name as it is now, <strong>");
    html_text(&h, summary->new_name);
    html_markup(&h, "</strong> (the documents now print ");
    html_text(&h, summary->old_name);
    html_markup(&h, "), with a new verification code; the credential is signed again, valid"
                    " from today.</p>\n<p>The old documents keep verifying as genuine, but"
                    " their check will say they were superseded on ");
    html_text(&h, today);
    html_markup(&h, " and that the current documents are with the holder, on their"
                    " dashboard. The holder is told by mail.</p>\n<h2>The reason</h2>\n<p>");
    html_text(&h, reason);
    html_markup(&h, "</p>\n");
    const struct confirm_page form = {.record = "/certificates",
                                      .id = record->id,
                                      .verb = "reissue",
                                      .confirm = "Reissue the documents",
                                      .change = "Change the reason",
                                      .keep = "Keep the documents as they are"};
    confirm_page_begin(&h, &form, request->csrf);
    html_hidden(&h, "reason", reason);
    confirm_page_end(&h, &form);
    return html_status(&h);
}

enum ct_status page_certificate_reissue_submit(struct web_request *request,
                                               struct web_response *response, int64_t id)
{
    struct certificate_record record;
    bool answered = false;
    enum ct_status status = read_certificate(request, response, id, &record, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    const char *reason = web_form_value(request, "reason");
    const char *step = web_form_value(request, "step");
    if (step != NULL && strcmp(step, "change") == 0) {
        return form_page(request, response, &record, reason, NULL);
    }
    bool confirm = step != NULL && strcmp(step, "confirm") == 0;
    struct certificate_reissue_input input = {
        .certificate_id = id, .reason = reason, .check_only = !confirm};
    struct actor actor = web_actor(request);
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_certificate_reissue(request->store, &actor, &input, &summary, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal != ACTION_BAD_INPUT) {
        return confirm_page_refused(request, response, "Not reissued", &outcome);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return form_page(request, response, &record, reason, &outcome);
    }
    if (status == CT_OK && !confirm) {
        return confirm_page(request, response, &record, reason, &summary);
    }
    if (status == CT_OK) {
        char location[96];
        snprintf(location, sizeof location, "/certificates/%" PRId64 "?reissued=1", id);
        web_redirect(response, location);
    }
    return status;
}

/* ---- the versions, on the certificate's page ---- */

static void version_row(struct html *h, const struct certificate_version *v)
{
    char issued[CIVIL_DATE_TEXT_SIZE] = "", superseded[CIVIL_DATE_TEXT_SIZE] = "";
    civil_date_format(v->issued, issued);
    if (civil_date_is_set(v->superseded)) {
        civil_date_format(v->superseded, superseded);
    }
    html_format(h, "<tr><th scope=\"row\">%" PRId64 "</th><td>", v->version);
    html_text(h, issued);
    html_markup(h, "</td><td>");
    html_text(h, v->printed_name);
    html_markup(h, "</td><td>");
    html_text(h, v->reason);
    html_markup(h, "</td><td><a href=\"/verify/");
    html_text(h, v->verification_code);
    html_markup(h, "\">");
    html_text(h, v->verification_code);
    html_markup(h, "</a></td><td>");
    html_text(h, superseded[0] != '\0' ? superseded : "Current");
    html_markup(h, "</td></tr>\n");
}

enum ct_status certificate_versions_table(struct web_request *request, struct html *h, int64_t id)
{
    struct certificate_version *versions = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    enum ct_status status = store_certificate_versions(request->store, id, &versions, &count, &err);
    if (status == CT_OK && count > 1) {
        static const char *const columns[] = {
            "Version", "Issued", "Name printed", "Reason", "Verification code", "Superseded on"};
        html_table_begin(h, "Versions of the documents", columns, 6);
        for (size_t i = 0; i < count; i++) {
            version_row(h, &versions[i]);
        }
        html_table_end(h);
    }
    free(versions);
    return status;
}
