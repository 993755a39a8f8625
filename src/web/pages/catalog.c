#include "catalog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/catalog.h"
#include "../../core/credit.h"
#include "../../store/store_event_list.h"
#include "../../store/store_settings.h"
#include "../html/form.h"
#include "../html/form_options.h"
#include "../html/error_summary.h"
#include "../html/html.h"
#include "../html/list_filter.h"
#include "../html/paging.h"
#include "events.h"
#include "../../core/web_address.h"
#include "../../core/banned.h"

/* ---- the list ---- */

/* The columns in the order of the store's enum (store_event_list.h). */
static const struct paging_column columns[] = {
    [STORE_EVENT_TITLE] = {"title", "Title", false},
    [STORE_EVENT_KIND] = {"kind", "Kind", false},
    [STORE_EVENT_CATEGORY] = {"category", "Category", false},
    [STORE_EVENT_CREDITS] = {"credits", "Credits", true},
    [STORE_EVENT_LINKS] = {"courses", "LMS courses", false},
    [STORE_EVENT_LMS_VERIFIES] = {"lms", "LMS verifies", false},
    [STORE_EVENT_DATE] = {"date", "Date", false},
    [STORE_EVENT_REGISTRATION] = {"registered", "Registration", false},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], STORE_EVENT_DATE, true, 25, "events", "event"};

/* The name of a category id, from the first program that has it; the id when none. */
static const char *category_name(const struct program_set *programs, const char *id)
{
    for (size_t i = 0; id != NULL && i < programs->count; i++) {
        int index = program_category_index(programs->programs[i], id);
        if (index >= 0) {
            return programs->programs[i]->categories[index].name;
        }
    }
    return id;
}

/* Opens one mapped address's item: a link to it when it is a web address. */
static void link_item_open(struct html *h, const char *url)
{
    if (web_address_scheme_length(url) == 0) {
        html_markup(h, "<li>");
        html_text(h, url);
        return;
    }
    html_markup(h, "<li><a href=\"");
    html_text(h, url);
    html_markup(h, "\">");
    html_text(h, url);
    html_markup(h, "</a>");
}

/* Closes the item of a previous address: ")" after its parts. */
static void link_item_close(struct html *h, const struct store_event_link_row *link)
{
    if (link->activity_name[0] != '\0') {
        html_markup(h, ")</li>");
    } else {
        html_markup(h, "</li>");
    }
}

/* One mapping: a new address starts an item (the whole course, or its parts, every one
 * needed); a further named activity of the same address is one more part. */
static void link_row(struct html *h, const struct store_event_link_row *link,
                     const struct store_event_link_row *previous)
{
    bool same = previous != NULL && strcmp(previous->url, link->url) == 0;
    bool part = link->activity_name[0] != '\0';
    if (!same && previous != NULL) {
        link_item_close(h, previous);
    }
    if (!same) {
        link_item_open(h, link->url);
    }
    if (!part) {
        html_markup(h, " (the whole course)");
    } else if (same) {
        html_markup(h, "; ");
    } else {
        html_markup(h, " (complete when every part is: ");
    }
    html_text(h, link->activity_name);
}

/* The event's LMS mappings, an address a line: a whole course, or the parts of one
 * (every one needed); several addresses are alternatives, any one proving it. */
static void links_cell(struct html *h, const struct store_event_row *event)
{
    html_markup(h, "<td>");
    int addresses = 0;
    for (size_t i = 0; i < event->link_count; i++) {
        const struct store_event_link_row *previous = i > 0 ? &event->links[i - 1] : NULL;
        if (i == 0) {
            html_markup(h, "<ul class=\"usa-list usa-list--unstyled\">");
        }
        link_row(h, &event->links[i], previous);
        addresses += previous == NULL || strcmp(previous->url, event->links[i].url) != 0;
    }
    if (event->link_count > 0) {
        link_item_close(h, &event->links[event->link_count - 1]);
        html_markup(h, "</ul>");
    }
    if (addresses > 1) {
        html_markup(h, "<p class=\"margin-0\">Any one of these proves it.</p>");
    }
    html_markup(h, "</td>");
}

static void event_row(struct web_request *request, struct html *h,
                      const struct store_event_row *event)
{
    char credits[CREDIT_TEXT_SIZE], starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    char dates[2 * CIVIL_DATE_TEXT_SIZE + 8];
    credit_format(event->credit_halves, credits);
    civil_date_format(event->starts, starts);
    civil_date_format(event->ends, ends);
    snprintf(dates, sizeof dates, strcmp(starts, ends) == 0 ? "%s" : "%s to %s", starts, ends);
    html_markup(h, "<tr>");
    paging_write_cell(h, event->title, false);
    paging_write_cell(h, list_kind_words(event->kind), false);
    paging_write_cell(h, category_name(request->store->programs, event->category), false);
    paging_write_cell(h, credits, true);
    links_cell(h, event);
    paging_write_cell(h, event->lms_verifies ? "Yes" : "No", false);
    paging_write_cell(h, dates, false);
    html_markup(h, "<td>");
    events_registration_cell(request, h, event->id, event->host_id);
    html_markup(h, "</td></tr>\n");
}

