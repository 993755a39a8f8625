#include "harvest_inbox.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../store/store_harvest.h"
#include "../../store/store_harvest_inbox.h"
#include "../html/form.h"
#include "harvest_view.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum { MAX_EVENTS = 500 };

/* ---- what waits ---- */

/* Statements waiting whose account of their site is linked to no one. */
static const char accounts_from_sql[] =
    " FROM xapi_statements x JOIN lms_sites s ON s.id = x.site_id"
    " WHERE x.state = 'waiting' AND x.account_name IS NOT NULL AND NOT EXISTS"
    " (SELECT 1 FROM lms_accounts a WHERE a.site_id = x.site_id AND a.name = x.account_name)"
    " GROUP BY x.site_id, s.url, x.account_name";

static const char accounts_sql[] =
    "SELECT x.site_id, s.url, x.account_name, COUNT(*), MIN(x.received_at),"
    " COUNT(DISTINCT x.object_id)";

/* Statements waiting whose object is not mapped to exactly one catalog event: neither
 * its address as a whole course, nor (its address being unmapped) its name within its
 * course (store_xapi.c reads the mapping so). */
static const char courses_from_sql[] =
    " FROM xapi_statements x WHERE x.state = 'waiting' AND x.object_id IS NOT NULL AND NOT ("
    " (SELECT COUNT(DISTINCT l.event_id) FROM event_lms_links l WHERE l.url = x.object_id AND"
    "  l.activity_name = '') = 1 OR"
    " ((SELECT COUNT(*) FROM event_lms_links l WHERE l.url = x.object_id AND"
    "   l.activity_name = '') = 0 AND"
    "  (SELECT COUNT(DISTINCT l.event_id) FROM event_lms_links l WHERE l.url = x.course_id AND"
    "   l.activity_name <> '' AND (l.activity_name = x.object_name OR"
    "   replace(l.activity_name, '\"', '''') = x.object_name)) = 1))"
    " GROUP BY x.object_id";

static const char courses_sql[] =
    "SELECT x.object_id, MAX(x.object_name), MAX(x.course_id), COUNT(*), MIN(x.received_at),"
    " COUNT(DISTINCT x.site_id)";

static const struct paging_column account_columns[] = {
    {"since", "Waiting since", "MIN(x.received_at)", false},
};
static const struct paging_list account_list = {
    account_columns, 1, 0, false, "x.site_id, x.account_name", 20, "accounts"};

static const struct paging_column course_columns[] = {
    {"since", "Waiting since", "MIN(x.received_at)", false},
};
static const struct paging_list course_list = {course_columns, 1,  0,          false,
                                               "x.object_id",  10, "addresses"};

/* A refused link or mapping, shown at the group it was for. */
struct inbox_refusal {
    int64_t site_id;     /* a link: the site and account */
    const char *account; /* borrowed from the request */
    const char *url;     /* a mapping: the address */
    const char *error;   /* next to the field */
    char message[600];
};

struct inbox_view {
    struct web_request *request;
    struct buf *out;
    const struct inbox_refusal *refusal;
    struct harvest_choices *events;
    char action_query[96]; /* "?accounts_page=N&courses_page=M": a refusal shows the same pages */
    int index;             /* groups written so far, for unique ids */
};

static enum ct_status hidden(struct buf *out, const char *name, const char *value)
{
    enum ct_status status = html_buf_markup(out, "<input type=\"hidden\" name=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, value != NULL ? value : "");
    }
    return status == CT_OK ? html_buf_markup(out, "\">\n") : status;
}

static enum ct_status form_start(struct inbox_view *view, const char *path)
{
    struct buf *out = view->out;
    enum ct_status status =
        html_buf_markup(out, "<form class=\"usa-form\" method=\"post\" action=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, path);
    }
    if (status == CT_OK) {
        status = html_buf_text(out, view->action_query);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">\n");
    }
    return status == CT_OK ? form_csrf(out, view->request->csrf) : status;
}

static enum ct_status sentence(struct buf *out, const char *text)
{
    enum ct_status status = html_buf_markup(out, "<p>");
    if (status == CT_OK) {
        status = html_buf_text(out, text);
    }
    return status == CT_OK ? html_buf_markup(out, "</p>\n") : status;
}

