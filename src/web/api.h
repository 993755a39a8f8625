/*
 * api: the JSON API (/api/v1). Errors are {"error": {"code": ..., "message": ...}}.
 */
#ifndef CERTTRACK_API_H
#define CERTTRACK_API_H

#include "web.h"

/* GET /api/v1/me/progress: the evaluation of the signed-in learner's current track. */
enum ct_status api_my_progress(struct web_request *request,
                               struct web_response *response) CT_MUST_CHECK;

/* GET /api/v1/people/{id}/progress[?as_of=]: the same for a person the caller may see. */
enum ct_status api_person_progress(struct web_request *request, struct web_response *response,
                                   int64_t person_id) CT_MUST_CHECK;

/* Fills response with a JSON error. */
enum ct_status api_error(struct web_response *response, unsigned status, const char *code,
                         const char *message) CT_MUST_CHECK;

/* True when the signed-in person may see person_id's record: themself, a CE
 * coordinator, a supervisor or library administrator of the same library, or the
 * consultant assigned to that library. */
enum ct_status web_may_see_person(struct web_request *request, int64_t person_id, bool *allowed,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
