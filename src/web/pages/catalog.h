/*
 * catalog: the CE coordinator's event catalog: the events learners register for, with
 * their credits, category, kind and the LMS courses that prove a completion. The pages
 * are laid out (routes.c).
 */
#ifndef CERTTRACK_CATALOG_H
#define CERTTRACK_CATALOG_H

#include <stdint.h>

#include "../http/request.h"

/* GET /catalog[?page=&sort=&dir=&added=]: the events, a page at a time, sortable;
 * added=ID says that event was just added. */
enum ct_status page_catalog(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

/* GET /catalog/new: the form to add an event, the sponsor offered being the issuer
 * (the issuer-name setting). */
enum ct_status page_catalog_new(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /catalog/new: adds the event with its LMS links (action_catalog_event_add), or
 * shows the form again with what was typed and what to fix next to each field (400). */
enum ct_status page_catalog_new_submit(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

#endif
