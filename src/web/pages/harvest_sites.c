#include "harvest_sites.h"

#include <ctype.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../../store/store_harvest.h"
#include "../../store/store_harvest_inbox.h"
#include "../../store/store_xapi.h"
#include "../html/csv.h"
#include "../html/form.h"
#include "harvest_imports.h"
#include "harvest_view.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum { RECENT_IMPORTS = 10, SITE_RECENT_IMPORTS = 5 };

/* ---- the harvest home ---- */

static const struct paging_column site_columns[] = {
    {"url", "Site", "LOWER(s.url)", false},
    {"zone", "Time zone", "s.time_zone", false},
    {"added", "Added", "s.created_at", false},
    {NULL, "Accounts linked", NULL, true},
    {NULL, "Imports", NULL, true},
    {NULL, "Statements", NULL, true},
    {NULL, "Waiting", NULL, true},
};

static const struct paging_list site_list = {
    site_columns, sizeof site_columns / sizeof site_columns[0], 0, false, "s.id", 25, "sites"};

static const char sites_sql[] =
    "SELECT s.id, s.url, s.time_zone, s.created_at,"
    " (SELECT COUNT(*) FROM lms_accounts a WHERE a.site_id = s.id),"
    " (SELECT COUNT(*) FROM harvest_imports i WHERE i.site_id = s.id),"
    " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = s.id),"
    " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = s.id AND x.state = 'waiting')"
    " FROM lms_sites s";

static enum ct_status site_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct buf *out = context;
    char added[64];
    harvest_view_moment(db_column_text(stmt, 3), added, sizeof added);
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_link_cell(out, "/harvest/sites/", db_column_int64(stmt, 0),
                                  db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 2), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, added, false);
    }
    for (int column = 4; column <= 7 && status == CT_OK; column++) {
        status = harvest_view_count_cell(out, db_column_int64(stmt, column));
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status sites_table(struct web_request *request, struct buf *out, struct ct_err *err)
{
    struct paging paging;
    paging_from_request_prefixed(&paging, &site_list, request, "sites_");
    int64_t total = 0;
    enum ct_status status =
        store_exec(request->store, "SELECT COUNT(*) FROM lms_sites", NULL, 0, &total, err);
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>LMS sites</h2>\n");
    }
    if (status != CT_OK || total == 0) {
        return status == CT_OK ? html_buf_markup(out, "<p>No LMS site is registered yet.</p>\n")
                               : status;
    }
    status = html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n"
                                  "<caption>The LMS sites certtrack harvests from</caption>\n");
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status =
            paging_each_row(request->store->db, sites_sql, NULL, 0, &paging, site_row, out, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK ? paging_nav(out, &paging) : status;
}

static enum ct_status inbox_summary(struct web_request *request, struct buf *out,
                                    struct ct_err *err)
{
    int64_t waiting = 0;
    enum ct_status status = store_harvest_inbox_count(request->store, &waiting, err);
    if (status != CT_OK) {
        return status;
    }
    if (waiting == 0) {
        return html_buf_markup(out, "<p>No xAPI statement waits in the <a href=\"/harvest/inbox\">"
                                    "harvest inbox</a>.</p>\n");
    }
    char text[160];
    snprintf(text, sizeof text,
             waiting == 1 ? "%" PRId64 " xAPI statement waits for an account link or a course"
                            " mapping."
                          : "%" PRId64 " xAPI statements wait for an account link or a course"
                            " mapping.",
             waiting);
    status = html_buf_markup(out, "<div class=\"usa-alert usa-alert--info usa-alert--slim\">"
                                  "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    if (status == CT_OK) {
        status = html_buf_text(out, text);
    }
    return status == CT_OK
               ? html_buf_markup(out, " <a href=\"/harvest/inbox\">Open the harvest inbox"
                                      "</a></p></div></div>\n")
               : status;
}

