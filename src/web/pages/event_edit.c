#include "event_edit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/events.h"
#include "../../core/activity_kind.h"
#include "../../core/credit.h"
#include "../../store/store_event_list.h"
#include "../../store/store_events.h"
#include "../../store/store_profile.h"
#include "../html/form.h"
#include "../html/form_options.h"
#include "../html/error_summary.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum field {
    FIELD_TITLE,
    FIELD_KIND,
    FIELD_STARTS,
    FIELD_ENDS,
    FIELD_SPONSOR,
    FIELD_CREDITS,
    FIELD_CATEGORY,
    FIELD_PLACE,
    FIELD_ONLINE_URL,
    FIELD_CAPACITY,
    FIELD_OPENS,
    FIELD_CLOSES,
    FIELD_HOST,
    FIELD_COUNT
};

static const struct form_spec specs[FIELD_COUNT] = {
    [FIELD_TITLE] = {"title", "Title", "As the sponsor names it.", FORM_INPUT, "text", true},
    [FIELD_KIND] = {"kind", "Kind", NULL, FORM_SELECT, NULL, true},
    [FIELD_STARTS] = {"starts", "First day", "As YYYY-MM-DD.", FORM_INPUT, "date", true},
    [FIELD_ENDS] = {"ends", "Last day", "For an event of several days; empty for one day.",
                    FORM_INPUT, "date", false},
    [FIELD_SPONSOR] = {"sponsor", "Sponsor", "Who offers it.", FORM_INPUT, "text", true},
    [FIELD_CREDITS] = {"credits", "Credits", "A multiple of 0.5: 0.5, 1, 1.5 ...", FORM_INPUT,
                       "text", true},
    [FIELD_CATEGORY] = {"category", "Category", NULL, FORM_SELECT, NULL, true},
    [FIELD_PLACE] = {"place", "Place", "Where it happens; empty for an event held online only.",
                     FORM_INPUT, "text", false},
    [FIELD_ONLINE_URL] = {"online_url", "Online link", "Where it is held online, https://...",
                          FORM_INPUT, "url", false},
    [FIELD_CAPACITY] = {"capacity", "Capacity", "How many may register; empty for no limit.",
                        FORM_INPUT, "text", false},
    [FIELD_OPENS] = {"opens", "Registration opens",
                     "The first day people may register, as YYYY-MM-DD; empty for now.", FORM_INPUT,
                     "date", false},
    [FIELD_CLOSES] = {"closes", "Registration closes",
                      "The last day people may register, as YYYY-MM-DD; empty for the"
                      " event's first day.",
                      FORM_INPUT, "date", false},
    [FIELD_HOST] = {"host", "Host",
                    "The e-mail address of the person who hosts it and records who attended;"
                    " empty for none.",
                    FORM_INPUT, "email", false},
};

/* The event's values as the form shows them, text in the request's arena. */
struct event_values {
    const char *values[FIELD_COUNT];
};

/* A date as the form shows it ("" when unset), in arena. */
static const char *date_value(struct arena *arena, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(date)) {
        civil_date_format(date, text);
    }
    return arena_strdup(arena, text);
}

/* The event's values as they are, to fill in the form of a GET. */
static enum ct_status stored_values(struct web_request *request, const struct store_event_row *row,
                                    struct event_values *out)
{
    struct arena *arena = &request->arena;
    char text[CREDIT_TEXT_SIZE + 256];
    out->values[FIELD_TITLE] = row->title;
    out->values[FIELD_KIND] = row->kind;
    out->values[FIELD_STARTS] = date_value(arena, row->starts);
    out->values[FIELD_ENDS] = date_value(arena, row->ends);
    out->values[FIELD_SPONSOR] = row->sponsor;
    credit_format(row->credit_halves, text);
    out->values[FIELD_CREDITS] = arena_strdup(arena, text);
    out->values[FIELD_CATEGORY] = row->category;
    out->values[FIELD_PLACE] = row->place;
    out->values[FIELD_ONLINE_URL] = row->online_url;
    snprintf(text, sizeof text, "%" PRId64, row->capacity);
    out->values[FIELD_CAPACITY] = row->capacity > 0 ? arena_strdup(arena, text) : "";
    out->values[FIELD_OPENS] = date_value(arena, row->registration_opens);
    out->values[FIELD_CLOSES] = date_value(arena, row->registration_closes);
    bool found = false;
    struct ct_err err = {0};
    text[0] = '\0';
    enum ct_status status = row->host_id > 0 ? store_person_email(request->store, row->host_id,
                                                                  text, sizeof text, &found, &err)
                                             : CT_OK;
    out->values[FIELD_HOST] = arena_strdup(arena, found ? text : "");
    return status;
}

