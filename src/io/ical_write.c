#include "ical_write.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

struct civil_date ical_write_end_date(struct civil_date last)
{
    return civil_date_add_days(last, 1);
}

/* The day as an iCalendar DATE value (no time, no zone). */
static struct icaltimetype date_value(struct civil_date day)
{
    struct icaltimetype value = icaltime_null_date();
    civil_date_to_ymd(day, &value.year, &value.month, &value.day);
    value.is_date = 1;
    return value;
}

static int given(const char *text)
{
    return text != NULL && text[0] != '\0';
}

/* Adds property to component; false when libical could not make it. */
static int add(icalcomponent *component, icalproperty *property)
{
    if (property == NULL) {
        return 0;
    }
    icalcomponent_add_property(component, property);
    return 1;
}

/* A VEVENT of event, or NULL when memory runs out. */
static icalcomponent *vevent(const struct ical_event *event, struct icaltimetype stamp)
{
    icalcomponent *component = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    if (component == NULL) {
        return NULL;
    }
    int ok = add(component, icalproperty_new_uid(event->uid));
    ok &= add(component, icalproperty_new_dtstamp(stamp));
    ok &= add(component, icalproperty_new_dtstart(date_value(event->first)));
    ok &= add(component, icalproperty_new_dtend(date_value(ical_write_end_date(event->last))));
    ok &= add(component, icalproperty_new_summary(event->summary));
    ok &= add(component, icalproperty_new_status(event->cancelled ? ICAL_STATUS_CANCELLED
                                                                  : ICAL_STATUS_CONFIRMED));
    if (given(event->location)) {
        ok &= add(component, icalproperty_new_location(event->location));
    }
    if (given(event->url)) {
        ok &= add(component, icalproperty_new_url(event->url));
    }
    if (given(event->description)) {
        ok &= add(component, icalproperty_new_description(event->description));
    }
    if (!ok) {
        icalcomponent_free(component);
        return NULL;
    }
    return component;
}

/* The VCALENDAR with its own properties, or NULL when memory runs out. */
static icalcomponent *vcalendar(const char *name)
{
    icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    if (calendar == NULL) {
        return NULL;
    }
    int ok = add(calendar, icalproperty_new_prodid(ICAL_WRITE_PRODID));
    ok &= add(calendar, icalproperty_new_version("2.0"));
    ok &= add(calendar, icalproperty_new_calscale("GREGORIAN"));
    ok &= add(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalproperty *title = icalproperty_new_x(name);
    if (title != NULL) {
        icalproperty_set_x_name(title, "X-WR-CALNAME");
    }
    ok &= add(calendar, title);
    if (!ok) {
        icalcomponent_free(calendar);
        return NULL;
    }
    return calendar;
}

static enum ct_status check_events(const struct ical_event *events, size_t count,
                                   struct ct_err *err)
{
    for (size_t i = 0; i < count; i++) {
        if (!given(events[i].uid) || !given(events[i].summary) ||
            civil_date_compare(events[i].first, events[i].last) > 0) {
            return ct_err_set(err, CT_ERR_INPUT, "event",
                              "event %zu has no uid or title, or ends before it begins", i + 1);
        }
    }
    return CT_OK;
}

enum ct_status ical_write_feed(const char *name, const struct ical_event *events, size_t count,
                               int64_t stamp, char **text, struct ct_err *err)
{
    *text = NULL;
    enum ct_status status = check_events(events, count, err);
    if (status != CT_OK) {
        return status;
    }
    struct icaltimetype when =
        icaltime_from_timet_with_zone((time_t)stamp, 0, icaltimezone_get_utc_timezone());
    icalcomponent *calendar = vcalendar(name != NULL ? name : "Events");
    for (size_t i = 0; calendar != NULL && i < count; i++) {
        icalcomponent *event = vevent(&events[i], when);
        if (event == NULL) {
            icalcomponent_free(calendar);
            calendar = NULL;
        } else {
            icalcomponent_add_component(calendar, event);
        }
    }
    char *written = calendar != NULL ? icalcomponent_as_ical_string_r(calendar) : NULL;
    if (calendar != NULL) {
        icalcomponent_free(calendar);
    }
    if (written == NULL) {
        return ct_err_nomem(err);
    }
    *text = strdup(written);
    icalmemory_free_buffer(written);
    return *text != NULL ? CT_OK : ct_err_nomem(err);
}