enum ct_status page_harvest(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Harvest from the LMS");
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<p>Completions arrive from Moodle in two ways: the activity completion reports"
                 " you import here, and the xAPI statements a site sends with its key and"
                 " secret. Each becomes a credit once, with the record of where it came"
                 " from.</p>\n");
    }
    if (status == CT_OK) {
        status = inbox_summary(request, out, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p class=\"actions\"><a class=\"usa-button\""
                                      " href=\"/harvest/imports/new\">Import a report</a>"
                                      " <a class=\"usa-button usa-button--outline\""
                                      " href=\"/harvest/sites/new\">Add an LMS site</a></p>\n");
    }
    if (status == CT_OK) {
        status = sites_table(request, out, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Recent imports</h2>\n");
    }
    if (status == CT_OK) {
        status = harvest_imports_recent(request, out, 0, RECENT_IMPORTS, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p><a href=\"/harvest/imports\">Every import</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
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
    char message[600]; /* a refusal of the store, as a sentence */
};

static enum ct_status site_form_page(struct web_request *request, struct web_response *response,
                                     const struct site_form *form)
{
    struct buf *out = &response->body;
    enum ct_status status = page_begin(request, response, "Add an LMS site");
    bool refused = form->url_error != NULL || form->zone_error != NULL || form->other_error != NULL;
    if (status == CT_OK && refused) {
        status = form_alert(out, FORM_ALERT_ERROR, "The site was not added: fix what is marked.");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p>A site is a Moodle that sends xAPI statements, or whose"
                                      " reports you import. Adding it makes the key and secret it"
                                      " sends statements with.</p>\n<form class=\"usa-form"
                                      " usa-form--large\" method=\"post\""
                                      " action=\"/harvest/sites/new\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    const char *zone = web_form_value(request, "time_zone");
    if (zone == NULL && strcmp(request->method, "GET") == 0) {
        zone = "America/Denver";
    }
    struct form_field fields[] = {
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
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = form_field_write(out, &fields[i]);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Add the site"
                                 "</button>\n</form>\n<p><a href=\"/harvest\">Back to the harvest"
                                 "</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_harvest_site_new(struct web_request *request, struct web_response *response)
{
    struct site_form form = {0};
    return site_form_page(request, response, &form);
}

static const char *filled(const char *text)
{
    return text != NULL && text[0] != '\0' ? text : NULL;
}

/* The page shown once after a site is added: its key and secret. */
static enum ct_status site_added_page(struct web_request *request, struct web_response *response,
                                      const struct lms_site *site,
                                      const struct lms_site_credentials *credentials)
{
    struct buf *out = &response->body;
    char done[LMS_URL_SIZE + 128], href[48];
    snprintf(done, sizeof done, "%s is registered, in the time zone %s.", site->url,
             site->time_zone);
    snprintf(href, sizeof href, "/harvest/sites/%" PRId64, site->id);
    const char *host = web_header_value(request, "Host");
    char endpoint[300];
    snprintf(endpoint, sizeof endpoint, "%s://%s/xapi/",
             request->config->secure_cookies ? "https" : "http",
             host != NULL ? host : "this server");
    enum ct_status status = page_begin(request, response, "LMS site added");
    if (status == CT_OK) {
        status = form_alert(out, FORM_ALERT_SUCCESS, done);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out,
            "<h2>The site's xAPI credentials</h2>\n<p>Give these to the site's"
            " <code>logstore_xapi</code> plugin (its endpoint, username and password)."
            " <strong>Copy the secret now: it is shown only this once.</strong> certtrack keeps"
            " only a hash of it; a lost secret cannot be shown again.</p>\n"
            "<dl class=\"summary\">\n");
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "Endpoint", endpoint);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<dt>Key (username)</dt><dd><code id=\"xapi-key\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, credentials->api_key);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</code></dd>\n<dt>Secret (password)</dt><dd>"
                                      "<code id=\"xapi-secret\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, credentials->secret);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</code></dd>\n</dl>\n<p><a href=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Go to the site</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

static void store_refusal(const struct ct_err *err, struct site_form *form)
{
    snprintf(form->message, sizeof form->message, "%s", err->message);
    form->message[0] = (char)toupper((unsigned char)form->message[0]);
}

enum ct_status page_harvest_site_new_submit(struct web_request *request,
                                            struct web_response *response)
{
    struct site_form form = {0};
    const char *url = filled(web_form_value(request, "url"));
    const char *other = filled(web_form_value(request, "time_zone_other"));
    const char *zone = other != NULL ? other : filled(web_form_value(request, "time_zone"));
    if (url == NULL) {
        form.url_error = "Enter the site's address, like https://learn.example.org.";
    }
    if (zone == NULL) {
        form.zone_error = "Choose the site's time zone, or type another below.";
    }
    if (form.url_error != NULL || form.zone_error != NULL) {
        response->status = 400;
        return site_form_page(request, response, &form);
    }
    struct ct_err err = {0};
    int64_t site_id = 0;
    struct lms_site_credentials credentials;
    enum ct_status status = store_harvest_site_add(request->store, request->person_id, url, zone,
                                                   &site_id, &credentials, &err);
    if (status == CT_ERR_INPUT) {
        store_refusal(&err, &form);
        if (strcmp(err.where, "time_zone") == 0) {
            *(other != NULL ? &form.other_error : &form.zone_error) = form.message;
        } else {
            form.url_error = form.message;
        }
        response->status = 400;
        return site_form_page(request, response, &form);
    }
    struct lms_site site;
    bool found = false;
    if (status == CT_OK) {
        status = store_harvest_site_find_by_id(request->store, site_id, &site, &found, &err);
    }
    if (status == CT_OK && !found) {
        status = ct_err_set(&err, CT_ERR_IO, "site", "the new site is not found");
    }
    if (status == CT_OK) {
        status = site_added_page(request, response, &site, &credentials);
    }
    sodium_memzero(&credentials, sizeof credentials);
    return status;
}

/* ---- one site ---- */

static const struct paging_column account_columns[] = {
    {"account", "Account", "a.name", false},   {"person", "Person", "LOWER(p.name)", false},
    {"email", "E-mail", "p.email_key", false}, {"linked", "Linked", "a.linked_at", false},
    {NULL, "Statements credited", NULL, true},
};

static const struct paging_list account_list = {
    account_columns,  sizeof account_columns / sizeof account_columns[0], 3, true, "a.id", 25,
    "linked accounts"};

static const char accounts_sql[] =
    "SELECT a.name, p.id, p.name, p.email, a.linked_at,"
    " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = a.site_id AND"
    "  x.account_name = a.name AND x.state = 'credited')"
    " FROM lms_accounts a JOIN people p ON p.id = a.person_id WHERE a.site_id = ?";

static enum ct_status account_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct buf *out = context;
    char linked[64];
    harvest_view_moment(db_column_text(stmt, 4), linked, sizeof linked);
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 0), false);
    }
    if (status == CT_OK) {
        status =
            paging_link_cell(out, "/people/", db_column_int64(stmt, 1), db_column_text(stmt, 2));
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 3), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, linked, false);
    }
    if (status == CT_OK) {
        status = harvest_view_count_cell(out, db_column_int64(stmt, 5));
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status accounts_table(struct web_request *request, struct buf *out, int64_t site_id,
                                     struct ct_err *err)
{
    struct paging paging;
    paging_from_request_prefixed(&paging, &account_list, request, "accounts_");
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(request->store, "SELECT COUNT(*) FROM lms_accounts WHERE site_id = ?", &total,
                   err, DB_INT(site_id));
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Linked accounts</h2>\n");
    }
    if (status != CT_OK || total == 0) {
        return status == CT_OK ? html_buf_markup(out, "<p>No account of this site is linked to a"
                                                      " person yet.</p>\n")
                               : status;
    }
    status =
        html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n"
                             "<caption>The site's accounts and the people they are</caption>\n");
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = paging_each_row(request->store->db, accounts_sql, STORE_PARAMS(DB_INT(site_id)), 1,
                                 &paging, account_row, out, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK ? paging_nav(out, &paging) : status;
}

