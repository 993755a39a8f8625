#include "unsubscribe.h"

#include <stdlib.h>
#include <string.h>

#include "../../actions/notice_settings.h"
#include "../../mail/mail_compose.h"
#include "../../mail/mail_kinds.h"
#include "../../mail/mail_unsubscribe.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* The address's three parts, as the query gives them. */
struct address {
    int64_t person_id; /* 0 when ?person= is not a whole number from 1 */
    const char *kind;  /* borrowed; NULL when absent */
    const char *mac;
};

static struct address read_address(const struct web_request *request)
{
    struct address address = {
        .kind = web_query_value(request, "kind"),
        .mac = web_query_value(request, "mac"),
    };
    const char *person = web_query_value(request, "person");
    char *end = NULL;
    long long value =
        person != NULL && person[0] >= '1' && person[0] <= '9' ? strtoll(person, &end, 10) : 0;
    address.person_id = end != NULL && *end == '\0' && value > 0 ? (int64_t)value : 0;
    return address;
}

/* The label of the address's kind, or NULL when it is no kind that may be turned off. */
static const char *kind_label(const struct address *address)
{
    const struct mail_kind *kind = mail_kind_find(address->kind);
    return kind != NULL && mail_kind_may_turn_off(address->kind) ? kind->label : NULL;
}

static enum ct_status refused(struct web_request *request, struct web_response *response,
                              unsigned status, const char *message)
{
    return page_error(request, response, status,
                      status == 403   ? "This address is not valid"
                      : status == 404 ? "Nobody to unsubscribe"
                                      : "This address is not whole",
                      message);
}

static void settings_link(struct html *h)
{
    html_markup(h, "<p>To choose all the mail you get, and when, sign in and open <a"
                   " class=\"usa-link\" href=\"" MAIL_SETTINGS_PATH "\">your mail settings"
                   "</a>.</p>\n");
}

enum ct_status page_unsubscribe(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    struct address address = read_address(request);
    const char *label = kind_label(&address);
    bool valid = false;
    struct ct_err err = {0};
    if (address.person_id == 0 || label == NULL) {
        return refused(request, response, 400,
                       "This unsubscribe address lacks a part: use the whole address from the"
                       " mail.");
    }
    enum ct_status status = mail_unsubscribe_check(request->store, address.person_id, address.kind,
                                                   address.mac, &valid, &err);
    if (status != CT_OK || !valid) {
        return status != CT_OK ? status
                               : refused(request, response, 403,
                                         "This unsubscribe address is not valid: use the whole"
                                         " address from the mail.");
    }
    web_set_title(response, "Stop this mail");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>You get this kind of mail from certtrack:</p>\n<p><strong>");
    html_text(&h, label);
    html_markup(&h, "</strong></p>\n<form method=\"post\" action=\"/unsubscribe?person=");
    html_int(&h, address.person_id);
    html_markup(&h, "&amp;kind=");
    html_text(&h, address.kind);
    html_markup(&h, "&amp;mac=");
    html_text(&h, address.mac);
    html_markup(&h, "\" class=\"usa-form\">");
    html_hidden(&h, "List-Unsubscribe", "One-Click");
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Stop this mail</button>"
                    "</form>\n");
    settings_link(&h);
    return html_status(&h);
}

/* Whether the body says "List-Unsubscribe=One-Click" (RFC 8058 3.1), as a form field or,
 * from a mail program that sends multipart/form-data, in the body's text. */
static bool one_click(const struct web_request *request)
{
    const char *field = web_form_value(request, "List-Unsubscribe");
    if (field != NULL) {
        return strcmp(field, "One-Click") == 0;
    }
    return request->content_type != NULL &&
           strncmp(request->content_type, "multipart/form-data", 19) == 0 &&
           request->body != NULL && strstr(request->body, "name=\"List-Unsubscribe\"") != NULL &&
           strstr(request->body, "One-Click") != NULL;
}

enum ct_status page_unsubscribe_submit(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct address address = read_address(request);
    if (!one_click(request)) {
        return refused(request, response, 400,
                       "An unsubscribe is a POST whose body is List-Unsubscribe=One-Click.");
    }
    struct notice_unsubscribe_input input = {address.person_id, address.kind, address.mac};
    /* The address's person acts: the action checks that the mac proves it. */
    struct actor actor = web_actor(request);
    actor.person_id = address.person_id;
    actor.roles = 0;
    actor.library_id = 0;
    struct notice_unsubscribe_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_notice_unsubscribe(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response,
                       outcome.refusal == ACTION_NOT_ALLOWED ? 403
                       : outcome.refusal == ACTION_NOT_FOUND ? 404
                                                             : 400,
                       outcome.err.message);
    }
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "This mail is stopped");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_SUCCESS,
               result.changed ? "Done: certtrack sends you no more of this kind of mail."
                              : "This kind of mail was stopped already.");
    html_markup(&h, "<p><strong>");
    html_text(&h, kind_label(&address));
    html_markup(&h, "</strong></p>\n");
    settings_link(&h);
    return html_status(&h);
}
