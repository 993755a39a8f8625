/*
 * api_people: people, their roles and their library's officers in the JSON API
 * (docs/api.md, "People"), through the people actions.
 */
#ifndef CERTTRACK_API_PEOPLE_H
#define CERTTRACK_API_PEOPLE_H

#include "../http/request.h"

/* GET /api/v1/people?q=&library=&all=: the people the caller may find, paged. */
enum ct_status api_people(struct web_request *request, struct web_response *response,
                          int64_t id) CT_MUST_CHECK;

/* POST /api/v1/people: adds a person (201 with the person). */
enum ct_status api_person_add(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

/* GET /api/v1/people/{id}: a person the caller may see, with roles, verifier and moves. */
enum ct_status api_person(struct web_request *request, struct web_response *response,
                          int64_t person_id) CT_MUST_CHECK;

/* PATCH /api/v1/people/{id}: edits the fields given. */
enum ct_status api_person_edit(struct web_request *request, struct web_response *response,
                               int64_t person_id) CT_MUST_CHECK;

/* POST /api/v1/people/{id}/deactivate. */
enum ct_status api_person_deactivate(struct web_request *request, struct web_response *response,
                                     int64_t person_id) CT_MUST_CHECK;

/* POST /api/v1/people/{id}/move {"library", "moved_on", "position"}. */
enum ct_status api_person_move(struct web_request *request, struct web_response *response,
                               int64_t person_id) CT_MUST_CHECK;

/* POST /api/v1/people/{id}/merge {"into"}: merges {id} into "into". */
enum ct_status api_person_merge(struct web_request *request, struct web_response *response,
                                int64_t person_id) CT_MUST_CHECK;

/* PUT /api/v1/people/{id}/verifier {"verifier"}: by hand; null or absent: derived. */
enum ct_status api_person_verifier(struct web_request *request, struct web_response *response,
                                   int64_t person_id) CT_MUST_CHECK;

/* PUT /api/v1/libraries/{id}/officers {"director", "board_chair"}: null or absent is
 * none. */
enum ct_status api_library_officers(struct web_request *request, struct web_response *response,
                                    int64_t library_id) CT_MUST_CHECK;

#endif
