/*
 * libraries: the libraries a consultant serves (a CE coordinator: every library), and
 * one library's goals, staff progress and alignment, read-only.
 */
#ifndef CERTTRACK_LIBRARIES_H
#define CERTTRACK_LIBRARIES_H

#include <stdint.h>

#include "../http/request.h"

/* GET /libraries[?page=&sort=&dir=]: the consultant's assigned libraries, or every
 * library for a CE coordinator, a page at a time, sortable. */
enum ct_status page_libraries(struct web_request *request,
                              struct web_response *response) CT_MUST_CHECK;

/* GET /libraries/{id}[?page=&sort=&dir=]: the library's strategic plan goals, its staff
 * with their progress (paginated), and the alignment report. A consultant may open only
 * the libraries assigned to them (403 otherwise, whether the library exists or not). */
enum ct_status page_library_detail(struct web_request *request, struct web_response *response,
                                   int64_t library_id) CT_MUST_CHECK;

#endif
