/*
 * library: the library administrator's own library (GET /library): its strategic-plan
 * goals, its staff, and how staff plans serve the goals. The goal and alignment tables
 * are shared with a consultant's view of one library (libraries.c).
 */
#ifndef CERTTRACK_LIBRARY_VIEW_H
#define CERTTRACK_LIBRARY_VIEW_H

#include "../html/html.h"
#include "../http/request.h"

/* GET /library (laid out). */
enum ct_status page_library(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

/* For each goal, the staff plan goals serving it and the verified self-directed credit
 * planned under them. */
void library_alignment_table(struct web_request *request, struct html *h, int64_t library_id);

#endif
