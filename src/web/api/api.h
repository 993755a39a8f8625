/*
 * api: the JSON API (/api/v1). Errors are {"error": {"code": ..., "message": ...}}.
 */
#ifndef CERTTRACK_API_H
#define CERTTRACK_API_H

#include <jansson.h>

#include "../../store/store_tracks.h"
#include "../http/request.h"

/* GET /api/v1/me/progress: the evaluation of the signed-in learner's current track. */
enum ct_status api_my_progress(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* GET /api/v1/people/{id}/progress[?as_of=]: the same for a person the caller may see. */
enum ct_status api_person_progress(struct web_request *request, struct web_response *response,
                                   int64_t person_id) CT_MUST_CHECK;

/* Fills response with a JSON error. */
enum ct_status api_error(struct web_response *response, unsigned status, const char *code,
                         const char *message) CT_MUST_CHECK;

/* The signed-in person's current track into *track (*found true), or a 404 no-track
 * answer (*found false); a failed read is a failure, never "no track". */
enum ct_status api_current_track(struct web_request *request, struct web_response *response,
                                 struct track_info *track, bool *found) CT_MUST_CHECK;

/* The same, for the track the plan or the final report is about (store_track_find_needing). */
enum ct_status api_track_needing(struct web_request *request, struct web_response *response,
                                 enum track_need need, struct track_info *track,
                                 bool *found) CT_MUST_CHECK;

/* A track as JSON (id, person, program, started, deadline, state, comment: the State
 * Library's when it returned it) into *track (the caller's; NULL when there is none). */
enum ct_status api_track_json(struct store *store, int64_t track_id, json_t **track,
                              struct ct_err *err) CT_MUST_CHECK;

/* A track's final report as JSON (track, state, text, comment: the State Library's when
 * it returned it, submitted, accepted; all but track null when there is no report yet)
 * into *report (the caller's; NULL when there is no such track). */
enum ct_status api_report_json(struct store *store, int64_t track_id, json_t **report,
                               struct ct_err *err) CT_MUST_CHECK;

/* True when the signed-in person may see person_id's record: themself, a CE
 * coordinator, a supervisor or library administrator of the same library, or the
 * consultant assigned to that library. */
enum ct_status web_may_see_person(struct web_request *request, int64_t person_id, bool *allowed,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