/* "Added ... to the catalog." when ?added= names an event. */
static void added_notice(struct web_request *request, struct html *h)
{
    const char *added = web_query_value(request, "added");
    char *end = NULL;
    long long id = added != NULL ? strtoll(added, &end, 10) : 0;
    if (id <= 0 || end == NULL || *end != '\0') {
        return;
    }
    struct store_event_row event;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_event_list_get(request->store, id, &request->arena, &event, &found, &err);
    html_fail(h, status);
    if (status == CT_OK && found) {
        char message[600];
        snprintf(message, sizeof message, "Added \u201c%s\u201d to the catalog.", event.title);
        html_alert(h, FORM_ALERT_SUCCESS, message);
    }
}

/* Why the catalog shows nothing: the filters find nothing, or it holds nothing yet. */
static void empty_words(struct html *h, const struct store_event_filter *filter)
{
    if (filter->search != NULL || filter->kind != NULL) {
        html_markup(h, "<p>No event matches the search: clear it to see the whole"
                       " catalog.</p>\n");
    } else {
        html_markup(h, "<p>The catalog holds no event yet: the CE coordinator adds them.</p>\n");
    }
}

/* The search and kind filter, then the table of one page of the events they find. */
static void event_table(struct web_request *request, struct html *h)
{
    struct paging paging;
    paging_from_request(&paging, &list, request);
    struct store_event_filter filter = {list_filter_query(request), list_filter_kind(request)};
    paging_keep(&paging, "q", filter.search);
    paging_keep(&paging, "kind", filter.kind);
    struct ct_err err = {0};
    int64_t total = 0;
    html_fail(h, store_event_list_count(request->store, &filter, &total, &err));
    paging_set_total(&paging, total);
    struct store_page page = paging_page(&paging);
    struct store_event_row *events = NULL;
    size_t count = 0;
    html_fail(h, store_event_list(request->store, &filter, &page, &request->arena, &events, &count,
                                  &err));
    struct list_filter form = {.action = "/catalog",
                               .aria_label = "Find events",
                               .search_label = "Title, sponsor or place",
                               .query = filter.search,
                               .kind = filter.kind,
                               .credit_kinds_only = true};
    list_filter_form(h, &form, &paging);
    if (total == 0) {
        empty_words(h, &filter);
        return;
    }
    html_markup(h, "<div class=\"usa-table-container--scrollable catalog-table\" tabindex=\"0\">"
                   "<table class=\"usa-table usa-table--borderless\">\n<caption>Catalog events"
                   "</caption>\n");
    paging_write_head(h, &paging);
    html_markup(h, "<tbody>\n");
    for (size_t i = 0; i < count; i++) {
        event_row(request, h, &events[i]);
    }
    html_markup(h, "</tbody>\n</table></div>\n");
    paging_write_nav(h, &paging);
}

enum ct_status page_catalog(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    web_set_title(response, "Event catalog");
    struct html h;
    html_start(&h, &response->body);
    added_notice(request, &h);
    if (web_query_value(request, "registered") != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, "You are registered for the event.");
    }
    if (web_query_value(request, "cancelled") != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, "Your registration is cancelled.");
    }
    struct actor actor = web_actor(request);
    if (actor_has_role(&actor, ROLE_CE_COORDINATOR)) {
        html_markup(&h, "<p><a class=\"usa-button\" href=\"/catalog/new\">Add an event</a></p>\n");
    }
    event_table(request, &h);
    return html_status(&h);
}

/* ---- the form ---- */

enum field_id {
    FIELD_TITLE,
    FIELD_KIND,
    FIELD_STARTS,
    FIELD_ENDS,
    FIELD_SPONSOR,
    FIELD_CREDITS,
    FIELD_CATEGORY,
    FIELD_URLS,
    FIELD_ACTIVITY_NAMES,
    FIELD_LMS_VERIFIES,
    FIELD_PLACE,
    FIELD_ONLINE_URL,
    FIELD_CAPACITY,
    FIELD_OPENS,
    FIELD_CLOSES,
    FIELD_HOST,
    FIELD_COUNT
};

