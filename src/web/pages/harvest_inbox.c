#include "harvest_inbox.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/harvest.h"
#include "../../store/store_harvest_views.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "../html/notice.h"
#include "harvest_view.h"
#include "../../core/banned.h"

enum { MAX_EVENTS = 500 };

/* ---- what waits ---- */

/* In the order of enum harvest_waiting_column: the store sorts them. */
static const struct paging_column account_columns[HARVEST_WAITING_COLUMNS] = {
    {"since", "Waiting since", false},
};
static const struct paging_list account_list = {
    account_columns, HARVEST_WAITING_COLUMNS, HARVEST_WAITING_SINCE, false, 20, "accounts",
    "account"};

static const struct paging_column course_columns[HARVEST_WAITING_COLUMNS] = {
    {"since", "Waiting since", false},
};
static const struct paging_list course_list = {
    course_columns, HARVEST_WAITING_COLUMNS, HARVEST_WAITING_SINCE, false, 10, "addresses",
    "address"};

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
    struct html *h;
    const struct inbox_refusal *refusal;
    const struct form_option *events;
    size_t event_count;
    char action_query[96]; /* "?accounts_page=N&courses_page=M": a refusal shows the same pages */
    int index;             /* groups written so far, for unique ids */
};

static void form_start(struct inbox_view *view, const char *path)
{
    html_markup(view->h, "<form class=\"usa-form\" method=\"post\" action=\"");
    html_text(view->h, path);
    html_text(view->h, view->action_query);
    html_markup(view->h, "\">\n");
    html_csrf(view->h, view->request->csrf);
}

/* A hidden field on a line of its own. */
static void hidden_line(struct html *h, const char *name, const char *value)
{
    html_hidden(h, name, value);
    html_markup(h, "\n");
}

static void sentence(struct html *h, const char *text)
{
    html_markup(h, "<p>");
    html_text(h, text);
    html_markup(h, "</p>\n");
}

/* One account of a site, with the form that links it. */
static void account_group(struct inbox_view *view, const struct harvest_waiting_account *account)
{
    struct html *h = view->h;
    const char *name = account->account_name != NULL ? account->account_name : "";
    char since[64], heading[600], text[200], id[32], label[400], site[24];
    moment_of_text(account->since, since, sizeof since);
    snprintf(heading, sizeof heading, "Account %s of %s", name,
             account->site_url != NULL ? account->site_url : "");
    int64_t waiting = account->waiting, objects = account->objects;
    snprintf(text, sizeof text,
             "%" PRId64 " statement%s waiting since %s, about %" PRId64 " course%s or"
             " activit%s.",
             waiting, waiting == 1 ? "" : "s", since, objects, objects == 1 ? "" : "s",
             objects == 1 ? "y" : "ies");
    snprintf(id, sizeof id, "link-email-%d", view->index++);
    snprintf(label, sizeof label, "E-mail address of the person account %s is", name);
    snprintf(site, sizeof site, "%" PRId64, account->site_id);
    const struct inbox_refusal *refusal = view->refusal;
    bool refused = refusal != NULL && refusal->account != NULL &&
                   refusal->site_id == account->site_id && account->account_name != NULL &&
                   strcmp(refusal->account, account->account_name) == 0;
    html_markup(h, "<li class=\"inbox-group\">\n<h3>");
    html_text(h, heading);
    html_markup(h, "</h3>\n");
    sentence(h, text);
    form_start(view, "/harvest/inbox/accounts");
    hidden_line(h, "site", site);
    hidden_line(h, "account", account->account_name);
    const struct form_field email = {.id = id,
                                     .name = "email",
                                     .label = label,
                                     .error = refused ? refusal->error : NULL,
                                     .type = "email",
                                     .value =
                                         refused ? web_form_value(view->request, "email") : NULL,
                                     .required = true};
    html_field(h, &email);
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Link the account</button>\n"
                   "</form>\n</li>\n");
}

