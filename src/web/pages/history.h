/*
 * history: the pages that read the audit trail for one person or one library (who
 * changed what, when), newest first, a page at a time: for the CE coordinator, and for
 * a consultant of the libraries assigned to them.
 */
#ifndef CERTTRACK_PAGE_HISTORY_H
#define CERTTRACK_PAGE_HISTORY_H

#include <stdint.h>

#include "../http/request.h"

/* GET /people/{id}/history[?page=N&dir=asc|desc]. */
enum ct_status page_person_history(struct web_request *request, struct web_response *response,
                                   int64_t person_id) CT_MUST_CHECK;

/* GET /libraries/{id}/history[?page=N&dir=asc|desc]. */
enum ct_status page_library_history(struct web_request *request, struct web_response *response,
                                    int64_t library_id) CT_MUST_CHECK;

#endif
