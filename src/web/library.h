/*
 * library: the library administrator's view of their library: the strategic plan's
 * goals, the staff, and how staff learning aligns with the library's goals.
 */
#ifndef CERTTRACK_LIBRARY_VIEW_H
#define CERTTRACK_LIBRARY_VIEW_H

#include "web.h"

/* GET /library */
enum ct_status page_library(struct web_request *request,
                            struct web_response *response) CT_MUST_CHECK;

#endif