/* One account of a site, with the form that links it. */
static enum ct_status account_group(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct inbox_view *view = context;
    struct buf *out = view->out;
    int64_t site_id = db_column_int64(stmt, 0);
    const char *url = db_column_text(stmt, 1);
    const char *account = db_column_text(stmt, 2);
    int64_t waiting = db_column_int64(stmt, 3), objects = db_column_int64(stmt, 5);
    char since[64], heading[600], text[200], id[32], label[400];
    harvest_view_moment(db_column_text(stmt, 4), since, sizeof since);
    snprintf(heading, sizeof heading, "Account %s of %s", account != NULL ? account : "",
             url != NULL ? url : "");
    snprintf(text, sizeof text,
             "%" PRId64 " statement%s waiting since %s, about %" PRId64 " course%s or"
             " activit%s.",
             waiting, waiting == 1 ? "" : "s", since, objects, objects == 1 ? "" : "s",
             objects == 1 ? "y" : "ies");
    snprintf(id, sizeof id, "link-email-%d", view->index++);
    snprintf(label, sizeof label, "E-mail address of the person account %s is",
             account != NULL ? account : "");
    const struct inbox_refusal *refusal = view->refusal;
    bool refused = refusal != NULL && refusal->account != NULL && refusal->site_id == site_id &&
                   account != NULL && strcmp(refusal->account, account) == 0;
    char site_text[24];
    snprintf(site_text, sizeof site_text, "%" PRId64, site_id);
    enum ct_status status = html_buf_markup(out, "<li class=\"inbox-group\">\n<h3>");
    if (status == CT_OK) {
        status = html_buf_text(out, heading);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</h3>\n");
    }
    if (status == CT_OK) {
        status = sentence(out, text);
    }
    if (status == CT_OK) {
        status = form_start(view, "/harvest/inbox/accounts");
    }
    if (status == CT_OK) {
        status = hidden(out, "site", site_text);
    }
    if (status == CT_OK) {
        status = hidden(out, "account", account);
    }
    struct form_field email = {.id = id,
                               .name = "email",
                               .label = label,
                               .error = refused ? refusal->error : NULL,
                               .type = "email",
                               .value = refused ? web_form_value(view->request, "email") : NULL,
                               .required = true};
    if (status == CT_OK) {
        status = form_field_write(out, &email);
    }
    return status == CT_OK
               ? html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Link"
                                      " the account</button>\n</form>\n</li>\n")
               : status;
}

/* One course or activity address, with the form that maps it. */
static enum ct_status course_group(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct inbox_view *view = context;
    struct buf *out = view->out;
    const char *url = db_column_text(stmt, 0);
    const char *name = db_column_text(stmt, 1);
    const char *course = db_column_text(stmt, 2);
    int64_t waiting = db_column_int64(stmt, 3);
    char since[64], text[200], id[32];
    harvest_view_moment(db_column_text(stmt, 4), since, sizeof since);
    snprintf(text, sizeof text, "%" PRId64 " statement%s waiting since %s.", waiting,
             waiting == 1 ? "" : "s", since);
    snprintf(id, sizeof id, "map-event-%d", view->index++);
    const struct inbox_refusal *refusal = view->refusal;
    bool refused =
        refusal != NULL && refusal->url != NULL && url != NULL && strcmp(refusal->url, url) == 0;
    enum ct_status status = html_buf_markup(out, "<li class=\"inbox-group\">\n<h3>");
    if (status == CT_OK) {
        status = html_buf_text(out, name != NULL && name[0] != '\0' ? name : "An LMS activity");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</h3>\n<dl class=\"summary\">\n");
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "Address", url);
    }
    if (status == CT_OK && course != NULL && url != NULL && strcmp(course, url) != 0) {
        status = harvest_view_term(out, "In the course", course);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dl>\n");
    }
    if (status == CT_OK) {
        status = sentence(out, text);
    }
    if (status == CT_OK) {
        status = form_start(view, "/harvest/inbox/courses");
    }
    if (status == CT_OK) {
        status = hidden(out, "url", url);
    }
    struct form_field event = {
        .id = id,
        .name = "event",
        .label = "The catalog event it counts for",
        .error = refused ? refusal->error : NULL,
        .control = FORM_SELECT,
        .value = refused ? web_form_value(view->request, "event") : NULL,
        .options = view->events->options,
        .option_count = view->events->count,
        .required = true,
    };
    if (status == CT_OK) {
        status = form_field_write(out, &event);
    }
    return status == CT_OK ? html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Map"
                                                  " the address</button>\n</form>\n</li>\n")
                           : status;
}

