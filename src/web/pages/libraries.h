/*
 * libraries: the libraries a CE coordinator (all of them) or a consultant (those
 * assigned to them) sees (GET /libraries), and one library (GET /libraries/{id}).
 */
#ifndef CERTTRACK_LIBRARIES_H
#define CERTTRACK_LIBRARIES_H

#include <stdint.h>

#include "../http/request.h"

/* GET /libraries (laid out). */
enum ct_status page_libraries(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

/* GET /libraries/{id} (laid out). */
enum ct_status page_library_detail(struct web_request *request, struct web_response *response,
                                   int64_t library_id) CT_MUST_CHECK;

#endif
