#include "dashboard.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_people.h"
#include "../../store/store_record.h"
#include "../../store/store_tracks.h"
#include "certificate_files.h"
#include "../html/chart.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "track.h"
#include "../../core/banned.h"

/* ---- the layout ---- */

/* One link of the main navigation, marked as the current page where it is. */
static enum ct_status nav_link(struct buf *out, const struct web_request *request, const char *href,
                               const char *label)
{
    bool current = strcmp(request->path, href) == 0;
    enum ct_status status = html_markup(out, "<li class=\"usa-nav__primary-item\"><a href=\"");
    if (status == CT_OK) {
        status = html_text(out, href);
    }
    if (status == CT_OK) {
        status = current ? html_markup(out, "\" class=\"usa-nav-link usa-current\""
                                            " aria-current=\"page\"><span>")
                         : html_markup(out, "\" class=\"usa-nav-link\"><span>");
    }
    if (status == CT_OK) {
        status = html_text(out, label);
    }
    return status == CT_OK ? html_markup(out, "</span></a></li>") : status;
}

struct nav_item {
    unsigned roles; /* shown to anyone with one of these roles; 0 = everyone */
    const char *href;
    const char *label;
};

static const struct nav_item nav_items[] = {
    {0, "/", "Your progress"},
    {WEB_ROLE_LEARNER, "/plan", "Your plan"},
    {WEB_ROLE_LEARNER, "/activities/new", "Claim an activity"},
    {WEB_ROLE_LEARNER, "/report", "Final report"},
    {WEB_ROLE_SUPERVISOR, "/plans", "Plans to sign"},
    {WEB_ROLE_SUPERVISOR, "/verify", "Claims to verify"},
    {WEB_ROLE_LIBRARY_ADMINISTRATOR, "/library", "Your library"},
    {WEB_ROLE_SUPERVISOR | WEB_ROLE_LIBRARY_ADMINISTRATOR, "/staff", "Your staff"},
    {WEB_ROLE_CE_COORDINATOR, "/review", "Review and award"},
    {WEB_ROLE_CE_COORDINATOR, "/catalog", "Event catalog"},
    {WEB_ROLE_CE_COORDINATOR, "/certificates", "Certificates"},
    {WEB_ROLE_CE_COORDINATOR, "/harvest", "Harvest"},
    {WEB_ROLE_CE_COORDINATOR | WEB_ROLE_CONSULTANT, "/compliance", "Compliance"},
    {WEB_ROLE_CE_COORDINATOR | WEB_ROLE_CONSULTANT, "/libraries", "Libraries"},
    {WEB_ROLE_CE_COORDINATOR, "/settings", "Settings"},
    {0, "/tokens", "API tokens"},
};