/* One course or activity address, with the form that maps it. */
static void course_group(struct inbox_view *view, const struct harvest_waiting_course *course)
{
    struct html *h = view->h;
    const char *url = course->url;
    char since[64], text[200], id[32];
    moment_of_text(course->since, since, sizeof since);
    snprintf(text, sizeof text, "%" PRId64 " statement%s waiting since %s.", course->waiting,
             course->waiting == 1 ? "" : "s", since);
    snprintf(id, sizeof id, "map-event-%d", view->index++);
    const struct inbox_refusal *refusal = view->refusal;
    bool refused =
        refusal != NULL && refusal->url != NULL && url != NULL && strcmp(refusal->url, url) == 0;
    html_markup(h, "<li class=\"inbox-group\">\n<h3>");
    html_text(h,
              course->name != NULL && course->name[0] != '\0' ? course->name : "An LMS activity");
    html_markup(h, "</h3>\n<dl class=\"summary\">\n");
    html_term(h, "Address", url);
    if (course->course != NULL && url != NULL && strcmp(course->course, url) != 0) {
        html_term(h, "In the course", course->course);
    }
    html_markup(h, "</dl>\n");
    sentence(h, text);
    form_start(view, "/harvest/inbox/courses");
    hidden_line(h, "url", url);
    const struct form_field event = {
        .id = id,
        .name = "event",
        .label = "The catalog event it counts for",
        .error = refused ? refusal->error : NULL,
        .control = FORM_SELECT,
        .value = refused ? web_form_value(view->request, "event") : NULL,
        .options = view->events,
        .option_count = view->event_count,
        .required = true,
    };
    html_field(h, &event);
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Map the address</button>\n"
                   "</form>\n</li>\n");
}

/* The accounts waiting for a link: a list item each, and their pages. */
static void account_list_write(struct inbox_view *view, const struct paging *paging)
{
    struct harvest_waiting_account *accounts = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    const struct store_page page = paging_page(paging);
    html_fail(view->h,
              store_harvest_views_waiting_accounts(view->request->store, &page,
                                                   &view->request->arena, &accounts, &count, &err));
    html_markup(view->h, "<ul class=\"usa-list usa-list--unstyled inbox\">\n");
    for (size_t i = 0; i < count; i++) {
        account_group(view, &accounts[i]);
    }
    html_markup(view->h, "</ul>\n");
    paging_write_nav(view->h, paging);
}

/* The addresses waiting for a mapping, likewise. */
static void course_list_write(struct inbox_view *view, const struct paging *paging)
{
    struct harvest_waiting_course *courses = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    const struct store_page page = paging_page(paging);
    html_fail(view->h,
              store_harvest_views_waiting_courses(view->request->store, &page,
                                                  &view->request->arena, &courses, &count, &err));
    html_markup(view->h, "<ul class=\"usa-list usa-list--unstyled inbox\">\n");
    for (size_t i = 0; i < count; i++) {
        course_group(view, &courses[i]);
    }
    html_markup(view->h, "</ul>\n");
    paging_write_nav(view->h, paging);
}

/* The catalog events as a select's options (values their ids), from the request's
 * arena. */
static void event_options(struct inbox_view *view)
{
    struct web_request *request = view->request;
    struct harvest_event_choice *events = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(view->h, store_harvest_views_event_choices(request->store, MAX_EVENTS,
                                                         &request->arena, &events, &count, &err));
    struct form_option *options =
        count > 0 ? arena_calloc(&request->arena, count, sizeof *options) : NULL;
    for (size_t i = 0; options != NULL && i < count; i++) {
        options[i] = (struct form_option){harvest_view_id_text(&request->arena, events[i].id),
                                          events[i].label};
        if (options[i].value == NULL) {
            options = NULL;
        }
    }
    if (count > 0 && options == NULL) {
        html_fail(view->h, CT_ERR_NOMEM);
    }
    view->events = options;
    view->event_count = options != NULL ? count : 0;
}

static void refusal_alert(struct html *h, const struct inbox_refusal *refusal)
{
    char alert[700];
    snprintf(alert, sizeof alert, "%s %s",
             refusal->account != NULL ? "The account was not linked:"
                                      : "The address was not mapped:",
             refusal->error);
    html_alert(h, FORM_ALERT_ERROR, alert);
}