/* Counts the groups a grouped query makes. */
static enum ct_status count_groups(struct web_request *request, const char *from_sql,
                                   int64_t *total, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, "SELECT COUNT(*) FROM (SELECT 1");
    if (status == CT_OK) {
        status = buf_append_str(&sql, from_sql);
    }
    if (status == CT_OK) {
        status = buf_append_str(&sql, ") g");
    }
    *total = 0;
    if (status == CT_OK) {
        status = store_exec(request->store, buf_str(&sql), NULL, 0, total, err);
    }
    buf_release(&sql);
    return status;
}

/* Writes one of the two lists: its heading, its groups (one a list item), its pages. */
static enum ct_status group_list(struct inbox_view *view, struct paging *paging,
                                 const char *select_sql, const char *from_sql, paging_row_fn group,
                                 struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 8192);
    enum ct_status status = buf_append_str(&sql, select_sql);
    if (status == CT_OK) {
        status = buf_append_str(&sql, from_sql);
    }
    if (status == CT_OK) {
        status = html_buf_markup(view->out, "<ul class=\"usa-list usa-list--unstyled inbox\">\n");
    }
    if (status == CT_OK) {
        status = paging_each_row(view->request->store->db, buf_str(&sql), NULL, 0, paging, group,
                                 view, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = html_buf_markup(view->out, "</ul>\n");
    }
    return status == CT_OK ? paging_nav(view->out, paging) : status;
}