/* The reconciliation of the site's statements (store_xapi_site_counts), its ignored
 * ones told apart: those the store refused to record say so ("refused: ...", store_xapi.c)
 * and are counted as refused, the rest (no credit meant) as ignored. */
static enum ct_status statement_counts(struct web_request *request, struct buf *out,
                                       int64_t site_id, struct ct_err *err)
{
    struct harvest_counts counts;
    int64_t refused = 0, without_passing = 0;
    enum ct_status status = store_xapi_site_counts(request->store, site_id, &counts, err);
    if (status == CT_OK) {
        status = STORE_EXEC(request->store,
                            "SELECT COUNT(*) FROM xapi_statements WHERE site_id = ? AND"
                            " state = 'ignored' AND reason LIKE 'refused:%'",
                            &refused, err, DB_INT(site_id));
    }
    if (status == CT_OK) {
        status = STORE_EXEC(request->store,
                            "SELECT COUNT(*) FROM xapi_statements WHERE site_id = ? AND"
                            " state = 'ignored' AND reason LIKE 'completed without passing%'",
                            &without_passing, err, DB_INT(site_id));
    }
    const struct {
        const char *label;
        int64_t number;
    } terms[] = {{"Received", counts.read},
                 {"Credited (a new activity)", counts.created},
                 {"Duplicates (held already)", counts.duplicates},
                 {"Withdrawn", counts.withdrawn},
                 {"Waiting", counts.waiting},
                 {"Parts of a course (not yet complete)", counts.partial},
                 {"Completed without passing", without_passing},
                 {"Ignored (no credit)", counts.refused - refused - without_passing},
                 {"Refused (not recorded)", refused}};
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>xAPI statements</h2>\n<dl class=\"summary\">\n");
    }
    for (size_t i = 0; i < sizeof terms / sizeof terms[0] && status == CT_OK; i++) {
        status = harvest_view_count_term(out, terms[i].label, terms[i].number);
    }
    bool waiting = counts.waiting > 0;
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dl>\n<p><a href=\"");
    }
    char href[80];
    snprintf(href, sizeof href, "/harvest/sites/%" PRId64 "/statements.csv", site_id);
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Download every statement of this site as CSV</a></p>\n");
    }
    if (status == CT_OK && waiting) {
        status =
            html_buf_markup(out, "<p>Waiting statements are applied when you link their account"
                                 " or map their course: see the <a href=\"/harvest/inbox\">"
                                 "harvest inbox</a>.</p>\n");
    }
    return status;
}

