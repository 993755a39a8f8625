/*
 * staff: a library's staff with the progress of each one's current track, a page at a
 * time; each name opens the person's read-only progress (person.h).
 */
#ifndef CERTTRACK_STAFF_H
#define CERTTRACK_STAFF_H

#include <stdint.h>

#include "../http/request.h"

/* GET /staff[?page=&sort=&dir=]: the staff of the signed-in supervisor's (or library
 * administrator's) own library. */
enum ct_status page_staff(struct web_request *request, struct web_response *response) CT_MUST_CHECK;

/* Writes the staff table of library_id (each person's current track, status today,
 * counted and required credits, deadline) for the page, sort and direction the request
 * asks, with its pagination nav. The caller decides who may see it. */
enum ct_status staff_progress_table(struct web_request *request, struct buf *out,
                                    int64_t library_id, struct ct_err *err) CT_MUST_CHECK;

#endif
