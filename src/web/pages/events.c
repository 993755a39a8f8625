#include "events.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/events.h"
#include "../../store/store_event_list.h"
#include "../../store/store_event_registrations.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "roster_upload.h"
#include "../../core/banned.h"

/* A button posting to /catalog/events/ID/WHAT, labelled. */
static void post_button(struct web_request *request, struct html *h, int64_t id, const char *what,
                        const char *label, const char *title)
{
    html_format(h, "<form method=\"post\" action=\"/catalog/events/%" PRId64 "/", id);
    html_text(h, what);
    html_markup(h, "\" class=\"margin-0\">");
    html_csrf(h, request->csrf);
    html_markup(h, "<button class=\"usa-button usa-button--outline margin-0\" type=\"submit\">");
    html_text(h, label);
    html_markup(h, "<span class=\"usa-sr-only\"> ");
    html_text(h, title);
    html_markup(h, "</span></button></form>");
}

void events_registration_cell(struct web_request *request, struct html *h, int64_t id,
                              int64_t host_id)
{
    struct actor actor = web_actor(request);
    struct store_event_registration_state state;
    struct ct_err err = {0};
    html_fail(h, store_event_registration_state(request->store, id, actor.person_id, &state, &err));
    struct store_event_row event;
    bool found = false;
    html_fail(h, store_event_list_get(request->store, id, &request->arena, &event, &found, &err));
    const char *title = found ? event.title : "";
    enum event_registration_verdict verdict = event_registration_decide(&state.facts, actor.today);
    if (state.attended) {
        html_markup(h, "<p class=\"margin-0\">Attended</p>");
    } else if (state.withdrawn) {
        html_markup(h, "<p class=\"margin-0\">Withdrawn</p>");
    } else if (state.registration_id > 0 &&
               event_registration_cancellable(state.facts.starts, actor.today)) {
        html_markup(h, "<p class=\"margin-0\">Registered</p>");
        post_button(request, h, id, "cancel", "Cancel registration", title);
    } else if (state.registration_id > 0) {
        html_markup(h, "<p class=\"margin-0\">Registered</p>");
    } else if (verdict == EVENT_REGISTRATION_OPEN) {
        post_button(request, h, id, "register", "Register", title);
    } else {
        html_markup(h, "<p class=\"margin-0\">");
        html_text(h, verdict == EVENT_REGISTRATION_FULL      ? "Full"
                     : verdict == EVENT_REGISTRATION_NOT_YET ? "Registration not open yet"
                                                             : "Registration closed");
        html_markup(h, "</p>");
    }
    bool host = actor.person_id > 0 && actor.person_id == host_id;
    if (host || actor_has_role(&actor, ROLE_CE_COORDINATOR)) {
        html_format(h, "<a href=\"/catalog/events/%" PRId64 "/roster\">Roster", id);
        html_markup(h, "<span class=\"usa-sr-only\"> of ");
        html_text(h, title);
        html_markup(h, "</span></a>");
    }
    if (actor_has_role(&actor, ROLE_CE_COORDINATOR) && !state.withdrawn) {
        html_format(h, " <a href=\"/catalog/events/%" PRId64 "/edit\">Edit", id);
        html_markup(h, "<span class=\"usa-sr-only\"> ");
        html_text(h, title);
        html_markup(h, "</span></a>");
    }
}

/* The page a refusal answers with. */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              const struct action_outcome *outcome)
{
    unsigned code = outcome->refusal == ACTION_NOT_ALLOWED ? 403
                    : outcome->refusal == ACTION_NOT_FOUND ? 404
                    : outcome->refusal == ACTION_BAD_INPUT ? 400
                                                           : 409;
    return page_error(request, response, code, "Not done", outcome->err.message);
}

enum ct_status page_event_register(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    struct actor actor = web_actor(request);
    struct event_register_input input = {id};
    struct event_register_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_event_register(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status == CT_OK) {
        web_redirect(response, "/catalog?registered=1");
    }
    return status;
}

enum ct_status page_event_cancel(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct actor actor = web_actor(request);
    struct event_cancel_input input = {id};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_event_cancel(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status == CT_OK) {
        web_redirect(response, "/catalog?cancelled=1");
    }
    return status;
}

/* Whether the signed-in person may see the roster of an event hosted by host_id. */
static bool may_see_roster(const struct web_request *request, int64_t host_id)
{
    struct actor actor = web_actor(request);
    return (actor.person_id > 0 && actor.person_id == host_id) ||
           actor_has_role(&actor, ROLE_CE_COORDINATOR);
}

/* What a refused submission of the roster sent: the ticks, kept, and the refusal. */
struct roster_sent {
    const struct event_attendance_input *input;
    const struct action_outcome *outcome;
};

static bool was_ticked(const struct roster_sent *sent, int64_t registration_id)
{
    for (size_t i = 0; sent != NULL && i < sent->input->registration_ids.count; i++) {
        if (sent->input->registration_ids.ids[i] == registration_id) {
            return true;
        }
    }
    return false;
}