static enum ct_status inbox_page(struct web_request *request, struct web_response *response,
                                 const struct inbox_refusal *refusal)
{
    web_set_title(response, "Harvest inbox");
    struct html h;
    html_start(&h, &response->body);
    struct paging accounts, courses;
    paging_from_request_prefixed(&accounts, &account_list, request, "accounts_");
    paging_from_request_prefixed(&courses, &course_list, request, "courses_");
    int64_t account_total = 0, course_total = 0;
    struct ct_err err = {0};
    html_fail(&h, store_harvest_views_waiting_account_count(request->store, &account_total, &err));
    html_fail(&h, store_harvest_views_waiting_course_count(request->store, &course_total, &err));
    paging_set_total(&accounts, account_total);
    paging_set_total(&courses, course_total);
    struct inbox_view view = {.request = request, .h = &h, .refusal = refusal};
    event_options(&view);
    snprintf(view.action_query, sizeof view.action_query,
             "?accounts_page=%" PRId64 "&courses_page=%" PRId64, accounts.page, courses.page);
    if (refusal != NULL) {
        refusal_alert(&h, refusal);
    }
    html_markup(&h, "<p>xAPI statements wait here when the account that sent them is linked to"
                    " no person, or the course or activity they are about is mapped to no catalog"
                    " event. Linking or mapping applies them at once, as <code>certtrack site"
                    " link</code> and <code>certtrack catalog add</code> do.</p>\n"
                    "<h2>Accounts not linked</h2>\n");
    if (account_total == 0) {
        html_markup(&h, "<p>No statement waits for an account link.</p>\n");
    } else {
        account_list_write(&view, &accounts);
    }
    html_markup(&h, "<h2>Courses and activities not mapped</h2>\n");
    if (course_total == 0) {
        html_markup(&h, "<p>No statement waits for a course mapping.</p>\n");
    } else {
        html_markup(&h, "<p>An event that is not in the list yet is added in the"
                        " <a href=\"/catalog/new\">catalog</a>, with this address as its"
                        " LMS course URL: that applies these statements too.</p>\n");
        course_list_write(&view, &courses);
    }
    html_markup(&h, "<p><a href=\"/harvest\">Back to the harvest</a></p>\n");
    return html_status(&h);
}

enum ct_status page_harvest_inbox(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return inbox_page(request, response, NULL);
}

/* The inbox again with the action's refusal at the group it was for (400). */
static enum ct_status inbox_refused(struct web_request *request, struct web_response *response,
                                    const struct action_outcome *outcome,
                                    struct inbox_refusal *refusal)
{
    if (outcome->refusal == ACTION_NOT_ALLOWED) {
        return page_error(request, response, 403, "Not allowed", outcome->err.message);
    }
    harvest_view_sentence(outcome->err.message, refusal->message, sizeof refusal->message);
    refusal->error = refusal->message;
    response->status = 400;
    return inbox_page(request, response, refusal);
}

enum ct_status page_harvest_inbox_link(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct inbox_refusal refusal = {0};
    refusal.site_id = harvest_view_id(web_form_value(request, "site"));
    refusal.account = web_form_value(request, "account");
    const char *email = web_form_value(request, "email");
    const struct harvest_account_link_input input = {
        .site_id = refusal.site_id,
        .account = refusal.account,
        .email = email != NULL && email[0] != '\0' ? email : NULL,
    };
    struct actor actor = web_actor(request);
    struct harvest_account_link_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_harvest_account_link(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        /* The form's hidden fields name the group: without them it is no form of the inbox. */
        if (refusal.site_id == 0 || refusal.account == NULL || refusal.account[0] == '\0') {
            return page_error(request, response, 400, "Request refused",
                              "This form does not name an account of a site.");
        }
        return inbox_refused(request, response, &outcome, &refusal);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect_released(response, "/harvest/inbox", "account-linked", result.release.applied,
                             result.release.credited);
    return CT_OK;
}

enum ct_status page_harvest_inbox_map(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    struct inbox_refusal refusal = {0};
    refusal.url = web_form_value(request, "url");
    const struct harvest_course_map_input input = {
        .event_id = harvest_view_id(web_form_value(request, "event")),
        .url = refusal.url,
    };
    struct actor actor = web_actor(request);
    struct harvest_course_map_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_harvest_course_map(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        if (refusal.url == NULL || refusal.url[0] == '\0') {
            return page_error(request, response, 400, "Request refused",
                              "This form does not name a course or activity address.");
        }
        return inbox_refused(request, response, &outcome, &refusal);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect_released(response, "/harvest/inbox", "course-mapped", result.release.applied,
                             result.release.credited);
    return CT_OK;
}