/* The values as posted. */
static void posted_values(const struct web_request *request, struct event_values *out)
{
    for (int i = 0; i < FIELD_COUNT; i++) {
        out->values[i] = web_form_value(request, specs[i].id);
    }
}

static void refused_alert(struct html *h, const struct action_outcome *outcome)
{
    struct error_summary_field fields[FIELD_COUNT];
    for (int i = 0; i < FIELD_COUNT; i++) {
        fields[i] = (struct error_summary_field){specs[i].id, NULL, specs[i].label};
    }
    html_error_summary(h,
                       error_summary_count(outcome, fields, FIELD_COUNT) == 1
                           ? "The event was not saved: fix the field marked below."
                           : "The event was not saved: fix the fields marked below.",
                       outcome, fields, FIELD_COUNT);
}

static void form_fields(struct web_request *request, struct html *h,
                        const struct event_values *values, const struct action_outcome *outcome)
{
    struct form_option kinds[ACTIVITY_KIND_COUNT], categories[FORM_CATEGORIES_MAX];
    size_t kind_count = form_kind_options(kinds, true);
    size_t category_count = form_category_options(request->store->programs, categories);
    for (int i = 0; i < FIELD_COUNT; i++) {
        bool kind = i == FIELD_KIND;
        html_spec_field(h, &specs[i], values->values[i], outcome, kind ? kinds : categories,
                        kind ? kind_count : category_count);
    }
}

/* The form with values and each field's fault from outcome (NULL: none). */
static enum ct_status form_page(struct web_request *request, struct web_response *response,
                                const struct store_event_row *row,
                                const struct event_values *values,
                                const struct action_outcome *outcome)
{
    web_set_title(response, "Edit an event");
    struct html h;
    html_start(&h, &response->body);
    if (outcome != NULL) {
        refused_alert(&h, outcome);
    } else if (web_query_value(request, "saved") != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, "The event is saved.");
    }
    html_markup(&h, "<p>Registrations, attendance recorded and the credits given already stay"
                    " as they are.</p>\n");
    html_format(&h,
                "<form class=\"usa-form usa-form--large\" method=\"post\""
                " action=\"/catalog/events/%" PRId64 "/edit\">\n",
                row->id);
    html_csrf(&h, request->csrf);
    form_fields(request, &h, values, outcome);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\">Save the event</button>\n"
                    "</form>\n<p>");
    html_format(&h, "<a href=\"/catalog/events/%" PRId64 "/withdraw\">Withdraw this event</a>",
                row->id);
    html_markup(&h, " &middot; <a href=\"/catalog\">Back to the catalog</a></p>\n");
    return html_status(&h);
}

/* Reads event id for a page: *row found, or the page answered (404, or 409 for a
 * withdrawn event when refuse_withdrawn); *answered tells. */
static enum ct_status read_event(struct web_request *request, struct web_response *response,
                                 int64_t id, struct store_event_row *row, bool *withdrawn,
                                 bool *answered)
{
    bool found = false;
    struct ct_err err = {0};
    *answered = true;
    enum ct_status status =
        store_event_list_get(request->store, id, &request->arena, row, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    status = found ? store_event_withdrawn(request->store, id, &found, withdrawn, &err) : CT_OK;
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : page_not_found(request, response, "event");
    }
    *answered = false;
    return CT_OK;
}

/* The page of an edit refused for its state (or the actor), not for a field. */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              const struct action_outcome *outcome)
{
    unsigned code = outcome->refusal == ACTION_NOT_ALLOWED ? 403
                    : outcome->refusal == ACTION_NOT_FOUND ? 404
                                                           : 409;
    return page_error(request, response, code, "Not done", outcome->err.message);
}