static void roster_row(struct html *h, const struct store_roster_row *row,
                       const struct roster_sent *sent)
{
    html_markup(h, "<tr><td>");
    html_text(h, row->name);
    html_markup(h, "</td><td>");
    html_text(h, row->email);
    html_markup(h, "</td><td>");
    html_moment(h, row->registered_at);
    html_markup(h, "</td><td><div class=\"usa-checkbox\">");
    html_format(h,
                "<input class=\"usa-checkbox__input\" type=\"checkbox\" id=\"attended-%" PRId64
                "\" name=\"attended-%" PRId64 "\" value=\"1\"",
                row->registration_id, row->registration_id);
    bool ticked = was_ticked(sent, row->registration_id);
    if (ticked && action_fault_of(sent->outcome, "attended") != NULL) {
        html_markup(h, " aria-invalid=\"true\" aria-describedby=\"attended-error\"");
    }
    if (row->attended) {
        html_markup(h, " checked disabled>");
    } else if (ticked) {
        html_markup(h, " checked>");
    } else {
        html_markup(h, ">");
    }
    html_format(h, "<label class=\"usa-checkbox__label\" for=\"attended-%" PRId64 "\">",
                row->registration_id);
    html_text(h, row->attended ? "Attended (recorded)" : "Attended");
    html_markup(h, "<span class=\"usa-sr-only\"> : ");
    html_text(h, row->name);
    html_markup(h, "</span></label></div></td></tr>\n");
}

static void roster_table(struct web_request *request, struct html *h, int64_t id,
                         const struct store_roster_row *rows, size_t count,
                         const struct roster_sent *sent)
{
    html_format(h, "<form method=\"post\" action=\"/catalog/events/%" PRId64 "/roster\">\n", id);
    html_csrf(h, request->csrf);
    const struct action_fault *fault =
        sent != NULL ? action_fault_of(sent->outcome, "attended") : NULL;
    html_markup(h, "<div id=\"attended\" tabindex=\"-1\">");
    html_field_error(h, "attended", fault != NULL ? fault->message : NULL);
    static const char *const columns[] = {"Name", "E-mail", "Registered", "Attendance"};
    html_table_begin(h, "Registered people", columns, 4);
    for (size_t i = 0; i < count; i++) {
        roster_row(h, &rows[i], sent);
    }
    html_table_end(h);
    html_markup(h, "</div>\n");
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Record attendance</button>\n"
                   "</form>\n");
}

/* The roster page; sent: a refused submission, its refusal summed up at the top and its
 * ticks kept (NULL: none). */
static enum ct_status roster_page(struct web_request *request, struct web_response *response,
                                  int64_t id, const struct roster_sent *sent)
{
    struct store_event_row event;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_event_list_get(request->store, id, &request->arena, &event, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "event");
    }
    if (!may_see_roster(request, event.host_id)) {
        return page_error(request, response, 403, "Not allowed",
                          "Only the event's host or the CE coordinator sees its roster.");
    }
    web_set_title(response, "Event roster");
    struct store_roster_row *rows = NULL;
    size_t count = 0;
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_event_roster(request->store, id, &request->arena, &rows, &count, &err));
    static const struct error_summary_field fields[] = {{"attended", NULL, "Attendance"}};
    html_refused_summary(&h, "Attendance was not recorded", sent != NULL ? sent->outcome : NULL,
                         fields, 1);
    const char *saved = web_query_value(request, "saved");
    if (saved != NULL && sent == NULL) {
        char message[128];
        snprintf(message, sizeof message, "Attendance recorded: %lld credited.",
                 strtoll(saved, NULL, 10));
        html_alert(&h, FORM_ALERT_SUCCESS, message);
    }
    html_markup(&h, "<h2>");
    html_text(&h, event.title);
    html_markup(&h, "</h2>\n<dl>");
    char starts[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(event.starts, starts);
    html_term(&h, "First day", starts);
    html_term(&h, "Host", event.host_name[0] != '\0' ? event.host_name : "None named");
    html_markup(&h, "</dl>\n<p>Tick who attended and record it: each is credited once with a"
                    " verified activity of this event, verified by your word. Attendance once"
                    " recorded stays; it cannot be unticked here.</p>\n");
    roster_table(request, &h, id, rows, count, sent);
    roster_upload_form(request, &h, id, NULL);
    html_markup(&h, "<p><a href=\"/catalog\">Back to the catalog</a></p>\n");
    return html_status(&h);
}

enum ct_status page_event_roster(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    return roster_page(request, response, id, NULL);
}

enum ct_status page_event_roster_submit(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct store_roster_row *rows = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    enum ct_status status =
        store_event_roster(request->store, id, &request->arena, &rows, &count, &err);
    if (status != CT_OK) {
        return status;
    }
    struct event_attendance_input input = {.event_id = id};
    for (size_t i = 0; i < count && input.registration_ids.count < ACTION_IDS_MAX; i++) {
        char name[48];
        snprintf(name, sizeof name, "attended-%" PRId64, rows[i].registration_id);
        const char *value = web_form_value(request, name);
        if (value != NULL && value[0] != '\0' && !rows[i].attended) {
            input.registration_ids.ids[input.registration_ids.count++] = rows[i].registration_id;
        }
    }
    struct actor actor = web_actor(request);
    struct event_attendance_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_event_attendance(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT &&
        (outcome.refusal == ACTION_BAD_INPUT || outcome.refusal == ACTION_WRONG_STATE)) {
        response->status = outcome.refusal == ACTION_BAD_INPUT ? 400 : 409;
        const struct roster_sent sent = {&input, &outcome};
        return roster_page(request, response, id, &sent);
    }
    if (status == CT_ERR_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status == CT_OK) {
        char location[96];
        snprintf(location, sizeof location, "/catalog/events/%" PRId64 "/roster?saved=%d", id,
                 result.credited);
        web_redirect(response, location);
    }
    return status;
}