static enum ct_status navigation(struct buf *out, const struct web_request *request)
{
    enum ct_status status = html_markup(
        out, "<nav aria-label=\"Main\" class=\"usa-nav\">\n<div class=\"usa-nav__inner\">"
             "<button type=\"button\" class=\"usa-nav__close\"><img"
             " src=\"/assets/uswds/img/usa-icons/close.svg\" role=\"img\""
             " alt=\"Close the menu\"></button>\n"
             "<ul class=\"usa-nav__primary usa-accordion\">");
    for (size_t i = 0; status == CT_OK && i < sizeof nav_items / sizeof nav_items[0]; i++) {
        if (nav_items[i].roles == 0 || (request->roles & nav_items[i].roles) != 0) {
            status = nav_link(out, request, nav_items[i].href, nav_items[i].label);
        }
    }
    if (status == CT_OK) {
        status = html_markup(out, "</ul>\n<div class=\"usa-nav__secondary\">"
                                  "<form class=\"signout\" method=\"post\" action=\"/logout\">"
                                  "<span>Signed in as ");
    }
    if (status == CT_OK) {
        status = html_text(out, request->name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</span><input type=\"hidden\" name=\"csrf_token\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, request->csrf);
    }
    return status == CT_OK ? html_markup(out, "\"><button type=\"submit\" class=\"usa-button"
                                              " usa-button--outline\">Sign out</button></form>"
                                              "</div>\n</div></nav>\n")
                           : status;
}

enum ct_status page_begin(struct web_request *request, struct web_response *response,
                          const char *title)
{
    struct buf *out = &response->body;
    response->content_type = "text/html; charset=utf-8";
    enum ct_status status = html_markup(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                             "<meta charset=\"utf-8\">\n"
                                             "<meta name=\"viewport\" content=\"width=device-width,"
                                             " initial-scale=1\">\n<title>");
    if (status == CT_OK) {
        status = html_text(out, title);
    }
    if (status == CT_OK) {
        status = html_markup(
            out, " | certtrack</title>\n"
                 "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
                 "<link rel=\"stylesheet\" href=\"/assets/uswds/css/uswds.min.css\">\n"
                 "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
                 "<script src=\"/assets/uswds/js/uswds-init.min.js\"></script>\n"
                 "</head>\n<body>\n"
                 "<a class=\"usa-skipnav\" href=\"#main-content\">Skip to main content</a>\n"
                 "<div class=\"usa-overlay\"></div>\n"
                 "<header class=\"usa-header usa-header--extended\">\n<div class=\"usa-navbar\">"
                 "<div class=\"usa-logo\"><em class=\"usa-logo__text\"><a href=\"/\">certtrack"
                 "<span class=\"site-tagline\">Library continuing education</span></a></em></div>");
    }
    if (status == CT_OK && request->signed_in) {
        status = html_markup(out, "<button type=\"button\" class=\"usa-menu-btn\">Menu</button>");
    }
    if (status == CT_OK) {
        status = html_markup(out, "</div>\n");
    }
    if (status == CT_OK && request->signed_in) {
        status = navigation(out, request);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</header>\n<main id=\"main-content\" class=\"site-main\">\n"
                                  "<div class=\"grid-container\">\n<h1>");
    }
    if (status == CT_OK) {
        status = html_text(out, title);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</h1>\n");
    }
    return status == CT_OK ? notice_write(request, out) : status;
}

enum ct_status page_end(struct web_response *response)
{
    return html_markup(&response->body,
                       "</div>\n</main>\n<footer class=\"usa-footer usa-footer--slim\">"
                       "<div class=\"usa-footer__secondary-section\"><div class=\"grid-container\">"
                       "<p>Montana State Library certification, kept by certtrack.</p>"
                       "</div></div></footer>\n"
                       "<script src=\"/assets/uswds/js/uswds.min.js\"></script>\n"
                       "</body>\n</html>\n");
}

/* ---- errors ---- */

enum ct_status page_error(struct web_request *request, struct web_response *response,
                          unsigned status_code, const char *title, const char *explanation)
{
    buf_release(&response->body);
    response->status = status_code;
    enum ct_status status = page_begin(request, response, title);
    if (status == CT_OK) {
        status = html_markup(&response->body, "<p>");
    }
    if (status == CT_OK) {
        status = html_text(&response->body, explanation);
    }
    if (status == CT_OK) {
        status =
            html_markup(&response->body, "</p>\n<p><a href=\"/\">Go to your dashboard</a></p>\n");
    }
    return status == CT_OK ? page_end(response) : status;
}

/* ---- log in and out ---- */

enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message)
{
    /* A pre-session cookie, and the form's token bound to it by the server's secret: a
     * cross-site form knows neither, and a planted pair that certtrack did not issue
     * together does not match. */
    char pre_session[SESSION_TOKEN_SIZE], token[SESSION_TOKEN_SIZE];
    session_random_token(pre_session);
    struct ct_err err = {0};
    enum ct_status status = session_login_token(request->store, pre_session, token, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_cookie(response, "certtrack_login", pre_session, true, 3600,
                   request->config->secure_cookies);
    struct buf *out = &response->body;
    status = page_begin(request, response, "Sign in");
    if (status == CT_OK && message != NULL) {
        status = html_markup(
            out, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\"><div "
                 "class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
        if (status == CT_OK) {
            status = html_text(out, message);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</p></div></div>\n");
        }
    }
    if (status == CT_OK) {
        status = html_markup(out, "<form method=\"post\" action=\"/login\" class=\"usa-form\">\n"
                                  "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, token);
    }
    if (status == CT_OK) {
        status = html_markup(
            out, "\">\n<label class=\"usa-label\" for=\"email\">E-mail address</label>\n"
                 "<input class=\"usa-input\" id=\"email\" name=\"email\" type=\"email\""
                 " autocomplete=\"username\" required value=\"");
    }
    const char *email = web_form_value(request, "email");
    if (status == CT_OK) {
        status = html_text(out, email != NULL ? email : "");
    }
    if (status == CT_OK) {
        status = html_markup(
            out, "\">\n<label class=\"usa-label\" for=\"password\">Password</label>\n"
                 "<input class=\"usa-input\" id=\"password\" name=\"password\" type=\"password\""
                 " autocomplete=\"current-password\" required>\n"
                 "<button type=\"submit\" class=\"usa-button\">Sign in</button>\n</form>\n");
    }
    return status == CT_OK ? page_end(response) : status;
}

static const char *const wrong_login = "The e-mail address or the password is not right.";
static const char *const too_many_logins =
    "Too many attempts to sign in. Wait a few minutes, then try again.";

/* The waits the attempt's keys are under: *refused when the client address (alone, or
 * for this account) must wait; *account_slowed when the account's failures from every
 * address passed their free ones. */
static enum ct_status login_waits(struct web_request *request, const struct login_keys *keys,
                                  bool *refused, bool *account_slowed, struct ct_err *err)
{
    int64_t address = 0, pair = 0, account = 0;
    enum ct_status status =
        login_wait_seconds(request->store, keys->address, request->now, &address, err);
    if (status == CT_OK) {
        status =
            login_wait_seconds(request->store, keys->account_at_address, request->now, &pair, err);
    }
    if (status == CT_OK) {
        status = login_wait_seconds(request->store, keys->account, request->now, &account, err);
    }
    *refused = address > 0 || pair > 0;
    *account_slowed = account > 0;
    return status;
}

static enum ct_status login_failed(struct web_request *request, struct web_response *response,
                                   const struct login_keys *keys, bool account_slowed)
{
    struct ct_err err = {0};
    const char *const recorded[] = {keys->address, keys->account, keys->account_at_address};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < 3 && status == CT_OK; i++) {
        status = login_failure_record(request->store, recorded[i], request->now, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    response->status = account_slowed ? 429 : 401;
    return page_login(request, response, account_slowed ? too_many_logins : wrong_login);
}

enum ct_status page_login_submit(struct web_request *request, struct web_response *response)
{
    const char *email = web_form_value(request, "email");
    const char *password = web_form_value(request, "password");
    struct ct_err err = {0};
    bool valid = false;
    enum ct_status status =
        session_login_token_check(request->store, request->login_csrf_cookie,
                                  web_form_value(request, "csrf_token"), &valid, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!valid) {
        response->status = 400;
        return page_login(request, response, "This form has expired. Please sign in again.");
    }
    if (email == NULL || password == NULL || email[0] == '\0' || password[0] == '\0') {
        response->status = 400;
        return page_login(request, response, "Enter your e-mail address and your password.");
    }
    int64_t person_id = 0;
    struct ct_err lookup = {0};
    if (store_person_find(request->store, email, &person_id, &lookup) != CT_OK) {
        person_id = 0;
    }
    struct login_keys keys;
    login_keys_make(&keys, person_id, email, request->client_address);
    bool refused = false, account_slowed = false;
    status = login_waits(request, &keys, &refused, &account_slowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (refused) {
        response->status = 429;
        return page_login(request, response, too_many_logins);
    }
    /* The same work whether or not the address names someone. */
    bool matches = false;
    if (person_id > 0) {
        status = store_person_check_password(request->store, person_id, password, &matches, &err);
    } else {
        store_person_check_no_password(password);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!matches) {
        return login_failed(request, response, &keys, account_slowed);
    }
    /* The right password goes through even while the account's failures from elsewhere
     * slow it: the slowdown never locks the owner out. */
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    status = session_create(request->store, person_id, request->now, id, csrf, &err);
    if (status == CT_OK) {
        web_set_cookie(response, "certtrack_session", id, true, SESSION_ABSOLUTE_SECONDS,
                       request->config->secure_cookies);
        web_redirect(response, "/");
    }
    return status;
}

enum ct_status page_logout(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    enum ct_status status = session_end(request->store, request->session_cookie, &err);
    web_set_cookie(response, "certtrack_session", "", true, 0, request->config->secure_cookies);
    web_redirect(response, "/login");
    return status;
}

/* ---- the dashboard ---- */

static enum ct_status credit_cell(struct buf *out, int64_t halves)
{
    char text[CREDIT_TEXT_SIZE];
    credit_format(halves, text);
    return html_text(out, text);
}

static enum ct_status date_cell(struct buf *out, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return html_text(out, text);
}

const char *page_status_words(enum track_status status)
{
    switch (status) {
    case TRACK_COMPLETE:
        return "Complete: ready for the award";
    case TRACK_IN_PROGRESS:
        return "In progress";
    case TRACK_INELIGIBLE:
        return "Not eligible: a prior certificate is needed";
    case TRACK_EXPIRED:
        return "Past the deadline";
    }
    return "Unknown";
}

/* "N of at most M" self-directed credits, for a program that has a cap. */
static enum ct_status self_directed_summary(struct buf *out, const struct evaluation *evaluation)
{
    const struct kind_rule *rule = &evaluation->program->kinds[ACTIVITY_KIND_SELF_DIRECTED];
    if (!rule->accepted || rule->max_halves <= 0) {
        return CT_OK;
    }
    enum ct_status status = html_markup(out, "</dd>\n<dt>Self-directed</dt><dd>");
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->self_directed_halves);
    }
    if (status == CT_OK) {
        status = html_markup(out, " of at most ");
    }
    return status == CT_OK ? credit_cell(out, rule->max_halves) : status;
}

static enum ct_status progress_summary(struct buf *out, const struct track_info *track,
                                       const struct evaluation *evaluation)
{
    enum ct_status status = html_markup(out, "<dl class=\"summary\">\n<dt>Program</dt><dd>");
    if (status == CT_OK) {
        status = html_text(out, evaluation->program->name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dd>\n<dt>Started</dt><dd>");
    }
    if (status == CT_OK) {
        status = date_cell(out, track->started);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dd>\n<dt>Status</dt><dd>");
    }
    if (status == CT_OK) {
        status = html_text(out, page_status_words(evaluation->status));
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dd>\n<dt>Credits counted</dt><dd>");
    }
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->counted_halves);
    }
    if (status == CT_OK) {
        status = html_markup(out, " of ");
    }
    if (status == CT_OK) {
        status = credit_cell(out, evaluation->required_halves);
    }
    if (status == CT_OK) {
        status = self_directed_summary(out, evaluation);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dd>\n<dt>Deadline</dt><dd>");
    }
    if (status == CT_OK) {
        status = date_cell(out, evaluation->deadline);
    }
    return status == CT_OK ? html_markup(out, "</dd>\n</dl>\n") : status;
}

/* The link to the page where the learner does what a blocking item asks, or "". */
static const char *blocking_next_step(enum blocking_code code)
{
    switch (code) {
    case BLOCKING_CREDITS_SHORT:
    case BLOCKING_CATEGORY_SHORT:
        return " <a href=\"/activities/new\">Claim an activity</a>";
    case BLOCKING_PLAN_MISSING:
        return " <a href=\"/plan\">Write your plan</a>";
    case BLOCKING_PLAN_NOT_APPROVED:
        return " <a href=\"/plan\">See your plan</a>";
    case BLOCKING_FINAL_REPORT_MISSING:
        return " <a href=\"/report\">Write your final report</a>";
    case BLOCKING_FINAL_REPORT_NOT_ACCEPTED:
        return " <a href=\"/report\">See your final report</a>";
    case BLOCKING_NO_PRIOR_CERTIFICATE:
    case BLOCKING_TRACK_EXPIRED:
        break;
    }
    return "";
}

static enum ct_status blocking_list(struct buf *out, const struct evaluation *evaluation, bool own)
{
    if (evaluation->blocking_count == 0) {
        return own ? html_markup(out, "<p>Nothing stands in the way of your certificate.</p>\n")
                   : html_markup(out, "<p>Nothing stands in the way of the certificate.</p>\n");
    }
    enum ct_status status = html_markup(out, "<h2>What is still needed</h2>\n<ul>\n");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        status = html_markup(out, "<li>");
        if (status == CT_OK) {
            status = html_text(out, blocking_description(item->code));
        }
        if (status == CT_OK && item->code == BLOCKING_CATEGORY_SHORT) {
            status = html_markup(out, " (");
            if (status == CT_OK) {
                status = html_text(out, evaluation->program->categories[item->category].name);
            }
            if (status == CT_OK) {
                status = html_markup(out, ")");
            }
        }
        if (status == CT_OK && own) {
            status = html_markup_literal(out, blocking_next_step(item->code));
        }
        if (status == CT_OK) {
            status = html_markup(out, "</li>\n");
        }
    }
    return status == CT_OK ? html_markup(out, "</ul>\n") : status;
}

/* A cell of a table that stacks into label: value lines on a phone (usa-table--stacked). */
static enum ct_status stacked_cell(struct buf *out, const char *label, bool number)
{
    enum ct_status status = html_markup(out, "<td data-label=\"");
    if (status == CT_OK) {
        status = html_text(out, label);
    }
    return status == CT_OK
               ? (number ? html_markup(out, "\" class=\"number\">") : html_markup(out, "\">"))
               : status;
}

static enum ct_status text_cell(struct buf *out, const char *label, const char *text)
{
    enum ct_status status = stacked_cell(out, label, false);
    if (status == CT_OK) {
        status = html_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_markup(out, "</td>") : status;
}

static enum ct_status activity_row(struct buf *out, struct db_stmt *titles, int64_t person_id,
                                   const struct activity *activity,
                                   const struct activity_result *result, struct ct_err *err)
{
    db_reset(titles);
    enum ct_status status =
        db_bind_all(titles, STORE_PARAMS(DB_INT(person_id), DB_TEXT(activity->id)), 2, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(titles, &has_row, err);
    }
    if (status == CT_OK) {
        status = html_markup(out, "<tr>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Activity", has_row ? db_column_text(titles, 0) : activity->id);
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Date", false);
    }
    if (status == CT_OK) {
        status = date_cell(out, activity->date);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Kind", activity_kind_name(activity->kind));
    }
    if (status == CT_OK) {
        status = text_cell(out, "Status", activity_status_name(activity->status));
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Worth", true);
    }
    if (status == CT_OK) {
        status = credit_cell(out, result->credit_halves);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = stacked_cell(out, "Counted", true);
    }
    if (status == CT_OK) {
        status = credit_cell(out, result->counted_halves);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</td>");
    }
    if (status == CT_OK) {
        status = text_cell(out, "Why", reason_description(result->reason));
    }
    return status == CT_OK ? html_markup(out, "</tr>\n") : status;
}

static enum ct_status activity_table(struct web_request *request, struct buf *out,
                                     const struct learner_record *record,
                                     const struct evaluation *evaluation, int64_t person_id,
                                     bool own, struct ct_err *err)
{
    if (record->activity_count == 0) {
        return own ? html_markup(out, "<h2>Your activities</h2>\n<p>No activity counts toward"
                                      " this track yet. <a href=\"/activities/new\">Claim an"
                                      " activity</a> once it has taken place.</p>\n")
                   : html_markup(out, "<h2>Activities</h2>\n<p>No activity counts toward this"
                                      " track yet.</p>\n");
    }
    struct db_stmt *titles = NULL;
    enum ct_status status = db_prepare(
        request->store->db, "SELECT title FROM activities WHERE person_id = ? AND record_key = ?",
        &titles, err);
    if (status == CT_OK) {
        status = own ? html_markup(out, "<h2>Your activities</h2>\n")
                     : html_markup(out, "<h2>Activities</h2>\n");
    }
    if (status == CT_OK) {
        status = html_markup(
            out, "<table class=\"usa-table usa-table--borderless"
                 " usa-table--stacked\">\n<caption>Each activity and what counts from it today"
                 "</caption>\n<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Date</th>"
                 "<th scope=\"col\">Kind</th><th scope=\"col\">Status</th>"
                 "<th scope=\"col\" class=\"number\">Worth</th><th scope=\"col\" "
                 "class=\"number\">Counted</th><th scope=\"col\">Why</th>"
                 "</tr></thead>\n<tbody>\n");
    }
    for (size_t i = 0; i < record->activity_count && status == CT_OK; i++) {
        status = activity_row(out, titles, person_id, &record->activities[i],
                              &evaluation->activities[i], err);
    }
    db_finalize(titles);
    return status == CT_OK ? html_markup(out, "</tbody>\n</table>\n") : status;
}

/* The links of one certificate: its public check for anyone who sees the row, and its
 * documents for its holder. */
static enum ct_status certificate_links(struct buf *out, struct db_stmt *stmt, bool own)
{
    int64_t id = db_column_int64(stmt, 5);
    const char *code = db_column_text(stmt, 6);
    char href[96];
    enum ct_status status = stacked_cell(out, "Documents", false);
    if (status == CT_OK) {
        status = html_markup(out, "<ul class=\"usa-list usa-list--unstyled\">");
    }
    const char *state = db_column_text(stmt, 4);
    if (status == CT_OK && own) {
        status =
            certificate_files_links(out, id, state != NULL && strncmp(state, "revoked", 7) == 0);
    }
    if (status == CT_OK) {
        snprintf(href, sizeof href, "/verify/%s", code != NULL ? code : "");
        status = html_markup(out, "<li><a href=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, href);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">Public check</a></li></ul></td>");
    }
    return status;
}

static enum ct_status certificate_row(struct web_request *request, struct buf *out,
                                      struct db_stmt *stmt, bool own)
{
    static const char *const labels[] = {"Number", "Program", "Issued", "Valid until", "State"};
    enum ct_status status = html_markup(out, "<tr>");
    for (int column = 0; column < 5 && status == CT_OK; column++) {
        const char *text = db_column_text(stmt, column);
        if (column == 1) {
            text = program_set_name(request->config->programs, text);
        }
        status = text_cell(out, labels[column], text);
    }
    if (status == CT_OK) {
        status = certificate_links(out, stmt, own);
    }
    return status == CT_OK ? html_markup(out, "</tr>\n") : status;
}

/* The certificates the person holds, newest first. */
static enum ct_status certificates_table(struct web_request *request, struct buf *out,
                                         int64_t person_id, bool own, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    char today[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(request->today, today);
    enum ct_status status =
        db_prepare(request->store->db,
                   "SELECT number, program, issued, valid_until,"
                   " CASE WHEN revoked IS NOT NULL THEN 'revoked ' || revoked"
                   " WHEN valid_until <= ? THEN 'expired' ELSE 'valid' END,"
                   " id, verification_code"
                   " FROM certificates WHERE person_id = ? ORDER BY issued DESC, id DESC",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(today), DB_INT(person_id)), 2, err);
    }
    bool has_row = true;
    bool any = false;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (!any) {
            status = own ? html_markup(out, "<h2>Your certificates</h2>\n")
                         : html_markup(out, "<h2>Certificates</h2>\n");
        }
        if (status == CT_OK && !any) {
            status = html_markup(out, "<table class=\"usa-table "
                                      "usa-table--borderless usa-table--stacked\">\n<thead><tr>"
                                      "<th scope=\"col\">Number</th><th scope=\"col\">Program</th>"
                                      "<th scope=\"col\">Issued</th>"
                                      "<th scope=\"col\">Valid until</th>"
                                      "<th scope=\"col\">State</th>"
                                      "<th scope=\"col\">Documents</th></tr></thead>\n<tbody>\n");
            any = true;
        }
        if (status == CT_OK) {
            status = certificate_row(request, out, stmt, own);
        }
    }
    db_finalize(stmt);
    return status == CT_OK && any ? html_markup(out, "</tbody>\n</table>\n") : status;
}

enum ct_status page_progress(struct web_request *request, struct buf *out, int64_t person_id,
                             bool own, struct ct_err *err)
{
    struct track_info track;
    struct ct_err lookup = {0};
    if (store_track_current(request->store, person_id, &track, &lookup) != CT_OK) {
        return own ? html_markup(out, "<p>You are not enrolled in a certification track.</p>\n")
                   : html_markup(out, "<p>Not enrolled in a certification track.</p>\n");
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track.id, request->today, &record, &evaluation, err);
    if (status == CT_OK) {
        status = progress_summary(out, &track, evaluation);
    }
    if (status == CT_OK) {
        status = chart_progress_svg(out, record, evaluation, request->today);
    }
    if (status == CT_OK) {
        status = blocking_list(out, evaluation, own);
    }
    if (status == CT_OK) {
        if (own) {
            status = track_award_request(request, out, &track, evaluation);
        }
    }
    if (status == CT_OK) {
        status = activity_table(request, out, record, evaluation, person_id, own, err);
    }
    if (status == CT_OK) {
        status = certificates_table(request, out, person_id, own, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status page_dashboard(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Your progress");
    if (status == CT_OK) {
        status = page_progress(request, &response->body, request->person_id, true, &err);
    }
    return status == CT_OK ? page_end(response) : status;
}
