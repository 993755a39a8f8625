/*
 * report: the learner's final report (reflection) for a track that needs one.
 */
#ifndef CERTTRACK_REPORT_H
#define CERTTRACK_REPORT_H

#include "../http/request.h"

/* GET /report: the report as it is, editable while it is a draft. */
enum ct_status page_report(struct web_request *request, struct web_response *response,
                           const char *message) CT_MUST_CHECK;

/* Saves the signed-in learner's final report from the request's fields text and action
 * ("save", the default, or "submit": save and submit in one change). *submitted tells
 * which. A refusal is CT_ERR_INPUT with err->where "action", "track" (not enrolled),
 * "text" (empty), or the final report when its state forbids the change. */
enum ct_status report_save(struct web_request *request, bool *submitted,
                           struct ct_err *err) CT_MUST_CHECK;

/* POST /report: field text, and action save or submit. */
enum ct_status page_report_submit(struct web_request *request,
                                  struct web_response *response) CT_MUST_CHECK;

#endif
