#include "calendar.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/activity_kind.h"
#include "../../core/credit.h"
#include "../../io/ical_write.h"
#include "../../store/store_events.h"
#include "../../store/store_settings.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

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

static const char *kind_label(const char *name)
{
    enum activity_kind kind;
    return activity_kind_from_name(name, &kind) ? activity_kind_label(kind) : name;
}

/* "2 credits in Library Administration" (a course) into out. */
static void credits_words(const struct program_set *programs,
                          const struct store_calendar_event *event, char *out, size_t size)
{
    char credits[CREDIT_TEXT_SIZE];
    credit_format(event->credit_halves, credits);
    snprintf(out, size, "%s %s in %s (%s)", credits,
             event->credit_halves == 2 ? "credit" : "credits",
             category_name(programs, event->category), kind_label(event->kind));
}

/* "2026-03-02" or "2026-03-02 to 2026-03-04" into out. */
static void dates_words(const struct store_calendar_event *event, char *out, size_t size)
{
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(event->starts, starts);
    civil_date_format(event->ends, ends);
    if (civil_date_compare(event->starts, event->ends) == 0) {
        snprintf(out, size, "%s", starts);
    } else {
        snprintf(out, size, "%s to %s", starts, ends);
    }
}

/* "from 2026-02-01 to 2026-03-01", or "until 2026-03-01" when it is open already, into
 * out: the days registration is open, both included (it closes after its last day, by
 * default the event's first). */
static void window_words(const struct store_calendar_event *event, char *out, size_t size)
{
    char opens[CIVIL_DATE_TEXT_SIZE], closes[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(civil_date_is_set(event->registration_closes) ? event->registration_closes
                                                                    : event->starts,
                      closes);
    if (civil_date_is_set(event->registration_opens)) {
        civil_date_format(event->registration_opens, opens);
        snprintf(out, size, "from %s to %s", opens, closes);
    } else {
        snprintf(out, size, "until %s", closes);
    }
}

static void event_section(struct web_request *request, struct html *h,
                          const struct store_calendar_event *event)
{
    char text[512];
    html_markup(h, "<section class=\"margin-bottom-4\" aria-labelledby=\"");
    html_format(h, "event-%" PRId64 "\"><h2 id=\"event-%" PRId64 "\">", event->id, event->id);
    html_text(h, event->title);
    html_markup(h, "</h2>\n<dl>");
    dates_words(event, text, sizeof text);
    html_term(h, "Dates", text);
    if (event->place[0] != '\0') {
        html_term(h, "Place", event->place);
    }
    if (event->online_url[0] != '\0') {
        html_markup(h, "<dt>Online</dt><dd><a href=\"");
        html_text(h, event->online_url);
        html_markup(h, "\">");
        html_text(h, event->online_url);
        html_markup(h, "</a></dd>\n");
    }
    credits_words(request->store->programs, event, text, sizeof text);
    html_term(h, "Credits", text);
    html_term(h, "Offered by", event->sponsor);
    char window[64];
    window_words(event, window, sizeof window);
    snprintf(text, sizeof text, "Open %s", window);
    html_term(h, "Registration", text);
    html_markup(h, "</dl>\n</section>\n");
}

enum ct_status page_calendar(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    web_set_title(response, "Calendar of upcoming events");
    struct store_calendar_event *events = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_events_upcoming(request->store, request->today, false, &request->arena,
                                        &events, &count, &err));
    html_markup(&h, "<p>The events that earn continuing-education credit, from today on. ");
    if (web_actor(request).person_id > 0) {
        html_markup(&h, "Register in the <a href=\"/catalog\">catalog</a>");
    } else {
        html_markup(&h, "<a href=\"/login\">Sign in to register</a>: the catalog then has a"
                        " Register button for each event whose registration is open");
    }
    html_markup(&h, ". Add them to your own calendar with the <a href=\"/calendar.ics\">"
                    "iCalendar feed</a>.</p>\n");
    if (count == 0) {
        html_markup(&h, "<p>No events are coming up.</p>\n");
    }
    for (size_t i = 0; i < count; i++) {
        event_section(request, &h, &events[i]);
    }
    return html_status(&h);
}

/* The host part of the public-url setting ("certtrack.example.org"), for the events'
 * UIDs; "certtrack" when it is not set. */
static void uid_host(const char *public_url, char *out, size_t size)
{
    const char *host = strstr(public_url, "://");
    host = host != NULL ? host + 3 : public_url;
    size_t length = strcspn(host, "/:");
    snprintf(out, size, "%.*s", (int)length, length > 0 ? host : "certtrack");
}

/* What the feed says of an event besides its title, dates and place, into out. */
static void feed_description(const struct program_set *programs,
                             const struct store_calendar_event *event, const char *public_url,
                             char *out, size_t size)
{
    char credits[256], window[128];
    credits_words(programs, event, credits, sizeof credits);
    window_words(event, window, sizeof window);
    snprintf(out, size, "%s. Offered by %s. Registration open %s.%s%s%s", credits, event->sponsor,
             window, public_url[0] != '\0' ? " Sign in to register: " : "", public_url,
             public_url[0] != '\0' ? "/login" : "");
}

/* The feed's events (from the arena) of the rows read. */
static struct ical_event *feed_events(struct web_request *request,
                                      const struct store_calendar_event *rows, size_t count,
                                      const char *public_url)
{
    struct ical_event *events = arena_calloc(&request->arena, count + 1, sizeof *events);
    char host[256], text[2048];
    uid_host(public_url, host, sizeof host);
    for (size_t i = 0; events != NULL && i < count; i++) {
        snprintf(text, sizeof text, "event-%" PRId64 "@%s", rows[i].id, host);
        events[i].uid = arena_strdup(&request->arena, text);
        feed_description(request->store->programs, &rows[i], public_url, text, sizeof text);
        events[i].description = arena_strdup(&request->arena, text);
        events[i].summary = rows[i].title;
        events[i].location = rows[i].place;
        events[i].url = rows[i].online_url;
        events[i].first = rows[i].starts;
        events[i].last = rows[i].ends;
        events[i].cancelled = rows[i].withdrawn;
        if (events[i].uid == NULL || events[i].description == NULL) {
            return NULL;
        }
    }
    return events;
}

static enum ct_status settings(struct web_request *request, char *issuer, char *public_url,
                               struct ct_err *err)
{
    enum ct_status status = store_setting_get(request->store, "issuer-name", issuer, err);
    return status == CT_OK ? store_setting_get(request->store, "public-url", public_url, err)
                           : status;
}

enum ct_status page_calendar_feed(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    char issuer[STORE_SETTING_SIZE], public_url[STORE_SETTING_SIZE], name[STORE_SETTING_SIZE + 16];
    struct ct_err err = {0};
    struct store_calendar_event *rows = NULL;
    size_t count = 0;
    enum ct_status status = settings(request, issuer, public_url, &err);
    if (status == CT_OK) {
        status = store_events_upcoming(request->store, request->today, true, &request->arena, &rows,
                                       &count, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    struct ical_event *events = feed_events(request, rows, count, public_url);
    if (events == NULL) {
        return CT_ERR_NOMEM;
    }
    snprintf(name, sizeof name, "%s events", issuer[0] != '\0' ? issuer : "certtrack");
    char *text = NULL;
    status = ical_write_feed(name, events, count, request->now, &text, &err);
    if (status != CT_OK) {
        return status;
    }
    response->content_type = "text/calendar; charset=utf-8";
    web_add_header(response, "Cache-Control", "no-cache");
    status = buf_append_str(&response->body, text);
    free(text);
    return status;
}
