#include "harvest_sites.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/harvest.h"
#include "../../store/store_harvest_inbox.h"
#include "../../store/store_harvest_views.h"
#include "../html/csv.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "../html/notice.h"
#include "harvest_imports.h"
#include "harvest_view.h"
#include "../../core/banned.h"

enum { RECENT_IMPORTS = 10, SITE_RECENT_IMPORTS = 5, MESSAGE_SIZE = 600 };

/* ---- the harvest home ---- */

/* In the order of enum harvest_site_column: the store sorts them. */
static const struct paging_column site_columns[HARVEST_SITE_COLUMNS] = {
    {"url", "Site", false},          {"zone", "Time zone", false}, {"added", "Added", false},
    {NULL, "Accounts linked", true}, {NULL, "Imports", true},      {NULL, "Statements", true},
    {NULL, "Waiting", true},
};

static const struct paging_list site_list = {site_columns,
                                             sizeof site_columns / sizeof site_columns[0],
                                             HARVEST_SITE_URL,
                                             false,
                                             25,
                                             "sites",
                                             "site"};

static void site_row(struct html *h, const struct harvest_site_item *site)
{
    html_markup(h, "<tr>");
    paging_write_link_cell(h, "/harvest/sites/", site->id, site->url);
    paging_write_cell(h, site->time_zone, false);
    harvest_view_moment_cell(h, site->created_at);
    paging_write_count_cell(h, site->accounts);
    paging_write_count_cell(h, site->imports);
    paging_write_count_cell(h, site->statements);
    paging_write_count_cell(h, site->waiting);
    html_markup(h, "</tr>\n");
}

static void sites_table(struct web_request *request, struct html *h)
{
    struct paging paging;
    paging_from_request_prefixed(&paging, &site_list, request, "sites_");
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_site_count(request->store, &total, &err));
    if (!paging_write_heading(h, &paging, total, "LMS sites", "No LMS site is registered yet.")) {
        return;
    }
    paging_write_table_begin(h, &paging, "The LMS sites certtrack harvests from");
    struct harvest_site_item *sites = NULL;
    size_t count = 0;
    const struct store_page page = paging_page(&paging);
    html_fail(
        h, store_harvest_views_sites(request->store, &page, &request->arena, &sites, &count, &err));
    for (size_t i = 0; i < count; i++) {
        site_row(h, &sites[i]);
    }
    paging_write_table_end(h, &paging);
}

static void inbox_summary(struct web_request *request, struct html *h)
{
    int64_t waiting = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_inbox_count(request->store, &waiting, &err));
    if (waiting == 0) {
        html_markup(h, "<p>No xAPI statement waits in the <a href=\"/harvest/inbox\">"
                       "harvest inbox</a>.</p>\n");
        return;
    }
    html_markup(h, "<div class=\"usa-alert usa-alert--info usa-alert--slim\">"
                   "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    html_int(h, waiting);
    if (waiting == 1) {
        html_markup(h, " xAPI statement waits for an account link or a course mapping.");
    } else {
        html_markup(h, " xAPI statements wait for an account link or a course mapping.");
    }
    html_markup(h, " <a href=\"/harvest/inbox\">Open the harvest inbox</a></p></div></div>\n");
}

enum ct_status page_harvest(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    web_set_title(response, "Harvest from the LMS");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>Completions arrive from Moodle in two ways: the activity completion"
                    " reports you import here, and the xAPI statements a site sends with its key"
                    " and secret. Each becomes a credit once, with the record of where it came"
                    " from.</p>\n");
    inbox_summary(request, &h);
    html_markup(&h, "<p class=\"actions\"><a class=\"usa-button\""
                    " href=\"/harvest/imports/new\">Import a report</a>"
                    " <a class=\"usa-button usa-button--outline\""
                    " href=\"/harvest/sites/new\">Add an LMS site</a></p>\n");
    sites_table(request, &h);
    html_markup(&h, "<h2>Recent imports</h2>\n");
    harvest_imports_recent(request, &h, 0, RECENT_IMPORTS);
    html_markup(&h, "<p><a href=\"/harvest/imports\">Every import</a></p>\n");
    return html_status(&h);
}

/* ---- adding a site ---- */

