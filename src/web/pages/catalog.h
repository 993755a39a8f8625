/*
 * catalog: the CE coordinator's event catalog: the events learners register for, with
 * their credits, category, kind and the LMS courses that prove a completion.
 */
#ifndef CERTTRACK_CATALOG_H
#define CERTTRACK_CATALOG_H

#include "../http/request.h"

/* GET /catalog[?page=&sort=&dir=&added=]: the events, a page at a time, sortable;
 * added=ID says that event was just added. */
enum ct_status page_catalog(struct web_request *request,
                            struct web_response *response) CT_MUST_CHECK;

/* GET /catalog/new: the form to add an event. */
enum ct_status page_catalog_new(struct web_request *request,
                                struct web_response *response) CT_MUST_CHECK;

/* Adds to the catalog, as the signed-in coordinator, the event the request's fields
 * describe (title, kind, starts, ends, sponsor, credits, category, urls and
 * activity_names one a line, lms_verifies), with its LMS links, all or nothing; *id
 * receives its id. A refusal is CT_ERR_INPUT with err->where the first field to fix. */
enum ct_status catalog_event_add(struct web_request *request, int64_t *id,
                                 struct ct_err *err) CT_MUST_CHECK;

/* POST /catalog/new: adds the event with its LMS links, or shows the form again with
 * what was typed and what to fix next to each field (400). */
enum ct_status page_catalog_new_submit(struct web_request *request,
                                       struct web_response *response) CT_MUST_CHECK;

#endif
