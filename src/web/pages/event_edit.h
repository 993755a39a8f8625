/*
 * event_edit: the CE coordinator edits an event of the catalog and withdraws it.
 *
 *   GET  /catalog/events/{id}/edit      the event's fields and details in a form,
 *                                       filled in as they are (saved=1: just saved)
 *   POST /catalog/events/{id}/edit      saves them (action_event_edit); a fault shows
 *                                       the form again (400) with each field's message
 *   GET  /catalog/events/{id}/withdraw  the confirmation: what withdrawing does, "Keep
 *                                       the event" first, then the button that
 *                                       withdraws; for a withdrawn event, that it is
 *   POST /catalog/events/{id}/withdraw  withdraws it (action_event_withdraw), back to
 *                                       the confirmation page saying it is done
 *
 * A withdrawn event cannot be edited (409). Every page works without JavaScript.
 */
#ifndef CERTTRACK_WEB_PAGES_EVENT_EDIT_H
#define CERTTRACK_WEB_PAGES_EVENT_EDIT_H

#include "../http/request.h"

enum ct_status page_event_edit(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

enum ct_status page_event_edit_submit(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

enum ct_status page_event_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

enum ct_status page_event_withdraw_submit(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;

#endif
