/*
 * staff: a supervisor's or library administrator's staff and the progress of each
 * one's current track today (GET /staff); the table is shared with a consultant's view
 * of one library (libraries.c).
 */
#ifndef CERTTRACK_STAFF_H
#define CERTTRACK_STAFF_H

#include <stdint.h>

#include "../html/html.h"
#include "../http/request.h"

/* GET /staff (laid out). */
enum ct_status page_staff(struct web_request *request, struct web_response *response,
                          int64_t id) CT_MUST_CHECK;

/* The library's people with their current track's status and credits today, a page at
 * a time (the request's ?page=, ?sort=, ?dir=). */
void staff_progress_table(struct web_request *request, struct html *h, int64_t library_id);

#endif
