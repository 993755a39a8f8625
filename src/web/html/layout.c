#include "layout.h"

#include <string.h>

#include "../../store/store_enrolment.h"
#include "../../store/store_settings.h"
#include "form.h"
#include "html.h"
#include "../http/session.h"
#include "nav_program.h"
#include "notice.h"
#include "todo_queues.h"
#include "../../core/banned.h"

/* The link's name when something waits behind it, read as "Claims to verify, 3
 * waiting" (the link shows "Claims to verify (3)"). */
static void nav_count_name(struct html *h, const char *label, int64_t waiting)
{
    if (waiting > 0) {
        html_markup(h, "\" aria-label=\"");
        html_text(h, label);
        html_format(h, ", %lld waiting", (long long)waiting);
    }
}

/* The count beside the link, seen, when something waits behind it. */
static void nav_count(struct html *h, int64_t waiting)
{
    if (waiting > 0) {
        html_format(h, "<span class=\"nav-count\">(%lld)</span>", (long long)waiting);
    }
}

/* One link of the main navigation, marked as the current page where it is, with the
 * count of what waits behind it. */
static void nav_link(struct html *h, struct web_request *request, const struct web_nav_item *item)
{
    int64_t waiting = todo_queues_nav_count(request, item->href);
    html_markup(h, "<li class=\"usa-nav__primary-item\"><a href=\"");
    html_text(h, item->href);
    nav_count_name(h, item->label, waiting);
    if (strcmp(request->path, item->href) == 0) {
        html_markup(h, "\" class=\"usa-nav-link usa-current\" aria-current=\"page\"><span>");
    } else {
        html_markup(h, "\" class=\"usa-nav-link\"><span>");
    }
    html_text(h, item->label);
    html_markup(h, "</span>");
    nav_count(h, waiting);
    html_markup(h, "</a></li>");
}

/* The search for a person, on every page of the coordinator and the consultants: a
 * search landmark with its own label. */
static void people_search_box(struct html *h, const struct web_request *request)
{
    if ((request->roles & (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)) == 0) {
        return;
    }
    html_markup(h, "<form class=\"usa-search usa-search--small\" role=\"search\""
                   " aria-label=\"Find a person\" method=\"get\" action=\"/people\">"
                   "<label class=\"usa-sr-only\" for=\"people-search\">Find a person by name,"
                   " e-mail or library</label><input class=\"usa-input\" id=\"people-search\""
                   " type=\"search\" name=\"q\">");
    html_search_button(h, "Find");
    html_markup(h, "</form>");
}

/* What a learner's open tracks ask for (nav_program.h); nothing for anyone else. */
static struct nav_program_needs learner_needs(struct html *h, struct web_request *request)
{
    struct nav_program_needs needs = {false, false};
    if ((request->roles & ROLE_LEARNER) == 0) {
        return needs;
    }
    struct store_rows rows = {.size = sizeof(struct track_row)};
    struct ct_err err = {0};
    html_fail(h, store_track_rows(request->store, request->person_id, &rows, &err));
    if (html_status(h) == CT_OK) {
        needs = nav_program_needs_of(request->config->programs, rows.items, rows.count);
    }
    store_rows_release(&rows);
    return needs;
}

/* The main navigation: the routes the signed-in person may open that have a label
 * (request->nav, from the route table) and that their program asks for
 * (nav_program.h), and the sign-out form. */