static enum ct_status inbox_page(struct web_request *request, struct web_response *response,
                                 const struct inbox_refusal *refusal)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    struct paging accounts, courses;
    paging_from_request_prefixed(&accounts, &account_list, request, "accounts_");
    paging_from_request_prefixed(&courses, &course_list, request, "courses_");
    int64_t account_total = 0, course_total = 0;
    enum ct_status status = count_groups(request, accounts_from_sql, &account_total, &err);
    if (status == CT_OK) {
        status = count_groups(request, courses_from_sql, &course_total, &err);
    }
    paging_set_total(&accounts, account_total);
    paging_set_total(&courses, course_total);
    struct harvest_choices events = {0};
    if (status == CT_OK) {
        status = harvest_view_choices_load(
            request->store,
            "SELECT id, title || ' (' || kind || ', ' || starts || ')' FROM events"
            " ORDER BY starts DESC, id DESC",
            NULL, 0, MAX_EVENTS, &events, &err);
    }
    struct inbox_view view = {request, out, refusal, &events, "", 0};
    snprintf(view.action_query, sizeof view.action_query,
             "?accounts_page=%" PRId64 "&courses_page=%" PRId64, accounts.page, courses.page);
    if (status == CT_OK) {
        status = page_begin(request, response, "Harvest inbox");
    }
    if (status == CT_OK && refusal != NULL) {
        char alert[700];
        snprintf(alert, sizeof alert, "%s %s",
                 refusal->account != NULL ? "The account was not linked:"
                                          : "The address was not mapped:",
                 refusal->error);
        status = form_alert(out, FORM_ALERT_ERROR, alert);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<p>xAPI statements wait here when the account that sent them is linked to no"
                 " person, or the course or activity they are about is mapped to no catalog event."
                 " Linking or mapping applies them at once, as <code>certtrack site link</code> and"
                 " <code>certtrack catalog add</code> do.</p>\n<h2>Accounts not linked</h2>\n");
    }
    if (status == CT_OK && account_total == 0) {
        status = html_buf_markup(out, "<p>No statement waits for an account link.</p>\n");
    } else if (status == CT_OK) {
        status = group_list(&view, &accounts, accounts_sql, accounts_from_sql, account_group, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Courses and activities not mapped</h2>\n");
    }
    if (status == CT_OK && course_total == 0) {
        status = html_buf_markup(out, "<p>No statement waits for a course mapping.</p>\n");
    } else if (status == CT_OK) {
        status =
            html_buf_markup(out, "<p>An event that is not in the list yet is added in the"
                                 " <a href=\"/catalog/new\">catalog</a>, with this address as its"
                                 " LMS course URL: that applies these statements too.</p>\n");
        if (status == CT_OK) {
            status = group_list(&view, &courses, courses_sql, courses_from_sql, course_group, &err);
        }
    }
    harvest_view_choices_release(&events);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p><a href=\"/harvest\">Back to the harvest</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_harvest_inbox(struct web_request *request, struct web_response *response)
{
    return inbox_page(request, response, NULL);
}

static void refusal_message(struct inbox_refusal *refusal, const struct ct_err *err)
{
    snprintf(refusal->message, sizeof refusal->message, "%s", err->message);
    refusal->message[0] = (char)toupper((unsigned char)refusal->message[0]);
    refusal->error = refusal->message;
}

enum ct_status page_harvest_inbox_link(struct web_request *request, struct web_response *response)
{
    struct inbox_refusal refusal = {0};
    refusal.site_id = harvest_view_id(web_form_value(request, "site"));
    refusal.account = web_form_value(request, "account");
    const char *email = web_form_value(request, "email");
    if (refusal.site_id == 0 || refusal.account == NULL || refusal.account[0] == '\0') {
        return page_error(request, response, 400, "Request refused",
                          "This form does not name an account of a site.");
    }
    struct ct_err err = {0};
    int64_t person_id = 0;
    bool known = false;
    enum ct_status status = CT_OK;
    if (email == NULL || email[0] == '\0') {
        refusal.error = "Enter the e-mail address of the person the account is.";
    } else {
        status = store_harvest_person_by_email(request->store, email, &person_id, &known, &err);
        if (status == CT_OK && !known) {
            refusal.error = "No person has this e-mail address.";
        }
    }
    struct harvest_release release = {0};
    if (status == CT_OK && refusal.error == NULL) {
        status =
            store_harvest_inbox_link_account(request->store, request->person_id, refusal.site_id,
                                             refusal.account, person_id, &release, &err);
        if (status == CT_ERR_INPUT) {
            refusal_message(&refusal, &err);
            status = CT_OK;
        }
    }
    if (status != CT_OK) {
        return status;
    }
    if (refusal.error != NULL) {
        response->status = 400;
        return inbox_page(request, response, &refusal);
    }
    notice_redirect_released(response, "/harvest/inbox", "account-linked", release.applied,
                             release.credited);
    return CT_OK;
}

enum ct_status page_harvest_inbox_map(struct web_request *request, struct web_response *response)
{
    struct inbox_refusal refusal = {0};
    refusal.url = web_form_value(request, "url");
    if (refusal.url == NULL || refusal.url[0] == '\0') {
        return page_error(request, response, 400, "Request refused",
                          "This form does not name a course or activity address.");
    }
    int64_t event_id = harvest_view_id(web_form_value(request, "event"));
    struct ct_err err = {0};
    enum ct_status status = CT_OK;
    struct harvest_release release = {0};
    if (event_id == 0) {
        refusal.error = "Choose the catalog event the course or activity counts for.";
    } else {
        status = store_harvest_inbox_map_url(request->store, request->person_id, event_id,
                                             refusal.url, &release, &err);
        if (status == CT_ERR_INPUT) {
            refusal_message(&refusal, &err);
            status = CT_OK;
        }
    }
    if (status != CT_OK) {
        return status;
    }
    if (refusal.error != NULL) {
        response->status = 400;
        return inbox_page(request, response, &refusal);
    }
    notice_redirect_released(response, "/harvest/inbox", "course-mapped", release.applied,
                             release.credited);
    return CT_OK;
}