struct link_form {
    const char *account_error;
    const char *email_error;
    char message[600];
};

static enum ct_status link_form_write(struct web_request *request, struct buf *out, int64_t site_id,
                                      const struct link_form *form)
{
    char action[64];
    snprintf(action, sizeof action, "/harvest/sites/%" PRId64 "/accounts", site_id);
    enum ct_status status = html_buf_markup(
        out, "<h2>Link an account</h2>\n<p>An xAPI statement names its learner by the site's"
             " account: the Moodle user id. Link it to the person it is; the statements waiting"
             " for it are then applied.</p>\n<form class=\"usa-form\" method=\"post\" action=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, action);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    struct form_field fields[] = {
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
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = form_field_write(out, &fields[i]);
    }
    return status == CT_OK ? html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">"
                                                  "Link the account</button>\n</form>\n")
                           : status;
}

static enum ct_status site_summary(struct buf *out, const struct lms_site *site, const char *added)
{
    enum ct_status status = html_buf_markup(out, "<dl class=\"summary\">\n");
    if (status == CT_OK) {
        status = harvest_view_term(out, "Address", site->url);
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "Time zone", site->time_zone);
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "Added", added);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<dt>xAPI key</dt><dd><code>");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, site->api_key);
    }
    return status == CT_OK ? html_buf_markup(out, "</code></dd>\n</dl>\n") : status;
}

static enum ct_status site_imports(struct web_request *request, struct buf *out, int64_t site_id,
                                   struct ct_err *err)
{
    char href[64];
    enum ct_status status = html_buf_markup(out, "<h2>Report imports</h2>\n");
    if (status == CT_OK) {
        status = harvest_imports_recent(request, out, site_id, SITE_RECENT_IMPORTS, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p class=\"actions\"><a class=\"usa-button\" href=\"");
    }
    snprintf(href, sizeof href, "/harvest/imports/new?site=%" PRId64, site_id);
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Import a report from this site</a> <a class=\"usa-button"
                                      " usa-button--outline\" href=\"");
    }
    snprintf(href, sizeof href, "/harvest/imports?site=%" PRId64, site_id);
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    return status == CT_OK ? html_buf_markup(out, "\">Every import from this site</a></p>\n")
                           : status;
}