/* Each field of the form; its id is the action's field (catalog.h). */
static const struct form_spec specs[FIELD_COUNT] = {
    [FIELD_TITLE] = {"title", "Title", "As the sponsor names it.", FORM_INPUT, "text", true},
    [FIELD_KIND] = {"kind", "Kind", NULL, FORM_SELECT, NULL, true},
    [FIELD_STARTS] = {"starts", "Date", "The first day, as YYYY-MM-DD.", FORM_INPUT, "date", true},
    [FIELD_ENDS] = {"ends", "Last day", "For an event of several days; empty for one day.",
                    FORM_INPUT, "date", false},
    [FIELD_SPONSOR] = {"sponsor", "Sponsor", "Who offers it.", FORM_INPUT, "text", true},
    [FIELD_CREDITS] = {"credits", "Credits", "A multiple of 0.5: 0.5, 1, 1.5 ...", FORM_INPUT,
                       "text", true},
    [FIELD_CATEGORY] = {"category", "Category", NULL, FORM_SELECT, NULL, true},
    [FIELD_URLS] = {"urls", "LMS course URLs",
                    "One address a line, e.g. https://learn.example.org/course/view.php?id=12."
                    " Empty for an event not taught in the LMS.",
                    FORM_TEXTAREA, NULL, false},
    [FIELD_ACTIVITY_NAMES] = {"activity_names", "LMS activity names",
                              "Optional, line by line with the course URLs: the activity of that"
                              " course whose completion counts. An empty line means the whole"
                              " course.",
                              FORM_TEXTAREA, NULL, false},
    [FIELD_LMS_VERIFIES] = {"lms_verifies", "LMS completion is proof enough",
                            "A completion harvested from the LMS then counts without the"
                            " supervisor's verification.",
                            FORM_CHECKBOX, NULL, false},
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
                    "The e-mail address of the person who hosts it and records"
                    " who attended.",
                    FORM_INPUT, "email", false},
};

/* The alert above a refused form. */
static void refused_alert(struct html *h, const struct action_outcome *outcome)
{
    struct error_summary_field fields[FIELD_COUNT];
    for (int i = 0; i < FIELD_COUNT; i++) {
        fields[i] = (struct error_summary_field){specs[i].id, NULL, specs[i].label};
    }
    html_error_summary(h,
                       error_summary_count(outcome, fields, FIELD_COUNT) == 1
                           ? "The event was not added: fix the field marked below."
                           : "The event was not added: fix the fields marked below.",
                       outcome, fields, FIELD_COUNT);
}

/* The form, with what was typed and each field's fault from outcome (NULL: none); a
 * new form (a GET) offers the issuer as the sponsor. */
static enum ct_status form_page(struct web_request *request, struct web_response *response,
                                const struct action_outcome *outcome)
{
    web_set_title(response, "Add an event to the catalog");
    struct form_option kinds[ACTIVITY_KIND_COUNT], categories[FORM_CATEGORIES_MAX];
    size_t kind_count = form_kind_options(kinds, false);
    size_t category_count = form_category_options(request->store->programs, categories);
    char issuer[STORE_SETTING_SIZE] = "";
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    bool fresh = strcmp(request->method, "GET") == 0;
    html_fail(&h, fresh ? store_setting_get(request->store, "issuer-name", issuer, &err) : CT_OK);
    if (outcome != NULL) {
        refused_alert(&h, outcome);
    }
    html_markup(&h, "<form class=\"usa-form usa-form--large\" method=\"post\""
                    " action=\"/catalog/new\">\n");
    html_csrf(&h, request->csrf);
    for (int i = 0; i < FIELD_COUNT; i++) {
        const char *value = web_form_value(request, specs[i].id);
        bool kind = i == FIELD_KIND;
        html_spec_field(&h, &specs[i],
                        value == NULL && i == FIELD_SPONSOR && fresh ? issuer : value, outcome,
                        kind ? kinds : categories, kind ? kind_count : category_count);
    }
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\">Add the event</button>\n"
                    "</form>\n<p><a href=\"/catalog\">Back to the catalog</a></p>\n");
    return html_status(&h);
}

enum ct_status page_catalog_new(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    return form_page(request, response, NULL);
}

enum ct_status page_catalog_new_submit(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct catalog_event_input input = {
        .title = web_form_value(request, "title"),
        .kind = web_form_value(request, "kind"),
        .starts = web_form_value(request, "starts"),
        .ends = web_form_value(request, "ends"),
        .sponsor = web_form_value(request, "sponsor"),
        .credits = web_form_value(request, "credits"),
        .category = web_form_value(request, "category"),
        .urls = web_form_value(request, "urls"),
        .activity_names = web_form_value(request, "activity_names"),
        .place = web_form_value(request, "place"),
        .online_url = web_form_value(request, "online_url"),
        .capacity = web_form_value(request, "capacity"),
        .opens = web_form_value(request, "opens"),
        .closes = web_form_value(request, "closes"),
        .host = web_form_value(request, "host"),
        .lms_verifies = web_form_value(request, "lms_verifies") != NULL &&
                        web_form_value(request, "lms_verifies")[0] != '\0',
    };
    struct actor actor = web_actor(request);
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_catalog_event_add(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return form_page(request, response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    char location[64];
    snprintf(location, sizeof location, "/catalog?added=%" PRId64, result.id);
    web_redirect(response, location);
    return CT_OK;
}
