/* The iCalendar feed of io/ical_write.h, parsed back with libical's parser: every
 * property of the calendar and of each event, all-day dates with DTEND the day after the
 * last day, text escaped and folded, and the refusals. */
#include "helpers.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "io/ical_write.h"
#include "core/banned.h"

static struct civil_date day(const char *text)
{
    struct civil_date date;
    assert_true(civil_date_parse(text, &date));
    return date;
}

/* The text of the property of kind in component, failing when there is none. */
static const char *property_text(icalcomponent *component, icalproperty_kind kind)
{
    icalproperty *property = icalcomponent_get_first_property(component, kind);
    assert_non_null(property);
    return icalproperty_get_value_as_string(property);
}

static void assert_date(icalcomponent *event, icalproperty_kind kind, int year, int month, int d)
{
    icalproperty *property = icalcomponent_get_first_property(event, kind);
    assert_non_null(property);
    struct icaltimetype value = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(property)
                                                              : icalproperty_get_dtend(property);
    assert_true(value.is_date);
    assert_int_equal(value.year, year);
    assert_int_equal(value.month, month);
    assert_int_equal(value.day, d);
    icalparameter *kind_of_value = icalproperty_get_first_parameter(property, ICAL_VALUE_PARAMETER);
    assert_non_null(kind_of_value);
    assert_int_equal(icalparameter_get_value(kind_of_value), ICAL_VALUE_DATE);
}

static const struct ical_event two_events[] = {
    {.uid = "event-7@certtrack.example.org",
     .summary = "Story Time Skills",
     .description = "2 credits in Technology, by MSL; registration open until 2026-07-01",
     .location = "Helena Public Library, Room 2",
     .first = {0},
     .last = {0}},
    {.uid = "event-8@certtrack.example.org",
     .summary = "Fall Workshop: Library Marketing",
     .url = "https://meet.example.org/fall",
     .cancelled = 1},
};

static char *write_two(void)
{
    struct ical_event events[2];
    memcpy(events, two_events, sizeof events);
    events[0].first = events[0].last = day("2026-07-01");
    events[1].first = day("2026-09-08");
    events[1].last = day("2026-09-10");
    char *text = NULL;
    struct ct_err err = {0};
    /* 2026-12-03T00:20:00Z */
    assert_int_equal(ical_write_feed("MSL events", events, 2, 1796257200, &text, &err), CT_OK);
    assert_non_null(text);
    return text;
}

static void test_the_calendar_names_itself(void **state)
{
    (void)state;
    char *text = write_two();
    assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\n"));
    icalcomponent *calendar = icalparser_parse_string(text);
    assert_non_null(calendar);
    assert_int_equal(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
    assert_string_equal(property_text(calendar, ICAL_PRODID_PROPERTY), ICAL_WRITE_PRODID);
    assert_string_equal(property_text(calendar, ICAL_VERSION_PROPERTY), "2.0");
    assert_string_equal(property_text(calendar, ICAL_CALSCALE_PROPERTY), "GREGORIAN");
    assert_int_equal(
        icalproperty_get_method(icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY)),
        ICAL_METHOD_PUBLISH);
    icalproperty *name = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY);
    assert_non_null(name);
    assert_string_equal(icalproperty_get_x_name(name), "X-WR-CALNAME");
    assert_string_equal(icalproperty_get_x(name), "MSL events");
    assert_int_equal(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 2);
    icalcomponent_free(calendar);
    free(text);
}

static void test_each_event_has_every_property(void **state)
{
    (void)state;
    char *text = write_two();
    icalcomponent *calendar = icalparser_parse_string(text);
    icalcomponent *first = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    assert_string_equal(icalcomponent_get_uid(first), "event-7@certtrack.example.org");
    struct icaltimetype stamp = icalcomponent_get_dtstamp(first);
    assert_true(icaltime_is_utc(stamp));
    assert_int_equal(icaltime_as_timet(stamp), 1796257200);
    assert_date(first, ICAL_DTSTART_PROPERTY, 2026, 7, 1);
    assert_date(first, ICAL_DTEND_PROPERTY, 2026, 7, 2);
    assert_string_equal(icalcomponent_get_summary(first), "Story Time Skills");
    assert_string_equal(icalcomponent_get_location(first), "Helena Public Library, Room 2");
    assert_string_equal(icalcomponent_get_description(first), two_events[0].description);
    assert_int_equal(icalcomponent_get_status(first), ICAL_STATUS_CONFIRMED);
    assert_null(icalcomponent_get_first_property(first, ICAL_URL_PROPERTY));
    icalcomponent *second = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT);
    assert_string_equal(icalcomponent_get_uid(second), "event-8@certtrack.example.org");
    assert_date(second, ICAL_DTSTART_PROPERTY, 2026, 9, 8);
    assert_date(second, ICAL_DTEND_PROPERTY, 2026, 9, 11);
    assert_string_equal(property_text(second, ICAL_URL_PROPERTY), "https://meet.example.org/fall");
    assert_null(icalcomponent_get_first_property(second, ICAL_LOCATION_PROPERTY));
    assert_null(icalcomponent_get_first_property(second, ICAL_DESCRIPTION_PROPERTY));
    assert_int_equal(icalcomponent_get_status(second), ICAL_STATUS_CANCELLED);
    icalcomponent_free(calendar);
    free(text);
}

static void test_the_end_is_the_day_after_the_last(void **state)
{
    (void)state;
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(ical_write_end_date(day("2026-12-31")), text);
    assert_string_equal(text, "2027-01-01");
    civil_date_format(ical_write_end_date(day("2028-02-28")), text);
    assert_string_equal(text, "2028-02-29");
}

static void test_text_is_escaped_and_folded(void **state)
{
    (void)state;
    const char *title = "Weeding, shelving; and \"reading\"\\ a very long title that runs far"
                        " past the seventy-five octets of one line, with an accent: é";
    struct ical_event event = {.uid = "event-1@x", .summary = title};
    event.first = event.last = day("2026-07-01");
    char *text = NULL;
    struct ct_err err = {0};
    assert_int_equal(ical_write_feed("x", &event, 1, 0, &text, &err), CT_OK);
    for (const char *line = text; *line != '\0';) {
        const char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= 75);
        line = end + 2;
    }
    icalcomponent *calendar = icalparser_parse_string(text);
    icalcomponent *parsed = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    assert_string_equal(icalcomponent_get_summary(parsed), title);
    icalcomponent_free(calendar);
    free(text);
}

static void test_an_empty_calendar_and_refusals(void **state)
{
    (void)state;
    char *text = NULL;
    struct ct_err err = {0};
    assert_int_equal(ical_write_feed("x", NULL, 0, 0, &text, &err), CT_OK);
    icalcomponent *calendar = icalparser_parse_string(text);
    assert_int_equal(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 0);
    icalcomponent_free(calendar);
    free(text);
    struct ical_event event = {.uid = "event-1@x", .summary = "X"};
    event.first = day("2026-07-02");
    event.last = day("2026-07-01");
    assert_int_equal(ical_write_feed("x", &event, 1, 0, &text, &err), CT_ERR_INPUT);
    assert_null(text);
    assert_string_equal(err.where, "event");
    event.last = event.first;
    event.uid = "";
    assert_int_equal(ical_write_feed("x", &event, 1, 0, &text, &err), CT_ERR_INPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_calendar_names_itself),
        cmocka_unit_test(test_each_event_has_every_property),
        cmocka_unit_test(test_the_end_is_the_day_after_the_last),
        cmocka_unit_test(test_text_is_escaped_and_folded),
        cmocka_unit_test(test_an_empty_calendar_and_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
