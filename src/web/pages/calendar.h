/*
 * calendar: the public calendar of upcoming catalog events, for anyone, signed in or
 * not.
 *
 *   GET /calendar      a page: each upcoming event not withdrawn (its last day today or
 *                      later), by first day: title, dates, place or online link, kind,
 *                      credits and category in words, sponsor, registration window, and
 *                      a link to sign in and register from the catalog
 *   GET /calendar.ics  the same events as an iCalendar feed (RFC 5545, io/ical_write.h),
 *                      text/calendar; withdrawn upcoming events stay in the feed with
 *                      STATUS:CANCELLED, so that a calendar that took them drops them
 */
#ifndef CERTTRACK_WEB_PAGES_CALENDAR_H
#define CERTTRACK_WEB_PAGES_CALENDAR_H

#include "../http/request.h"

/* GET /calendar */
enum ct_status page_calendar(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* GET /calendar.ics */
enum ct_status page_calendar_feed(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