static const struct form_option zones[] = {
    {"America/New_York", "Eastern (America/New_York)"},
    {"America/Chicago", "Central (America/Chicago)"},
    {"America/Denver", "Mountain (America/Denver)"},
    {"America/Phoenix", "Mountain, no daylight saving time (America/Phoenix)"},
    {"America/Los_Angeles", "Pacific (America/Los_Angeles)"},
    {"America/Anchorage", "Alaska (America/Anchorage)"},
    {"Pacific/Honolulu", "Hawaii (Pacific/Honolulu)"},
    {"UTC", "UTC"},
};

struct site_form {
    const char *url_error;
    const char *zone_error;
    const char *other_error;
    char url_message[MESSAGE_SIZE]; /* the action's faults, as sentences */
    char zone_message[MESSAGE_SIZE];
};

static void site_fields(struct web_request *request, struct html *h, const struct site_form *form)
{
    const char *zone = web_form_value(request, "time_zone");
    if (zone == NULL && strcmp(request->method, "GET") == 0) {
        zone = "America/Denver";
    }
    const struct form_field fields[] = {
        {.id = "url",
         .label = "Address",
         .hint = "The site's address, as its users see it: https://learn.example.org",
         .error = form->url_error,
         .type = "url",
         .value = web_form_value(request, "url"),
         .required = true},
        {.id = "time_zone",
         .label = "Time zone",
         .hint = "The zone the site's report files are written in (Moodle's timezone setting).",
         .error = form->zone_error,
         .control = FORM_SELECT,
         .value = zone,
         .options = zones,
         .option_count = sizeof zones / sizeof zones[0]},
        {.id = "time_zone_other",
         .label = "Another time zone",
         .hint = "An IANA zone name such as America/Boise, when the list does not have it;"
                 " it is used instead of the list.",
         .error = form->other_error,
         .value = web_form_value(request, "time_zone_other")},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_field(h, &fields[i]);
    }
}

static enum ct_status site_form_page(struct web_request *request, struct web_response *response,
                                     const struct site_form *form)
{
    web_set_title(response, "Add an LMS site");
    struct html h;
    html_start(&h, &response->body);
    const struct error_summary_field fields[] = {{"url", NULL, "Address"},
                                                 {"time_zone", NULL, "Time zone"},
                                                 {"time_zone_other", NULL, "Another time zone"}};
    const char *const messages[] = {form->url_error, form->zone_error, form->other_error};
    harvest_view_refused_summary(&h, "The site was not added", fields, messages, 3);
    html_markup(&h, "<p>A site is a Moodle that sends xAPI statements, or whose reports you"
                    " import. Adding it makes the key and secret it sends statements with.</p>\n"
                    "<form class=\"usa-form usa-form--large\" method=\"post\""
                    " action=\"/harvest/sites/new\">\n");
    html_csrf(&h, request->csrf);
    site_fields(request, &h, form);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\">Add the site</button>\n"
                    "</form>\n<p><a href=\"/harvest\">Back to the harvest</a></p>\n");
    return html_status(&h);
}

enum ct_status page_harvest_site_new(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    (void)id;
    struct site_form form = {0};
    return site_form_page(request, response, &form);
}

static const char *filled(const char *text)
{
    return text != NULL && text[0] != '\0' ? text : NULL;
}

/* The page shown once after a site is added: its key and secret. */
static enum ct_status site_added_page(struct web_request *request, struct web_response *response,
                                      const struct harvest_site_add_result *added)
{
    char done[LMS_URL_SIZE + 128];
    snprintf(done, sizeof done, "%s is registered, in the time zone %s.", added->site.url,
             added->site.time_zone);
    const char *host = web_header_value(request, "Host");
    char endpoint[300];
    snprintf(endpoint, sizeof endpoint, "%s://%s/xapi/",
             request->config->secure_cookies ? "https" : "http",
             host != NULL ? host : "this server");
    web_set_title(response, "LMS site added");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_SUCCESS, done);
    html_markup(&h, "<h2>The site's xAPI credentials</h2>\n<p>Give these to the site's"
                    " <code>logstore_xapi</code> plugin (its endpoint, username and password)."
                    " <strong>Copy the secret now: it is shown only this once.</strong> certtrack"
                    " keeps only a hash of it; a lost secret cannot be shown again.</p>\n"
                    "<dl class=\"summary\">\n");
    html_term(&h, "Endpoint", endpoint);
    html_markup(&h, "<dt>Key (username)</dt><dd><code id=\"xapi-key\">");
    html_text(&h, added->credentials.api_key);
    html_markup(&h, "</code></dd>\n<dt>Secret (password)</dt><dd><code id=\"xapi-secret\">");
    html_text(&h, added->credentials.secret);
    html_markup(&h, "</code></dd>\n</dl>\n<p><a href=\"/harvest/sites/");
    html_int(&h, added->site.id);
    html_markup(&h, "\">Go to the site</a></p>\n");
    return html_status(&h);
}