/* The site's page, with the link form's errors when it was refused. */
static enum ct_status site_page(struct web_request *request, struct web_response *response,
                                int64_t site_id, const struct link_form *form)
{
    struct ct_err err = {0};
    struct lms_site site;
    bool found = false;
    enum ct_status status =
        store_harvest_site_find_by_id(request->store, site_id, &site, &found, &err);
    if (status == CT_OK && !found) {
        return page_error(request, response, 404, "Page not found",
                          "There is no LMS site at this address.");
    }
    char created[40] = "", added[64];
    bool has_time = false;
    if (status == CT_OK) {
        status = store_query_text(request->store, "SELECT created_at FROM lms_sites WHERE id = ?",
                                  STORE_PARAMS(DB_INT(site_id)), 1, created, sizeof created,
                                  &has_time, &err);
    }
    harvest_view_moment(created, added, sizeof added);
    char title[LMS_URL_SIZE + 16];
    snprintf(title, sizeof title, "LMS site %s", site.url);
    struct buf *out = &response->body;
    if (status == CT_OK) {
        status = page_begin(request, response, title);
    }
    bool refused = form->account_error != NULL || form->email_error != NULL;
    if (status == CT_OK && refused) {
        status =
            form_alert(out, FORM_ALERT_ERROR, "The account was not linked: fix what is marked.");
    }
    if (status == CT_OK) {
        status = site_summary(out, &site, added);
    }
    if (status == CT_OK) {
        status = statement_counts(request, out, site_id, &err);
    }
    if (status == CT_OK) {
        status = site_imports(request, out, site_id, &err);
    }
    if (status == CT_OK) {
        status = link_form_write(request, out, site_id, form);
    }
    if (status == CT_OK) {
        status = accounts_table(request, out, site_id, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p><a href=\"/harvest\">Back to the harvest</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_harvest_site(struct web_request *request, struct web_response *response,
                                 int64_t site_id)
{
    struct link_form form = {0};
    return site_page(request, response, site_id, &form);
}

enum ct_status page_harvest_site_link(struct web_request *request, struct web_response *response,
                                      int64_t site_id)
{
    struct link_form form = {0};
    struct ct_err err = {0};
    struct lms_site site;
    bool found = false;
    enum ct_status status =
        store_harvest_site_find_by_id(request->store, site_id, &site, &found, &err);
    if (status != CT_OK || !found) {
        return status == CT_OK ? page_error(request, response, 404, "Page not found",
                                            "There is no LMS site at this address.")
                               : status;
    }
    const char *account = filled(web_form_value(request, "account"));
    const char *email = filled(web_form_value(request, "email"));
    int64_t person_id = 0;
    bool known = false;
    if (account == NULL) {
        form.account_error = "Enter the account name: the Moodle user id its statements carry.";
    }
    if (email == NULL) {
        form.email_error = "Enter the e-mail address of the person the account is.";
    } else {
        status = store_harvest_person_by_email(request->store, email, &person_id, &known, &err);
        if (status == CT_OK && !known) {
            form.email_error = "No person has this e-mail address.";
        }
    }
    if (status != CT_OK) {
        return status;
    }
    struct harvest_release release = {0};
    if (form.account_error == NULL && form.email_error == NULL) {
        status = store_harvest_inbox_link_account(request->store, request->person_id, site_id,
                                                  account, person_id, &release, &err);
        if (status == CT_ERR_INPUT) {
            snprintf(form.message, sizeof form.message, "%s", err.message);
            form.message[0] = (char)toupper((unsigned char)form.message[0]);
            *(strcmp(err.where, "person") == 0 ? &form.email_error : &form.account_error) =
                form.message;
            status = CT_OK;
        }
    }
    if (status != CT_OK) {
        return status;
    }
    if (form.account_error != NULL || form.email_error != NULL) {
        response->status = 400;
        return site_page(request, response, site_id, &form);
    }
    char path[48];
    snprintf(path, sizeof path, "/harvest/sites/%" PRId64, site_id);
    notice_redirect_released(response, path, "account-linked", release.applied, release.credited);
    return CT_OK;
}

/* ---- the site's statements as CSV ---- */

static enum ct_status statement_csv_rows(struct web_request *request, struct buf *out,
                                         int64_t site_id, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT received_at, id, version, verb, account_name, object_id, object_name, course_id,"
        " occurred_at, state, CASE WHEN state = 'credited' AND created = 1 THEN 'yes' ELSE ''"
        " END, reason, activity_id FROM xapi_statements WHERE site_id = ? ORDER BY seq",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(site_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *cells[13];
        for (int i = 0; i < 13; i++) {
            cells[i] = db_column_text(stmt, i);
        }
        status = csv_write_row(out, cells, 13);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status page_harvest_site_statements_csv(struct web_request *request,
                                                struct web_response *response, int64_t site_id)
{
    struct ct_err err = {0};
    struct lms_site site;
    bool found = false;
    enum ct_status status =
        store_harvest_site_find_by_id(request->store, site_id, &site, &found, &err);
    if (status != CT_OK || !found) {
        return status == CT_OK ? page_error(request, response, 404, "Page not found",
                                            "There is no LMS site at this address.")
                               : status;
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
    if (status == CT_OK) {
        status = statement_csv_rows(request, &response->body, site_id, &err);
    }
    return status;
}
