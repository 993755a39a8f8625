/*
 * api_tracks: a person's tracks and enrolment in the JSON API (docs/api.md):
 *   GET  /api/v1/me/tracks             every track of mine, with its state and, when
 *                                      open, the engine's summary today
 *   GET  /api/v1/programs/available    each program, whether I may start a track in it
 *                                      and why, what it asks for, what to weigh
 *   POST /api/v1/me/tracks             enrol myself: {"program", "start"?}
 *   POST /api/v1/people/{id}/tracks    enrol someone (the coordinator; a library
 *                                      administrator, their library's people)
 *   POST /api/v1/tracks/{id}/withdraw  {"reason"}
 */
#ifndef CERTTRACK_API_TRACKS_H
#define CERTTRACK_API_TRACKS_H

#include "../http/request.h"

enum ct_status api_me_tracks(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

enum ct_status api_programs_available(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

enum ct_status api_me_enrol(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

enum ct_status api_person_enrol(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

enum ct_status api_track_withdraw(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
