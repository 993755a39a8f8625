/*
 * library: the library administrator's view of their library: the strategic plan's
 * goals, the staff, and how staff learning aligns with the library's goals.
 */
#ifndef CERTTRACK_LIBRARY_VIEW_H
#define CERTTRACK_LIBRARY_VIEW_H

#include "../http/request.h"

/* GET /library */
enum ct_status page_library(struct web_request *request,
                            struct web_response *response) CT_MUST_CHECK;

/* Writes the section of library_id's strategic plan goals (heading and table). The
 * caller decides who may see it. */
enum ct_status library_goals_table(struct web_request *request, struct buf *out, int64_t library_id,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Writes the section of the alignment report of library_id: for each library goal, the
 * staff plan goals serving it and the verified self-directed credit planned under them. */
enum ct_status library_alignment_table(struct web_request *request, struct buf *out,
                                       int64_t library_id, struct ct_err *err) CT_MUST_CHECK;

#endif
