/*
 * events: registering for a catalog event and cancelling (buttons on the catalog), and
 * the event's roster, where its host or the CE coordinator ticks who attended.
 */
#ifndef CERTTRACK_WEB_PAGES_EVENTS_H
#define CERTTRACK_WEB_PAGES_EVENTS_H

#include "../http/request.h"

/* Writes the registration cell of event id for the signed-in person into h: a Register
 * or a Cancel button (with the request's CSRF token), or why neither, and a link to the
 * roster for its host and the coordinator. */
struct html;
void events_registration_cell(struct web_request *request, struct html *h, int64_t id,
                              int64_t host_id);

/* POST /catalog/events/{id}/register: registers the signed-in person
 * (action_event_register), back to the catalog saying so; a refusal is a page saying
 * why (409, 404 or 403). */
enum ct_status page_event_register(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* POST /catalog/events/{id}/cancel: cancels the person's registration
 * (action_event_cancel), as page_event_register answers. */
enum ct_status page_event_cancel(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* GET /catalog/events/{id}/roster: the people registered, a box to tick for each who
 * attended (a recorded attendance shown ticked and kept); for the event's host and the
 * CE coordinator only (403). saved=N says N attendances were just recorded. */
enum ct_status page_event_roster(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /catalog/events/{id}/roster: records the ticked boxes ("attended-REGISTRATION")
 * as attendance (action_event_attendance), back to the roster. A refusal of the ticks
 * (400) or of the event's state (409: before its first day, withdrawn) is the roster
 * again, the error summary at its top saying why and the boxes still ticked; one of the
 * person (403) or the event (404) is an error page. */
enum ct_status page_event_roster_submit(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

#endif