/* The form again with the action's faults at their fields (400). */
static enum ct_status site_refused(struct web_request *request, struct web_response *response,
                                   const struct action_outcome *outcome, bool other_zone)
{
    if (outcome->refusal == ACTION_NOT_ALLOWED) {
        return page_error(request, response, 403, "Not allowed", outcome->err.message);
    }
    struct site_form form = {0};
    const struct action_fault *url = action_fault_of(outcome, "url");
    const struct action_fault *zone = action_fault_of(outcome, "time_zone");
    if (url != NULL) {
        harvest_view_sentence(url->message, form.url_message, sizeof form.url_message);
        form.url_error = form.url_message;
    }
    if (zone != NULL) {
        harvest_view_sentence(zone->message, form.zone_message, sizeof form.zone_message);
        *(other_zone ? &form.other_error : &form.zone_error) = form.zone_message;
    }
    response->status = 400;
    return site_form_page(request, response, &form);
}

enum ct_status page_harvest_site_new_submit(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    (void)id;
    const char *other = filled(web_form_value(request, "time_zone_other"));
    const struct harvest_site_add_input input = {
        .url = filled(web_form_value(request, "url")),
        .time_zone = other != NULL ? other : filled(web_form_value(request, "time_zone")),
    };
    struct actor actor = web_actor(request);
    struct harvest_site_add_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_harvest_site_add(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return site_refused(request, response, &outcome, other != NULL);
    }
    status = status == CT_OK ? site_added_page(request, response, &result) : status;
    sodium_memzero(&result.credentials, sizeof result.credentials);
    return status;
}

/* ---- one site ---- */

/* In the order of enum harvest_account_column: the store sorts them. */
static const struct paging_column account_columns[HARVEST_ACCOUNT_COLUMNS] = {
    {"account", "Account", false}, {"person", "Person", false},         {"email", "E-mail", false},
    {"linked", "Linked", false},   {NULL, "Statements credited", true},
};

static const struct paging_list account_list = {account_columns,
                                                sizeof account_columns / sizeof account_columns[0],
                                                HARVEST_ACCOUNT_LINKED,
                                                true,
                                                25,
                                                "linked accounts",
                                                "linked account"};

static void account_row(struct html *h, const struct harvest_account_item *account)
{
    html_markup(h, "<tr>");
    paging_write_cell(h, account->name, false);
    paging_write_link_cell(h, "/people/", account->person_id, account->person_name);
    paging_write_cell(h, account->person_email, false);
    harvest_view_moment_cell(h, account->linked_at);
    paging_write_count_cell(h, account->credited);
    html_markup(h, "</tr>\n");
}

static void accounts_table(struct web_request *request, struct html *h, int64_t site_id)
{
    struct paging paging;
    paging_from_request_prefixed(&paging, &account_list, request, "accounts_");
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_account_count(request->store, site_id, &total, &err));
    if (!paging_write_heading(h, &paging, total, "Linked accounts",
                              "No account of this site is linked to a person yet.")) {
        return;
    }
    paging_write_table_begin(h, &paging, "The site's accounts and the people they are");
    struct harvest_account_item *accounts = NULL;
    size_t count = 0;
    const struct store_page page = paging_page(&paging);
    html_fail(h, store_harvest_views_accounts(request->store, site_id, &page, &request->arena,
                                              &accounts, &count, &err));
    for (size_t i = 0; i < count; i++) {
        account_row(h, &accounts[i]);
    }
    paging_write_table_end(h, &paging);
}

/* The reconciliation of the site's statements, its ignored ones told apart: those the
 * store refused to record are counted as refused, the rest (no credit meant) as ignored. */
