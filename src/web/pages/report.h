/*
 * report: the learner's final report (reflection) for a track that needs one. Saving
 * and submitting it is the action's (src/actions/reports.h).
 */
#ifndef CERTTRACK_REPORT_H
#define CERTTRACK_REPORT_H

#include "../http/request.h"

/* GET /report: the report as it is, editable while it is a draft. */
enum ct_status page_report(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /report: field text, and action save or submit. */
enum ct_status page_report_submit(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