static void navigation(struct html *h, struct web_request *request)
{
    struct nav_program_needs needs = learner_needs(h, request);
    html_markup(h, "<nav aria-label=\"Main\" class=\"usa-nav\">\n<div class=\"usa-nav__inner\">"
                   "<button type=\"button\" class=\"usa-nav__close\"><img"
                   " src=\"/assets/uswds/img/usa-icons/close.svg\" role=\"img\""
                   " alt=\"Close the menu\"></button>\n"
                   "<ul class=\"usa-nav__primary usa-accordion\">");
    for (size_t i = 0; i < request->nav_count; i++) {
        const struct web_nav_item *item = &request->nav[i];
        if ((item->roles == 0 || (request->roles & item->roles) != 0) &&
            nav_program_shows(&needs, item->href)) {
            nav_link(h, request, item);
        }
    }
    html_markup(h, "</ul>\n<div class=\"usa-nav__secondary\">");
    people_search_box(h, request);
    html_markup(h, "<form class=\"signout\" method=\"post\" action=\"/logout\">"
                   "<span>Signed in as ");
    html_text(h, request->name);
    html_markup(h, "</span>");
    html_csrf(h, request->csrf);
    html_markup(h, "<button type=\"submit\" class=\"usa-button"
                   " usa-button--outline\">Sign out</button></form>"
                   "</div>\n</div></nav>\n");
}

static void head(struct html *h, const char *title)
{
    html_markup(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width,"
                   " initial-scale=1\">\n<title>");
    html_text(h, title);
    html_markup(h, " | certtrack</title>\n"
                   "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
                   "<link rel=\"stylesheet\" href=\"/assets/uswds/css/uswds.min.css\">\n"
                   "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
                   "<script src=\"/assets/uswds/js/uswds-init.min.js\"></script>\n"
                   "</head>\n");
}

/* Signed in by the session cookie: the idle sign-out is warned of (session.js). */
static bool warns_of_idle(const struct web_request *request)
{
    return request->signed_in && !request->by_token && request->session_seconds_left > 0;
}

/* The body, carrying for session.js the seconds the session has left and when to warn. */
static void body_start(struct html *h, const struct web_request *request)
{
    if (!warns_of_idle(request)) {
        html_markup(h, "<body>\n");
        return;
    }
    html_format(h,
                "<body data-session-seconds-left=\"%lld\" data-session-warn-after=\"%lld\""
                " data-session-warn-lead=\"%d\">\n",
                (long long)request->session_seconds_left,
                (long long)session_warning_delay(request->session_seconds_left),
                SESSION_WARNING_SECONDS);
}

/* The dialog session.js opens before the idle sign-out (hidden until then; without
 * JavaScript never shown). */
static void idle_warning(struct html *h, struct web_request *request)
{
    char words[64], lead[64];
    session_idle_words(web_session_idle_seconds(request->config), words, sizeof words);
    session_idle_words(SESSION_WARNING_SECONDS, lead, sizeof lead);
    html_markup(h, "<div id=\"session-warning\" class=\"session-warning\" role=\"alertdialog\""
                   " aria-modal=\"true\" aria-labelledby=\"session-warning-heading\""
                   " aria-describedby=\"session-warning-text session-ended-text\" tabindex=\"-1\""
                   " hidden>\n<div class=\"session-warning__box\">"
                   "<h2 id=\"session-warning-heading\">Are you still there?</h2>\n"
                   "<p id=\"session-warning-text\">You will be signed out in ");
    html_text(h, lead);
    html_markup(h, ": after ");
    html_text(h, words);
    html_markup(h, " without activity a session ends. Anything you have typed stays on the page."
                   "</p>\n<p id=\"session-ended-text\" hidden>You were signed out after ");
    html_text(h, words);
    html_markup(h, " without activity. What you typed is still on this page; when you send it,"
                   " certtrack keeps it while you sign in again. <a href=\"/login\">Sign in"
                   " again</a></p>\n<div class=\"session-warning__actions\">"
                   "<form method=\"post\" action=\"/session/stay\">");
    html_csrf(h, request->csrf);
    html_markup(h, "<button type=\"submit\" id=\"session-stay\" class=\"usa-button\">Stay"
                   " signed in</button></form><form method=\"post\" action=\"/logout\">");
    html_csrf(h, request->csrf);
    html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--outline\">Sign"
                   " out</button></form></div>\n</div></div>\n");
}

/* The idle time in words, on every signed-in page. */
static void idle_notice(struct html *h, struct web_request *request)
{
    char words[64];
    session_idle_words(web_session_idle_seconds(request->config), words, sizeof words);
    html_markup(h, "<p class=\"session-idle-notice\">You will be signed out after ");
    html_text(h, words);
    html_markup(h, " without activity.</p>");
}