enum ct_status page_event_edit(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    struct store_event_row row;
    bool withdrawn = false, answered = false;
    enum ct_status status = read_event(request, response, id, &row, &withdrawn, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    if (withdrawn) {
        return page_error(request, response, 409, "Withdrawn",
                          "The event is withdrawn: it can no longer be edited.");
    }
    struct event_values values;
    status = stored_values(request, &row, &values);
    return status != CT_OK ? status : form_page(request, response, &row, &values, NULL);
}

static struct catalog_event_input edit_fields(const struct web_request *request)
{
    return (struct catalog_event_input){
        .title = web_form_value(request, "title"),
        .kind = web_form_value(request, "kind"),
        .starts = web_form_value(request, "starts"),
        .ends = web_form_value(request, "ends"),
        .sponsor = web_form_value(request, "sponsor"),
        .credits = web_form_value(request, "credits"),
        .category = web_form_value(request, "category"),
        .place = web_form_value(request, "place"),
        .online_url = web_form_value(request, "online_url"),
        .capacity = web_form_value(request, "capacity"),
        .opens = web_form_value(request, "opens"),
        .closes = web_form_value(request, "closes"),
        .host = web_form_value(request, "host"),
    };
}

enum ct_status page_event_edit_submit(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    struct event_edit_input input = {.event_id = id, .fields = edit_fields(request)};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_event_edit(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal != ACTION_BAD_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status == CT_ERR_INPUT) {
        struct store_event_row row = {.id = id};
        struct event_values values;
        posted_values(request, &values);
        response->status = 400;
        return form_page(request, response, &row, &values, &outcome);
    }
    if (status == CT_OK) {
        char location[96];
        snprintf(location, sizeof location, "/catalog/events/%" PRId64 "/edit?saved=1", id);
        web_redirect(response, location);
    }
    return status;
}

/* What withdrawing does, and the two buttons: keeping the event first. */
static void withdraw_confirmation(struct web_request *request, struct html *h,
                                  const struct store_event_row *row)
{
    html_markup(h, "<p>Withdrawing the event cancels it:</p>\n<ul class=\"usa-list\">\n"
                   "<li>it leaves the public calendar, and the calendar feed marks it"
                   " cancelled;</li>\n<li>no one can register for it any more, and no more"
                   " attendance is recorded;</li>\n<li>the ");
    html_int(h, row->registered);
    html_text(h, row->registered == 1 ? " registration" : " registrations");
    html_markup(h, " held, the attendance recorded and the credits given already"
                   " stay.</li>\n</ul>\n<p>It cannot be undone here.</p>\n");
    html_format(h, "<form method=\"post\" action=\"/catalog/events/%" PRId64 "/withdraw\">\n",
                row->id);
    html_csrf(h, request->csrf);
    html_markup(h, "<ul class=\"usa-button-group\">\n<li class=\"usa-button-group__item\">"
                   "<a class=\"usa-button\" href=\"/catalog\">Keep the event</a></li>\n"
                   "<li class=\"usa-button-group__item\"><button type=\"submit\""
                   " class=\"usa-button usa-button--secondary\">Withdraw the event</button>"
                   "</li>\n</ul>\n</form>\n");
}

enum ct_status page_event_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    struct store_event_row row;
    bool withdrawn = false, answered = false;
    enum ct_status status = read_event(request, response, id, &row, &withdrawn, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    web_set_title(response, withdrawn ? "Event withdrawn" : "Withdraw this event?");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<h2>");
    html_text(&h, row.title);
    html_markup(&h, "</h2>\n");
    if (withdrawn) {
        html_alert(&h,
                   web_query_value(request, "done") != NULL ? FORM_ALERT_SUCCESS : FORM_ALERT_INFO,
                   "The event is withdrawn. Its registrations and the attendance recorded"
                   " stay.");
        html_markup(&h, "<p><a href=\"/catalog\">Back to the catalog</a></p>\n");
    } else {
        withdraw_confirmation(request, &h, &row);
    }
    return html_status(&h);
}

enum ct_status page_event_withdraw_submit(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    struct event_withdraw_input input = {id};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_event_withdraw(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status == CT_OK) {
        char location[96];
        snprintf(location, sizeof location, "/catalog/events/%" PRId64 "/withdraw?done=1", id);
        web_redirect(response, location);
    }
    return status;
}