static void statement_counts(struct html *h, const struct harvest_site_view *view)
{
    const struct harvest_counts *counts = &view->counts;
    const struct {
        const char *label;
        int64_t number;
    } terms[] = {{"Received", counts->read},
                 {"Credited (a new activity)", counts->created},
                 {"Duplicates (held already)", counts->duplicates},
                 {"Withdrawn", counts->withdrawn},
                 {"Waiting", counts->waiting},
                 {"Parts of a course (not yet complete)", counts->partial},
                 {"Completed without passing", view->without_passing},
                 {"Ignored (no credit)", counts->refused - view->refused - view->without_passing},
                 {"Refused (not recorded)", view->refused}};
    html_markup(h, "<h2>xAPI statements</h2>\n<dl class=\"summary\">\n");
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        harvest_view_count_term(h, terms[i].label, terms[i].number);
    }
    html_markup(h, "</dl>\n<p><a href=\"/harvest/sites/");
    html_int(h, view->site.id);
    html_markup(h, "/statements.csv\">Download every statement of this site as CSV</a></p>\n");
    if (counts->waiting > 0) {
        html_markup(h, "<p>Waiting statements are applied when you link their account or map"
                       " their course: see the <a href=\"/harvest/inbox\">harvest inbox</a>."
                       "</p>\n");
    }
}

struct link_form {
    const char *account_error;
    const char *email_error;
    char account_message[MESSAGE_SIZE]; /* the action's faults, as sentences */
    char email_message[MESSAGE_SIZE];
};

static void link_form_write(struct web_request *request, struct html *h, int64_t site_id,
                            const struct link_form *form)
{
    html_markup(h, "<h2>Link an account</h2>\n<p>An xAPI statement names its learner by the"
                   " site's account: the Moodle user id. Link it to the person it is; the"
                   " statements waiting for it are then applied.</p>\n<form class=\"usa-form\""
                   " method=\"post\" action=\"/harvest/sites/");
    html_int(h, site_id);
    html_markup(h, "/accounts\">\n");
    html_csrf(h, request->csrf);
    const struct form_field fields[] = {
        {.id = "account",
         .label = "Account name",
         .hint = "The Moodle user id, e.g. 42.",
         .error = form->account_error,
         .value = web_form_value(request, "account"),
         .required = true},
        {.id = "email",
         .label = "The person's e-mail address",
         .error = form->email_error,
         .type = "email",
         .value = web_form_value(request, "email"),
         .required = true},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_field(h, &fields[i]);
    }
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Link the account</button>\n"
                   "</form>\n");
}

static void site_summary(struct html *h, const struct harvest_site_view *view)
{
    char added[64];
    moment_of_text(view->created_at, added, sizeof added);
    html_markup(h, "<dl class=\"summary\">\n");
    html_term(h, "Address", view->site.url);
    html_term(h, "Time zone", view->site.time_zone);
    html_term(h, "Added", added);
    html_markup(h, "<dt>xAPI key</dt><dd><code>");
    html_text(h, view->site.api_key);
    html_markup(h, "</code></dd>\n</dl>\n");
}

static void site_imports(struct web_request *request, struct html *h, int64_t site_id)
{
    html_markup(h, "<h2>Report imports</h2>\n");
    harvest_imports_recent(request, h, site_id, SITE_RECENT_IMPORTS);
    html_markup(h, "<p class=\"actions\"><a class=\"usa-button\""
                   " href=\"/harvest/imports/new?site=");
    html_int(h, site_id);
    html_markup(h, "\">Import a report from this site</a> <a class=\"usa-button"
                   " usa-button--outline\" href=\"/harvest/imports?site=");
    html_int(h, site_id);
    html_markup(h, "\">Every import from this site</a></p>\n");
}

static enum ct_status no_site(struct web_request *request, struct web_response *response)
{
    return page_not_found(request, response, "LMS site");
}

/* The site at site_id into *site (*found true), or the 404 page (*found false). */
static enum ct_status find_site(struct web_request *request, struct web_response *response,
                                int64_t site_id, struct lms_site *site, bool *found)
{
    struct ct_err err = {0};
    enum ct_status status =
        store_harvest_site_find_by_id(request->store, site_id, site, found, &err);
    return status != CT_OK || *found ? status : no_site(request, response);
}

