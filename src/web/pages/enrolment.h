/*
 * enrolment: choosing a track (/tracks/new, the learner for themself; /people/{id}/tracks/new,
 * the CE coordinator or a library administrator for someone) and withdrawing one
 * (POST /tracks/{id}/withdraw). For each program the page shows the engine's word on
 * eligibility, what the program asks for (from the program file) and, where the program
 * lists them, the questions to weigh before choosing it. The changes are the actions of
 * actions/tracks.h.
 */
#ifndef CERTTRACK_PAGES_ENROLMENT_H
#define CERTTRACK_PAGES_ENROLMENT_H

#include "../html/html.h"
#include "../http/request.h"

enum ct_status page_tracks_new(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

enum ct_status page_tracks_new_submit(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

/* id: the person to enrol. */
enum ct_status page_person_tracks_new(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

enum ct_status page_person_tracks_new_submit(struct web_request *request,
                                             struct web_response *response,
                                             int64_t id) CT_MUST_CHECK;

/* Writes the form that withdraws track track_id (in state; nothing unless it is open):
 * a reason, and the button. */
void track_withdraw_form(struct web_request *request, struct html *h, int64_t track_id,
                         const char *state);

/* id: the track to withdraw; the form's "reason" says why. */
enum ct_status page_track_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

#endif