static void header(struct html *h, struct web_request *request)
{
    body_start(h, request);
    html_markup(h, "<a class=\"usa-skipnav\" href=\"#main-content\">Skip to main content</a>\n"
                   "<div class=\"usa-overlay\"></div>\n"
                   "<header class=\"usa-header usa-header--extended\">\n<div class=\"usa-navbar\">"
                   "<div class=\"usa-logo\"><em class=\"usa-logo__text\"><a href=\"/\">certtrack"
                   "<span class=\"site-tagline\">Library continuing education</span></a></em>"
                   "</div>");
    if (request->signed_in) {
        html_markup(h, "<button type=\"button\" class=\"usa-menu-btn\">Menu</button>");
    }
    html_markup(h, "</div>\n");
    if (request->signed_in) {
        navigation(h, request);
    }
    html_markup(h, "</header>\n");
}

enum ct_status page_begin(struct web_request *request, struct web_response *response,
                          const char *title)
{
    response->content_type = "text/html; charset=utf-8";
    response->laid_out = true;
    struct html h;
    html_start(&h, &response->body);
    head(&h, title);
    header(&h, request);
    html_markup(&h, "<main id=\"main-content\" class=\"site-main\">\n"
                    "<div class=\"grid-container\">\n<h1>");
    html_text(&h, title);
    html_markup(&h, "</h1>\n");
    notice_show(request, &h);
    return html_status(&h);
}

enum ct_status page_end(struct web_request *request, struct web_response *response)
{
    char issuer[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "issuer-name", issuer, &err);
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, status);
    html_markup(&h, "</div>\n</main>\n<footer class=\"usa-footer usa-footer--slim\">"
                    "<div class=\"usa-footer__secondary-section\"><div class=\"grid-container\">"
                    "<p>");
    html_text(&h, issuer);
    html_markup(&h, " certification, kept by certtrack. <a href=\"/calendar\">Calendar of"
                    " upcoming events</a></p>");
    if (request->signed_in && !request->by_token) {
        idle_notice(&h, request);
    }
    html_markup(&h, "</div></div></footer>\n");
    if (warns_of_idle(request)) {
        idle_warning(&h, request);
    }
    html_markup(&h, "<script src=\"/assets/uswds/js/uswds.min.js\"></script>\n");
    if (warns_of_idle(request)) {
        html_markup(&h, "<script src=\"/assets/session.js\"></script>\n");
    }
    html_markup(&h, "</body>\n</html>\n");
    return html_status(&h);
}

enum ct_status page_error(struct web_request *request, struct web_response *response,
                          unsigned status_code, const char *title, const char *explanation)
{
    buf_release(&response->body);
    response->status = status_code;
    enum ct_status status = page_begin(request, response, title);
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, status);
    html_markup(&h, "<p>");
    html_text(&h, explanation);
    html_markup(&h, "</p>\n<p><a href=\"/\">Go to your dashboard</a></p>\n");
    status = html_status(&h);
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_not_found(struct web_request *request, struct web_response *response,
                              const char *what)
{
    char explanation[200];
    snprintf(explanation, sizeof explanation, "There is no %s at this address.", what);
    return page_error(request, response, 404, "Page not found", explanation);
}

static bool is_page(const struct web_response *response)
{
    return !response->laid_out && response->location[0] == '\0' && response->asset == NULL &&
           (response->content_type == NULL || strncmp(response->content_type, "text/html", 9) == 0);
}

enum ct_status layout_wrap(struct web_request *request, struct web_response *response)
{
    if (!is_page(response)) {
        return CT_OK;
    }
    struct buf content = response->body;
    buf_init(&response->body, content.limit);
    enum ct_status status = page_begin(request, response, response->title);
    if (status == CT_OK) {
        status = buf_append(&response->body, buf_str(&content), content.length);
    }
    buf_release(&content);
    return status == CT_OK ? page_end(request, response) : status;
}