/* The site's page, with the link form's errors when it was refused. */
static enum ct_status site_page(struct web_request *request, struct web_response *response,
                                int64_t site_id, const struct link_form *form)
{
    struct ct_err err = {0};
    struct harvest_site_view view;
    bool found = false;
    enum ct_status status = store_harvest_views_site(request->store, site_id, &view, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return no_site(request, response);
    }
    web_set_title(response, "LMS site %s", view.site.url);
    struct html h;
    html_start(&h, &response->body);
    const struct error_summary_field fields[] = {{"account", NULL, "Account name"},
                                                 {"email", NULL, "The person's e-mail address"}};
    const char *const messages[] = {form->account_error, form->email_error};
    harvest_view_refused_summary(&h, "The account was not linked", fields, messages, 2);
    site_summary(&h, &view);
    statement_counts(&h, &view);
    site_imports(request, &h, site_id);
    link_form_write(request, &h, site_id, form);
    accounts_table(request, &h, site_id);
    html_markup(&h, "<p><a href=\"/harvest\">Back to the harvest</a></p>\n");
    return html_status(&h);
}

enum ct_status page_harvest_site(struct web_request *request, struct web_response *response,
                                 int64_t site_id)
{
    struct link_form form = {0};
    return site_page(request, response, site_id, &form);
}

/* Puts the fault of field (when there is one) as a sentence into message and *error. */
static void fault_sentence(const struct action_outcome *outcome, const char *field, char *message,
                           size_t size, const char **error)
{
    const struct action_fault *fault = action_fault_of(outcome, field);
    if (fault != NULL) {
        harvest_view_sentence(fault->message, message, size);
        *error = message;
    }
}

enum ct_status page_harvest_site_link(struct web_request *request, struct web_response *response,
                                      int64_t site_id)
{
    struct lms_site site;
    bool found = false;
    enum ct_status status = find_site(request, response, site_id, &site, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    const struct harvest_account_link_input input = {
        .site_id = site_id,
        .account = filled(web_form_value(request, "account")),
        .email = filled(web_form_value(request, "email")),
    };
    struct actor actor = web_actor(request);
    struct harvest_account_link_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_harvest_account_link(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        if (outcome.refusal == ACTION_NOT_ALLOWED) {
            return page_error(request, response, 403, "Not allowed", outcome.err.message);
        }
        struct link_form form = {0};
        fault_sentence(&outcome, "site", form.account_message, sizeof form.account_message,
                       &form.account_error);
        fault_sentence(&outcome, "account", form.account_message, sizeof form.account_message,
                       &form.account_error);
        fault_sentence(&outcome, "email", form.email_message, sizeof form.email_message,
                       &form.email_error);
        response->status = 400;
        return site_page(request, response, site_id, &form);
    }
    if (status != CT_OK) {
        return status;
    }
    char path[48];
    snprintf(path, sizeof path, "/harvest/sites/%" PRId64, site_id);
    notice_redirect_released(response, path, "account-linked", result.release.applied,
                             result.release.credited);
    return CT_OK;
}

/* ---- the site's statements as CSV ---- */

static enum ct_status
statement_csv_row(void *context, const struct harvest_statement_item *statement, struct ct_err *err)
{
    (void)err;
    char activity[24] = "";
    if (statement->activity_id > 0) {
        snprintf(activity, sizeof activity, "%" PRId64, statement->activity_id);
    }
    const char *cells[] = {statement->received_at,
                           statement->id,
                           statement->version,
                           statement->verb,
                           statement->account_name,
                           statement->object_id,
                           statement->object_name,
                           statement->course_id,
                           statement->occurred_at,
                           statement->state,
                           statement->created ? "yes" : "",
                           statement->reason,
                           activity};
    return csv_write_row(context, cells, sizeof cells / sizeof cells[0]);
}

enum ct_status page_harvest_site_statements_csv(struct web_request *request,
                                                struct web_response *response, int64_t site_id)
{
    struct ct_err err = {0};
    struct lms_site site;
    bool found = false;
    enum ct_status status = find_site(request, response, site_id, &site, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    static const char *const head[] = {
        "received_at", "statement_id", "version", "verb",    "account", "object_id",  "object_name",
        "course_id",   "occurred_at",  "state",   "created", "reason",  "activity_id"};
    response->content_type = "text/csv; charset=utf-8";
    char disposition[96];
    snprintf(disposition, sizeof disposition,
             "attachment; filename=\"site-%" PRId64 "-statements.csv\"", site_id);
    web_add_header(response, "Content-Disposition", disposition);
    status = csv_write_row(&response->body, head, sizeof head / sizeof head[0]);
    return status == CT_OK ? store_harvest_views_statements_each(
                                 request->store, site_id, statement_csv_row, &response->body, &err)
                           : status;
}
